/**
 * Coalesces work per key: at most one run per key every `intervalMs`, and the last request
 * always runs. Used to edit a poll's channel message after a burst of answers without
 * hitting platform rate limits.
 */
import type { Clock, EditPacing } from '../../src/core/ports.js';
import { monotonicMs } from '../../src/infra/clock.js';

interface KeyState {
  timer?: NodeJS.Timeout;
  pending: boolean;
  lastRun: number;
  running?: Promise<void>;
}

/**
 * Asked before each run: 0 to go ahead, else how long to wait. With several instances on one
 * store it paces them together (the store's EditPacing); one instance needs none.
 */
export type RunGate<K> = (key: K) => Promise<number>;

/** The gate for a poll message's edits when several instances share the store, or none for one. */
export function editGate(pacing: EditPacing | undefined, clock: Clock, intervalMs: number): RunGate<number> | undefined {
  return pacing && ((pollId) => pacing.claimEdit(pollId, clock.now(), intervalMs));
}

export class Coalescer<K> {
  private readonly state = new Map<K, KeyState>();

  constructor(
    private readonly intervalMs: number,
    private readonly run: (key: K) => Promise<void>,
    private readonly onError: (key: K, err: unknown) => void,
    private readonly now: () => number = monotonicMs,
    private readonly gate?: RunGate<K>,
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

  private fire(key: K, ungated = false): void {
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
    s.running = (ungated ? this.run(key) : this.runWhenAllowed(key, s))
      .catch((err: unknown) => this.onError(key, err))
      .finally(() => {
        s.running = undefined;
        // Keep the key until its interval has passed, so a request right after a run still waits.
        if (this.state.get(key) === s) this.arm(key, s);
      });
  }

  /** Runs when the gate allows; otherwise stays pending and comes back when it says, through `arm`. */
  private async runWhenAllowed(key: K, s: KeyState): Promise<void> {
    // A gate that cannot answer (its store is down) holds nothing back: the edit is still wanted.
    const wait = this.gate ? await this.gate(key).catch(() => 0) : 0;
    if (wait <= 0) return this.run(key);
    s.pending = true;
    s.lastRun = this.now() + wait - this.intervalMs;
  }

  /** Runs everything pending now, ignoring the interval and the gate (shutdown, tests), and waits for it. */
  async flush(): Promise<void> {
    for (let pass = 0; pass < 5; pass++) {
      let busy = false;
      for (const [key, s] of this.state) {
        if (s.running) busy = true;
        if (s.pending && !s.running) {
          if (s.timer) clearTimeout(s.timer);
          s.timer = undefined;
          this.fire(key, true);
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
