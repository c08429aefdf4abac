/**
 * Korean written without spaces ("내일저녁", "월수금오전", "12/3저녁"): where a word that begins
 * with a day goes on with something else. Answers and create's `dates:` split it the same way.
 */

/**
 * Where `word` splits into a day and the rest, at a place where Hangul meets Hangul, the longest
 * day first; undefined when no such split leaves a day (words without Hangul are never split).
 */
export function dayThenRest(word: string, isDay: (start: string) => boolean): number | undefined {
  if (!/[가-힣]/.test(word)) return undefined;
  for (let k = word.length - 1; k >= 1; k--) {
    if (!/[가-힣]/.test(word[k - 1]! + word[k]!)) continue;
    let day: boolean;
    try {
      day = isDay(word.slice(0, k));
    } catch {
      // A date that is wrong ("2/30저녁") is no day to split off; the whole word is refused as typed.
      day = false;
    }
    if (day) return k;
  }
  return undefined;
}
