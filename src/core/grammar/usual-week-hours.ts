/**
 * A usual week typed by hand: "mon-fri 19:00-22:00", "평일 저녁, 토 10-18 maybe:일 오후 2시-6시".
 * Parts are separated by a comma and a space, or a semicolon ("mon,wed 9-12" is one part); each is weekdays (the forms create's `dates:`
 * takes for weekly polls) then a time range, a part of the day or "all day" (the typed-time
 * grammar answers use). `maybe:` marks what follows as if needed; `yes:` switches back.
 */
import { halfWidth } from './half-width.js';
import { UserError } from '../errors.js';
import type { Weekday } from '../domain/types.js';
import type { WeekHours } from '../domain/usual-week.js';
import { parseWeekdays } from './dates.js';
import { isAllDay, parseCreateWindow, type TimeRange } from './times.js';
import { quotingTyped } from './month-names.js';
import { dayRangeWords } from './range-words.js';

const SWITCH = /^(maybe|yes|if-needed|아마|가능):\s*/i;

/**
 * The hours of a part, read as create's `time:` reads a poll's hours, so bare hours mean the same
 * in both ("9-5" is 09:00–17:00, "3시~5시" 15:00–17:00). A range that ends where it starts is no
 * hours here ("all day" says a whole day).
 */
function hoursOf(text: string): TimeRange | undefined {
  if (isAllDay(text)) return { start: 0, end: 1440 };
  const range = parseCreateWindow(text);
  return range && range.start !== range.end ? range : undefined;
}

/** One part: the longest leading run of words that reads as weekdays, and the rest as hours. */
function readPart(part: string, state: 'y' | 'm'): WeekHours | undefined {
  const words = part.split(/\s+/).filter(Boolean);
  for (let k = words.length - 1; k >= 1; k--) {
    const weekdays = parseWeekdays(words.slice(0, k).join(' '));
    const hours = weekdays && hoursOf(words.slice(k).join(' '));
    if (weekdays && hours) return { weekdays: weekdays as Weekday[], start: hours.start, length: lengthOf(hours), state };
  }
  return undefined;
}

function lengthOf(range: TimeRange): number {
  return range.end > range.start ? range.end - range.start : range.end + 1440 - range.start;
}

/** Every part, in order; BAD_USUAL_WEEK names the first that does not read. */
export function parseWeekHours(input: string): WeekHours[] {
  const { text: read, written } = dayRangeWords(halfWidth(input));
  try {
    return readWeekHours(read, input);
  } catch (err) {
    throw quotingTyped(err, written);
  }
}

/** parseWeekHours on the text as read (half width, ranges of days in words as dashes). */
function readWeekHours(read: string, input: string): WeekHours[] {
  const parts: WeekHours[] = [];
  let state: 'y' | 'm' = 'y';
  for (const raw of read.split(/;\s*|,\s+|\s+(?=(?:maybe|yes|if-needed|아마|가능):)/i)) {
    let text = raw.trim();
    const m = SWITCH.exec(text);
    if (m) {
      state = /^(yes|가능)$/i.test(m[1]!) ? 'y' : 'm';
      text = text.slice(m[0].length).trim();
    }
    if (!text) continue;
    const part = readPart(text, state);
    if (!part) throw new UserError('BAD_USUAL_WEEK', { input: text.slice(0, 60) });
    parts.push(part);
  }
  if (parts.length === 0) throw new UserError('BAD_USUAL_WEEK', { input: input.trim().slice(0, 60) });
  return parts;
}
