/**
 * The compiled start: src/main.ts and every module of ours it imports, bundled by esbuild into
 * dist/ (not committed; packages stay in node_modules and load as they do from the sources). Node
 * runs it without the TypeScript runner, whose loader thread costs each of the few hundred modules
 * a round trip and the process tens of MB.
 *
 * Never stale: dist/current.json names the build, the files it was made from and a digest of their
 * contents, and a build is used only while that digest still matches (by content, not by time, so
 * an edit, a checkout or a copy that keeps old times all count). Otherwise it is rebuilt first.
 *
 * Each build has a folder of its own (dist/builds/<digest>/): what the program imports lazily
 * (an adapter, the PostgreSQL store) is a chunk of its build, and a process still running an older
 * build goes on finding its own chunks while a newer one starts beside it.
 *
 * Plain JavaScript on purpose: it runs before anything could compile TypeScript.
 * `node scripts/main-bundle.mjs` builds when stale (npm's `prepare` runs that on install).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');
const BUILDS = join(DIST, 'builds');
const CURRENT = join(DIST, 'current.json');
/** What the build reads besides the sources it lists: its options (this file) and the compiler's settings. */
const SETTINGS = ['scripts/main-bundle.mjs', 'tsconfig.json'];
/** Older builds kept for processes still running them. */
const KEEP_OLDER = 2;

/**
 * What the build is made with besides its inputs: its options (this file), the compiler's settings,
 * the compiler and Node's major version (an `npm install` that brings a new esbuild rebuilds).
 */
function toolchain() {
  const hash = createHash('sha256');
  for (const file of SETTINGS) hash.update(`${file}\0`).update(existsSync(join(ROOT, file)) ? readFileSync(join(ROOT, file)) : '(none)').update('\0');
  const esbuild = join(ROOT, 'node_modules', 'esbuild', 'package.json');
  hash.update(`esbuild ${existsSync(esbuild) ? JSON.parse(readFileSync(esbuild, 'utf8')).version : '(none)'}\0node ${process.versions.node.split('.')[0]}\0`);
  return hash;
}

/** A digest of the toolchain and of each input's name and bytes, in the inputs' order. */
function digestOf(inputs, bytesOf) {
  const hash = toolchain();
  for (const file of inputs) hash.update(`${file}\0`).update(bytesOf(file)).update('\0');
  return hash.digest('hex');
}

/** The digest of the inputs as they are on disk now; throws when one is gone. */
const digestOnDisk = (inputs) => digestOf(inputs, (file) => readFileSync(join(ROOT, file)));

const entryOf = (build) => join(BUILDS, build, 'main.mjs');

/** The entry of the current build when every file it was made from is as it was then; otherwise undefined. */
export function freshEntry() {
  try {
    const { build, inputs, digest } = JSON.parse(readFileSync(CURRENT, 'utf8'));
    if (typeof build !== 'string' || !Array.isArray(inputs) || !existsSync(entryOf(build))) return undefined;
    return digestOnDisk(inputs) === digest ? entryOf(build) : undefined;
  } catch {
    // No build yet, a source that is gone, or a pointer that does not parse: build again.
    return undefined;
  }
}

/**
 * Loads every source for esbuild, keeping the exact bytes it compiled (the build's digest is of
 * these, so a file saved during the build makes the next start build again, whatever its time).
 * Each module keeps its own import.meta.url (the file's place in the sources, relative to the
 * build's folder), so paths it finds from there (migrations, the render thread's entry, the web
 * page's sources) are the same as when the sources run.
 */
function loadingSources(loaded) {
  return {
    name: 'loading-sources',
    setup(build) {
      build.onLoad({ filter: /\.[cm]?ts$/ }, (args) => {
        const bytes = readFileSync(args.path);
        loaded.set(relative(ROOT, args.path).split('\\').join('/'), bytes);
        const source = bytes.toString('utf8');
        // Every build's folder is at the same depth, so any name gives the same relative path.
        const fromBuild = relative(join(BUILDS, 'any'), args.path).split('\\').join('/');
        const contents = source.includes('import.meta.url') ? source.replaceAll('import.meta.url', `new URL(${JSON.stringify(fromBuild)}, import.meta.url).href`) : source;
        return { contents, loader: 'ts' };
      });
    },
  };
}

/** Builds into a folder of its own and makes it current; returns its entry. */
export async function buildMainBundle() {
  const { build } = await import('esbuild');
  const staging = join(BUILDS, `.staging-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  // Made here, not by esbuild: a folder that cannot be written fails with its code (EACCES…).
  mkdirSync(staging);
  const loaded = new Map();
  let result;
  try {
    result = await build({
      absWorkingDir: ROOT,
      entryPoints: ['src/main.ts'],
      outdir: staging,
      entryNames: '[name]',
      outExtension: { '.js': '.mjs' },
      bundle: true,
      // Each lazy import stays lazy (with the packages it imports) as a chunk of its own.
      splitting: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      // Class and function names stay as written: logs and errors name them.
      keepNames: true,
      sourcemap: 'linked',
      sourcesContent: false,
      plugins: [loadingSources(loaded)],
      metafile: true,
      logLevel: 'warning',
    });
  } catch (err) {
    rmSync(staging, { recursive: true, force: true });
    throw err;
  }
  const inputs = Object.keys(result.metafile.inputs).sort();
  const digest = digestOf(inputs, (file) => loaded.get(file) ?? readFileSync(join(ROOT, file)));
  const name = digest.slice(0, 16);
  const folder = join(BUILDS, name);
  try {
    renameSync(staging, folder);
  } catch (err) {
    // Another process built the same sources first: use that one.
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(entryOf(name))) throw err;
  }
  const pointer = `${CURRENT}.${process.pid}`;
  writeFileSync(pointer, `${JSON.stringify({ build: name, digest, inputs })}\n`);
  renameSync(pointer, CURRENT);
  pruneBuilds(name);
  return entryOf(name);
}

/** The time a build was made, from its entry; undefined when another process is removing it. */
function builtAt(name) {
  try {
    return statSync(entryOf(name)).mtimeMs;
  } catch {
    return undefined;
  }
}

/** Whether the process that owns a staging folder (`.staging-<pid>`) is gone. */
function abandoned(name) {
  const pid = Number(name.slice('.staging-'.length));
  if (!Number.isInteger(pid) || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return err?.code === 'ESRCH';
  }
}

/**
 * Keeps the KEEP_OLDER newest builds besides the current one and drops staging folders of builds
 * that died. Best effort: several processes may prune at once, and a start never fails over it.
 */
function pruneBuilds(current) {
  try {
    const names = readdirSync(BUILDS);
    const older = names
      .filter((name) => /^[0-9a-f]{16}$/.test(name) && name !== current)
      .map((name) => ({ name, at: builtAt(name) }))
      .filter((b) => b.at !== undefined)
      .sort((a, b) => b.at - a.at);
    const gone = [...older.slice(KEEP_OLDER).map((b) => b.name), ...names.filter((name) => name.startsWith('.staging-') && abandoned(name))];
    for (const name of gone) rmSync(join(BUILDS, name), { recursive: true, force: true });
  } catch {
    // Another process pruning the same folder: it will finish the job.
  }
}

/**
 * The URL of a fresh build's entry, built first if needed; undefined when dist/ cannot be written
 * (a read-only install), where the caller runs the sources instead.
 */
export async function freshMainBundle() {
  let entry = freshEntry();
  if (!entry) {
    try {
      mkdirSync(BUILDS, { recursive: true });
      entry = await buildMainBundle();
    } catch (err) {
      if (['EACCES', 'EPERM', 'EROFS'].includes(err?.code)) return undefined;
      throw err;
    }
  }
  return pathToFileURL(entry).href;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === realpathSync(process.argv[1])) {
  if (!freshEntry()) {
    mkdirSync(BUILDS, { recursive: true });
    await buildMainBundle();
  }
}
