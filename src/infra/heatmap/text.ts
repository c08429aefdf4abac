/** Fitting user text (titles, names, labels) into measured widths. */
import type { Measure } from './fonts.js';

const ELLIPSIS = '…';
/** Anything longer is cut before measuring: no label is ever wider than a few hundred characters. */
const MAX_GRAPHEMES = 240;

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Pictographic emoji (with their modifiers, joiners and keycaps). Pretendard has no glyphs
 * for them and we draw with no other font, so they would come out as boxes, or as whatever
 * the host happens to have installed.
 */
const PICTOGRAPH = '[\\u{1F000}-\\u{1FAFF}](?:\\u{FE0F}|[\\u{1F3FB}-\\u{1F3FF}])*';
const JOINED = '(?:\\u{200D}[\\u{1F000}-\\u{1FAFF}\\u{2600}-\\u{27BF}]\\u{FE0F}?)*';
const EMOJI = new RegExp(`${PICTOGRAPH}${JOINED}|[\\u{E0020}-\\u{E007F}\\u{20E3}\\u{FE0F}]`, 'gu');

/** User-supplied text on one line: control characters and line breaks become spaces, emoji go. */
export function cleanText(text: string): string {
  const oneLine = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ');
  const plain = oneLine.replace(EMOJI, '').replace(/\s{2,}/g, ' ').trim();
  // A name made only of emoji keeps them: a box is better than no name at all.
  return plain || oneLine.trim();
}

/** Grapheme clusters, so a cut never splits an emoji, a flag or a Hangul syllable. */
export function graphemes(text: string): string[] {
  const out: string[] = [];
  for (const { segment } of segmenter.segment(text)) {
    out.push(segment);
    if (out.length > MAX_GRAPHEMES) break;
  }
  return out;
}

/** The text, or its longest prefix that fits with an ellipsis. */
export function ellipsize(measure: Measure, text: string, font: string, maxWidth: number): string {
  // Nothing drawn is wider than 1,000 px; a pasted novel is cut before it is measured.
  const clean = cleanText(text.length > 2000 ? text.slice(0, 2000) : text);
  if (maxWidth <= 0) return '';
  if (measure(clean, font) <= maxWidth) return clean;
  const parts = graphemes(clean);
  let lo = 0;
  let hi = parts.length;
  // Largest n such that parts[0..n) + ellipsis fits.
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(parts.slice(0, mid).join('').trimEnd() + ELLIPSIS, font) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  if (lo === 0) return measure(ELLIPSIS, font) <= maxWidth ? ELLIPSIS : '';
  return parts.slice(0, lo).join('').trimEnd() + ELLIPSIS;
}

/** The first candidate that fits, else the last one ellipsized. */
export function fitFirst(measure: Measure, candidates: readonly string[], font: string, maxWidth: number): string {
  for (const candidate of candidates) {
    if (measure(candidate, font) <= maxWidth) return candidate;
  }
  return ellipsize(measure, candidates[candidates.length - 1] ?? '', font, maxWidth);
}
