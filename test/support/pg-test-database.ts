/**
 * PostgreSQL for tests: TEST_DATABASE_URL, else the local server. Each test file makes its own
 * database and drops it afterwards. With no server the PostgreSQL tests are skipped with a
 * message saying how to run them, unless YAKJEONG_REQUIRE_PG=1 (set by .ci/run): then a missing
 * server fails the file.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { withoutPassword } from '../../src/infra/db/open-store.js';

export const TEST_PG_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const REQUIRED = process.env.YAKJEONG_REQUIRE_PG === '1';
const HOW_TO_RUN =
  'To run them, start PostgreSQL (e.g. `pg_ctlcluster 15 main start`) or set TEST_DATABASE_URL to a server where the user may CREATE DATABASE.';

/** A client whose bigint columns read as numbers, as the store's own schema reads them. */
export function numericClient(url: string): pg.Client {
  return new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: 3_000,
    types: { getTypeParser: (oid, format) => (oid === pg.types.builtins.INT8 ? Number : pg.types.getTypeParser(oid, format)) } as pg.CustomTypesConfig,
  });
}

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = numericClient(TEST_PG_URL);
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Why the server cannot be used, or undefined when it answers. */
async function unreachable(): Promise<string | undefined> {
  try {
    await admin((c) => c.query('select 1'));
    return undefined;
  } catch (err) {
    return err instanceof Error ? err.message || err.name : String(err);
  }
}

/**
 * Whether this file's PostgreSQL tests run. Asked once, at load: a required server that does not
 * answer fails the file with the reason.
 */
export async function pgAvailableForTests(): Promise<boolean> {
  const why = await unreachable();
  if (why === undefined) return true;
  const where = withoutPassword(TEST_PG_URL);
  if (REQUIRED) throw new Error(`YAKJEONG_REQUIRE_PG=1, but PostgreSQL at ${where} cannot be reached: ${why}`);
  console.warn(`Skipping the PostgreSQL tests: no server at ${where} (${why}). ${HOW_TO_RUN}`);
  return false;
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh database on the test server; `prefix` tells its owner apart (the bench makes its own too). */
export async function createTestDatabase(label: string, prefix = 'yakjeong_test'): Promise<TestDatabase> {
  const name = `${prefix}_${label.replace(/\W/g, '_')}_${process.pid}_${randomBytes(3).toString('hex')}`.toLowerCase();
  await admin((c) => c.query(`create database "${name}"`));
  const url = new URL(TEST_PG_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    // FORCE ends connections a failed test left open.
    drop: () => admin((c) => c.query(`drop database if exists "${name}" with (force)`)).then(() => undefined),
  };
}
