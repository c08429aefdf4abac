/**
 * What a spawned process must inherit for the clock `.ci/run` shifts to reach it
 * (test/support/shift-clock.mjs, loaded through NODE_OPTIONS). Every test that starts a
 * process passes this on.
 */
export function clockShiftEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const key of ['NODE_OPTIONS', 'YAKJEONG_TEST_CLOCK_SHIFT_DAYS']) {
    const value = process.env[key];
    if (value !== undefined) env[key] = value;
  }
  return env;
}
