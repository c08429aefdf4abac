/** DueWorkStore on SQLite: claims run in IMMEDIATE transactions so two processes never both claim. */
import { and, asc, eq, inArray, isNotNull, lte, min, notLike, sql } from 'drizzle-orm';
import type { SQLiteUpdateSetSource } from 'drizzle-orm/sqlite-core';
import type { DueWorkStore, OutboxItem } from '../../../core/ports.js';
import {
  CLAIM_BATCH,
  claimValues,
  deadlineWork,
  earliest,
  failureValues,
  NO_REMINDERS_LIKE,
  outboxItemOf,
  outboxValues,
  pendingReminders,
  releasedValues,
  reminderKey,
  sentValues,
  UNSENT,
  type ReminderDue,
} from '../due-work-rows.js';
import type { OpenedDatabase } from './open-database.js';
import { outbox, polls, remindersSent } from './schema.js';

export class SqliteDueWorkStore implements DueWorkStore {
  constructor(private readonly database: OpenedDatabase) {}

  private get db() {
    return this.database.db;
  }

  async claimDue(now: number, lateAfterMs: number): Promise<number> {
    const claim = this.database.sqlite.transaction((): number => {
      const due = this.db
        .select({ id: polls.id })
        .from(polls)
        .where(and(eq(polls.status, 'open'), isNotNull(polls.deadline), lte(polls.deadline, now)))
        .orderBy(asc(polls.deadline))
        .limit(CLAIM_BATCH)
        .all()
        .map((p) => p.id);
      const closed = due.length
        ? this.db
            .update(polls)
            .set({ status: 'closed', closedAt: now, version: sql`${polls.version} + 1` })
            .where(inArray(polls.id, due))
            .returning({ id: polls.id, deadline: polls.deadline })
            .all()
        : [];
      for (const poll of closed) this.db.insert(outbox).values(outboxValues(poll.id, deadlineWork(poll.deadline, now, lateAfterMs), now)).run();
      let claimed = closed.length;
      for (const reminder of this.pendingReminders()) {
        if (reminder.at > now || claimed >= CLAIM_BATCH) continue;
        const inserted = this.db
          .insert(remindersSent)
          .values({ pollId: reminder.pollId, deadline: reminder.deadline, offsetMinutes: reminder.offsetMinutes, claimedAt: now })
          .onConflictDoNothing()
          .returning()
          .all();
        if (inserted.length) {
          this.db.insert(outbox).values(outboxValues(reminder.pollId, { kind: 'reminder', offsetMinutes: reminder.offsetMinutes }, now)).run();
          claimed++;
        }
      }
      return claimed;
    });
    return claim.immediate();
  }

  private pendingReminders(): ReminderDue[] {
    const open = this.db
      .select({ id: polls.id, spec: polls.spec, deadline: polls.deadline, createdAt: polls.createdAt })
      .from(polls)
      .where(and(eq(polls.status, 'open'), isNotNull(polls.deadline), notLike(polls.spec, NO_REMINDERS_LIKE)))
      .all();
    if (open.length === 0) return [];
    const sent = this.db
      .select()
      .from(remindersSent)
      .where(inArray(remindersSent.pollId, open.map((p) => p.id)))
      .all();
    return pendingReminders(open, new Set(sent.map(reminderKey)));
  }

  async nextDueAt(): Promise<number | undefined> {
    const deadline = this.db
      .select({ at: min(polls.deadline) })
      .from(polls)
      .where(and(eq(polls.status, 'open'), isNotNull(polls.deadline)))
      .get()?.at;
    const retry = this.db.select({ at: min(outbox.nextAttemptAt) }).from(outbox).where(inArray(outbox.status, UNSENT)).get()?.at;
    return earliest(deadline, retry, ...this.pendingReminders().map((r) => r.at));
  }

  async outboxBacklog(now: number): Promise<{ pending: number; oldestDueAt?: number }> {
    const row = this.db
      .select({ pending: sql<number>`count(*)`, oldest: sql<number | null>`min(case when ${outbox.nextAttemptAt} <= ${now} then ${outbox.nextAttemptAt} end)` })
      .from(outbox)
      .where(inArray(outbox.status, UNSENT))
      .get();
    return { pending: row?.pending ?? 0, ...(row?.oldest != null ? { oldestDueAt: row.oldest } : {}) };
  }

  async claimOutbox(now: number, limit: number, leaseMs: number): Promise<OutboxItem[]> {
    const take = this.database.sqlite.transaction((): OutboxItem[] => {
      const due = this.db
        .select({ id: outbox.id })
        .from(outbox)
        .where(and(inArray(outbox.status, UNSENT), lte(outbox.nextAttemptAt, now)))
        .orderBy(asc(outbox.id))
        .limit(limit)
        .all()
        .map((r) => r.id);
      return due.map((id) => outboxItemOf(this.db.update(outbox).set(claimValues(now, leaseMs)).where(eq(outbox.id, id)).returning().get()!));
    });
    return take.immediate();
  }

  /** Changes the item only while `lease` holds it; true when it did. */
  private settle(id: number, lease: string, values: SQLiteUpdateSetSource<typeof outbox>): boolean {
    const changed = this.db
      .update(outbox)
      .set(values)
      .where(and(eq(outbox.id, id), eq(outbox.lease, lease), eq(outbox.status, 'sending')))
      .returning({ id: outbox.id })
      .all();
    return changed.length > 0;
  }

  async release(id: number, lease: string, now: number): Promise<boolean> {
    return this.settle(id, lease, releasedValues(now));
  }

  async markSent(id: number, lease: string, now: number): Promise<boolean> {
    return this.settle(id, lease, sentValues(now));
  }

  async markFailed(id: number, lease: string, error: string, retryAt: number | null): Promise<boolean> {
    return this.settle(id, lease, { attempts: sql`${outbox.attempts} + 1`, ...failureValues(error, retryAt) });
  }

  async markPartsSent(id: number, lease: string, partsSent: number): Promise<boolean> {
    return this.settle(id, lease, { partsSent });
  }

  async extendLease(id: number, lease: string, until: number): Promise<boolean> {
    return this.settle(id, lease, { nextAttemptAt: until });
  }
}
