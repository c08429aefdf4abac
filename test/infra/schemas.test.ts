/**
 * The two dialects' migrations make the same tables and columns, and a SQLite file made before
 * the migrations moved to migrations/sqlite still opens, migrates and keeps its data.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/infra/db/open-store.js';
import { MIGRATIONS_FOLDER } from '../../src/infra/db/sqlite/open-database.js';
import { createTestDatabase, numericClient, pgAvailableForTests } from '../support/pg-test-database.js';

const dir = mkdtempSync(join(tmpdir(), 'yakjeong-schemas-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const PG_AVAILABLE = await pgAvailableForTests();

type Columns = Record<string, Array<{ column: string; notNull: boolean }>>;

function sqliteColumns(path: string): Columns {
  const db = new Database(path, { readonly: true });
  try {
    const tables = db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name").all() as Array<{ name: string }>;
    return Object.fromEntries(
      tables.map(({ name }) => {
        const info = db.prepare(`pragma table_info("${name}")`).all() as Array<{ name: string; notnull: number; pk: number }>;
        // A SQLite integer primary key is never null though not declared so.
        return [name, info.map((c) => ({ column: c.name, notNull: c.notnull === 1 || (c.pk > 0 && info.filter((x) => x.pk > 0).length === 1) })).sort((a, b) => a.column.localeCompare(b.column))];
      }),
    );
  } finally {
    db.close();
  }
}

async function pgColumns(url: string): Promise<Columns> {
  const client = numericClient(url);
  await client.connect();
  try {
    const { rows } = await client.query<{ table: string; column: string; nullable: string }>(
      "select table_name as table, column_name as column, is_nullable as nullable from information_schema.columns where table_schema = 'public' order by table_name, column_name",
    );
    const columns: Columns = {};
    for (const r of rows) (columns[r.table] ??= []).push({ column: r.column, notNull: r.nullable === 'NO' });
    for (const list of Object.values(columns)) list.sort((a, b) => a.column.localeCompare(b.column));
    return columns;
  } finally {
    await client.end();
  }
}

describe.skipIf(!PG_AVAILABLE)('the two schemas', () => {
  it('have the same tables and columns, nullable alike, once migrated', async () => {
    const path = join(dir, 'same.db');
    await (await openStore({ databasePath: path })).close();
    const database = await createTestDatabase('schemas');
    try {
      await (await openStore({ databasePath: '', databaseUrl: database.url })).close();
      const sqlite = sqliteColumns(path);
      expect(Object.keys(sqlite).length).toBeGreaterThanOrEqual(7);
      expect(await pgColumns(database.url)).toEqual(sqlite);
    } finally {
      await database.drop();
    }
  });
});

describe('a SQLite file made by the migrations of before the move to migrations/sqlite', () => {
  it('opens, takes the newer migrations and keeps its polls', async () => {
    // The folder as it was: the first four migrations and their journal.
    const old = join(dir, 'old-migrations');
    mkdirSync(join(old, 'meta'), { recursive: true });
    const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta/_journal.json'), 'utf8')) as { entries: Array<{ tag: string }> };
    const before = journal.entries.slice(0, 4);
    expect(before.map((e) => e.tag)).toEqual(['0000_init', '0001_scheduler', '0002_reminders_per_deadline', '0003_shared_records']);
    for (const e of before) cpSync(join(MIGRATIONS_FOLDER, `${e.tag}.sql`), join(old, `${e.tag}.sql`));
    writeFileSync(join(old, 'meta/_journal.json'), JSON.stringify({ ...journal, entries: before }));

    const path = join(dir, 'old.db');
    const sqlite = new Database(path);
    migrate(drizzle(sqlite), { migrationsFolder: old });
    const spec = { kind: 'date', title: 'Old', timezone: 'UTC', days: { type: 'dates', dates: ['2026-12-01'] }, durationSlots: 1, expected: [], required: [], remindMinutes: [], hidden: false };
    sqlite
      .prepare("insert into polls (code, platform, workspace_id, channel_id, creator_id, creator_name, kind, title, spec, created_at) values ('OLD1', 'console', 'w', 'c', 'U1', 'ann', 'date', 'Old', ?, 1)")
      .run(JSON.stringify(spec));
    sqlite.close();

    const store = await openStore({ databasePath: path });
    try {
      expect((await store.polls.findPollByCode('OLD1'))?.spec.title).toBe('Old');
      const check = new Database(path, { readonly: true });
      const applied = check.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number };
      check.close();
      expect(applied.n).toBe(journal.entries.length);
    } finally {
      await store.close();
    }
  });
});
