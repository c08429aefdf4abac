/** SharedRecords on SQLite. */
import { and, eq } from 'drizzle-orm';
import { SharedRecordsOverRows, type SharedRecordRows } from '../shared-records-over-rows.js';
import type { OpenedDatabase } from './open-database.js';
import { sharedRecords } from './schema.js';

function sqliteRecordRows({ db }: OpenedDatabase): SharedRecordRows {
  const where = (scope: string, key: string) => and(eq(sharedRecords.scope, scope), eq(sharedRecords.key, key));
  return {
    read: async (scope, key) => db.select({ value: sharedRecords.value }).from(sharedRecords).where(where(scope, key)).get()?.value,
    insertIfAbsent: async (scope, key, value, now) => {
      db.insert(sharedRecords).values({ scope, key, value, updatedAt: now }).onConflictDoNothing().run();
    },
    upsert: async (scope, key, value, now) => {
      db.insert(sharedRecords)
        .values({ scope, key, value, updatedAt: now })
        .onConflictDoUpdate({ target: [sharedRecords.scope, sharedRecords.key], set: { value, updatedAt: now } })
        .run();
    },
    delete: async (scope, key) => {
      db.delete(sharedRecords).where(where(scope, key)).run();
    },
    // One synchronous transaction: nothing else runs on this connection between the read and the
    // write, and other processes wait on the file's write lock.
    swap: async (scope, key, value, now) =>
      db.transaction(
        (tx) => {
          const previous = tx.select({ value: sharedRecords.value }).from(sharedRecords).where(where(scope, key)).get()?.value;
          tx.insert(sharedRecords)
            .values({ scope, key, value, updatedAt: now })
            .onConflictDoUpdate({ target: [sharedRecords.scope, sharedRecords.key], set: { value, updatedAt: now } })
            .run();
          return previous;
        },
        { behavior: 'immediate' },
      ),
    take: async (scope, key) => db.delete(sharedRecords).where(where(scope, key)).returning({ value: sharedRecords.value }).get()?.value,
  };
}

export class SqliteSharedRecords extends SharedRecordsOverRows {
  constructor(database: OpenedDatabase) {
    super(sqliteRecordRows(database));
  }
}
