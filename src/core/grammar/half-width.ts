/**
 * Full-width forms, as Korean and Japanese input methods type them (１２/８, ７시～９시, the
 * ideographic space), read as the ASCII they stand for. Not NFKC: that would also turn "…" into
 * "..." and change letters in titles and quotes, which are the person's own text.
 */
const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/g;
const OFFSET = 0xfee0;

export function halfWidth(text: string): string {
  return text.replace(FULL_WIDTH, (c) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - OFFSET)));
}
