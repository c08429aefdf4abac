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

  // Row s: who is free (available) for the whole window starting at slot s.
  const yesRuns = matrix.yesRuns(length);
  const availRuns = matrix.availableRuns(length);
  const starts = windowStarts(spec.kind, layout.slots, length);
  const valid = new Uint8Array(layout.slots.length);
  const scoredStart: number[] = [];
  const scoredYes: number[] = [];
  const scoredMaybe: number[] = [];
  for (const start of starts) {
    valid[start] = 1;
    const base = start * words;
    if (requiredIdx.some((i) => ((availRuns[base + (i >>> 5)]! >>> (i & 31)) & 1) === 0)) continue;
    let avail = 0;
    let yes = 0;
    for (let w = 0; w < words; w++) {
      avail += popcount(availRuns[base + w]!);
      yes += popcount(yesRuns[base + w]!);
    }
    if (avail === 0) continue;
    scoredStart.push(start);
    scoredYes.push(yes);
    scoredMaybe.push(avail - yes);
  }
  const order = Array.from(scoredStart.keys());
  order.sort((a, b) => scoredYes[b]! - scoredYes[a]! || scoredMaybe[b]! - scoredMaybe[a]! || scoredStart[a]! - scoredStart[b]!);

  // A window is one option; the same people free in the windows right after it make it a
  // longer stretch ("13:00–16:00, any hour"), not three more options. Later picks must not
  // overlap an earlier pick's stretch.
  const chosen: Array<{ start: number; stretch: number }> = [];
  const sameRow = (a: number, b: number) => {
    for (let w = 0; w < words; w++) {
      if (yesRuns[a * words + w] !== yesRuns[b * words + w] || availRuns[a * words + w] !== availRuns[b * words + w]) return false;
    }
    return true;
  };
  for (const k of order) {
    if (chosen.length >= limit) break;
    const start = scoredStart[k]!;
    if (chosen.some((c) => start < c.start + c.stretch && c.start < start + length)) continue;
    let end = start;
    const clear = (s: number) => !chosen.some((c) => s < c.start + c.stretch && c.start < s + length);
    // A stretch only grows across adjacent slots, and never into an earlier pick's stretch, so
    // outlines never overlap and "fits anywhere in it" is true.
    while (valid[end + 1] === 1 && slotsAdjacent(spec.kind, layout.slots[end]!, layout.slots[end + 1]!) && clear(end + 1) && sameRow(start, end + 1)) end++;
    chosen.push({ start, stretch: end - start + length });
  }

  const answeredIds = new Set(people.map((p) => p.id));
  const pending = spec.expected.filter((u) => !answeredIds.has(u.id));
  return chosen.map((c) => ({ ...describeWindow({ layout, matrix, people, start: c.start, length, pending }), stretch: c.stretch }));
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
