/**
 * The one typed-time grammar: times of day and ranges as people write them ("19:30", "7pm",
 * "7-9pm", "11-1pm", "오후 7시 30분-9시", "저녁 7시~9시", "7시부터 9시까지"), the whole day
 * ("all day", "하루 종일") and the parts of the day ("evening", "저녁"). Answers, pick starts,
 * create's `time:` and block hours all read times here, so a form learnt once works everywhere.
 * Everything is minutes of the day on the reader's own wall clock; zones are the caller's business.
 */

export interface TimeRange {
  /** Minutes after midnight, 0–1439. */
  start: number;
  /** Minutes after midnight, up to 1440; at or before `start` it is on the next day. */
  end: number;
}

/** How a word next to a 1–12 hour ("pm", "오후", "밤") places it in the day: the hour of the day, 0–24. */
type Meridiem = (hour: number) => number;

const AM: Meridiem = (h) => h % 12;
const PM: Meridiem = (h) => (h % 12) + 12;
// Koreans say 밤 10시 for 22:00 but 밤 1시 for the small hours, and 밤 12시 for midnight.
const NIGHT: Meridiem = (h) => (h === 12 ? 24 : h < 6 ? h : h + 12);
// 낮 12시 is noon and 낮 2시 is 14:00, but 낮 11시 is still the morning's 11:00.
const DAYTIME: Meridiem = (h) => (h === 12 ? 12 : h < 7 ? h + 12 : h);

/** Words written before the hour in Korean. */
const KOREAN_MERIDIEMS = new Map<string, Meridiem>([
  ['오전', AM],
  ['아침', AM],
  ['새벽', AM],
  ['오후', PM],
  ['저녁', PM],
  ['낮', DAYTIME],
  ['밤', NIGHT],
]);

/** Words written after the hour in English. */
const LATIN_MERIDIEMS = new Map<string, Meridiem>([
  ['am', AM],
  ['a.m.', AM],
  ['pm', PM],
  ['p.m.', PM],
]);

/** Times that are words; an end of "midnight" is the end of the day. */
const NAMED_TIMES = new Map<string, number>([
  ['noon', 12 * 60],
  ['정오', 12 * 60],
  ['midnight', 24 * 60],
  ['자정', 24 * 60],
]);

/** A time as written, before a range decides what a bare 1–12 hour means. */
interface TypedClock {
  hour: number;
  minute: number;
  meridiem?: Meridiem;
  /** Written so that only the 24-hour reading fits (0, 13–24, or a leading zero as in 07:30). */
  twentyFour: boolean;
  /** An hour 1–11 with nothing to place it ("3", "3시", "3시 반"): the poll's hours decide. "9:30" is a 24-hour clock. */
  bare: boolean;
}

const LATIN_CLOCK = /^(\d{1,2})(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?$/;
const KOREAN_CLOCK = /^(\d{1,2})\s*시(?:\s*(\d{1,2})\s*분?|\s*(반))?$/;

/**
 * One typed time. `partOfDay` places a 1–12 hour written with nothing else to place it, as a
 * part of the day said before it does ("evening 7" is 19:00, like "저녁 7시").
 */
function readClock(input: string, partOfDay?: Meridiem): TypedClock | undefined {
  const clock = readOwnClock(input);
  if (!clock || !partOfDay || clock.meridiem || clock.twentyFour || clock.hour > 12) return clock;
  return { ...clock, meridiem: partOfDay, bare: false };
}

/** "7ish", "7시쯤", "7시경": an approximate time is read as the time itself. */
const ABOUT = /\s*(?:ish|쯤|경)$/;

function readOwnClock(input: string): TypedClock | undefined {
  let s = input.trim().toLowerCase().replace(ABOUT, '');
  const named = NAMED_TIMES.get(s);
  if (named !== undefined) return { hour: named / 60, minute: 0, twentyFour: true, bare: false };
  let meridiem: Meridiem | undefined;
  for (const [word, m] of KOREAN_MERIDIEMS) {
    if (s.startsWith(word)) {
      meridiem = m;
      s = s.slice(word.length).trim();
      break;
    }
  }
  let hourText: string;
  let minute: number;
  const latin = LATIN_CLOCK.exec(s);
  const korean = latin ? undefined : KOREAN_CLOCK.exec(s);
  if (latin) {
    hourText = latin[1]!;
    minute = latin[2] === undefined ? 0 : Number(latin[2]);
    if (latin[3]) {
      // "오후 7pm" says it twice; refuse rather than guess which one was meant.
      if (meridiem) return undefined;
      meridiem = LATIN_MERIDIEMS.get(latin[3]);
    }
  } else if (korean) {
    hourText = korean[1]!;
    minute = korean[3] ? 30 : korean[2] === undefined ? 0 : Number(korean[2]);
  } else {
    return undefined;
  }
  const hour = Number(hourText);
  if (minute > 59) return undefined;
  if (meridiem) return hour >= 1 && hour <= 12 ? { hour, minute, meridiem, twentyFour: false, bare: false } : undefined;
  if (hour > 24 || (hour === 24 && minute !== 0)) return undefined;
  const twentyFour = hour === 0 || hour > 12 || hourText.startsWith('0');
  const colon = latin?.[2] !== undefined;
  return { hour, minute, twentyFour, bare: !twentyFour && hour < 12 && !colon };
}

/** Minutes of the day as written: a meridiem applied, or the 24-hour reading. */
function asWritten(c: TypedClock): number {
  return (c.meridiem ? c.meridiem(c.hour) : c.hour) * 60 + c.minute;
}

/** The two readings of a bare 1–12 hour: before noon and after it. */
function readings(c: TypedClock): [number, number] {
  const base = (c.hour % 12) * 60 + c.minute;
  return [base, base + 720];
}

/**
 * "7-9pm": the start takes the end's half of the day unless that would put it after the end,
 * which is the same as the reading that comes last before the end ("11-1pm" is 11:00–13:00,
 * "12-2pm" 12:00–14:00).
 */
function latestBefore(c: TypedClock, end: number): number {
  const back = (m: number) => (end - m + 1440) % 1440 || 1440;
  const [a, b] = readings(c);
  return back(a) <= back(b) ? a : b;
}

/** "오후 7시-9시", "11am-1": the end is the reading that comes first after the start. */
function soonestAfter(c: TypedClock, start: number): number {
  const ahead = (m: number) => (m - start + 1440) % 1440 || 1440;
  const [a, b] = readings(c);
  return ahead(a) <= ahead(b) ? a : b;
}

/** A bare 1–12 hour borrows the other end's half of the day; a 24-hour time never does. */
function resolveRange(from: TypedClock, to: TypedClock): TimeRange {
  const borrowsStart = !from.meridiem && !from.twentyFour && to.meridiem !== undefined;
  const borrowsEnd = !to.meridiem && !to.twentyFour && from.meridiem !== undefined;
  const end0 = asWritten(to);
  const start = borrowsStart ? latestBefore(from, end0) : asWritten(from);
  const end = borrowsEnd ? soonestAfter(to, start % 1440) : end0;
  return { start: start % 1440, end };
}

const DASHES = /^(.+?)\s*[-~〜～–—]\s*(.+)$/;
const WORD_SEPARATORS = /^(.+?)\s+(?:to|until|till)\s+(.+)$/i;
const KOREAN_FROM_TO = /^(.+?)\s*부터\s*(.+)$/;

/** The two ends of a typed range, or undefined when it has no separator. */
function splitRange(input: string): [string, string] | undefined {
  // "9시까지" closes a range whether it opened with 부터 or a dash.
  const s = input.trim().replace(/\s*까지$/, '');
  const m = KOREAN_FROM_TO.exec(s) ?? DASHES.exec(s) ?? WORD_SEPARATORS.exec(s);
  return m ? [m[1]!, m[2]!] : undefined;
}

/** One typed time of day, in minutes (24:00 is 1440): "19:30", "7pm", "오후 7시 30분", "7시 반", "noon". */
export function parseTypedClock(input: string): number | undefined {
  const clock = readClock(input);
  return clock ? asWritten(clock) : undefined;
}

/**
 * A typed range of the day. Without any am/pm or 오전/오후 the numbers are a 24-hour clock
 * ("9-18", "19:30-21"); an end at or before the start runs past midnight ("20:00-02:00").
 * `wholeDay` lets a poll's daily window be 24 hours from any hour ("22:00-22:00").
 */
export function parseTypedRange(input: string, options: { wholeDay?: boolean } = {}): TimeRange | undefined {
  const ends = splitRange(input);
  if (!ends) return undefined;
  const from = readClock(ends[0]);
  const to = readClock(ends[1]);
  if (!from || !to) return undefined;
  const range = resolveRange(from, to);
  if (range.start === range.end && !options.wholeDay) return undefined;
  return range;
}

/** Words that only ever finish the time before them: "7 pm", "7시 30분", "7시 반", "9시 까지". */
const TIME_SUFFIX = /^(am|pm|a\.m\.|p\.m\.|\d{1,2}분|반|까지)$/i;
const RANGE_WORDS = new Set(['to', 'until', 'till', '부터']);

/**
 * Whether `word` carries on a typed range whose words so far are `value`, for options whose
 * value may take several words ("time:오후 6시 - 10시"). Once the range reads whole, only a
 * suffix may follow, so a title word after it stays out.
 */
export function continuesTypedRange(value: string, word: string): boolean {
  const w = word.toLowerCase();
  if (TIME_SUFFIX.test(w)) return true;
  if (parseTypedRange(value, { wholeDay: true })) return false;
  return /^\d/.test(w) || RANGE_WORDS.has(w) || [...KOREAN_MERIDIEMS.keys()].some((m) => w.startsWith(m));
}

/** Words for any time at all: the whole of a day, and with no day said, of every day of the poll. */
const ANY_TIME_WORDS = new Set(['any time', 'anytime', 'whenever', '아무 때나', '아무때나', '언제든', '언제든지', '언제나']);
const ALL_DAY_WORDS = new Set(['all', 'all day', 'allday', 'all-day', 'whole day', 'whole-day', '종일', '하루 종일', '하루종일', '전부', ...ANY_TIME_WORDS]);

const spaced = (input: string) => input.trim().toLowerCase().replace(/\s+/g, ' ');

/** "all day", "any time", "종일", "언제든": the whole of a poll day. */
export function isAllDay(input: string): boolean {
  return ALL_DAY_WORDS.has(spaced(input));
}

/** "any time", "언제든": with no day said, every day of the poll (where "all day" needs a day). */
export function isAnyTime(input: string): boolean {
  return ANY_TIME_WORDS.has(spaced(input));
}

export type PartOfDay = 'morning' | 'lunch' | 'afternoon' | 'evening' | 'night';

/** The documented hours of each part of the day (README), in the order of the day. */
export const PARTS_OF_DAY: ReadonlyMap<PartOfDay, TimeRange> = new Map<PartOfDay, TimeRange>([
  ['morning', { start: 9 * 60, end: 12 * 60 }],
  ['lunch', { start: 12 * 60, end: 13 * 60 }],
  ['afternoon', { start: 13 * 60, end: 18 * 60 }],
  ['evening', { start: 18 * 60, end: 22 * 60 }],
  ['night', { start: 22 * 60, end: 24 * 60 }],
]);

/** Each part's words; "Mon/Wed/Fri mornings" speaks of each morning, which is what the singular means too. */
const PART_WORDS = new Map<string, PartOfDay>([
  ['morning', 'morning'],
  ['mornings', 'morning'],
  ['오전', 'morning'],
  ['lunch', 'lunch'],
  ['lunchtime', 'lunch'],
  ['점심', 'lunch'],
  ['afternoon', 'afternoon'],
  ['afternoons', 'afternoon'],
  ['오후', 'afternoon'],
  ['evening', 'evening'],
  ['evenings', 'evening'],
  ['저녁', 'evening'],
  ['night', 'night'],
  ['nights', 'night'],
  ['밤', 'night'],
]);

export function parsePartOfDay(input: string): PartOfDay | undefined {
  return PART_WORDS.get(input.trim().toLowerCase());
}

/** A part of the day as its documented hours ("time:저녁"), or undefined. */
export function partOfDayHours(input: string): TimeRange | undefined {
  const part = parsePartOfDay(input);
  return part && PARTS_OF_DAY.get(part);
}

/** Every word that names a part of the day, for matching a block poll's block names. */
export function partWords(part: PartOfDay): string[] {
  return [...PART_WORDS].filter(([, p]) => p === part).map(([word]) => word);
}

/**
 * A typed time before a poll's hours say what a bare hour means: a range with its readings (the
 * first as written, 24-hour; then the other halves of the day its bare hours allow), a part of
 * the day, or an open end ("after 7pm", "저녁 7시 이후", "before 3", "3시까지") with the
 * readings of its one time.
 */
export type TimePhrase =
  | { type: 'range'; readings: TimeRange[] }
  | { type: 'part'; part: PartOfDay }
  | { type: 'after' | 'before'; readings: number[] }
  /** One time ("7pm", "저녁 7시", "19:00"): the meeting that starts then. */
  | { type: 'at'; readings: number[] }
  /** A range whose ends are the same time ("7-7", "19:00-19:00"): no time at all. */
  | { type: 'same'; at: number };

const AFTER = [/^(?:after|from|since)\s+(.+)$/i, /^(.+?)\s*(?:이후|부터|以後|넘어서?|후)$/];
const BEFORE = [/^(?:before|until|till)\s+(.+)$/i, /^(.+?)\s*(?:이전|까지|전)$/];
/** Both open ends at once ("after 7 before 9", "7시 이후 9시 이전"): the range between them. */
const AFTER_BEFORE = [
  /^(?:after|from|since)\s+(.+?)\s+(?:and\s+)?(?:before|until|till|to)\s+(.+)$/i,
  /^(.+?)\s*(?:이후|以後|넘어서?|후)\s*(.+?)\s*(?:이전|까지|전)$/,
];

/**
 * How a part of the day said before a time places its bare hour: the same reading a Korean
 * 오전/오후/저녁/밤 before the hour gives, so "evenings after 7" is "저녁 7시 이후".
 */
const PART_MERIDIEMS = new Map<PartOfDay, Meridiem>([
  ['morning', AM],
  ['lunch', DAYTIME],
  ['afternoon', PM],
  ['evening', PM],
  ['night', NIGHT],
]);
/** "evenings after 7", "morning 9-11": a part of the day, then a time within it. */
const PART_THEN_TIME = /^(\S+)\s+(.+)$/;

/** The readings of one clock: as written, then the afternoon's when the hour is bare. */
function clockReadings(c: TypedClock): number[] {
  const written = asWritten(c);
  return c.bare ? [written, written + 720] : [written];
}

/** A range's readings: as written first, then each reading of a bare start with its end soonest after it. */
function rangeReadings(from: TypedClock, to: TypedClock): TimeRange[] {
  const written = resolveRange(from, to);
  if (from.meridiem || to.meridiem || (!from.bare && !to.bare)) return [written];
  const out = [written];
  for (const start of clockReadings(from)) {
    const end = to.bare ? soonestAfter(to, start) : asWritten(to);
    if (start !== end && !out.some((r) => r.start === start && r.end === end)) out.push({ start, end });
  }
  return out;
}

export function parseTimePhrase(input: string): TimePhrase | undefined {
  const part = parsePartOfDay(input);
  if (part) return { type: 'part', part };
  // A part of the day said before a time narrows it, and does not add to it: "evenings after 7" is after 19:00.
  const split = PART_THEN_TIME.exec(input.trim());
  // 오전/오후/저녁/밤 before the hour are read by the clock itself ("저녁 7시 이후").
  const before = split && !KOREAN_MERIDIEMS.has(split[1]!) ? parsePartOfDay(split[1]!) : undefined;
  if (before) return clockPhrase(split![2]!, PART_MERIDIEMS.get(before));
  return clockPhrase(input);
}

/** A range or an open end, a bare hour placed by `partOfDay` when one was said. */
function clockPhrase(input: string, partOfDay?: Meridiem): TimePhrase | undefined {
  const s = input.trim();
  for (const form of AFTER_BEFORE) {
    const m = form.exec(s);
    const ends = m && ([readClock(m[1]!, partOfDay), readClock(m[2]!)] as const);
    if (ends && ends[0] && ends[1]) return rangePhrase(ends[0], ends[1]);
  }
  const ends = splitRange(s);
  if (ends) {
    // Like "오전 10시-12시": the part places the start, and the end comes soonest after it.
    const from = readClock(ends[0], partOfDay);
    const to = readClock(ends[1]);
    return from && to ? rangePhrase(from, to) : undefined;
  }
  for (const [type, forms] of [['after', AFTER], ['before', BEFORE]] as const) {
    for (const form of forms) {
      const m = form.exec(s);
      const clock = m ? readClock(m[1]!, partOfDay) : undefined;
      if (clock) return { type, readings: clockReadings(clock) };
    }
  }
  // A number alone ("7") may be anything; with 시, am/pm, a colon or a part of the day it is a time.
  const clock = partOfDay || !/^\d{1,2}$/.test(s) ? readClock(s, partOfDay) : undefined;
  // Midnight starts no meeting on the day it ends.
  if (clock && asWritten(clock) < 1440) return { type: 'at', readings: clockReadings(clock) };
  return undefined;
}

function rangePhrase(from: TypedClock, to: TypedClock): TimePhrase | undefined {
  // "7-7" is the same time twice, however its bare hours are read: an empty range, not 07:00–19:00.
  if (from.hour === to.hour && from.minute === to.minute && !from.meridiem === !to.meridiem && asWritten(from) === asWritten(to)) {
    return { type: 'same', at: asWritten(from) % 1440 };
  }
  const readings = rangeReadings(from, to).filter((r) => r.start !== r.end);
  return readings.length ? { type: 'range', readings } : undefined;
}

/** The hours a poll day has on the reader's clock: minutes after its midnight, the end past 1440 when it runs overnight. */
export interface DayHours {
  start: number;
  end: number;
  /**
   * Minutes one time said alone ("7pm") marks from its start: the poll's meeting length, as
   * "7pm" says the meeting can start then (one slot when the meeting is one slot long).
   */
  meeting?: number;
}

/** Without a poll's meeting length, one time marks an hour. */
const DEFAULT_MEETING = 60;

/** A range placed on a day's hours: its start on or after theirs (a day later if need be). */
function placed(range: TimeRange, hours: DayHours): { start: number; end: number } {
  const length = (range.end - range.start + 1440) % 1440 || 1440;
  const start = range.start < hours.start ? range.start + 1440 : range.start;
  return { start, end: start + length };
}

function fits(range: TimeRange, hours: DayHours): boolean {
  const p = placed(range, hours);
  return p.end <= hours.end;
}

/**
 * Of several readings, the one inside the hours, the later on the clock when both fit ("3-5" is
 * 15–17 on a 9–22 poll); else as written. Later on the clock, not later in the poll's day: a
 * whole-day poll seen from another zone starts mid-morning there, and "3-5" is still 15–17.
 */
function pick(readings: readonly TimeRange[], hours: DayHours | undefined): TimeRange {
  const inside = hours ? readings.filter((r) => fits(r, hours)) : [];
  return inside.length ? inside.reduce((a, b) => (b.start % 1440 > a.start % 1440 ? b : a)) : readings[0]!;
}

/**
 * What makes a typed time impossible on a day with these hours, if anything: an end before its
 * start where the person meant no night ("7-5": no reading of its bare hours fits the hours, and
 * 07:00 to 05:00 the next morning is no answer), or an open end that leaves nothing ("before 0",
 * "after midnight"). Hours written so that only one reading fits ("19-5", "10pm-2am") may run
 * past midnight.
 */
export function impossibleTime(phrase: TimePhrase, hours: DayHours | undefined): 'backwards' | 'empty' | 'same' | undefined {
  if (phrase.type === 'same') return 'same';
  if (phrase.type === 'part' || phrase.type === 'at') return undefined;
  if (phrase.type !== 'range') {
    const none = phrase.type === 'before' ? (m: number) => m === 0 : (m: number) => m === 1440;
    return phrase.readings.every(none) ? 'empty' : undefined;
  }
  const [written] = phrase.readings;
  // Only a range of bare hours has other readings; one that fits is what was meant.
  if (phrase.readings.length < 2 || !written || written.end > written.start) return undefined;
  return hours && phrase.readings.some((r) => fits(r, hours)) ? undefined : 'backwards';
}

/**
 * A typed time as a range of the day. A part of the day and an open end within the hours are
 * marked `part`: they mean those hours clipped to the poll's, so nothing of them is left out.
 */
export function resolveTimePhrase(phrase: TimePhrase, hours: DayHours | undefined): TimeRange & { part?: true } {
  if (phrase.type === 'part') return { ...PARTS_OF_DAY.get(phrase.part)!, part: true };
  if (phrase.type === 'range') return pick(phrase.readings, hours);
  if (phrase.type === 'same') return { start: phrase.at, end: phrase.at };
  if (phrase.type === 'at') {
    const length = hours?.meeting ?? DEFAULT_MEETING;
    return pick(phrase.readings.map((m) => ({ start: m % 1440, end: ((m + length - 1) % 1440) + 1 })), hours);
  }
  const dayEnd = hours ? hours.end % 1440 || 1440 : 1440;
  const dayStart = hours ? hours.start % 1440 : 0;
  // An open end reads as the range to the end (or from the start) of the hours; a time outside them is named as left out.
  const ranges = phrase.readings.map((m) => (phrase.type === 'after' ? { start: m % 1440, end: dayEnd } : { start: dayStart, end: m }));
  const inside = hours ? ranges.filter((r) => r.start !== r.end && fits(r, hours)) : [];
  if (inside.length) return { ...pick(inside, hours), part: true };
  const written = phrase.readings[0]!;
  return phrase.type === 'after' ? { start: written % 1440, end: 1440 } : { start: 0, end: written };
}

/** Words that go on a time begun by a part of the day: "evenings after 7", "저녁 7시 이후", "morning 9-11". */
const WINDOW_WORD = /^(after|before|from|since|until|till|to|and|am|pm|a\.m\.|p\.m\.|이후|이전|전|후|부터|까지|반|\d.*)$/i;

/** Whether a part of the day is among the words, so the words after it may narrow it. */
function startsWithPart(value: string): boolean {
  return value.trim().split(/\s+/).some((w) => parsePartOfDay(w) !== undefined);
}

/** Whether `word` carries on a create window whose words so far are `value` ("time:evenings after 7"). */
export function continuesWindow(value: string, word: string): boolean {
  return continuesTypedRange(value, word) || (startsWithPart(value) && WINDOW_WORD.test(word));
}

/** Whether `word` begins or carries on a time said right after the days of create's `dates:` ("dates:tomorrow morning"). */
export function continuesDatesWithTime(value: string, word: string): boolean {
  return parsePartOfDay(word) !== undefined || (startsWithPart(value) && WINDOW_WORD.test(word));
}

/** Where a poll's hours are a night: before 06:00, or past midnight. */
const SMALL_HOURS_END = 6 * 60;

/**
 * Daily hours of bare hours 1–11 ("3-5", "3시~5시", "9-5") that would be a night as written: the
 * first reading that keeps to the day, as an answer reads bare hours in the afternoon when both
 * fit ("3-5" is 15:00–17:00, "9-5" 09:00–17:00); hours that are a day as written stay ("9-11").
 */
function bareHoursWindow(input: string): TimeRange | undefined {
  const phrase = clockPhrase(input);
  if (phrase?.type !== 'range' || phrase.readings.length < 2) return undefined;
  const daytime = (r: TimeRange) => r.start >= SMALL_HOURS_END && r.end > r.start;
  return daytime(phrase.readings[0]!) ? undefined : phrase.readings.find(daytime);
}

/**
 * The time a poll's window names twice without its minutes ("7-7", "7am-7am"), in minutes after
 * midnight. The same time twice is a whole day from then only as a clock says it ("22:00-22:00");
 * this one is refused, as answers refuse it: more likely a slip than a 24-hour poll.
 */
export function sameTimeTwice(input: string): number | undefined {
  const phrase = clockPhrase(input);
  return phrase?.type === 'same' && !/\d:\d{2}/.test(input) ? phrase.at : undefined;
}

/**
 * A poll's daily hours as typed for create: a range ("18:00-22:00", "7-11pm"), a part of the day
 * ("evening"), or a part narrowed by a time said with it, by the rule answers use ("evenings after
 * 7" and "저녁 7시 이후" are 19:00–22:00, "evening 7-9" 19:00–21:00); undefined when it reads as none,
 * or the narrowing leaves the part.
 */
export function parseCreateWindow(input: string): TimeRange | undefined {
  if (sameTimeTwice(input) !== undefined) return undefined;
  const bare = bareHoursWindow(input);
  if (bare) return bare;
  const typed = parseTypedRange(input, { wholeDay: true }) ?? partOfDayHours(input);
  if (typed) return typed;
  const first = /^(\S+)\s+\S/.exec(input.trim());
  const part = first ? parsePartOfDay(first[1]!) : undefined;
  const phrase = part ? parseTimePhrase(input) : undefined;
  // One time is no daily window ("evening 7").
  if (!part || !phrase || phrase.type === 'part' || phrase.type === 'at') return undefined;
  const hours = PARTS_OF_DAY.get(part)!;
  if (impossibleTime(phrase, hours)) return undefined;
  const range = resolveTimePhrase(phrase, hours);
  const inside = range.start >= hours.start && range.end <= hours.end && range.start < range.end;
  return inside ? { start: range.start, end: range.end } : undefined;
}
