/** Reminders and outbox rows, decided once for every dialect; the stores do the reads and writes. */
import { randomUUID } from 'node:crypto';
import { pollSpecSchema, readStoredJson } from '../../core/domain/poll-schema.js';
import type { DueWork, OutboxItem } from '../../core/ports.js';

/**
 * At most this many polls closed (and reminders recorded) by one claim, so a burst of deadlines
 * is spread over the instances that claim in turn.
 */
export const CLAIM_BATCH = 50;

/**
 * Rows whose spec has this text have no reminders; the specs are written by JSON.stringify, so
 * the text cannot come from inside a string (its quotes would be escaped). Used as a LIKE
 * pattern, in both dialects, to skip reading the specs of polls without reminders.
 */
export const NO_REMINDERS_LIKE = '%"remindMinutes":[]%';

export interface OpenPollWithDeadline {
  id: number;
  spec: string;
  deadline: number | null;
  createdAt: number;
}

export interface ReminderDue {
  pollId: number;
  deadline: number;
  offsetMinutes: number;
  at: number;
}

export function reminderKey(r: { pollId: number; deadline: number; offsetMinutes: number }): string {
  return `${r.pollId}:${r.deadline}:${r.offsetMinutes}`;
}

/**
 * Reminders of these open polls not yet claimed (`sent` holds reminderKey of each claimed one)
 * for the poll's current deadline. An offset that was already past when the poll was made (or
 * last reopened) never fires. A poll whose spec is damaged has no reminders: its offsets cannot
 * be trusted, and its deadline (a column of its own) still closes it, which is where the
 * scheduler reports it.
 */
export function pendingReminders(open: OpenPollWithDeadline[], sent: Set<string>): ReminderDue[] {
  return open.flatMap((poll) => {
    const deadline = poll.deadline ?? 0;
    const read = readStoredJson(poll.spec, pollSpecSchema);
    if (!read.ok) return [];
    const spec = read.value;
    const from = spec.remindersFrom ?? poll.createdAt;
    return spec.remindMinutes
      .map((offsetMinutes) => ({ pollId: poll.id, deadline, offsetMinutes, at: deadline - offsetMinutes * 60_000 }))
      .filter((r) => r.at >= from && !sent.has(reminderKey(r)));
  });
}

export function deadlineWork(deadline: number | null, now: number, lateAfterMs: number): DueWork {
  return { kind: 'deadline', late: now - (deadline ?? now) > lateAfterMs };
}

/** The outbox row's columns for new work. */
export function outboxValues(pollId: number, work: DueWork, now: number) {
  return { pollId, kind: work.kind, payload: JSON.stringify(work), nextAttemptAt: now, createdAt: now };
}

export function outboxItemOf(r: { id: number; pollId: number; payload: string; attempts: number; lease: string | null; partsSent: number }): OutboxItem {
  if (r.lease === null) throw new Error(`outbox item ${r.id} was claimed without a lease`);
  return { id: r.id, pollId: r.pollId, work: JSON.parse(r.payload) as DueWork, attempts: r.attempts, lease: r.lease, partsSent: r.partsSent };
}

/** A failed send: retried at `retryAt`, or failed for good when it is null. The attempt count is raised by the store. */
export function failureValues(error: string, retryAt: number | null) {
  return { lastError: error.slice(0, 500), lease: null, ...(retryAt === null ? { status: 'failed' } : { status: 'pending', nextAttemptAt: retryAt }) };
}

/** The earliest of the instants given. */
export function earliest(...instants: Array<number | null | undefined>): number | undefined {
  const all = instants.filter((x): x is number => typeof x === 'number');
  return all.length ? Math.min(...all) : undefined;
}

/** A claim's columns: each item its own fresh lease token. */
export function claimValues(now: number, leaseMs: number) {
  return { status: 'sending', nextAttemptAt: now + leaseMs, lease: randomUUID() };
}

/** Settled items drop their lease: nobody holds them any more. */
export function sentValues(now: number) {
  return { status: 'sent', sentAt: now, lease: null };
}

export function releasedValues(now: number) {
  return { status: 'pending', nextAttemptAt: now, lease: null };
}

/** Outbox statuses that still wait to be sent (a "sending" one whose lease ran out is due again). */
export const UNSENT = ['pending', 'sending'];
