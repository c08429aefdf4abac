import { describe, expect, it } from 'vitest';
import { josaOf, lastSyllableOfNumber, withJosa } from '../../src/core/i18n/josa.js';

describe('Korean particles', () => {
  it('follow a Hangul syllable by its final consonant', () => {
    expect(withJosa('회의', '은/는')).toBe('회의는');
    expect(withJosa('점심', '은/는')).toBe('점심은');
    expect(withJosa('회의', '을/를')).toBe('회의를');
    expect(withJosa('점심', '이/가')).toBe('점심이');
    expect(withJosa('저녁', '와/과')).toBe('저녁과');
    expect(withJosa('45분', '은/는')).toBe('45분은');
    expect(withJosa('2시간', '이에요/예요')).toBe('2시간이에요');
  });

  it('take 로 after ㄹ and after a vowel, 으로 after any other final consonant', () => {
    expect(withJosa('서울', '으로/로')).toBe('서울로');
    expect(withJosa('회의', '으로/로')).toBe('회의로');
    expect(withJosa('점심', '으로/로')).toBe('점심으로');
  });

  it('follow digits by how the number is read: 3은 (삼), 10은 (십), 2는 (이)', () => {
    expect(withJosa(3, '은/는')).toBe('3은');
    expect(withJosa('10', '은/는')).toBe('10은');
    expect(withJosa(2, '은/는')).toBe('2는');
    expect(withJosa(4, '이/가')).toBe('4가');
    expect(withJosa(6, '을/를')).toBe('6을');
    expect(withJosa(9, '와/과')).toBe('9와');
    expect(withJosa(1, '으로/로')).toBe('1로');
    expect(withJosa(7, '으로/로')).toBe('7로');
    expect(withJosa(3, '으로/로')).toBe('3으로');
    expect(withJosa(45, '이에요/예요')).toBe('45예요');
    expect(withJosa('12/3', '이에요/예요')).toBe('12/3이에요');
  });

  it('read a number ending in zeros by its unit', () => {
    expect([0, 10, 20, 100, 1000, 10_000, 200_000, 100_000_000].map((n) => lastSyllableOfNumber(String(n)))).toEqual([
      '영', '십', '십', '백', '천', '만', '만', '억',
    ]);
    expect(lastSyllableOfNumber('1,000')).toBe('천');
    expect(lastSyllableOfNumber('07')).toBe('칠');
    expect(lastSyllableOfNumber('1.5')).toBe('오');
    expect(josaOf(1000, '이/가')).toBe('이');
    expect(josaOf(1002, '이/가')).toBe('가');
  });

  it('refuse to guess after Latin letters, codes or quotes', () => {
    for (const word of ['K7P2', 'v2', 'Team', '“회의”', '`code`', 'Asia/Seoul']) {
      expect(() => josaOf(word, '은/는')).toThrow(/phrase the sentence/);
    }
  });
});
