/**
 * Reading and writing poll rows, the same for every dialect: both schemas give rows of plain
 * numbers and strings, so a row becomes a Poll (or an UnreadablePoll) in one place.
 */
import { pickedWindowSchema, pollSpecSchema, readStoredJson } from '../../core/domain/poll-schema.js';
import type {
  ChannelRef,
  HistoryEntry,
  Locale,
  Participant,
  Platform,
  Poll,
  PollSpec,
  PollStatus,
  UnreadablePoll,
  UserPrefs,
  UserRef,
} from '../../core/domain/types.js';
import type { AnswerSource, NewPoll, PollPatch } from '../../core/ports.js';
import { reasonOf } from './usual-week-rows.js';
import type { PastAnswer } from '../../core/domain/usual-week.js';

export interface PollRow {
  id: number;
  code: string;
  platform: string;
  workspaceId: string;
  channelId: string;
  creatorId: string;
  creatorName: string;
  kind: string;
  title: string;
  spec: string;
  status: string;
  deadline: number | null;
  createdAt: number;
  closedAt: number | null;
  messageRef: string | null;
  picked: string | null;
  version: number;
}

/**
 * Specs already read, by their stored text: every click reads its poll, and parsing and checking
 * the spec cost more than the query. The same text always reads the same, so each spec is checked
 * once and shared, frozen so no caller can change it for the others. Bounded by the text held
 * (a typical spec is under 1,000 characters); the least recently read go first.
 */
const specsRead = new Map<string, ReturnType<typeof readStoredJson<PollSpec>>>();
let specTextHeld = 0;
const SPEC_TEXT_KEPT = 16_000_000;

function readSpec(text: string): ReturnType<typeof readStoredJson<PollSpec>> {
  const known = specsRead.get(text);
  if (known) {
    specsRead.delete(text);
    specsRead.set(text, known);
    return known;
  }
  const read = readStoredJson(text, pollSpecSchema);
  if (read.ok) deepFreeze(read.value);
  specsRead.set(text, read);
  specTextHeld += text.length;
  for (const [oldText] of specsRead) {
    if (specTextHeld <= SPEC_TEXT_KEPT || oldText === text) break;
    specsRead.delete(oldText);
    specTextHeld -= oldText.length;
  }
  return read;
}

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const inner of Object.values(value)) deepFreeze(inner);
}

/** A row as a poll, or, when its spec or pick fails validation, as the unreadable poll its plain columns describe. */
export function readPollRow(row: PollRow): Poll | UnreadablePoll {
  const channel: ChannelRef = { platform: row.platform as Platform, workspaceId: row.workspaceId, channelId: row.channelId };
  const creator: UserRef = { id: row.creatorId, name: row.creatorName };
  const status = row.status as PollStatus;
  const unreadable = (problem: string): UnreadablePoll => ({ id: row.id, code: row.code, channel, creator, title: row.title, status, problem });
  const spec = readSpec(row.spec);
  if (!spec.ok) return unreadable(`spec ${spec.problem}`);
  const picked = row.picked === null ? undefined : readStoredJson(row.picked, pickedWindowSchema);
  if (picked && !picked.ok) return unreadable(`picked ${picked.problem}`);
  const poll: Poll = { id: row.id, code: row.code, channel, creator, spec: spec.value, status, createdAt: row.createdAt, version: row.version };
  if (row.closedAt !== null) poll.closedAt = row.closedAt;
  if (row.messageRef !== null) poll.messageRef = row.messageRef;
  if (picked?.ok) poll.picked = picked.value;
  return poll;
}

export function isUnreadable(poll: Poll | UnreadablePoll): poll is UnreadablePoll {
  return 'problem' in poll;
}

export function readablePoll(row: PollRow | undefined): Poll | undefined {
  const poll = row && readPollRow(row);
  return poll && !isUnreadable(poll) ? poll : undefined;
}

export function unreadablePollOf(row: PollRow | undefined): UnreadablePoll | undefined {
  const poll = row && readPollRow(row);
  return poll && isUnreadable(poll) ? poll : undefined;
}

export function readablePolls(rows: PollRow[]): Poll[] {
  return rows.map(readPollRow).filter((poll): poll is Poll => !isUnreadable(poll));
}

export function unreadablePollsOf(rows: PollRow[]): UnreadablePoll[] {
  return rows.map(readPollRow).filter(isUnreadable);
}

/** A poll just stored; it must read back, since its spec was checked on the way in. */
export function storedPoll(row: PollRow): Poll {
  const poll = readPollRow(row);
  if (isUnreadable(poll)) throw new Error(`a poll just stored reads back as damaged: ${poll.problem}`);
  return poll;
}

/** A spec is checked on the way in too, so a bug can never store a poll that reads back as damaged. */
export function storedSpec(spec: PollSpec): string {
  const checked = pollSpecSchema.safeParse(spec);
  if (!checked.success) throw new Error(`refusing to store an invalid poll spec: ${checked.error.message}`);
  return JSON.stringify(spec);
}

/** The columns of a new poll (code aside). */
export function newPollValues(input: NewPoll) {
  return {
    platform: input.channel.platform,
    workspaceId: input.channel.workspaceId,
    channelId: input.channel.channelId,
    creatorId: input.creator.id,
    creatorName: input.creator.name,
    kind: input.spec.kind,
    title: input.spec.title,
    spec: storedSpec(input.spec),
    status: 'open',
    deadline: input.spec.deadline ?? null,
    createdAt: input.createdAt,
  };
}

export interface PollPatchValues {
  status?: string;
  closedAt?: number | null;
  messageRef?: string;
  picked?: string | null;
  spec?: string;
  deadline?: number | null;
  title?: string;
}

/** The columns a patch changes; the spec's copies (deadline, title) move with it. */
export function pollPatchValues(patch: PollPatch): PollPatchValues {
  const values: PollPatchValues = {};
  if (patch.status !== undefined) values.status = patch.status;
  if (patch.closedAt !== undefined) values.closedAt = patch.closedAt;
  if (patch.messageRef !== undefined) values.messageRef = patch.messageRef;
  if (patch.picked !== undefined) values.picked = patch.picked === null ? null : JSON.stringify(patch.picked);
  if (patch.spec !== undefined) {
    values.spec = storedSpec(patch.spec);
    values.deadline = patch.spec.deadline ?? null;
    values.title = patch.spec.title;
  }
  return values;
}

export function participantOf(r: { userId: string; userName: string; states: string; answeredAt: number }): Participant {
  return { user: { id: r.userId, name: r.userName }, states: r.states, answeredAt: r.answeredAt };
}

const SOURCES: ReadonlySet<string> = new Set<AnswerSource>(['button', 'text', 'web']);

export function historyEntryOf(r: { userId: string; userName: string; at: number; changes: string; reason: string | null; source: string | null }): HistoryEntry {
  const entry: HistoryEntry = { user: { id: r.userId, name: r.userName }, at: r.at, changes: JSON.parse(r.changes) as HistoryEntry['changes'] };
  const reason = reasonOf(r.reason);
  if (reason) entry.reason = reason;
  // A value this version does not know (a newer one wrote it) reads as unknown, not as an error.
  if (r.source !== null && SOURCES.has(r.source)) entry.source = r.source as AnswerSource;
  return entry;
}

export function userPrefsOf(r: { timezone: string | null; locale: string | null } | undefined): UserPrefs {
  const prefs: UserPrefs = {};
  if (r?.timezone) prefs.timezone = r.timezone;
  if (r?.locale) prefs.locale = r.locale as Locale;
  return prefs;
}

export function userPrefsValues(prefs: UserPrefs, now: number) {
  return { timezone: prefs.timezone ?? null, locale: prefs.locale ?? null, updatedAt: now };
}

/** Whether a patch changes what the poll shows (and so its version): everything but the message reference. */
export function changesVersion(values: PollPatchValues): boolean {
  return Object.keys(values).some((key) => key !== 'messageRef');
}

/** A person's answers joined with their polls; polls that fail validation are left out. */
export function pastAnswersOf(rows: Array<{ poll: PollRow; states: string }>): PastAnswer[] {
  return rows.flatMap(({ poll, states }) => {
    const read = readPollRow(poll);
    return isUnreadable(read) ? [] : [{ poll: read, states }];
  });
}

/** At most this many past answers are read to learn from (eight weeks of a busy person's polls). */
export const PAST_ANSWERS_LIMIT = 500;

/** How many codes to draw before giving up on finding a free one. */
export const CODE_ATTEMPTS = 50;
