/**
 * What `/yakjeong pick` names: a result rank ("1"), or a start given as a date and time
 * (time polls, read in the picker's zone), a date and block, a date, or a weekday (weekly polls).
 */
import { UserError } from '../errors.js';
import { windowStarts } from '../domain/adjacency.js';
import { describeRun, rankWindows, type RankedWindow } from '../domain/ranking.js';
import type { PollLayout } from '../domain/slots.js';
import { formatHm, wallClock, weekdayOf } from '../domain/time.js';
import type { Weekday } from '../domain/types.js';
import type { Participant, Poll } from '../domain/types.js';
import { dateAnchor } from './answer.js';
import { parseDateWord, parseWeekdayWord } from './dates.js';
import { numericMonths } from './month-names.js';
import { parseTimePhrase } from './times.js';

/** What `choosePick` reads a typed choice against: the poll, its answers, and the picker's zone and today. */
export interface PickRequest {
  poll: Poll;
  layout: PollLayout;
  participants: Participant[];
  /** What was typed: a result number or a start time. */
  text: string;
  /** The picker's zone, which a typed time is read in. */
  tz: string;
  /** Today in the picker's zone: "tomorrow" and month/day count from it, as in answers. */
  today: string;
  /** Now: result numbers count, as the results showed them, only windows not yet begun. */
  now: number;
}

export function choosePick(request: PickRequest): RankedWindow {
  const { poll, layout, participants, text: choice, tz: viewerTz, today, now } = request;
  const bad = () => badPick(poll, layout, participants, choice, viewerTz, now);
  const rankMatch = /^#?(\d{1,2})\s*(번|위|st|nd|rd|th)?$/i.exec(choice);
  if (rankMatch) {
    const rank = Number(rankMatch[1]);
    const best = rankWindows(poll.spec, layout, participants, { limit: Math.max(3, rank), now });
    const window = best[rank - 1];
    if (!window) throw bad();
    return window;
  }
  const weekly = poll.spec.days.type === 'weekly';
  // Times are read in the picker's own zone, as they see them in the grid.
  const tz = poll.spec.kind === 'time' ? viewerTz : poll.spec.timezone;
  const start = readStart(numericMonths(choice), weekly, today, dateAnchor(layout, today));
  if (!start) throw bad();
  const { date, weekday, rest } = start;
  const onDay = (slotDate: string, instant: number | undefined) => {
    const local = instant !== undefined ? wallClock(instant, tz) : { date: slotDate, weekday: weekdayOf(slotDate) };
    return weekly ? local.weekday === weekday : local.date === date;
  };
  let first: number | undefined;
  if (poll.spec.kind === 'time') {
    // One time, read as an answer reads it: a bare hour ("3시") is either half of the day,
    // whichever a meeting can start at, the afternoon when both can; a number alone is no time.
    const phrase = rest ? parseTimePhrase(rest) : undefined;
    if (phrase?.type !== 'at') throw bad();
    const starts = new Set(windowStarts(poll.spec.kind, layout.slots, Math.max(1, poll.spec.durationSlots)));
    const startAt = (minute: number) =>
      layout.slots.find((s) => s.start !== undefined && onDay(s.date, s.start) && wallClock(s.start, tz).minute === minute % 1440)?.index;
    const found = phrase.readings.map(startAt).filter((index): index is number => index !== undefined);
    // A reading no meeting can start at still names its slot, so the refusal speaks of it.
    first = found.filter((index) => starts.has(index)).pop() ?? found[0];
  } else if (poll.spec.kind === 'block') {
    const name = rest.toLowerCase();
    first = layout.slots.find((s) => onDay(s.date, undefined) && (!name || s.block?.toLowerCase() === name))?.index;
  } else {
    first = layout.slots.find((s) => onDay(s.date, undefined))?.index;
  }
  if (first === undefined) throw bad();
  return windowAt({ poll, layout, participants, first, input: choice, tz: viewerTz, now });
}

/** A start to check: the window of the poll's length from `first`, for `input` as the person gave it. */
export interface WindowRequest {
  poll: Poll;
  layout: PollLayout;
  participants: Participant[];
  first: number;
  input: string;
  /** The zone the person reads times in, for the starts a refusal offers. */
  tz: string;
  /** Now, for the results a refusal offers. */
  now: number;
}

/** The window of the poll's length starting at `first`, if the slots run on without a break. */
export function windowAt(request: WindowRequest): RankedWindow {
  const { poll, layout, participants, first, input, tz, now } = request;
  const length = Math.max(1, poll.spec.durationSlots);
  if (!windowStarts(poll.spec.kind, layout.slots, length).includes(first)) throw badPick(poll, layout, participants, input, tz, now);
  return describeRun(poll.spec, layout, participants, first, length);
}

/**
 * The day a typed start names and what follows it: "12/8 7pm", "12월 8일 (화) 오후 7시",
 * "2026-12-08T19:00", "mon 19:00", "12/8 lunch". The day may take several words, so the
 * longest run of leading words that reads as one wins.
 */
function readStart(choice: string, weekly: boolean, today: string, anchor: string): { date?: string; weekday?: Weekday; rest: string } | undefined {
  const words = choice.replace(/^(\S+?)T(\d{1,2}:\d{2})(?::\d{2})?/, '$1 $2').split(/\s+/).filter(Boolean);
  for (let j = Math.min(words.length, 4); j >= 1; j--) {
    const head = words.slice(0, j).join(' ');
    const rest = words.slice(j).join(' ');
    if (weekly) {
      const weekday = parseWeekdayWord(head);
      if (weekday !== undefined) return { weekday, rest };
      continue;
    }
    let date: string | undefined;
    try {
      // As answers read days: a month/day from the anchor, "tomorrow" from today.
      date = parseDateWord(head, today, anchor);
    } catch (err) {
      // A weekday that contradicts its date is named as such; any other bad date is a bad choice.
      if (err instanceof UserError && err.code === 'WEEKDAY_MISMATCH') throw err;
      return undefined;
    }
    if (date !== undefined) return { date, rest };
  }
  return undefined;
}

/** Starts a refusal offers: enough to show the form and a real choice, not the whole poll. */
const OFFERED_STARTS = 3;

/** BAD_PICK with starts this poll does take, best options first, written as the person would type them. */
function badPick(poll: Poll, layout: PollLayout, participants: Participant[], input: string, tz: string, now: number): UserError {
  const length = Math.max(1, poll.spec.durationSlots);
  const ranked = participants.length ? rankWindows(poll.spec, layout, participants, { limit: OFFERED_STARTS, now }).map((w) => w.firstSlot) : [];
  const firsts = [...new Set([...ranked, ...windowStarts(poll.spec.kind, layout.slots, length)])].slice(0, OFFERED_STARTS);
  const starts = firsts.map((i) => startWords(poll, layout, i, tz));
  // A result number is only offered when there are results to number.
  return new UserError('BAD_PICK', { input, code: poll.code, kind: poll.spec.kind, starts: starts.join('\n'), ranked: ranked.length });
}

/** Weekday words `parseWeekdayWord` reads, Monday first. */
const WEEKDAY_WORDS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** A slot as `pick` reads it: "2026-12-01 18:00", "tue 18:00", "2026-12-01 lunch", "2026-12-01". */
function startWords(poll: Poll, layout: PollLayout, index: number, viewerTz: string): string {
  const slot = layout.slots[index]!;
  const weekly = poll.spec.days.type === 'weekly';
  if (poll.spec.kind === 'time' && slot.start !== undefined) {
    const local = wallClock(slot.start, viewerTz);
    return `${weekly ? WEEKDAY_WORDS[local.weekday] : local.date} ${formatHm(local.minute)}`;
  }
  const day = weekly ? WEEKDAY_WORDS[weekdayOf(slot.date)] : slot.date;
  return poll.spec.kind === 'block' ? `${day} ${slot.block ?? ''}` : day;
}
