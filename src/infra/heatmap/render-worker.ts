/** One render thread: paints and encodes heatmaps the pool hands it, one at a time. */
import { parentPort } from 'node:worker_threads';
import type { HeatmapRequest } from '../../core/ports.js';
import { CanvasHeatmapRenderer } from './canvas-heatmap-renderer.js';

export interface RenderJob {
  id: number;
  request: HeatmapRequest;
}

export type RenderResult = { id: number; png: Uint8Array } | { id: number; error: string };

const port = parentPort;
if (!port) throw new Error('render-worker runs only as a worker thread');
const renderer = new CanvasHeatmapRenderer();
port.on('message', (job: RenderJob) => {
  renderer.render(job.request).then(
    (png) => port.postMessage({ id: job.id, png } satisfies RenderResult, [png.buffer as ArrayBuffer]),
    (err: unknown) => port.postMessage({ id: job.id, error: err instanceof Error ? err.stack ?? err.message : String(err) } satisfies RenderResult),
  );
});
port.postMessage('ready');
