/** Clocks: the system clock, and one that can be moved forward (console `sleep`, tests). */
import type { Clock } from '../core/ports.js';

export const systemClock: Clock = { now: () => Date.now() };

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

/** A clock that only moves when told to (tests). */
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
