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

function wordsFor(people: number): number {
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

