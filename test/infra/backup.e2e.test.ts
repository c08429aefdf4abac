/**
 * `npm run backup -- FILE` as an operator runs it: a copy taken while another connection keeps
 * writing opens, passes integrity_check and holds what was written before it started; the
 * refusals are one line with the right exit code, and a PostgreSQL URL's password is never printed.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/infra/db/sqlite/open-database.js';

const dir = mkdtempSync(join(tmpdir(), 'yakjeong-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function backup(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', 'backup', '--', ...args], {
      cwd: process.cwd(),
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? dir, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run backup', () => {
  it('copies the live database while another connection keeps writing', async () => {
    const live = join(dir, 'live.db');
    // The bot's own schema and settings (WAL), plus a table this test writes pairs of rows into.
    const bot = openDatabase(live);
    bot.sqlite.exec('create table writes (n integer primary key, pad text not null)');
    const insert = bot.sqlite.prepare('insert into writes (n, pad) values (?, ?)');
    let n = 0;
    const pad = 'x'.repeat(2000);
    // Each write is a transaction of two rows: a copy that cut one in half would hold an odd count.
    const writePair = bot.sqlite.transaction(() => {
      insert.run(++n, pad);
      insert.run(++n, pad);
    });
    for (let i = 0; i < 2500; i++) writePair();
    const writtenBefore = n;
    const writer = setInterval(() => writePair(), 1);
    try {
      const copy = join(dir, 'copy.db');
      const run = await backup([copy], { DATABASE_PATH: live });
      const writtenDuring = n - writtenBefore;
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(copy);
      expect(writtenDuring).toBeGreaterThan(0);

      const restored = new Database(copy, { readonly: true, fileMustExist: true });
      try {
        expect(restored.pragma('integrity_check', { simple: true })).toBe('ok');
        const { count, max } = restored.prepare('select count(*) as count, max(n) as max from writes').get() as { count: number; max: number };
        expect(count).toBeGreaterThanOrEqual(writtenBefore);
        expect(count).toBe(max);
        expect(count % 2).toBe(0);
        // The bot's tables came along: a restored file opens as a Yakjeong database.
        const tables = restored.prepare("select name from sqlite_master where type = 'table'").all() as Array<{ name: string }>;
        expect(tables.map((t) => t.name)).toContain('polls');
      } finally {
        restored.close();
      }
      // One self-contained file: nothing half-written or stale beside it.
      expect(readdirSync(dir).filter((f) => f.startsWith('copy.db'))).toEqual(['copy.db']);
    } finally {
      clearInterval(writer);
      bot.close();
    }
  });

  it('copies the file given with --from, whatever DATABASE_PATH says', async () => {
    const other = join(dir, 'other.db');
    openDatabase(other).close();
    const copy = join(dir, 'from-copy.db');
    const run = await backup([copy, '--from', other], { DATABASE_PATH: join(dir, 'absent.db') });
    expect(run.code).toBe(0);
    expect(existsSync(copy)).toBe(true);
  });

  it('says in one line that the source is missing, and exits 1', async () => {
    const run = await backup([join(dir, 'never.db')], { DATABASE_PATH: join(dir, 'missing.db') });
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringContaining(join(dir, 'missing.db'))]);
    expect(existsSync(join(dir, 'never.db'))).toBe(false);
  });

  it('says in one line that the destination cannot be written, and exits 1', async () => {
    const source = join(dir, 'source.db');
    openDatabase(source).close();
    // A path under a regular file: unwritable even for root, which ignores permission bits.
    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, 'not a directory');
    const run = await backup([join(blocker, 'copy.db'), '--from', source]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^Cannot write the backup to .*a-file/)]);
  });

  it('names a destination folder that does not exist, and how to make it', async () => {
    const source = join(dir, 'source.db');
    openDatabase(source).close();
    const run = await backup([join(dir, 'backups', 'copy.db'), '--from', source]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([`Cannot write the backup to ${join(dir, 'backups', 'copy.db')}: the folder ${join(dir, 'backups')} does not exist (create it first: mkdir -p ${JSON.stringify(join(dir, 'backups'))}).`]);
  });

  it('sends PostgreSQL users to pg_dump with exit 2, without printing the password', async () => {
    const password = 'pw-Zq81-never-printed';
    const run = await backup([join(dir, 'pg.db')], { DATABASE_URL: `postgres://yak:${password}@db.example:5432/yakjeong` });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('pg_dump');
    expect(run.stderr).toContain('postgres://yak@db.example:5432/yakjeong');
    expect(run.stdout + run.stderr).not.toContain(password);
    expect(existsSync(join(dir, 'pg.db'))).toBe(false);
  });
});
