import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cssFont, measureText } from '../../src/infra/heatmap/fonts.js';
import { cleanText, ellipsize } from '../../src/infra/heatmap/text.js';

const font = cssFont(400, 12);

describe('heatmap text fitting', () => {
  it('keeps text that fits and cuts text that does not, with an ellipsis', () => {
    expect(ellipsize(measureText, '김민수', font, 200)).toBe('김민수');
    const cut = ellipsize(measureText, 'A very long participant name that will not fit', font, 80);
    expect(cut.endsWith('…')).toBe(true);
    expect(measureText(cut, font)).toBeLessThanOrEqual(80);
  });

  it('drops emoji the font cannot draw but keeps names made only of emoji', () => {
    expect(cleanText('🎉 Party 🇰🇷')).toBe('Party');
    expect(cleanText('👩‍👩‍👧 family')).toBe('family');
    expect(cleanText('🚀🚀')).toBe('🚀🚀');
    expect(cleanText('line\nbreak\ttab')).toBe('line break tab');
    expect(cleanText('محمد عبد الله')).toBe('محمد عبد الله');
  });

  it('never exceeds the width, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), fc.integer({ min: 12, max: 300 }), (text, width) => {
        const out = ellipsize(measureText, text, font, width);
        expect(measureText(out, font)).toBeLessThanOrEqual(width);
      }),
      { numRuns: 200 },
    );
  });
});
