/**
 * Korean particles (조사) chosen for the word they follow, so no message has to hedge with
 * "은(는)". After a Hangul syllable es-hangul decides; after digits the number is read aloud
 * first, because the particle follows the sound ("3은" is 삼은, "2는" is 이는, "10은" is 십은),
 * which es-hangul does not do for digits. After Latin letters, codes or quoted input the sound
 * is unknowable ("Team" is 팀, "K7P2" ends in 투), so the Korean catalog phrases those sentences
 * with no particle after them, and asking for one here is a programming error.
 */
import { josa as hangulJosa } from 'es-hangul';

export type JosaPair = '은/는' | '이/가' | '을/를' | '와/과' | '으로/로' | '이에요/예요' | '이나/나';

/** How each digit is read, for the last digit of a number. */
const DIGIT_READING = ['영', '일', '이', '삼', '사', '오', '육', '칠', '팔', '구'];

/** The unit a number ending in zeros is read with, by how many zeros: 십, 백, 천, then 만/억/조/경 every four. */
function unitReading(zeros: number): string {
  if (zeros === 1) return '십';
  if (zeros === 2) return '백';
  if (zeros === 3) return '천';
  return ['만', '억', '조', '경'][Math.min(3, Math.floor(zeros / 4) - 1)]!;
}

/**
 * The last syllable of a number as it is read in Sino-Korean: "45" ends in 오, "10" in 십,
 * "2000" in 천, "0" in 영; after a decimal point digits are read one by one ("1.5" ends in 오).
 */
export function lastSyllableOfNumber(digits: string): string {
  const [whole = '', fraction] = digits.replace(/,/g, '').split('.');
  if (fraction) return DIGIT_READING[Number(fraction[fraction.length - 1])]!;
  const trimmed = whole.replace(/^0+/, '');
  if (trimmed === '') return '영';
  const zeros = trimmed.length - trimmed.replace(/0+$/, '').length;
  return zeros === 0 ? DIGIT_READING[Number(trimmed[trimmed.length - 1])]! : unitReading(zeros);
}

const HANGUL_SYLLABLE = /[\uAC00-\uD7A3]$/;
/** A number at the end, unless it ends a code or a Latin word ("K7P2", "v2"), which is read letter by letter. */
const NUMBER_AT_END = /(?:^|[^A-Za-z\d.,])(\d[\d,]*(?:\.\d+)?)$/;

/** What the particle is chosen by: the word itself, or the reading of the number it ends in. */
function soundOf(word: string): string {
  if (HANGUL_SYLLABLE.test(word)) return word;
  const number = NUMBER_AT_END.exec(word);
  if (number) return lastSyllableOfNumber(number[1]!);
  throw new Error(`No Korean particle can follow “${word}”: phrase the sentence so that none has to.`);
}

/** The particle alone: josaOf('점심', '은/는') is "은", josaOf(3, '은/는') is "은". */
export function josaOf(word: string | number, pair: JosaPair): string {
  return hangulJosa.pick(soundOf(String(word)), pair);
}

/** The word with its particle: withJosa('회의', '은/는') is "회의는", withJosa(2, '은/는') is "2는". */
export function withJosa(word: string | number, pair: JosaPair): string {
  return `${word}${josaOf(word, pair)}`;
}
