/** A database that cannot be opened stops the start with a message naming where and why, and exit code 1. */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { clockShiftEnv } from '../support/clock-shift-env.js';

const dir = mkdtempSync(join(tmpdir(), 'yakjeong-open-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function start(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: process.cwd(),
    env: { PATH: process.env.PATH ?? '', ...clockShiftEnv(), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stderr })));
}

describe('starting with a database that cannot be opened', () => {
  it('names the SQLite file and the reason, and exits 1', async () => {
    const path = join(dir, 'not-a-database.db');
    writeFileSync(path, 'this is a text file, not SQLite '.repeat(100));
    const { code, stderr } = await start({ DATABASE_PATH: path });
    expect(code).toBe(1);
    expect(stderr).toContain(`Cannot open the database at ${path}: file is not a database`);
  });

  it('names the PostgreSQL URL without its password, and the reason, and exits 1', async () => {
    // Port 1 on loopback: nothing listens there.
    const { code, stderr } = await start({ DATABASE_URL: 'postgres://bot:s3cret-pw@127.0.0.1:1/yakjeong' });
    expect(code).toBe(1);
    expect(stderr).toContain('Cannot open the database at postgres://bot@127.0.0.1:1/yakjeong: connect ECONNREFUSED 127.0.0.1:1');
    expect(stderr).not.toContain('s3cret-pw');
  });
});
