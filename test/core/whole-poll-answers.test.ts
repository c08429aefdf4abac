/**
 * Answers that name no day: "any time", "all", "언제든지", "every day", "any day" mean every day of
 * the poll, whole, and a time after them narrows each day ("any time after 5pm"). "Every day" on a
 * poll without weekends is the poll's days, with no note about the days it lacks. Through the real
 * engine and store; dates are counted from the fixed clock's today.
 */
import { describe, expect, it } from 'vitest';
import { addDays, todayIn } from '../../src/core/domain/time.js';
import { allText, CAPS, createPoll, makeKit, T0 } from '../helpers.js';

const TODAY = todayIn(T0, 'Asia/Seoul');
const md = (date: string) => date.split('-').slice(1).map(Number).join('/');

async function answer(kit: ReturnType<typeof makeKit>, code: string, who: string, text: string) {
  const reply = allText(await kit.engine.runText(kit.actor(who), `/yakjeong answer ${code} ${text}`, CAPS));
  const poll = (await kit.store.findPollByCode(code))!;
  return { reply, states: (await kit.store.participant(poll.id, who))?.states };
}

/** Three days a week from today, 12:00–20:00 in one-hour slots: 24 slots, 8 a day. */
async function threeDays(locale: 'en' | 'ko' = 'en') {
  const kit = makeKit({ locale });
  const code = await createPoll(kit, 'host', `Lunch dates:${addDays(TODAY, 7)}..${addDays(TODAY, 9)} time:12:00-20:00 slot:1h`);
  return { kit, code };
}

describe('an answer with no day is every day of the poll', () => {
  it.each(['any time', 'anytime', 'all', 'whenever', 'Any time'])('“%s” marks every slot', async (text) => {
    const { kit, code } = await threeDays();
    const { reply, states } = await answer(kit, code, 'ann', text);
    expect(states).toBe('y'.repeat(24));
    expect(reply).toContain('Saved your answer');
  });

  it.each(['아무 때나', '아무때나', '언제든지', '언제든'])('“%s” in Korean too', async (text) => {
    const { kit, code } = await threeDays('ko');
    expect((await answer(kit, code, '민지', text)).states).toBe('y'.repeat(24));
  });

  it('“maybe: any time” is every slot if needed', async () => {
    const { kit, code } = await threeDays();
    expect((await answer(kit, code, 'ann', 'maybe: any time')).states).toBe('m'.repeat(24));
  });

  it('a time after it narrows every day: “any time after 5pm”, “언제든 오후 3시 이후”', async () => {
    const { kit, code } = await threeDays();
    expect((await answer(kit, code, 'ann', 'any time after 5pm')).states).toBe('.....yyy'.repeat(3));
    expect((await answer(kit, code, 'ann', '언제든 오후 3시 이후')).states).toBe('...yyyyy'.repeat(3));
  });

  it('“all day” with its day after it is that day alone, and a day before “any time” keeps it', async () => {
    const { kit, code } = await threeDays();
    const second = addDays(TODAY, 8);
    const { reply, states } = await answer(kit, code, 'ann', `all day ${md(second)}`);
    expect(states).toBe('........' + 'yyyyyyyy' + '........');
    expect(reply).toContain(`Understood: `);
    expect((await answer(kit, code, 'ann', `${md(second)} any time`)).states).toBe('........' + 'yyyyyyyy' + '........');
  });

  it('a day that already has a time keeps it: “12/8 evening any time”, “매일 저녁 아무 때나”', async () => {
    const { kit, code } = await threeDays();
    const second = md(addDays(TODAY, 8));
    expect((await answer(kit, code, 'ann', `${second} 5pm-8pm any time`)).states).toBe('........' + '.....yyy' + '........');
    expect((await answer(kit, code, 'ann', `${second} after 5pm whenever`)).states).toBe('........' + '.....yyy' + '........');
    expect((await answer(kit, code, 'ann', '매일 오후 5시 이후 아무 때나')).states).toBe('.....yyy'.repeat(3));
    // A time said first, then any time: every day at that time.
    expect((await answer(kit, code, 'ann', '오후 5시 이후 언제든')).states).toBe('.....yyy'.repeat(3));
    expect((await answer(kit, code, 'ann', 'after 5pm any time')).states).toBe('.....yyy'.repeat(3));
  });

  it('“maybe: any time” is every day, and a later part overrides an earlier one, as always', async () => {
    const { kit, code } = await threeDays();
    const second = md(addDays(TODAY, 8));
    // What the echo says is what is saved: the later part wins.
    const { reply, states } = await answer(kit, code, 'ann', `${second} after 5pm, maybe: any time`);
    expect(states).toBe('m'.repeat(24));
    expect(reply).toContain('🤔');
    expect((await answer(kit, code, 'ann', `any time, maybe: ${second}`)).states).toBe('yyyyyyyy' + 'mmmmmmmm' + 'yyyyyyyy');
    // "all day" after a maybe: is still the day before it's.
    expect((await answer(kit, code, 'ann', `${second} 12-2pm maybe: all day`)).states).toBe('........' + 'mmmmmmmm' + '........');
  });

  it('after a comma, “any time” or “all day” with its day after it is that day’s, not the day before', async () => {
    const { kit, code } = await threeDays();
    const [second, third] = [md(addDays(TODAY, 8)), md(addDays(TODAY, 9))];
    expect((await answer(kit, code, 'ann', `${second} 5pm-7pm, any time ${third}`)).states).toBe('........' + '.....yy.' + 'yyyyyyyy');
    expect((await answer(kit, code, 'ann', `${second} 5pm-7pm, all day ${third}`)).states).toBe('........' + '.....yy.' + 'yyyyyyyy');
  });

  it('a time after a comma still goes on with the day before it, as it always has', async () => {
    const { kit, code } = await threeDays();
    const [second, third] = [md(addDays(TODAY, 8)), md(addDays(TODAY, 9))];
    // "12/8 10-12, 2-4pm 12/9 10-12": 2-4pm is 12/8's, and 12/9 has its own time.
    expect((await answer(kit, code, 'ann', `${second} 12-2pm, 5pm-7pm ${third} 12-1pm`)).states).toBe('........' + 'yy...yy.' + 'y.......');
    expect((await answer(kit, code, 'ann', `${second} 오후 12시-2시, 저녁 ${third} 오후 12시-1시`)).states).toBe('........' + 'yy....yy' + 'y.......');
  });

  it('on a block poll, a block said before “any time” is kept', async () => {
    const kit = makeKit();
    const code = await createPoll(kit, 'host', `Food dates:${addDays(TODAY, 7)}..${addDays(TODAY, 8)} blocks:lunch,dinner`);
    const first = md(addDays(TODAY, 7));
    expect((await answer(kit, code, 'ann', `${first} dinner any time`)).states).toBe('.y..');
    expect((await answer(kit, code, 'ann', 'any time')).states).toBe('yyyy');
  });

  it('“every day” and “any day” on a date poll, and “매일” there too', async () => {
    const kit = makeKit();
    const code = await createPoll(kit, 'host', `Dinner kind:date dates:${addDays(TODAY, 7)}..${addDays(TODAY, 11)}`);
    for (const text of ['every day', 'everyday', 'any day', 'daily', '매일']) {
      expect((await answer(kit, code, 'ann', text)).states, text).toBe('yyyyy');
    }
  });

  it('“every day” on a weekly poll without weekends is its days, with no note about Saturday and Sunday', async () => {
    const kit = makeKit();
    const code = await createPoll(kit, 'host', 'Standup dates:mon-fri time:09:00-11:00 slot:1h');
    for (const text of ['every day', 'every day all day', '매일 종일', 'any time']) {
      const { reply, states } = await answer(kit, code, 'ann', text);
      expect(states, text).toBe('y'.repeat(10));
      expect(reply, text).toContain('Understood: Mon, Tue, Wed, Thu, Fri');
      expect(reply, text).not.toContain('Left out');
    }
    // Days named one by one that the poll lacks are still named.
    const { reply } = await answer(kit, code, 'ann', 'mon-sat');
    expect(reply).toContain('Left out, not among this poll');
    expect(reply).toContain('Sat');
  });
});
