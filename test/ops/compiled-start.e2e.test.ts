/**
 * `npm start` runs the compiled start (scripts/main-bundle.mjs), on a copy of the repository's
 * tracked files with no dist/ and no web bundle, as after a clone: the first start builds it and
 * behaves as the sources do (migrations, the render thread, the web page's bundle all found from
 * the build), a start with unchanged sources reuses that build, and an edited source is what the
 * next start runs, never the build from before the edit.
 */
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clockShiftEnv } from '../support/clock-shift-env.js';

const copy = mkdtempSync(join(tmpdir(), 'yakjeong-compiled-'));

beforeAll(() => {
  const tracked = execFileSync('git', ['ls-files', '-z'], { encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of tracked) {
    if (!existsSync(file)) continue;
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    copyFileSync(file, join(copy, file));
  }
  symlinkSync(realpathSync('node_modules'), join(copy, 'node_modules'));
});

afterAll(() => rmSync(copy, { recursive: true, force: true }));

function npmStart(input: string[], name: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const env = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? copy,
      ...clockShiftEnv(),
      YAKJEONG_LOCALE: 'en',
      DATABASE_PATH: join(copy, 'data', `${name}.db`),
      YAKJEONG_OUT_DIR: join(copy, 'out', name),
    };
    const child = spawn('npm', ['start'], { cwd: copy, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`npm start took too long:\n${output}`));
    }, 60_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
    child.stdin.end(`${input.join('\n')}\n`);
  });
}

const current = () => JSON.parse(readFileSync(join(copy, 'dist', 'current.json'), 'utf8')) as { build: string };
const builds = () => readdirSync(join(copy, 'dist', 'builds')).sort();

describe('npm start, compiled', () => {
  it('builds on the first start and runs the whole bot from the build: help, a poll, its heatmap', async () => {
    expect(existsSync(join(copy, 'dist'))).toBe(false);
    const day = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
    const run = await npmStart([`/yakjeong create Lunch dates:${day} time:12:00-13:00 slot:30m`, 'as ann', 'click 1', '/yakjeong results', '/yakjeong help'], 'first');
    expect(run.code, run.output).toBe(0);
    expect(run.output).toContain('Yakjeong — find a time that works for everyone');
    const image = /🖼 {2}(.+\.png)/.exec(run.output)?.[1];
    expect(image, run.output).toBeDefined();
    expect(PNG.sync.read(readFileSync(image!)).width).toBeGreaterThan(100);
    expect(existsSync(join(copy, 'dist', 'builds', current().build, 'main.mjs'))).toBe(true);
  });

  it('reuses the build while the sources are unchanged', async () => {
    const before = { build: current().build, builds: builds(), at: statSync(join(copy, 'dist', 'current.json')).mtimeMs };
    const run = await npmStart(['/yakjeong help'], 'again');
    expect(run.code, run.output).toBe(0);
    expect({ build: current().build, builds: builds(), at: statSync(join(copy, 'dist', 'current.json')).mtimeMs }).toEqual(before);
  });

  it('runs an edited source at the next start, keeping the older build for processes still on it', async () => {
    const before = current().build;
    const catalog = join(copy, 'src', 'core', 'i18n', 'en.ts');
    writeFileSync(catalog, readFileSync(catalog, 'utf8').replace('find a time that works for everyone', 'find a time that suits everyone'));
    const run = await npmStart(['/yakjeong help'], 'edited');
    expect(run.code, run.output).toBe(0);
    expect(run.output).toContain('Yakjeong — find a time that suits everyone');
    expect(current().build).not.toBe(before);
    expect(builds()).toContain(before);
  });

  it('refuses to start sources that do not compile, naming the file and line, and runs them once mended', async () => {
    const before = current().build;
    const catalog = join(copy, 'src', 'core', 'i18n', 'en.ts');
    const good = readFileSync(catalog, 'utf8');
    writeFileSync(catalog, good.replace('find a time that suits everyone', "find a time that suits everyone' +,"));
    const broken = await npmStart(['/yakjeong help'], 'broken');
    expect(broken.code, broken.output).toBe(1);
    expect(broken.output).toContain('src/core/i18n/en.ts:');
    expect(broken.output).toContain('npm start: the sources above do not compile; nothing was started.');
    expect(broken.output).not.toContain('/yakjeong create');
    expect(current().build).toBe(before);
    writeFileSync(catalog, good.replace('find a time that suits everyone', 'find a time for everyone'));
    const mended = await npmStart(['/yakjeong help'], 'mended');
    expect(mended.code, mended.output).toBe(0);
    expect(mended.output).toContain('Yakjeong — find a time for everyone');
  });

  it("tidies the staging folder a killed build left behind, and keeps another process's", async () => {
    const dead = join(copy, 'dist', 'builds', '.staging-999999999');
    const alive = join(copy, 'dist', 'builds', `.staging-${process.pid}`);
    mkdirSync(dead);
    mkdirSync(alive);
    const catalog = join(copy, 'src', 'core', 'i18n', 'en.ts');
    writeFileSync(catalog, readFileSync(catalog, 'utf8').replace('find a time for everyone', 'find a time, together'));
    const run = await npmStart(['/yakjeong help'], 'tidy');
    expect(run.code, run.output).toBe(0);
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(alive)).toBe(true);
    rmSync(alive, { recursive: true });
  });
});
