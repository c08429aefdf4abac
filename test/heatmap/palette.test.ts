import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cellFill, cellLevel, formatScore, heatmapPalette, legendSteps } from '../../src/infra/heatmap/palette.js';

describe('heatmap palette', () => {
  it('keeps zero empty and everyone in the accent', () => {
    expect(cellFill(0, 0, 6)).toBe(heatmapPalette.empty);
    expect(cellFill(6, 0, 6)).toBe(heatmapPalette.accent);
    expect(cellFill(0, 0, 0)).toBe(heatmapPalette.empty);
  });

  it('never shows "most" as "all": one maybe short of everyone stays on the scale', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), (n) => {
        expect(cellLevel(n - 1, 1, n).kind).toBe('scale');
        if (n >= 4) expect(cellLevel(n - 1, 1, n)).toEqual({ kind: 'scale', index: heatmapPalette.scale.length - 1 });
        expect(cellFill(n - 1, 0, n)).not.toBe(heatmapPalette.accent);
      }),
    );
  });

  it('is monotone in the score', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 1000 }), fc.integer({ min: 0, max: 999 }), (n, raw) => {
        const k = raw % n;
        const a = cellLevel(k, 0, n);
        const b = cellLevel(k, 1, n);
        const rank = (l: ReturnType<typeof cellLevel>) => (l.kind === 'empty' ? -1 : l.kind === 'everyone' ? 99 : l.index);
        expect(rank(b)).toBeGreaterThanOrEqual(rank(a));
      }),
    );
  });

  it('has a legend step per count for small groups and ranges for large ones', () => {
    expect(legendSteps(0).map((s) => s.label)).toEqual(['0']);
    expect(legendSteps(1).map((s) => s.label)).toEqual(['0', '1']);
    expect(legendSteps(6).map((s) => s.label)).toEqual(['0', '1', '2', '3', '4', '5', '6']);
    const big = legendSteps(1000);
    expect(big[0]!.label).toBe('0');
    expect(big[1]!.label).toBe('1–142');
    expect(big.at(-2)!.label).toBe('858–999');
    expect(big.at(-1)).toEqual({ fill: heatmapPalette.accent, label: '1000', everyone: true });
    // Every legend colour is the colour a cell with that count gets.
    for (const n of [2, 5, 8, 9, 50, 1000]) {
      for (const step of legendSteps(n).filter((s) => !s.everyone)) {
        const lo = Number(step.label.split('–')[0]);
        expect(cellFill(lo, 0, n)).toBe(step.fill);
      }
    }
  });

  it('writes halves as ½', () => {
    expect(formatScore(3, 0)).toBe('3');
    expect(formatScore(3, 1)).toBe('3½');
    expect(formatScore(0, 1)).toBe('½');
    expect(formatScore(1, 3)).toBe('2½');
  });
});
