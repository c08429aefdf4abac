/**
 * Slack text rules in one place: what arrives escaped is unescaped once, what leaves is
 * escaped once, and core's time/mention markers become Slack's own forms.
 */
import { renderTokens } from '../../src/core/views/format.js';

/** Slack escapes only these three in incoming text (slash command text, inputs). */
export function unescapeSlack(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/**
 * Escapes &, < and > so a title like "<!channel>" shows as text instead of pinging
 * everybody. Core's markers use ⟦ ⟧, so they survive and are rendered afterwards.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A Slack user id (U…/W…); anything else (a console "@name") is shown as plain text. */
const SLACK_USER_ID = /^[UW][A-Z0-9]{2,}$/;

/** UTC text for clients that cannot render a date token (notifications, old clients). */
function utcFallback(instant: number): string {
  return `${new Date(instant).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/**
 * A web address in core text (the "Add to Google Calendar" link). It stops at "|", which in a
 * Slack link starts the label: typed text must never dress a link up as something else.
 */
const URL_PATTERN = /https?:\/\/[^\s<>|⟦⟧]+/g;

/**
 * Escapes text but turns web addresses into Slack links, whose `&` must stay escaped as
 * `&amp;` inside the angle brackets.
 */
function escapeKeepingLinks(text: string): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(URL_PATTERN)) {
    out += escapeMrkdwn(text.slice(last, m.index)) + `<${escapeMrkdwn(m[0])}>`;
    last = m.index + m[0].length;
  }
  return out + escapeMrkdwn(text.slice(last));
}

/** Core text → Slack mrkdwn: escaped, links kept, dates shown in each reader's zone, people mentioned (unless `mentions: false`: then named). */
export function toMrkdwn(text: string, options: { mentions?: boolean } = {}): string {
  const mentions = options.mentions ?? true;
  return renderTokens(escapeKeepingLinks(text), {
    time: (ms) => `<!date^${Math.floor(ms / 1000)}^{date_short_pretty} {time}|${utcFallback(ms)}>`,
    user: (id, name) => (mentions && SLACK_USER_ID.test(id) ? `<@${id}>` : `@${escapeMrkdwn(name || id)}`),
  });
}

/** Core text → plain text (headers, button labels, modal errors), markers spelled out. */
export function toPlain(text: string): string {
  return renderTokens(text, {
    time: (ms) => utcFallback(ms),
    user: (_id, name) => `@${name}`,
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
