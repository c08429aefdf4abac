/**
 * A poll's answers as both dialects keep them for ranking: a row of answer_matrices per poll (who
 * answered, and the window counts of kept-answers.ts) and its bits in rows of answer_matrix_bands,
 * so a results read takes a few kilobytes instead of parsing every answer. Both are written for one
 * poll version and trusted only while the poll still has that version.
 */
import { answersOf, wordsFor } from '../../core/domain/availability.js';
import { bandCount, bandOf, summaryOf, type AnswerBand, type AnswerShape, type AnswerSummary } from '../../core/domain/kept-answers.js';
import type { Participant, UserRef } from '../../core/domain/types.js';

export interface AnswerMatrixRow {
  version: number;
  slotCount: number;
  windowSlots: number;
  bandSlots: number;
  people: string;
  /** Window counts, yes then available, little-endian, 16 or 32 bits each (see WindowCounts): as both drivers bind a blob. */
  counts: Buffer;
}

export interface AnswerBandRow {
  band: number;
  version: number;
  /** The band's yes rows then its available rows, little-endian 32-bit words. */
  bits: Buffer;
}

/** Between fields of `people`; a field holding it (or the escape) is escaped. Not NUL: PostgreSQL text refuses it. */
const SEPARATOR = '\u001f';
const ESCAPED = /[\\\u001f]/g;
const UNESCAPED = /\\(.)/gs;

function escapeField(field: string): string {
  return field.replace(ESCAPED, (c) => (c === '\\' ? '\\\\' : '\\s'));
}

function unescapeField(field: string): string {
  return field.includes('\\') ? field.replace(UNESCAPED, (_, c: string) => (c === 's' ? SEPARATOR : c)) : field;
}

const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

/** One row of the poll joined with its answers (none: the participant's columns are null), in answer order. */
export interface VersionedAnswerRow {
  version: number;
  userId: string | null;
  userName: string | null;
  states: string | null;
}

/**
 * The answers read at one version (from one statement, so one snapshot): their summary, and the
 * rows to keep for it; nothing to keep when the poll is gone.
 */
export function summaryAtVersion(rows: readonly VersionedAnswerRow[], shape: AnswerShape): { summary: AnswerSummary; keep?: { matrix: AnswerMatrixRow; bands: AnswerBandRow[] } } {
  const answered: Array<Pick<Participant, 'user' | 'states'>> = [];
  for (const r of rows) if (r.userId !== null) answered.push({ user: { id: r.userId, name: r.userName ?? '' }, states: r.states ?? '' });
  const answers = answersOf(answered, shape.slots);
  const version = rows[0]?.version;
  const summary = summaryOf(answers, shape.windowSlots, version ?? 0);
  if (version === undefined) return { summary };
  const bands: AnswerBandRow[] = [];
  for (let band = 0; band < bandCount(summary); band++) {
    const rows = bandOf(answers.matrix, band, summary.bandSlots);
    bands.push({ band, version, bits: bytesOf(rows.yes, rows.available) });
  }
  const people = summary.people.map((u) => `${escapeField(u.id)}${SEPARATOR}${escapeField(u.name)}`).join(SEPARATOR);
  const matrix = { version, slotCount: summary.slots, windowSlots: summary.windowSlots, bandSlots: summary.bandSlots, people, counts: bytesOf(summary.windowYes, summary.windowAvailable) };
  return { summary, keep: { matrix, bands } };
}

/** A kept answer_matrices row as read back (drivers give blobs as Buffers, or any Uint8Array). */
export type KeptSummaryRow = Omit<AnswerMatrixRow, 'counts'> & { counts: Uint8Array };

/** The summary a kept row holds; undefined when it was kept for another shape (or does not fit one). */
export function summaryOfRow(row: KeptSummaryRow, shape: AnswerShape): AnswerSummary | undefined {
  if (row.slotCount !== shape.slots || row.windowSlots !== Math.max(1, shape.windowSlots) || row.bandSlots < 1) return undefined;
  // A poll whose layout came out empty (a window inside a skipped hour) keeps no counts at all.
  const width = shape.slots === 0 ? 2 : row.counts.byteLength / (shape.slots * 2);
  if ((width !== 2 && width !== 4) || (shape.slots === 0 && row.counts.byteLength !== 0)) return undefined;
  const fields = row.people === '' ? [] : row.people.split(SEPARATOR);
  const people: UserRef[] = new Array(fields.length >> 1);
  // Almost no name holds the escape: then no field is looked at twice.
  if (row.people.includes('\\')) for (let i = 0; i + 1 < fields.length; i += 2) people[i >> 1] = { id: unescapeField(fields[i]!), name: unescapeField(fields[i + 1]!) };
  else for (let i = 0; i + 1 < fields.length; i += 2) people[i >> 1] = { id: fields[i]!, name: fields[i + 1]! };
  const counts = width === 2 ? halfWordsOf(row.counts) : wordsOf(row.counts);
  return {
    version: row.version,
    people,
    slots: row.slotCount,
    windowSlots: row.windowSlots,
    windowYes: counts.subarray(0, shape.slots),
    windowAvailable: counts.subarray(shape.slots),
    bandSlots: row.bandSlots,
  };
}

/** Bands `first`..`last` as read for one version; undefined when any is not there (the poll moved on) or does not fit. */
export function bandsOfRows(rows: ReadonlyArray<{ band: number; bits: Uint8Array }>, summary: AnswerSummary, first: number, last: number): Map<number, AnswerBand> | undefined {
  const words = wordsFor(summary.people.length);
  const bands = new Map<number, AnswerBand>();
  for (const row of rows) {
    const slots = Math.min(summary.bandSlots, summary.slots - row.band * summary.bandSlots);
    if (row.bits.byteLength !== slots * words * 8) return undefined;
    const all = wordsOf(row.bits);
    bands.set(row.band, { yes: all.subarray(0, slots * words), available: all.subarray(slots * words) });
  }
  for (let band = first; band <= last; band++) if (!bands.has(band)) return undefined;
  return bands;
}

/** Counts or words as little-endian bytes, one array after the other. */
function bytesOf(...arrays: Array<Uint16Array | Uint32Array>): Buffer {
  const bytes = Buffer.alloc(arrays.reduce((n, a) => n + a.byteLength, 0));
  let at = 0;
  for (const values of arrays) {
    if (LITTLE_ENDIAN) bytes.set(new Uint8Array(values.buffer, values.byteOffset, values.byteLength), at);
    else if (values instanceof Uint16Array) values.forEach((value, i) => bytes.writeUInt16LE(value, at + i * 2));
    else values.forEach((value, i) => bytes.writeUInt32LE(value, at + i * 4));
    at += values.byteLength;
  }
  return bytes;
}

/** The row's bytes as little-endian words, without a copy when they are aligned and the machine is little-endian. */
function wordsOf(bytes: Uint8Array): Uint32Array {
  if (LITTLE_ENDIAN && bytes.byteOffset % 4 === 0) return new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Uint32Array.from({ length: bytes.byteLength / 4 }, (_, i) => view.getUint32(i * 4, true));
}

/** The same for 16-bit counts. */
function halfWordsOf(bytes: Uint8Array): Uint16Array {
  if (LITTLE_ENDIAN && bytes.byteOffset % 2 === 0) return new Uint16Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 2);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Uint16Array.from({ length: bytes.byteLength / 2 }, (_, i) => view.getUint16(i * 2, true));
}
