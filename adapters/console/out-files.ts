/** Files the console leaves for its reader (heatmaps, .ics), under names nothing else holds. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Far more files than a directory of runs holds; past it something else is wrong. */
const MAX_TRIES = 100_000;

function alreadyThere(err: unknown): boolean {
  return typeof err === 'object' && err !== null && 'code' in err && err.code === 'EEXIST';
}

/**
 * Writes `bytes` as `name(n)` for the first n from `first` whose file does not exist yet.
 * Each try creates the file exclusively, so an earlier run's files (or those of a run writing
 * beside this one) are never overwritten, and no check can go stale before the write.
 */
export async function writeUnclaimed(dir: string, name: (n: number) => string, first: number, bytes: Uint8Array): Promise<{ path: string; n: number }> {
  await mkdir(dir, { recursive: true });
  for (let n = first; n < first + MAX_TRIES; n++) {
    const path = join(dir, name(n));
    try {
      await writeFile(path, bytes, { flag: 'wx' });
      return { path, n };
    } catch (err) {
      if (!alreadyThere(err)) throw err;
    }
  }
  throw new Error(`no free file name for ${name(first)} in ${dir}`);
}

/** "yakjeong-AB12.png" numbered: "yakjeong-AB12-3.png". */
export function numbered(filename: string, n: number): string {
  const dot = filename.lastIndexOf('.');
  return dot > 0 ? `${filename.slice(0, dot)}-${n}${filename.slice(dot)}` : `${filename}-${n}`;
}
