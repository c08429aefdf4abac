/**
 * Coalesces work per key: at most one run per key every `intervalMs`, and the last request
 * always runs. Used to edit a poll's channel message after a burst of answers without
 * hitting platform rate limits.
 */
export class Coalescer<K> {
  private readonly state = new Map<K, { timer?: NodeJS.Timeout; pending: boolean; lastRun: number; running?: Promise<void> }>();

  constructor(
    private readonly intervalMs: number,
    private readonly run: (key: K) => Promise<void>,
    private readonly onError: (key: K, err: unknown) => void,
    private readonly now: () => number = Date.now,
  ) {}

  request(key: K): void {
    const s = this.state.get(key) ?? { pending: false, lastRun: 0 };
    this.state.set(key, s);
    s.pending = true;
    if (s.timer || s.running) return;
    const wait = Math.max(0, s.lastRun + this.intervalMs - this.now());
    s.timer = setTimeout(() => this.fire(key), wait);
  }

  private fire(key: K): void {
    const s = this.state.get(key);
    if (!s) return;
    s.timer = undefined;
    if (!s.pending) return;
    s.pending = false;
    s.lastRun = this.now();
    s.running = this.run(key)
      .catch((err: unknown) => this.onError(key, err))
      .finally(() => {
        s.running = undefined;
        if (s.pending) this.request(key);
        else if (!s.timer) this.state.delete(key);
      });
  }

  /** Runs everything pending now (shutdown, tests) and waits for it. */
  async flush(): Promise<void> {
    const keys = [...this.state.keys()];
    for (const key of keys) {
      const s = this.state.get(key);
      if (!s) continue;
      if (s.timer) {
        clearTimeout(s.timer);
        s.timer = undefined;
        if (s.pending) this.fire(key);
      }
    }
    await Promise.all([...this.state.values()].map((s) => s.running));
  }
}
