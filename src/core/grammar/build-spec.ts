/** Validates raw create options into a PollSpec, or throws the UserError that names the problem. */
import { halfWidth } from './half-width.js';
import { numericMonths } from './month-names.js';
import { readableDays } from './range-words.js';
import { UserError, type ErrorParams } from '../errors.js';
import { MAX_DATES, MAX_SLOTS, SLOT_MINUTES, layoutPoll } from '../domain/slots.js';
import { longestRun } from '../domain/adjacency.js';
import { addDays, canonicalTimezone, daysBetween, daysInMonth, todayIn, weekdayOf, zonedInstant } from '../domain/time.js';
import type { DaySpec, PollKind, PollSpec, UserRef } from '../domain/types.js';
import { checkCreateBounds, normalTitle } from './bounds.js';
import { CREATE_OPTION_KEYS, createOptionsSchema, type CreateOptions } from './create-options.js';
import { parseDateList, parseDateWord, parseWeekdays } from './dates.js';
import { dayThenRest } from './compact-korean.js';
import { isPlainDays, listWordsAsCommas, parsePlainDayList, parsePlainDays } from './plain-days.js';
import { parseCreateWindow, parsePartOfDay, parseTypedClock, sameTimeTwice } from './times.js';
import { closeWord } from './close-words.js';
import { unknownTimeWord, unknownWordParams } from './unknown-word.js';
import { parseBlocks, parseDurationMinutes, parseUsers, parseYesNo, toHm as hm } from './values.js';

export const MAX_PARTICIPANTS = 1000;

export interface SpecContext {
  now: number;
  /**
   * The zone of the person creating the poll: the poll's zone unless `tz:` names another, and the
   * zone their days count from ("dates:tomorrow" is tomorrow where they are, whatever the poll's zone).
   */
  speakerTimezone: string;
}

const present = (s: string | undefined): s is string => s !== undefined && s.trim() !== '';

/**
 * Every option's value read in half width (dates:１２/８), and dates with month names as numbers
 * (dates:"Dec 4-6") and ranges in words as dashes (dates:"mon to fri"); the title and description
 * stay as typed.
 */
function readableValues<T extends Record<string, unknown>>(options: T): { read: T; quoteDates: (err: unknown) => unknown } {
  const read = { ...options };
  let quoteDates = (err: unknown) => err;
  for (const key of Object.keys(read) as Array<keyof T>) {
    const value = read[key];
    if (key === 'title' || key === 'desc' || typeof value !== 'string') continue;
    const half = halfWidth(value);
    if (key !== 'dates') {
      read[key] = half as T[keyof T];
      continue;
    }
    const days = readableDays(half);
    read[key] = days.text as T[keyof T];
    quoteDates = days.quote;
  }
  return { read, quoteDates };
}

export function buildPollSpec(raw: CreateOptions, ctx: SpecContext): PollSpec {
  // Sizes first, each with its own error, before anything is read.
  checkCreateBounds(raw);
  const parsed = createOptionsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    if (issue?.code === 'unrecognized_keys') throw new UserError('UNKNOWN_OPTION', { option: `${issue.keys[0]}:`, options: CREATE_OPTION_KEYS.join(', ') });
    // Every platform hands over strings; anything else is a fault of ours, not of the person typing.
    throw new Error(`create options of the wrong type: ${issue?.path.join('.') ?? ''}`);
  }
  const { read, quoteDates } = readableValues(parsed.data);
  try {
    return specOf(withTimeFromDates(read), ctx);
  } catch (err) {
    // A refusal of dates:"Dec 4-2" quotes what was typed, not the 12/4-12/2 it was read as; a
    // refusal of another option quotes that option, which was never rewritten.
    const input = err instanceof UserError ? err.params.input : undefined;
    throw typeof input === 'string' && read.dates?.includes(input) ? quoteDates(err) : err;
  }
}

/** The poll's spec from options already read (readableValues). */
function specOf(o: CreateOptions, ctx: SpecContext): PollSpec {

  const title = normalTitle(o.title ?? '');
  if (!title) throw new UserError('MISSING_TITLE');
  const description = o.desc?.trim() || undefined;

  const timezone = present(o.tz) ? canonicalTimezone(o.tz) : canonicalTimezone(ctx.speakerTimezone);
  if (!timezone) throw new UserError('BAD_TIMEZONE', { input: o.tz ?? ctx.speakerTimezone });

  const kind = resolveKind(o);
  // The days are the speaker's: "tomorrow" and "12/3" count from their today, and so does "past".
  const speakerToday = todayIn(ctx.now, canonicalTimezone(ctx.speakerTimezone) ?? timezone);

  if (!present(o.dates)) throw new UserError('MISSING_DATES');
  const days = parseDays(o.dates, speakerToday);
  if (days.type === 'dates' && days.dates[days.dates.length - 1]! < speakerToday) throw new UserError('DATES_IN_PAST', { input: o.dates });
  if (days.type === 'dates' && !/\d{4}/.test(o.dates)) refuseJustGoneBy(o.dates, days.dates, speakerToday);
  // "12/1-12/14" said on 12/2 is this year's, and its past days are named rather than kept or
  // moved to next year; dates written with their year are taken as written.
  if (days.type === 'dates' && days.dates[0]! < speakerToday && !/\d{4}/.test(o.dates)) throw startsInPast(o.dates, days.dates, speakerToday);
  const dateCount = days.type === 'dates' ? days.dates.length : days.weekdays.length;
  if (dateCount > MAX_DATES) throw new UserError('TOO_MANY_DATES', { count: dateCount, max: MAX_DATES });

  const spec: PollSpec = {
    kind,
    title,
    timezone,
    days,
    durationSlots: 1,
    expected: [],
    required: [],
    remindMinutes: [],
    hidden: false,
  };
  if (description) spec.description = description;

  if (kind === 'time') {
    if (!present(o.time)) throw new UserError('MISSING_TIME_RANGE');
    const range = parseCreateWindow(o.time);
    if (!range) {
      const twice = sameTimeTwice(o.time);
      if (twice !== undefined) throw new UserError('SAME_TIME_WINDOW', { input: o.time, at: hm(twice) });
      throw new UserError('BAD_TIME_RANGE', { input: o.time, ...wordsForHours(o.time) });
    }
    spec.window = { start: hm(range.start), end: hm(range.end) };
    const slot = present(o.slot) ? parseDurationMinutes(o.slot) : 30;
    if (slot === undefined || !(SLOT_MINUTES as readonly number[]).includes(slot)) {
      throw new UserError('BAD_SLOT', { input: o.slot ?? '' });
    }
    spec.slotMinutes = slot;
  } else {
    if (present(o.slot)) throw new UserError('OPTION_NOT_FOR_KIND', { option: 'slot', kind });
    if (present(o.time)) throw new UserError('OPTION_NOT_FOR_KIND', { option: 'time', kind });
  }
  if (kind === 'block') {
    const blocks = parseBlocks(o.blocks ?? '');
    if (!blocks) throw new UserError('BAD_BLOCKS', { input: o.blocks ?? '' });
    if (blocks.length > 24) throw new UserError('BAD_BLOCKS', { input: o.blocks ?? '' });
    spec.blocks = blocks;
  } else if (present(o.blocks)) {
    throw new UserError('OPTION_NOT_FOR_KIND', { option: 'blocks', kind });
  }

  if (present(o.max)) {
    const max = /^\d+$/.test(o.max.trim()) ? Number(o.max.trim()) : NaN;
    if (!(max >= 1 && max <= MAX_PARTICIPANTS)) throw new UserError('BAD_MAX', { input: o.max });
    spec.maxParticipants = max;
  }
  const expected = present(o.with) ? users(o.with) : [];
  const required = present(o.must) ? users(o.must) : [];
  spec.required = required;
  spec.expected = [...expected, ...required.filter((r) => !expected.some((e) => e.id === r.id))];

  if (present(o.hidden)) {
    const hidden = parseYesNo(o.hidden);
    if (hidden === undefined) throw new UserError('BAD_HIDDEN', { input: o.hidden });
    spec.hidden = hidden;
  }

  // Its day words are the speaker's, as the dates' are; its clock time is the poll's.
  if (present(o.deadline)) spec.deadline = parseDeadline(o.deadline, timezone, ctx.now, speakerToday, days.type === 'dates' ? days.dates[days.dates.length - 1] : undefined);
  if (present(o.remind)) {
    if (spec.deadline === undefined) throw new UserError('REMIND_WITHOUT_DEADLINE');
    const offsets = o.remind.split(/[,\s]+/).filter(Boolean).map((r) => parseDurationMinutes(r));
    if (offsets.length === 0 || offsets.some((m) => m === undefined || m > 30 * 1440)) {
      throw new UserError('BAD_REMIND', { input: o.remind });
    }
    spec.remindMinutes = [...new Set(offsets as number[])].sort((a, b) => b - a);
    // A reminder due now or earlier would go out with the poll ("0 people have answered"), or never.
    const left = Math.floor((spec.deadline - ctx.now) / 60_000);
    const early = spec.remindMinutes[0]!;
    if (early >= left) {
      // The example fits the deadline; with two minutes or less to go, no reminder can.
      const example = left > 60 ? '1h' : left >= 2 ? `${Math.floor(left / 2)}m` : undefined;
      throw new UserError('REMIND_TOO_EARLY', { input: o.remind, before: early, left, ...(example ? { example } : {}) });
    }
  }

  const layout = layoutPoll(spec);
  if (layout.slots.length > MAX_SLOTS) throw new UserError('TOO_MANY_SLOTS', { count: layout.slots.length, max: MAX_SLOTS });
  if (layout.slots.length === 0) throw new UserError('NO_SLOTS');
  // Today's hours may all be gone by: a poll of nothing but past times could never be met.
  if (days.type === 'dates' && layout.slots.every((s) => s.end !== undefined && s.end <= ctx.now)) {
    const time = present(o.time) && !/\s/.test(o.time.trim()) ? ` time:${o.time.trim()}` : '';
    throw new UserError('TIMES_IN_PAST', { input: [o.dates, o.time].filter(present).join(' '), time });
  }

  if (present(o.duration)) {
    const longest = longestRun(kind, layout.slots);
    const unfit = (params: { input: string }) => ({ ...params, ...durationTerms(spec, longest) });
    spec.durationSlots = durationSlots(o.duration, spec, unfit);
    if (spec.durationSlots > longest) throw new UserError('DURATION_TOO_LONG', unfit({ input: o.duration }));
  }
  return spec;
}

/**
 * A `time:` written as a word ("evning", "dinner", "새벽") is told the part-of-day words that
 * work, with the one it was most likely meant to be.
 */
function wordsForHours(typed: string): ErrorParams {
  if (/\d/.test(typed)) return {};
  const suggestion = closeWord(typed);
  return { words: 1, ...(suggestion && parsePartOfDay(suggestion) ? { suggestion } : {}) };
}

/** Example lengths a duration error offers: at most this many, each one the poll takes. */
const DURATION_EXAMPLES = 2;

/**
 * What a duration error says about this poll: its kind, its slot, the longest meeting it holds,
 * and lengths it takes (a multiple of its slot that fits), written as typed. An error never
 * suggests a length it would refuse.
 */
function durationTerms(spec: PollSpec, longest: number): { kind: PollKind; slotMinutes: number; longest: number; examples: string } {
  const slot = spec.slotMinutes ?? 30;
  const typed = (n: number): string => {
    if (spec.kind === 'date') return `duration:${n}d`;
    if (spec.kind === 'block') return `duration:${n}`;
    const minutes = n * slot;
    return `duration:${minutes % 60 === 0 ? `${minutes / 60}h` : `${minutes}m`}`;
  };
  // Two slots first: the usual meeting is longer than one slot, and one slot is no example of a multiple.
  const counts = [2, 3, 1].filter((n) => n <= longest).slice(0, DURATION_EXAMPLES).sort((a, b) => a - b);
  return { kind: spec.kind, slotMinutes: slot, longest, examples: counts.map(typed).join('\n') };
}

/**
 * "dates:tomorrow morning": the days, and a time said with them that becomes the poll's hours
 * (a time poll), as `time:morning` would. Said beside a `time:` of its own, it is one time too many.
 */
function withTimeFromDates(o: CreateOptions): CreateOptions {
  const words = o.dates?.trim().split(/\s+/) ?? [];
  const split = (dates: string, time: string): CreateOptions => {
    if (present(o.time)) throw new UserError('DUPLICATE_OPTION', { option: 'time' });
    return { ...o, dates, time };
  };
  for (let k = 1; k < words.length; k++) {
    const time = words.slice(k).join(' ');
    if (parseCreateWindow(time)) return split(words.slice(0, k).join(' '), time);
  }
  // "dates:내일저녁", "dates:월수금오전": the days and the time written as one word, as answers read them.
  const last = words[words.length - 1] ?? '';
  const before = words.slice(0, -1).join(' ');
  const k = dayThenRest(last, (start) => readsAsDays(`${before} ${start}`.trim()) && parseCreateWindow(last.slice(start.length)) !== undefined);
  return k === undefined ? o : split(`${before} ${last.slice(0, k)}`.trim(), last.slice(k));
}

/** Whether text has the shape of `dates:` days, whatever today is (the year a month/day falls in does not matter here). */
function readsAsDays(text: string): boolean {
  return isPlainDays(text) || parseWeekdays(text) !== undefined || parseDateList(text, '2000-01-01') !== undefined;
}

/** A Map, so `kind:constructor` is a bad kind rather than a built-in property. */
const KIND_WORDS = new Map<string, PollKind>([
  ['time', 'time'],
  ['times', 'time'],
  ['시간', 'time'],
  ['block', 'block'],
  ['blocks', 'block'],
  ['구간', 'block'],
  ['date', 'date'],
  ['dates', 'date'],
  ['day', 'date'],
  ['days', 'date'],
  ['날짜', 'date'],
]);

function resolveKind(o: CreateOptions): PollKind {
  // "blocks:" with nothing after it asked for blocks and named none: say so, not a date poll.
  if (o.blocks !== undefined && !present(o.blocks)) throw new UserError('BAD_BLOCKS', { input: 'blocks:' });
  if (present(o.kind)) {
    const k = o.kind.trim().toLowerCase();
    const kind = KIND_WORDS.get(k);
    if (!kind) throw new UserError('BAD_KIND', { input: o.kind });
    return kind;
  }
  if (present(o.blocks)) return 'block';
  if (present(o.time) || present(o.slot)) return 'time';
  return 'date';
}

function parseDays(typed: string, today: string): DaySpec {
  const input = listWordsAsCommas(typed);
  const weekdays = parseWeekdays(input);
  if (weekdays) return { type: 'weekly', weekdays, referenceDates: referenceWeek(weekdays, today) };
  const plain = parsePlainDays(input, today);
  const dates = plain?.type === 'dates' ? plain.dates : (parseDateList(input, today) ?? parsePlainDayList(input, today));
  if (dates) return { type: 'dates', dates };
  const word = unknownTimeWord(typed) ?? (closeWord(typed) ? typed.trim() : undefined);
  throw word ? new UserError('UNKNOWN_TIME_WORD', { input: typed, ...unknownWordParams(word) }) : new UserError('BAD_DATE', { input: typed });
}

/** How far back a month/day without its year may have gone by and still be read as gone by, not as next year's. */
const GONE_BY_DAYS = 182;

/**
 * "12/1-12/2" said on 12/4 reads as next December, nearly a year away: days that went by within
 * the last half year are far likelier a slip (or yesterday's date) than a poll a year out, so they
 * are refused as past, with next year's dates written out for whoever meant them.
 */
function refuseJustGoneBy(input: string, dates: readonly string[], today: string): void {
  const first = dates[0]!;
  const last = dates[dates.length - 1]!;
  const yearBefore = (date: string) => {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    return `${y - 1}-${String(m).padStart(2, '0')}-${String(Math.min(d, daysInMonth(y - 1, m))).padStart(2, '0')}`;
  };
  if (daysBetween(today, first) <= GONE_BY_DAYS || yearBefore(last) >= today || yearBefore(first) < addDays(today, -GONE_BY_DAYS)) return;
  const runs = dates.every((d, i) => i === 0 || addDays(dates[i - 1]!, 1) === d);
  const nextYear = runs && dates.length > 1 ? `dates:${first}..${last}` : `dates:${dates.join(',')}`;
  throw new UserError('DATES_IN_PAST', { input, nextYear });
}

/**
 * Dates that start before today ("12/1-12/14" said on 12/2): the days gone by are named, with
 * the same dates from today on to type instead (a range when they run on, else a list).
 */
function startsInPast(input: string, dates: readonly string[], today: string): UserError {
  const md = (date: string) => date.split('-').slice(1).map(Number).join('/');
  const past = dates.filter((d) => d < today);
  const ahead = dates.filter((d) => d >= today);
  const runs = ahead.every((d, i) => i === 0 || addDays(ahead[i - 1]!, 1) === d);
  const rest = runs && ahead.length > 1 ? `${md(ahead[0]!)}-${md(ahead[ahead.length - 1]!)}` : ahead.map(md).join(',');
  const shown = past.length > 3 ? `${md(past[0]!)}–${md(past[past.length - 1]!)}` : past.map(md).join(', ');
  return new UserError('DATES_START_IN_PAST', { input, past: shown, count: past.length, dates: `dates:${rest}` });
}

/** Weekly polls get real dates in the week starting the next Monday (today if Monday), in weekday order. */
export function referenceWeek(weekdays: readonly number[], today: string): string[] {
  const monday = addDays(today, (7 - weekdayOf(today)) % 7);
  return [...weekdays].sort((a, b) => a - b).map((w) => addDays(monday, w));
}

function users(input: string): UserRef[] {
  const list = parseUsers(input);
  if (!list) throw new UserError('BAD_USERS', { input });
  return list;
}

/** A meeting length in slots; `terms` adds what the refusal says about this poll. */
function durationSlots(input: string, spec: PollSpec, terms: (params: { input: string }) => ErrorParams): number {
  const s = input.trim();
  const bad = (): never => {
    throw new UserError('BAD_DURATION', terms({ input }));
  };
  if (spec.kind === 'time') {
    const minutes = parseDurationMinutes(s);
    const slot = spec.slotMinutes ?? 30;
    if (minutes === undefined || minutes % slot !== 0) return bad();
    return minutes / slot;
  }
  if (/^\d+$/.test(s)) return Number(s) >= 1 ? Number(s) : bad();
  if (spec.kind === 'date') {
    const minutes = parseDurationMinutes(s);
    if (minutes === undefined || minutes % 1440 !== 0) return bad();
    return minutes / 1440;
  }
  const blocks = /^(\d+)\s*(blocks?|개|구간)$/i.exec(s);
  if (!blocks) return bad();
  return Number(blocks[1]);
}

/**
 * "2026-11-30T18:00", "2026-11-30 18:00+09:00", "11/30 18:00", "2026-11-30" (end of day),
 * or a delay from now: "90m", "24h", "3d". Wall times are in the poll's zone.
 */
/** How far ahead a deadline may be. */
export const MAX_DEADLINE_DAYS = 366;

/** A clock that says which half of the day it is ("6pm", "06:00", "오후 6시"), unlike a bare "6" or "6시". */
const HALF_OF_DAY_SAID = /:|am|pm|a\.m\.|p\.m\.|noon|midnight|오전|오후|아침|저녁|밤|새벽|낮|정오|자정/i;

/** The day a deadline names; a weekday alone ("friday") is its next one, so once its hour has passed today it is next week's. */
interface DeadlineDay {
  date: string;
  weekday?: true;
}

/** A month/day deadline means the nearest such date, so "yesterday" is caught as past; tomorrow and 모레 count from today. */
function deadlineDate(text: string, today: string): DeadlineDay | undefined {
  const date = parseDateWord(text, today, addDays(today, -182));
  if (date) return { date };
  // One day of a week ("next monday", "이번 주 금요일"), or a weekday alone: its next one, today included ("friday").
  const plain = parsePlainDays(text, today);
  if (plain?.type === 'dates' && plain.dates.length === 1) return { date: plain.dates[0]! };
  if (plain?.type === 'weekdays' && plain.weekdays.length === 1) return { date: addDays(today, (plain.weekdays[0]! - weekdayOf(today) + 7) % 7), weekday: true };
  return undefined;
}

/**
 * The deadline at `minute` of the day named: "fri 6pm" typed on a Friday evening is next Friday's,
 * unless that is after the poll's last day (then it stays in the past, and is refused as such).
 */
function deadlineOn(day: DeadlineDay, minute: number, at: { tz: string; now: number; lastDay: string | undefined }): number | undefined {
  const deadline = wallDeadline(day.date, minute, at.tz);
  const nextWeek = addDays(day.date, 7);
  const rolls = deadline !== undefined && deadline <= at.now && day.weekday && (at.lastDay === undefined || nextWeek <= at.lastDay);
  return rolls ? wallDeadline(nextWeek, minute, at.tz) : deadline;
}

/**
 * "tomorrow 6pm", "내일 오후 6시", "12/4 18:00": a day and then a time of day as people say it.
 * Undefined when the words do not split so (the caller reads the other forms).
 */
function spokenDeadline(s: string, today: string): { day: DeadlineDay; minute: number } | undefined {
  const words = s.split(/\s+/);
  for (let k = 1; k < words.length; k++) {
    const clock = words.slice(k).join(' ');
    const minute = parseTypedClock(clock);
    // "tomorrow 6" or "내일 6시" could be morning or evening: not guessed for a deadline.
    if (minute === undefined || minute >= 1440 || (minute < 13 * 60 && !HALF_OF_DAY_SAID.test(clock))) continue;
    try {
      const day = deadlineDate(words.slice(0, k).join(' '), today);
      if (day) return { day, minute };
    } catch {
      // An impossible date: the other forms say BAD_DEADLINE for it.
    }
  }
  return undefined;
}

/** A wall-clock deadline in the poll's zone; one in an hour the clocks skip falls an hour later. */
function wallDeadline(date: string, minute: number, tz: string): number | undefined {
  return zonedInstant(date, minute, tz) ?? zonedInstant(date, minute + 60, tz);
}

/** `lastDay`: the poll's last date, past which a weekday deadline typed after its hour is not moved to next week. */
export function parseDeadline(input: string, tz: string, now: number, today: string, lastDay?: string): number {
  const s = numericMonths(input).trim();
  const delay = parseDurationMinutes(s);
  let deadline: number | undefined;
  const spoken = delay === undefined ? spokenDeadline(s, today) : undefined;
  if (delay !== undefined) {
    deadline = now + delay * 60_000;
  } else if (spoken) {
    deadline = deadlineOn(spoken.day, spoken.minute, { tz, now, lastDay });
  } else {
    const m = /^(.+?)(?:[T\s]+(\d{1,2}:\d{2})(?::(\d{2}))?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(s);
    if (!m) throw new UserError('BAD_DEADLINE', { input });
    let day: DeadlineDay | undefined;
    try {
      day = deadlineDate(m[1]!, today);
    } catch {
      throw new UserError('BAD_DEADLINE', { input });
    }
    if (!day) throw new UserError('BAD_DEADLINE', { input });
    const minute = m[2] ? parseTypedClock(m[2]) : 23 * 60 + 59;
    if (minute === undefined || minute >= 1440) throw new UserError('BAD_DEADLINE', { input });
    if (m[4]) {
      const off = /^([+-])(\d{2}):?(\d{2})$/.exec(m[4]);
      if (off && (Number(off[2]) > 14 || Number(off[3]) > 59)) throw new UserError('BAD_DEADLINE', { input });
      const offsetMin = off ? (off[1] === '-' ? -1 : 1) * (Number(off[2]) * 60 + Number(off[3])) : 0;
      const [y, mo, d] = day.date.split('-').map(Number) as [number, number, number];
      if (d > daysInMonth(y, mo)) throw new UserError('BAD_DEADLINE', { input });
      deadline = Date.UTC(y, mo - 1, d) + (minute - offsetMin) * 60_000;
    } else {
      deadline = deadlineOn(day, minute, { tz, now, lastDay });
    }
  }
  if (deadline === undefined) throw new UserError('BAD_DEADLINE', { input });
  if (deadline <= now) throw new UserError('DEADLINE_IN_PAST', { input });
  // A deadline years away is a typo, and one past what dates can show would break every view of the poll.
  if (deadline > now + MAX_DEADLINE_DAYS * 86_400_000) throw new UserError('DEADLINE_TOO_FAR', { input, days: MAX_DEADLINE_DAYS });
  return deadline;
}
