/**
 * HeatmapRenderer that paints in worker threads. Painting a large poll takes tens of
 * milliseconds of synchronous canvas work; on the event loop that acknowledges clicks, a crowd
 * pressing Results pushed every click past Slack's 3-second limit. Workers keep that loop free.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { HeatmapRenderer, HeatmapRequest } from '../../core/ports.js';
import type { RenderJob, RenderResult } from './render-worker.js';

export interface WorkerPoolOptions {
  /** Threads; default max(1, cores − 1) so one core stays for the event loop. */
  workers?: number;
  /** Renders waiting beyond this make `busy()` true: replies then say the picture is coming. */
  queueLimit?: number;
  /** Renders waiting beyond this are refused outright (RenderQueueFull), so memory stays bounded. */
  hardLimit?: number;
}

export class RenderQueueFull extends Error {
  readonly code = 'RENDER_QUEUE_FULL';
  constructor() {
    super('the heatmap render queue is full');
  }
}

interface Pending {
  job: RenderJob;
  resolve: (png: Uint8Array) => void;
  reject: (err: Error) => void;
}

const BOOT = new URL('./render-worker-boot.mjs', import.meta.url);

export class WorkerPoolHeatmapRenderer implements HeatmapRenderer {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly running = new Map<Worker, Pending>();
  private readonly waiting: Pending[] = [];
  private readonly queueLimit: number;
  private readonly hardLimit: number;
  private readonly size: number;
  private nextId = 1;
  private closed = false;

  constructor(options: WorkerPoolOptions = {}) {
    this.size = options.workers ?? Math.max(1, availableParallelism() - 1);
    this.queueLimit = options.queueLimit ?? this.size * 4;
    this.hardLimit = options.hardLimit ?? Math.max(this.queueLimit, 200);
  }

  /** Renders waiting for a thread (for metrics). */
  get queued(): number {
    return this.waiting.length;
  }

  busy(): boolean {
    return this.waiting.length >= this.queueLimit;
  }

  render(request: HeatmapRequest): Promise<Uint8Array> {
    if (this.closed) return Promise.reject(new Error('the render pool is closed'));
    if (this.waiting.length >= this.hardLimit) return Promise.reject(new RenderQueueFull());
    // Threads start on the first render: a console session that never asks for one never pays for them.
    while (this.workers.length < this.size) this.spawn();
    return new Promise((resolve, reject) => {
      this.waiting.push({ job: { id: this.nextId++, request }, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.waiting.splice(0)) pending.reject(new Error('the render pool is closed'));
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private spawn(): void {
    // execArgv: [] so the boot file's own tsx registration is the only loader, whatever ran us.
    const worker = new Worker(BOOT, { execArgv: [] });
    worker.unref();
    this.workers.push(worker);
    worker.once('message', () => {
      worker.on('message', (result: RenderResult) => this.finish(worker, result));
      this.idle.push(worker);
      this.dispatch();
    });
    worker.on('error', (err) => this.replace(worker, err));
  }

  private finish(worker: Worker, result: RenderResult): void {
    const pending = this.running.get(worker);
    this.running.delete(worker);
    this.idle.push(worker);
    if (pending) {
      if ('png' in result) pending.resolve(new Uint8Array(result.png));
      else pending.reject(new Error(`heatmap render failed: ${result.error}`));
    }
    this.dispatch();
  }

  /** A thread that crashed fails only the render it held; a fresh one takes its place. */
  private replace(worker: Worker, err: Error): void {
    this.running.get(worker)?.reject(err);
    this.running.delete(worker);
    this.workers.splice(this.workers.indexOf(worker), 1);
    const idleAt = this.idle.indexOf(worker);
    if (idleAt >= 0) this.idle.splice(idleAt, 1);
    if (!this.closed) this.spawn();
  }

  private dispatch(): void {
    while (this.idle.length && this.waiting.length) {
      const worker = this.idle.pop()!;
      const pending = this.waiting.shift()!;
      this.running.set(worker, pending);
      worker.postMessage(pending.job);
    }
  }
}
