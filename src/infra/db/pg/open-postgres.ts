/** Connects to PostgreSQL and applies migrations/pg, one instance at a time. */
import { fileURLToPath } from 'node:url';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema.js';

export type PgDb = NodePgDatabase<typeof schema>;

export interface OpenedPostgres {
  pool: pg.Pool;
  db: PgDb;
  close(): Promise<void>;
}

export const PG_MIGRATIONS_FOLDER = fileURLToPath(new URL('../../../../migrations/pg', import.meta.url));

/**
 * Advisory lock keys (per database). Migrations run under one because several instances start at
 * once; the claim of due work under the other, so only one instance at a time closes polls and
 * records reminders.
 */
export const MIGRATION_LOCK = 0x79616b01;
export const CLAIM_LOCK = 0x79616b02;

export async function openPostgres(url: string, options: { poolSize?: number } = {}): Promise<OpenedPostgres> {
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10, connectionTimeoutMillis: 10_000 });
  // An idle connection the server drops (a restart, a failover) must not end the process: the
  // pool replaces it, and the next query reports the problem where it can be handled.
  pool.on('error', () => {});
  try {
    const client = await pool.connect();
    try {
      await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
      try {
        await migrate(drizzle(client), { migrationsFolder: PG_MIGRATIONS_FOLDER });
      } finally {
        await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]);
      }
    } finally {
      client.release();
    }
  } catch (err) {
    await pool.end();
    throw err;
  }
  return { pool, db: drizzle(pool, { schema }), close: () => pool.end() };
}
