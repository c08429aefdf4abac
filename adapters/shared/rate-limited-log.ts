/**
 * A log line that may repeat on every click (a full disk fails each one the same way) is
 * written at most once per interval per key, with the count of the ones held back, so an
 * operator sees the problem at once and the log does not flood.
 */
import type { Clock } from '../../src/core/ports.js';
import type { Logger } from '../../src/logger.js';

export const ONE_MINUTE_MS = 60_000;

export class RateLimitedLog {
  private readonly last = new Map<string, { at: number; held: number }>();

  constructor(
    private readonly logger: Logger,
    private readonly clock: Pick<Clock, 'now'>,
    private readonly intervalMs = ONE_MINUTE_MS,
  ) {}

  /** Logs `msg` at error level unless `key` was logged within the interval; returns whether it was written. */
  error(key: string, fields: Record<string, unknown>, msg: string): boolean {
    const now = this.clock.now();
    const seen = this.last.get(key);
    if (seen && now - seen.at < this.intervalMs) {
      seen.held++;
      return false;
    }
    this.last.set(key, { at: now, held: 0 });
    this.logger.error({ ...fields, ...(seen?.held ? { heldBack: seen.held } : {}) }, msg);
    return true;
  }
}
