/** Dates with English month names, as people type them and as the bot's own replies write them. */
import { describe, expect, it } from 'vitest';
import { asTyped, numericMonths, readMonthNames } from '../../src/core/grammar/month-names.js';
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
    // A day that belongs to a date in numbers is not read again before a month name.
    ['12/4 Dec 5', '12/4 12/5'],
    ['12/4 dec 4-6pm', '12/4 12/4-6pm'],
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

describe('refusals quote what was typed, not the numbers it was read as', () => {
  it('gives each date it wrote its words back, the longest first', () => {
    const { text, written } = readMonthNames('4 dec, dec 4-6');
    expect(text).toBe('12/4, 12/4-12/6');
    expect(asTyped('12/4-12/6 then 12/4', written)).toBe('dec 4-6 then 4 dec');
    // The same numbers typed as numbers too: the quote could not tell which was meant, so it keeps them.
    expect(readMonthNames('12/4 dec 4-6pm').written).toEqual([]);
  });

  it('in answers and in create', async () => {
    const kit = makeKit();
    const code = await createPoll(kit, 'host', 'Offsite dates:12/4-12/6 time:07:00-12:00 slot:1h');
    const answer = (text: string) => kit.engine.runText(kit.actor('ann'), `/yakjeong answer ${code} ${text}`, CAPS);
    await expect(answer('dec 4-6pm')).rejects.toMatchObject({ code: 'BAD_ANSWER', params: { input: 'dec 4-6pm' } });
    await expect(answer('December 9th 10-12')).rejects.toMatchObject({ code: 'ANSWER_OUTSIDE_POLL', params: { input: 'December 9th 10-12' } });
    await expect(kit.engine.runText(kit.actor('host'), '/yakjeong create Late dates:"Dec 6-4" time:evening', CAPS)).rejects.toMatchObject({
      code: 'BAD_DATE_RANGE',
      params: { input: 'Dec 6-4' },
    });
    // Another option's refusal quotes that option as typed: its numbers are not the dates' month names.
    await expect(kit.engine.runText(kit.actor('host'), '/yakjeong create Late dates:"Dec 8" deadline:"12/8 7:00pm x"', CAPS)).rejects.toMatchObject({
      code: 'BAD_DEADLINE',
      params: { input: '12/8 7:00pm x' },
    });
  });
});
