/**
 * Days said in plain words, relative to the speaker's today: "다음 주 화요일", "next Tuesday",
 * "이번 주말", "this weekend", "next week", "다음 주 평일", "weekdays next week". Weeks start on
 * Monday. A week word makes concrete dates; a day word without one ("화요일", "weekdays",
 * "월수금", "Mon/Wed/Fri") stays a set of weekdays for the caller to map onto its poll.
 */
import { addDays, weekdayOf } from '../domain/time.js';
import type { Weekday } from '../domain/types.js';
import { parseWeekdays } from './dates.js';

export type PlainDays =
  /** Concrete dates, in order. */
  | { type: 'dates'; dates: string[] }
  /** Weekdays without a week: every such day the poll has. */
  | { type: 'weekdays'; weekdays: Weekday[] };

type Week = 'this' | 'next' | 'afterNext';

/** Week words in front: "이번 주", "이번주", "다음 주의", "담주", "다다음 주", "next week's", "this", "next". */
const WEEK_FIRST = /^(이번|다다음|다음|담|this|next)\s*(주(?!말)|week)?(?:의|'s)?(?:\s+|$|(?=[월화수목금토일평주]))/i;
/** Week words after: "weekdays next week", "Tuesday this week". */
const WEEK_LAST = /\s+(this|next)\s+week$/i;
const WEEK_OF = new Map<string, Week>([
  ['이번', 'this'],
  ['this', 'this'],
  ['다음', 'next'],
  ['담', 'next'],
  ['next', 'next'],
  ['다다음', 'afterNext'],
]);
/** Weeks from the speaker's own. */
const WEEKS_AHEAD: Record<Week, number> = { this: 0, next: 1, afterNext: 2 };
/** How another day of the same list borrows the week, as words the reader takes again. */
const WEEK_WORDS: Record<Week, string> = { this: 'this week', next: 'next week', afterNext: '다다음 주' };

const WHOLE_WEEK: Weekday[] = [0, 1, 2, 3, 4, 5, 6];

/** The week a phrase names and the rest of it, or no week when it names none. */
function splitWeek(s: string): { week?: Week; rest: string; saysWeek: boolean } {
  const first = WEEK_FIRST.exec(s);
  if (first) return { week: WEEK_OF.get(first[1]!), rest: s.slice(first[0].length).trim(), saysWeek: first[2] !== undefined };
  const last = WEEK_LAST.exec(s);
  if (last) return { week: WEEK_OF.get(last[1]!), rest: s.slice(0, last.index).trim(), saysWeek: true };
  return { rest: s, saysWeek: false };
}

/** Monday of the speaker's week, shifted by whole weeks. */
function mondayOf(today: string, weeks: number): string {
  return addDays(today, weeks * 7 - weekdayOf(today));
}

/** A phrase's shape, before a today makes it dates: a week and its days, days without one, or two days ahead. */
type Phrase = { week?: Week; weekdays: Weekday[] } | { daysAhead: number };

function readPhrase(input: string): Phrase | undefined {
  const s = input.trim().toLowerCase().replace(/\s+/g, ' ');
  if (/^(the day after tomorrow|내일\s?모레|낼\s?모레)$/.test(s)) return { daysAhead: 2 };
  const { week, rest, saysWeek } = splitWeek(s);
  if (!week) {
    const weekdays = parseWeekdays(s);
    return weekdays && { weekdays };
  }
  // "next week" is the whole week; "next" alone is no day.
  const weekdays = rest === '' ? (saysWeek ? WHOLE_WEEK : undefined) : parseWeekdays(rest);
  return weekdays && { week, weekdays };
}

/** Whether a create option's value may go on with `word` ("dates:다음 주 평일" spans three words). */
export function continuesPlainDays(value: string, word: string): boolean {
  if (readPhrase(`${value} ${word}`)) return true;
  // "weekdays next" waits for "week"; "다음" and "next" wait for their days.
  return /(^|\s)(this|next|이번|다다음|다음|담)$/i.test(value) || (/^(this|next)$/i.test(word) && readPhrase(value) !== undefined);
}

/**
 * Plain-language days, or undefined when the text is not such a phrase. "This week" and its
 * weekend or weekdays are the days of the current week from today on ("this weekend" said on a
 * Sunday is today); one named day of this week is that day even if it has passed, so a reply can
 * say it is not among the poll's dates rather than quietly meaning another week.
 */
export function parsePlainDays(input: string, today: string): PlainDays | undefined {
  const phrase = readPhrase(input);
  if (!phrase) return undefined;
  if ('daysAhead' in phrase) return { type: 'dates', dates: [addDays(today, phrase.daysAhead)] };
  const { week, weekdays } = phrase;
  if (!week) return { type: 'weekdays', weekdays };
  const monday = mondayOf(today, WEEKS_AHEAD[week]);
  const dates = [...weekdays].sort((a, b) => a - b).map((w) => addDays(monday, w));
  if (week !== 'this' || dates.length === 1) return { type: 'dates', dates };
  const ahead = dates.filter((d) => d >= today);
  return { type: 'dates', dates: ahead.length ? ahead : dates };
}

/**
 * The week a day phrase names, as words another day of the same list can borrow ("next week"
 * for "다음 주 화", so "다음 주 화, 목" is next week's Tuesday and Thursday), and whether it was
 * said after the day ("tue next week"), so the days before it in the list borrow it too.
 */
export function weekOfPhrase(input: string): { words: string; after: boolean } | undefined {
  const s = input.trim().toLowerCase().replace(/\s+/g, ' ');
  const { week, rest } = splitWeek(s);
  // A whole week ("next week") is no day of a list.
  if (!week || rest === '' || !readPhrase(s)) return undefined;
  return { words: WEEK_WORDS[week], after: !WEEK_FIRST.test(s) };
}

/** Days of the week said alone, with no week and nothing else: "목", "Thursday", "mon-wed". */
export function isBareWeekdays(input: string): boolean {
  const phrase = readPhrase(input);
  return phrase !== undefined && 'weekdays' in phrase && phrase.week === undefined && !/^(매주|every)/i.test(input.trim());
}

/** Whether a word or phrase is a plain-language day ("다음주화요일", "weekdays"), whatever today is. */
export function isPlainDays(input: string): boolean {
  return readPhrase(input) !== undefined;
}

/** Words that only join the days or times of a list, written apart: "tue and thu", "화 및 목". */
export const LIST_WORDS = ['and', '&', '및', '그리고'];
/** The same, written onto the word before: "화요일하고 목요일", "저녁이랑". */
export const LIST_ENDINGS = ['하고', '이랑', '랑', '과', '와'];
const ENDING = `(?:${LIST_ENDINGS.join('|')})`;
const LIST_WORD = new RegExp(`\\s+(?:${LIST_WORDS.join('|')})\\s+`, 'gi');
/** A day's list ending (after a weekday or a date's digit): "화요일하고", "12/8과". */
const DAY = '(요일|[월화수목금토일]|\\d)';
const LIST_WORD_ON_DAY = new RegExp(`${DAY}${ENDING}(?=[\\s,]|$)`, 'g');
const ENDS_IN_LIST = [new RegExp(`(,|\\s(?:${LIST_WORDS.join('|')}))$`, 'i'), new RegExp(`${DAY}${ENDING}$`)];

/** A list of days with its list words as commas, as answers read them: "tue and thu" is "tue, thu". */
export function listWordsAsCommas(input: string): string {
  return input.replace(LIST_WORD, ', ').replace(LIST_WORD_ON_DAY, '$1,');
}

/** A word of a day list, read without the comma or list word written onto it ("화,", "화요일하고"). */
export function listedDay(word: string): string {
  return listWordsAsCommas(word).replace(/,$/, '');
}

/** A word that only joins a list ("and", "및"). */
export function isListWord(word: string): boolean {
  return LIST_WORDS.includes(word.toLowerCase());
}

/** Whether a value ends where a list goes on: a comma, or a list word. */
export function endsInList(value: string): boolean {
  return ENDS_IN_LIST.some((pattern) => pattern.test(value));
}

/**
 * A list of days, one of which names the week the others share: "다음 주 화, 목", "다음 주
 * 화요일하고 목요일", "tue and thu next week". Undefined unless every item is a plain day.
 */
export function parsePlainDayList(input: string, today: string): string[] | undefined {
  const items = listWordsAsCommas(input)
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  if (items.length < 2) return undefined;
  const week = items.map(weekOfPhrase).find((w) => w !== undefined);
  const dates: string[] = [];
  for (const item of items) {
    const own = weekOfPhrase(item) !== undefined ? parsePlainDays(item, today) : undefined;
    const read = own ?? (week ? parsePlainDays(week.after ? `${item} ${week.words}` : `${week.words} ${item}`, today) : parsePlainDays(item, today));
    if (read?.type !== 'dates') return undefined;
    dates.push(...read.dates);
  }
  return [...new Set(dates)].sort();
}
