/**
 * A poll's answers as the store keeps them for ranking: who answered, how many people are free
 * (and free or "if needed") for the whole of each window of the poll's length, and the bits cut
 * into bands of slots. A ranking read takes the counts, orders the windows from them, and fetches
 * only the bands its picks look at: on a big poll a few kilobytes instead of the whole matrix.
 */
import { AvailabilityMatrix, countsOver, wordsFor, type PollAnswers } from './availability.js';
import type { UserRef } from './types.js';

/** What a summary is kept for: the poll's slot count and its duration in slots. */
export interface AnswerShape {
  slots: number;
  windowSlots: number;
}

/** Counts of people: 16 bits each while they fit (half the bytes to read), else 32. */
export type WindowCounts = Uint16Array | Uint32Array;

/** Who answered and the window counts, as kept for one version of the poll. */
export interface AnswerSummary {
  version: number;
  people: readonly UserRef[];
  slots: number;
  /** The window length the counts are for (the poll's duration in slots when they were kept). */
  windowSlots: number;
  /** By start slot: people free for every slot of [start, start + windowSlots); 0 where the window would run past the last slot. */
  windowYes: WindowCounts;
  /** The same for free or "if needed". */
  windowAvailable: WindowCounts;
  /** Slots in each band of bits (the last band may hold fewer). */
  bandSlots: number;
}

/** One band's rows: slot-major, `words` words a slot, for the band's slots only. */
export interface AnswerBand {
  yes: Uint32Array;
  available: Uint32Array;
}

/** About what one band holds, yes and available together: half a page, whatever the poll's size. */
const BAND_BYTES = 2048;

export function bandSlotsFor(people: number, slots: number): number {
  return Math.max(1, Math.min(slots, Math.floor(BAND_BYTES / (wordsFor(people) * 8))));
}

export function bandCount(summary: Pick<AnswerSummary, 'slots' | 'bandSlots'>): number {
  return Math.ceil(summary.slots / summary.bandSlots);
}

/** The summary of a full matrix, for keeping with `version`. */
export function summaryOf(answers: PollAnswers, windowSlots: number, version: number, bandSlots = bandSlotsFor(answers.matrix.people, answers.matrix.slots)): AnswerSummary {
  const { matrix } = answers;
  const length = Math.max(1, windowSlots);
  const starts: number[] = [];
  for (let start = 0; start + length <= matrix.slots; start++) starts.push(start);
  const { yes, available } = matrix.bits();
  return {
    version,
    people: answers.people,
    slots: matrix.slots,
    windowSlots: length,
    windowYes: narrowest(countsOver(yes, matrix.words, matrix.slots, length, starts), matrix.people),
    windowAvailable: narrowest(countsOver(available, matrix.words, matrix.slots, length, starts), matrix.people),
    bandSlots,
  };
}

function narrowest(counts: Int32Array, most: number): WindowCounts {
  return most <= 0xffff ? Uint16Array.from(counts) : Uint32Array.from(counts);
}

/** Band `band` of a full matrix (views of its bits, not copies). */
export function bandOf(matrix: AvailabilityMatrix, band: number, bandSlots: number): AnswerBand {
  const { yes, available } = matrix.bits();
  const from = band * bandSlots * matrix.words;
  const to = Math.min(matrix.slots, (band + 1) * bandSlots) * matrix.words;
  return { yes: yes.subarray(from, to), available: available.subarray(from, to) };
}

/** The whole matrix again from every band of a summary. */
export function answersFromBands(summary: AnswerSummary, bands: ReadonlyMap<number, AnswerBand>): PollAnswers {
  const words = wordsFor(summary.people.length);
  const yes = new Uint32Array(summary.slots * words);
  const available = new Uint32Array(summary.slots * words);
  for (let band = 0; band < bandCount(summary); band++) {
    const rows = bands.get(band);
    if (!rows) throw new Error(`answer band ${band} is missing`);
    yes.set(rows.yes, band * summary.bandSlots * words);
    available.set(rows.available, band * summary.bandSlots * words);
  }
  return { people: summary.people, matrix: new AvailabilityMatrix({ people: summary.people.length, yes, available }, summary.slots) };
}

/** The rows ranking reads: the whole matrix (AvailabilityMatrix), or a kept one's bands fetched as picks need them. */
export interface AnswerRows {
  readonly words: number;
  yesOver(first: number, count: number, out?: Uint32Array): Uint32Array;
  availableOver(first: number, count: number, out?: Uint32Array): Uint32Array;
}

/** Kept answers as ranking reads them: windows ordered by the kept counts, rows read band by band. */
export interface KeptAnswers {
  summary: AnswerSummary;
  rows: AnswerRows;
}

/** Bands as a store reads them: undefined once the poll has moved past the summary's version. */
export type BandsRead = ReadonlyMap<number, AnswerBand> | undefined;

/**
 * Bands `first`..`last` of a summary's version. A store that reads synchronously (SQLite) answers at
 * once, and ranking reads its bands inline; one that must wait (PostgreSQL) gives a promise.
 */
export type BandReader = (first: number, last: number) => BandsRead | Promise<BandsRead>;

/**
 * Runs `read` (ranking over kept answers) until it has every band it asks for. Ranking is pure and
 * synchronous: a band that arrives later stops it, is awaited, and it runs again (a few rounds for
 * three picks). Undefined when the poll moved on meanwhile, so the caller reads afresh.
 */
export async function withBands<T>(summary: AnswerSummary, readBands: BandReader, read: (kept: KeptAnswers) => T, all = false): Promise<T | undefined> {
  const rows = new BandedMatrix(summary, readBands);
  for (;;) {
    try {
      // loadAll reads only what is still missing, so a later round asks for nothing again.
      if (all) rows.loadAll();
      return read({ summary, rows });
    } catch (error) {
      if (error instanceof BandsPending) {
        if (await error.arrived) continue;
        return undefined;
      }
      if (error instanceof AnswersMoved) return undefined;
      throw error;
    }
  }
}

/** Reads of single runs before a BandedMatrix takes every band still missing at once. */
const READS_BEFORE_ALL = 8;

/** Bands on their way: ranking stops, and withBands runs it again once they are in (false: the poll moved on). */
class BandsPending extends Error {
  constructor(readonly arrived: Promise<boolean>) {
    super('answer bands are on their way');
  }
}

/** The poll moved past the summary's version while its bands were read. */
class AnswersMoved extends Error {
  constructor() {
    super('the poll moved past the kept answers being read');
  }
}

/** The rows ranking reads (AvailabilityMatrix's reading side), over the bands fetched so far. */
export class BandedMatrix implements AnswerRows {
  readonly words: number;
  private readonly bands = new Map<number, AnswerBand>();
  private readonly lastBand: number;
  private reads = 0;

  constructor(
    private readonly summary: AnswerSummary,
    private readonly readBands: BandReader,
  ) {
    this.words = wordsFor(summary.people.length);
    this.lastBand = bandCount(summary) - 1;
  }

  /** Every band, in one read. */
  loadAll(): void {
    if (this.lastBand >= 0) this.load(0, this.lastBand);
  }

  /**
   * The bands of `first`..`last`, a read for each run of missing ones. After a few reads, every
   * band still missing: a stretch running on across a poll where everyone is free would otherwise
   * take a read (and, on PostgreSQL, a round of ranking) a band.
   */
  private load(first: number, last: number): void {
    if (this.reads >= READS_BEFORE_ALL && first <= last) {
      first = 0;
      last = this.lastBand;
    }
    for (let band = first; band <= last; band++) {
      if (this.bands.has(band)) continue;
      let to = band;
      while (to < last && !this.bands.has(to + 1)) to++;
      this.reads++;
      const got = this.readBands(band, to);
      if (got instanceof Promise) throw new BandsPending(got.then((read) => this.take(read, band, to)));
      if (!this.take(got, band, to)) throw new AnswersMoved();
      band = to;
    }
  }

  private take(read: BandsRead, first: number, last: number): boolean {
    if (!read) return false;
    for (const [band, rows] of read) this.bands.set(band, rows);
    for (let band = first; band <= last; band++) if (!this.bands.has(band)) return false;
    return true;
  }

  yesOver(first: number, count: number, out = new Uint32Array(this.words)): Uint32Array {
    return this.andOver('yes', first, count, out);
  }

  availableOver(first: number, count: number, out = new Uint32Array(this.words)): Uint32Array {
    return this.andOver('available', first, count, out);
  }

  private andOver(kind: keyof AnswerBand, first: number, runCount: number, out: Uint32Array): Uint32Array {
    const { bandSlots } = this.summary;
    // As AvailabilityMatrix: an empty run reads its first slot.
    const count = Math.max(1, runCount);
    const w = this.words;
    this.load(Math.floor(first / bandSlots), Math.floor((first + count - 1) / bandSlots));
    let s = first;
    while (s < first + count) {
      // The run's rows in this band, from one lookup.
      const band = Math.floor(s / bandSlots);
      const rows = this.bands.get(band)![kind];
      const end = Math.min(first + count, (band + 1) * bandSlots);
      for (let base = (s - band * bandSlots) * w; s < end; s++, base += w) {
        if (s === first) for (let i = 0; i < w; i++) out[i] = rows[base + i]!;
        else for (let i = 0; i < w; i++) out[i]! &= rows[base + i]!;
      }
    }
    return out;
  }
}
