/** What saving or clearing an answer changes, decided once for every dialect; the stores do the reads and writes. */
import { stateAt } from '../../core/domain/availability.js';
import type { AnswerState } from '../../core/domain/types.js';
import { UserError } from '../../core/errors.js';
import type { SaveAnswerOptions } from '../../core/ports.js';

export type SlotChange = [number, AnswerState, AnswerState];

export interface AnswerPlan {
  after: string;
  changes: SlotChange[];
  /** Insert a new participant, update the existing one, or leave the row as it is. */
  write: 'insert' | 'update' | 'none';
  /** Whether a history entry (and so a new poll version) is written. */
  recorded: boolean;
}

/** Whether the poll's participants must be counted: only a newcomer meets a `max:` limit. */
export function mustCount(existing: string | undefined, options: SaveAnswerOptions): boolean {
  return existing === undefined && options.maxParticipants !== undefined;
}

/**
 * `existing` is the person's stored states (undefined when they have not answered); `taken`
 * counts the poll's participants, read only when `mustCount` says so.
 */
export function planAnswer(
  existing: string | undefined,
  taken: number,
  update: (current: string) => string,
  options: SaveAnswerOptions,
): AnswerPlan {
  if (mustCount(existing, options) && taken >= (options.maxParticipants ?? Infinity)) throw new UserError('POLL_FULL', {});
  const fit = (s: string) => s.padEnd(options.slotCount, '.').slice(0, options.slotCount);
  const before = fit(existing ?? '');
  const after = fit(update(before));
  const changes: SlotChange[] = [];
  for (let i = 0; i < options.slotCount; i++) {
    if (before[i] !== after[i]) changes.push([i, stateAt(before, i), stateAt(after, i)]);
  }
  if (existing === undefined) return { after, changes, write: 'insert', recorded: true };
  return changes.length > 0 ? { after, changes, write: 'update', recorded: true } : { after, changes, write: 'none', recorded: false };
}

/** What clearing takes back: every chosen slot, back to no. */
export function clearedChanges(states: string, slotCount: number): SlotChange[] {
  const changes: SlotChange[] = [];
  for (let i = 0; i < slotCount; i++) {
    const before = stateAt(states, i);
    if (before !== 'no') changes.push([i, before, 'no']);
  }
  return changes;
}
