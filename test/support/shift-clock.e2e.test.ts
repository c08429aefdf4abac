/**
 * The preload `.ci/run` uses for its shifted run (test/support/shift-clock.mjs): it moves
 * "now" and nothing else, it fails loudly without its variable, and when the suite runs shifted
 * the shift has reached this very worker.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const PRELOAD = fileURLToPath(new URL('./shift-clock.mjs', import.meta.url));
const VARIABLE = 'YAKJEONG_TEST_CLOCK_SHIFT_DAYS';
const DAY_MS = 86_400_000;

/** Wall-clock time that no preload touches: the process's start plus a monotonic clock. */
const realNow = () => performance.timeOrigin + performance.now();

/** Runs a script under the preload; NODE_OPTIONS passes through as it does for every spawned process. */
async function underPreload(script: string, shift: string | undefined): Promise<string> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '' };
  if (process.env.NODE_OPTIONS !== undefined) env.NODE_OPTIONS = process.env.NODE_OPTIONS;
  if (shift !== undefined) env[VARIABLE] = shift;
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', PRELOAD, '--input-type=module', '--eval', script], { env });
  return stdout;
}

describe('the shifted clock preload', () => {
  it('moves Date.now(), new Date() and Date() by the days it is given, and leaves the rest of Date alone', async () => {
    const out = JSON.parse(
      await underPreload(
        `
        const real = performance.timeOrigin + performance.now();
        class Sub extends Date {}
        console.log(JSON.stringify({
          now: Date.now() - real,
          newDate: new Date().getTime() - real,
          call: Date.parse(Date()) - real,
          sub: new Sub().getTime() - real,
          epoch: new Date(0).toISOString(),
          parts: new Date(2030, 0, 2, 3, 4).getMonth(),
          utc: Date.UTC(2030, 0, 1),
          parse: Date.parse('2030-01-01T00:00:00Z'),
          instance: new Date() instanceof Date && new Date(5) instanceof Date && new Sub() instanceof Date && new Sub(5) instanceof Sub,
          constructor: new Date().constructor === Date,
          tag: Object.prototype.toString.call(new Date()),
          name: Date.name,
        }));
        `,
        '3.5',
      ),
    ) as Record<string, unknown>;
    const shift = 3.5 * DAY_MS;
    expect(Math.abs((out.now as number) - shift)).toBeLessThan(60_000);
    expect(Math.abs((out.newDate as number) - shift)).toBeLessThan(60_000);
    expect(Math.abs((out.call as number) - shift)).toBeLessThan(60_000);
    expect(Math.abs((out.sub as number) - shift)).toBeLessThan(60_000);
    expect(out).toMatchObject({
      epoch: '1970-01-01T00:00:00.000Z',
      parts: 0,
      utc: 1_893_456_000_000,
      parse: 1_893_456_000_000,
      instance: true,
      constructor: true,
      tag: '[object Date]',
      name: 'Date',
    });
  });

  it('refuses to run without a number of days, so a shifted run cannot silently be unshifted', async () => {
    for (const shift of [undefined, '', 'four hundred']) {
      const failure = await underPreload('console.log("ran")', shift).then(
        () => undefined,
        (error: { code?: number; stderr?: string }) => error,
      );
      expect(failure?.code).toBe(1);
      expect(failure?.stderr).toContain(VARIABLE);
    }
  });

  it('when the suite runs shifted, the shift has reached this test worker', () => {
    const days = Number(process.env[VARIABLE] ?? 0);
    const shifted = (Date.now() - realNow()) / DAY_MS;
    // Unset: no shift. Set: test/support/shift-clock.mjs must be in NODE_OPTIONS as well.
    expect(Math.abs(shifted - days)).toBeLessThan(60_000 / DAY_MS);
  });
});
