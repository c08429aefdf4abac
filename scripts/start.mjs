/**
 * `npm start`: the compiled start (scripts/main-bundle.mjs), rebuilt first whenever a source
 * changed, so it never runs stale code. Where dist/ cannot be written, the sources run through
 * tsx instead, as most of the tests run them.
 */
import { freshMainBundle } from './main-bundle.mjs';

// Stack traces name the sources (src/…/x.ts:line), not the bundle's lines.
process.setSourceMapsEnabled(true);

let bundle;
try {
  bundle = await freshMainBundle();
} catch (err) {
  // esbuild has printed what does not compile, with file and line; its own stack adds nothing.
  if (Array.isArray(err?.errors) && err.errors.length > 0) {
    process.stderr.write('npm start: the sources above do not compile; nothing was started.\n');
    process.exit(1);
  }
  throw err;
}
if (bundle) {
  await import(bundle);
} else {
  process.stderr.write('dist/ cannot be written: running the sources through tsx (slower to start).\n');
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/main.ts');
}
