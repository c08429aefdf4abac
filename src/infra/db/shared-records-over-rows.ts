/** SharedRecords for every dialect, over the four row operations each store provides. */
import type { SharedRecords } from '../../core/ports.js';

export interface SharedRecordRows {
  read(scope: string, key: string): Promise<string | undefined>;
  /** Inserts unless a row for (scope, key) exists; never overwrites. */
  insertIfAbsent(scope: string, key: string, value: string, now: number): Promise<void>;
  upsert(scope: string, key: string, value: string, now: number): Promise<void>;
  delete(scope: string, key: string): Promise<void>;
  /** Upserts and returns the value it replaced, atomically with respect to other swaps and takes. */
  swap(scope: string, key: string, value: string, now: number): Promise<string | undefined>;
  /** Deletes and returns the deleted value. */
  take(scope: string, key: string): Promise<string | undefined>;
}

export class SharedRecordsOverRows implements SharedRecords {
  constructor(private readonly rows: SharedRecordRows) {}

  async getOrCreate(scope: string, key: string, make: () => string, now: number): Promise<string> {
    const existing = await this.rows.read(scope, key);
    if (existing !== undefined) return existing;
    // Another process may insert between the read and this write: keep whichever landed first.
    await this.rows.insertIfAbsent(scope, key, make(), now);
    const stored = await this.rows.read(scope, key);
    if (stored === undefined) throw new Error(`shared record ${scope}/${key} vanished after insert`);
    return stored;
  }

  get(scope: string, key: string): Promise<string | undefined> {
    return this.rows.read(scope, key);
  }

  put(scope: string, key: string, value: string, now: number): Promise<void> {
    return this.rows.upsert(scope, key, value, now);
  }

  remove(scope: string, key: string): Promise<void> {
    return this.rows.delete(scope, key);
  }

  swap(scope: string, key: string, value: string, now: number): Promise<string | undefined> {
    return this.rows.swap(scope, key, value, now);
  }

  take(scope: string, key: string): Promise<string | undefined> {
    return this.rows.take(scope, key);
  }
}
