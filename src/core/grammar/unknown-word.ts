/**
 * The word a person got wrong in a plain-language day or time ("next Tusday evening" → "Tusday"),
 * so the refusal names that word rather than the whole phrase.
 */
import type { ErrorParams } from '../errors.js';
import { closeWord } from './close-words.js';
import { parseWeekdayWord } from './dates.js';
import { isPlainDays } from './plain-days.js';
import { isAllDay, parsePartOfDay, parseTimePhrase, parseTypedClock } from './times.js';

/** Words that only tie a day or time phrase together: week words, open ends, relative days. */
const LINKING_WORDS = new Set([
  'this', 'next', 'week', "week's", 'every', 'the', 'day', 'after', 'before', 'from', 'since', 'until', 'till', 'to', 'and',
  'today', 'tomorrow', 'tmrw', 'tmr', 'tonight', 'all', 'whole', '&',
  '이번', '다음', '담', '주', '주의', '매주', '이후', '이전', '부터', '까지', '전', '후', '오늘', '내일', '낼', '모레', '하루', '오늘밤',
  '및', '하고', '랑', '이랑', '와', '과', '그리고',
]);

function isKnown(word: string): boolean {
  const w = word.toLowerCase();
  // A word with a digit is a date or a time, whose own errors say what is wrong with it.
  if (/\d/.test(w)) return true;
  return (
    LINKING_WORDS.has(w) ||
    parseWeekdayWord(w) !== undefined ||
    isPlainDays(w) ||
    parsePartOfDay(w) !== undefined ||
    isAllDay(w) ||
    parseTypedClock(w) !== undefined ||
    parseTimePhrase(w) !== undefined ||
    /^(am|pm|a\.m\.|p\.m\.|오전|오후|아침|새벽|저녁|낮|밤)$/.test(w)
  );
}

/**
 * The first unknown word of a phrase that is otherwise made of day and time words, or undefined
 * when no word is known (then it is no time phrase at all, and other refusals fit better).
 */
export function unknownTimeWord(phrase: string): string | undefined {
  const words = phrase.split(/[\s,]+/).filter(Boolean);
  const unknown = words.find((w) => !isKnown(w));
  return unknown !== undefined && words.some(isKnown) ? unknown : undefined;
}

/** An unknown word for a refusal to name, with the known word it is closest to when one is ("tomorow" → "tomorrow"). */
export function unknownWordParams(word: string): ErrorParams {
  const suggestion = closeWord(word);
  return suggestion ? { word, suggestion } : { word };
}
