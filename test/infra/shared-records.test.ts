import { expect, it } from 'vitest';
import { describeEachStore } from '../support/pg-store-dialects.js';

describeEachStore('SharedRecords', (d) => {
  it('keeps the first value made, across a reopen and a second connection', async () => {
    const first = await d.open();
    const second = await d.open();
    expect(await first.records.getOrCreate('secret', 'web', () => 'one', 1)).toBe('one');
    expect(await second.records.getOrCreate('secret', 'web', () => 'two', 2)).toBe('one');
    await first.close();
    await second.close();
    const again = await d.open();
    expect(await again.records.get('secret', 'web')).toBe('one');
  });

  it('gives every concurrent caller the one value stored', async () => {
    const stores = await Promise.all([d.open(), d.open(), d.open()]);
    const values = await Promise.all(stores.flatMap((s, i) => [0, 1, 2].map((j) => s.records.getOrCreate('secret', 'race', () => `v${i}${j}`, 1))));
    expect(new Set(values).size).toBe(1);
  });

  it('puts, overwrites and removes', async () => {
    const { records } = await d.open();
    expect(await records.get('discord-event', '7')).toBeUndefined();
    await records.put('discord-event', '7', 'e1', 1);
    await records.put('discord-event', '7', 'e2', 2);
    expect(await records.get('discord-event', '7')).toBe('e2');
    await records.remove('discord-event', '7');
    expect(await records.get('discord-event', '7')).toBeUndefined();
  });

  it('swaps and takes as one step: of many callers at once, each displaced value comes back to exactly one', async () => {
    const stores = await Promise.all([d.open(), d.open(), d.open()]);
    // From no record at all, the hardest case: nothing to lock yet.
    const written = stores.flatMap((_, i) => [0, 1, 2, 3].map((j) => `r${i}${j}`));
    const displaced = await Promise.all(written.map((value, n) => stores[n % 3]!.records.swap('slack-reminder', '9', value, n)));
    const last = await stores[0]!.records.get('slack-reminder', '9');
    // Every value written is either the one left or was handed back once; exactly one swap found nothing.
    expect([...displaced.filter((v) => v !== undefined), last].sort()).toEqual([...written].sort());
    expect(displaced.filter((v) => v === undefined)).toHaveLength(1);
    const taken = await Promise.all(stores.map((s) => s.records.take('slack-reminder', '9')));
    expect(taken.filter((v) => v !== undefined)).toEqual([last]);
    expect(await stores[1]!.records.get('slack-reminder', '9')).toBeUndefined();
  });
});
