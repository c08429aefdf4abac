/**
 * The best windows of a poll: runs of `durationSlots` consecutive slots.
 * Order: required people must be free or maybe; then most "yes" for the whole run,
 * then most "maybe", then earliest. Picks do not overlap one another. A window that has begun
 * is not ranked while one still ahead can be offered: a time gone by is no time to meet.
 */
import { answersOf, countsOver, type PollAnswers } from './availability.js';
import type { AnswerRows, KeptAnswers } from './kept-answers.js';
import { slotsAdjacent, windowStarts } from './adjacency.js';
import type { PollSpec, Participant, Slot, UserRef } from './types.js';
import type { PollLayout } from './slots.js';
import { todayIn } from './time.js';

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
  /** Now: windows that began before it are left out, unless none still ahead can be offered (a poll looked back on). */
  now?: number;
}

/** Answers as participants (parsed here), already as bits (as the store keeps them), or kept counts with their bands. */
export type RankAnswers = ReadonlyArray<Pick<Participant, 'user' | 'states'>> | PollAnswers | KeptAnswers;

/** What ranking reads, whichever form the answers came in. */
interface RankSource {
  people: readonly UserRef[];
  rows: AnswerRows;
  /** By start: people free (yes) / free or "if needed" (available) for the whole window, for at least `starts`. */
  yesCounts(starts: readonly number[]): ArrayLike<number>;
  availableCounts(starts: readonly number[]): ArrayLike<number>;
}

/** Answers given whole (participants are parsed here) as bits. */
function wholeAnswers(answers: Exclude<RankAnswers, KeptAnswers>, slots: number): PollAnswers {
  return Array.isArray(answers) ? answersOf(answers as ReadonlyArray<Pick<Participant, 'user' | 'states'>>, slots) : (answers as PollAnswers);
}

/** Who answered and the rows ranking reads, whichever form the answers came in. */
function rowsOf(answers: RankAnswers, slots: number): { people: readonly UserRef[]; rows: AnswerRows } {
  if ('summary' in answers) return { people: answers.summary.people, rows: answers.rows };
  const { people, matrix } = wholeAnswers(answers, slots);
  return { people, rows: matrix };
}

function sourceOf(answers: RankAnswers, slots: number, length: number): RankSource {
  if ('summary' in answers) {
    const { summary, rows } = answers;
    // The store keeps counts for the length it is asked for; any other length is a caller's mistake.
    if (summary.windowSlots !== length || summary.slots !== slots) throw new Error('kept window counts do not fit this ranking');
    return { people: summary.people, rows, yesCounts: () => summary.windowYes, availableCounts: () => summary.windowAvailable };
  }
  const { people, matrix } = wholeAnswers(answers, slots);
  const { yes, available } = matrix.bits();
  return {
    people,
    rows: matrix,
    yesCounts: (starts) => countsOver(yes, matrix.words, slots, length, starts),
    availableCounts: (starts) => countsOver(available, matrix.words, slots, length, starts),
  };
}

/**
 * The starts of windows that have not begun at `now` (a date poll's day counts until it ends in
 * the poll's zone). A weekly poll's days come every week.
 */
function notBegun(spec: PollSpec, slots: readonly Slot[], starts: number[], now: number | undefined): number[] {
  if (now === undefined || spec.days.type === 'weekly') return starts;
  const today = todayIn(now, spec.timezone);
  const notYet = (i: number) => {
    const slot = slots[i]!;
    return slot.start !== undefined ? slot.start >= now : slot.date >= today;
  };
  // Usually every window is still ahead: then no copy is made.
  return starts.every(notYet) ? starts : starts.filter(notYet);
}

export function rankWindows(spec: PollSpec, layout: PollLayout, answers: RankAnswers, options: RankOptions = {}): RankedWindow[] {
  const limit = options.limit ?? 3;
  const length = Math.max(1, spec.durationSlots);
  const slots = layout.slots.length;
  const source = sourceOf(answers, slots, length);
  const { people, rows } = source;
  if (people.length === 0) return [];
  const words = rows.words;
  const requiredIdx = spec.required.map((r) => people.findIndex((p) => p.id === r.id)).filter((i) => i >= 0);

  const everyStart = windowStarts(spec.kind, layout.slots, length);
  const ahead = notBegun(spec, layout.slots, everyStart, options.now);
  const pending = pendingOf(spec, people);
  const rankOver = (candidates: number[]): RankedWindow[] => {
    const valid = new Uint8Array(slots);
    for (const start of candidates) valid[start] = 1;
    const requiredRow = new Uint32Array(words);
    const requiredFree = (start: number) => {
      rows.availableOver(start, length, requiredRow);
      return requiredIdx.every((i) => ((requiredRow[i >>> 5]! >>> (i & 31)) & 1) === 1);
    };
    const starts = requiredIdx.length > 0 ? candidates.filter(requiredFree) : candidates;
    const yesCounts = source.yesCounts(starts);

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
      rows.yesOver(start, length, yesAt);
      rows.availableOver(start, length, availAt);
      while (valid[end + 1] === 1 && slotsAdjacent(spec.kind, layout.slots[end]!, layout.slots[end + 1]!) && clear(end + 1)) {
        if (!sameBits(yesAt, rows.yesOver(end + 1, length, yesNext)) || !sameBits(availAt, rows.availableOver(end + 1, length, availNext))) break;
        end++;
      }
      chosen.push({ start, stretch: end - start + length });
    };

    // Best first: most yes, then most maybe, then earliest. "Maybe" only orders windows with the
    // same yes, so it is counted group by group as the picks reach them, not for every window.
    const byYes = byCountDescending(yesCounts, starts, people.length);
    for (let g = 0; g < byYes.length && chosen.length < limit; ) {
      const yes = yesCounts[byYes[g]!]!;
      let next = g;
      while (next < byYes.length && yesCounts[byYes[next]!] === yes) next++;
      const group: number[] = [];
      for (let k = g; k < next; k++) group.push(byYes[k]!);
      const available = source.availableCounts(group);
      const maybeCounts = new Int32Array(slots);
      for (const start of group) maybeCounts[start] = available[start]! - yes;
      // Nobody free or "if needed" for all of it: not an option at all.
      const options = yes > 0 ? group : group.filter((start) => maybeCounts[start]! > 0);
      const ordered = byCountDescending(maybeCounts, options, people.length);
      for (let k = 0; k < ordered.length && chosen.length < limit; k++) pick(ordered[k]!);
      g = next;
    }

    return chosen.map((c) => ({ ...describeWindow({ layout, rows, people, start: c.start, length, pending }), stretch: c.stretch }));
  };
  const best = rankOver(ahead);
  // Nothing still ahead that anyone can make: a poll looked back on shows its best as it was.
  return best.length === 0 && ahead !== everyStart ? rankOver(everyStart) : best;
}

function sameBits(a: Uint32Array, b: Uint32Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * `starts` (ascending) by `counts[start]`, most first and then earliest. A counting sort: a count
 * is at most `most` (the people), and one pass over the starts beats comparing them.
 */
function byCountDescending(counts: ArrayLike<number>, starts: readonly number[], most: number): Int32Array {
  // Bucket b holds count most - b; at[b] becomes where bucket b begins.
  const at = new Int32Array(most + 2);
  for (const start of starts) at[most - counts[start]! + 1]!++;
  for (let b = 1; b <= most + 1; b++) at[b]! += at[b - 1]!;
  const out = new Int32Array(starts.length);
  for (const start of starts) out[at[most - counts[start]!]!++] = start;
  return out;
}

/** Who is free, maybe and unavailable over one run of slots. */
export function describeRun(spec: PollSpec, layout: PollLayout, answers: RankAnswers, firstSlot: number, slotCount: number): RankedWindow {
  const { people, rows } = rowsOf(answers, layout.slots.length);
  return describeWindow({ layout, rows, people, start: firstSlot, length: slotCount, pending: pendingOf(spec, people) });
}

/** Expected people who have not answered (a set of who answered only when someone is expected). */
function pendingOf(spec: PollSpec, people: readonly UserRef[]): UserRef[] {
  if (spec.expected.length === 0) return [];
  const answeredIds = new Set(people.map((p) => p.id));
  return spec.expected.filter((u) => !answeredIds.has(u.id));
}

interface WindowInput {
  layout: PollLayout;
  rows: AnswerRows;
  people: readonly UserRef[];
  /** The window's first slot and its length in slots. */
  start: number;
  length: number;
  /** Expected people who have not answered. */
  pending: UserRef[];
}

function describeWindow(input: WindowInput): RankedWindow {
  const { layout, rows, people, start, length, pending } = input;
  const yesBits = people.length ? rows.yesOver(start, length) : new Uint32Array(1);
  const availBits = people.length ? rows.availableOver(start, length) : new Uint32Array(1);
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
