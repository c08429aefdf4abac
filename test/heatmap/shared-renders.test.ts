import { describe, expect, it } from 'vitest';
import type { HeatmapRequest } from '../../src/core/ports.js';
import { CanvasHeatmapRenderer } from '../../src/infra/heatmap/canvas-heatmap-renderer.js';
import { SharedRenders } from '../../src/infra/heatmap/shared-renders.js';
import { dateRange, poll, randomPeople, request, spec, user } from './fixtures.js';

const base = poll(spec({ kind: 'time', days: { type: 'dates', dates: dateRange('2026-11-23', 2) }, window: { start: '18:00', end: '21:00' }, slotMinutes: 60 }));

/** The real renderer, counting how many pictures it was asked to draw. */
function counted() {
  const real = new CanvasHeatmapRenderer();
  const drawn: HeatmapRequest[] = [];
  let fail = false;
  return {
    drawn,
    failNext: () => (fail = true),
    render(req: HeatmapRequest) {
      drawn.push(req);
      if (fail) {
        fail = false;
        return Promise.reject(new Error('boom'));
      }
      return real.render(req);
    },
  };
}

describe('SharedRenders', () => {
  it('draws a crowd of identical requests once, and again when the poll changes', async () => {
    let now = 0;
    const inner = counted();
    const renders = new SharedRenders(inner, { monotonic: () => now });
    const req = request({ ...base, version: 3 }, { participants: (layout) => randomPeople(layout, 5, 1) });
    const pngs = await Promise.all(Array.from({ length: 20 }, () => renders.render(req)));
    expect(inner.drawn).toHaveLength(1);
    expect(new Set(pngs)).toHaveProperty('size', 1);
    await renders.render({ ...req, poll: { ...req.poll, version: 4 } });
    expect(inner.drawn).toHaveLength(2);
    now += 60_001;
    await renders.render({ ...req, poll: { ...req.poll, version: 4 } });
    expect(inner.drawn).toHaveLength(3);
  });

  it('keeps apart what changes the pixels: whose answers, zone, language, reveal', async () => {
    const inner = counted();
    const renders = new SharedRenders(inner, { monotonic: () => 0 });
    const req = request({ ...base, version: 1 });
    const variants: HeatmapRequest[] = [
      req,
      { ...req, overlay: { user: user('u1', 'Ann'), states: 'yyy...' } },
      { ...req, overlay: { user: user('u2', 'Bo'), states: 'yyy...' } },
      { ...req, timezone: 'Europe/Paris' },
      { ...req, locale: 'ko' },
      { ...req, revealHidden: true },
    ];
    for (const v of variants) await renders.render(v);
    for (const v of variants) await renders.render(v);
    expect(inner.drawn).toHaveLength(variants.length);
  });

  it('does not keep a failed render', async () => {
    const inner = counted();
    const renders = new SharedRenders(inner, { monotonic: () => 0 });
    const req = request({ ...base, version: 1 });
    inner.failNext();
    await expect(renders.render(req)).rejects.toThrow('boom');
    await expect(renders.render(req)).resolves.toBeInstanceOf(Uint8Array);
    expect(inner.drawn).toHaveLength(2);
  });
});
