/**
 * Golden images, compared with a tolerance so a different Skia build or CPU rounding does
 * not fail the suite while a moved label or a wrong colour does.
 * A missing golden is written and the test fails asking for a re-run; UPDATE_GOLDEN=1
 * rewrites them all after an intended change (look at them before committing).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import pixelmatch from 'pixelmatch';
import { describe, expect, it } from 'vitest';
import { CanvasHeatmapRenderer } from '../../src/infra/heatmap/canvas-heatmap-renderer.js';
import { SCENARIOS } from './scenarios.js';

const GOLDEN_DIR = join(dirname(fileURLToPath(import.meta.url)), 'golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
/** Share of pixels allowed to differ beyond pixelmatch's per-pixel threshold. */
const MAX_DIFF_RATIO = 0.002;

const renderer = new CanvasHeatmapRenderer();

describe('heatmap golden images', () => {
  it.each(Object.keys(SCENARIOS) as Array<keyof typeof SCENARIOS>)('%s matches its golden', async (name) => {
    const bytes = Buffer.from(await renderer.render(SCENARIOS[name]()));
    const file = join(GOLDEN_DIR, `${name}.png`);
    if (UPDATE || !existsSync(file)) {
      mkdirSync(GOLDEN_DIR, { recursive: true });
      writeFileSync(file, bytes);
      if (!UPDATE) expect.fail(`Golden ${file} was missing and has been written; look at it, then re-run the tests.`);
      return;
    }
    const actual = PNG.sync.read(bytes);
    const expected = PNG.sync.read(readFileSync(file));
    expect({ width: actual.width, height: actual.height }, `size of ${name}`).toEqual({ width: expected.width, height: expected.height });
    const diff = new PNG({ width: actual.width, height: actual.height });
    const changed = pixelmatch(actual.data, expected.data, diff.data, actual.width, actual.height, { threshold: 0.1 });
    const ratio = changed / (actual.width * actual.height);
    if (ratio > MAX_DIFF_RATIO) {
      // Outside the repository, so a diff image is never committed by accident.
      const dir = join(tmpdir(), 'yakjeong-heatmap-diff');
      mkdirSync(dir, { recursive: true });
      const out = join(dir, `${name}.diff.png`);
      writeFileSync(out, PNG.sync.write(diff));
      expect.fail(`${name}: ${changed} pixels (${(ratio * 100).toFixed(2)}%) differ from the golden; see ${out}. UPDATE_GOLDEN=1 rewrites goldens after an intended change.`);
    }
  });
});
