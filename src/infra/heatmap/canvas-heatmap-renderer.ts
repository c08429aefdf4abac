/** HeatmapRenderer on @napi-rs/canvas (Skia): a PNG of who is free when. */
import { createCanvas } from '@napi-rs/canvas';
import type { HeatmapRenderer, HeatmapRequest } from '../../core/ports.js';
import { ensureFonts } from './fonts.js';
import { computeHeatmapLayout } from './layout.js';
import { paintHeatmap } from './paint.js';

export { groupSize, isHidden } from './audience.js';
export { computeHeatmapLayout, MAX_PIXEL_WIDTH, PIXEL_RATIO } from './layout.js';
export { cellFill, cellLevel, heatmapPalette, legendSteps, scaleIndex } from './palette.js';
export type { CellBox, HeatmapLayout, Rect, WindowMark } from './layout-types.js';

export interface CanvasRendererOptions {
  /**
   * Encode the PNG on the calling thread. For a render thread of its own: libuv's pool (the
   * default, so a big PNG does not stall a bot's event loop when it renders in-process) has four
   * threads that would compete with the event loop for two cores.
   */
  encodeHere?: boolean;
}

export class CanvasHeatmapRenderer implements HeatmapRenderer {
  constructor(private readonly options: CanvasRendererOptions = {}) {
    // Fail at start-up, not on the first results request, if the font package is missing.
    ensureFonts();
  }

  async render(request: HeatmapRequest): Promise<Uint8Array> {
    const layout = computeHeatmapLayout(request);
    const canvas = createCanvas(layout.pixelWidth, layout.pixelHeight);
    const ctx = canvas.getContext('2d');
    ctx.scale(layout.scale, layout.scale);
    paintHeatmap(ctx, layout, request);
    return this.options.encodeHere ? canvas.encodeSync('png') : canvas.encode('png');
  }
}
