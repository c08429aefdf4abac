/** DueWorkStore on SQLite: claims run in IMMEDIATE transactions so two processes never both claim. */
import { and, asc, eq, inArray, isNotNull, lte, min, sql } from 'drizzle-orm';
import { pollSpecSchema, readStoredJson } from '../../core/domain/poll-schema.js';
import type { DueWork, DueWorkStore, OutboxItem } from '../../core/ports.js';
import type { OpenedDatabase } from './open-database.js';
import { outbox, polls, remindersSent } from './schema.js';

export class SqliteDueWorkStore implements DueWorkStore {
  constructor(private readonly database: OpenedDatabase) {}

  private get db() {
    return this.database.db;
  }

  async claimDue(now: number, lateAfterMs: number): Promise<number> {
    const claim = this.database.sqlite.transaction((): number => {
      let claimed = 0;
      const closed = this.db
        .update(polls)
        .set({ status: 'closed', closedAt: now })
        .where(and(eq(polls.status, 'open'), isNotNull(polls.deadline), lte(polls.deadline, now)))
        .returning({ id: polls.id, deadline: polls.deadline })
        .all();
      for (const poll of closed) {
        const work: DueWork = { kind: 'deadline', late: now - (poll.deadline ?? now) > lateAfterMs };
        this.enqueue(poll.id, work, now);
        claimed++;
      }
      for (const reminder of this.pendingReminders()) {
        if (reminder.at > now) continue;
        const inserted = this.db
          .insert(remindersSent)
          .values({ pollId: reminder.pollId, deadline: reminder.deadline, offsetMinutes: reminder.offsetMinutes, claimedAt: now })
          .onConflictDoNothing()
          .returning()
          .all();
        if (inserted.length) {
          this.enqueue(reminder.pollId, { kind: 'reminder', offsetMinutes: reminder.offsetMinutes }, now);
          claimed++;
        }
      }
      return claimed;
    });
    return claim.immediate();
  }

  private enqueue(pollId: number, work: DueWork, now: number): void {
    this.db.insert(outbox).values({ pollId, kind: work.kind, payload: JSON.stringify(work), nextAttemptAt: now, createdAt: now }).run();
  }

  /**
   * Reminders of open polls not yet claimed for the poll's current deadline. An offset that was
   * already past when the poll was made (or last reopened) never fires. A poll whose spec is
   * damaged has no reminders: its offsets cannot be trusted, and its deadline (a column of its
   * own) still closes it, which is where the scheduler reports it.
   */
  private pendingReminders(): Array<{ pollId: number; deadline: number; offsetMinutes: number; at: number }> {
    const open = this.db
      .select({ id: polls.id, spec: polls.spec, deadline: polls.deadline, createdAt: polls.createdAt })
      .from(polls)
      .where(and(eq(polls.status, 'open'), isNotNull(polls.deadline), sql`(case when json_valid(${polls.spec}) then json_array_length(${polls.spec}, '$.remindMinutes') end) > 0`))
      .all();
    if (open.length === 0) return [];
    const sent = new Set(
      this.db
        .select()
        .from(remindersSent)
        .where(inArray(remindersSent.pollId, open.map((p) => p.id)))
        .all()
        .map((r) => `${r.pollId}:${r.deadline}:${r.offsetMinutes}`),
    );
    return open.flatMap((poll) => {
      const deadline = poll.deadline ?? 0;
      const read = readStoredJson(poll.spec, pollSpecSchema);
      if (!read.ok) return [];
      const spec = read.value;
      const from = spec.remindersFrom ?? poll.createdAt;
      return spec.remindMinutes
        .map((offsetMinutes) => ({ pollId: poll.id, deadline, offsetMinutes, at: deadline - offsetMinutes * 60_000 }))
        .filter((r) => r.at >= from && !sent.has(`${r.pollId}:${r.deadline}:${r.offsetMinutes}`));
    });
  }

  async nextDueAt(): Promise<number | undefined> {
    const deadline = this.db
      .select({ at: min(polls.deadline) })
      .from(polls)
      .where(and(eq(polls.status, 'open'), isNotNull(polls.deadline)))
      .get()?.at;
    const retry = this.db.select({ at: min(outbox.nextAttemptAt) }).from(outbox).where(inArray(outbox.status, ['pending', 'sending'])).get()?.at;
    const all = [deadline, retry, ...this.pendingReminders().map((r) => r.at)].filter((x): x is number => typeof x === 'number');
    return all.length ? Math.min(...all) : undefined;
  }

  async claimOutbox(now: number, limit: number, leaseMs: number): Promise<OutboxItem[]> {
    const take = this.database.sqlite.transaction((): OutboxItem[] => {
      const due = this.db
        .select({ id: outbox.id })
        .from(outbox)
        .where(and(inArray(outbox.status, ['pending', 'sending']), lte(outbox.nextAttemptAt, now)))
        .orderBy(asc(outbox.id))
        .limit(limit)
        .all()
        .map((r) => r.id);
      if (due.length === 0) return [];
      return this.db
        .update(outbox)
        .set({ status: 'sending', nextAttemptAt: now + leaseMs })
        .where(inArray(outbox.id, due))
        .returning()
        .all()
        .map((r) => ({ id: r.id, pollId: r.pollId, work: JSON.parse(r.payload) as DueWork, attempts: r.attempts }));
    });
    return take.immediate();
  }

  async release(id: number, now: number): Promise<void> {
    this.db.update(outbox).set({ status: 'pending', nextAttemptAt: now }).where(eq(outbox.id, id)).run();
  }

  async markSent(id: number, now: number): Promise<void> {
    this.db.update(outbox).set({ status: 'sent', sentAt: now }).where(eq(outbox.id, id)).run();
  }

  async markFailed(id: number, error: string, retryAt: number | null): Promise<void> {
    this.db
      .update(outbox)
      .set({
        attempts: sql`${outbox.attempts} + 1`,
        lastError: error.slice(0, 500),
        ...(retryAt === null ? { status: 'failed' } : { status: 'pending', nextAttemptAt: retryAt }),
      })
      .where(eq(outbox.id, id))
      .run();
  }
}
