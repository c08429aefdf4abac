/** Reading rendered PNGs back in tests. */
import { PNG } from 'pngjs';
import type { HeatmapRequest } from '../../src/core/ports.js';
import { CanvasHeatmapRenderer, computeHeatmapLayout, type HeatmapLayout, type Rect } from '../../src/infra/heatmap/canvas-heatmap-renderer.js';

export interface Decoded {
  width: number;
  height: number;
  data: Buffer;
  /** '#rrggbb' of the pixel under a CSS px point. */
  at(x: number, y: number): string;
}

export function decode(bytes: Uint8Array, layout: Pick<HeatmapLayout, 'scale'>): Decoded {
  const png = PNG.sync.read(Buffer.from(bytes));
  const at = (x: number, y: number) => {
    const px = Math.floor(x * layout.scale);
    const py = Math.floor(y * layout.scale);
    const i = (py * png.width + px) * 4;
    const hex = (n: number) => n.toString(16).padStart(2, '0');
    return `#${hex(png.data[i]!)}${hex(png.data[i + 1]!)}${hex(png.data[i + 2]!)}`;
  };
  return { width: png.width, height: png.height, data: png.data, at };
}

/**
 * A point inside a cell clear of everything drawn over its fill: the count and check mark
 * (centred), a best-window badge (top-left), the column rule (left edge).
 */
export function fillPoint(r: Rect): { x: number; y: number } {
  return { x: r.x + Math.min(6, r.w / 4), y: r.y + r.h - Math.min(4, r.h / 4) };
}

const renderer = new CanvasHeatmapRenderer();

/** Renders a request and reads it back, with the layout that says where everything went. */
export async function draw(req: HeatmapRequest): Promise<{ layout: HeatmapLayout; bytes: Uint8Array; png: Decoded }> {
  const layout = computeHeatmapLayout(req);
  const bytes = await renderer.render(req);
  return { layout, bytes, png: decode(bytes, layout) };
}
