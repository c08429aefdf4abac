/**
 * Heatmap speed, measured against the floor every PNG pays: encoding a blank canvas of
 * the same pixel size in the same run. The ratio, not the milliseconds, is the target,
 * so the number means the same on a laptop and on a slow CI box.
 */
import { createCanvas } from '@napi-rs/canvas';
import type { HeatmapRequest } from '../src/core/ports.js';
import { CanvasHeatmapRenderer, computeHeatmapLayout } from '../src/infra/heatmap/canvas-heatmap-renderer.js';
import { dateRange, poll, randomPeople, request, spec } from '../test/heatmap/fixtures.js';
import { atMost, figure, median, type Bench } from './figure.js';

/** Issue #11's target (it was 2.5× before the bench had one runner). */
export const TARGET_RATIO = 1.5;

export interface HeatmapBenchResult {
  runs: number;
  pixelWidth: number;
  pixelHeight: number;
  renderMedianMs: number;
  blankEncodeMedianMs: number;
  ratio: number;
  target: number;
}

/** 7 dates × 48 half-hour slots, 50 people. */
export function benchRequest(): HeatmapRequest {
  const s = spec({
    kind: 'time',
    title: 'Bench: a week of half hours',
    days: { type: 'dates', dates: dateRange('2026-12-07', 7) },
    window: { start: '00:00', end: '24:00' },
    slotMinutes: 30,
    durationSlots: 2,
  });
  return request(poll(s), { participants: (layout) => randomPeople(layout, 50, 42) });
}

/** The floor every PNG pays: a white canvas of that size, encoded. */
export async function blankEncode(width: number, height: number): Promise<Uint8Array> {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  return canvas.encode('png');
}

export async function benchHeatmap(runs = 30): Promise<HeatmapBenchResult> {
  const renderer = new CanvasHeatmapRenderer();
  const req = benchRequest();
  const { pixelWidth, pixelHeight } = computeHeatmapLayout(req);
  const slots = req.layout.slots.length;
  if (slots !== 7 * 48) throw new Error(`bench poll has ${slots} slots, expected ${7 * 48}`);

  const blank = () => blankEncode(pixelWidth, pixelHeight);

  // Warm up: font registration, JIT, Skia caches.
  for (let i = 0; i < 3; i++) {
    await renderer.render(req);
    await blank();
  }
  const render: number[] = [];
  const encode: number[] = [];
  // Interleaved, so a noisy neighbour slows both sides alike.
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    await renderer.render(req);
    render.push(performance.now() - t);
    t = performance.now();
    await blank();
    encode.push(performance.now() - t);
  }
  const renderMedianMs = median(render);
  const blankEncodeMedianMs = median(encode);
  return {
    runs,
    pixelWidth,
    pixelHeight,
    renderMedianMs,
    blankEncodeMedianMs,
    ratio: renderMedianMs / blankEncodeMedianMs,
    target: TARGET_RATIO,
  };
}

export const heatmapBench: Bench = {
  name: 'heatmap',
  figures: ['heatmap'],
  async run(note) {
    const r = await benchHeatmap();
    note(`heatmap: 7 dates × 48 slots, 50 people, ${r.pixelWidth}×${r.pixelHeight} px, ${r.runs} runs`);
    return [
      figure({ name: 'heatmap', value: r.renderMedianMs, unit: 'ms', baseline: r.blankEncodeMedianMs, ratio: r.ratio, target: atMost(r.target) }),
    ];
  },
};
