import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/infra/db/open-database.js';
import { SqliteSharedRecords } from '../../src/infra/db/sqlite-shared-records.js';

const dir = mkdtempSync(join(tmpdir(), 'yakjeong-records-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SqliteSharedRecords', () => {
  it('keeps the first value made, across a reopen and a second connection', async () => {
    const path = join(dir, 'r.db');
    const first = openDatabase(path);
    const second = openDatabase(path);
    const a = new SqliteSharedRecords(first);
    const b = new SqliteSharedRecords(second);
    expect(await a.getOrCreate('secret', 'web', () => 'one', 1)).toBe('one');
    expect(await b.getOrCreate('secret', 'web', () => 'two', 2)).toBe('one');
    first.close();
    second.close();
    const again = openDatabase(path);
    expect(await new SqliteSharedRecords(again).get('secret', 'web')).toBe('one');
    again.close();
  });

  it('puts, overwrites and removes', async () => {
    const db = openDatabase(join(dir, 'p.db'));
    const records = new SqliteSharedRecords(db);
    expect(await records.get('discord-event', '7')).toBeUndefined();
    await records.put('discord-event', '7', 'e1', 1);
    await records.put('discord-event', '7', 'e2', 2);
    expect(await records.get('discord-event', '7')).toBe('e2');
    await records.remove('discord-event', '7');
    expect(await records.get('discord-event', '7')).toBeUndefined();
    db.close();
  });
});
