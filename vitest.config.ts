import { configDefaults, defineConfig } from 'vitest/config';

// An odd host zone (UTC+13:45 in summer) so any code that leaks the machine's TZ shows up in tests.
process.env.TZ = 'Pacific/Chatham';

/**
 * Test files that start processes (the bot through `node --import tsx src/main.ts`, or a script).
 * Each such test keeps a core busy beside its own worker, so they run in a project of their own,
 * one file at a time, after the parallel project: the 2 CI cores are never oversubscribed.
 */
const processTests = ['test/**/*.e2e.test.ts', 'test/**/*.browser.test.ts', 'test/discord/commands.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts', 'src/**/*.test.ts', 'adapters/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...processTests],
        },
      },
      {
        extends: true,
        test: {
          name: 'processes',
          include: processTests,
          fileParallelism: false,
        },
      },
    ],
  },
});
