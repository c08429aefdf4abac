/**
 * Days written as a list share the time that follows them ("mon wed evening", "화, 목 저녁",
 * "12/8,12/10 evening") and the week said for one of them ("다음 주 화, 목 저녁"), through the
 * real engine and store. Dates are counted from the fixed clock's today.
 */
import { describe, expect, it } from 'vitest';
import { addDays, todayIn, weekdayOf } from '../../src/core/domain/time.js';
import { allText, CAPS, createPoll, makeKit, T0 } from '../helpers.js';

const TODAY = todayIn(T0, 'Asia/Seoul');
/** Weekday w (0 = Monday) of this week (k = 0) or the weeks after it. */
const week = (k: number, w: number) => addDays(TODAY, 7 * k - weekdayOf(TODAY) + w);
const md = (date: string) => date.split('-').slice(1).map(Number).join('/');
const EN = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const KO = ['월', '화', '수', '목', '금', '토', '일'];

/** A poll of three weeks from this Monday, 09:00–22:00 in one-hour slots. */
async function threeWeeks(locale: 'en' | 'ko' = 'en') {
  const kit = makeKit({ locale });
  const code = await createPoll(kit, 'host', `Dinner dates:${week(0, 0)}..${week(2, 6)} time:09:00-22:00 slot:1h`);
  return { kit, code };
}

/** The saved "yes" slots of a person, as "date HH" strings. */
async function saved(kit: ReturnType<typeof makeKit>, code: string, who: string): Promise<string[]> {
  const poll = (await kit.store.findPollByCode(code))!;
  const person = await kit.store.participant(poll.id, who);
  const out: string[] = [];
  [...(person?.states ?? '')].forEach((s, i) => {
    if (s !== 'y') return;
    const date = addDays(week(0, 0), Math.floor(i / 13));
    out.push(`${date} ${String(9 + (i % 13)).padStart(2, '0')}`);
  });
  return out;
}

const evening = (dates: string[]) => dates.flatMap((d) => ['18', '19', '20', '21'].map((h) => `${d} ${h}`)).sort();

describe('days in a list share the time that follows', () => {
  it('"mon wed evening" is Monday evening and Wednesday evening, not all of Monday', async () => {
    const { kit, code } = await threeWeeks();
    const text = allText(await kit.engine.runText(kit.actor('ann'), '/yakjeong answer mon wed evening', CAPS));
    expect(text).toContain(`Understood: Mon ${md(week(0, 0))} 18:00–22:00`);
    expect(await saved(kit, code, 'ann')).toEqual(evening([0, 1, 2].flatMap((k) => [week(k, 0), week(k, 2)])));
  });

  it('"화, 목 저녁" and "토 일 오후" in Korean', async () => {
    const { kit, code } = await threeWeeks('ko');
    const text = allText(await kit.engine.runText(kit.actor('민지'), '/yakjeong answer 화, 목 저녁', CAPS));
    expect(text).toContain(`이렇게 읽었어요: ${md(week(0, 1))}(${KO[1]}) 18:00–22:00`);
    expect(await saved(kit, code, '민지')).toEqual(evening([0, 1, 2].flatMap((k) => [week(k, 1), week(k, 3)])));
    await kit.engine.runText(kit.actor('민지'), '/yakjeong answer 토 일 오후', CAPS);
    const afternoons = [0, 1, 2].flatMap((k) => [week(k, 5), week(k, 6)]).flatMap((d) => ['13', '14', '15', '16', '17'].map((h) => `${d} ${h}`));
    expect(await saved(kit, code, '민지')).toEqual(afternoons.sort());
  });

  it('"Tuesday, Thursday 7-9pm" and "12/8,12/10 evening"', async () => {
    const { kit, code } = await threeWeeks();
    await kit.engine.runText(kit.actor('ann'), '/yakjeong answer Tuesday, Thursday 7-9pm', CAPS);
    const sevenToNine = [0, 1, 2].flatMap((k) => [week(k, 1), week(k, 3)]).flatMap((d) => [`${d} 19`, `${d} 20`]);
    expect(await saved(kit, code, 'ann')).toEqual(sevenToNine.sort());
    const [a, b] = [week(1, 1), week(1, 3)];
    const text = allText(await kit.engine.runText(kit.actor('ann'), `/yakjeong answer ${md(a)},${md(b)} evening`, CAPS));
    expect(text).toContain(`Understood: ${EN[1]} ${md(a)} 18:00–22:00, ${EN[3]} ${md(b)} 18:00–22:00`);
    expect(await saved(kit, code, 'ann')).toEqual(evening([a, b]));
  });

  it('"다음 주 화, 목 저녁" is next week’s Tuesday and Thursday, not this week’s Thursday', async () => {
    const { kit, code } = await threeWeeks('ko');
    const text = allText(await kit.engine.runText(kit.actor('민지'), '/yakjeong answer 다음 주 화, 목 저녁', CAPS));
    expect(text).toContain(`이렇게 읽었어요: ${md(week(1, 1))}(화) 18:00–22:00, ${md(week(1, 3))}(목) 18:00–22:00`);
    expect(await saved(kit, code, '민지')).toEqual(evening([week(1, 1), week(1, 3)]));
  });

  it('a day with its own time keeps it; a maybe: starts a new list; a whole day before timed days echoes as all day', async () => {
    const { kit, code } = await threeWeeks();
    const [a, b] = [week(1, 1), week(1, 3)];
    await kit.engine.runText(kit.actor('ann'), `/yakjeong answer ${md(a)} 9-11am, ${md(b)} evening`, CAPS);
    expect(await saved(kit, code, 'ann')).toEqual([`${a} 09`, `${a} 10`, ...evening([b])]);
    const text = allText(await kit.engine.runText(kit.actor('ann'), `/yakjeong answer ${md(a)} all day, ${md(b)} evening`, CAPS));
    const echo = /Understood: (.*)/.exec(text)![1]!;
    expect(echo).toBe(`${EN[1]} ${md(a)} all day, ${EN[3]} ${md(b)} 18:00–22:00`);
    // Typed back, the echo is the same answer.
    const before = await saved(kit, code, 'ann');
    await kit.engine.runText(kit.actor('ann'), `/yakjeong answer ${echo}`, CAPS);
    expect(await saved(kit, code, 'ann')).toEqual(before);
  });
});
