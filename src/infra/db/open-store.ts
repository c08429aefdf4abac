/**
 * Chooses the store: PostgreSQL when a DATABASE_URL is given, otherwise the embedded SQLite file.
 * Both give the same ports; core never knows which.
 */
import type { DueWorkStore, EditPacing, PollStore, SharedRecords } from '../../core/ports.js';
import { openDatabase } from './sqlite/open-database.js';
import { SqliteDueWorkStore } from './sqlite/sqlite-due-work-store.js';
import { SqlitePollStore } from './sqlite/sqlite-poll-store.js';
import { SqliteEditPacing } from './sqlite/sqlite-edit-pacing.js';
import { SqliteSharedRecords } from './sqlite/sqlite-shared-records.js';

export type StoreDialect = 'sqlite' | 'postgres';

export interface StoreConfig {
  databasePath: string;
  /** postgres://…; when set, it wins over the path. */
  databaseUrl?: string;
}

export interface Store {
  dialect: StoreDialect;
  /** Where the data lives, safe to print: the file's path or the URL without its password. */
  location: string;
  polls: PollStore;
  dueWork: DueWorkStore;
  records: SharedRecords;
  /** Poll-message edits paced across the instances sharing this store. */
  editPacing: EditPacing;
  /** Resolves when the database answers a query (for /healthz). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** The database could not be opened or migrated; the message names where and why. */
export class StoreOpenError extends Error {
  readonly code = 'STORE_OPEN_FAILED';

  constructor(
    readonly location: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`Cannot open the database at ${location}: ${reason}`, options);
    this.name = 'StoreOpenError';
  }
}

/** A connection URL as it may be printed: no password, in the user part or the query. */
export function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = '';
    parsed.searchParams.delete('password');
    return parsed.toString();
  } catch {
    return '(DATABASE_URL, not a valid URL)';
  }
}

/** Closing twice (a test's cleanup after a shutdown) is harmless. */
function once(close: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () => (closing ??= close());
}

function reasonOf(err: unknown): string {
  if (err instanceof AggregateError && err.errors.length) return err.errors.map(reasonOf).join('; ');
  if (err instanceof Error) return err.message || err.name;
  return String(err);
}

/** Opens with `open`, or throws a StoreOpenError naming `location` and why. */
export async function opening<T>(location: string, open: () => T | Promise<T>): Promise<T> {
  try {
    return await open();
  } catch (err) {
    throw new StoreOpenError(location, reasonOf(err), { cause: err });
  }
}

export async function openStore(config: StoreConfig): Promise<Store> {
  if (config.databaseUrl) {
    const url = config.databaseUrl;
    const location = withoutPassword(url);
    // The driver and its schema load only for PostgreSQL: the default SQLite start never pays for them.
    const [{ openPostgres }, { PgPollStore }, { PgDueWorkStore }, { PgSharedRecords }, { PgEditPacing }] = await Promise.all([
      import('./pg/open-postgres.js'),
      import('./pg/pg-poll-store.js'),
      import('./pg/pg-due-work-store.js'),
      import('./pg/pg-shared-records.js'),
      import('./pg/pg-edit-pacing.js'),
    ]);
    const database = await opening(location, () => openPostgres(url));
    return {
      dialect: 'postgres',
      location,
      polls: new PgPollStore(database),
      dueWork: new PgDueWorkStore(database),
      records: new PgSharedRecords(database),
      editPacing: new PgEditPacing(database),
      ping: async () => {
        await database.pool.query('select 1');
      },
      close: once(() => database.close()),
    };
  }
  const location = config.databasePath;
  const database = await opening(location, () => openDatabase(location));
  return {
    dialect: 'sqlite',
    location,
    polls: new SqlitePollStore(database),
    dueWork: new SqliteDueWorkStore(database),
    records: new SqliteSharedRecords(database),
    editPacing: new SqliteEditPacing(database),
    ping: async () => {
      database.sqlite.prepare('select 1').get();
    },
    close: async () => {
      if (database.sqlite.open) database.close();
    },
  };
}
