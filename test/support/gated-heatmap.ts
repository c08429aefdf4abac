/**
 * A heatmap renderer with a long queue, for tests of pictures that follow their message: it
 * says it is busy (so results say the picture follows, ImageSpec.followsUp) and each drawing
 * waits until the test releases it, so a test can look at what people see while no picture
 * can exist yet, without sleeping. Drawings are the real canvas ones.
 */
import type { HeatmapRenderer, HeatmapRequest } from '../../src/core/ports.js';
import { CanvasHeatmapRenderer } from '../../src/infra/heatmap/canvas-heatmap-renderer.js';

/** A promise and its resolve (Promise.withResolvers needs Node 22). */
function latch(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

export class GatedHeatmap implements HeatmapRenderer {
  /** What busy() says; false makes replies hold for the picture as without a queue. */
  queued = true;
  /** When set, a released drawing fails with it instead of returning a PNG. */
  failWith: Error | undefined;
  private readonly inner = new CanvasHeatmapRenderer();
  private started = 0;
  private open = false;
  private gate = latch();
  private watchers: Array<{ count: number; resolve: () => void }> = [];

  busy(): boolean {
    return this.queued;
  }

  async render(request: HeatmapRequest): Promise<Uint8Array> {
    this.started++;
    this.watchers = this.watchers.filter((w) => (this.started >= w.count ? (w.resolve(), false) : true));
    await this.gate.promise;
    if (this.failWith) throw this.failWith;
    return this.inner.render(request);
  }

  /** Drawings from now on wait again until `release()`; the count of started ones starts over. */
  hold(): void {
    if (this.open) this.gate = latch();
    this.open = false;
    this.started = 0;
    this.failWith = undefined;
    this.queued = true;
  }

  /** Resolves once `count` drawings have started since the last `hold()` (each now waits for the release). */
  drawingStarted(count = 1): Promise<void> {
    if (this.started >= count) return Promise.resolve();
    return new Promise((resolve) => this.watchers.push({ count, resolve }));
  }

  /** Lets every waiting drawing, and any later one until the next `hold()`, finish. */
  release(): void {
    this.open = true;
    this.gate.resolve();
  }
}
