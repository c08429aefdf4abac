/**
 * Heatmap speed, measured against the floor every PNG pays: encoding a blank canvas of
 * the same pixel size in the same run. The ratio, not the milliseconds, is the target,
 * so the number means the same on a laptop and on a slow CI box.
 */
import { createCanvas } from '@napi-rs/canvas';
import type { HeatmapRequest } from '../src/core/ports.js';
import { CanvasHeatmapRenderer, computeHeatmapLayout } from '../src/infra/heatmap/canvas-heatmap-renderer.js';
import { dateRange, poll, randomPeople, request, spec } from '../test/heatmap/fixtures.js';

export const TARGET_RATIO = 2.5;

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

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export async function benchHeatmap(runs = 30): Promise<HeatmapBenchResult> {
  const renderer = new CanvasHeatmapRenderer();
  const req = benchRequest();
  const { pixelWidth, pixelHeight } = computeHeatmapLayout(req);
  const slots = req.layout.slots.length;
  if (slots !== 7 * 48) throw new Error(`bench poll has ${slots} slots, expected ${7 * 48}`);

  const blank = async () => {
    const canvas = createCanvas(pixelWidth, pixelHeight);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, pixelWidth, pixelHeight);
    return canvas.encode('png');
  };

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
