/**
 * Test-only preload that moves this process's clock forward, so the suite can prove it passes
 * on a later date (design rule 11, "One clock"). `.ci/run` loads it for its second run:
 *
 *   NODE_OPTIONS="--import $PWD/test/support/shift-clock.mjs" YAKJEONG_TEST_CLOCK_SHIFT_DAYS=400 npx vitest run
 *
 * `NODE_OPTIONS` and the variable are inherited by vitest's forked workers and passed on by the
 * tests to every process they spawn, so the bot under test sees the same shifted "now".
 *
 * `Date.now()`, `new Date()` and `Date()` read the shifted clock; everything else is the real
 * `Date` (`new Date(ms)`, `Date.UTC`, `Date.parse`, `instanceof Date`, subclasses). Timers,
 * `performance.now()` and `process.hrtime()` are untouched: durations stay real.
 *
 * The variable must be set (a whole or fractional number of days, may be negative): a preload
 * without it is a mistake in how the run was started, and fails loudly rather than running
 * an unshifted suite that looks like a shifted one.
 */
const VARIABLE = 'YAKJEONG_TEST_CLOCK_SHIFT_DAYS';
const raw = process.env[VARIABLE];
const days = raw === undefined || raw.trim() === '' ? NaN : Number(raw);
if (!Number.isFinite(days)) {
  throw new Error(`test/support/shift-clock.mjs: ${VARIABLE} must be a number of days (got ${raw === undefined ? 'nothing' : JSON.stringify(raw)})`);
}

const offset = Math.round(days * 86_400_000);
const RealDate = globalThis.Date;

if (offset !== 0 && !RealDate.__yakjeongShiftMs) {
  const realNow = RealDate.now;
  const now = () => realNow() + offset;
  const ShiftedDate = new Proxy(RealDate, {
    construct(target, args, newTarget) {
      // Only the no-argument form reads the clock; `new Date(x)` is the real thing.
      return Reflect.construct(target, args.length === 0 ? [now()] : args, newTarget === ShiftedDate ? target : newTarget);
    },
    apply() {
      // `Date()` called as a function returns the current time as a string.
      return new RealDate(now()).toString();
    },
    get(target, key, receiver) {
      if (key === 'now') return now;
      if (key === '__yakjeongShiftMs') return offset;
      return Reflect.get(target, key, receiver);
    },
  });
  // `new Date().constructor === Date` keeps holding.
  Object.defineProperty(RealDate.prototype, 'constructor', { value: ShiftedDate, writable: true, configurable: true, enumerable: false });
  globalThis.Date = ShiftedDate;
}
