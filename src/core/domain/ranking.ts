/**
 * The best windows of a poll: runs of `durationSlots` consecutive slots.
 * Order: required people must be free or maybe; then most "yes" for the whole run,
 * then most "maybe", then earliest. Picks do not overlap one another.
 */
import { answersOf, popcount, type AvailabilityMatrix, type PollAnswers } from './availability.js';
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
export type RankAnswers = ReadonlyArray<Pick<Participant, 'user' | 'states'>> | PollAnswers;

function asAnswers(answers: RankAnswers, slots: number): PollAnswers {
  return Array.isArray(answers) ? answersOf(answers as ReadonlyArray<Pick<Participant, 'user' | 'states'>>, slots) : (answers as PollAnswers);
}

export function rankWindows(spec: PollSpec, layout: PollLayout, answers: RankAnswers, options: RankOptions = {}): RankedWindow[] {
  const limit = options.limit ?? 3;
  const length = Math.max(1, spec.durationSlots);
  const slots = layout.slots.length;
  const { people, matrix } = asAnswers(answers, slots);
  if (people.length === 0) return [];
  const words = matrix.words;
  const requiredIdx = spec.required.map((r) => people.findIndex((p) => p.id === r.id)).filter((i) => i >= 0);

  const { yes: yesBits, available: availBits } = matrix.bits();
  const allStarts = windowStarts(spec.kind, layout.slots, length);
  const valid = new Uint8Array(slots);
  for (const start of allStarts) valid[start] = 1;
  const requiredFree = (start: number) =>
    requiredIdx.every((i) => {
      for (let s = start; s < start + length; s++) if (((availBits[s * words + (i >>> 5)]! >>> (i & 31)) & 1) === 0) return false;
      return true;
    });
  const starts = requiredIdx.length > 0 ? allStarts.filter(requiredFree) : allStarts;
  const yesCounts = countsOver(yesBits, words, slots, length, starts);

  // A window is one option; the same people free in the windows right after it make it a
  // longer stretch ("13:00–16:00, any hour"), not three more options. Later picks must not
  // overlap an earlier pick's stretch.
  const chosen: Array<{ start: number; stretch: number }> = [];
  const yesAt = new Uint32Array(words);
  const availAt = new Uint32Array(words);
  const yesNext = new Uint32Array(words);
  const availNext = new Uint32Array(words);
  const clear = (s: number) => !chosen.some((c) => s < c.start + c.stretch && c.start < s + length);
  const pick = (start: number) => {
    if (!clear(start)) return;
    let end = start;
    // A stretch only grows across adjacent slots, and never into an earlier pick's stretch, so
    // outlines never overlap and "fits anywhere in it" is true.
    matrix.yesOver(start, length, yesAt);
    matrix.availableOver(start, length, availAt);
    while (valid[end + 1] === 1 && slotsAdjacent(spec.kind, layout.slots[end]!, layout.slots[end + 1]!) && clear(end + 1)) {
      if (!sameBits(yesAt, matrix.yesOver(end + 1, length, yesNext)) || !sameBits(availAt, matrix.availableOver(end + 1, length, availNext))) break;
      end++;
    }
    chosen.push({ start, stretch: end - start + length });
  };

  // Best first: most yes, then most maybe, then earliest. "Maybe" only orders windows with the
  // same yes, so it is counted group by group as the picks reach them, not for every window.
  const byYes = sortedDescending(yesCounts, starts, slots);
  for (let g = 0; g < byYes.length && chosen.length < limit; ) {
    const yes = yesCounts[slots - 1 - (byYes[g]! % slots)]!;
    let next = g;
    while (next < byYes.length && yesCounts[slots - 1 - (byYes[next]! % slots)] === yes) next++;
    const group: number[] = [];
    for (let k = g; k < next; k++) group.push(slots - 1 - (byYes[k]! % slots));
    const maybeCounts = countsOver(availBits, words, slots, length, group);
    for (const start of group) maybeCounts[start]! -= yes;
    // Nobody free or "if needed" for all of it: not an option at all.
    const options = yes > 0 ? group : group.filter((start) => maybeCounts[start]! > 0);
    const ordered = sortedDescending(maybeCounts, options, slots);
    for (let k = 0; k < ordered.length && chosen.length < limit; k++) pick(slots - 1 - (ordered[k]! % slots));
    g = next;
  }

  const pending = pendingOf(spec, people);
  return chosen.map((c) => ({ ...describeWindow({ layout, matrix, people, start: c.start, length, pending }), stretch: c.stretch }));
}

function sameBits(a: Uint32Array, b: Uint32Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * `starts` by `counts[start]`, most first and then earliest, as keys `count * slots + (slots - 1 - start)`
 * (exact in a double for any poll: a count is at most the people); a key's start is `slots - 1 - key % slots`.
 */
function sortedDescending(counts: Int32Array, starts: readonly number[], slots: number): Float64Array {
  const keys = new Float64Array(starts.length);
  for (let k = 0; k < starts.length; k++) keys[k] = counts[starts[k]!]! * slots + (slots - 1 - starts[k]!);
  return keys.sort().reverse();
}

/**
 * For each of `starts`, how many people have their bit set in every row of [start, start + length),
 * indexed by start. A function of its own: in rankWindows the closures capture these values, and
 * the hot loop would read them through the closure context.
 */
function countsOver(bits: Uint32Array, words: number, slots: number, length: number, starts: readonly number[]): Int32Array {
  const counts = new Int32Array(slots);
  for (const start of starts) {
    let n = 0;
    let w = start * words;
    const end = w + words;
    // Four words at a time, their popcounts summed before the last steps: a 4-bit field holds at
    // most 8 (two words) and a byte at most 32 (four), so nothing overflows. Counting is most of the scan.
    for (; w + 3 < end; w += 4) {
      let a = bits[w]!;
      let b = bits[w + 1]!;
      let c = bits[w + 2]!;
      let d = bits[w + 3]!;
      for (let s = 1, o = w + words; s < length; s++, o += words) {
        a &= bits[o]!;
        b &= bits[o + 1]!;
        c &= bits[o + 2]!;
        d &= bits[o + 3]!;
      }
      a -= (a >>> 1) & 0x55555555;
      b -= (b >>> 1) & 0x55555555;
      c -= (c >>> 1) & 0x55555555;
      d -= (d >>> 1) & 0x55555555;
      a = (a & 0x33333333) + ((a >>> 2) & 0x33333333) + (b & 0x33333333) + ((b >>> 2) & 0x33333333);
      c = (c & 0x33333333) + ((c >>> 2) & 0x33333333) + (d & 0x33333333) + ((d >>> 2) & 0x33333333);
      a = (a & 0x0f0f0f0f) + ((a >>> 4) & 0x0f0f0f0f) + (c & 0x0f0f0f0f) + ((c >>> 4) & 0x0f0f0f0f);
      n += Math.imul(a, 0x01010101) >>> 24;
    }
    for (; w < end; w++) {
      let a = bits[w]!;
      for (let s = 1, o = w + words; s < length; s++, o += words) a &= bits[o]!;
      n += popcount(a);
    }
    counts[start] = n;
  }
  return counts;
}

/** Who is free, maybe and unavailable over one run of slots. */
export function describeRun(spec: PollSpec, layout: PollLayout, answers: RankAnswers, firstSlot: number, slotCount: number): RankedWindow {
  const { people, matrix } = asAnswers(answers, layout.slots.length);
  return describeWindow({ layout, matrix, people, start: firstSlot, length: slotCount, pending: pendingOf(spec, people) });
}

/** Expected people who have not answered (a set of who answered only when someone is expected). */
function pendingOf(spec: PollSpec, people: readonly UserRef[]): UserRef[] {
  if (spec.expected.length === 0) return [];
  const answeredIds = new Set(people.map((p) => p.id));
  return spec.expected.filter((u) => !answeredIds.has(u.id));
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
  for (let i = 0; i < people.length; i++) {
    const word = i >>> 5;
    const bit = 1 << (i & 31);
    if ((yesBits[word]! & bit) !== 0) yes.push(people[i]!);
    else if ((availBits[word]! & bit) !== 0) maybe.push(people[i]!);
    else unavailable.push(people[i]!);
  }
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
