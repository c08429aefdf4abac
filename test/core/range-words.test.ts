/** Ranges of days said in words ("mon to wed", "월요일부터 수요일까지"), in answers and in create's dates. */
import { describe, expect, it } from 'vitest';
import { dayRangeWords } from '../../src/core/grammar/range-words.js';
import { echoOf, enDay, md, TODAY, week } from './plain-days-support.js';
import { addDays } from '../../src/core/domain/time.js';
import { allText, CAPS, createPoll, makeKit } from '../helpers.js';

describe('ranges of days in words read as dash ranges', () => {
  it.each([
    ['mon to wed 3-5', 'mon-wed 3-5'],
    ['Monday through Wednesday', 'Monday-Wednesday'],
    ['tue thru thu evening', 'tue-thu evening'],
    ['mon till fri, sat until sun', 'mon-fri, sat-sun'],
    ['12/7 to 12/9', '12/7-12/9'],
    ['월요일부터 수요일까지 오후', '월요일-수요일 오후'],
    ['월부터 수까지', '월-수'],
  ])('%s → %s', (typed, read) => {
    expect(dayRangeWords(typed).text).toBe(read);
  });

  it.each(['3 to 5', 'mon 3 to 5pm', 'until 7pm', 'mon to', '7일부터 9일까지', 'monkey to wed'])('leaves %s alone: not two days', (typed) => {
    expect(dayRangeWords(typed).text).toBe(typed);
  });
});

describe('through the commands', () => {
  it('answers take them, and a refusal quotes them as typed', async () => {
    const kit = makeKit();
    const code = await createPoll(kit, 'host', `D dates:${TODAY}..${week(3, 6)} time:09:00-22:00 slot:30m`);
    const answer = async (text: string) => allText(await kit.engine.runText(kit.actor('ann'), `/yakjeong answer ${code} ${text}`, CAPS));
    const [mon, tue, wed] = [week(1, 0), week(1, 1), week(1, 2)];
    expect(echoOf(await answer(`${md(mon)} to ${md(wed)} evening`))).toBe([mon, tue, wed].map((d) => `${enDay(d)} 18:00–22:00`).join(', '));
    expect(echoOf(await answer(`${md(mon)}부터 ${md(tue)}까지 오후`))).toBe([mon, tue].map((d) => `${enDay(d)} 13:00–18:00`).join(', '));
    const after = `${md(addDays(week(3, 6), 5))} to ${md(addDays(week(3, 6), 7))}`;
    await expect(kit.engine.runText(kit.actor('ann'), `/yakjeong answer ${code} ${after}`, CAPS)).rejects.toMatchObject({
      code: 'ANSWER_OUTSIDE_POLL',
      params: { input: after },
    });
  });

  it('usual set reads them, and quotes them as typed when it cannot', async () => {
    const kit = makeKit();
    expect(allText(await kit.engine.runText(kit.actor('ann'), '/yakjeong usual set mon to fri 9-5', CAPS))).toContain('Fri ✅ 09:00–17:00');
    await expect(kit.engine.runText(kit.actor('ann'), '/yakjeong usual set 월요일부터 금요일까지 25시', CAPS)).rejects.toMatchObject({
      code: 'BAD_USUAL_WEEK',
      params: { input: '월요일부터 금요일까지 25시' },
    });
  });

  it('create reads them in dates:', async () => {
    const kit = makeKit();
    const code = await createPoll(kit, 'host', 'Gym dates:"mon to wed" time:evening');
    const poll = (await kit.store.findPollByCode(code))!;
    expect(poll.spec.days).toMatchObject({ type: 'weekly', weekdays: [0, 1, 2] });
  });
});
