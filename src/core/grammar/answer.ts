/**
 * Text answers: "2026-12-01 09:00-11:00, 12/2 14:00-15:00 maybe:12/3 10:00-12:00",
 * "12/1 lunch", "12/1,12/3", "mon 19:00-21:00", "none". Times are in the viewer's zone.
 * A text answer replaces the person's whole answer.
 */
import { UserError } from '../errors.js';
import { emptyStates, STATE_CHAR } from '../domain/availability.js';
import type { PollLayout } from '../domain/slots.js';
import { addDays, todayIn, wallClock, zonedInstant } from '../domain/time.js';
import type { AnswerState, PollSpec, Slot, Weekday } from '../domain/types.js';
import { parseDateRange, parseWeekdayWord, parseWeekdays } from './dates.js';
import { parseTimeRange } from './values.js';

interface AnswerItem {
  state: Exclude<AnswerState, 'no'>;
  /** Poll day indexes this item names. */
  days: number[];
  /** Viewer-local calendar dates the item names (time polls match slots on these). */
  dates: string[];
  /** Weekly polls: the weekdays named (time polls read them in the viewer's own zone). */
  weekdays?: Weekday[];
  ranges: Array<{ start: number; end: number }>;
  blocks: string[];
  text: string;
}

const CLEAR_WORDS = /^(none|clear|no|없음|지우기|불가)$/i;
/** "none" and its synonyms: the person takes their answer back (it is removed, not saved as all "no"). */
export function isClearAnswer(input: string): boolean {
  return CLEAR_WORDS.test(input.trim());
}

const MODE_PREFIX = /^(yes|maybe|ifneeded|if-needed|가능|가능하면):(.*)$/i;

/**
 * Parts of an answer that named something the poll does not offer, beside parts it does: they
 * are dropped from the saved answer, and the reply says so. Spans are instants; dates and
 * weekdays are as the person named them.
 */
export type LeftOut =
  /** Time polls: a stretch outside the poll's hours on a day it offers. */
  | { kind: 'hours'; from: number; to: number }
  /** Time polls: a stretch within the hours that fills no whole slot (18:15 on a 30-minute grid). */
  | { kind: 'part-slot'; from: number; to: number }
  | { kind: 'dates'; dates: string[] }
  | { kind: 'weekdays'; weekdays: Weekday[] };

export interface ReadAnswer {
  /** One state character per slot. */
  states: string;
  leftOut: LeftOut[];
}

export function parseAnswerText(input: string, spec: PollSpec, layout: PollLayout, viewerTz: string, now: number): string {
  return readAnswerText(input, spec, layout, viewerTz, now).states;
}

/** The answer as states, and what it named that the poll does not offer (left out of the states). */
export function readAnswerText(
  input: string,
  spec: PollSpec,
  layout: PollLayout,
  viewerTz: string,
  now: number,
): ReadAnswer {
  const text = input.trim();
  if (!text) throw new UserError('BAD_ANSWER', { input: '' });
  if (CLEAR_WORDS.test(text)) return { states: emptyStates(layout.slots.length), leftOut: [] };

  const items: AnswerItem[] = [];
  let state: AnswerItem['state'] = 'yes';
  let current: AnswerItem | undefined;
  const today = todayIn(now, viewerTz);
  // "09:00 - 11:00" and "12/1 ~ 12/3" mean the same as without spaces.
  const words = text
    .replace(/([\d시분])\s*([-~–—])\s*(\d)/g, '$1$2$3')
    .split(/[\s,]+/)
    .filter(Boolean);
  let lastDay: AnswerItem | undefined;
  for (let w = 0; w < words.length; w++) {
    let word = words[w]!;
    const mode = MODE_PREFIX.exec(word);
    if (mode) {
      state = /^(yes|가능)$/i.test(mode[1]!) ? 'yes' : 'maybe';
      // "12/1 maybe:09:00-10:00": a time right after the switch still belongs to the last date.
      lastDay = current ?? lastDay;
      current = undefined;
      word = mode[2] ?? '';
      if (!word) continue;
    }
    // "12월 1일" arrives as two words.
    if (/^\d{1,2}월$/.test(word) && /^\d{1,2}일$/.test(words[w + 1] ?? '')) word = `${word} ${words[++w]}`;
    // "12/1 종일" / "12/1 all-day": a date alone already means the whole day.
    if (current && /^(종일|하루종일|전부|all|allday|all-day|whole-day)$/i.test(word)) continue;
    const day = dayWord(word, spec, layout, today);
    if (day) {
      current = { state, days: day.days, dates: day.dates, ranges: [], blocks: [], text: word };
      if (day.weekdays) current.weekdays = day.weekdays;
      items.push(current);
      continue;
    }
    const range = parseTimeRange(word);
    if (range && spec.kind === 'time') {
      if (!current && lastDay) {
        current = { ...lastDay, state, ranges: [], blocks: [] };
        items.push(current);
      }
      if (!current) {
        // A single-day poll needs no date.
        if (layout.days.length !== 1) throw new UserError('BAD_ANSWER', { input: word });
        const only = layout.days[0]!;
        current = { state, days: [0], dates: [viewerDate(layout, only.index, viewerTz)], ranges: [], blocks: [], text: word };
        items.push(current);
      }
      current.ranges.push(range);
      // Errors then name the date and the time, not just the date.
      current.text = `${current.text} ${word}`;
      continue;
    }
    const block = spec.kind === 'block' ? spec.blocks?.find((b) => b.name.toLowerCase() === word.toLowerCase()) : undefined;
    if (block) {
      if (!current) {
        if (layout.days.length !== 1) throw new UserError('BAD_ANSWER', { input: word });
        current = { state, days: [0], dates: [], ranges: [], blocks: [], text: word };
        items.push(current);
      }
      current.blocks.push(block.name);
      continue;
    }
    if (spec.kind === 'block' && current) {
      // Most likely a block name with a typo: say which blocks there are.
      throw new UserError('ANSWER_OUTSIDE_POLL', { input: word, of: 'blocks', range: (spec.blocks ?? []).map((b) => b.name).join(', ') });
    }
    throw new UserError('BAD_ANSWER', { input: word });
  }

  if (items.length === 0) throw new UserError('BAD_ANSWER', { input: text.slice(0, 80) });
  const states = [...emptyStates(layout.slots.length)];
  const leftOut: LeftOut[] = [];
  for (const item of items) {
    const slots = itemSlots(item, spec, layout, viewerTz);
    if (slots.length === 0) throw new UserError('ANSWER_OUTSIDE_POLL', { input: item.text, of: spec.kind === 'time' ? 'times' : 'dates', range: pollRange(layout) });
    for (const slot of slots) states[slot.index] = STATE_CHAR[item.state];
    leftOut.push(...itemLeftOut(item, spec, layout, viewerTz));
  }
  return { states: states.join(''), leftOut: mergeLeftOut(leftOut) };
}

function pollRange(layout: PollLayout): string {
  const first = layout.days[0]?.date ?? '';
  const last = layout.days[layout.days.length - 1]?.date ?? '';
  return first === last ? first : `${first} … ${last}`;
}

/** The viewer-local date of a poll day: the date its first slot starts on, in the viewer's zone. */
function viewerDate(layout: PollLayout, day: number, tz: string): string {
  const d = layout.days[day]!;
  const first = layout.slots[d.first];
  return first?.start !== undefined ? wallClock(first.start, tz).date : d.date;
}

function dayWord(
  word: string,
  spec: PollSpec,
  layout: PollLayout,
  today: string,
): { days: number[]; dates: string[]; weekdays?: Weekday[] } | undefined {
  if (spec.days.type === 'weekly') {
    const weekdays = parseWeekdays(word) ?? single(parseWeekdayWord(word));
    if (!weekdays) return undefined;
    // Time slots are matched by the viewer's own weekday later; floating ones by the poll's.
    if (spec.kind === 'time') return { days: [], dates: [], weekdays };
    const days = layout.days.filter((d) => weekdays.includes(d.weekday)).map((d) => d.index);
    if (days.length === 0) throw new UserError('ANSWER_OUTSIDE_POLL', { input: word, of: 'dates', range: pollRange(layout) });
    return { days, dates: days.map((d) => layout.days[d]!.date), weekdays };
  }
  let dates: string[] | undefined;
  try {
    // Month/day answers mean the poll's dates, so read them relative to the poll's first date.
    const anchor = layout.days[0]?.date && layout.days[0].date < today ? layout.days[0].date : today;
    dates = parseDateRange(word, anchor);
  } catch {
    throw new UserError('BAD_ANSWER', { input: word });
  }
  if (!dates) return undefined;
  const days = layout.days.filter((d) => dates!.includes(d.date)).map((d) => d.index);
  if (spec.kind !== 'time' && days.length === 0) {
    throw new UserError('ANSWER_OUTSIDE_POLL', { input: word, of: 'dates', range: pollRange(layout) });
  }
  return { days, dates };
}

function single(w: Weekday | undefined): Weekday[] | undefined {
  return w === undefined ? undefined : [w];
}

function itemSlots(item: AnswerItem, spec: PollSpec, layout: PollLayout, tz: string): Slot[] {
  if (spec.kind === 'date') {
    if (item.ranges.length || item.blocks.length) return [];
    return layout.slots.filter((s) => item.days.includes(s.day));
  }
  if (spec.kind === 'block') {
    return layout.slots.filter(
      (s) => item.days.includes(s.day) && (item.blocks.length === 0 || item.blocks.includes(s.block ?? '')),
    );
  }
  // Time polls: match instants in the viewer's zone, so a viewer in another zone types their own clock.
  const localDates = item.weekdays
    ? [...new Set(layout.slots.filter((s) => s.start !== undefined).map((s) => wallClock(s.start!, tz)))]
        .filter((w) => item.weekdays!.includes(w.weekday))
        .map((w) => w.date)
        .filter((d, i, all) => all.indexOf(d) === i)
    : item.dates;
  if (item.ranges.length === 0) {
    // A bare date is that poll day's whole session, like the grid's All day (it may run past midnight).
    if (item.days.length && !item.weekdays) return layout.slots.filter((s) => item.days.includes(s.day));
    return layout.slots.filter((s) => s.start !== undefined && localDates.includes(wallClock(s.start, tz).date));
  }
  const out: Slot[] = [];
  for (const date of localDates) {
    for (const range of item.ranges) {
      const span = rangeInstants(date, range, tz);
      if (!span) continue;
      const { from, to } = span;
      for (const s of layout.slots) {
        if (s.start !== undefined && s.end !== undefined && s.start >= from && s.end <= to) out.push(s);
      }
    }
  }
  return out;
}

/**
 * The instants a typed range spans on a viewer-local date: an end at or before the start is the
 * next day's, and a wall time the clocks skip that day reads an hour later.
 */
function rangeInstants(date: string, range: { start: number; end: number }, tz: string): { from: number; to: number } | undefined {
  const from = zonedInstant(date, range.start, tz) ?? zonedInstant(date, range.start + 60, tz);
  const endDate = range.end > range.start && range.end < 1440 ? date : addDays(date, 1);
  const to = zonedInstant(endDate, range.end % 1440, tz) ?? zonedInstant(endDate, (range.end % 1440) + 60, tz);
  return from === undefined || to === undefined ? undefined : { from, to };
}

/**
 * What an item named beyond the poll: dates or weekdays it does not have, and, in time polls,
 * the stretches of each typed range that no whole slot covers. Mirrors `itemSlots`.
 */
function itemLeftOut(item: AnswerItem, spec: PollSpec, layout: PollLayout, tz: string): LeftOut[] {
  if (item.weekdays) {
    const offered = new Set(
      spec.kind === 'time'
        ? layout.slots.filter((s) => s.start !== undefined).map((s) => wallClock(s.start!, tz).weekday)
        : layout.days.map((d) => d.weekday),
    );
    const missing = item.weekdays.filter((w) => !offered.has(w));
    const out: LeftOut[] = missing.length ? [{ kind: 'weekdays', weekdays: missing }] : [];
    if (spec.kind !== 'time') return out;
    const dates = [...new Set(layout.slots.filter((s) => s.start !== undefined).map((s) => wallClock(s.start!, tz)))]
      .filter((w) => item.weekdays!.includes(w.weekday))
      .map((w) => w.date);
    return [...out, ...hoursLeftOut([...new Set(dates)], item.ranges, layout, tz)];
  }
  if (spec.kind !== 'time') {
    const offered = new Set(layout.days.map((d) => d.date));
    const missing = item.dates.filter((d) => !offered.has(d));
    return missing.length ? [{ kind: 'dates', dates: missing }] : [];
  }
  // A bare date in a time poll is its poll day's whole session; only dates the poll lacks are left out.
  const sessions = new Set(layout.slots.filter((s) => s.start !== undefined).map((s) => wallClock(s.start!, tz).date));
  const offeredDays = new Set(layout.days.map((d) => d.date));
  const bare = item.ranges.length === 0;
  const missing = item.dates.filter((d) => !(bare && offeredDays.has(d)) && !sessions.has(d));
  const out: LeftOut[] = missing.length ? [{ kind: 'dates', dates: missing }] : [];
  if (bare) return out;
  return [...out, ...hoursLeftOut(item.dates.filter((d) => sessions.has(d)), item.ranges, layout, tz)];
}

/** The parts of each typed range, on each date, that no slot lies wholly inside. */
function hoursLeftOut(dates: readonly string[], ranges: AnswerItem['ranges'], layout: PollLayout, tz: string): LeftOut[] {
  const out: LeftOut[] = [];
  for (const date of dates) {
    for (const range of ranges) {
      const span = rangeInstants(date, range, tz);
      if (!span) continue;
      const { from, to } = span;
      const timed = layout.slots.filter((s): s is Slot & { start: number; end: number } => s.start !== undefined && s.end !== undefined);
      const inside = timed.filter((s) => s.start >= from && s.end <= to).sort((a, b) => a.start - b.start);
      let cursor = from;
      const gaps: Array<[number, number]> = [];
      for (const s of inside) {
        if (s.start > cursor) gaps.push([cursor, s.start]);
        cursor = Math.max(cursor, s.end);
      }
      if (cursor < to) gaps.push([cursor, to]);
      for (const [a, b] of gaps) {
        // A gap that cuts into a slot is within the hours but short of a whole slot.
        const partial = timed.some((s) => s.start < b && s.end > a);
        out.push({ kind: partial ? 'part-slot' : 'hours', from: a, to: b });
      }
    }
  }
  return out;
}

/** One entry per kind: dates and weekdays merged, stretches sorted and joined where they touch. */
function mergeLeftOut(list: readonly LeftOut[]): LeftOut[] {
  const out: LeftOut[] = [];
  const dates = [...new Set(list.flatMap((l) => (l.kind === 'dates' ? l.dates : [])))].sort();
  if (dates.length) out.push({ kind: 'dates', dates });
  const weekdays = [...new Set(list.flatMap((l) => (l.kind === 'weekdays' ? l.weekdays : [])))].sort((a, b) => a - b);
  if (weekdays.length) out.push({ kind: 'weekdays', weekdays });
  for (const kind of ['hours', 'part-slot'] as const) {
    const spans = list.flatMap((l) => (l.kind === kind ? [{ from: l.from, to: l.to }] : [])).sort((a, b) => a.from - b.from);
    const joined: Array<{ from: number; to: number }> = [];
    for (const span of spans) {
      const last = joined[joined.length - 1];
      if (last && span.from <= last.to) last.to = Math.max(last.to, span.to);
      else joined.push({ ...span });
    }
    for (const span of joined) out.push({ kind, ...span });
  }
  return out;
}
