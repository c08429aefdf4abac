/**
 * `npm run bench [-- NAME…]`: every figure beside its baseline, one JSON object a line on stdout
 * and a table on stderr. A missed target is `"pass": false`, not an exit code; only a bench that
 * crashes fails the command. Not a test: `npm test` never runs it.
 *
 * `npm run bench -- --baseline NAME` runs one baseline process instead: the startup figures launch
 * their baselines this way, so npm and the TypeScript runner cost them exactly what they cost
 * `npm start`. Everything is imported lazily, so that path loads nothing but the baseline.
 */
const BASELINES: Record<string, () => Promise<unknown>> = {
  ready: () => import('./baselines/ready.js'),
  'slack-app': () => import('./baselines/slack-app.js'),
  'discord-server': () => import('./baselines/discord-server.js'),
};

const args = process.argv.slice(2);
if (args[0] === '--baseline') {
  const load = BASELINES[args[1] ?? ''];
  if (!load) {
    process.stderr.write(`unknown baseline "${args[1] ?? ''}"; one of: ${Object.keys(BASELINES).join(', ')}\n`);
    process.exit(2);
  }
  await load();
} else {
  const { runSuite } = await import('./suite.js');
  process.exitCode = await runSuite(args);
}
