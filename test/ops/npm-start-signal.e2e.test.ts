/**
 * A service manager that stops `npm start` signals npm, and npm passes SIGTERM to the script's
 * process. That must be the bot itself (the script execs it): a shell in between dies of the
 * signal without passing it on, and a bot started in the background then ran on, orphaned,
 * holding its port and database.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { clockShiftEnv } from '../support/clock-shift-env.js';

const dir = mkdtempSync(join(tmpdir(), 'yakjeong-npm-signal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Child pids of `pid`, from /proc (Linux, as CI). */
function childrenOf(pid: number): number[] {
  const tasks = `/proc/${pid}/task`;
  if (!existsSync(tasks)) return [];
  return readFileSync(`${tasks}/${pid}/children`, 'utf8').split(/\s+/).filter(Boolean).map(Number);
}

async function until(condition: () => boolean, what: string, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('npm start under a service manager', () => {
  // Reads the process tree from /proc: Linux, as CI and the Docker image.
  it.runIf(process.platform === 'linux')('stops the bot when only npm is sent SIGTERM', async () => {
    const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? dir, ...clockShiftEnv(), YAKJEONG_LOCALE: 'en', DATABASE_PATH: join(dir, 'bot.db'), YAKJEONG_OUT_DIR: join(dir, 'out') };
    const npm = spawn('npm', ['start'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    npm.stdout.on('data', (d: Buffer) => (output += d.toString()));
    npm.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const npmExited = new Promise<void>((resolve) => npm.on('exit', () => resolve()));
    try {
      // Input stays open, as a terminal's would: the console keeps running until it is stopped.
      npm.stdin.write('/yakjeong help\n');
      await until(() => output.includes('/yakjeong create'), 'the console to answer');
      // npm's own child is the bot: no shell between them to take the signal and leave it running.
      const bot = childrenOf(npm.pid!);
      expect(bot.map((pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').slice(0, 2).join(' '))).toEqual(['node scripts/start.mjs']);
      npm.kill('SIGTERM');
      await npmExited;
      await until(() => !existsSync(`/proc/${bot[0]}`), 'the bot to exit');
    } finally {
      npm.stdin.destroy();
      if (npm.exitCode === null) npm.kill('SIGKILL');
    }
  });
});
