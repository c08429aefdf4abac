import pg from 'pg';
import { expect, it } from 'vitest';
import type { PollSpec } from '../../src/core/domain/types.js';
import type { Store } from '../../src/infra/db/open-store.js';
import { T0 } from '../helpers.js';
import { describeEachStore } from '../support/pg-store-dialects.js';

/** Resolves once another session waits for a lock (the claim reached the row `holder` holds). */
async function waitUntilBlocked(holder: pg.Client, what: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    const { rows } = await holder.query<{ n: number }>("select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()");
    if ((rows[0]?.n ?? 0) > 0) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`nothing waited for the lock on ${what}`);
}

const spec: PollSpec = {
  kind: 'date',
  title: 'p',
  timezone: 'UTC',
  days: { type: 'dates', dates: ['2026-12-01'] },
  durationSlots: 1,
  expected: [],
  required: [],
  remindMinutes: [],
  hidden: false,
};
const channel = { platform: 'console' as const, workspaceId: 'w', channelId: 'c' };
const LEASE = 60_000;

/** `count` polls whose deadline has passed at T0, closed by one claim (each with its outbox item). */
async function dueItems(store: Store, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    await store.polls.createPoll({ channel, creator: { id: 'U1', name: 'a' }, spec: { ...spec, deadline: T0 - 1_000 }, createdAt: T0 - 60_000 }, () => `D${i}`);
  }
  expect(await store.dueWork.claimDue(T0, 300_000)).toBe(count);
}

describeEachStore('DueWorkStore', (d) => {
  it('closes a due poll once, raising its version, and queues its announcement', async () => {
    const store = await d.open();
    await dueItems(store, 1);
    const poll = await store.polls.findPollByCode('D0');
    expect(poll).toMatchObject({ status: 'closed', closedAt: T0, version: 1 });
    expect(await store.dueWork.claimDue(T0 + 1, 300_000)).toBe(0);
    expect(await store.dueWork.nextDueAt()).toBe(T0);
  });

  it.runIf(d.name === 'postgres')('leaves alone a poll someone closes while the claim waits for its row', async () => {
    const store = await d.open();
    const poll = await store.polls.createPoll({ channel, creator: { id: 'U1', name: 'a' }, spec: { ...spec, deadline: T0 - 1_000 }, createdAt: T0 - 60_000 }, () => 'RACE');
    const person = new pg.Client({ connectionString: d.config().databaseUrl });
    await person.connect();
    try {
      // A person's close holds the row while the deadline claim reaches it.
      await person.query('begin');
      await person.query("update polls set status = 'closed', closed_at = $1, version = version + 1 where id = $2", [T0 - 500, poll.id]);
      const claim = store.dueWork.claimDue(T0, 300_000);
      await waitUntilBlocked(person, 'polls');
      await person.query('commit');
      expect(await claim).toBe(0);
    } finally {
      await person.end();
    }
    expect(await store.polls.getPoll(poll.id)).toMatchObject({ status: 'closed', closedAt: T0 - 500, version: 1 });
    expect(await d.query('select count(*)::int as n from outbox')).toEqual([{ n: 0 }]);
  });

  it('closes at most a batch of polls per claim, so instances share a burst', async () => {
    const store = await d.open();
    for (let i = 0; i < 60; i++) {
      await store.polls.createPoll({ channel, creator: { id: 'U1', name: 'a' }, spec: { ...spec, deadline: T0 - 1_000 + i }, createdAt: T0 - 60_000 }, () => `B${i}`);
    }
    expect(await store.dueWork.claimDue(T0, 300_000)).toBe(50);
    expect(await store.dueWork.claimDue(T0, 300_000)).toBe(10);
  });

  it('reports the outbox backlog operators watch: items to send, and since when the oldest has been due', async () => {
    const store = await d.open();
    expect(await store.dueWork.outboxBacklog(T0)).toEqual({ pending: 0 });
    await dueItems(store, 3);
    expect(await store.dueWork.outboxBacklog(T0 + 5_000)).toEqual({ pending: 3, oldestDueAt: T0 });
    const [item] = await store.dueWork.claimOutbox(T0 + 5_000, 1, LEASE);
    await store.dueWork.markSent(item!.id, item!.lease, T0 + 5_000);
    expect(await store.dueWork.outboxBacklog(T0 + 5_000)).toEqual({ pending: 2, oldestDueAt: T0 });
  });

  it('gives each claimed item a fresh lease; only its holder may settle it', async () => {
    const store = await d.open();
    await dueItems(store, 1);
    const [item] = await store.dueWork.claimOutbox(T0, 10, LEASE);
    expect(item!.lease).toMatch(/^[0-9a-f-]{36}$/);
    expect(await store.dueWork.markSent(item!.id, 'not-the-lease', T0)).toBe(false);
    expect(await store.dueWork.markFailed(item!.id, 'not-the-lease', 'boom', null)).toBe(false);
    expect(await store.dueWork.markSent(item!.id, item!.lease, T0)).toBe(true);
    // Settled: the lease is spent.
    expect(await store.dueWork.markSent(item!.id, item!.lease, T0)).toBe(false);
    expect(await d.query('select status, lease from outbox')).toEqual([{ status: 'sent', lease: null }]);
  });

  it('a lease that ran out is taken over: the old holder can no longer settle, the new one can', async () => {
    const store = await d.open();
    await dueItems(store, 1);
    const [first] = await store.dueWork.claimOutbox(T0, 10, LEASE);
    expect(await store.dueWork.claimOutbox(T0 + LEASE - 1, 10, LEASE)).toEqual([]);
    const [second] = await store.dueWork.claimOutbox(T0 + LEASE, 10, LEASE);
    expect(second!.id).toBe(first!.id);
    expect(second!.lease).not.toBe(first!.lease);
    expect(await store.dueWork.markSent(first!.id, first!.lease, T0 + LEASE + 1)).toBe(false);
    expect(await store.dueWork.extendLease(first!.id, first!.lease, T0 + 10 * LEASE)).toBe(false);
    expect(await store.dueWork.release(first!.id, first!.lease, T0)).toBe(false);
    expect(await store.dueWork.markFailed(second!.id, second!.lease, 'platform 500', T0 + LEASE + 5_000)).toBe(true);
    expect(await d.query('select status, attempts, next_attempt_at as at from outbox')).toEqual([{ status: 'pending', attempts: 1, at: T0 + LEASE + 5_000 }]);
  });

  it('extending a lease keeps the item from other claimers; releasing makes it due again at once', async () => {
    const store = await d.open();
    await dueItems(store, 1);
    const [item] = await store.dueWork.claimOutbox(T0, 10, LEASE);
    expect(await store.dueWork.extendLease(item!.id, item!.lease, T0 + 3 * LEASE)).toBe(true);
    expect(await store.dueWork.claimOutbox(T0 + 2 * LEASE, 10, LEASE)).toEqual([]);
    expect(await store.dueWork.release(item!.id, item!.lease, T0 + 2 * LEASE)).toBe(true);
    const [again] = await store.dueWork.claimOutbox(T0 + 2 * LEASE, 10, LEASE);
    expect(again?.id).toBe(item!.id);
  });

  it('instances claiming at once take disjoint items', async () => {
    const stores = [await d.open(), await d.open(), await d.open()];
    await dueItems(stores[0]!, 30);
    const claims = await Promise.all(stores.flatMap((s) => [s.dueWork.claimOutbox(T0, 7, LEASE), s.dueWork.claimOutbox(T0, 7, LEASE)]));
    const ids = claims.flat().map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(30);
  });
});
