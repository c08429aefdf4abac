/**
 * Slack text rules in one place: what arrives escaped is unescaped once, and core's rich text
 * leaves as mrkdwn in which every piece of literal text is escaped once.
 */
import type { UserRef } from '../../src/core/domain/types.js';
import { renderRich, utcText, type RichInput } from '../../src/core/views/rich.js';

/** Slack escapes only these three in incoming text (slash command text, inputs). */
export function unescapeSlack(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Escapes &, < and > so a title like "<!channel>" shows as text instead of pinging everybody. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Literal text in mrkdwn: escaped, and its formatting marks kept from pairing up. mrkdwn has no
 * escape character, so a zero-width space on each side of a * _ ~ or ` that could open or close
 * formatting stops a typed "*dinner*" from turning bold while it still reads as typed. A mark
 * inside a word ("America/New_York") formats nothing in Slack and is left as it is.
 */
export function literalMrkdwn(text: string): string {
  const edge = (ch: string | undefined) => ch === undefined || !WORD_CHAR.test(ch);
  return escapeMrkdwn(text).replace(/[*_~`]/g, (mark, at: number, all: string) =>
    edge(all[at - 1]) || edge(all[at + 1]) ? `\u200B${mark}\u200B` : mark,
  );
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** A Slack user id (U…/W…); anything else (a console "@name") is shown as plain text. */
const SLACK_USER_ID = /^[UW][A-Z0-9]{2,}$/;

/**
 * A web address as the target of a `<…>` link: `&` escaped as Slack requires, and no character
 * left that could end the link early or start a label of its own.
 */
function linkTarget(url: string): string {
  return url
    .replace(/&/g, '&amp;')
    .replace(/[<>|\s]/g, (ch) => encodeURIComponent(ch));
}

export interface MrkdwnOptions {
  /** Mention people (default); false names them instead, for text that must not ping again. */
  mentions?: boolean;
}

/**
 * Core rich text → Slack mrkdwn: literal text escaped, dates shown in each reader's zone
 * (with UTC for clients that cannot), people mentioned only by a real Slack user id.
 */
export function toMrkdwn(text: RichInput, options: MrkdwnOptions = {}): string {
  const mentions = options.mentions ?? true;
  const person = (user: UserRef) => (mentions && SLACK_USER_ID.test(user.id) ? `<@${user.id}>` : `@${literalMrkdwn(user.name || user.id)}`);
  return renderRich(text, {
    text: literalMrkdwn,
    bold: (inner) => (inner ? `*${inner}*` : ''),
    italic: (inner) => (inner ? `_${inner}_` : ''),
    // mrkdwn has no escape for a backtick inside code; a look-alike keeps the code span whole.
    code: (code) => (code ? `\`${escapeMrkdwn(code).replace(/`/g, 'ˋ')}\`` : ''),
    mention: person,
    time: (ms, { until }) => {
      const start = `<!date^${Math.floor(ms / 1000)}^{date_short_pretty} {time}|${utcText(ms)}>`;
      return until === undefined ? start : `${start}–<!date^${Math.floor(until / 1000)}^{time}|${utcText(until)}>`;
    },
    // A label is literal text too: escaped, and without "|", which would split it.
    link: (url, label) => (label ? `<${linkTarget(url)}|${escapeMrkdwn(label).replace(/\|/g, '')}>` : `<${linkTarget(url)}>`),
  });
}

// Slack's limits are counted conservatively here in UTF-16 code units (JavaScript's
// `length`): an emoji outside the BMP counts as two, so a cut text is never too long.

/** Markup a cut must not split: `<!date^…|…>`, `<@U…>`, `<https://…>`, `<#C…>` and `&amp;`-style entities. */
const MRKDWN_ATOM = /<[^<>\n]*>|&(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);/g;

export type TextKind = 'mrkdwn' | 'plain';

/**
 * The latest index at or before `at` where `text` may be cut: never between the two halves
 * of a surrogate pair and, in mrkdwn, never inside a Slack token or an HTML entity. May be 0
 * when the text opens with a token longer than `at`.
 */
function safeCut(text: string, at: number, kind: TextKind): number {
  let cut = Math.max(0, Math.min(at, text.length));
  if (cut > 0 && cut < text.length && isHighSurrogate(text.charCodeAt(cut - 1)) && isLowSurrogate(text.charCodeAt(cut))) cut--;
  if (kind === 'plain') return cut;
  for (const m of text.matchAll(MRKDWN_ATOM)) {
    const start = m.index;
    if (start >= cut) break;
    if (start + m[0].length > cut) return start;
  }
  return cut;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * Cuts text to a Slack limit (UTF-16 units, the "…" included). An emoji is never split, and
 * in mrkdwn neither is a date, mention or link token nor an `&amp;` entity: one that would
 * straddle the limit is left out whole.
 */
export function truncate(text: string, max: number, kind: TextKind = 'mrkdwn'): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  return `${text.slice(0, safeCut(text, max - 1, kind))}…`;
}

/**
 * Splits long mrkdwn into pieces of at most `max` UTF-16 units, at line breaks where
 * possible, so a long result list becomes several sections instead of an invalid block. A
 * line longer than `max` is cut where no token, entity or emoji is split.
 */
export function splitText(text: string, max: number): string[] {
  if (text.length <= max) return [text];
  const pieces: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    const candidate = current ? `${current}\n${line}` : line;
    if (candidate.length <= max) {
      current = candidate;
      continue;
    }
    if (current) pieces.push(current);
    current = '';
    let rest = line;
    while (rest.length > max) {
      let cut = safeCut(rest, max, 'mrkdwn');
      // A single token longer than a whole piece cannot be kept whole; split it rather than loop.
      if (cut === 0) cut = safeCut(rest, max, 'plain') || max;
      pieces.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    current = rest;
  }
  if (current) pieces.push(current);
  return pieces;
}

/**
 * Cuts plain text to `max` but keeps a trailing " · CODE" (a poll code ends every header), so
 * a long title gives way in the middle and the code people type stays visible.
 */
export function truncateKeepingTail(text: string, max: number): string {
  if (text.length <= max) return text;
  const tail = / · [A-Za-z0-9]{1,12}$/.exec(text)?.[0];
  if (!tail || tail.length + 2 > max) return truncate(text, max, 'plain');
  const head = text.slice(0, text.length - tail.length);
  return `${truncate(head, max - tail.length, 'plain')}${tail}`;
}
