/** The defects of the trust issue, each pinned: options never join slots that do not meet, and labels never go backwards. */
import { describe, expect, it } from 'vitest';
import { allText, CAPS, createPoll, makeKit, type TestKit } from '../helpers.js';

const NY = { platformTimezone: 'America/New_York' };
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

  it('blocks are named one by one, never as a range', async () => {
    const kit = makeKit();
    await createPoll(kit, 'host', 'meals dates:12/7 blocks:breakfast,lunch,dinner');
    await kit.engine.runText(kit.actor('ann'), '/yakjeong answer 12/7 lunch, 12/7 dinner', CAPS);
    const text = allText(await kit.engine.runText(kit.actor('ann'), '/yakjeong results', CAPS));
    expect(text).toMatch(/Mon, Dec 7 lunch, dinner/);
    expect(text).not.toMatch(/lunch–dinner/);
  });
});

describe('the fall-back day reads forwards', () => {
  // 2027-11-07: New York's clocks go from 02:00 EDT back to 01:00 EST.
  const kitOnFallBackWeek = () => makeKit({ now: Date.UTC(2027, 10, 1, 12) });

  it('a range ending in the repeated hour reads back as typed, and so does the best time', async () => {
    const kit = kitOnFallBackWeek();
    await createPoll(kit, 'host', 'night dates:11/7 time:00:00-03:00 slot:30m tz:America/New_York');
    const echo = allText(await kit.engine.runText(kit.actor('ann', NY), '/yakjeong answer 11/7 01:00-02:00', CAPS));
    expect(echo).toMatch(/✅ Sun, Nov 7 01:00–02:00/);
    expect(echo).not.toMatch(/01:00–01:00/);
    const results = allText(await kit.engine.runText(kit.actor('ann', NY), '/yakjeong results', CAPS));
    expect(results).toMatch(/1\. Sun, Nov 7 01:00–02:00/);
  });

  it('a range across the repeated hour reads back as one range', async () => {
    const kit = kitOnFallBackWeek();
    await createPoll(kit, 'host', 'night dates:11/7 time:00:00-03:00 slot:30m tz:America/New_York');
    const echo = allText(await kit.engine.runText(kit.actor('ann', NY), '/yakjeong answer 11/7 00:00-03:00', CAPS));
    expect(echo).toMatch(/✅ Sun, Nov 7 00:00–03:00/);
    expect(echo.match(/✅/g)).toHaveLength(1);
  });

  it('a reader in another zone sees the real end', async () => {
    const kit = kitOnFallBackWeek();
    await createPoll(kit, 'host', 'night dates:11/7 time:00:00-03:00 slot:30m tz:America/New_York');
    // 01:00 EDT is 05:00 UTC; the run ends at 06:00 UTC, when New York reads 01:00 again.
    const echo = allText(await kit.engine.runText(kit.actor('ann', UTC), '/yakjeong answer 11/7 05:00-06:00', CAPS));
    expect(echo).toMatch(/✅ Sun, Nov 7 05:00–06:00/);
  });

  it("a reader whose own clock goes back reads forwards too, whatever the poll's zone", async () => {
    const kit = kitOnFallBackWeek();
    // 14:00–15:00 in Seoul is 01:00 EDT to 01:00 EST in New York.
    await createPoll(kit, 'host', 'call dates:11/7 time:14:00-15:00 slot:30m tz:Asia/Seoul');
    const echo = allText(await kit.engine.runText(kit.actor('ann', NY), '/yakjeong answer 11/7 00:00-03:00', CAPS));
    expect(echo).toMatch(/✅ Sun, Nov 7 01:00–02:00/);
  });
});

describe('slots on clock-change days', () => {
  it('a 2h slot across the skipped hour ends where the next one starts', async () => {
    const kit = makeKit({ now: Date.UTC(2027, 2, 1, 12) });
    // 2027-03-14: New York's clocks jump from 02:00 to 03:00.
    await createPoll(kit, 'host', 'spring dates:3/14 time:01:00-05:00 slot:2h tz:America/New_York duration:4h');
    await kit.engine.runText(kit.actor('ann', NY), '/yakjeong answer 3/14 01:00-05:00', CAPS);
    const picked = await kit.engine.runText(kit.actor('host', NY), '/yakjeong pick 1', CAPS);
    const meeting = picked.find((r) => r.type === 'meeting-picked');
    // 01:00 EST is 06:00 UTC; 05:00 EDT is 09:00 UTC: three real hours, no hour counted twice.
    expect(meeting && meeting.type === 'meeting-picked' && meeting.meeting.timed).toEqual({ start: Date.UTC(2027, 2, 14, 6), end: Date.UTC(2027, 2, 14, 9) });
  });

  it('a daily window may be a whole day from any hour', async () => {
    const text = await resultsAfter(makeKit(), 'late dates:12/7-12/8 time:22:00-22:00 slot:2h tz:UTC', '12/7 22:00-24:00, 12/8 00:00-02:00');
    expect(text).toMatch(/1\. Mon, Dec 7 22:00–Tue, Dec 8 02:00\* — 1\/1/);
  });
});
