/**
 * The bot as a process, started as `npm start` starts it (`node scripts/start.mjs`: the compiled
 * start, built first if the sources changed; without npm in between, so signals reach the bot), for
 * the tests that drive it from outside: its combined output, its exit, and a free port for its HTTP
 * server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { clockShiftEnv } from './clock-shift-env.js';

export interface BotProcess {
  child: ChildProcess;
  exited: Promise<number | null>;
  /** Everything written to stdout and stderr so far. */
  output: () => string;
}

const started: ChildProcess[] = [];

/** Starts the bot with only PATH, the test clock's settings and `env`. */
export function startBot(env: Record<string, string>): BotProcess {
  let output = '';
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: process.cwd(),
    env: { PATH: process.env.PATH ?? '', ...clockShiftEnv(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  started.push(child);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

/** For afterAll: no bot outlives its test file. */
export function killBots(): void {
  for (const child of started) child.kill('SIGKILL');
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
