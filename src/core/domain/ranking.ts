/**
 * The best windows of a poll: runs of `durationSlots` consecutive slots.
 * Order: required people must be free or maybe; then most "yes" for the whole run,
 * then most "maybe", then earliest. Picks do not overlap one another.
 */
import { AvailabilityMatrix, bitsetCount, bitsetHas } from './availability.js';
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

export function rankWindows(
  spec: PollSpec,
  layout: PollLayout,
  participants: readonly Participant[],
  options: RankOptions = {},
): RankedWindow[] {
  const limit = options.limit ?? 3;
  const length = Math.max(1, spec.durationSlots);
  const respondents = participants;
  if (respondents.length === 0) return [];
  const matrix = new AvailabilityMatrix(respondents, layout.slots.length);
  const answeredIds = new Set(respondents.map((p) => p.user.id));
  const requiredIdx = spec.required
    .map((r) => respondents.findIndex((p) => p.user.id === r.id))
    .filter((i) => i >= 0);

  const yesBits = new Uint32Array(matrix.words);
  const availBits = new Uint32Array(matrix.words);
  const scored: Array<{ start: number; yes: number; maybe: number }> = [];
  for (const start of windowStarts(spec.kind, layout.slots, length)) {
    matrix.availableOver(start, length, availBits);
    if (requiredIdx.some((i) => !bitsetHas(availBits, i))) continue;
    const avail = bitsetCount(availBits);
    if (avail === 0) continue;
    matrix.yesOver(start, length, yesBits);
    const yes = bitsetCount(yesBits);
    scored.push({ start, yes, maybe: avail - yes });
  }
  scored.sort((a, b) => b.yes - a.yes || b.maybe - a.maybe || a.start - b.start);

  // A window is one option; the same people free in the windows right after it make it a
  // longer stretch ("13:00–16:00, any hour"), not three more options. Later picks must not
  // overlap an earlier pick's stretch.
  const valid = new Set(windowStarts(spec.kind, layout.slots, length));
  const chosen: Array<{ start: number; stretch: number }> = [];
  const nextYes = new Uint32Array(matrix.words);
  const nextAvail = new Uint32Array(matrix.words);
  for (const candidate of scored) {
    if (chosen.length >= limit) break;
    if (chosen.some((c) => candidate.start < c.start + c.stretch && c.start < candidate.start + length)) continue;
    matrix.yesOver(candidate.start, length, yesBits);
    matrix.availableOver(candidate.start, length, availBits);
    let end = candidate.start;
    const clear = (start: number) => !chosen.some((c) => start < c.start + c.stretch && c.start < start + length);
    // A stretch only grows across adjacent slots, and never into an earlier pick's stretch, so
    // outlines never overlap and "fits anywhere in it" is true.
    while (valid.has(end + 1) && slotsAdjacent(spec.kind, layout.slots[end]!, layout.slots[end + 1]!) && clear(end + 1)) {
      matrix.yesOver(end + 1, length, nextYes);
      matrix.availableOver(end + 1, length, nextAvail);
      if (!sameBits(yesBits, nextYes) || !sameBits(availBits, nextAvail)) break;
      end++;
    }
    chosen.push({ start: candidate.start, stretch: end - candidate.start + length });
  }

  const pending = spec.expected.filter((u) => !answeredIds.has(u.id));
  return chosen.map((c) => ({ ...describeWindow({ layout, matrix, respondents, start: c.start, length, pending }), stretch: c.stretch }));
}

function sameBits(a: Uint32Array, b: Uint32Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Who is free, maybe and unavailable over one run of slots. */
export function describeRun(
  spec: PollSpec,
  layout: PollLayout,
  participants: readonly Participant[],
  firstSlot: number,
  slotCount: number,
): RankedWindow {
  const matrix = new AvailabilityMatrix(participants, layout.slots.length);
  const answeredIds = new Set(participants.map((p) => p.user.id));
  const pending = spec.expected.filter((u) => !answeredIds.has(u.id));
  return describeWindow({ layout, matrix, respondents: participants, start: firstSlot, length: slotCount, pending });
}

interface WindowInput {
  layout: PollLayout;
  matrix: AvailabilityMatrix;
  respondents: readonly Participant[];
  /** The window's first slot and its length in slots. */
  start: number;
  length: number;
  /** Expected people who have not answered. */
  pending: UserRef[];
}

function describeWindow(input: WindowInput): RankedWindow {
  const { layout, matrix, respondents, start, length, pending } = input;
  const yesBits = respondents.length ? matrix.yesOver(start, length) : new Uint32Array(1);
  const availBits = respondents.length ? matrix.availableOver(start, length) : new Uint32Array(1);
  const yes: UserRef[] = [];
  const maybe: UserRef[] = [];
  const unavailable: UserRef[] = [];
  respondents.forEach((p, i) => {
    if (bitsetHas(yesBits, i)) yes.push(p.user);
    else if (bitsetHas(availBits, i)) maybe.push(p.user);
    else unavailable.push(p.user);
  });
  return {
    firstSlot: start,
    slotCount: length,
    day: layout.slots[start]?.day ?? 0,
    yes,
    maybe,
    unavailable,
    pending,
    everyone: respondents.length > 0 && yes.length === respondents.length && pending.length === 0,
    respondents: respondents.length,
    stretch: length,
  };
}
