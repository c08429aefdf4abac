import { defineConfig } from 'vitest/config';

// An odd host zone (UTC+13:45 in summer) so any code that leaks the machine's TZ shows up in tests.
process.env.TZ = 'Pacific/Chatham';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts', 'adapters/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
  },
});
