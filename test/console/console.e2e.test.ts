import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'yakjeong-console-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `npm start` the way a person would, with a script on stdin. */
function runConsole(script: string, args: string[] = [], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
      cwd: process.cwd(),
      env: {
        PATH: process.env.PATH ?? '',
        TZ: 'America/Los_Angeles', // the host zone must not change what anyone sees
        DATABASE_PATH: join(dir, `db-${Math.random().toString(36).slice(2)}.db`),
        YAKJEONG_OUT_DIR: join(dir, 'out'),
        YAKJEONG_LOCALE: 'en',
        ...env,
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(script);
  });
}

describe('console adapter end to end', () => {
  it('runs a whole poll from a script and prints the best time first', async () => {
    const { code, stdout } = await runConsole(
      [
        '/yakjeong create Team dinner dates:2026-12-01..2026-12-02 time:18:00-22:00 slot:1h',
        'as alice',
        '/yakjeong answer 2026-12-01 19:00-21:00, 2026-12-02 18:00-20:00',
        'as bob',
        '/yakjeong answer 2026-12-01 18:00-21:00',
        'as carol',
        '/yakjeong answer 2026-12-01 19:00-22:00 maybe:2026-12-02 18:00-19:00',
        '/yakjeong results',
      ].join('\n'),
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/\[1\] 🗓️ Respond {2}\[2\] 📊 Results {2}\[3\] 🔒 Close/);
    const results = stdout.slice(stdout.indexOf('Best times'));
    expect(results).toMatch(/^1\. Tue, Dec 1 19:00–21:00 — 3\/3 · 🎉 Everyone is free$/m);
    expect(results).toMatch(/a 1h meeting fits anywhere in it/);
    const image = /🖼 {2}(.+\.png)/.exec(results)?.[1];
    expect(image && existsSync(image)).toBe(true);
    const png = PNG.sync.read(readFileSync(image!));
    expect(png.width).toBeLessThanOrEqual(2000);
  });

  it('clicks buttons as the current user and prints JSON lines with --json', async () => {
    const { code, stdout } = await runConsole(
      ['/yakjeong create Standup dates:2026-12-01 time:09:00-10:00 slot:30m', 'as ann', 'click 1', 'click 4', 'click 4', 'as bob', 'click 4', '/yakjeong results'].join('\n'),
      ['--json'],
    );
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as { type: string; text: string; ephemeral: boolean; to: string | null; buttons: Array<{ n: number; label: string }>; image: string | null });
    expect(lines[0]).toMatchObject({ type: 'poll', ephemeral: false, to: null });
    expect(lines[0]!.buttons.map((b) => b.n)).toEqual([1, 2, 3]);
    const grid = lines.find((l) => l.type === 'grid')!;
    expect(grid).toMatchObject({ ephemeral: true, to: 'ann' });
    expect(grid.buttons[0]).toEqual({ n: 4, label: '09:00 ▫️', disabled: false });
    // Numbers are never reused: the re-rendered grid has fresh ones.
    const grids = lines.filter((l) => l.type === 'grid');
    expect(grids[1]!.buttons[0]!.n).toBeGreaterThan(grid.buttons.at(-1)!.n);
    expect(grids[1]!.buttons[0]!.label).toBe('09:00 ✅');
    // Pressing the same stale button again sets the same state: still yes.
    expect(grids[2]!.buttons[0]!.label).toBe('09:00 ✅');
    // Bob cannot press Ann's private button.
    expect(lines.some((l) => l.type === 'info' && /ann's private message/.test(l.text))).toBe(true);
    const results = lines.find((l) => l.type === 'results')!;
    expect(results.text).toMatch(/1\. Tue, Dec 1 09:00–09:30 — 1\/1/);
    expect(results.image).toMatch(/\.png$/);
  });

  it('answers bad input with a friendly message and keeps going', async () => {
    const { code, stdout, stderr } = await runConsole(
      ['/yakjeong create', '/yakjeong create x dates:2026-02-30', '/yakjeong create x dates:12/1 time:9-18 slot:7m', '/yakjeong frob', '/yakjeong results ZZ99', '/yakjeong help'].join('\n'),
    );
    expect(code).toBe(0);
    expect(stdout).toContain('Create a poll: /yakjeong create TITLE');
    expect(stdout).toContain('“2026-02-30” is not a date');
    expect(stdout).toContain('“7m” is not a slot size');
    expect(stdout).toContain('I don\'t know the command “frob”');
    expect(stdout).toContain('There is no poll ZZ99 in this channel');
    expect(stdout).toContain('/yakjeong answer [CODE]');
    expect(stdout + stderr).not.toMatch(/at .+\.ts:\d+/);
  });

  it('sleep lets the clock pass a deadline: the poll closes and announces its best times', async () => {
    const { stdout } = await runConsole(
      [
        '/yakjeong create Offsite kind:date dates:12/1-12/2 deadline:1h remind:30m with:@ann @bob',
        'as ann',
        '/yakjeong answer 12/1',
        'sleep 1850',
        'sleep 1800',
        'as bob',
        '/yakjeong answer 12/2',
        '/yakjeong list',
      ].join('\n'),
    );
    const reminder = stdout.indexOf('Still waiting for @bob');
    const announcement = stdout.indexOf('closed at its deadline');
    expect(reminder).toBeGreaterThan(0);
    expect(announcement).toBeGreaterThan(reminder);
    expect(stdout.slice(announcement)).toMatch(/1\. Tue, Dec 1 — 1\/1/);
    expect(stdout).toContain('No open polls in this channel');
  });

  it('a long sleep still closes the poll at its deadline, not "late"', async () => {
    const { stdout } = await runConsole(['/yakjeong create Far kind:date dates:12/1-12/2 deadline:3h', 'sleep 20000'].join('\n'));
    expect(stdout).toContain('closed at its deadline');
    expect(stdout).not.toContain('closed late');
  });

  it('speaks Korean by default', async () => {
    const { stdout } = await runConsole('/yakjeong create 회식 dates:12/1 time:18:00-20:00', [], { YAKJEONG_LOCALE: '' });
    expect(stdout).toMatch(/\[1\] 🗓️ 응답하기/);
    expect(stdout).not.toMatch(/only .* sees this/);
  });
});
