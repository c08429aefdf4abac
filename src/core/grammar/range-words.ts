/**
 * Ranges of days said in words, read as the day grammar's ranges: "mon to wed", "monday through
 * wednesday", "tue thru thu", "mon till fri" and "12/7 to 12/9" as "mon-wed" and "12/7-12/9";
 * "월요일부터 수요일까지" as "월요일-수요일". Only between two days: "3 to 5" and "till 7pm" keep
 * their words, which the time grammar reads.
 */
import { quotingTyped, readMonthNames, type WrittenAs } from './month-names.js';

const EN_DAY = String.raw`(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|\d{1,2}/\d{1,2})`;
const EN_RANGE = new RegExp(String.raw`\b(${EN_DAY})\s+(?:to|through|thru|till|until)\s+(${EN_DAY})\b`, 'gi');
/** A weekday (not the 일 of "7일"), or a month/day in numbers or in Korean. */
const KO_DAY = String.raw`(?:(?<![\d가-힣])[월화수목금토일](?:요일)?|\d{1,2}/\d{1,2}|\d{1,2}월\s*\d{1,2}일)`;
const KO_RANGE = new RegExp(String.raw`(${KO_DAY})\s*부터\s*(${KO_DAY})(?:\s*까지)?(?![가-힣])`, 'g');

/** The text with its ranges of days in words as dash ranges, and what was written for what was typed. */
export function dayRangeWords(text: string): { text: string; written: WrittenAs[] } {
  const written: WrittenAs[] = [];
  const note = (typed: string, from: string, to: string) => {
    const read = `${from}-${to}`;
    written.push({ typed, read });
    return read;
  };
  const read = text.replace(EN_RANGE, note).replace(KO_RANGE, note);
  return { text: read, written: written.filter((w) => !text.includes(w.read)) };
}

/**
 * Days as the day grammar reads them (month names as numbers, then ranges in words as dashes),
 * and `quote`, which gives a refusal of the text read the words that were typed.
 */
export function readableDays(text: string): { text: string; quote: (err: unknown) => unknown } {
  const months = readMonthNames(text);
  const ranges = dayRangeWords(months.text);
  return { text: ranges.text, quote: (err) => quotingTyped(err, ranges.written, months.written) };
}
