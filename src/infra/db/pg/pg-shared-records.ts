/** SharedRecords on PostgreSQL. */
import { and, eq, sql } from 'drizzle-orm';
import { SharedRecordsOverRows, type SharedRecordRows } from '../shared-records-over-rows.js';
import type { OpenedPostgres } from './open-postgres.js';
import { sharedRecords } from './schema.js';

function pgRecordRows({ db }: OpenedPostgres): SharedRecordRows {
  const where = (scope: string, key: string) => and(eq(sharedRecords.scope, scope), eq(sharedRecords.key, key));
  return {
    read: async (scope, key) => (await db.select({ value: sharedRecords.value }).from(sharedRecords).where(where(scope, key)))[0]?.value,
    insertIfAbsent: async (scope, key, value, now) => {
      await db.insert(sharedRecords).values({ scope, key, value, updatedAt: now }).onConflictDoNothing();
    },
    upsert: async (scope, key, value, now) => {
      await db
        .insert(sharedRecords)
        .values({ scope, key, value, updatedAt: now })
        .onConflictDoUpdate({ target: [sharedRecords.scope, sharedRecords.key], set: { value, updatedAt: now } });
    },
    delete: async (scope, key) => {
      await db.delete(sharedRecords).where(where(scope, key));
    },
    // A row lock cannot cover a record that does not exist yet: two first swaps would both read
    // nothing. A transaction-scoped advisory lock on the (scope, key) pair serialises them instead.
    swap: async (scope, key, value, now) =>
      db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`${scope}/${key}`}, 0))`);
        const [previous] = await tx.select({ value: sharedRecords.value }).from(sharedRecords).where(where(scope, key)).for('update');
        await tx
          .insert(sharedRecords)
          .values({ scope, key, value, updatedAt: now })
          .onConflictDoUpdate({ target: [sharedRecords.scope, sharedRecords.key], set: { value, updatedAt: now } });
        return previous?.value;
      }),
    take: async (scope, key) => (await db.delete(sharedRecords).where(where(scope, key)).returning({ value: sharedRecords.value }))[0]?.value,
  };
}

export class PgSharedRecords extends SharedRecordsOverRows {
  constructor(database: OpenedPostgres) {
    super(pgRecordRows(database));
  }
}
