/**
 * The best windows of a poll: runs of `durationSlots` consecutive slots.
 * Order: required people must be free or maybe; then most "yes" for the whole run,
 * then most "maybe", then earliest. Picks do not overlap one another.
 */
import { answersOf, bitsetHas, popcount, type AvailabilityMatrix, type PollAnswers } from './availability.js';
import { slotsAdjacent, windowStarts } from './adjacency.js';
import type { PollSpec, Participant, UserRef } from './types.js';
import type { PollLayout } from './slots.js';

export interface RankedWindow {
  firstSlot: number;
  slotCount: number;
  day: number;
  yes: UserRef[];
  maybe: UserRef[];
  /** Answered, but not free for the whole window. */
  unavailable: UserRef[];
  /** Expected (with:) and not answered yet. */
  pending: UserRef[];
  /** Every respondent free and nobody expected is still missing. */
  everyone: boolean;
  respondents: number;
  /**
   * Slots from firstSlot over which exactly the same people are free (≥ slotCount): the meeting
   * fits anywhere in it. Shown as one option instead of several shifted copies.
   */
  stretch: number;
}

export interface RankOptions {
  limit?: number;
}

/** Answers as participants (parsed here) or already as bits (as the store keeps them). */
export type RankAnswers = readonly Participant[] | PollAnswers;

function asAnswers(answers: RankAnswers, slots: number): PollAnswers {
  return Array.isArray(answers) ? answersOf(answers as readonly Participant[], slots) : (answers as PollAnswers);
}

export function rankWindows(spec: PollSpec, layout: PollLayout, answers: RankAnswers, options: RankOptions = {}): RankedWindow[] {
  const limit = options.limit ?? 3;
  const length = Math.max(1, spec.durationSlots);
  const { people, matrix } = asAnswers(answers, layout.slots.length);
  if (people.length === 0) return [];
  const words = matrix.words;
  const requiredIdx = spec.required.map((r) => people.findIndex((p) => p.id === r.id)).filter((i) => i >= 0);

  // Every window's count of people free and available for all of it, ANDed word by word in place
  // (no bitset per window is made: a poll of thousands has thousands of windows).
  const { yes: yesBits, available: availBits } = matrix.bits();
  const starts = windowStarts(spec.kind, layout.slots, length);
  const valid = new Uint8Array(layout.slots.length);
  const scored = { start: [] as number[], yes: [] as number[], maybe: [] as number[] };
  const requiredFree = (start: number) =>
    requiredIdx.every((i) => {
      for (let s = start; s < start + length; s++) if (((availBits[s * words + (i >>> 5)]! >>> (i & 31)) & 1) === 0) return false;
      return true;
    });
  for (const start of starts) {
    valid[start] = 1;
    if (requiredIdx.length > 0 && !requiredFree(start)) continue;
    let avail = 0;
    let yes = 0;
    for (let w = start * words, end = w + words; w < end; w++) {
      let a = availBits[w]!;
      let y = yesBits[w]!;
      for (let s = 1, o = w + words; s < length; s++, o += words) {
        a &= availBits[o]!;
        y &= yesBits[o]!;
      }
      avail += popcount(a);
      yes += popcount(y);
    }
    if (avail === 0) continue;
    scored.start.push(start);
    scored.yes.push(yes);
    scored.maybe.push(avail - yes);
  }
  const order = rankOrder(scored, people.length, layout.slots.length);

  // A window is one option; the same people free in the windows right after it make it a
  // longer stretch ("13:00–16:00, any hour"), not three more options. Later picks must not
  // overlap an earlier pick's stretch.
  const chosen: Array<{ start: number; stretch: number }> = [];
  const yesAt = new Uint32Array(words);
  const availAt = new Uint32Array(words);
  const yesNext = new Uint32Array(words);
  const availNext = new Uint32Array(words);
  for (const start of order) {
    if (chosen.length >= limit) break;
    if (chosen.some((c) => start < c.start + c.stretch && c.start < start + length)) continue;
    let end = start;
    const clear = (s: number) => !chosen.some((c) => s < c.start + c.stretch && c.start < s + length);
    // A stretch only grows across adjacent slots, and never into an earlier pick's stretch, so
    // outlines never overlap and "fits anywhere in it" is true.
    matrix.yesOver(start, length, yesAt);
    matrix.availableOver(start, length, availAt);
    while (valid[end + 1] === 1 && slotsAdjacent(spec.kind, layout.slots[end]!, layout.slots[end + 1]!) && clear(end + 1)) {
      if (!sameBits(yesAt, matrix.yesOver(end + 1, length, yesNext)) || !sameBits(availAt, matrix.availableOver(end + 1, length, availNext))) break;
      end++;
    }
    chosen.push({ start, stretch: end - start + length });
  }

  const answeredIds = new Set(people.map((p) => p.id));
  const pending = spec.expected.filter((u) => !answeredIds.has(u.id));
  return chosen.map((c) => ({ ...describeWindow({ layout, matrix, people, start: c.start, length, pending }), stretch: c.stretch }));
}

function sameBits(a: Uint32Array, b: Uint32Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Window starts best first: most yes, then most maybe, then earliest. Sorted as one number per
 * window when yes, maybe and start fit exactly in a double (any real poll), else by comparison.
 */
function rankOrder(scored: { start: number[]; yes: number[]; maybe: number[] }, people: number, slots: number): number[] {
  const n = scored.start.length;
  const span = people + 1;
  if (span * span * slots < Number.MAX_SAFE_INTEGER) {
    const keys = new Float64Array(n);
    for (let k = 0; k < n; k++) keys[k] = (scored.yes[k]! * span + scored.maybe[k]!) * slots + (slots - 1 - scored.start[k]!);
    keys.sort();
    const order = new Array<number>(n);
    for (let k = 0; k < n; k++) order[k] = slots - 1 - (keys[n - 1 - k]! % slots);
    return order;
  }
  const index = Array.from(scored.start.keys());
  index.sort((a, b) => scored.yes[b]! - scored.yes[a]! || scored.maybe[b]! - scored.maybe[a]! || scored.start[a]! - scored.start[b]!);
  return index.map((k) => scored.start[k]!);
}

/** Who is free, maybe and unavailable over one run of slots. */
export function describeRun(spec: PollSpec, layout: PollLayout, answers: RankAnswers, firstSlot: number, slotCount: number): RankedWindow {
  const { people, matrix } = asAnswers(answers, layout.slots.length);
  const answeredIds = new Set(people.map((p) => p.id));
  const pending = spec.expected.filter((u) => !answeredIds.has(u.id));
  return describeWindow({ layout, matrix, people, start: firstSlot, length: slotCount, pending });
}

interface WindowInput {
  layout: PollLayout;
  matrix: AvailabilityMatrix;
  people: readonly UserRef[];
  /** The window's first slot and its length in slots. */
  start: number;
  length: number;
  /** Expected people who have not answered. */
  pending: UserRef[];
}

function describeWindow(input: WindowInput): RankedWindow {
  const { layout, matrix, people, start, length, pending } = input;
  const yesBits = people.length ? matrix.yesOver(start, length) : new Uint32Array(1);
  const availBits = people.length ? matrix.availableOver(start, length) : new Uint32Array(1);
  const yes: UserRef[] = [];
  const maybe: UserRef[] = [];
  const unavailable: UserRef[] = [];
  people.forEach((user, i) => {
    if (bitsetHas(yesBits, i)) yes.push(user);
    else if (bitsetHas(availBits, i)) maybe.push(user);
    else unavailable.push(user);
  });
  return {
    firstSlot: start,
    slotCount: length,
    day: layout.slots[start]?.day ?? 0,
    yes,
    maybe,
    unavailable,
    pending,
    everyone: people.length > 0 && yes.length === people.length && pending.length === 0,
    respondents: people.length,
    stretch: length,
  };
}
