/** One render thread: paints and encodes heatmaps the pool hands it, one at a time, at the lowest CPU priority. */
import { readlinkSync } from 'node:fs';
import { constants, setPriority } from 'node:os';
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
/**
 * On Linux a nice value belongs to a thread: this one yields the CPU to the bot's event loop, so
 * a storm of Results presses cannot delay the acknowledgement of a click (Slack allows 3 s).
 * /proc/thread-self names this thread; elsewhere the render thread keeps the normal priority.
 */
function yieldToEventLoop(): void {
  try {
    const thread = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(thread) && thread > 0) setPriority(thread, constants.priority.PRIORITY_LOW);
  } catch {
    // Not Linux, or not allowed: renders simply share the CPU as before.
  }
}

yieldToEventLoop();
const renderer = new CanvasHeatmapRenderer({ encodeHere: true });
port.on('message', (job: RenderJob) => {
  renderer.render(job.request).then(
    (png) => port.postMessage({ id: job.id, png } satisfies RenderResult, [png.buffer as ArrayBuffer]),
    (err: unknown) => port.postMessage({ id: job.id, error: err instanceof Error ? err.stack ?? err.message : String(err) } satisfies RenderResult),
  );
});
port.postMessage('ready');
