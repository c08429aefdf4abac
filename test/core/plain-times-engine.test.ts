/**
 * Plain-language times through the real engine and store: a poll created with `dates:다음 주 평일
 * time:저녁` shows its concrete dates, and an answer typed in plain words is stored and echoed in
 * concrete dates and times. Dates are counted from the fixed clock's today.
 */
import { describe, expect, it } from 'vitest';
import { addDays, todayIn, weekdayOf } from '../../src/core/domain/time.js';
import { allText, CAPS, createPoll, makeKit, T0, textOf, userErrorOf } from '../helpers.js';
import { errorView } from '../../src/core/views/notices.js';

const TODAY = todayIn(T0, 'Asia/Seoul');
/** Weekday w (0 = Monday) of next week. */
const nextWeek = (w: number) => addDays(TODAY, 7 - weekdayOf(TODAY) + w);
const md = (date: string) => date.split('-').slice(1).map(Number).join('/');
const koDate = (date: string) => {
  const [, m, d] = date.split('-').map(Number);
  return `${m}월 ${d}일`;
};


describe('plain-language times through the engine', () => {
  it('creates a poll from dates:다음 주 평일 time:저녁 and shows its concrete dates and hours', async () => {
    const kit = makeKit({ locale: 'ko' });
    const replies = await kit.engine.runText(kit.actor('host'), '/yakjeong create 회식 dates:다음 주 평일 time:저녁 slot:1h', CAPS);
    const text = allText(replies);
    expect(text).toContain(`${koDate(nextWeek(0))} (월) – ${koDate(nextWeek(4))} (금)`);
    expect(text).toContain('18:00–22:00');
    expect(text).not.toContain('회식 다음');
  });

  it('stores an answer typed in plain words and echoes it as concrete dates and times', async () => {
    const kit = makeKit();
    const code = await createPoll(kit, 'host', `Dinner dates:${nextWeek(0)}..${nextWeek(6)} time:17:00-23:00 slot:1h`);
    const text = allText(await kit.engine.runText(kit.actor('ann'), '/yakjeong answer next Tuesday evening, maybe:this weekend', CAPS));
    // This weekend is not in the poll (it is next week's): the echo shows it, and the reply says it was left out.
    expect(text).toContain(`Understood: Tue ${md(nextWeek(1))} 18:00–22:00, maybe:`);
    expect(text).toContain(`✅ Tue, ${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][Number(nextWeek(1).slice(5, 7)) - 1]} ${Number(nextWeek(1).slice(8))} 18:00–22:00`);
    expect(text).toContain('Left out, not among this poll');
    const poll = (await kit.store.findPollByCode(code))!;
    const [ann] = await kit.store.participants(poll.id);
    // Tuesday is the poll's second day: slots 17–23 make six a day, so 18:00–22:00 is slots 7–10.
    expect([...ann!.states].flatMap((s, i) => (s === 'y' ? [i] : []))).toEqual([7, 8, 9, 10]);
  });

  it('reads a weekly poll’s tomorrow as its weekday, and a bare hour inside the poll’s hours', async () => {
    const kit = makeKit({ locale: 'ko' });
    await createPoll(kit, 'host', '스터디 dates:매일 time:19:00-23:00 slot:1h');
    const text = allText(await kit.engine.runText(kit.actor('민지'), '/yakjeong answer 내일 9시-11시', CAPS));
    const weekday = ['월', '화', '수', '목', '금', '토', '일'][weekdayOf(addDays(TODAY, 1))];
    expect(text).toContain(`이렇게 읽었어요: ${weekday} 21:00–23:00`);
  });

  it('names the unknown word of a phrase, with example dates', async () => {
    const kit = makeKit();
    await createPoll(kit, 'host', `Dinner dates:${nextWeek(0)}..${nextWeek(6)} time:17:00-23:00 slot:1h`);
    const error = await userErrorOf(kit.engine.runText(kit.actor('ann'), '/yakjeong answer next Tusday evening', CAPS));
    expect(error.code).toBe('UNKNOWN_TIME_WORD');
    const text = textOf(errorView(error, 'en'));
    expect(text).toContain('“Tusday”');
    expect(text).toContain(`\`${md(nextWeek(0))} 17:00-19:00\``);
    const created = await userErrorOf(kit.engine.runText(kit.actor('host'), '/yakjeong create Trip dates:next wek kind:date', CAPS));
    expect(created.code).toBe('UNKNOWN_TIME_WORD');
    expect(textOf(errorView(created, 'en'))).toContain(`\`${md(addDays(TODAY, 7))}\``);
  });
});


