/**
 * `npm start`: the compiled start (scripts/main-bundle.mjs), rebuilt first whenever a source
 * changed, so it never runs stale code. Where dist/ cannot be written, the sources run through
 * tsx instead, as the tests and the Dockerfile run them.
 */
import { freshMainBundle } from './main-bundle.mjs';

const bundle = await freshMainBundle();
if (bundle) {
  await import(bundle);
} else {
  process.stderr.write('dist/ cannot be written: running the sources through tsx (slower to start).\n');
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/main.ts');
}
