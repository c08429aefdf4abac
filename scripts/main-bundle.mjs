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
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

/** A digest of the files' names and contents (relative to the root); throws when a source is gone. */
function digestOf(files) {
  const hash = createHash('sha256');
  for (const file of SETTINGS) hash.update(`${file}\0`).update(existsSync(join(ROOT, file)) ? readFileSync(join(ROOT, file)) : '(none)').update('\0');
  for (const file of files) hash.update(`${file}\0`).update(readFileSync(join(ROOT, file))).update('\0');
  return hash.digest('hex');
}

const entryOf = (build) => join(BUILDS, build, 'main.mjs');

/** The entry of the current build when every file it was made from is as it was then; otherwise undefined. */
export function freshEntry() {
  try {
    const { build, inputs, digest } = JSON.parse(readFileSync(CURRENT, 'utf8'));
    if (typeof build !== 'string' || !Array.isArray(inputs) || !existsSync(entryOf(build))) return undefined;
    return digestOf(inputs) === digest ? entryOf(build) : undefined;
  } catch {
    // No build yet, a source that is gone, or a pointer that does not parse: build again.
    return undefined;
  }
}

/**
 * Each module keeps its own import.meta.url (the file's place in the sources, relative to the
 * build's folder), so paths it finds from there (migrations, the render thread's entry, the web
 * page's sources) are the same as when the sources run.
 */
const ownImportMetaUrl = {
  name: 'own-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.[cm]?ts$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      // Every build's folder is at the same depth, so any name gives the same relative path.
      const fromBuild = relative(join(BUILDS, 'any'), args.path).split('\\').join('/');
      return { contents: source.replaceAll('import.meta.url', `new URL(${JSON.stringify(fromBuild)}, import.meta.url).href`), loader: 'ts' };
    });
  },
};

/** Builds into a folder of its own and makes it current; returns its entry. */
export async function buildMainBundle() {
  const { build } = await import('esbuild');
  for (let attempt = 1; ; attempt++) {
    const started = Date.now();
    const staging = join(BUILDS, `.staging-${process.pid}`);
    rmSync(staging, { recursive: true, force: true });
    const result = await build({
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
      plugins: [ownImportMetaUrl],
      metafile: true,
      logLevel: 'warning',
    });
    const inputs = Object.keys(result.metafile.inputs).sort();
    const digest = digestOf(inputs);
    // A source saved while the build read it may be in the build as it was before: build again.
    if (inputs.some((file) => statSync(join(ROOT, file)).mtimeMs >= started - 1) && attempt < 3) {
      rmSync(staging, { recursive: true, force: true });
      continue;
    }
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
}

function pruneBuilds(current) {
  const older = readdirSync(BUILDS)
    .filter((name) => /^[0-9a-f]{16}$/.test(name) && name !== current)
    .map((name) => ({ name, at: statSync(join(BUILDS, name)).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  for (const { name } of older.slice(KEEP_OLDER)) rmSync(join(BUILDS, name), { recursive: true, force: true });
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

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (!freshEntry()) {
    mkdirSync(BUILDS, { recursive: true });
    await buildMainBundle();
  }
}
