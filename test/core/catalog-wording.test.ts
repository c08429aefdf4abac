/**
 * Every message in both languages, rendered with arguments that end in a vowel syllable, a
 * final-consonant syllable, digits and Latin letters: no hedged particle ("은(는)"), no English
 * unit in Korean prose, no particle after something whose sound is unknown, and no unfilled
 * placeholder. The walk covers core's catalogs and each platform's own string table.
 */
import { describe, expect, it } from 'vitest';
import { consoleStrings } from '../../adapters/console/strings.js';
import { discordStrings } from '../../adapters/discord/strings.js';
import { slackStrings } from '../../adapters/slack/strings.js';
import { COMMANDS } from '../../src/core/commands/builtin.js';
import type { Locale } from '../../src/core/domain/types.js';
import { en } from '../../src/core/i18n/en.js';
import { ExampleDates } from '../../src/core/i18n/example-dates.js';
import { josaOf } from '../../src/core/i18n/josa.js';
import { ko } from '../../src/core/i18n/ko.js';
import { renderRich, toRich, utcText, type Rich, type RichInput, type Span } from '../../src/core/views/rich.js';

interface Sample {
  /** Text arguments (titles, codes, names, typed input). */
  text: string;
  /** Number arguments (counts, limits, minutes). */
  n: number;
}

const SAMPLES: readonly Sample[] = [
  { text: '회의', n: 2 },
  { text: '점심', n: 3 },
  { text: '3', n: 10 },
  { text: '10', n: 1 },
  { text: 'K7P2', n: 45 },
  { text: 'Team', n: 120 },
  // ㄹ takes 로, not 으로; 90 minutes are hours and minutes.
  { text: '서울', n: 90 },
];

/** Parameters that are numbers, by name. */
const NUMBER_PARAMS = new Set(['n', 'part', 'parts', 'of', 'yes', 'maybe', 'm', 'd', 'y', 'waiting', 'minutes', 'answered', 'max', 'more', 'open']);
/** Error parameters that are numbers; every other error parameter is text. */
const NUMBER_ERROR_PARAMS = new Set(['count', 'max', 'length', 'before', 'left']);
/** Error parameters with a value of their own shape: an ISO date, weekday numbers (0 = Monday). */
const SHAPED_ERROR_PARAMS: Record<string, string | number> = {
  date: '2026-12-08',
  typed: 2,
  actual: 1,
  today: '2026-12-01',
  of: 'dates',
  slotMinutes: 30,
  longest: 5,
  days: 366,
  examples: '1h\n90m',
  example: '1h',
  starts: '2026-12-02 18:00\n2026-12-02 19:00',
  month: 2,
  mday: 30,
  year: 2026,
  namedWeekdays: '5,6',
  weekdays: '4,5',
  pollWeekdays: '0,1,2,3,4',
};
/** Parameters whose values pick a branch: each value is rendered. */
const CHOICE_PARAMS: Record<string, readonly string[]> = {
  kind: ['time', 'block', 'date'],
  _kind: ['time', 'block', 'date'],
  action: ['close', 'reopen', 'delete', 'pick'],
};
/** Parameters that are yes or no: the samples' numbers alternate them, so both branches render. */
const BOOLEAN_PARAMS = new Set(['anyAnswers']);
/** Parameters that are lists of people. */
const LIST_PARAMS = new Set(['people', 'persons']);
/** Parameters that are text: everything else a catalog function takes, named so a new one is noticed. */
const TEXT_PARAMS = new Set([
  'title', 'code', 'pollCode', 'who', 'when', 'names', 'tz', 'source', 'from', 'to', 'days', 'wd',
  'length', 'koreanWords', '_koreanWords', 'channel', 'owner', 'spans', 'hours', 'slot', 'dates', 'offered', 'example', 'answer', 'url',
]);

/** A function's parameter names, read from its source (the catalogs use plain arrow functions). */
function paramNames(fn: (...args: never[]) => unknown): string[] {
  const m = /^\s*(?:function[^(]*)?\(?([^)=]*?)\)?\s*=>/.exec(fn.toString()) ?? /^[^(]*\(([^)]*)\)/.exec(fn.toString());
  return (m?.[1] ?? '').split(',').map((s) => s.trim().replace(/[:=].*$/, '').trim()).filter(Boolean);
}

/** Error parameters: every key answers, so entries added later are rendered filled too. */
function errorParams(sample: Sample, choice: Record<string, string>): Record<string, string | number> {
  return new Proxy({} as Record<string, string | number>, {
    get: (_, key) =>
      typeof key !== 'string' ? undefined : key in choice ? choice[key] : Object.hasOwn(SHAPED_ERROR_PARAMS, key) ? SHAPED_ERROR_PARAMS[key] : NUMBER_ERROR_PARAMS.has(key) ? sample.n : sample.text,
    has: () => true,
  });
}

interface Rendered {
  path: string;
  rich: Rich;
}

function isRich(value: unknown): value is Rich {
  return Array.isArray(value) && value.some((v) => typeof v !== 'string');
}

/** Every combination of the choice parameters a function takes. */
function choiceCombos(names: readonly string[]): Array<Record<string, string>> {
  let combos: Array<Record<string, string>> = [{}];
  const keys = names.includes('p') ? Object.keys(CHOICE_PARAMS) : names.filter((n) => n in CHOICE_PARAMS);
  for (const key of keys) combos = combos.flatMap((c) => CHOICE_PARAMS[key]!.map((v) => ({ ...c, [key]: v })));
  return combos;
}

function argsFor(names: readonly string[], sample: Sample, choice: Record<string, string>): unknown[] {
  return names.map((name) => {
    if (name === 'p') return errorParams(sample, choice);
    // Example dates for usage texts, from a fixed today.
    if (name === 'examples') return new ExampleDates('2026-12-01');
    if (name in choice) return choice[name];
    if (LIST_PARAMS.has(name)) return [sample.text, '민지', 'Ann'];
    if (BOOLEAN_PARAMS.has(name)) return sample.n % 2 === 0;
    // Dates take a real month and day, so the month's name exists.
    if (name === 'm') return 1 + (sample.n % 12);
    if (name === 'd') return 1 + (sample.n % 28);
    if (name === 'y') return 2026;
    if (NUMBER_PARAMS.has(name)) return sample.n;
    if (TEXT_PARAMS.has(name)) return sample.text;
    throw new Error(`catalog-wording.test.ts: say what kind of value the parameter "${name}" takes`);
  });
}

/** Renders every entry of a string table: strings, rich text, lists of strings and functions. */
function renderAll(value: unknown, path: string, out: Rendered[]): Rendered[] {
  if (typeof value === 'string') out.push({ path, rich: [value] });
  else if (isRich(value)) out.push({ path, rich: value });
  else if (Array.isArray(value)) value.forEach((v, i) => renderAll(v, `${path}[${i}]`, out));
  else if (typeof value === 'function') {
    const fn = value as (...args: unknown[]) => unknown;
    const names = paramNames(fn);
    for (const sample of SAMPLES) {
      for (const choice of choiceCombos(names)) {
        const result = fn(...argsFor(names, sample, choice));
        const tag = `${path}(${sample.text}${Object.keys(choice).length ? ` ${JSON.stringify(choice)}` : ''})`;
        if (Array.isArray(result) && !isRich(result)) (result as unknown[]).forEach((r, i) => renderAll(r, `${tag}[${i}]`, out));
        else out.push({ path: tag, rich: toRich(result as RichInput) });
      }
    }
  } else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) renderAll(v, path ? `${path}.${key}` : key, out);
  }
  return out;
}

/** The whole text, code spans in backquotes as a reader sees them. */
function fullText(rich: Rich): string {
  return renderRich(rich, {
    text: (t) => t,
    bold: (inner) => inner,
    italic: (inner) => inner,
    code: (t) => `\`${t}\``,
    mention: (u) => `@${u.name}`,
    time: utcText,
    link: (url, label) => label ?? url,
  });
}

/** The prose only: code spans (and Slack's backquoted mrkdwn code) left out. */
function prose(rich: Rich): string {
  const strip = (spans: readonly Span[]): string =>
    spans
      .map((s) => (typeof s === 'string' ? s : 'bold' in s ? strip(s.bold) : 'italic' in s ? strip(s.italic) : 'code' in s ? ' ' : ''))
      .join('');
  return strip(rich).replace(/`[^`\n]*`/g, ' ');
}

const HEDGE = /\((?:은|는|을|를|이|가|와|과)\)|은\(는\)|을\(를\)|이\(가\)|와\(과\)|\(으\)로/;
const UNFILLED = /undefined|NaN|\$\{|\[object/;
const ENGLISH_UNIT = /\d+(?:\.\d+)?\s?(?:h|m|d|hrs?|mins?|minutes?|hours?|days?)(?![A-Za-z])/i;
/** Particles whose form depends on the sound before them. */
const PARTICLE = '(?:으로|이에요|예요|이나|은|는|을|를|이|가|과|와|로|나)';
const AFTER_UNKNOWN_SOUND = new RegExp(`[A-Za-z\`”"')\\]]${PARTICLE}(?![가-힣])`);
const AFTER_NUMBER = new RegExp(`([A-Za-z]?)(\\d[\\d,]*(?:\\.\\d+)?)(${PARTICLE})(?![가-힣])`, 'g');

const PAIRS = ['은/는', '이/가', '을/를', '와/과', '으로/로', '이에요/예요', '이나/나'] as const;
function pairOf(particle: string): (typeof PAIRS)[number] {
  return PAIRS.find((p) => p.split('/').includes(particle))!;
}

/** "core.errors.BAD_DATE" of "core.errors.BAD_DATE(회의 {…})[1]". */
function entryOf(path: string): string {
  return path.replace(/[([].*$/, '');
}

/** The messages failing a check, one per entry (the first sample that fails it), with their text. */
function failing(lang: 'en' | 'ko', fails: (r: Rendered) => string | undefined): string[] {
  const out = new Map<string, string>();
  for (const r of tables[lang]) {
    const why = out.has(entryOf(r.path)) ? undefined : fails(r);
    if (why !== undefined) out.set(entryOf(r.path), `${r.path}: ${why}`);
  }
  return [...out.values()];
}

/** The command table's words in one language: descriptions, option descriptions and choices, example notes. */
function commandWords(lang: Locale): Record<string, unknown> {
  return Object.fromEntries(
    COMMANDS.commands.map((command) => [
      command.id,
      {
        description: command.description[lang],
        options: Object.fromEntries(
          command.options.map(([name, option]) => [
            name,
            { description: option.description[lang], choices: option.type === 'string' ? (option.choices ?? []).map((c) => c.name[lang]) : [] },
          ]),
        ),
        notes: command.examples.map((e) => e.note?.[lang] ?? ''),
      },
    ]),
  );
}

function tablesOf(lang: Locale, core: typeof en): Rendered[] {
  return renderAll(
    { core, commands: commandWords(lang), slack: slackStrings(lang), console: consoleStrings(lang), discord: discordStrings(lang) },
    '',
    [],
  );
}

const tables = { en: tablesOf('en', en), ko: tablesOf('ko', ko) };

describe('catalog wording', () => {
  it('renders every entry of every table in both languages', () => {
    const entries = (lang: 'en' | 'ko') => new Set(tables[lang].map((r) => entryOf(r.path)));
    expect(entries('en').size).toBeGreaterThan(150);
    expect([...entries('ko')]).toEqual([...entries('en')]);
  });

  /** A check that fails a message when `re` finds something in `read(message)`. */
  const finds = (re: RegExp, read: (rich: Rich) => string) => (r: Rendered) => (re.test(read(r.rich)) ? read(r.rich) : undefined);

  /** A check that fails a message on the first particle that does not fit the word before it. */
  const misfits = (matches: (text: string) => RegExpMatchArray[], wrong: (m: RegExpMatchArray) => boolean) => (r: Rendered) => {
    const text = fullText(r.rich);
    const m = matches(text).find(wrong);
    return m ? `…${m[0]}… in ${text}` : undefined;
  };

  it.each(['en', 'ko'] as const)('%s: no placeholder is left unfilled', (lang) => {
    expect(failing(lang, finds(UNFILLED, fullText))).toEqual([]);
  });

  it('ko: no particle is hedged, like 은(는) or (으)로', () => {
    expect(failing('ko', finds(HEDGE, fullText))).toEqual([]);
  });

  it('ko: durations in prose are Korean (2시간, 30분, 3일); syntax in code spans stays as typed', () => {
    expect(failing('ko', finds(ENGLISH_UNIT, prose))).toEqual([]);
  });

  it('ko: no particle follows Latin letters, codes, quotes or code spans', () => {
    expect(failing('ko', finds(AFTER_UNKNOWN_SOUND, fullText))).toEqual([]);
  });

  it('ko: a particle after a number fits how the number is read (3은, 10은, 2는), and none follows a code', () => {
    const check = misfits((text) => [...text.matchAll(AFTER_NUMBER)], (m) => m[1] !== '' || josaOf(m[2]!, pairOf(m[3]!)) !== m[3]);
    expect(failing('ko', check)).toEqual([]);
  });

  it('ko: a particle after a Korean argument fits its last syllable (회의는, 점심은, 서울로)', () => {
    const after = new RegExp(`(회의|점심|서울)(${PARTICLE})(?![가-힣])`, 'g');
    const check = misfits((text) => [...text.matchAll(after)], (m) => josaOf(m[1]!, pairOf(m[2]!)) !== m[2]);
    expect(failing('ko', check)).toEqual([]);
  });

  it('the checks catch what they are for', () => {
    expect(HEDGE.test('“회의”은(는) 알 수 없어요')).toBe(true);
    expect(HEDGE.test('Asia/Seoul(으)로 바꿨어요')).toBe(true);
    expect(ENGLISH_UNIT.test(prose(['모임 길이 2h']))).toBe(true);
    expect(ENGLISH_UNIT.test(prose(['모임 길이 ', { code: 'duration:2h' }]))).toBe(false);
    expect(AFTER_UNKNOWN_SOUND.test(fullText(['“Team”은 알 수 없어요']))).toBe(true);
    expect(AFTER_UNKNOWN_SOUND.test(fullText([{ code: '/yakjeong list' }, '로 볼 수 있어요']))).toBe(true);
    expect(AFTER_UNKNOWN_SOUND.test(fullText([{ code: '/yakjeong list' }, ' 명령으로 볼 수 있어요']))).toBe(false);
    expect([...'3는 2는 K7P2는'.matchAll(AFTER_NUMBER)].map((m) => [m[1], m[2], m[3]])).toEqual([['', '3', '는'], ['', '2', '는'], ['P', '2', '는']]);
    expect(UNFILLED.test('최대 undefined명')).toBe(true);
  });
});
