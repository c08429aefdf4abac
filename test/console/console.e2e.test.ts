import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { clockShiftEnv } from '../support/clock-shift-env.js';

const dir = mkdtempSync(join(tmpdir(), 'yakjeong-console-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/*
 * The bot runs on the real clock (or the clock `.ci/run` shifts for every process), so every
 * date below is computed from this process's `Date.now()`, a few weeks ahead, in the zone the
 * console user lives in; the expected texts are built here, not copied from the product.
 */
const ZONE = 'Asia/Seoul';
const DAY_MS = 86_400_000;
const EN_WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const KO_WEEKDAYS = ['일', '월', '화', '수', '목', '금', '토'];

/** The calendar date (YYYY-MM-DD) of an instant in a zone. */
function dateIn(zone: string, instant: number): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

function ymd(date: string): { y: number; m: number; d: number; weekday: number } {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return { y, m, d, weekday: new Date(Date.UTC(y, m - 1, d)).getUTCDay() };
}

function addDays(date: string, days: number): string {
  const { y, m, d } = ymd(date);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** "Tue, Dec 1", as the bot writes a date in English. */
function en(date: string): string {
  const { m, d, weekday } = ymd(date);
  return `${EN_WEEKDAYS[weekday]}, ${EN_MONTHS[m - 1]} ${d}`;
}

/** "12월 1일 (화)", as the bot writes a date in Korean. */
function ko(date: string): string {
  const { m, d, weekday } = ymd(date);
  return `${m}월 ${d}일 (${KO_WEEKDAYS[weekday]})`;
}

/** "12/1", month/day as people type it (the next such date). */
function md(date: string): string {
  const { m, d } = ymd(date);
  return `${m}/${d}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Three weeks from now, and the day after: whatever month or year that falls in. */
const DAY1 = addDays(dateIn(ZONE, Date.now()), 21);
const DAY2 = addDays(DAY1, 1);


/** Runs `npm start` the way a person would, with a script on stdin. */
function runConsole(script: string, args: string[] = [], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
      cwd: process.cwd(),
      env: {
        PATH: process.env.PATH ?? '',
        ...clockShiftEnv(),
        TZ: 'America/Los_Angeles', // the host zone must not change what anyone sees
        DATABASE_PATH: join(dir, `db-${Math.random().toString(36).slice(2)}.db`),
        YAKJEONG_OUT_DIR: join(dir, 'out'),
        YAKJEONG_LOCALE: 'en',
        YAKJEONG_DEFAULT_TZ: ZONE,
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
        `/yakjeong create Team dinner dates:${DAY1}..${DAY2} time:18:00-22:00 slot:1h`,
        'as alice',
        `/yakjeong answer ${DAY1} 19:00-21:00, ${DAY2} 18:00-20:00`,
        'as bob',
        `/yakjeong answer ${DAY1} 18:00-21:00`,
        'as carol',
        `/yakjeong answer ${DAY1} 19:00-22:00 maybe:${DAY2} 18:00-19:00`,
        '/yakjeong results',
      ].join('\n'),
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/\[1\] 🗓️ Respond {2}\[2\] 📊 Results {2}\[3\] 🔒 Close/);
    const results = stdout.slice(stdout.indexOf('Best times'));
    expect(results).toMatch(new RegExp(`^1\\. ${escapeRegExp(en(DAY1))} 19:00–21:00 — 3/3 · 🎉 Everyone is free$`, 'm'));
    expect(results).toMatch(/a meeting of 1 hour fits anywhere in it/);
    const image = /🖼 {2}(.+\.png)/.exec(results)?.[1];
    expect(image && existsSync(image)).toBe(true);
    const png = PNG.sync.read(readFileSync(image!));
    expect(png.width).toBeLessThanOrEqual(2000);
  });

  it('clicks buttons as the current user and prints JSON lines with --json', async () => {
    const { code, stdout } = await runConsole(
      [`/yakjeong create Standup dates:${DAY1} time:09:00-10:00 slot:30m`, 'as ann', 'click 1', 'click 4', 'click 4', 'as bob', 'click 4', '/yakjeong results'].join('\n'),
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
    expect(results.text).toContain(`1. ${en(DAY1)} 09:00–09:30 — 1/1`);
    expect(results.image).toMatch(/\.png$/);
  });

  it('answers bad input with a friendly message and keeps going', async () => {
    const impossible = `${ymd(DAY1).y}-02-30`;
    const { code, stdout, stderr } = await runConsole(
      ['/yakjeong create', `/yakjeong create x dates:${impossible}`, `/yakjeong create x dates:${md(DAY1)} time:9-18 slot:7m`, '/yakjeong frob', '/yakjeong results ZZ99', '/yakjeong help'].join('\n'),
    );
    expect(code).toBe(0);
    expect(stdout).toContain('Create a poll: /yakjeong create TITLE');
    expect(stdout).toContain(`There is no February 30, ${ymd(DAY1).y} (“${impossible}”)`);
    expect(stdout).toContain('“7m” is not a slot size');
    expect(stdout).toContain('I don\'t know the command “frob”');
    expect(stdout).toContain('There is no poll ZZ99 in this channel');
    expect(stdout).toContain('/yakjeong answer [CODE]');
    expect(stdout + stderr).not.toMatch(/at .+\.ts:\d+/);
  });

  it('sleep lets the clock pass a deadline: the poll closes and announces its best times', async () => {
    const { stdout } = await runConsole(
      [
        `/yakjeong create Offsite kind:date dates:${md(DAY1)}-${md(DAY2)} deadline:1h remind:30m with:@ann @bob`,
        'as ann',
        `/yakjeong answer ${md(DAY1)}`,
        'sleep 1850',
        'sleep 1800',
        'as bob',
        `/yakjeong answer ${md(DAY2)}`,
        '/yakjeong list',
      ].join('\n'),
    );
    const reminder = stdout.indexOf('Still waiting for @bob');
    const announcement = stdout.indexOf('closed at its deadline');
    expect(reminder).toBeGreaterThan(0);
    expect(announcement).toBeGreaterThan(reminder);
    expect(stdout.slice(announcement)).toContain(`1. ${en(DAY1)} — 1/1`);
    expect(stdout).toContain('There is no open poll in this channel');
  });

  it('a long sleep still closes the poll at its deadline, not "late"', async () => {
    const { stdout } = await runConsole([`/yakjeong create Far kind:date dates:${md(DAY1)}-${md(DAY2)} deadline:3h`, 'sleep 20000'].join('\n'));
    expect(stdout).toContain('closed at its deadline');
    expect(stdout).not.toContain('closed late');
  });

  it('speaks Korean by default', async () => {
    const { stdout } = await runConsole(`/yakjeong create 회식 dates:${md(DAY1)} time:18:00-20:00`, [], { YAKJEONG_LOCALE: '' });
    expect(stdout).toMatch(/\[1\] 🗓️ 응답하기/);
    expect(stdout).toMatch(new RegExp(`^ {2}시간 투표: (${ymd(DAY1).y}년 )?${escapeRegExp(ko(DAY1))}$`, 'm'));
    expect(stdout).not.toMatch(/only .* sees this/);
  });

  it('the bot keeps the same "today" as the test, so a shifted clock reaches the spawned bot too', async () => {
    // `.ci/run` runs the suite again with every process's clock moved forward; were the shift
    // lost on the way to the bot, its "today" (and the deadline it computes) would differ from ours.
    const before = Date.now();
    const { code, stdout } = await runConsole(['/yakjeong create Today kind:date dates:today deadline:3d', '/yakjeong answer today', '/yakjeong pick 1'].join('\n'));
    const after = Date.now();
    expect(code).toBe(0);
    // Midnight in Seoul may fall between `before` and `after`: either side counts.
    const todays = [...new Set([dateIn(ZONE, before), dateIn(ZONE, after)])];
    const compact = (date: string) => date.replace(/-/g, '');
    const link = (date: string) => `dates=${compact(date)}%2F${compact(addDays(date, 1))}`;
    const today = todays.find((t) => stdout.includes(link(t))) ?? todays[0]!;
    // The calendar link carries the whole date, year included.
    expect(stdout).toContain(link(today));
    expect(stdout).toContain(`Final dates for “Today”: ${en(today)}`);
    const deadlines = [...new Set([dateIn(ZONE, before + 3 * DAY_MS), dateIn(ZONE, after + 3 * DAY_MS)])];
    const deadline = deadlines.find((d) => stdout.includes(`Deadline: ${en(d)} `)) ?? deadlines[0]!;
    expect(stdout).toMatch(new RegExp(`^ {2}Deadline: ${escapeRegExp(en(deadline))} \\d{2}:\\d{2} \\(${escapeRegExp(ZONE)}\\)$`, 'm'));
  });
});
