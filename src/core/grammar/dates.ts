/**
 * Date words people type: 2026-12-01, 12/1, 12월 1일, today/내일, any of them with its weekday
 * (12/8(화), 12/8 (Tue)), ranges with .., ~ or -, lists with commas, and weekdays (mon-fri,
 * 월-금, 월수금) for weekly polls.
 */
import { UserError } from '../errors.js';
import { addDays, daysBetween, daysInMonth, isoDate, parseIsoDate, weekdayOf } from '../domain/time.js';
import { MAX_DATES } from '../domain/slots.js';
import type { Weekday } from '../domain/types.js';

// "Mondays" and "매주 월요일" speak of every such day, which is what a weekday word means anyway.
const WEEKDAY_WORDS: Array<[RegExp, Weekday]> = [
  [/^(mon|mondays?|월|월요일)$/i, 0],
  [/^(tue|tues|tuesdays?|화|화요일)$/i, 1],
  [/^(wed|wednesdays?|수|수요일)$/i, 2],
  [/^(thu|thur|thurs|thursdays?|목|목요일)$/i, 3],
  [/^(fri|fridays?|금|금요일)$/i, 4],
  [/^(sat|saturdays?|토|토요일)$/i, 5],
  [/^(sun|sundays?|일|일요일)$/i, 6],
];

export function parseWeekdayWord(word: string): Weekday | undefined {
  const w = word.trim();
  return WEEKDAY_WORDS.find(([re]) => re.test(w))?.[1];
}

/** Every day of the week, and so every day a poll has: "every day", "daily", "any day", "매일", "아무 날이나". */
const EVERY_DAY = /^(everyday|every ?days?|daily|all days|any ?days?|매일|날마다|아무 ?날(이나)?)$/;

/**
 * "mon-fri", "월-금", "mon,wed,fri", "Mon/Wed/Fri", "월수금", "weekdays", "주말", "매주 화요일".
 * Undefined when it is not weekdays.
 */
export function parseWeekdays(input: string): Weekday[] | undefined {
  const typed = input.trim().toLowerCase().replace(/\s+/g, ' ');
  // Before "every" is taken off: "every day" would otherwise be left as "day".
  if (EVERY_DAY.test(typed)) return [0, 1, 2, 3, 4, 5, 6];
  const s = typed.replace(/^(매주|every)\s*/, '');
  if (/^(weekdays?|평일)$/.test(s)) return [0, 1, 2, 3, 4];
  if (/^(weekends?|주말)$/.test(s)) return [5, 6];
  // "월수금" — a run of one-letter Korean weekdays.
  if (/^[월화수목금토일]{2,7}$/.test(s)) {
    return unique([...s].map((c) => parseWeekdayWord(c)!));
  }
  const out: Weekday[] = [];
  for (const part of s.split(/[,/]/)) {
    const p = part.trim();
    if (!p) return undefined;
    const range = /^(.+?)\s*[-~]\s*(.+)$/.exec(p);
    if (range) {
      const a = parseWeekdayWord(range[1]!);
      const b = parseWeekdayWord(range[2]!);
      if (a === undefined || b === undefined) return undefined;
      for (let d = a; ; d = ((d + 1) % 7) as Weekday) {
        out.push(d);
        if (d === b) break;
      }
    } else {
      const d = parseWeekdayWord(p);
      if (d === undefined) return undefined;
      out.push(d);
    }
  }
  return unique(out);
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

/** "12/8(화)", "12/8 (Tue)", "2026-12-08（화요일）": a date with its weekday after it. */
const WEEKDAY_NOTE = /^(.*?)\s*[(（]\s*([^()（）]+?)\s*[)）]$/;
/** "Tue 12/8", "Tue, 12/8": the weekday first, as the English answer echo writes it. */
const WEEKDAY_FIRST = /^([a-z가-힣]+)\s*,?\s+(\d[\d/.\-월일년\s]*)$/i;

/** A date and the weekday written beside it, before or after, or undefined when none is. */
function withWeekday(input: string): { date: string; weekday: string } | undefined {
  const s = input.trim();
  const after = WEEKDAY_NOTE.exec(s);
  if (after) return { date: after[1]!, weekday: after[2]! };
  const before = WEEKDAY_FIRST.exec(s);
  return before ? { date: before[2]!, weekday: before[1]! } : undefined;
}

/**
 * One date. Month/day without a year means the next such date on or after `from` (today unless
 * given: an answer counts from its poll's first date); today, tomorrow and 모레 count from `today`.
 * Returns undefined if the text does not look like a date at all; throws BAD_DATE if it
 * looks like one but is impossible (2026-02-30), and WEEKDAY_MISMATCH when a weekday written
 * after it is not that date's.
 */
export function parseDateWord(input: string, today: string, from = today): string | undefined {
  const note = withWeekday(input);
  if (!note) return parseBareDate(input, today, from);
  const typed = parseWeekdayWord(note.weekday);
  const date = typed === undefined ? undefined : parseBareDate(note.date, today, from);
  if (date === undefined || typed === undefined) return undefined;
  const actual = weekdayOf(date);
  // Either half may be the typo, so the error names both and lets the person choose.
  if (actual !== typed) throw new UserError('WEEKDAY_MISMATCH', { input: input.trim(), date, actual, typed });
  return date;
}

/** Days after today a word names: today, tomorrow ("tmrw", "낼": short forms people type, which mean nothing else), 모레. */
function daysFromToday(input: string): number | undefined {
  const s = input.trim().toLowerCase();
  if (/^(today|오늘)$/.test(s)) return 0;
  if (/^(tomorrow|tmrw|tmr|내일|낼)$/.test(s)) return 1;
  if (/^(모레)$/.test(s)) return 2;
  return undefined;
}

function parseBareDate(input: string, today: string, from: string): string | undefined {
  const s = input.trim().toLowerCase();
  const ahead = daysFromToday(s);
  if (ahead !== undefined) return addDays(today, ahead);
  let m = /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})$/.exec(s);
  if (m) return checked(Number(m[1]), Number(m[2]), Number(m[3]), input);
  m = /^(\d{4})년\s*(\d{1,2})월\s*(\d{1,2})일?$/.exec(s);
  if (m) return checked(Number(m[1]), Number(m[2]), Number(m[3]), input);
  m = /^(\d{1,2})[/.](\d{1,2})$/.exec(s) ?? /^(\d{1,2})월\s*(\d{1,2})일?$/.exec(s);
  if (m) return nextMonthDay(Number(m[1]), Number(m[2]), from, input);
  return undefined;
}

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

function checked(y: number, mo: number, d: number, input: string): string {
  if (y < MIN_YEAR || y > MAX_YEAR || mo < 1 || mo > 12 || d < 1) throw new UserError('BAD_DATE', { input });
  if (d > daysInMonth(y, mo)) throw noSuchDate(input.trim(), mo, d, y);
  return isoDate(y, mo, d);
}

/** "2/30": a day past its month's end, named with the month's length (February's in a common and a leap year, when no year was given). */
function noSuchDate(input: string, month: number, day: number, year?: number): UserError {
  const max = daysInMonth(year ?? 2001, month);
  return new UserError('NO_SUCH_DATE', { input, month, mday: day, max, ...(year === undefined ? {} : { year }) });
}

function nextMonthDay(mo: number, d: number, today: string, input: string): string {
  const t = parseIsoDate(today)!;
  if (mo < 1 || mo > 12 || d < 1) throw new UserError('BAD_DATE', { input });
  if (d > daysInMonth(2004, mo)) throw noSuchDate(input.trim(), mo, d);
  // Feb 29 waits for the next leap year rather than failing in a common year.
  for (let y = t.y; y <= t.y + 8; y++) {
    if (d > daysInMonth(y, mo)) continue;
    const date = isoDate(y, mo, d);
    if (date >= today) return date;
  }
  throw new UserError('BAD_DATE', { input });
}

const RANGE_SEPARATORS = [
  /^(.+?)\s*\.\.\s*(.+)$/,
  /^(.+?)\s*[~〜～–—]\s*(.+)$/,
  // An ISO start holds dashes of its own (and may carry its weekday): split after it.
  /^(\d{4}-\d{1,2}-\d{1,2}(?:\s*[(（][^)）]*[)）])?)\s*-\s*(.+)$/,
  /^(.+?)\s*-\s*(.+)$/,
];

/**
 * A date, a range, or a comma list of either, as sorted unique ISO dates. A list's month/day parts
 * are one stretch of days, as a range's ends are: each is the next such date unless reading the
 * latest of them a year earlier makes the list shorter ("11/25,11/27" said on 11/26 is this year's
 * two days, the first gone by, which the caller names, never 11/27 this year and 11/25 next year;
 * "12/25,1/3" stays across the new year).
 */
export function parseDateList(input: string, today: string): string[] | undefined {
  const parts = input.split(',').map((p) => p.trim()).filter(Boolean);
  if (parts.length === 0) return undefined;
  const fixed: string[] = [];
  const movable: string[][] = [];
  for (const part of parts) {
    const dates = parseDateRange(part, today);
    if (!dates) return undefined;
    // Dates written with a year, and today or tomorrow, are where they are.
    if (/\d{4}/.test(part) || !/^\d/.test(part)) fixed.push(...dates);
    else movable.push(dates);
  }
  movable.sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
  let best: string[] = [...fixed, ...movable.flat()];
  for (let k = 1; k <= movable.length; k++) {
    const earlier = movable.slice(movable.length - k).map((dates) => dates.map(occurrenceBefore));
    const candidate = [...fixed, ...movable.slice(0, movable.length - k).flat(), ...earlier.flat()];
    if (spanOf(candidate) < spanOf(best)) best = candidate;
  }
  return [...new Set(best)].sort();
}

/** The same month and day the time before: a year earlier (a Feb 29, in the leap year before). */
function occurrenceBefore(date: string): string {
  const { y, m, d } = parseIsoDate(date)!;
  let year = y - 1;
  while (d > daysInMonth(year, m)) year--;
  return isoDate(year, m, d);
}

function spanOf(dates: readonly string[]): number {
  const sorted = [...dates].sort();
  return daysBetween(sorted[0]!, sorted[sorted.length - 1]!);
}

/** Upper bound on a range so a typo like 2026..2036 fails fast instead of building 3,650 dates. */
const MAX_RANGE_DAYS = 400;

export function parseDateRange(input: string, today: string, from = today): string[] | undefined {
  const single = parseDateWord(input, today, from);
  if (single) return [single];
  for (const re of RANGE_SEPARATORS) {
    const m = re.exec(input.trim());
    if (!m) continue;
    const startText = m[1]!;
    let endText = m[2]!;
    let start = parseDateWord(startText, today, from);
    if (!start) continue;
    // "12월 1일-5일" / "12/1-5": the end borrows the start's month.
    const startMd = /^(?:\d{4}[-./])?(\d{1,2})[/.월-]/.exec(startText.trim());
    if (/^\d{1,2}일?$/.test(endText.trim()) && startMd) endText = `${Number(startMd[1])}/${parseInt(endText, 10)}`;
    const endHasYear = /^\d{4}/.test(endText.trim());
    const startHasYear = /^\d{4}/.test(startText.trim());
    if (!startHasYear && !endHasYear && start > from) {
      // "12/1-12/14" said on 12/2: the end is still ahead this year, so the range is this year's
      // (its start has passed, which the caller says), not next year's. An end said as a day word
      // ("11/20..내일") reaches back only as far as a poll's dates can: "12/5..내일" is backwards,
      // not a year from last December.
      const ahead = parseDateWord(endText, today, from);
      const earlier = ahead && parseDateWord(startText, today, addDays(ahead, -365));
      const reach = daysFromToday(endText) === undefined ? 365 : MAX_DATES;
      if (ahead && earlier && earlier < from && earlier <= ahead && daysBetween(earlier, ahead) < reach) start = earlier;
    }
    // A month/day end counts on from the start; a relative word (모레, tomorrow) still from today.
    let end = parseDateWord(endText, today, start);
    if (!end) continue;
    if (end < start && endHasYear) throw new UserError('BAD_DATE_RANGE', { input });
    if (!endHasYear) {
      // A month/day end is the next such date on or after the start; same month backwards is an error.
      const s = parseIsoDate(start)!;
      const e = parseIsoDate(end)!;
      if (e.m === s.m && e.d < s.d && e.y !== s.y) throw new UserError('BAD_DATE_RANGE', { input });
      if (startHasYear && e.y !== s.y && e.m >= s.m) throw new UserError('BAD_DATE_RANGE', { input });
    }
    const span = daysBetween(start, end);
    if (span < 0) throw new UserError('BAD_DATE_RANGE', { input });
    if (span > MAX_RANGE_DAYS) throw new UserError('TOO_MANY_DATES', { count: span + 1, max: MAX_DATES });
    const out: string[] = [];
    for (let d = start; d <= end; d = addDays(d, 1)) out.push(d);
    return out;
  }
  return undefined;
}
