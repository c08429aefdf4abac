/**
 * The findings of the second user review of plain-language times (#17), through the real engine
 * and store: usual set's bare hours, Korean list words after a week, a part of the day before an
 * hour, the speaker's zone, fillers ("at", "에", "쯤"), and messages that name what is wrong.
 * Every date is counted from the fixed clock's today.
 */
import { describe, expect, it } from 'vitest';
import { addDays, todayIn, weekdayOf } from '../../src/core/domain/time.js';
import type { Locale } from '../../src/core/domain/types.js';
import { errorView } from '../../src/core/views/notices.js';
import { allText, CAPS, createPoll, makeKit, T0, textOf, userErrorOf, type TestKit } from '../helpers.js';

const TODAY = todayIn(T0, 'Asia/Seoul');
/** Weekday w (0 = Monday) of this week (k = 0) or the weeks after it. */
const week = (k: number, w: number) => addDays(TODAY, 7 * k - weekdayOf(TODAY) + w);
const md = (date: string) => date.split('-').slice(1).map(Number).join('/');
const echoOf = (text: string) => /(?:Understood|이렇게 읽었어요): (.*)/.exec(text)?.[1];
const EN_WD = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const KO_WD = ['월', '화', '수', '목', '금', '토', '일'];
const enDay = (date: string) => `${EN_WD[weekdayOf(date)]} ${md(date)}`;
const koDay = (date: string) => `${md(date)}(${KO_WD[weekdayOf(date)]})`;
const dayOf = (locale: Locale, date: string) => (locale === 'en' ? enDay(date) : koDay(date));
const LAST = week(3, 6);

async function run(kit: TestKit, text: string, overrides = {}): Promise<string> {
  return allText(await kit.engine.runText(kit.actor('ann', overrides), text, CAPS));
}

async function refusal(kit: TestKit, text: string, locale: Locale, overrides = {}) {
  const error = await userErrorOf(kit.engine.runText(kit.actor('ann', overrides), text, CAPS));
  return { code: error.code, text: textOf(errorView(error, locale)) };
}

describe('usual set reads bare hours as create’s time: does', () => {
  it.each([
    ['en', 'mon-fri 9-5', 'Mon ✅ 09:00–17:00'],
    ['en', 'mon-fri 7-5', 'Mon ✅ 07:00–17:00'],
    ['ko', '평일 3시~5시', '월 ✅ 15:00–17:00'],
    ['en', 'mon-fri 3-5', 'Mon ✅ 15:00–17:00'],
    ['en', 'mon-fri 9-11', 'Mon ✅ 09:00–11:00'],
  ] as const)('%s “%s” → %s, said back', async (locale, phrase, line) => {
    const kit = makeKit({ locale });
    const reply = await run(kit, `/yakjeong usual set ${phrase}`);
    expect(reply).toContain(line);
    const create = await run(kit, `/yakjeong create D dates:${TODAY}..${LAST} time:${phrase.split(' ')[1]}`);
    expect(create).toContain(line.split(' ')[2]!);
  });
});

describe('Korean list words after a week word list that week’s days, as a comma does', () => {
  it.each(['다음 주 화요일과 목요일', '다음 주 화요일하고 목요일', '다음 주 화요일이랑 목요일', '다음 주 화, 목'])('“%s” is next week’s Tuesday and Thursday only', async (phrase) => {
    const kit = makeKit({ locale: 'ko' });
    await createPoll(kit, 'host', `D dates:${TODAY}..${LAST} time:09:00-22:00`);
    expect(echoOf(await run(kit, `/yakjeong answer ${phrase}`))).toBe(`${koDay(week(1, 1))}, ${koDay(week(1, 3))}`);
  });

  it('a time after the list is each day’s (“다음 주 화요일하고 목요일 저녁”)', async () => {
    const kit = makeKit({ locale: 'ko' });
    await createPoll(kit, 'host', `D dates:${TODAY}..${LAST} time:09:00-22:00`);
    expect(echoOf(await run(kit, '/yakjeong answer 다음 주 화요일하고 목요일 저녁'))).toBe(`${koDay(week(1, 1))} 18:00–22:00, ${koDay(week(1, 3))} 18:00–22:00`);
  });
});
