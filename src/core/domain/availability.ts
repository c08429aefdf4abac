/**
 * Answers as bitsets: for each slot, one bit per participant for "yes" and one for
 * "yes or maybe". Windows are scored by AND-ing slot rows and counting bits, which keeps
 * ranking fast for a thousand people over a thousand slots.
 */
import type { AnswerState, Participant, UserRef } from './types.js';

export const STATE_CHAR: Record<AnswerState, string> = { yes: 'y', maybe: 'm', no: '.' };

export function stateAt(states: string, slot: number): AnswerState {
  const c = states.charAt(slot);
  return c === 'y' ? 'yes' : c === 'm' ? 'maybe' : 'no';
}

export function emptyStates(slotCount: number): string {
  return '.'.repeat(slotCount);
}

/** Normalises a stored answer to the poll's slot count. */
export function fitStates(states: string, slotCount: number): string {
  if (states.length === slotCount) return states;
  return states.length > slotCount ? states.slice(0, slotCount) : states + emptyStates(slotCount - states.length);
}

const YES_CODE = STATE_CHAR.yes.charCodeAt(0);
const MAYBE_CODE = STATE_CHAR.maybe.charCodeAt(0);

/** How many slots an answer holds as "yes" and as "if needed". */
export function stateTotals(states: string): { yes: number; maybe: number } {
  let yes = 0;
  let maybe = 0;
  for (let i = 0; i < states.length; i++) {
    const c = states.charCodeAt(i);
    if (c === YES_CODE) yes++;
    else if (c === MAYBE_CODE) maybe++;
  }
  return { yes, maybe };
}

export function hasAnyAnswer(states: string): boolean {
  return /[ym]/.test(states);
}

/**
 * A matrix's bits as they are kept: slot-major rows of `words` 32-bit words, bit `person & 31` of
 * word `person >>> 5` set when that person is free ("yes") or available (yes or "if needed").
 */
export interface MatrixBits {
  people: number;
  yes: Uint32Array;
  available: Uint32Array;
}

const ASCII = new TextDecoder();

export class AvailabilityMatrix {
  readonly people: number;
  readonly slots: number;
  readonly words: number;
  private readonly yesBits: Uint32Array;
  private readonly availBits: Uint32Array;

  /** From answers (one bit per participant, in their order), or from bits kept earlier (their length must fit `slots`). */
  constructor(source: ReadonlyArray<Pick<Participant, 'states'>> | MatrixBits, slots: number) {
    const participants = Array.isArray(source) ? (source as ReadonlyArray<Pick<Participant, 'states'>>) : undefined;
    this.people = participants ? participants.length : (source as MatrixBits).people;
    this.slots = slots;
    this.words = wordsFor(this.people);
    if (!participants) {
      const bits = source as MatrixBits;
      if (bits.yes.length !== slots * this.words || bits.available.length !== slots * this.words) throw new Error('availability bits do not fit the poll');
      this.yesBits = bits.yes;
      this.availBits = bits.available;
      return;
    }
    this.yesBits = new Uint32Array(slots * this.words);
    this.availBits = new Uint32Array(slots * this.words);
    participants.forEach((p, person) => {
      const word = person >>> 5;
      const bit = 1 << (person & 31);
      const states = p.states;
      const n = Math.min(states.length, slots);
      for (let s = 0; s < n; s++) {
        const c = states.charCodeAt(s);
        if (c === 121 /* y */) {
          this.yesBits[s * this.words + word]! |= bit;
          this.availBits[s * this.words + word]! |= bit;
        } else if (c === 109 /* m */) {
          this.availBits[s * this.words + word]! |= bit;
        }
      }
    });
  }

  /** The bits themselves, to keep (not copied: do not change them). */
  bits(): MatrixBits {
    return { people: this.people, yes: this.yesBits, available: this.availBits };
  }

  /** People free ("yes") for every slot of [first, first+count), as a bitset. */
  yesOver(first: number, count: number, out = new Uint32Array(this.words)): Uint32Array {
    return this.andOver(this.yesBits, first, count, out);
  }

  /** People free or "if needed" for every slot of the run. */
  availableOver(first: number, count: number, out = new Uint32Array(this.words)): Uint32Array {
    return this.andOver(this.availBits, first, count, out);
  }

  /** One person's answer as a states string ('y', 'm' or '.' for each slot). */
  statesOf(person: number): string {
    const word = person >>> 5;
    const bit = 1 << (person & 31);
    const codes = new Uint8Array(this.slots);
    for (let s = 0, w = word; s < this.slots; s++, w += this.words) {
      codes[s] = (this.yesBits[w]! & bit) !== 0 ? 121 /* y */ : (this.availBits[w]! & bit) !== 0 ? 109 /* m */ : 46; /* . */
    }
    // One native decode of ASCII bytes: spreading a thousand codes into fromCharCode costs ~100 µs a person.
    return ASCII.decode(codes);
  }

  slotCounts(slot: number): { yes: number; maybe: number } {
    const base = slot * this.words;
    let yes = 0;
    let avail = 0;
    for (let w = 0; w < this.words; w++) {
      yes += popcount(this.yesBits[base + w]!);
      avail += popcount(this.availBits[base + w]!);
    }
    return { yes, maybe: avail - yes };
  }

  private andOver(bits: Uint32Array, first: number, count: number, out: Uint32Array): Uint32Array {
    const w = this.words;
    out.set(bits.subarray(first * w, first * w + w));
    for (let s = first + 1; s < first + count; s++) {
      const base = s * w;
      for (let i = 0; i < w; i++) out[i]! &= bits[base + i]!;
    }
    return out;
  }
}

export function wordsFor(people: number): number {
  return Math.max(1, Math.ceil(people / 32));
}

/**
 * A poll's answers in the form ranking reads: who answered, in answer order, and their bits (the
 * person at index i is bit i). The store keeps this form, so a read does not parse every answer.
 */
export interface PollAnswers {
  people: readonly UserRef[];
  matrix: AvailabilityMatrix;
}

export function answersOf(participants: ReadonlyArray<Pick<Participant, 'user' | 'states'>>, slots: number): PollAnswers {
  return { people: participants.map((p) => p.user), matrix: new AvailabilityMatrix(participants, slots) };
}

export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * For each of `starts`, how many people have their bit set in every row of [start, start + length),
 * indexed by start (0 elsewhere). A function of its own, not a closure: the hot loop would read
 * captured values through the closure context.
 */
export function countsOver(bits: Uint32Array, words: number, slots: number, length: number, starts: readonly number[]): Int32Array {
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
