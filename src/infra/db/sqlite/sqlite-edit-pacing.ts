/** EditPacing on SQLite: the read and the write in one IMMEDIATE transaction. */
import { eq } from 'drizzle-orm';
import type { EditPacing } from '../../../core/ports.js';
import type { OpenedDatabase } from './open-database.js';
import { pollEditPacing } from './schema.js';

export class SqliteEditPacing implements EditPacing {
  constructor(private readonly database: OpenedDatabase) {}

  async claimEdit(pollId: number, now: number, intervalMs: number): Promise<number> {
    const { db, sqlite } = this.database;
    const claim = sqlite.transaction((): number => {
      const row = db.select({ nextAt: pollEditPacing.nextAt }).from(pollEditPacing).where(eq(pollEditPacing.pollId, pollId)).get();
      if (row && row.nextAt > now) return row.nextAt - now;
      const nextAt = now + intervalMs;
      db.insert(pollEditPacing).values({ pollId, nextAt }).onConflictDoUpdate({ target: pollEditPacing.pollId, set: { nextAt } }).run();
      return 0;
    });
    return claim.immediate();
  }
}
