/**
 * The one adjacency rule: which offered slots a meeting, a best-time option or a typed read-back
 * may run across. Windows, options and labels all ask here, so they never disagree.
 */
import { addDays } from './time.js';
import type { PollKind, Slot } from './types.js';

/**
 * True when slot b directly follows slot a. Time slots follow one another when b starts where a
 * ends on the poll zone's wall clock or in real time: on a spring-forward day 01:30 and 03:00
 * meet in real time, on a fall-back day the first 01:30 and 02:00 meet on the wall clock. That
 * one test also joins the days of an overnight or 24-hour window and never joins a day window
 * to the next day. Dates follow one another only on consecutive calendar dates (a weekly poll's
 * reference week runs Monday to Sunday, so Sunday never joins Monday); blocks only within a day.
 */
export function slotsAdjacent(kind: PollKind, a: Slot, b: Slot): boolean {
  switch (kind) {
    case 'time':
      return (a.end !== undefined && a.end === b.start) || (a.wallEnd !== undefined && a.wallEnd === b.wallStart);
    case 'block':
      return a.day === b.day && b.index === a.index + 1;
    case 'date':
      return addDays(a.date, 1) === b.date;
  }
}

/** Start indexes of every run of `length` adjacent slots. */
export function windowStarts(kind: PollKind, slots: readonly Slot[], length: number): number[] {
  const starts: number[] = [];
  // run = how many adjacent slots end at i (inclusive).
  let run = 0;
  for (let i = 0; i < slots.length; i++) {
    run = i > 0 && slotsAdjacent(kind, slots[i - 1]!, slots[i]!) ? run + 1 : 1;
    if (run >= length) starts.push(i - length + 1);
  }
  return starts;
}

/** The most adjacent slots in one run: the longest meeting the poll can hold. */
export function longestRun(kind: PollKind, slots: readonly Slot[]): number {
  let run = 0;
  let longest = 0;
  for (let i = 0; i < slots.length; i++) {
    run = i > 0 && slotsAdjacent(kind, slots[i - 1]!, slots[i]!) ? run + 1 : 1;
    longest = Math.max(longest, run);
  }
  return longest;
}
