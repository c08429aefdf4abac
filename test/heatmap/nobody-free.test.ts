/**
 * The legend's "if needed" swatch, and an option nobody is fully free for: the same number as
 * in the results, without the recommended times' outline and solid badge.
 */
import { describe, expect, it } from 'vitest';
import { cellFill, computeHeatmapLayout, groupSize, heatmapPalette } from '../../src/infra/heatmap/canvas-heatmap-renderer.js';
import type { HeatmapRequest } from '../../src/core/ports.js';
import { draw } from './png.js';
import { nobodyFullyFree, teamDinner } from './scenarios.js';

/** Only the options whose yes count is zero: the third of this scenario's three. */
function onlyIfNeeded(req: HeatmapRequest): HeatmapRequest {
  return { ...req, best: req.best.filter((w) => w.yes.length === 0) };
}

describe('the legend', () => {
  it('puts a swatch coloured like a lone "if needed", with its ½, right before the ½ note', async () => {
    const req = teamDinner();
    const { layout, png } = await draw(req);
    const i = layout.legend.findIndex((s) => s.kind === 'maybe');
    expect(i).toBeGreaterThan(0);
    const swatch = layout.legend[i]!;
    const n = groupSize(req);
    expect(swatch.fill).toBe(cellFill(0, 1, n));
    const note = layout.texts.find((t) => t.text === '필요하면 가능 = ½명')!;
    expect(note.x).toBe(swatch.rect.x + swatch.rect.w + 5);
    expect(note.y).toBe(swatch.rect.y + swatch.rect.h / 2);
    // The fill shows at a corner, and the ½ is drawn inside it in another colour.
    expect(png.at(swatch.rect.x + 2, swatch.rect.y + 2)).toBe(cellFill(0, 1, n));
    const inside: string[] = [];
    for (let dx = 3; dx < swatch.rect.w - 3; dx += 0.5) inside.push(png.at(swatch.rect.x + dx, swatch.rect.y + swatch.rect.h / 2));
    expect(inside.some((c) => c !== cellFill(0, 1, n))).toBe(true);
    // No leftover note in parentheses.
    expect(layout.texts.some((t) => t.text.startsWith('('))).toBe(false);
  });
});

describe('an option where nobody is fully free', () => {
  it('keeps its number, marks itself apart, and is explained in the legend', () => {
    const req = nobodyFullyFree();
    expect(req.best.map((w) => w.yes.length)).toEqual([3, 1, 0]);
    const l = computeHeatmapLayout(req);
    expect(l.windows.map((w) => [w.rank, w.nobodyFree])).toEqual([
      [1, false],
      [2, false],
      [3, true],
    ]);
    const kinds = l.legend.map((s) => s.kind);
    expect(kinds).toContain('best');
    expect(kinds).toContain('nobodyFree');
    expect(l.texts.map((t) => t.text)).toEqual(expect.arrayContaining(['Best times', 'Nobody fully free']));
  });

  it('is drawn without the recommended outline and with a hollow badge', async () => {
    const { layout, png } = await draw(nobodyFullyFree());
    const [best, , plain] = layout.windows;
    const solid = (r: { x: number; y: number; h: number }) => {
      // Down the left edge just outside the cells: all dark for a recommended outline.
      const colours = new Set<string>();
      for (let y = r.y + 4; y < r.y + r.h - 4; y += 0.5) colours.add(png.at(r.x - 1, y));
      return colours;
    };
    expect([...solid(best!.rects[0]!)]).toEqual([heatmapPalette.best]);
    const dotted = solid(plain!.rects[0]!);
    expect(dotted.has(heatmapPalette.best)).toBe(true);
    expect(dotted.size).toBeGreaterThan(1);
    // Badges: solid dark for a recommended time, white inside with a dark ring otherwise.
    const inBadge = (b: { x: number; y: number; r: number }) => png.at(b.x - b.r + 2, b.y);
    expect(inBadge(best!.badge)).toBe(heatmapPalette.best);
    expect(inBadge(plain!.badge)).toBe(heatmapPalette.background);
    expect(png.at(plain!.badge.x - plain!.badge.r + 0.25, plain!.badge.y)).not.toBe(heatmapPalette.background);
  });

  it('leaves "Best times" out of the legend when no option is recommended', () => {
    const l = computeHeatmapLayout(onlyIfNeeded(nobodyFullyFree()));
    expect(l.windows.map((w) => w.nobodyFree)).toEqual([true]);
    expect(l.legend.map((s) => s.kind)).not.toContain('best');
    expect(l.legend.map((s) => s.kind)).toContain('nobodyFree');
    expect(l.texts.map((t) => t.text)).not.toContain('Best times');
  });
});
