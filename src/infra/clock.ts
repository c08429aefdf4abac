/**
 * Every reading of time in the product comes from here: the domain `Clock` (what "now" is for
 * polls, deadlines, reminders, meetings and caches), real time for signature replay windows
 * (which must match the platform's clock even when the domain clock is moved), and a monotonic
 * count for elapsed time (cool-downs, timeouts, latency). A test refuses any other reading.
 */
import { performance } from 'node:perf_hooks';
import type { Clock } from '../core/ports.js';

export const systemClock: Clock = { now: () => Date.now() };

/** Real time (epoch ms) for signature replay windows only; never domain time. */
export function realTimeForReplayChecks(): number {
  return Date.now();
}

/** Milliseconds on a clock that only moves forward, for measuring elapsed time. */
export function monotonicMs(): number {
  return performance.now();
}

/** Real time plus whatever the console's `sleep` skipped, so time travel in the terminal moves deadlines as time would. */
export class OffsetClock implements Clock {
  private offset = 0;

  constructor(private readonly base: Clock = systemClock) {}

  now(): number {
    return this.base.now() + this.offset;
  }

  advance(ms: number): void {
    this.offset += ms;
  }
}
