/**
 * The day or time word a mistyped one was most likely meant to be ("tomorow" → "tomorrow",
 * "wendesday" → "wednesday", "저녘" → "저녁"), for a refusal to offer. Only a word one slip away
 * (two in a long word) and closer to one word than to any other is offered: a guess that could be
 * two words helps nobody.
 */
import { disassemble } from 'es-hangul';

/** Words the grammar reads, as a person would be told to type them. */
const KNOWN = [
  'today', 'tomorrow', 'tonight', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'weekend', 'weekends', 'weekday', 'weekdays', 'morning', 'mornings', 'afternoon', 'afternoons', 'evening', 'evenings',
  'night', 'nights', 'lunch', 'noon', 'midnight', 'next', 'this', 'week', 'after', 'before', 'every',
  '오늘', '내일', '모레', '오늘밤', '주말', '평일', '오전', '오후', '저녁', '점심', '다음', '이번', '다음주', '이번주', '다다음', '다다음주', '매주',
  '월요일', '화요일', '수요일', '목요일', '금요일', '토요일', '일요일', '이후', '이전', '종일', '하루종일',
];

/** Edits between two words, a swap of neighbours counting as one ("wendesday"). */
function distance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
    }
  }
  return rows[a.length]![b.length]!;
}

/**
 * Hangul syllables are compared as their letters (펑 as ㅍㅓㅇ), so "펑일" is one slip from "평일"
 * and two from "종일": a whole syllable is too coarse a unit to tell them apart.
 */
const letters = (word: string): string => disassemble(word);

const KNOWN_LETTERS = KNOWN.map((known) => [known, letters(known)] as const);

/** The known word `word` was most likely meant to be, or undefined when none is close or two are as close. */
export function closeWord(word: string): string | undefined {
  const typed = word.trim().toLowerCase();
  // One letter or syllable is too little to guess from; a long word is only looked at to be refused.
  if ([...typed].length < 2 || typed.length > 20 || /\d/.test(typed)) return undefined;
  const w = letters(typed);
  const allowed = w.length >= 6 ? 2 : 1;
  let best: string | undefined;
  let bestDistance = allowed + 1;
  let tie = false;
  for (const [known, spelled] of KNOWN_LETTERS) {
    if (known === typed || Math.abs(spelled.length - w.length) > allowed) continue;
    const d = distance(w, spelled);
    if (d < bestDistance) [best, bestDistance, tie] = [known, d, false];
    else if (d === bestDistance) tie = true;
  }
  return best !== undefined && !tie ? best : undefined;
}

/** Whether a suggested word names days rather than a time of day. */
export function isDayWord(word: string): boolean {
  return /^(today|tomorrow|tonight|.*day|weekends?|weekdays?|next|this|week|every|오늘|내일|모레|오늘밤|주말|평일|다음|이번|다음주|이번주|다다음|다다음주|매주|.요일)$/.test(word);
}
