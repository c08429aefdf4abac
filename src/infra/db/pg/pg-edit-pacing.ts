/** EditPacing on PostgreSQL: one statement claims the slot, so instances racing for it get one winner. */
import { eq, lte, sql } from 'drizzle-orm';
import type { EditPacing } from '../../../core/ports.js';
import type { OpenedPostgres } from './open-postgres.js';
import { pollEditPacing } from './schema.js';

export class PgEditPacing implements EditPacing {
  constructor(private readonly database: OpenedPostgres) {}

  async claimEdit(pollId: number, now: number, intervalMs: number): Promise<number> {
    const { db } = this.database;
    const claimed = await db
      .insert(pollEditPacing)
      .values({ pollId, nextAt: now + intervalMs })
      .onConflictDoUpdate({ target: pollEditPacing.pollId, set: { nextAt: sql`excluded.next_at` }, setWhere: lte(pollEditPacing.nextAt, now) })
      .returning({ nextAt: pollEditPacing.nextAt });
    if (claimed.length) return 0;
    const [row] = await db.select({ nextAt: pollEditPacing.nextAt }).from(pollEditPacing).where(eq(pollEditPacing.pollId, pollId));
    // Gone meanwhile (the poll was deleted): nothing holds the edit back.
    return row ? Math.max(0, row.nextAt - now) : 0;
  }
}
