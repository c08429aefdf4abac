import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { SAFETY_NET_PAGES } from '../../src/infra/db/sqlite/background-checkpoints.js';
import { openDatabase } from '../../src/infra/db/sqlite/open-database.js';

describe('WAL checkpoints on a thread of their own', () => {
  const dir = mkdtempSync(join(tmpdir(), 'yakjeong-checkpoints-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('copies committed writes into the database file without the writer doing it, and lets the file go on close', async () => {
    const path = join(dir, 'a.db');
    const database = openDatabase(path);
    database.sqlite.exec('CREATE TABLE filler (bytes BLOB NOT NULL)');
    const before = statSync(path).size;
    const insert = database.sqlite.prepare('INSERT INTO filler (bytes) VALUES (?)');
    // ~2 MB in 200 commits: about 500 pages, under the 1,000 at which SQLite would checkpoint inline.
    for (let i = 0; i < 200; i++) insert.run(Buffer.alloc(10_000, i));
    // The writes woke the thread; the writer's own checkpoint became the net, far above this.
    await vi.waitFor(() => expect(database.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(SAFETY_NET_PAGES), { timeout: 5_000, interval: 50 });
    await vi.waitFor(() => expect(statSync(path).size).toBeGreaterThan(before + 2_000_000), { timeout: 10_000, interval: 50 });

    await database.close();
    // The last connection to close (the thread's) checkpointed the rest and removed the WAL.
    expect(existsSync(`${path}-wal`)).toBe(false);
    const again = openDatabase(path);
    expect(again.sqlite.prepare('SELECT count(*) AS n FROM filler').get()).toEqual({ n: 200 });
    await again.close();
  });

  it('starts no thread for a few writes, leaving the checkpoints to SQLite, and starts it once writes keep coming', async () => {
    // The watch's clock only: SQLite and the file system run for real.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const database = openDatabase(join(dir, 'quiet.db'));
      database.sqlite.exec('CREATE TABLE filler (bytes BLOB NOT NULL)');
      const insert = database.sqlite.prepare('INSERT INTO filler (bytes) VALUES (?)');
      for (let i = 0; i < 10; i++) insert.run(Buffer.alloc(10_000, i));
      vi.advanceTimersByTime(10_000);
      expect(database.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
      for (let i = 0; i < 200; i++) insert.run(Buffer.alloc(10_000, i));
      vi.advanceTimersByTime(1_000);
      expect(database.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(SAFETY_NET_PAGES);
      await database.close();
    } finally {
      vi.useRealTimers();
    }
  });
});
