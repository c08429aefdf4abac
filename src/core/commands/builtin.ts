/** Yakjeong's commands, one entry each. Order is the order of help and of Discord's list. */
import { UserError } from '../errors.js';
import { SLOT_MINUTES } from '../domain/slots.js';
import { CREATE_OPTION_KEYS, parseCreateText, type CreateOptionKey, type CreateOptions } from '../grammar/create-options.js';
import { isPollCode } from '../domain/poll-code.js';
import { ANSWER_TEXT_CAP, MAX_ANSWER_TEXT, MAX_DESCRIPTION, MAX_TITLE } from '../grammar/bounds.js';
import { tokenize, type Token } from '../grammar/tokens.js';
import { parseYesNo } from '../grammar/values.js';
import type { UsualWeekRequest } from '../engine/usual-week-use-cases.js';
import { CommandTable, defineCommand, type InvocationOf, type OptionSpec, type OptionValues } from './spec.js';

const CODE: OptionSpec = {
  type: 'string',
  description: { en: 'Poll code, e.g. K7P2 (default: the newest open poll here)', ko: '투표 코드, 예: K7P2 (생략하면 이 채널의 최근 투표)' },
  autocomplete: true,
  maxLength: 12,
};

/** Every create option of the grammar, typed; the Record type keeps this in step with CREATE_OPTION_KEYS. */
const CREATE_OPTIONS: Record<CreateOptionKey, OptionSpec> = {
  title: { type: 'string', description: { en: 'Poll title (leave everything empty for a form)', ko: '투표 제목 (모두 비우면 입력 창이 열려요)' }, maxLength: MAX_TITLE },
  desc: { type: 'string', description: { en: 'Description shown under the title', ko: '제목 아래에 보일 설명' }, maxLength: MAX_DESCRIPTION },
  kind: {
    type: 'string',
    description: { en: 'Kind of poll (default: time when hours are given)', ko: '투표 종류 (시간 범위를 주면 기본은 시간 투표)' },
    choices: [
      { value: 'time', name: { en: 'time slots', ko: '시간' } },
      { value: 'block', name: { en: 'named blocks', ko: '구간' } },
      { value: 'date', name: { en: 'whole days', ko: '날짜' } },
    ],
  },
  // Registered once with Discord, so no example here may name a year: month/day means the next such date.
  dates: { type: 'string', description: { en: 'Dates: 12/1-12/5, 12/1,12/3 or mon-fri', ko: '날짜: 12/1-12/5, 12/1,12/3 또는 월-금' }, maxLength: 400 },
  time: { type: 'string', description: { en: 'Daily hours, e.g. 18:00-22:00', ko: '하루 중 시간 범위, 예: 18:00-22:00' }, maxLength: 40 },
  slot: {
    type: 'string',
    description: { en: 'Slot size (default 30 minutes)', ko: '칸 크기 (기본 30분)' },
    choices: SLOT_MINUTES.map((m) => ({
      value: `${m}m`,
      name: m < 60 ? { en: `${m} minutes`, ko: `${m}분` } : { en: m === 60 ? '1 hour' : `${m / 60} hours`, ko: `${m / 60}시간` },
    })),
  },
  blocks: { type: 'string', description: { en: 'Blocks: morning,evening or lunch=12:00-13:00,dinner=18:00-21:00', ko: '구간: 오전,오후 또는 점심=12:00-13:00,저녁=18:00-21:00' }, maxLength: 400 },
  deadline: {
    type: 'string',
    description: { en: 'Deadline: a delay like 24h or 3d, or a date and time as YYYY-MM-DD 18:00', ko: '마감: 24시간, 3일처럼 지금부터 얼마 뒤, 또는 YYYY-MM-DD 18:00 형식의 날짜와 시각' },
    maxLength: 60,
  },
  tz: { type: 'string', description: { en: 'Time zone of the poll (default: yours), e.g. Asia/Seoul', ko: '투표 시간대 (기본: 내 시간대), 예: Asia/Seoul' }, autocomplete: true, maxLength: 60 },
  duration: { type: 'string', description: { en: 'Meeting length: 1h or 90m; 2 (blocks); 2d (date polls)', ko: '모임 길이: 1시간, 90분 · 구간 투표는 2 · 날짜 투표는 2일' }, maxLength: 20 },
  max: { type: 'integer', description: { en: 'Most people who may answer', ko: '응답할 수 있는 최대 인원' }, min: 1, max: 1000 },
  with: { type: 'string', description: { en: 'People expected to answer: @alice @bob', ko: '응답할 사람: @민지 @준호' }, maxLength: 1000 },
  must: { type: 'string', description: { en: 'People who must be free: @alice', ko: '꼭 있어야 하는 사람: @민지' }, maxLength: 1000 },
  remind: { type: 'string', description: { en: 'Reminders before the deadline: 24h,1h', ko: '마감 전 알림: 24시간,1시간' }, maxLength: 60 },
  hidden: { type: 'boolean', description: { en: 'Hide results until the poll closes', ko: '마감 전까지 결과 숨기기' } },
};

// ── argument helpers shared by the entries ────────────────────────────────────

/** A typed option's value as the text grammar would have it (booleans as yes/no), or nothing when empty. */
export function optionText(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  if (value === undefined) return undefined;
  const s = typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value).trim();
  return s === '' ? undefined : s;
}

interface CodeArg {
  code?: string;
}

function codeOption(values: OptionValues): CodeArg {
  const c = optionText(values, 'code');
  return c ? { code: c.toUpperCase() } : {};
}

/** "11am", "10pm", "1130pm": a time, though shaped like a code (generated codes never look like this). */
const CLOCK_WORD = /^\d{1,4}(?:am|pm)$/i;

/** A leading poll code, if the first word is one. */
function takeCode(tokens: Token[]): CodeArg & { rest: Token[] } {
  const first = tokens[0];
  if (first && !first.quoted && isPollCode(first.text) && !CLOCK_WORD.test(first.text)) return { code: first.text.toUpperCase(), rest: tokens.slice(1) };
  return { rest: tokens };
}

function rejectExtra(command: string, rest: Token[]): void {
  const extra = rest[0];
  if (!extra) return;
  const word = extra.text.slice(0, 40);
  // A code-shaped word is a code that does not exist; anything else is a word we did not expect.
  if (isPollCode(word)) throw new UserError('POLL_NOT_FOUND', { code: word.toUpperCase() });
  throw new UserError('EXTRA_WORDS', { input: word, command });
}

/** A command whose only argument is an optional poll code. */
function codeOnly(command: string) {
  return {
    options: [['code', CODE]] as const,
    parse: (args: Token[]): CodeArg => {
      const { code, rest } = takeCode(args);
      rejectExtra(command, rest);
      return code ? { code } : {};
    },
    fromOptions: codeOption,
  };
}

/** `list` and `help` take no arguments; words after them are ignored, as they always were. */
const noArgs = { options: [], parse: () => ({}), fromOptions: () => ({}) };

// ── the table ────────────────────────────────────────────────────────────────

const create = defineCommand({
  id: 'create',
  aliases: { en: ['new'], ko: ['만들기', '생성'] },
  description: { en: 'Start a scheduling poll (no options: open a form)', ko: '일정 투표 만들기 (옵션 없이: 입력 창)' },
  options: CREATE_OPTION_KEYS.map((key) => [key, CREATE_OPTIONS[key]] as const),
  examples: [
    {
      text: (d) => ({
        en: `/yakjeong create TITLE dates:${d.md(0)}-${d.md(4)} time:09:00-18:00 slot:30m`,
        ko: `/yakjeong create 제목 dates:${d.md(0)}-${d.md(4)} time:09:00-18:00 slot:30m`,
      }),
      note: { en: 'a time poll', ko: '시간 투표' },
    },
    {
      text: {
        en: '/yakjeong create TITLE dates:mon-fri blocks:lunch=12:00-13:00,dinner=18:00-21:00',
        ko: '/yakjeong create 제목 dates:월-금 blocks:점심=12:00-13:00,저녁=18:00-21:00',
      },
      note: { en: 'a block poll, weekly', ko: '구간 투표 (매주)' },
    },
    {
      text: (d) => ({
        en: `/yakjeong create TITLE kind:date dates:${d.iso(0)}..${d.iso(19)} duration:2d`,
        ko: `/yakjeong create 제목 kind:date dates:${d.iso(0)}..${d.iso(19)} duration:2d`,
      }),
      note: { en: 'a date poll', ko: '날짜 투표' },
    },
    {
      text: (d) => `desc:… tz:Asia/Seoul deadline:${d.deadline()}|24h duration:1h max:8 with:@a @b must:@a remind:24h,1h hidden:yes`,
      note: { en: 'more options', ko: '그 밖의 옵션' },
      continues: true,
    },
  ],
  parse: (args): { options: CreateOptions } => ({ options: parseCreateText(args) }),
  fromOptions: (values) => {
    const options: CreateOptions = {};
    for (const key of CREATE_OPTION_KEYS) {
      const value = optionText(values, key);
      if (value !== undefined) options[key] = value;
    }
    return { options };
  },
  run: ({ engine, actor }, { options }) => engine.polls.createOrOpenForm(actor, options),
});

const answer = defineCommand({
  id: 'answer',
  aliases: { en: ['respond'], ko: ['응답'] },
  description: { en: 'Answer by text, e.g. 12/1 18:00-20:00 maybe:12/2', ko: '글로 응답, 예: 12/1 18:00-20:00 maybe:12/2' },
  options: [
    ['spec', { type: 'string', required: true, description: { en: 'When you are free; "none" clears your answer', ko: '되는 시간 (none: 응답 지우기)' }, maxLength: MAX_ANSWER_TEXT }],
    ['code', CODE],
  ],
  examples: [
    {
      text: (d) => `/yakjeong answer [CODE] ${d.iso(0)} 09:00-11:00, ${d.md(1)} 14:00-15:00 maybe:${d.md(2)} 10:00-12:00`,
      note: { en: 'answer by text (none clears your answer)', ko: '글로 응답 (none: 응답 지우기)' },
    },
  ],
  textCap: ANSWER_TEXT_CAP,
  parse: (args): CodeArg & { spec: string } => {
    const { code, rest } = takeCode(args);
    const spec = rest.map((t) => t.text).join(' ');
    return code ? { code, spec } : { spec };
  },
  fromOptions: (values) => ({ spec: optionText(values, 'spec') ?? '', ...codeOption(values) }),
  run: ({ engine, actor, caps }, { code, spec }) => engine.answers.answer(actor, code, spec, caps),
});

const results = defineCommand({
  id: 'results',
  aliases: { en: ['result'], ko: ['결과'] },
  description: { en: 'Best times and the heatmap', ko: '가장 좋은 시간과 히트맵' },
  examples: [{ text: '/yakjeong results [CODE]' }],
  ...codeOnly('results'),
  run: ({ engine, actor }, { code }) => engine.polls.results(actor, code, 'channel'),
});

const list = defineCommand({
  id: 'list',
  aliases: { en: ['ls'], ko: ['목록'] },
  description: { en: 'Open polls in this channel', ko: '이 채널에서 진행 중인 투표' },
  examples: [{ text: '/yakjeong list' }],
  ...noArgs,
  run: ({ engine, actor }) => engine.polls.list(actor),
});

const close = defineCommand({
  id: 'close',
  aliases: { en: [], ko: ['마감'] },
  description: { en: 'Close a poll (creator or admin)', ko: '투표 마감 (만든 사람 또는 관리자)' },
  examples: [{ text: '/yakjeong close [CODE]' }],
  ...codeOnly('close'),
  run: ({ engine, actor }, { code }) => engine.polls.close(actor, code),
});

const reopen = defineCommand({
  id: 'reopen',
  aliases: { en: [], ko: ['다시열기'] },
  description: { en: 'Reopen a closed poll (creator or admin)', ko: '마감된 투표 다시 열기 (만든 사람 또는 관리자)' },
  options: [
    ['code', CODE],
    ['deadline', CREATE_OPTIONS.deadline],
  ],
  examples: [{ text: '/yakjeong reopen [CODE] deadline:24h', note: { en: 'reopen with a new deadline (creator or admin)', ko: '새 마감으로 다시 열기 (만든 사람 또는 관리자)' } }],
  parse: (args): CodeArg & { deadline?: string } => {
    const { code, rest } = takeCode(args);
    // Create's option grammar, so "deadline:12/1 18:00" reads the same in both; nothing else may follow.
    const { deadline, ...others } = parseCreateText(rest, { afterOptions: 'title' });
    const extra = others.title ?? Object.keys(others)[0];
    if (extra !== undefined) rejectExtra('reopen', tokenize(others.title ?? `${extra}:`));
    return { ...(code ? { code } : {}), ...(deadline ? { deadline } : {}) };
  },
  fromOptions: (values) => {
    const deadline = optionText(values, 'deadline');
    return { ...codeOption(values), ...(deadline ? { deadline } : {}) };
  },
  run: ({ engine, actor }, { code, deadline }) => engine.polls.reopen(actor, code, deadline),
});

const remove = defineCommand({
  id: 'delete',
  aliases: { en: ['remove'], ko: ['삭제'] },
  description: { en: 'Delete a poll (creator or admin)', ko: '투표 삭제 (만든 사람 또는 관리자)' },
  examples: [{ text: '/yakjeong delete [CODE]' }],
  ...codeOnly('delete'),
  run: ({ engine, actor }, { code }) => engine.polls.remove(actor, code),
});

const pick = defineCommand({
  id: 'pick',
  aliases: { en: ['choose'], ko: ['확정'] },
  description: { en: 'Fix the final time (creator or admin)', ko: '최종 시간 확정 (만든 사람 또는 관리자)' },
  options: [
    [
      'choice',
      {
        type: 'string',
        required: true,
        description: { en: 'A result number (1) or a start as YYYY-MM-DD 14:00', ko: '결과 번호 (1) 또는 YYYY-MM-DD 14:00 형식의 시작 시각' },
        maxLength: 60,
      },
    ],
    ['code', CODE],
  ],
  examples: [{ text: '/yakjeong pick [CODE] 1' }],
  parse: (args): CodeArg & { choice: string } => {
    const { code, rest } = takeCode(args);
    const choice = rest.map((t) => t.text).join(' ');
    return code ? { code, choice } : { choice };
  },
  fromOptions: (values) => ({ choice: optionText(values, 'choice') ?? '', ...codeOption(values) }),
  run: ({ engine, actor }, { code, choice }) => engine.polls.pick(actor, code, { text: choice }),
});

const tz = defineCommand({
  id: 'tz',
  aliases: { en: ['timezone'], ko: ['시간대'] },
  description: { en: 'Show or set your time zone', ko: '내 시간대 보기 또는 정하기' },
  options: [['zone', { type: 'string', description: { en: 'An IANA zone such as Asia/Seoul (empty: show yours)', ko: 'Asia/Seoul 같은 IANA 시간대 (비우면 지금 시간대 보기)' }, autocomplete: true, maxLength: 60 }]],
  examples: [{ text: '/yakjeong tz Asia/Kolkata', note: { en: 'set your time zone (without one: shows yours)', ko: '내 시간대 정하기 (비우면 지금 시간대 보기)' } }],
  parse: (args): { zone?: string } => {
    const zone = args.map((t) => t.text).join(' ').trim();
    return zone ? { zone } : {};
  },
  fromOptions: (values) => {
    const zone = optionText(values, 'zone');
    return zone ? { zone } : {};
  },
  run: ({ engine, actor }, { zone }) => engine.polls.timezone(actor, zone),
});

const history = defineCommand({
  id: 'history',
  aliases: { en: [], ko: ['기록'] },
  description: { en: 'Who changed which answer, and when', ko: '누가 언제 응답을 바꿨는지' },
  examples: [{ text: '/yakjeong history [CODE]' }],
  ...codeOnly('history'),
  run: ({ engine, actor }, { code }) => engine.polls.history(actor, code),
});

/** The words after `usual` that say what to do, in both languages. */
const USUAL_WORDS = new Map<string, 'set' | 'learn' | 'block' | 'clear'>([
  ['set', 'set'],
  ['설정', 'set'],
  ['learn', 'learn'],
  ['학습', 'learn'],
  ['block', 'block'],
  ['막기', 'block'],
  ['clear', 'clear'],
  ['지우기', 'clear'],
]);

function onOff(setting: 'learn' | 'block', input: string): UsualWeekRequest {
  const on = parseYesNo(input);
  if (on === undefined) throw new UserError('BAD_ON_OFF', { input: input.slice(0, 40), setting });
  return { action: setting, on };
}

const usual = defineCommand({
  id: 'usual',
  aliases: { en: ['week'], ko: ['평소'] },
  description: { en: 'Your usual week: see it, set it, learn on/off, block on/off', ko: '내 평소 일정: 보기, 직접 정하기, 학습 켜기/끄기, 막기 켜기/끄기' },
  // Discord: one of them at a time; with none, the week is shown.
  options: [
    ['set', { type: 'string', description: { en: 'Set it by hand: mon-fri 19:00-22:00', ko: '직접 정하기: 월-금 19:00-22:00' }, maxLength: 200 }],
    ['learn', { type: 'boolean', description: { en: 'Learn from your answers (off deletes what was learned)', ko: '응답에서 배우기 (끄면 배운 내용을 지워요)' } }],
    ['block', { type: 'boolean', description: { en: 'Picked meetings block your other polls', ko: '확정된 모임 시간을 다른 투표에서 막기' } }],
    ['clear', { type: 'boolean', description: { en: 'Forget your usual week', ko: '평소 일정 지우기' } }],
  ],
  examples: [
    { text: '/yakjeong usual', note: { en: 'your usual week, privately, with a picture', ko: '내 평소 일정 (나만 보기, 그림 포함)' } },
    { text: { en: '/yakjeong usual set mon-fri 19:00-22:00', ko: '/yakjeong usual set 월-금 19:00-22:00' }, note: { en: 'set it by hand', ko: '직접 정하기' } },
    { text: '/yakjeong usual learn off', note: { en: 'stop learning and delete what was learned', ko: '배우기를 끄고 배운 내용 지우기' } },
    { text: '/yakjeong usual block off', note: { en: 'picked meetings leave your other polls alone', ko: '확정된 모임이 다른 투표를 바꾸지 않게 하기' } },
    { text: '/yakjeong usual clear', note: { en: 'forget your usual week', ko: '평소 일정 지우기' } },
  ],
  parse: (args): { request: UsualWeekRequest } => {
    const [first, ...rest] = args;
    if (!first) return { request: { action: 'show' } };
    const word = USUAL_WORDS.get(first.text.toLowerCase());
    const text = rest.map((t) => t.text).join(' ').trim();
    if (word === 'set') {
      if (!text) throw new UserError('MISSING_USUAL_WEEK');
      return { request: { action: 'set', hours: text } };
    }
    if (word === 'learn' || word === 'block') return { request: onOff(word, text) };
    if (word === 'clear') return { request: { action: 'clear' } };
    // "usual mon-fri 19:00-22:00" without "set" says what set would; anything else is refused by set's own rule.
    return { request: { action: 'set', hours: args.map((t) => t.text).join(' ') } };
  },
  fromOptions: (values): { request: UsualWeekRequest } => {
    const hours = optionText(values, 'set');
    if (hours !== undefined) return { request: { action: 'set', hours } };
    for (const setting of ['learn', 'block'] as const) {
      const value = values[setting];
      if (typeof value === 'boolean') return { request: { action: setting, on: value } };
    }
    return { request: values.clear === true ? { action: 'clear' } : { action: 'show' } };
  },
  run: ({ engine, actor }, { request }) => engine.usualWeek.run(actor, request),
});

const help = defineCommand({
  id: 'help',
  aliases: { en: ['?'], ko: ['도움말'] },
  description: { en: 'How to use Yakjeong', ko: '약정 사용법' },
  examples: [{ text: '/yakjeong help' }],
  ...noArgs,
  run: ({ engine, actor }) => engine.polls.help(actor),
});

export const BUILTIN_COMMANDS = [create, answer, results, list, close, reopen, remove, pick, tz, history, usual, help] as const;

export const COMMANDS = new CommandTable(BUILTIN_COMMANDS);

/** Any of the built-in commands with its arguments: `{ type: 'close', code: 'K7P2' }`. */
export type Command = InvocationOf<(typeof BUILTIN_COMMANDS)[number]>;
