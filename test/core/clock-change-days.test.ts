/** Clock-change days through the engine: labels never go backwards, and slots end where the next starts. */
import { describe, expect, it } from 'vitest';
import { allText, CAPS, createPoll, makeKit } from '../helpers.js';

const NY = { platformTimezone: 'America/New_York' };
const UTC = { platformTimezone: 'UTC' };

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
});
