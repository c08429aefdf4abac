/**
 * A person's usual week: for each weekday and quarter hour in their zone, whether they are
 * usually free, free if needed, or not. Learned from their own answers, or set by hand; used to
 * fill a new poll's answer in one press.
 */
import { stateAt } from './availability.js';
import { layoutPoll, type PollLayout } from './slots.js';
import { wallClock } from './time.js';
import type { Poll, Weekday } from './types.js';

/** The week is cut into quarter hours: every slot size (15 minutes to 2 hours) is made of whole cells. */
export const CELL_MINUTES = 15;
export const CELLS_PER_DAY = 1440 / CELL_MINUTES;
export const WEEK_CELLS = 7 * CELLS_PER_DAY;
/** Polls older than this teach nothing. */
export const LEARN_WEEKS = 8;
/** A cell is usual when the person was free there in at least this share of the (weighted) polls that offered it. */
export const USUAL_SHARE = 0.6;
/** A poll this many weeks old counts half as much as one made now. */
export const HALF_LIFE_WEEKS = 4;

const MINUTE_MS = 60_000;
export const WEEK_MS = 7 * 24 * 60 * MINUTE_MS;
/** Shares are sums of weights: 3 polls out of 5 must not read as 0.59999. */
const EPSILON = 1e-9;

export interface UsualWeek {
  /** The zone whose weekdays and clock the cells are in. */
  tz: string;
  /** WEEK_CELLS characters, Monday 00:00 first: 'y' free, 'm' if needed, '.' not usual. */
  cells: string;
}

/** One of the person's past answers, with the poll it answered. */
export interface PastAnswer {
  poll: Poll;
  states: string;
}

export function emptyWeek(tz: string): UsualWeek {
  return { tz, cells: '.'.repeat(WEEK_CELLS) };
}

export function isEmptyWeek(week: UsualWeek): boolean {
  return !/[ym]/.test(week.cells);
}

export function cellIndex(weekday: Weekday, minute: number): number {
  return weekday * CELLS_PER_DAY + Math.floor(minute / CELL_MINUTES);
}

/** The cells a stretch of real time touches, read on the clock of `tz`. */
export function cellsOf(start: number, end: number, tz: string): number[] {
  const cells = new Set<number>();
  for (let t = start; t < end; t += CELL_MINUTES * MINUTE_MS) {
    const w = wallClock(t, tz);
    cells.add(cellIndex(w.weekday, w.minute));
  }
  return [...cells];
}

/** How much a poll made `ageMs` ago counts: halves every HALF_LIFE_WEEKS. */
export function recencyWeight(ageMs: number): number {
  return 2 ** (-Math.max(0, ageMs) / (HALF_LIFE_WEEKS * WEEK_MS));
}

/**
 * The pattern the person's answers show, in `tz`. Every poll of the last LEARN_WEEKS (by when it
 * was made) that offered a cell votes on it with its recency weight: for free, the share of its
 * slots over that cell the person marked free (a two-week poll offers Monday twice); for if
 * needed, the share marked free or if needed. A cell is free when the free votes reach
 * USUAL_SHARE of the weight of the polls that offered it, else if needed when those votes do.
 * Polls without times of day (dates, blocks without hours) say nothing about a clock, and are
 * not counted among the polls it was learned from.
 */
export function learnUsualWeek(answers: readonly PastAnswer[], tz: string, now: number): { week: UsualWeek; polls: number } {
  const offered = new Float64Array(WEEK_CELLS);
  const free = new Float64Array(WEEK_CELLS);
  const available = new Float64Array(WEEK_CELLS);
  let polls = 0;
  for (const answer of answers) {
    const age = now - answer.poll.createdAt;
    if (age > LEARN_WEEKS * WEEK_MS) continue;
    const weight = recencyWeight(age);
    const tally = new Map<number, { slots: number; free: number; available: number }>();
    for (const slot of layoutPoll(answer.poll.spec).slots) {
      if (slot.start === undefined || slot.end === undefined) continue;
      const state = stateAt(answer.states, slot.index);
      for (const cell of cellsOf(slot.start, slot.end, tz)) {
        const t = tally.get(cell) ?? { slots: 0, free: 0, available: 0 };
        t.slots += 1;
        if (state === 'yes') t.free += 1;
        if (state !== 'no') t.available += 1;
        tally.set(cell, t);
      }
    }
    if (tally.size > 0) polls++;
    for (const [cell, t] of tally) {
      offered[cell]! += weight;
      free[cell]! += (weight * t.free) / t.slots;
      available[cell]! += (weight * t.available) / t.slots;
    }
  }
  let cells = '';
  for (let c = 0; c < WEEK_CELLS; c++) {
    const weight = offered[c]!;
    const usual = (votes: number) => weight > 0 && votes / weight >= USUAL_SHARE - EPSILON;
    cells += usual(free[c]!) ? 'y' : usual(available[c]!) ? 'm' : '.';
  }
  return { week: { tz, cells }, polls };
}

/** Whether a poll has slots with a time of day, which a usual week can fill. */
export function hasTimedSlots(layout: PollLayout): boolean {
  return layout.slots.some((slot) => slot.start !== undefined);
}

/**
 * A poll answer from a usual week: a slot is free when every cell it covers is, if needed when
 * every cell is free or if needed, and left as `current` has it otherwise (the fill only adds).
 */
export function fillFromUsualWeek(week: UsualWeek, layout: PollLayout, current: string): string {
  return layout.slots
    .map((slot) => {
      const mine = current.charAt(slot.index) || '.';
      if (slot.start === undefined || slot.end === undefined || mine === 'y') return mine;
      const cells = cellsOf(slot.start, slot.end, week.tz).map((c) => week.cells.charAt(c));
      if (cells.length && cells.every((c) => c === 'y')) return 'y';
      if (cells.length && cells.every((c) => c !== '.')) return 'm';
      return mine;
    })
    .join('');
}

/** One part of a hand-set week: these weekdays, from `start` for `length` minutes (past midnight runs into the next day). */
export interface WeekHours {
  weekdays: readonly Weekday[];
  start: number;
  length: number;
  state: 'y' | 'm';
}

/** A week set by hand; later parts win where they overlap earlier ones. */
export function weekFromHours(parts: readonly WeekHours[], tz: string): UsualWeek {
  const cells = [...emptyWeek(tz).cells];
  for (const part of parts) {
    const first = Math.floor(part.start / CELL_MINUTES);
    const last = Math.ceil((part.start + part.length) / CELL_MINUTES);
    for (const day of part.weekdays) {
      for (let c = first; c < last; c++) cells[(day * CELLS_PER_DAY + c) % WEEK_CELLS] = part.state;
    }
  }
  return { tz, cells: cells.join('') };
}

/** A run of equal cells within one weekday: [from, to) in minutes of the day. */
export interface DayRun {
  weekday: Weekday;
  from: number;
  to: number;
  state: 'y' | 'm';
}

/** The week as runs per day, Monday first, for reading it back. */
export function weekRuns(week: UsualWeek): DayRun[] {
  const runs: DayRun[] = [];
  for (let day = 0; day < 7; day++) {
    let c = 0;
    while (c < CELLS_PER_DAY) {
      const state = week.cells.charAt(day * CELLS_PER_DAY + c);
      let end = c + 1;
      while (end < CELLS_PER_DAY && week.cells.charAt(day * CELLS_PER_DAY + end) === state) end++;
      if (state === 'y' || state === 'm') runs.push({ weekday: day as Weekday, from: c * CELL_MINUTES, to: end * CELL_MINUTES, state });
      c = end;
    }
  }
  return runs;
}

/** What a person chose about their usual week. */
export interface UsualWeekSettings {
  /** Learn from their answers (on unless they turned it off). */
  learn: boolean;
  /** Answers to polls made before this are forgotten (learning was turned off or the week cleared then). */
  learnFrom?: number;
  /** Picked meetings set their other polls' overlapping slots unavailable (on unless they turned it off). */
  block: boolean;
  /** Set by hand; it wins over the learned week. */
  pattern?: UsualWeek;
}

export const DEFAULT_USUAL_WEEK_SETTINGS: UsualWeekSettings = { learn: true, block: true };
