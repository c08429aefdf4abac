/**
 * An online copy of the SQLite database while the bot keeps writing to it (SQLite's backup API
 * through better-sqlite3). The copy is written beside the destination and renamed into place only
 * once it is complete and passes `PRAGMA integrity_check`, so FILE is never a half-written database,
 * and it is a single file (no -wal beside it).
 */
import { accessSync, constants, existsSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';

export type BackupErrorCode = 'BACKUP_SOURCE_MISSING' | 'BACKUP_DESTINATION_UNWRITABLE' | 'BACKUP_SAME_FILE' | 'BACKUP_FAILED';

/** A backup that could not be made; the message is one line an operator can act on. */
export class BackupError extends Error {
  constructor(
    readonly code: BackupErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'BackupError';
  }
}

export interface BackupResult {
  /** Pages in the copy (times the page size is its size). */
  pages: number;
  bytes: number;
}

/** Every remaining page in one step: one read snapshot, so writes meanwhile never restart the copy (WAL lets them go on). */
const ALL_PAGES = 0x7fffffff;

export async function backupSqlite(from: string, to: string): Promise<BackupResult> {
  if (!existsSync(from) || !statSync(from).isFile()) {
    throw new BackupError('BACKUP_SOURCE_MISSING', `No SQLite database at ${from} (check DATABASE_PATH or --from).`);
  }
  checkDestination(from, to);
  const partial = `${to}.partial-${process.pid}`;
  const source = openSource(from);
  try {
    const progress = await source.backup(partial, { progress: () => ALL_PAGES });
    verify(partial);
    renameSync(partial, to);
    return { pages: progress.totalPages, bytes: statSync(to).size };
  } catch (err) {
    removeCopy(partial);
    if (err instanceof BackupError) throw err;
    throw new BackupError('BACKUP_FAILED', `Backup of ${from} to ${to} failed: ${oneLine(err)}`, { cause: err });
  } finally {
    source.close();
  }
}

function checkDestination(from: string, to: string): void {
  const dir = dirname(resolve(to));
  try {
    if (!statSync(dir).isDirectory()) throw new Error('not a directory');
    accessSync(dir, constants.W_OK);
  } catch (err) {
    // Not there at all: say how to make it. Unreadable, or under a file: it cannot be written.
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new BackupError('BACKUP_DESTINATION_UNWRITABLE', `Cannot write the backup to ${to}: the folder ${dir} does not exist (create it first: mkdir -p ${JSON.stringify(dir)}).`);
    }
    throw new BackupError('BACKUP_DESTINATION_UNWRITABLE', `Cannot write the backup to ${to}: ${dir} is not a writable directory.`);
  }
  if (existsSync(to) && realpathSync(to) === realpathSync(from)) {
    throw new BackupError('BACKUP_SAME_FILE', `The backup destination ${to} is the database itself; choose another file.`);
  }
  if (existsSync(to) && !statSync(to).isFile()) {
    throw new BackupError('BACKUP_DESTINATION_UNWRITABLE', `Cannot write the backup to ${to}: it exists and is not a file.`);
  }
}

function openSource(from: string): Database.Database {
  try {
    const db = new Database(from, { readonly: true, fileMustExist: true });
    // The bot may hold the write lock for a moment; wait for it rather than fail.
    db.pragma('busy_timeout = 5000');
    return db;
  } catch (err) {
    throw new BackupError('BACKUP_SOURCE_MISSING', `Cannot open the SQLite database at ${from}: ${oneLine(err)}`, { cause: err });
  }
}

/** Checks the copy and makes it one self-contained file (the bot switches it back to WAL when it opens it). */
function verify(path: string): void {
  const copy = new Database(path, { fileMustExist: true });
  try {
    const result = copy.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new BackupError('BACKUP_FAILED', `The copy failed its integrity check: ${String(result)}`);
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

function removeCopy(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
}

function oneLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0]!;
}
