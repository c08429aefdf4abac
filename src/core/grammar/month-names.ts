/**
 * English month names, as people write dates and as the bot's own replies write them ("Fri, Dec 4
 * 07:00–09:00"): "Dec 4", "December 4th", "4 Dec", "4-6 Dec", "Dec 4, 2026" and "Dec 4-6" are read
 * as the numeric dates the date grammar takes (12/4, 2026-12-04, 12/4-12/6). Only a month name next
 * to a day number is touched: "May 5pm", "march at 10" and "2-4 may work" keep their words.
 */
import { UserError } from '../errors.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** Most text names no month: it is returned before any pattern runs. */
const MONTH_PREFIX = new RegExp(MONTHS.join('|'), 'i');
const NAMES = String.raw`jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?`;
const MONTH = String.raw`(${NAMES})\b\.?`;
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
const DASH = String.raw`\s*([-~–]|\.\.)\s*`;
/** Not a day but a time: "May 5pm", "Dec 4:30", "Dec 4시". */
const NOT_TIME = String.raw`(?![:.]\d|\s*(?:am|pm|a\.m\.|p\.m\.|시|h\b))`;
/** "Dec 4, 2026": a year of this century, not a four-digit time ("Dec 4 1800-2000"). */
const YEAR = String.raw`(?:(?:,\s*|\s+)(20\d{2})\b(?!\s*[-~–:.]\s*\d))?`;
/** After a day ("4 may"), "may" is too often the verb ("2-4 may work"): only the month first ("May 4") reads as a date. */
const AFTER_DAY_NAMES = NAMES.replace('|may|', '|');
const MONTH_AFTER_DAY = String.raw`(${AFTER_DAY_NAMES})\b\.?`;
/**
 * "4 Dec", "4th of December 2026", "4-6 Dec": the day first. Not a number that belongs to something
 * else: a month named before it without a day of its own ("Dec 4 Dec 5", but "4 Dec 5 Dec"), a
 * clock ("19:00"), a date in numbers ("12/4 Dec 5"), or the end of a range of hours ("7-9 Dec 4", where the month has its own day after it).
 */
const DAY_FIRST = new RegExp(
  String.raw`(?<![:./\d]|(?<!\d(?:st|nd|rd|th)?\s+)\b(?:${NAMES})\.?\s+|\d\s*[-~–]\s*)\b${DAY}(?:${DASH}${DAY}(?=\s+(?:of\s+)?(?:${AFTER_DAY_NAMES})\b\.?(?!\s*\d)))?\s+(?:of\s+)?${MONTH_AFTER_DAY}${YEAR}`,
  'gi',
);
/** "Dec 4", "Dec 4-6", "Dec 4, 2026": the month first. */
const MONTH_FIRST = new RegExp(String.raw`\b${MONTH}\s+${DAY}(?:${DASH}${DAY}\b${NOT_TIME})?\b${NOT_TIME}${YEAR}`, 'gi');

function monthNumber(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

function numeric(month: number, day: string, year: string | undefined): string {
  return year ? `${year}-${String(month).padStart(2, '0')}-${day.padStart(2, '0')}` : `${month}/${day}`;
}

/** One date or a range in one month; between ISO dates ".." keeps the range unmistakable. */
function dates(month: number, day: string, dash: string | undefined, end: string | undefined, year: string | undefined): string {
  if (!dash || !end) return numeric(month, day, year);
  return `${numeric(month, day, year)}${dash === '..' || year ? '..' : '-'}${numeric(month, end, year)}`;
}

/** What a reading step wrote (`read`: a date numericMonths wrote, a range dayRangeWords wrote) for the words typed (`typed`). */
export interface WrittenAs {
  read: string;
  typed: string;
}

export function numericMonths(text: string): string {
  return readMonthNames(text).text;
}

/** numericMonths, and the dates it wrote, so a refusal can quote what was typed rather than what was read. */
export function readMonthNames(text: string): { text: string; written: WrittenAs[] } {
  const written: WrittenAs[] = [];
  if (!MONTH_PREFIX.test(text)) return { text, written };
  const note = (typed: string, read: string) => {
    written.push({ typed, read });
    return read;
  };
  const read = text
    .replace(DAY_FIRST, (whole: string, day: string, dash: string | undefined, end: string | undefined, name: string, year: string | undefined) =>
      note(whole, dates(monthNumber(name), day, dash, end, year)),
    )
    .replace(MONTH_FIRST, (whole: string, name: string, day: string, dash: string | undefined, end: string | undefined, year: string | undefined) =>
      note(whole, dates(monthNumber(name), day, dash, end, year)),
    );
  // A date also typed as numbers ("12/4 dec 4-6pm") cannot be told apart in a quote: left as read.
  return { text: read, written: written.filter((w) => !text.includes(w.read)) };
}

/**
 * A piece of numericMonths' output as it was typed: each date it wrote gets its words back
 * ("12/4-6pm" quoted from "dec 4-6pm"). The longest dates first, so "12/4-12/6" is never read as "12/4".
 */
export function asTyped(piece: string, written: readonly WrittenAs[]): string {
  if (written.length === 0) return piece;
  const left = [...written].sort((a, b) => b.read.length - a.read.length);
  const pattern = new RegExp(left.map((w) => w.read.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  return piece.replace(pattern, (read) => {
    const i = left.findIndex((w) => w.read === read);
    return i < 0 ? read : left.splice(i, 1)[0]!.typed;
  });
}

/**
 * A refusal whose quoted input was read through steps that rewrote it (month names, ranges in
 * words), quoting what was typed instead: `stages` are undone last step first.
 */
export function quotingTyped(err: unknown, ...stages: ReadonlyArray<readonly WrittenAs[]>): unknown {
  if (!(err instanceof UserError) || typeof err.params.input !== 'string') return err;
  const input = stages.reduce((piece, written) => asTyped(piece, written), err.params.input);
  if (input === err.params.input) return err;
  const quoted = new UserError(err.code, { ...err.params, input });
  if (err.newestOf) quoted.newestOf = err.newestOf;
  return quoted;
}
