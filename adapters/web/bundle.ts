/**
 * The page's script and styles, bundled by esbuild into adapters/web/build/ (not committed).
 * Built on install (`prepare`) and again at start whenever a source is newer than the bundle,
 * so a served page is never stale and nobody has to remember a build step.
 */
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');

export const BUILD_DIR = join(here, 'build');
export const BUNDLE_FILES = { js: join(BUILD_DIR, 'app.js'), css: join(BUILD_DIR, 'app.css') } as const;
/** The fonts' folder in the bundle. */
export const FONT_DIR = join(BUILD_DIR, 'fonts');

/** Everything the bundle is made from: the client, the page state's types, the heatmap palette. */
const SOURCES = [join(here, 'client'), join(here, 'page-state.ts'), join(root, 'src', 'infra', 'heatmap', 'palette.ts')];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

export function bundleIsStale(): boolean {
  const built = Math.min(...Object.values(BUNDLE_FILES).map((f) => (existsSync(f) ? statSync(f).mtimeMs : 0)));
  return built === 0 || Math.max(...SOURCES.map(newestMtime)) > built;
}

export async function buildBundle(): Promise<void> {
  // Built aside and moved in whole, so a process starting meanwhile never serves half a bundle.
  const staging = `${BUILD_DIR}.${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  // Loaded only to build: a start with a fresh bundle never loads esbuild.
  const { build } = await import('esbuild');
  await build({
    entryPoints: { app: join(here, 'client', 'main.ts'), 'app-style': join(here, 'client', 'style.css') },
    outdir: staging,
    entryNames: '[name]',
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['chrome100', 'firefox100', 'safari15'],
    legalComments: 'none',
    // Pretendard's Korean subsets, fetched by a browser only for characters its own fonts lack.
    loader: { '.woff2': 'file' },
    assetNames: 'fonts/[name]-[hash]',
    publicPath: '/w/assets/',
    logLevel: 'warning',
  });
  // esbuild names a CSS entry after its key; one name per kind keeps the server's paths fixed.
  renameSync(join(staging, 'app-style.css'), join(staging, 'app.css'));
  rmSync(BUILD_DIR, { recursive: true, force: true });
  try {
    renameSync(staging, BUILD_DIR);
  } catch (err) {
    // Another process moved its build in first: the same sources, so keep that one.
    if ((err as NodeJS.ErrnoException).code !== 'ENOTEMPTY' && (err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Builds when a source is newer than the bundle (or there is none). */
export async function ensureBundle(): Promise<boolean> {
  if (!bundleIsStale()) return false;
  await buildBundle();
  return true;
}
