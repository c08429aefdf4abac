import { expect, it } from 'vitest';
import { Coalescer } from '../../adapters/shared/coalescer.js';
import type { PollSpec } from '../../src/core/domain/types.js';
import { T0 } from '../helpers.js';
import { describeEachStore } from '../support/pg-store-dialects.js';

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
const channel = { platform: 'slack' as const, workspaceId: 'T1', channelId: 'C1' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describeEachStore('EditPacing', (d) => {
  it('gives one instance the edit and tells the others how long to wait', async () => {
    const a = await d.open();
    const b = await d.open();
    const poll = await a.polls.createPoll({ channel, creator: { id: 'U1', name: 'ann' }, spec, createdAt: T0 }, () => 'ED1T');
    const claims = await Promise.all([a.editPacing.claimEdit(poll.id, T0, 1_000), b.editPacing.claimEdit(poll.id, T0, 1_000)]);
    expect(claims.sort()).toEqual([0, 1_000]);
    expect(await b.editPacing.claimEdit(poll.id, T0 + 400, 1_000)).toBe(600);
    expect(await b.editPacing.claimEdit(poll.id, T0 + 1_000, 1_000)).toBe(0);
    expect(await a.editPacing.claimEdit(poll.id, T0 + 1_500, 1_000)).toBe(500);
  });

  it('two instances editing one poll message through a burst: never closer than the interval, and the last state shown', async () => {
    const stores = [await d.open(), await d.open()];
    const poll = await stores[0]!.polls.createPoll({ channel, creator: { id: 'U1', name: 'ann' }, spec, createdAt: T0 }, () => 'ED2T');
    const INTERVAL = 250;
    const runs: Array<{ instance: number; at: number; value: number }> = [];
    let value = 0;
    const instances = stores.map(
      (store, instance) =>
        new Coalescer<number>(
          INTERVAL,
          async () => void runs.push({ instance, at: Date.now(), value }),
          () => {},
          undefined,
          // The test's own reading of the real clock stands in for each instance's Clock.
          (pollId) => store.editPacing.claimEdit(pollId, Date.now(), INTERVAL),
        ),
    );
    for (let i = 1; i <= 40; i++) {
      value = i;
      instances[i % 2]!.request(poll.id);
      instances[(i + 1) % 2]!.request(poll.id);
      await sleep(25);
    }
    // Both instances still owe the final state; wait until each has shown it.
    for (let waited = 0; waited < 5_000 && !stores.every((_, n) => runs.some((r) => r.instance === n && r.value === 40)); waited += 50) await sleep(50);
    expect(stores.every((_, n) => runs.some((r) => r.instance === n && r.value === 40))).toBe(true);
    const gaps = runs.slice(1).map((r, i) => r.at - runs[i]!.at);
    // Each run follows a claim the store granted at least INTERVAL after the previous one.
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(INTERVAL - 50);
  });
});
