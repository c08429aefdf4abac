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
});
