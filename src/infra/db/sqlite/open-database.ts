/** Opens the SQLite database with the settings Yakjeong relies on and applies migrations. */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema.js';

export type Db = BetterSQLite3Database<typeof schema>;

export interface OpenedDatabase {
  sqlite: Database.Database;
  db: Db;
  close(): void;
}

/** WAL pages (4 KB each) after which a commit checkpoints. */
export const WAL_CHECKPOINT_PAGES = 4_000;
/** The WAL's size kept once it has been checkpointed, when something made it grow past that. */
export const WAL_KEPT_BYTES = 64 * 1024 * 1024;

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../../../migrations/sqlite', import.meta.url));

/** Tries at migrating while another process's migration is in the way, and the pause between two. */
const MIGRATE_ATTEMPTS = 20;
const MIGRATE_PAUSE_MS = 50;

/**
 * drizzle reads which migrations are applied before it takes the write lock, so two processes
 * starting together on a new file can both try the same one. The loser either fails on a table
 * that now exists or, when its transaction read the schema before the winner committed, gets
 * "database is locked" at once (SQLite refuses that write whatever busy_timeout says, as the
 * snapshot it read is gone). Reading again, after a pause, finds the migrations applied.
 */
export function migrateBesideOthers(run: () => void): void {
  for (let attempt = 1; ; attempt++) {
    try {
      run();
      return;
    } catch (err) {
      const said = err instanceof Error ? `${err.message} ${String(err.cause ?? '')} ${(err as { code?: unknown }).code ?? ''}` : '';
      const applied = /already exists|duplicate column/i.test(said);
      const busy = /database is locked|SQLITE_BUSY/i.test(said);
      if (attempt >= MIGRATE_ATTEMPTS || !(applied || busy)) throw err;
      // Opening is synchronous (and happens once, at start): a short blocking pause lets the other process finish.
      if (busy) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, MIGRATE_PAUSE_MS);
    }
  }
}

export function openDatabase(path: string): OpenedDatabase {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  try {
    // busy_timeout first: switching to WAL takes a lock that another process starting at the same moment may hold.
    sqlite.pragma('busy_timeout = 5000');
    // WAL lets readers run beside the one writer.
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('synchronous = NORMAL');
    // The commit that takes the WAL past this many pages copies them into the file and syncs it.
    // SQLite's 1,000 (4 MB) made that one click in a few hundred under load; at 4,000 (16 MB) it is
    // a quarter as often, and pages written again and again (a poll's row) are copied once for all.
    sqlite.pragma(`wal_autocheckpoint = ${WAL_CHECKPOINT_PAGES}`);
    // A reader that keeps the checkpoint from finishing (a backup, another process) lets the WAL
    // grow past that, and SQLite keeps a file at its largest: this cuts it back when it is reused.
    sqlite.pragma(`journal_size_limit = ${WAL_KEPT_BYTES}`);
    const db = drizzle(sqlite, { schema });
    migrateBesideOthers(() => migrate(db, { migrationsFolder: MIGRATIONS_FOLDER }));
    return { sqlite, db, close: () => sqlite.close() };
  } catch (err) {
    sqlite.close();
    throw err;
  }
}
