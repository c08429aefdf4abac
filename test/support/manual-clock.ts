import type { Clock } from '../../src/core/ports.js';

/** A clock that only moves when told to, so a test derives every date from one fixed "now". */
export class ManualClock implements Clock {
  constructor(private current: number) {}

  now(): number {
    return this.current;
  }

  set(ms: number): void {
    this.current = ms;
  }

  advance(ms: number): void {
    this.current += ms;
  }
}
