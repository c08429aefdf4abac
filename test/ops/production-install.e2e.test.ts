/**
 * What the Docker image does, without a container engine: the repository's tracked files in a
 * fresh directory, the Dockerfile's production install (`npm ci --omit=dev`, from the npm
 * registry), then the bot started as `npm start` and as the Dockerfile's CMD, and the Dockerfile's
 * HEALTHCHECK run against it. Proves nothing at start needs a devDependency.
 *
 * The install takes about a minute and a quarter on a shared 2-core machine (most of it
 * downloads), so this file has a generous timeout; it needs the registry, as the image build does.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlack } from '../slack/fake-slack.js';
import { waitFor } from '../slack/support.js';
import { freePort } from '../support/bot-process.js';
import { clockShiftEnv } from '../support/clock-shift-env.js';
import { envOf, execForm, readDockerfile } from './dockerfile.js';

const INSTALL_TIMEOUT_MS = 6 * 60_000;
const copy = mkdtempSync(join(tmpdir(), 'yakjeong-prod-'));
const instructions = readDockerfile();
const dockerEnv = Object.fromEntries(envOf(instructions));
const children: ChildProcess[] = [];

/** What npm needs from this environment to reach the registry (its config, cache and any proxy). */
function npmEnv(): Record<string, string> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? copy };
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && /^(npm_config_(registry|cache|userconfig)|https?_proxy|no_proxy)$/i.test(key)) env[key] = value;
  }
  return env;
}

function run(command: string, args: string[], options: { env: Record<string, string>; input?: string; timeoutMs: number }): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: copy, env: options.env, stdio: ['pipe', 'pipe', 'pipe'] });
    children.push(child);
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${command} ${args.join(' ')} took longer than ${options.timeoutMs} ms:\n${output}`));
    }, options.timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
    child.stdin.end(options.input ?? '');
  });
}

beforeAll(async () => {
  const tracked = execFileSync('git', ['ls-files', '-z'], { encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of tracked) {
    if (!existsSync(file)) continue;
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    copyFileSync(file, join(copy, file));
  }
  const install = instructions.find((i) => i.keyword === 'RUN' && i.args.includes('npm ci'))!.args.split('&&')[0]!.trim().split(/\s+/);
  expect(install.slice(0, 2)).toEqual(['npm', 'ci']);
  const installed = await run(install[0]!, install.slice(1), { env: npmEnv(), timeoutMs: INSTALL_TIMEOUT_MS });
  expect(installed.code, installed.output).toBe(0);
}, INSTALL_TIMEOUT_MS + 30_000);

afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(copy, { recursive: true, force: true });
});

describe('the production install the Dockerfile performs', () => {
  it('leaves the devDependencies out', () => {
    expect(existsSync(join(copy, 'node_modules/tsx'))).toBe(true);
    for (const dev of ['vitest', 'typescript', 'drizzle-kit', 'playwright-core']) expect(existsSync(join(copy, 'node_modules', dev)), dev).toBe(false);
  });

  it('starts with `npm start` and answers help typed into the console', async () => {
    const started = await run('npm', ['start'], {
      env: { ...npmEnv(), ...clockShiftEnv(), YAKJEONG_LOCALE: 'en', DATABASE_PATH: join(copy, 'data/help.db'), YAKJEONG_OUT_DIR: join(copy, 'out') },
      input: '/yakjeong help\n',
      timeoutMs: 60_000,
    });
    expect(started.output).toContain('/yakjeong create TITLE');
    expect(started.code).toBe(0);
  });

  it("serves Slack over HTTP when started as the Dockerfile's CMD, and its HEALTHCHECK reads the state", async () => {
    const slack = new FakeSlack();
    await slack.start();
    try {
      const port = String(await freePort());
      const env = { PATH: process.env.PATH ?? '', ...clockShiftEnv(), ...dockerEnv, PORT: port, DATABASE_PATH: join(copy, 'data/bot.db'), YAKJEONG_OUT_DIR: join(copy, 'out') };
      const [command, ...args] = execForm(instructions.find((i) => i.keyword === 'CMD')!.args);
      const bot = spawn(command!, args, {
        cwd: copy,
        env: { ...env, SLACK_BOT_TOKEN: 'xoxb-prod-install', SLACK_SIGNING_SECRET: 'prod-install-secret', SLACK_API_URL: slack.apiUrl },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      children.push(bot);
      let output = '';
      bot.stdout!.on('data', (d: Buffer) => (output += d.toString()));
      bot.stderr!.on('data', (d: Buffer) => (output += d.toString()));
      const exited = new Promise<number | null>((resolve) => bot.on('exit', (code) => resolve(code)));
      await waitFor(() => output.includes('yakjeong is running'), 30_000, 'the bot to start');

      const healthcheckArgs = instructions.find((i) => i.keyword === 'HEALTHCHECK')!.args;
      const [check, ...checkArgs] = execForm(healthcheckArgs.slice(healthcheckArgs.indexOf('CMD')));
      const healthy = await run(check!, checkArgs, { env, timeoutMs: 15_000 });
      expect(healthy.code, healthy.output).toBe(0);

      bot.kill('SIGTERM');
      expect(await exited).toBe(0);
      const down = await run(check!, checkArgs, { env, timeoutMs: 15_000 });
      expect(down.code).toBe(1);
    } finally {
      await slack.close();
    }
  });
});
