/** Splits command text into words, keeping quoted phrases ("…", “…”, '…') together. */
export interface Token {
  text: string;
  quoted: boolean;
  /** Index in `text` where the first quoted part begins (text.length when none). */
  quoteStart: number;
}

const QUOTES: Record<string, string> = { '"': '"', '“': '”', "'": "'", '‘': '’', '「': '」' };

export function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const s = input.trim();
  while (i < s.length) {
    while (i < s.length && /\s/.test(s[i]!)) i++;
    if (i >= s.length) break;
    let text = '';
    let quoted = false;
    let quoteStart = -1;
    while (i < s.length && !/\s/.test(s[i]!)) {
      const close = QUOTES[s[i]!];
      if (close) {
        const end = s.indexOf(close, i + 1);
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
