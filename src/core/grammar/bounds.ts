/**
 * How much text the grammar takes, checked before anything is parsed: each cap has its own error
 * code, so a title that is too long says so rather than failing as something else. The checks
 * look at lengths and count separators only, so a hostile line costs one pass, never a parse.
 */
import { UserError, type ErrorCode } from '../errors.js';
import { CREATE_OPTION_KEYS, type CreateOptionKey, type CreateOptions } from './create-options.js';

/** A poll's title, in characters. */
export const MAX_TITLE = 200;
/** A poll's description, in characters. */
export const MAX_DESCRIPTION = 1000;
/** People named in one `with:` or `must:` list. */
export const MAX_LISTED_PEOPLE = 100;
/** A typed answer, in characters (UTF-16 units: counted without reading the text). */
export const MAX_ANSWER_TEXT = 1000;
/** Any other create option, in characters. */
export const MAX_OPTION_TEXT = 2000;
/** A whole command line, in characters. */
export const MAX_COMMAND_TEXT = 8000;

/** Characters as people count them (code points), counted without building an array. */
function characters(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // A high surrogate followed by a low one is one character.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** The title as it will be kept: trimmed, runs of spaces made one. */
export function normalTitle(raw: string): string {
  return raw.trim().replace(/\s+/g, ' ');
}

function checkText(text: string, max: number, code: ErrorCode): void {
  // A string no longer than the cap in UTF-16 units is no longer in characters either.
  if (text.length <= max) return;
  const length = characters(text);
  if (length > max) throw new UserError(code, { max, length });
}

/** People in a mention list, counted by its separators (a list is refused before it is read). */
function listedPeople(list: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < list.length; i++) {
    const c = list.charCodeAt(i);
    const separator = c === 0x20 || c === 0x2c || c === 0x09 || c === 0x0a || c === 0x0d;
    if (!separator && !inWord) n++;
    inWord = !separator;
  }
  return n;
}

const PEOPLE_LISTS: ReadonlySet<CreateOptionKey> = new Set(['with', 'must']);

/** Every create option within its cap, whichever platform filled them. */
export function checkCreateBounds(raw: CreateOptions): void {
  if (raw.title !== undefined) checkText(normalTitle(raw.title), MAX_TITLE, 'TITLE_TOO_LONG');
  if (raw.desc !== undefined) checkText(raw.desc.trim(), MAX_DESCRIPTION, 'DESCRIPTION_TOO_LONG');
  for (const key of CREATE_OPTION_KEYS) {
    const value = raw[key];
    if (typeof value !== 'string' || key === 'title' || key === 'desc') continue;
    if (PEOPLE_LISTS.has(key)) {
      const count = listedPeople(value);
      if (count > MAX_LISTED_PEOPLE) throw new UserError('TOO_MANY_PEOPLE', { option: key, count, max: MAX_LISTED_PEOPLE });
    } else if (value.length > MAX_OPTION_TEXT) {
      throw new UserError('OPTION_TOO_LONG', { option: key, max: MAX_OPTION_TEXT, length: characters(value) });
    }
  }
}

/** A typed answer within its cap: checked before any of it is read. */
export function checkAnswerLength(text: string): void {
  checkText(text, MAX_ANSWER_TEXT, 'ANSWER_TOO_LONG');
}

/** What a command's words after its name may hold before they are split, and what it is called past that. */
export interface TextCap {
  max: number;
  code: ErrorCode;
  /** Characters allowed beyond `max` for words the cap is not about (a poll code before an answer). */
  room?: number;
}

export const COMMAND_TEXT_CAP: TextCap = { max: MAX_COMMAND_TEXT, code: 'COMMAND_TOO_LONG' };

/** An answer's words, with room for the poll code that may come first; the reader checks the answer itself. */
export const ANSWER_TEXT_CAP: TextCap = { max: MAX_ANSWER_TEXT, code: 'ANSWER_TOO_LONG', room: 8 };

/** The words after a command's name within their cap (the command's own, else the line's). */
export function checkCommandText(rest: string, cap: TextCap = COMMAND_TEXT_CAP): void {
  if (rest.length <= cap.max + (cap.room ?? 0)) return;
  throw new UserError(cap.code, { max: cap.max, length: characters(rest) });
}
