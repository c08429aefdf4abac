/** Splits command text into words, keeping quoted phrases ("…", “…”, '…') together. */
export interface Token {
  text: string;
  quoted: boolean;
  /** Index in `text` where the first quoted part begins (text.length when none). */
  quoteStart: number;
}

/** A Map, as every table keyed by typed text is. */
const QUOTES = new Map<string, string>([
  ['"', '"'],
  ['“', '”'],
  ["'", "'"],
  ['‘', '’'],
  ['「', '」'],
]);

export function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const s = input.trim();
  // Where each closing quote last occurs: an opening quote past it has no partner, found without
  // scanning the rest of the line again (a line of unpaired quotes would otherwise take n² steps).
  const lastClose = new Map<string, number>();
  const closes = (close: string, from: number): number => {
    if (!lastClose.has(close)) lastClose.set(close, s.lastIndexOf(close));
    return lastClose.get(close)! >= from ? s.indexOf(close, from) : -1;
  };
  while (i < s.length) {
    while (i < s.length && /\s/.test(s[i]!)) i++;
    if (i >= s.length) break;
    let text = '';
    let quoted = false;
    let quoteStart = -1;
    while (i < s.length && !/\s/.test(s[i]!)) {
      const close = QUOTES.get(s[i]!);
      if (close) {
        const end = closes(close, i + 1);
        if (end > i) {
          if (quoteStart < 0) quoteStart = text.length;
          text += s.slice(i + 1, end);
          quoted = true;
          i = end + 1;
          continue;
        }
      }
      text += s[i];
      i++;
    }
    tokens.push({ text, quoted, quoteStart: quoteStart < 0 ? text.length : quoteStart });
  }
  return tokens;
}
