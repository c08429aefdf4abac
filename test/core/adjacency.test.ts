/** The adjacency rule behind best times, options and read-backs: runs only join slots that meet, and blocks are named one by one. */
import { describe, expect, it } from 'vitest';
import { allText, CAPS, createPoll, makeKit, type TestKit } from '../helpers.js';

const UTC = { platformTimezone: 'UTC' };

/** Makes a poll, gives each person the same typed answer in UTC, and reads the results. */
async function resultsAfter(kit: TestKit, create: string, answer: string, people = ['ann']): Promise<string> {
  await createPoll(kit, 'host', create);
  for (const who of people) await kit.engine.runText(kit.actor(who, UTC), `/yakjeong answer ${answer}`, CAPS);
  return allText(await kit.engine.runText(kit.actor(people[0]!, UTC), '/yakjeong results', CAPS));
}

describe('best times only run across slots that meet', () => {
  it('a day window never joins the next day', async () => {
    const text = await resultsAfter(makeKit(), 'x dates:12/7-12/8 time:09:00-12:00 slot:1h tz:UTC', '12/7 11:00-12:00, 12/8 09:00-10:00', ['ann', 'bob']);
    expect(text).toMatch(/1\. Mon, Dec 7 11:00–12:00\* — 2\/2/);
    expect(text).toMatch(/2\. Tue, Dec 8 09:00–10:00\* — 2\/2/);
    expect(text).not.toMatch(/Dec 7 11:00–Tue/);
    expect(text).not.toMatch(/fits anywhere/);
  });

  it('date polls join consecutive dates only', async () => {
    const kit = makeKit();
    await createPoll(kit, 'host', 'trip kind:date dates:12/7,12/9,12/10');
    await kit.engine.runText(kit.actor('ann'), '/yakjeong answer 12/7,12/9,12/10', CAPS);
    const text = allText(await kit.engine.runText(kit.actor('ann'), '/yakjeong results', CAPS));
    expect(text).toMatch(/1\. Mon, Dec 7\* — 1\/1/);
    expect(text).toMatch(/2\. Wed, Dec 9 – Thu, Dec 10\* — 1\/1/);
  });

  it('an overnight window runs past midnight but not into the next evening', async () => {
    const text = await resultsAfter(makeKit(), 'late dates:12/7-12/8 time:22:00-02:00 slot:1h tz:UTC', '12/7 23:00-02:00, 12/8 22:00-23:00');
    expect(text).toMatch(/1\. Mon, Dec 7 23:00–Tue, Dec 8 02:00\* — 1\/1/);
    expect(text).toMatch(/2\. Tue, Dec 8 22:00–23:00\* — 1\/1/);
  });

  it('a 24-hour window joins its days', async () => {
    const text = await resultsAfter(makeKit(), 'day dates:12/7-12/8 time:00:00-24:00 slot:2h tz:UTC', '12/7 22:00-24:00, 12/8 00:00-02:00');
    expect(text).toMatch(/1\. Mon, Dec 7 22:00–Tue, Dec 8 02:00\* — 1\/1/);
  });

  it('a daily window may be a whole day from any hour', async () => {
    const text = await resultsAfter(makeKit(), 'late dates:12/7-12/8 time:22:00-22:00 slot:2h tz:UTC', '12/7 22:00-24:00, 12/8 00:00-02:00');
    expect(text).toMatch(/1\. Mon, Dec 7 22:00–Tue, Dec 8 02:00\* — 1\/1/);
  });

  it('blocks are named one by one, never as a range', async () => {
    const kit = makeKit();
    await createPoll(kit, 'host', 'meals dates:12/7 blocks:breakfast,lunch,dinner');
    await kit.engine.runText(kit.actor('ann'), '/yakjeong answer 12/7 lunch, 12/7 dinner', CAPS);
    const text = allText(await kit.engine.runText(kit.actor('ann'), '/yakjeong results', CAPS));
    expect(text).toMatch(/Mon, Dec 7 lunch, dinner/);
    expect(text).not.toMatch(/lunch–dinner/);
  });
});

describe('summaries read as stretches of time', () => {
  it('history and answer confirmations merge adjacent slots, but never blocks', async () => {
    const kit = makeKit();
    await createPoll(kit, 'host', 'x dates:12/1 time:09:00-12:00 slot:30m');
    const saved = allText(await kit.engine.runText(kit.actor('ann'), '/yakjeong answer 12/1 09:00-11:00', CAPS));
    expect(saved).toContain('✅ Tue, Dec 1 09:00–11:00');
    const history = allText(await kit.engine.runText(kit.actor('ann'), '/yakjeong history', CAPS));
    expect(history).toContain('Tue, Dec 1 09:00–11:00 no→free');
    expect(history).not.toContain('more changes');

    await createPoll(kit, 'host', 'y dates:12/1 blocks:lunch=12:00-13:00,dinner=18:00-21:00');
    const blocks = allText(await kit.engine.runText(kit.actor('ann'), '/yakjeong answer 12/1', CAPS));
    expect(blocks).toContain('✅ Tue, Dec 1 lunch (12:00–13:00)');
    expect(blocks).toContain('✅ Tue, Dec 1 dinner (18:00–21:00)');
  });
});
