/** Groups slots into runs people read as one stretch ("Tue 09:00–11:00" rather than four slots). */
import { slotsAdjacent } from '../domain/adjacency.js';
import type { PollKind, Slot } from '../domain/types.js';

export interface SlotRun<K> {
  first: number;
  count: number;
  key: K;
}

/**
 * Consecutive slot indexes with the same key become one run when a meeting could span them.
 * Blocks are never merged: "lunch–dinner" would suggest the gap between them is included.
 */
export function slotRuns<K>(kind: PollKind, slots: readonly Slot[], indexes: readonly number[], key: (index: number) => K): Array<SlotRun<K>> {
  const runs: Array<SlotRun<K>> = [];
  for (const index of [...indexes].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    const k = key(index);
    const prev = last ? slots[last.first + last.count - 1] : undefined;
    const slot = slots[index];
    if (last && prev && slot && kind !== 'block' && last.key === k && index === last.first + last.count && slotsAdjacent(kind, prev, slot)) {
      last.count++;
    } else {
      runs.push({ first: index, count: 1, key: k });
    }
  }
  return runs;
}
