/**
 * Copies a SQLite database into an empty PostgreSQL one (migrated first), keeping every id, and
 * sets the PostgreSQL sequences past them so new rows never collide. One transaction: a copy
 * that fails leaves the target empty.
 */
import { count, getTableColumns, getTableName, is, sql } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { opening, withoutPassword } from './open-store.js';
import { openPostgres } from './pg/open-postgres.js';
import * as pgSchema from './pg/schema.js';
import { openDatabase } from './sqlite/open-database.js';
import * as sqliteSchema from './sqlite/schema.js';

type TableName = keyof typeof pgSchema & keyof typeof sqliteSchema;

/**
 * Every table of the schema, read from the schema itself so a table added later is never left
 * behind: polls first, since every other table that refers to another refers to it.
 */
const TABLES: readonly TableName[] = (Object.keys(pgSchema) as TableName[])
  .filter((name) => is(pgSchema[name], PgTable))
  .sort((a, b) => Number(b === 'polls') - Number(a === 'polls'));
/** Tables whose `id` is drawn from a sequence in PostgreSQL. */
const SERIAL = TABLES.filter((name) => getTableColumns(pgSchema[name] as PgTable).id?.columnType === 'PgSerial');
const CHUNK = 500;

export class CopyRefused extends Error {
  readonly code = 'COPY_TARGET_NOT_EMPTY';

  constructor(readonly tables: string[]) {
    super(`The PostgreSQL database is not empty (rows in ${tables.join(', ')}): db:copy only fills an empty one.`);
    this.name = 'CopyRefused';
  }
}

export async function copySqliteToPostgres(fromPath: string, toUrl: string): Promise<Record<string, number>> {
  // Opening migrates the file to the current schema, as a start of the bot would.
  const source = await opening(fromPath, () => openDatabase(fromPath));
  const target = await opening(withoutPassword(toUrl), () => openPostgres(toUrl, { poolSize: 1 })).catch((err: unknown) => {
    source.close();
    throw err;
  });
  // One read transaction over the whole copy: every table is read from the same snapshot, even if a
  // bot still writes to the file (WAL readers see the database as of their first read).
  source.sqlite.exec('BEGIN');
  try {
    return await target.db.transaction(async (tx) => {
      const filled: string[] = [];
      for (const name of TABLES) {
        const [row] = await tx.select({ n: count() }).from(pgSchema[name] as PgTable);
        if ((row?.n ?? 0) > 0) filled.push(getTableName(pgSchema[name]));
      }
      if (filled.length) throw new CopyRefused(filled);
      const copied: Record<string, number> = {};
      for (const name of TABLES) {
        // The two schemas have the same columns under the same names (a test compares them), so rows pass as they are.
        const rows = source.db.select().from(sqliteSchema[name] as SQLiteTable).all() as Array<Record<string, unknown>>;
        for (let i = 0; i < rows.length; i += CHUNK) await tx.insert(pgSchema[name] as PgTable).values(rows.slice(i, i + CHUNK));
        copied[getTableName(pgSchema[name])] = rows.length;
      }
      // SQLite's AUTOINCREMENT never reuses an id, even of a deleted last row: the sequence goes on from its counter.
      const counters = new Map(
        (source.sqlite.prepare("select name, seq from sqlite_sequence").all() as Array<{ name: string; seq: number }>).map((r) => [r.name, r.seq]),
      );
      for (const name of SERIAL) {
        const table = getTableName(pgSchema[name]);
        const used = counters.get(table) ?? 0;
        await tx.execute(sql`select setval(pg_get_serial_sequence(${table}, 'id'), greatest(coalesce(max(id), 0), ${used}) + 1, false) from ${sql.identifier(table)}`);
      }
      return copied;
    });
  } finally {
    source.sqlite.exec('ROLLBACK');
    source.close();
    await target.close();
  }
}
