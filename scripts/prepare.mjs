/**
 * npm's `prepare` (after `npm install`/`npm ci`): builds the web page's bundle and the compiled
 * start. A container's dependency layer installs with only package.json and the lock file copied,
 * before the sources: there is nothing to build yet, and the Dockerfile builds both after copying.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
if (!existsSync(new URL('../src/main.ts', import.meta.url))) {
  process.stderr.write('prepare: no sources here yet (a dependency-only install); nothing to build.\n');
  process.exit(0);
}
const run = (args) => execFileSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
run(['--import', 'tsx', 'scripts/build-web.ts']);
run(['scripts/main-bundle.mjs']);
