import { describe, expect, it } from 'vitest';
import { AvailabilityMatrix } from '../../src/core/domain/availability.js';
import type { HeatmapRequest } from '../../src/core/ports.js';
import {
  CanvasHeatmapRenderer,
  cellFill,
  groupSize,
  heatmapPalette,
  MAX_PIXEL_WIDTH,
} from '../../src/infra/heatmap/canvas-heatmap-renderer.js';
import { draw, fillPoint } from './png.js';
import { extreme, hiddenView, overlayView, teamDinner, tripDates } from './scenarios.js';

const renderer = new CanvasHeatmapRenderer();

function counts(req: HeatmapRequest) {
  const m = new AvailabilityMatrix(req.participants, req.layout.slots.length);
  return req.layout.slots.map((s) => m.slotCounts(s.index));
}

describe('CanvasHeatmapRenderer', () => {
  it('returns a PNG of the layout size at 2× density', async () => {
    const { layout, bytes, png } = await draw(teamDinner());
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.width).toBe(layout.pixelWidth);
    expect(png.height).toBe(layout.pixelHeight);
    expect(layout.scale).toBe(2);
  });

  it('paints each cell by how many are free: accent for everyone, white for nobody, the scale between', async () => {
    // Everyone expected has answered here, so a full column of "yes" earns the accent.
    const base = teamDinner();
    const req = { ...base, poll: { ...base.poll, spec: { ...base.poll.spec, expected: [] } } };
    const { layout, png } = await draw(req);
    const n = groupSize(req);
    const c = counts(req);
    const everyone = c.findIndex((x) => x.yes === n);
    const nobody = c.findIndex((x) => x.yes === 0 && x.maybe === 0);
    const some = c.findIndex((x) => x.yes === 3 && x.maybe === 0);
    expect(everyone).toBeGreaterThanOrEqual(0);
    expect(nobody).toBeGreaterThanOrEqual(0);
    expect(some).toBeGreaterThanOrEqual(0);
    const at = (slot: number) => {
      const p = fillPoint(layout.cells[slot]!.rect);
      return png.at(p.x, p.y);
    };
    expect(at(everyone)).toBe(heatmapPalette.accent);
    expect(at(nobody)).toBe(heatmapPalette.empty);
    expect(at(some)).toBe(cellFill(3, 0, n));
    // Every cell, not just three: the picture agrees with the counts everywhere.
    c.forEach((x, slot) => expect(at(slot), `slot ${slot}`).toBe(cellFill(x.yes, x.maybe, n)));
  });

  it('never shows the "everyone" accent while an expected person has not answered', async () => {
    const req = teamDinner();
    expect(groupSize(req)).toBeGreaterThan(req.participants.length);
    const { layout, png } = await draw(req);
    const c = counts(req);
    const allAnswered = c.findIndex((x) => x.yes === req.participants.length);
    expect(allAnswered).toBeGreaterThanOrEqual(0);
    const p = fillPoint(layout.cells[allAnswered]!.rect);
    expect(png.at(p.x, p.y)).not.toBe(heatmapPalette.accent);
    expect(png.at(p.x, p.y)).toBe(cellFill(req.participants.length, 0, groupSize(req)));
  });

  it('outlines the best windows where the ranking puts them', async () => {
    const req = teamDinner();
    const { layout, png } = await draw(req);
    expect(req.best.length).toBeGreaterThan(0);
    req.best.slice(0, 3).forEach((w, i) => {
      const first = layout.cells[w.firstSlot]!.rect;
      const last = layout.cells[w.firstSlot + w.slotCount - 1]!.rect;
      const midY = (first.y + last.y + last.h) / 2;
      // Just outside the window's left and right edges.
      expect(png.at(first.x - 1, midY), `window ${i + 1} left`).toBe(heatmapPalette.best);
      expect(png.at(first.x + first.w + 0.5, midY), `window ${i + 1} right`).toBe(heatmapPalette.best);
      // Its badge sits in the window's top-left corner.
      const badge = layout.windows[i]!.badge;
      expect(badge.x).toBeGreaterThan(first.x);
      expect(badge.y).toBeGreaterThan(first.y);
      expect(png.at(badge.x - badge.r + 2, badge.y)).toBe(heatmapPalette.best);
    });
  });

  it("marks the viewer's own answers on a private overlay", async () => {
    const req = overlayView();
    const { layout, png } = await draw(req);
    const states = req.overlay!.states;
    const yes = states.indexOf('y');
    const no = states.indexOf('.');
    const r = layout.cells[yes]!.rect;
    // The thick border sits about 2 px inside the cell.
    expect(png.at(r.x + 2.5, r.y + r.h / 2)).toBe(heatmapPalette.overlay);
    const q = layout.cells[no]!.rect;
    expect(png.at(q.x + 2.5, q.y + q.h / 2)).not.toBe(heatmapPalette.overlay);
  });

  it('draws no group data for a hidden open poll, only the overlay', async () => {
    const req = hiddenView();
    const { layout, png } = await draw(req);
    const states = req.overlay!.states;
    layout.cells.forEach((cell, slot) => {
      const p = fillPoint(cell!.rect);
      const colour = png.at(p.x, p.y);
      // Inside each cell: white, or the overlay's mark, never a group colour.
      if (states[slot] === '.') expect(colour).toBe(heatmapPalette.empty);
      expect([heatmapPalette.accent, ...heatmapPalette.scale]).not.toContain(colour);
    });
  });

  it('draws a plain grid for a hidden open poll seen without an overlay', async () => {
    const { overlay: _drop, ...req } = hiddenView();
    const { layout, png } = await draw(req);
    expect(layout.legend).toEqual([]);
    for (const cell of layout.cells) {
      const p = fillPoint(cell!.rect);
      expect(png.at(p.x, p.y)).toBe(heatmapPalette.empty);
    }
  });

  it('shows counts and greys days outside the poll on a calendar', async () => {
    const req = tripDates();
    const { layout, png } = await draw(req);
    const off = layout.offDays[0]!;
    expect(png.at(off.x + off.w / 2, off.y + off.h - 4)).toBe(heatmapPalette.notOffered);
    const n = groupSize(req);
    counts(req).forEach((x, slot) => {
      const r = layout.cells[slot]!.rect;
      // Bottom-left: clear of the day number, the count, the check and a window's halo.
      expect(png.at(r.x + 6, r.y + r.h - 5)).toBe(cellFill(x.yes, x.maybe, n));
    });
  });

  it('gives the same bytes for the same request', async () => {
    const a = await renderer.render(teamDinner());
    const b = await renderer.render(teamDinner());
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('renders the extreme poll within the width cap', async () => {
    const { layout, png } = await draw(extreme());
    expect(png.width).toBeLessThanOrEqual(MAX_PIXEL_WIDTH);
    expect(png.height).toBeLessThanOrEqual(4000);
    expect(png.width).toBe(layout.pixelWidth);
  });
});
