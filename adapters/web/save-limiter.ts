/** At most `limit` saves per person in any `windowMs` (10 a second by default), on the monotonic clock. */
import { monotonicMs } from '../../src/infra/clock.js';

export class SaveLimiter {
  private readonly recent = new Map<string, number[]>();

  constructor(
    private readonly limit = 10,
    private readonly windowMs = 1000,
    private readonly now: () => number = monotonicMs,
  ) {}

  /** Counts a save for `who` and says whether it is allowed. */
  allow(who: string): boolean {
    const now = this.now();
    const times = (this.recent.get(who) ?? []).filter((t) => now - t < this.windowMs);
    if (times.length >= this.limit) {
      this.recent.set(who, times);
      return false;
    }
    times.push(now);
    this.recent.set(who, times);
    // Forget quiet people so the map stays the size of the people saving right now.
    if (this.recent.size > 10_000) {
      for (const [key, ts] of this.recent) if (ts.every((t) => now - t >= this.windowMs)) this.recent.delete(key);
    }
    return true;
  }
}
