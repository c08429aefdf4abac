/**
 * Saving strokes: each stroke is sent as the slots it changed (never the whole answer), one
 * request at a time; strokes made meanwhile wait and go together. What is shown is the stored
 * answer with the unsent and in-flight changes laid over it, so a live update from elsewhere
 * never undoes a stroke still on its way.
 */
import type { PageError, PaintResponse } from '../page-state.js';

export type SaveStatus = 'saved' | 'saving' | 'retrying' | 'closed' | 'refused';

type Changes = Map<number, string>;

export interface SaverEvents {
  /** The answer to show changed. */
  changed(): void;
  /** `code`: the server's stable code when it refused a stroke (POLL_CLOSED, POLL_FULL, LINK_REFUSED …). */
  status(status: SaveStatus, message?: string, code?: string): void;
}

const RETRY_MS = 1000;

export class Saver {
  private base: string;
  private pending: Changes = new Map();
  private inflight: Changes | undefined;
  private stopped = false;
  private idleWaiters: Array<() => void> = [];

  constructor(
    private readonly url: string,
    initial: string,
    private readonly events: SaverEvents,
  ) {
    this.base = initial;
  }

  /** The answer as shown: stored, then in flight, then not yet sent. */
  shown(): string {
    const chars = [...this.base];
    for (const layer of [this.inflight, this.pending]) if (layer) for (const [slot, c] of layer) chars[slot] = c;
    return chars.join('');
  }

  /** The stored answer as a live update reports it. */
  setStored(states: string): void {
    this.base = states;
    this.events.changed();
  }

  /** Resolves once every stroke made so far is stored (or saving has stopped). */
  whenIdle(): Promise<void> {
    if (this.idle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private idle(): boolean {
    return this.stopped || (!this.inflight && this.pending.size === 0);
  }

  private wakeIdle(): void {
    if (!this.idle()) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  /** One stroke. */
  add(changes: Changes): void {
    if (this.stopped || changes.size === 0) return;
    for (const [slot, c] of changes) this.pending.set(slot, c);
    this.events.changed();
    void this.flush();
  }

  private async flush(): Promise<void> {
    if (this.inflight || this.pending.size === 0 || this.stopped) return;
    this.inflight = this.pending;
    this.pending = new Map();
    this.events.status('saving');
    let retry = false;
    try {
      const res = await fetch(`${this.url}/paint`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ changes: [...this.inflight] }),
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
      });
      if (res.ok) {
        this.base = ((await res.json()) as PaintResponse).mine;
      } else {
        const error = (await res.json().catch(() => ({ code: 'HTTP', message: String(res.status) }))) as PageError;
        if (res.status === 429 || res.status >= 500) retry = true;
        else if (res.status === 403 || res.status === 409) this.stop(res.status === 403 ? 'refused' : 'closed', error.message, error.code);
        // Any other refusal is of this stroke alone (its slots no longer exist after an edit of the
        // poll): it is dropped and said why, and saving goes on.
        else this.events.status('saved', error.message, error.code);
      }
    } catch {
      retry = true;
    }
    if (retry) {
      // Put the changes back under any newer ones and try again shortly.
      for (const [slot, c] of this.inflight) if (!this.pending.has(slot)) this.pending.set(slot, c);
    }
    this.inflight = undefined;
    this.events.changed();
    this.wakeIdle();
    if (this.stopped) return;
    if (retry) {
      this.events.status('retrying');
      setTimeout(() => void this.flush(), RETRY_MS);
    } else if (this.pending.size > 0) {
      void this.flush();
    } else {
      this.events.status('saved');
    }
  }

  private stop(status: SaveStatus, message: string, code?: string): void {
    this.stopped = true;
    this.pending.clear();
    this.events.status(status, message, code);
  }

  /** Saving again after a stop (the poll was reopened): strokes refused meanwhile stay dropped. */
  resume(): void {
    this.stopped = false;
  }
}
