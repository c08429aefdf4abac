/** The /yakjeong text grammar → typed commands. One grammar for every platform. */
import { UserError } from '../errors.js';
import { parseCreateText, type CreateOptions } from './create-options.js';
import { tokenize, type Token } from './tokens.js';

export type Command =
  | { type: 'create'; options: CreateOptions }
  | { type: 'answer'; code?: string; spec: string }
  | { type: 'results'; code?: string }
  | { type: 'list' }
  | { type: 'close'; code?: string }
  /** A new deadline may come with it (`deadline:24h`); its reminders fire again. */
  | { type: 'reopen'; code?: string; deadline?: string }
  | { type: 'delete'; code?: string }
  | { type: 'pick'; code?: string; choice: string }
  | { type: 'tz'; zone?: string }
  | { type: 'history'; code?: string }
  | { type: 'help' };

export type CommandType = Command['type'];

/** Subcommand words, English and Korean. */
const SUBCOMMANDS: Record<string, CommandType> = {
  create: 'create',
  new: 'create',
  만들기: 'create',
  생성: 'create',
  answer: 'answer',
  respond: 'answer',
  응답: 'answer',
  results: 'results',
  result: 'results',
  결과: 'results',
  list: 'list',
  ls: 'list',
  목록: 'list',
  close: 'close',
  마감: 'close',
  reopen: 'reopen',
  다시열기: 'reopen',
  delete: 'delete',
  remove: 'delete',
  삭제: 'delete',
  pick: 'pick',
  choose: 'pick',
  확정: 'pick',
  tz: 'tz',
  timezone: 'tz',
  시간대: 'tz',
  history: 'history',
  기록: 'history',
  help: 'help',
  '?': 'help',
  도움말: 'help',
};

/**
 * Poll codes are 4–6 letters and digits with at least one of each, so they never collide
 * with words (none, mon) or numbers (pick 1, 2026).
 */
export const CODE_PATTERN = /^(?=[A-Za-z0-9]*[A-Za-z])(?=[A-Za-z0-9]*\d)[A-Za-z0-9]{4,6}$/;

export function isPollCode(word: string): boolean {
  return CODE_PATTERN.test(word);
}

function takeCode(tokens: Token[]): { code?: string; rest: Token[] } {
  const first = tokens[0];
  if (first && !first.quoted && isPollCode(first.text)) return { code: first.text.toUpperCase(), rest: tokens.slice(1) };
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

export function parseCommand(text: string): Command {
  const stripped = text.trim().replace(/^\/?yakjeong\b/i, '').trim();
  const tokens = tokenize(stripped);
  const head = tokens[0];
  if (!head) return { type: 'help' };
  const type = SUBCOMMANDS[head.text.toLowerCase()];
  if (!type) throw new UserError('UNKNOWN_SUBCOMMAND', { input: head.text.slice(0, 40) });
  const args = tokens.slice(1);
  switch (type) {
    case 'create':
      return { type, options: parseCreateText(args) };
    case 'answer': {
      const { code, rest } = takeCode(args);
      const spec = rest.map((t) => t.text).join(' ');
      return code ? { type, code, spec } : { type, spec };
    }
    case 'pick': {
      const { code, rest } = takeCode(args);
      const choice = rest.map((t) => t.text).join(' ');
      return code ? { type, code, choice } : { type, choice };
    }
    case 'tz': {
      const zone = args.map((t) => t.text).join(' ').trim();
      return zone ? { type, zone } : { type };
    }
    case 'list':
    case 'help':
      return { type };
    case 'reopen': {
      const { code, rest } = takeCode(args);
      // Create's option grammar, so "deadline:12/1 18:00" reads the same in both; nothing else may follow.
      const { deadline, ...others } = parseCreateText(rest);
      const extra = others.title ?? Object.keys(others)[0];
      if (extra !== undefined) rejectExtra(type, tokenize(others.title ?? `${extra}:`));
      return { type, ...(code ? { code } : {}), ...(deadline ? { deadline } : {}) };
    }
    case 'results':
    case 'close':
    case 'delete':
    case 'history': {
      const { code, rest } = takeCode(args);
      rejectExtra(type, rest);
      return code ? { type, code } : { type };
    }
  }
}
