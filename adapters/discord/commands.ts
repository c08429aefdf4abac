/**
 * /yakjeong as a Discord slash command: subcommands and typed options derived from the shared
 * grammar (command types, create option keys), and the way back from a submitted command to the
 * grammar's Command, so a slash command does exactly what the same text would.
 */
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandInteractionDataBasicOption,
  type APIApplicationCommandInteractionDataOption,
  type APIApplicationCommandSubcommandOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { SLOT_MINUTES } from '../../src/core/domain/slots.js';
import type { Command, CommandType } from '../../src/core/grammar/command.js';
import { CREATE_OPTION_KEYS, type CreateOptionKey, type CreateOptions } from '../../src/core/grammar/create-options.js';

export const COMMAND_NAME = 'yakjeong';

/** English text with its Korean translation (Discord shows the one matching the client language). */
interface Text {
  en: string;
  ko: string;
}

type OptionSpec =
  | { type: 'string'; description: Text; required?: boolean; autocomplete?: boolean; maxLength?: number; choices?: Array<{ value: string; name: Text }> }
  | { type: 'integer'; description: Text; required?: boolean; min: number; max: number }
  | { type: 'boolean'; description: Text; required?: boolean };

const CODE: OptionSpec = {
  type: 'string',
  description: { en: 'Poll code, e.g. K7P2 (default: the newest open poll here)', ko: '투표 코드, 예: K7P2 (생략하면 이 채널의 최근 투표)' },
  autocomplete: true,
  maxLength: 12,
};

/** Every create option of the grammar, typed; the Record type keeps this in step with CREATE_OPTION_KEYS. */
const CREATE_OPTIONS: Record<CreateOptionKey, OptionSpec> = {
  title: { type: 'string', description: { en: 'Poll title (leave everything empty for a form)', ko: '투표 제목 (모두 비우면 입력 창이 열립니다)' }, maxLength: 200 },
  desc: { type: 'string', description: { en: 'Description shown under the title', ko: '제목 아래에 보일 설명' }, maxLength: 1000 },
  kind: {
    type: 'string',
    description: { en: 'Kind of poll (default: time when hours are given)', ko: '투표 종류 (시간을 주면 기본은 시간)' },
    choices: [
      { value: 'time', name: { en: 'time slots', ko: '시간' } },
      { value: 'block', name: { en: 'named blocks', ko: '구간' } },
      { value: 'date', name: { en: 'whole days', ko: '날짜' } },
    ],
  },
  dates: { type: 'string', description: { en: 'Dates: 12/1-12/5, 2026-12-01,2026-12-03 or mon-fri', ko: '날짜: 12/1-12/5, 2026-12-01,2026-12-03 또는 월-금' }, maxLength: 400 },
  time: { type: 'string', description: { en: 'Daily hours, e.g. 18:00-22:00', ko: '하루 시간대, 예: 18:00-22:00' }, maxLength: 40 },
  slot: {
    type: 'string',
    description: { en: 'Slot size (default 30 minutes)', ko: '칸 크기 (기본 30분)' },
    choices: SLOT_MINUTES.map((m) => ({
      value: `${m}m`,
      name: m < 60 ? { en: `${m} minutes`, ko: `${m}분` } : { en: m === 60 ? '1 hour' : `${m / 60} hours`, ko: `${m / 60}시간` },
    })),
  },
  blocks: { type: 'string', description: { en: 'Blocks: morning,evening or lunch=12:00-13:00,dinner=18:00-21:00', ko: '구간: 오전,오후 또는 점심=12:00-13:00,저녁=18:00-21:00' }, maxLength: 400 },
  deadline: { type: 'string', description: { en: 'Deadline: 2026-11-30T18:00, or a delay like 24h or 3d', ko: '마감: 2026-11-30T18:00 또는 24h, 3d 같은 남은 시간' }, maxLength: 60 },
  tz: { type: 'string', description: { en: 'Time zone of the poll (default: yours), e.g. Asia/Seoul', ko: '투표 시간대 (기본: 내 시간대), 예: Asia/Seoul' }, autocomplete: true, maxLength: 60 },
  duration: { type: 'string', description: { en: 'Meeting length: 1h or 90m; 2 (blocks); 2d (date polls)', ko: '모임 길이: 1h, 90m; 구간 수 2; 날짜 2d' }, maxLength: 20 },
  max: { type: 'integer', description: { en: 'Most people who may answer', ko: '응답할 수 있는 최대 인원' }, min: 1, max: 1000 },
  with: { type: 'string', description: { en: 'People expected to answer: @alice @bob', ko: '응답할 사람: @민지 @준호' }, maxLength: 1000 },
  must: { type: 'string', description: { en: 'People who must be free: @alice', ko: '꼭 있어야 하는 사람: @민지' }, maxLength: 1000 },
  remind: { type: 'string', description: { en: 'Reminders before the deadline: 24h,1h', ko: '마감 전 알림: 24h,1h' }, maxLength: 60 },
  hidden: { type: 'boolean', description: { en: 'Hide results until the poll closes', ko: '마감 전까지 결과 숨기기' } },
};

interface SubcommandSpec {
  description: Text;
  /** Required options first: Discord refuses a required option after an optional one. */
  options: Array<[string, OptionSpec]>;
}

/** Keyed by the grammar's command types, so a new command type fails to compile until it is added here. */
const SUBCOMMANDS: Record<CommandType, SubcommandSpec> = {
  create: {
    description: { en: 'Start a scheduling poll (no options: open a form)', ko: '일정 투표 만들기 (옵션 없이: 입력 창)' },
    options: CREATE_OPTION_KEYS.map((key) => [key, CREATE_OPTIONS[key]]),
  },
  answer: {
    description: { en: 'Answer by text, e.g. 12/1 18:00-20:00 maybe:12/2', ko: '글로 응답, 예: 12/1 18:00-20:00 maybe:12/2' },
    options: [
      ['spec', { type: 'string', required: true, description: { en: 'When you are free; "none" clears your answer', ko: '가능한 때; none 은 응답 지우기' }, maxLength: 1000 }],
      ['code', CODE],
    ],
  },
  results: { description: { en: 'Best times and the heatmap', ko: '가장 좋은 시간과 히트맵' }, options: [['code', CODE]] },
  list: { description: { en: 'Open polls in this channel', ko: '이 채널의 진행 중인 투표' }, options: [] },
  close: { description: { en: 'Close a poll (creator or admin)', ko: '투표 마감 (만든 사람 또는 관리자)' }, options: [['code', CODE]] },
  reopen: {
    description: { en: 'Reopen a closed poll (creator or admin)', ko: '마감된 투표 다시 열기 (만든 사람 또는 관리자)' },
    options: [
      ['code', CODE],
      ['deadline', CREATE_OPTIONS.deadline],
    ],
  },
  delete: { description: { en: 'Delete a poll (creator or admin)', ko: '투표 삭제 (만든 사람 또는 관리자)' }, options: [['code', CODE]] },
  pick: {
    description: { en: 'Fix the final time (creator or admin)', ko: '최종 시간 확정 (만든 사람 또는 관리자)' },
    options: [
      ['choice', { type: 'string', required: true, description: { en: 'A result number (1) or a start like 2026-12-01 14:00', ko: '결과 번호 (1) 또는 시작 시각, 예: 2026-12-01 14:00' }, maxLength: 60 }],
      ['code', CODE],
    ],
  },
  tz: {
    description: { en: 'Show or set your time zone', ko: '내 시간대 보기 또는 정하기' },
    options: [['zone', { type: 'string', description: { en: 'An IANA zone such as Asia/Seoul (empty: show yours)', ko: 'Asia/Seoul 같은 IANA 시간대 (비우면 현재 값)' }, autocomplete: true, maxLength: 60 }]],
  },
  history: { description: { en: 'Who changed which answer, and when', ko: '누가 언제 응답을 바꿨는지' }, options: [['code', CODE]] },
  help: { description: { en: 'How to use Yakjeong', ko: '약정 사용법' }, options: [] },
};

function basicOption(name: string, spec: OptionSpec): APIApplicationCommandBasicOption {
  const common = {
    name,
    description: spec.description.en,
    description_localizations: { ko: spec.description.ko },
    required: spec.required ?? false,
  };
  switch (spec.type) {
    case 'string':
    {
      const string = { ...common, type: ApplicationCommandOptionType.String, ...(spec.maxLength ? { max_length: spec.maxLength } : {}) } as const;
      // Discord refuses autocomplete together with choices; the types say so too.
      if (spec.autocomplete) return { ...string, autocomplete: true };
      if (!spec.choices) return string;
      return { ...string, choices: spec.choices.map((c) => ({ name: c.name.en, name_localizations: { ko: c.name.ko }, value: c.value })) };
    }
    case 'integer':
      return { ...common, type: ApplicationCommandOptionType.Integer, min_value: spec.min, max_value: spec.max };
    case 'boolean':
      return { ...common, type: ApplicationCommandOptionType.Boolean };
  }
}

/** The body for a bulk overwrite (PUT …/commands); assets/discord/commands.json is this, written out. */
export function commandDefinitions(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  const subcommands: APIApplicationCommandSubcommandOption[] = Object.entries(SUBCOMMANDS).map(([name, spec]) => ({
    type: ApplicationCommandOptionType.Subcommand,
    name,
    description: spec.description.en,
    description_localizations: { ko: spec.description.ko },
    options: spec.options.map(([optionName, option]) => basicOption(optionName, option)),
  }));
  return [
    {
      type: ApplicationCommandType.ChatInput,
      name: COMMAND_NAME,
      description: 'Find a time that works for everyone',
      description_localizations: { ko: '모두가 되는 시간 찾기' },
      // Guild channels only: polls belong to a channel, and a DM has no group to ask.
      contexts: [InteractionContextType.Guild],
      integration_types: [ApplicationIntegrationType.GuildInstall],
      options: subcommands,
    },
  ];
}

export type OptionValues = Record<string, string | number | boolean>;

/** The chosen subcommand and its option values; the focused option (autocomplete) is marked. */
export interface SubcommandCall {
  name: string;
  values: OptionValues;
  focused?: string;
}

export function readSubcommand(options: APIApplicationCommandInteractionDataOption[] | undefined): SubcommandCall | undefined {
  const sub = options?.[0];
  if (!sub || sub.type !== ApplicationCommandOptionType.Subcommand) return undefined;
  const values: OptionValues = {};
  let focused: string | undefined;
  for (const option of (sub.options ?? []) as APIApplicationCommandInteractionDataBasicOption[]) {
    if ('value' in option && (typeof option.value === 'string' || typeof option.value === 'number' || typeof option.value === 'boolean')) {
      values[option.name] = option.value;
    }
    if ('focused' in option && option.focused) focused = option.name;
  }
  return focused ? { name: sub.name, values, focused } : { name: sub.name, values };
}

function text(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  if (value === undefined) return undefined;
  const s = typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value).trim();
  return s === '' ? undefined : s;
}

function code(values: OptionValues): { code?: string } {
  const c = text(values, 'code');
  return c ? { code: c.toUpperCase() } : {};
}

/** A submitted /yakjeong subcommand → the grammar's Command (undefined: not one of ours). */
export function toCommand(call: SubcommandCall): Command | undefined {
  const { values } = call;
  switch (call.name) {
    case 'create': {
      const options: CreateOptions = {};
      for (const key of CREATE_OPTION_KEYS) {
        const value = text(values, key);
        if (value !== undefined) options[key] = value;
      }
      return { type: 'create', options };
    }
    case 'answer':
      return { type: 'answer', spec: text(values, 'spec') ?? '', ...code(values) };
    case 'pick':
      return { type: 'pick', choice: text(values, 'choice') ?? '', ...code(values) };
    case 'tz': {
      const zone = text(values, 'zone');
      return zone ? { type: 'tz', zone } : { type: 'tz' };
    }
    case 'reopen': {
      const deadline = text(values, 'deadline');
      return { type: 'reopen', ...code(values), ...(deadline ? { deadline } : {}) };
    }
    case 'results':
    case 'close':
    case 'delete':
    case 'history':
      return { type: call.name, ...code(values) };
    case 'list':
    case 'help':
      return { type: call.name };
    default:
      return undefined;
  }
}
