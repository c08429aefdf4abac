/** SharedRecords on SQLite. */
import { and, eq } from 'drizzle-orm';
import type { SharedRecords } from '../../core/ports.js';
import type { OpenedDatabase } from './open-database.js';
import { sharedRecords } from './schema.js';

export class SqliteSharedRecords implements SharedRecords {
  constructor(private readonly database: OpenedDatabase) {}

  private where(scope: string, key: string) {
    return and(eq(sharedRecords.scope, scope), eq(sharedRecords.key, key));
  }

  async getOrCreate(scope: string, key: string, make: () => string, now: number): Promise<string> {
    const existing = await this.get(scope, key);
    if (existing !== undefined) return existing;
    // Another process may insert between the read and this write: keep whichever landed first.
    this.database.db.insert(sharedRecords).values({ scope, key, value: make(), updatedAt: now }).onConflictDoNothing().run();
    const stored = await this.get(scope, key);
    if (stored === undefined) throw new Error(`shared record ${scope}/${key} vanished after insert`);
    return stored;
  }

  async get(scope: string, key: string): Promise<string | undefined> {
    const row = this.database.db.select({ value: sharedRecords.value }).from(sharedRecords).where(this.where(scope, key)).get();
    return row?.value;
  }

  async put(scope: string, key: string, value: string, now: number): Promise<void> {
    this.database.db
      .insert(sharedRecords)
      .values({ scope, key, value, updatedAt: now })
      .onConflictDoUpdate({ target: [sharedRecords.scope, sharedRecords.key], set: { value, updatedAt: now } })
      .run();
  }

  async remove(scope: string, key: string): Promise<void> {
    this.database.db.delete(sharedRecords).where(this.where(scope, key)).run();
  }
}
