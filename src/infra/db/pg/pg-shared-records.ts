/** SharedRecords on PostgreSQL. */
import { and, eq } from 'drizzle-orm';
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
  };
}

export class PgSharedRecords extends SharedRecordsOverRows {
  constructor(database: OpenedPostgres) {
    super(pgRecordRows(database));
  }
}
