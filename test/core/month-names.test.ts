/** Dates with English month names, as people type them and as the bot's own replies write them. */
import { describe, expect, it } from 'vitest';
import { numericMonths } from '../../src/core/grammar/month-names.js';
import { allText, CAPS, createPoll, makeKit } from '../helpers.js';

describe('month names read as numeric dates', () => {
  it.each([
    ['Dec 4', '12/4'],
    ['Fri, Dec 4 07:00–09:00', 'Fri, 12/4 07:00–09:00'],
    ['December 4th 9-11am', '12/4 9-11am'],
    ['dec. 4', '12/4'],
    ['4 Dec, 5th of December', '12/4, 12/5'],
    ['Dec 4, 2026', '2026-12-04'],
    ['Dec 4-6', '12/4-12/6'],
    ['Dec 4–6, 2027', '2027-12-04..2027-12-06'],
    ['december 30..jan 2', '12/30..1/2'],
    ['Sept 9 and June 1', '9/9 and 6/1'],
    // The day first, with hours after it, or a range of days.
    ['4 Dec 9-11', '12/4 9-11'],
    ['fri 4 Dec 18-20', 'fri 12/4 18-20'],
    ['4 dec 10-12, 5 dec. 14-16', '12/4 10-12, 12/5 14-16'],
    ['4-6 Dec', '12/4-12/6'],
    ['4th-6th December', '12/4-12/6'],
    ['4 Dec 5 Dec', '12/4 12/5'],
    ['Dec 4 Dec 5', '12/4 12/5'],
    // Numbers that are hours stay hours.
    ['19:00-21:00 Dec 4', '19:00-21:00 12/4'],
    ['7-9 Dec 4', '7-9 12/4'],
    ['Dec 4 1800-2000', '12/4 1800-2000'],
  ])('%s → %s', (typed, read) => {
    expect(numericMonths(typed)).toBe(read);
  });

  it.each(['May 5pm', 'may 5 pm', 'Dec 4:30', 'march at 10', 'Decker 4', 'Mayday 5', '12/4 evening', '2-4 may work', '7pm may be fine'])('leaves %s as typed: no month next to a day', (typed) => {
    expect(numericMonths(typed)).toBe(typed);
  });
});

describe('month names through the commands', () => {
  it('an answer copied from the bot’s own echo is read back the same', async () => {
    const kit = makeKit();
    const code = await createPoll(kit, 'host', 'Offsite dates:12/4-12/6 time:07:00-12:00 slot:1h');
    const first = allText(await kit.engine.runText(kit.actor('ann'), `/yakjeong answer ${code} 12/4 07:00-09:00, 12/6 10:00-12:00`, CAPS));
    const echoed = first.split('\n').filter((l) => l.startsWith('✅ ')).map((l) => l.slice(2));
    expect(echoed).toEqual(['Fri, Dec 4 07:00–09:00', 'Sun, Dec 6 10:00–12:00']);
    const poll = (await kit.store.findPollByCode(code))!;
    const before = (await kit.store.participant(poll.id, 'ann'))!.states;
    await kit.engine.runText(kit.actor('bob'), `/yakjeong answer ${code} ${echoed.join(', ')}`, CAPS);
    expect((await kit.store.participant(poll.id, 'bob'))!.states).toBe(before);
  });

  it('create takes quoted dates with month names; deadline and pick take them too', async () => {
    const kit = makeKit();
    const code = await createPoll(kit, 'host', 'Offsite dates:"Dec 4-6" time:18:00-20:00 slot:1h deadline:"Dec 3 18:00"');
    const poll = (await kit.store.findPollByCode(code))!;
    expect(poll.spec.days).toEqual({ type: 'dates', dates: ['2026-12-04', '2026-12-05', '2026-12-06'] });
    // 18:00 in Seoul, the kit's zone, is 09:00 UTC.
    expect(poll.spec.deadline).toBe(Date.UTC(2026, 11, 3, 9, 0));
    await kit.engine.runText(kit.actor('host'), `/yakjeong pick ${code} Dec 5 19:00`, CAPS);
    expect((await kit.store.findPollByCode(code))!.picked?.firstSlot).toBe(3);
  });
});
