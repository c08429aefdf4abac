/**
 * Coalesces work per key: at most one run per key every `intervalMs`, and the last request
 * always runs. Used to edit a poll's channel message after a burst of answers without
 * hitting platform rate limits.
 */

interface KeyState {
  timer?: NodeJS.Timeout;
  pending: boolean;
  lastRun: number;
  running?: Promise<void>;
}

import { monotonicMs } from '../../src/infra/clock.js';
export class Coalescer<K> {
  private readonly state = new Map<K, KeyState>();

  constructor(
    private readonly intervalMs: number,
    private readonly run: (key: K) => Promise<void>,
    private readonly onError: (key: K, err: unknown) => void,
    private readonly now: () => number = monotonicMs,
  ) {}

  request(key: K): void {
    let s = this.state.get(key);
    if (!s) {
      s = { pending: false, lastRun: -Infinity };
      this.state.set(key, s);
    }
    s.pending = true;
    if (s.timer || s.running) return;
    this.arm(key, s);
  }

  private arm(key: K, s: KeyState): void {
    const wait = Math.max(0, s.lastRun + this.intervalMs - this.now());
    s.timer = setTimeout(() => this.fire(key), wait);
  }

  private fire(key: K): void {
    const s = this.state.get(key);
    if (!s) return;
    s.timer = undefined;
    if (!s.pending) {
      // A whole interval passed with nothing new: forget the key.
      this.state.delete(key);
      return;
    }
    s.pending = false;
    s.lastRun = this.now();
    s.running = this.run(key)
      .catch((err: unknown) => this.onError(key, err))
      .finally(() => {
        s.running = undefined;
        // Keep the key until its interval has passed, so a request right after a run still waits.
        if (this.state.get(key) === s) this.arm(key, s);
      });
  }

  /** Runs everything pending now, ignoring the interval (shutdown, tests), and waits for it. */
  async flush(): Promise<void> {
    for (let pass = 0; pass < 5; pass++) {
      let busy = false;
      for (const [key, s] of this.state) {
        if (s.running) busy = true;
        if (s.pending && !s.running) {
          if (s.timer) clearTimeout(s.timer);
          s.timer = undefined;
          this.fire(key);
          busy = true;
        }
      }
      if (!busy) break;
      await Promise.all([...this.state.values()].map((s) => s.running));
    }
    for (const [key, s] of this.state) {
      if (s.timer) clearTimeout(s.timer);
      this.state.delete(key);
    }
  }
}
