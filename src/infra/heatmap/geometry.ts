/** Small rectangle helpers shared by layout and painting. */
import type { Rect } from './layout-types.js';

/**
 * Merges rectangles given in reading order into runs: a rectangle directly below the
 * previous one (same column) or directly right of it (same row) extends it. Drawing one
 * outline per run instead of one per cell reads as "this stretch of time".
 */
export function mergeRuns(rects: Iterable<Rect>): Rect[] {
  const runs: Rect[] = [];
  for (const r of rects) {
    const prev = runs[runs.length - 1];
    if (prev && prev.x === r.x && prev.w === r.w && prev.y + prev.h === r.y) prev.h += r.h;
    else if (prev && prev.y === r.y && prev.h === r.h && prev.x + prev.w === r.x) prev.w += r.w;
    else runs.push({ ...r });
  }
  return runs;
}
