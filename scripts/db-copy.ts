/**
 * Copies the SQLite database into an empty PostgreSQL database, keeping ids and sequences:
 *
 *   npm run db:copy -- --to postgres://user:password@host:5432/yakjeong [--from ./data/yakjeong.db]
 *
 * Without --from it copies the configured DATABASE_PATH. Then start the bot with DATABASE_URL set.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../src/config.js';
import { CopyRefused, copySqliteToPostgres } from '../src/infra/db/copy-sqlite-to-postgres.js';
import { StoreOpenError, withoutPassword } from '../src/infra/db/open-store.js';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' } } });
  if (!values.to || !/^postgres(ql)?:\/\//.test(values.to)) throw new UsageError('Give the target as --to postgres://user:password@host:5432/database.');
  const from = values.from ?? loadConfig().databasePath;
  if (!existsSync(from)) throw new UsageError(`There is no SQLite database at ${from} (set DATABASE_PATH or give --from FILE).`);
  const copied = await copySqliteToPostgres(from, values.to);
  const rows = Object.entries(copied).map(([table, n]) => `${table} ${n}`);
  console.log(`Copied ${from} to ${withoutPassword(values.to)}: ${rows.join(', ')}.`);
}

class UsageError extends Error {}

main().catch((err: unknown) => {
  const known = err instanceof UsageError || err instanceof ConfigError || err instanceof CopyRefused || err instanceof StoreOpenError;
  process.stderr.write(`${known ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
