/**
 * A consistent copy of the SQLite database, safe while the bot runs.
 *
 *   npm run backup -- FILE                 copy DATABASE_PATH (from the environment or .env) to FILE
 *   npm run backup -- FILE --from PATH     copy the database at PATH instead
 *
 * Exit codes: 0 copied, 1 could not copy (one line says why), 2 the store is PostgreSQL (use pg_dump).
 */
import { ConfigError, loadConfig } from '../src/config.js';
import { withoutPassword } from '../src/infra/db/open-store.js';
import { BackupError, backupSqlite } from '../src/infra/db/sqlite/backup-database.js';

const USAGE = 'Usage: npm run backup -- FILE [--from PATH]';

interface Args {
  to?: string;
  from?: string;
}

function parseArgs(argv: string[]): Args | undefined {
  const args: Args = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--from') {
      const path = argv[++i];
      if (!path) return undefined;
      args.from = path;
    } else if (arg.startsWith('-') || args.to !== undefined) {
      return undefined;
    } else {
      args.to = arg;
    }
  }
  return args.to === undefined ? undefined : args;
}

/** What a PostgreSQL operator runs instead; the URL is printed without its password. */
function pgDumpAdvice(databaseUrl: string): string {
  return [
    'DATABASE_URL selects PostgreSQL: back it up with pg_dump, e.g.',
    `  pg_dump --format=custom --file=yakjeong.dump '${withoutPassword(databaseUrl)}'`,
    '(the password comes from PGPASSWORD or ~/.pgpass; restore with pg_restore --clean --dbname=URL yakjeong.dump)',
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (!args?.to) {
    process.stderr.write(`${USAGE}\n`);
    return 1;
  }
  let from = args.from;
  if (from === undefined) {
    const config = loadConfig();
    if (config.databaseUrl) {
      process.stderr.write(`${pgDumpAdvice(config.databaseUrl)}\n`);
      return 2;
    }
    from = config.databasePath;
  }
  const result = await backupSqlite(from, args.to);
  process.stdout.write(`Backed up ${from} to ${args.to} (${result.bytes} bytes, integrity check ok).\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof BackupError || err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  },
);
