/**
 * DueWorkStore on PostgreSQL. One instance at a time claims due work (a transaction-scoped
 * advisory lock; the others skip the round), a bounded batch per claim; outbox items are taken
 * with FOR UPDATE SKIP LOCKED, so instances share them without waiting on one another.
 */
import { and, asc, eq, inArray, isNotNull, lte, min, notLike, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
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
import { CLAIM_LOCK, type OpenedPostgres, type PgDb } from './open-postgres.js';
import { outbox, polls, remindersSent } from './schema.js';

type Reader = Pick<PgDb, 'select'>;

export class PgDueWorkStore implements DueWorkStore {
  constructor(private readonly database: OpenedPostgres) {}

  private get db() {
    return this.database.db;
  }

  async claimDue(now: number, lateAfterMs: number): Promise<number> {
    return this.db.transaction(async (tx) => {
      const [lock] = await tx.execute<{ locked: boolean }>(sql`select pg_try_advisory_xact_lock(${CLAIM_LOCK}) as locked`).then((r) => r.rows);
      // Another instance is claiming right now; what it leaves is claimed at the next round.
      if (!lock?.locked) return 0;
      const due = tx
        .select({ id: polls.id })
        .from(polls)
        .where(and(eq(polls.status, 'open'), isNotNull(polls.deadline), lte(polls.deadline, now)))
        .orderBy(asc(polls.deadline))
        .limit(CLAIM_BATCH);
      const closed = await tx
        .update(polls)
        .set({ status: 'closed', closedAt: now, version: sql`${polls.version} + 1` })
        // Checked again on the row itself: PostgreSQL re-reads a row another transaction changed
        // meanwhile against these conditions only, so a poll someone just closed is left alone.
        .where(and(inArray(polls.id, due), eq(polls.status, 'open'), lte(polls.deadline, now)))
        .returning({ id: polls.id, deadline: polls.deadline });
      if (closed.length) await tx.insert(outbox).values(closed.map((poll) => outboxValues(poll.id, deadlineWork(poll.deadline, now, lateAfterMs), now)));
      let claimed = closed.length;
      for (const reminder of await this.pendingReminders(tx)) {
        if (reminder.at > now || claimed >= CLAIM_BATCH) continue;
        const inserted = await tx
          .insert(remindersSent)
          .values({ pollId: reminder.pollId, deadline: reminder.deadline, offsetMinutes: reminder.offsetMinutes, claimedAt: now })
          .onConflictDoNothing()
          .returning();
        if (inserted.length) {
          await tx.insert(outbox).values(outboxValues(reminder.pollId, { kind: 'reminder', offsetMinutes: reminder.offsetMinutes }, now));
          claimed++;
        }
      }
      return claimed;
    });
  }

  private async pendingReminders(db: Reader): Promise<ReminderDue[]> {
    const open = await db
      .select({ id: polls.id, spec: polls.spec, deadline: polls.deadline, createdAt: polls.createdAt })
      .from(polls)
      .where(and(eq(polls.status, 'open'), isNotNull(polls.deadline), notLike(polls.spec, NO_REMINDERS_LIKE)));
    if (open.length === 0) return [];
    const sent = await db
      .select()
      .from(remindersSent)
      .where(inArray(remindersSent.pollId, open.map((p) => p.id)));
    return pendingReminders(open, new Set(sent.map(reminderKey)));
  }

  async nextDueAt(): Promise<number | undefined> {
    const [deadline] = await this.db
      .select({ at: min(polls.deadline) })
      .from(polls)
      .where(and(eq(polls.status, 'open'), isNotNull(polls.deadline)));
    const [retry] = await this.db.select({ at: min(outbox.nextAttemptAt) }).from(outbox).where(inArray(outbox.status, UNSENT));
    // pg returns aggregates of bigint as text.
    const number = (x: unknown) => (x === null || x === undefined ? undefined : Number(x));
    return earliest(number(deadline?.at), number(retry?.at), ...(await this.pendingReminders(this.db)).map((r) => r.at));
  }

  async outboxBacklog(now: number): Promise<{ pending: number; oldestDueAt?: number }> {
    const [row] = await this.db
      .select({ pending: sql<string>`count(*)`, oldest: sql<string | null>`min(case when ${outbox.nextAttemptAt} <= ${now} then ${outbox.nextAttemptAt} end)` })
      .from(outbox)
      .where(inArray(outbox.status, UNSENT));
    // pg returns count and bigint aggregates as text.
    return { pending: Number(row?.pending ?? 0), ...(row?.oldest != null ? { oldestDueAt: Number(row.oldest) } : {}) };
  }

  async claimOutbox(now: number, limit: number, leaseMs: number): Promise<OutboxItem[]> {
    return this.db.transaction(async (tx) => {
      // Rows another instance is taking right now are skipped, not waited for.
      const due = await tx
        .select({ id: outbox.id })
        .from(outbox)
        .where(and(inArray(outbox.status, UNSENT), lte(outbox.nextAttemptAt, now)))
        .orderBy(asc(outbox.id))
        .limit(limit)
        .for('update', { skipLocked: true });
      const items: OutboxItem[] = [];
      for (const { id } of due) {
        const [row] = await tx.update(outbox).set(claimValues(now, leaseMs)).where(eq(outbox.id, id)).returning();
        if (row) items.push(outboxItemOf(row));
      }
      return items;
    });
  }

  /** Changes the item only while `lease` holds it; true when it did. */
  private async settle(id: number, lease: string, values: PgUpdateSetSource<typeof outbox>): Promise<boolean> {
    const changed = await this.db
      .update(outbox)
      .set(values)
      .where(and(eq(outbox.id, id), eq(outbox.lease, lease), eq(outbox.status, 'sending')))
      .returning({ id: outbox.id });
    return changed.length > 0;
  }

  release(id: number, lease: string, now: number): Promise<boolean> {
    return this.settle(id, lease, releasedValues(now));
  }

  markSent(id: number, lease: string, now: number): Promise<boolean> {
    return this.settle(id, lease, sentValues(now));
  }

  markFailed(id: number, lease: string, error: string, retryAt: number | null): Promise<boolean> {
    return this.settle(id, lease, { attempts: sql`${outbox.attempts} + 1`, ...failureValues(error, retryAt) });
  }

  markPartsSent(id: number, lease: string, partsSent: number): Promise<boolean> {
    return this.settle(id, lease, { partsSent });
  }

  extendLease(id: number, lease: string, until: number): Promise<boolean> {
    return this.settle(id, lease, { nextAttemptAt: until });
  }
}
