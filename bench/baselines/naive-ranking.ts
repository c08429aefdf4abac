/**
 * Baseline of the ranking figure, fixed once and never tuned (issue #11): the original plan's
 * algorithm as written. A count per ISO key in a Map, the minimum count over each sliding window,
 * a sort. It is an upper bound, not an answer: the minimum of per-slot counts is not the number of
 * people free for the whole window.
 */
export interface NaiveWindow {
  start: string;
  score: number;
}

/** `slotKeys`: every slot's ISO start in order; `people`: each person's free slots as ISO starts. */
export function naiveRanking(slotKeys: readonly string[], people: ReadonlyArray<readonly string[]>, length: number, limit = 3): NaiveWindow[] {
  const counts = new Map<string, number>();
  for (const free of people) {
    for (const key of free) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const windows: Array<{ start: number; score: number }> = [];
  for (let start = 0; start + length <= slotKeys.length; start++) {
    let score = Infinity;
    for (let i = start; i < start + length; i++) score = Math.min(score, counts.get(slotKeys[i]!) ?? 0);
    windows.push({ start, score });
  }
  windows.sort((a, b) => b.score - a.score || a.start - b.start);
  return windows.slice(0, limit).map((w) => ({ start: slotKeys[w.start]!, score: w.score }));
}
