/**
 * A poll's answers as both dialects keep them in answer_matrices: who answered (`people`) and their
 * bits (`bits`), so a results read takes one row instead of parsing every answer. The row is
 * written for one poll version and trusted only while the poll still has that version.
 */
import { AvailabilityMatrix, answersOf, type PollAnswers } from '../../core/domain/availability.js';
import type { Participant, UserRef } from '../../core/domain/types.js';

export interface AnswerMatrixRow {
  version: number;
  slotCount: number;
  people: string;
  /** As both drivers bind a blob. */
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
 * The answers read at one version (from one statement, so one snapshot), and the row to keep for
 * them; nothing to keep when the poll is gone.
 */
export function answersAtVersion(rows: readonly VersionedAnswerRow[], slotCount: number): { answers: PollAnswers; keep?: AnswerMatrixRow } {
  const answered: Array<Pick<Participant, 'user' | 'states'>> = [];
  for (const r of rows) if (r.userId !== null) answered.push({ user: { id: r.userId, name: r.userName ?? '' }, states: r.states ?? '' });
  const answers = answersOf(answered, slotCount);
  const version = rows[0]?.version;
  return version === undefined ? { answers } : { answers, keep: answerMatrixRow(answers, slotCount, version) };
}

function answerMatrixRow(answers: PollAnswers, slotCount: number, version: number): AnswerMatrixRow {
  const { yes, available } = answers.matrix.bits();
  const bits = Buffer.alloc((yes.length + available.length) * 4);
  const view = new DataView(bits.buffer, bits.byteOffset, bits.byteLength);
  yes.forEach((word, i) => view.setUint32(i * 4, word, true));
  available.forEach((word, i) => view.setUint32((yes.length + i) * 4, word, true));
  const people = answers.people.map((u) => `${escapeField(u.id)}${SEPARATOR}${escapeField(u.name)}`).join(SEPARATOR);
  return { version, slotCount, people, bits };
}

/** The answers a kept row holds; undefined when it was kept for another slot count (or does not fit one). */
export function answersOfRow(row: { slotCount: number; people: string; bits: Uint8Array }, slotCount: number): PollAnswers | undefined {
  if (row.slotCount !== slotCount) return undefined;
  const fields = row.people === '' ? [] : row.people.split(SEPARATOR);
  // Almost no name holds the escape: then no field is looked at twice.
  const field = row.people.includes('\\') ? unescapeField : (f: string) => f;
  const people: UserRef[] = [];
  for (let i = 0; i + 1 < fields.length; i += 2) people.push({ id: field(fields[i]!), name: field(fields[i + 1]!) });
  const words = Math.max(1, Math.ceil(people.length / 32)) * slotCount;
  if (row.bits.byteLength !== words * 8) return undefined;
  const all = wordsOf(row.bits);
  const matrix = new AvailabilityMatrix({ people: people.length, yes: all.subarray(0, words), available: all.subarray(words) }, slotCount);
  return { people, matrix };
}

/** The row's bytes as little-endian words, without a copy when they are aligned and the machine is little-endian. */
function wordsOf(bytes: Uint8Array): Uint32Array {
  if (LITTLE_ENDIAN && bytes.byteOffset % 4 === 0) return new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Uint32Array.from({ length: bytes.byteLength / 4 }, (_, i) => view.getUint32(i * 4, true));
}
