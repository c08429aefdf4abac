/**
 * Identical heatmap requests share one render: a crowd pressing Results on the same poll gets one
 * picture drawn, not sixty. The key is the poll's version (raised in the store with every change
 * to answers, spec, status or pick, so several processes never serve a stale picture) and what
 * else changes the pixels: whose answers are drawn on top, the zone, the language, the reveal.
 */
import type { HeatmapRenderer, HeatmapRequest } from '../../core/ports.js';

export interface SharedRendersOptions {
  /** Pictures kept; the oldest goes first. */
  entries?: number;
  /** A kept picture is drawn again after this long, since labels such as "closes in" age. */
  maxAgeMs?: number;
  /** A monotonic clock in milliseconds, for the age above. */
  monotonic: () => number;
}

interface Entry {
  png: Promise<Uint8Array>;
  at: number;
}

export function renderKey(request: HeatmapRequest): string {
  const { poll } = request;
  return JSON.stringify([poll.id, poll.version, request.overlay?.user.id ?? null, request.timezone, request.locale, request.revealHidden === true]);
}

export class SharedRenders implements HeatmapRenderer {
  private readonly kept = new Map<string, Entry>();
  private readonly entries: number;
  private readonly maxAgeMs: number;

  constructor(
    private readonly inner: HeatmapRenderer & { busy?(): boolean },
    private readonly options: SharedRendersOptions,
  ) {
    this.entries = options.entries ?? 64;
    this.maxAgeMs = options.maxAgeMs ?? 60_000;
  }

  busy(): boolean {
    return this.inner.busy?.() ?? false;
  }

  render(request: HeatmapRequest): Promise<Uint8Array> {
    const key = renderKey(request);
    const now = this.options.monotonic();
    const found = this.kept.get(key);
    if (found && now - found.at <= this.maxAgeMs) {
      // Most recently used goes last, so the oldest is the first key.
      this.kept.delete(key);
      this.kept.set(key, found);
      return found.png;
    }
    const png = this.inner.render(request);
    this.kept.set(key, { png, at: now });
    // A failed render is not kept: the next request tries again.
    png.catch(() => {
      if (this.kept.get(key)?.png === png) this.kept.delete(key);
    });
    while (this.kept.size > this.entries) this.kept.delete(this.kept.keys().next().value!);
    return png;
  }
}
