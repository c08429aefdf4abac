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

/** Core text → Slack mrkdwn: escaped, links kept, dates shown in each reader's zone, people mentioned. */
export function toMrkdwn(text: string): string {
  return renderTokens(escapeKeepingLinks(text), {
    time: (ms) => `<!date^${Math.floor(ms / 1000)}^{date_short_pretty} {time}|${utcFallback(ms)}>`,
    user: (id, name) => (SLACK_USER_ID.test(id) ? `<@${id}>` : `@${escapeMrkdwn(name || id)}`),
  });
}

/** Core text → plain text (headers, button labels, modal errors), markers spelled out. */
export function toPlain(text: string): string {
  return renderTokens(text, {
    time: (ms) => utcFallback(ms),
    user: (_id, name) => `@${name}`,
  });
}

/** Cuts text to a Slack limit, by code points so an emoji is never split. */
export function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/**
 * Splits long mrkdwn into pieces of at most `max` characters, at line breaks where
 * possible, so a long result list becomes several sections instead of an invalid block.
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
    current = line.length <= max ? line : '';
    if (line.length > max) {
      for (let i = 0; i < line.length; i += max) pieces.push(line.slice(i, i + max));
    }
  }
  if (current) pieces.push(current);
  return pieces;
}
