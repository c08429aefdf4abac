/**
 * Cutting text to Discord's length limits. Discord counts characters (code points), so text is
 * measured and cut by code points and never splits a surrogate pair; a cut never lands inside
 * markup that would break (<t:…>, <@…>, <#…>, a URL): such a token is dropped whole instead.
 */

/** Timestamps, user/role/channel mentions, custom emoji, and URLs (bare or in <…>). */
const ATOMIC = /<t:-?\d+(?::[tTdDfFR])?>|<(?:@[!&]?|#)\d+>|<a?:\w+:\d+>|<?https?:\/\/[^\s<>]+>?/g;

export function codePointLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/**
 * `text` if it has at most `max` code points, else a cut of it ending in "…" that has at most
 * `max`. The cut moves back to the start of any token it would split.
 */
export function truncate(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  if (max <= 0) return '';
  let cut = max - 1;
  // Token spans in code points; a token that does not fit whole goes entirely.
  let start = 0;
  let seen = 0;
  for (const m of text.matchAll(ATOMIC)) {
    start += codePointLength(text.slice(seen, m.index));
    seen = m.index + m[0].length;
    if (start >= cut) break;
    const end = start + codePointLength(m[0]);
    if (end > cut) {
      cut = start;
      break;
    }
    start = end;
  }
  return `${chars.slice(0, cut).join('').trimEnd()}…`;
}
