/**
 * The create options every platform fills: the text grammar, Slack's modal and Discord's
 * command options all produce this record of raw strings, and one builder validates it.
 */
import { z } from 'zod';
import { UserError } from '../errors.js';
import { dayThenRest } from './compact-korean.js';
import { continuesPlainDays, endsInList, isListWord, listedDay, listWordsAsCommas } from './plain-days.js';
import { continuesDatesWithTime, continuesWindow } from './times.js';
import { isMention, looksLikeClock } from './values.js';
import type { Token } from './tokens.js';

export const CREATE_OPTION_KEYS = [
  'title',
  'desc',
  'kind',
  'dates',
  'time',
  'slot',
  'blocks',
  'deadline',
  'tz',
  'duration',
  'max',
  'with',
  'must',
  'remind',
  'hidden',
] as const;

export type CreateOptionKey = (typeof CREATE_OPTION_KEYS)[number];

/** Raw, unvalidated option strings; their sizes are checked before this (grammar/bounds.ts). */
export const createOptionsSchema = z.strictObject(
  Object.fromEntries(CREATE_OPTION_KEYS.map((k) => [k, z.string().optional()])) as Record<
    CreateOptionKey,
    z.ZodOptional<z.ZodString>
  >,
);

export type CreateOptions = Partial<Record<CreateOptionKey, string>>;

/** A Map, so a word like `constructor:` is an unknown option rather than a built-in property. */
const ALIASES = new Map<string, CreateOptionKey>(Object.entries({
  title: 'title',
  제목: 'title',
  desc: 'desc',
  description: 'desc',
  설명: 'desc',
  kind: 'kind',
  type: 'kind',
  종류: 'kind',
  dates: 'dates',
  date: 'dates',
  days: 'dates',
  날짜: 'dates',
  time: 'time',
  times: 'time',
  hours: 'time',
  시간: 'time',
  slot: 'slot',
  칸: 'slot',
  blocks: 'blocks',
  block: 'blocks',
  구간: 'blocks',
  deadline: 'deadline',
  due: 'deadline',
  마감: 'deadline',
  tz: 'tz',
  timezone: 'tz',
  zone: 'tz',
  시간대: 'tz',
  duration: 'duration',
  length: 'duration',
  길이: 'duration',
  max: 'max',
  최대: 'max',
  with: 'with',
  expected: 'with',
  참석자: 'with',
  must: 'must',
  required: 'must',
  필수: 'must',
  remind: 'remind',
  reminders: 'remind',
  알림: 'remind',
  hidden: 'hidden',
  비공개: 'hidden',
} satisfies Record<string, CreateOptionKey>));

/** The second word of a length written in two: "30분", "30m", "30 minutes" is not one (a title word may follow). */
const LENGTH_PART = /^\d{1,3}(분|m|min)$/i;

const OPTION_TOKEN = /^([A-Za-z가-힣]+):(.*)$/s;

/** True when a word continues the value of the option before it (values may contain spaces). */
function continues(key: CreateOptionKey, value: string, word: string): boolean {
  const endsWithSeparator = /(\.\.|[-~–—,])$/.test(value);
  switch (key) {
    case 'with':
    case 'must':
      return isMention(word);
    case 'dates':
      // "dates:tomorrow morning": a time said with the days goes with them, and becomes the poll's hours.
      return (
        endsWithSeparator ||
        /^(\.\.|[-~–—,])/.test(word) ||
        /^\d{1,2}일/.test(word) ||
        continuesPlainDays(listWordsAsCommas(value), listedDay(word)) ||
        // "dates:tue and thu", "dates:다음 주 화요일하고 목요일": a list goes on after its list word.
        isListWord(word) ||
        endsInList(value) ||
        continuesDatesWithTime(value, word) ||
        // "dates:다음 주 화요일저녁": the day goes on the value, and the time written onto it with it.
        dayThenRest(word, (start) => continuesPlainDays(value, start) && continuesDatesWithTime('', word.slice(start.length))) !== undefined
      );
    case 'time':
      return endsWithSeparator || /^[-~–—,=]/.test(word) || continuesWindow(value, word);
    case 'remind':
      return endsWithSeparator || /^[-~–—,=]/.test(word);
    case 'deadline':
      return looksLikeClock(word) || /^[+-]\d{2}:?\d{2}$/.test(word) || LENGTH_PART.test(word);
    case 'duration':
    case 'slot':
      // "1시간 30분", "1h 30m": a length in two words.
      return LENGTH_PART.test(word);
    case 'desc':
    case 'title':
    case 'blocks':
      // Free text ("blocks:early morning,late night"): every word up to the next option belongs to it.
      // The title comes first ("create TITLE options…"), as the usage shows.
      return true;
    default:
      return false;
  }
}

/**
 * Text after "/yakjeong create" → raw options. Free words before the options (and quoted
 * phrases anywhere) make the title. A word right after an option's value that the option cannot
 * read is refused, naming it, rather than quietly joining the title ("create N dates:tomorrow
 * evning"); `afterOptions: 'title'` keeps such words as the title for a caller that refuses them itself.
 */
export function parseCreateText(tokens: Token[], settings: { afterOptions?: 'refuse' | 'title' } = {}): CreateOptions {
  const options: CreateOptions = {};
  const titleWords: string[] = [];
  let last: CreateOptionKey | undefined;
  for (const token of tokens) {
    const match = OPTION_TOKEN.exec(token.text);
    // A colon inside quotes belongs to the text ("Re: planning"), not to an option.
    if (match && match[1]!.length < token.quoteStart) {
      const key = ALIASES.get(match[1]!.toLowerCase());
      if (!key) throw new UserError('UNKNOWN_OPTION', { option: `${match[1]}:`, options: CREATE_OPTION_KEYS.join(', ') });
      if (options[key] !== undefined) throw new UserError('DUPLICATE_OPTION', { option: key });
      options[key] = match[2] ?? '';
      last = key;
      continue;
    }
    // "deadline: 24h": an option word with nothing after its colon takes the next word.
    if (last && !token.quoted && (options[last] === '' || continues(last, options[last] ?? '', token.text))) {
      options[last] = `${options[last]} ${token.text}`.trim();
      continue;
    }
    if (last && !token.quoted && settings.afterOptions !== 'title') {
      throw new UserError('OPTION_EXTRA_WORDS', { option: `${last}:`, value: options[last] ?? '', input: token.text });
    }
    titleWords.push(token.text);
    last = undefined;
  }
  if (titleWords.length > 0) {
    if (options.title !== undefined) throw new UserError('DUPLICATE_OPTION', { option: 'title' });
    options.title = titleWords.join(' ');
  }
  return options;
}
