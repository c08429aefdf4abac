/** The /yakjeong text grammar → a command of the table with its arguments. One grammar for every platform. */
import { COMMANDS, type Command } from '../commands/builtin.js';
import type { CommandTable, Invocation } from '../commands/spec.js';
import { UserError } from '../errors.js';
import { checkCommandText } from './bounds.js';
import { tokenize } from './tokens.js';

export type { Command } from '../commands/builtin.js';
export type CommandType = Command['type'];

/** Text of any built-in command → its invocation. */
export function parseCommand(text: string): Command;
/** Text → an invocation of a command of `table`. */
export function parseCommand(text: string, table: CommandTable): Invocation;
export function parseCommand(text: string, table: CommandTable = COMMANDS): Invocation {
  const stripped = text.trim().replace(/^\/?yakjeong\b/i, '').trim();
  // The command's name alone first, so its words are measured against its cap before any are split.
  const firstWord = /^\S*/.exec(stripped)![0];
  const named = table.byName(tokenize(firstWord)[0]?.text ?? '');
  checkCommandText(named ? stripped.slice(firstWord.length) : stripped, named?.textCap);
  const tokens = tokenize(stripped);
  const head = tokens[0];
  if (!head) return { type: 'help' };
  const command = table.byName(head.text);
  if (!command) throw new UserError('UNKNOWN_SUBCOMMAND', table.unknownCommandParams(head.text));
  return command.parse(tokens.slice(1));
}

/** "/yakjeong create" with no options asks for the create form rather than making a poll. */
export function asksForCreateForm(command: Command): boolean {
  return command.type === 'create' && Object.keys(command.options).length === 0;
}

/** Whether text is a bare "/yakjeong create" (false for anything that does not parse). */
export function textAsksForCreateForm(text: string): boolean {
  try {
    return asksForCreateForm(parseCommand(text));
  } catch {
    return false;
  }
}
