/**
 * Findings of a user review of plain-language times, through the real engine and store: time
 * words narrow the time they are said with, impossible ranges are refused, create reads every
 * word of its options. Dates are counted from the fixed clock's today.
 */
import { describe, expect, it } from 'vitest';
import { addDays, todayIn, weekdayOf } from '../../src/core/domain/time.js';
import { allText, CAPS, createPoll, makeKit, T0 } from '../helpers.js';

const TODAY = todayIn(T0, 'Asia/Seoul');
/** Weekday w (0 = Monday) of this week (k = 0) or the weeks after it. */
const week = (k: number, w: number) => addDays(TODAY, 7 * k - weekdayOf(TODAY) + w);
const echoOf = (text: string) => /(?:Understood|이렇게 읽었어요): (.*)/.exec(text)?.[1];

/** A poll of two weeks from next Monday, 09:00–22:00 in one-hour slots. */
async function twoWeeks(locale: 'en' | 'ko' = 'en') {
  const kit = makeKit({ locale });
  const code = await createPoll(kit, 'host', `Dinner dates:${week(1, 0)}..${week(2, 6)} time:09:00-22:00 slot:1h`);
  return { kit, code };
}

async function statesOf(kit: ReturnType<typeof makeKit>, code: string, who: string): Promise<string | undefined> {
  const poll = (await kit.store.findPollByCode(code))!;
  return (await kit.store.participant(poll.id, who))?.states;
}

describe('English time words narrow the time, as Korean ones do', () => {
  it('"weekday evenings after 7" is 19–22, the same answer as "평일 저녁 7시 이후"', async () => {
    const { kit, code } = await twoWeeks();
    const text = allText(await kit.engine.runText(kit.actor('ann'), '/yakjeong answer weekday evenings after 7', CAPS));
    expect(echoOf(text)).not.toContain('18:00');
    expect(echoOf(text)).toMatch(/^Mon \d+\/\d+ 19:00–22:00, /);
    await kit.engine.runText(kit.actor('민지'), '/yakjeong answer 평일 저녁 7시 이후', CAPS);
    expect(await statesOf(kit, code, 'ann')).toBe(await statesOf(kit, code, '민지'));
  });

  it('"tomorrow after 7 before 9" is 19–21', async () => {
    const kit = makeKit();
    await createPoll(kit, 'host', `Dinner dates:${TODAY}..${addDays(TODAY, 6)} time:09:00-22:00 slot:1h`);
    const text = allText(await kit.engine.runText(kit.actor('ann'), '/yakjeong answer tomorrow after 7 before 9', CAPS));
    expect(echoOf(text)).toMatch(/^\w{3} \d+\/\d+ 19:00–21:00$/);
  });
});
