/** Short poll codes: 4 characters, growing to 5 and 6 only when the store reports collisions. */
const CODE_LETTERS = 'ABCDEFGHJKMNPQRSTUVWXYZ';
const CODE_DIGITS = '23456789';

/** A generator for one poll: each call is a fresh attempt, longer after repeated collisions. */
export function pollCodeGenerator(random: () => number): () => string {
  let attempts = 0;
  return () => {
    attempts++;
    const length = attempts <= 5 ? 4 : attempts <= 10 ? 5 : 6;
    const pick = (alphabet: string) => alphabet[Math.floor(random() * alphabet.length)]!;
    const chars = Array.from({ length }, () => pick(CODE_LETTERS + CODE_DIGITS));
    // At least one letter and one digit, so a code never reads as a word or a number.
    const letterAt = Math.floor(random() * length);
    const digitAt = (letterAt + 1 + Math.floor(random() * (length - 1))) % length;
    chars[letterAt] = pick(CODE_LETTERS);
    chars[digitAt] = pick(CODE_DIGITS);
    return chars.join('');
  };
}

/**
 * Poll codes are 4–6 letters and digits with at least one of each, so they never collide
 * with words (none, mon) or numbers (pick 1, 2026).
 */
const CODE_PATTERN = /^(?=[A-Za-z0-9]*[A-Za-z])(?=[A-Za-z0-9]*\d)[A-Za-z0-9]{4,6}$/;

export function isPollCode(word: string): boolean {
  return CODE_PATTERN.test(word);
}
