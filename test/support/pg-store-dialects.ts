/**
 * Runs a suite against every store dialect: a fresh SQLite file per test, and this file's own
 * PostgreSQL database emptied before each test (skipped with a message when no server answers).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, beforeEach, describe } from 'vitest';
import { openStore, type Store, type StoreConfig, type StoreDialect } from '../../src/infra/db/open-store.js';
import { createTestDatabase, numericClient, pgAvailableForTests, type TestDatabase } from './pg-test-database.js';

export interface DialectFixture {
  name: StoreDialect;
  /** The current test's store: a SQLite path or a PostgreSQL URL. */
  config(): StoreConfig;
  /** Opens (another connection to) the current test's store; closed after the test. */
  open(): Promise<Store>;
  /** Raw SQL with `?` placeholders, for what no port shows (outbox rows, a damaged spec); numbers read as numbers. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
}

const PG_AVAILABLE = await pgAvailableForTests();

function sqliteFixture(): DialectFixture {
  let dir = '';
  let path = '';
  let n = 0;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'yakjeong-store-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  beforeEach(() => {
    path = join(dir, `${++n}.db`);
  });
  return {
    name: 'sqlite',
    config: () => ({ databasePath: path }),
    open: () => openStore({ databasePath: path }),
    query: async <T>(text: string, params: unknown[] = []) => {
      const db = new Database(path);
      try {
        const statement = db.prepare(text);
        return (statement.reader ? statement.all(...params) : (statement.run(...params), [])) as T[];
      } finally {
        db.close();
      }
    },
  };
}

function pgFixture(label: string): DialectFixture {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await createTestDatabase(label);
  });
  afterAll(async () => database?.drop());
  const url = () => {
    if (!database) throw new Error('the test database was not created');
    return database.url;
  };
  const query = async <T>(text: string, params: unknown[] = []): Promise<T[]> => {
    const client = numericClient(url());
    await client.connect();
    try {
      let i = 0;
      return (await client.query(text.replace(/\?/g, () => `$${++i}`), params)).rows as T[];
    } finally {
      await client.end();
    }
  };
  beforeEach(async () => {
    const tables = await query<{ name: string }>("select tablename as name from pg_tables where schemaname = 'public'");
    if (tables.length) await query(`truncate ${tables.map((t) => `"${t.name}"`).join(', ')} restart identity cascade`);
  });
  return { name: 'postgres', config: () => ({ databasePath: '', databaseUrl: url() }), open: () => openStore({ databasePath: '', databaseUrl: url() }), query };
}

/**
 * `describe.each` over the dialects, with the fixture's hooks registered first, so a suite's own
 * afterEach (stopping schedulers) runs before its stores close.
 */
export function describeEachStore(label: string, suite: (fixture: DialectFixture) => void): void {
  for (const name of ['sqlite', 'postgres'] as const) {
    describe.skipIf(name === 'postgres' && !PG_AVAILABLE)(`${label} on ${name}`, () => {
      const fixture = name === 'sqlite' ? sqliteFixture() : pgFixture(label);
      const opened: Store[] = [];
      const open = async () => {
        const store = await fixture.open();
        opened.push(store);
        return store;
      };
      afterEach(async () => {
        await Promise.all(opened.splice(0).map((s) => s.close()));
      });
      suite({ ...fixture, open });
    });
  }
}
