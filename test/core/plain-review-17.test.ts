/**
 * The findings of the second user review of plain-language times (#17), through the real engine
 * and store: usual set's bare hours, Korean list words after a week, a part of the day before an
 * hour, the speaker's zone, fillers ("at", "에", "쯤"), and messages that name what is wrong.
 * Every date is counted from the fixed clock's today.
 */
import { describe, expect, it } from 'vitest';
import { echoOf, enDay, koDay, md, refusal, TODAY, week } from './plain-days-support.js';
import { addDays, todayIn } from '../../src/core/domain/time.js';
import type { Locale } from '../../src/core/domain/types.js';
import { allText, CAPS, createPoll, makeKit, T0, type TestKit } from '../helpers.js';

const dayOf = (locale: Locale, date: string) => (locale === 'en' ? enDay(date) : koDay(date));
const LAST = week(3, 6);

async function run(kit: TestKit, text: string, overrides = {}): Promise<string> {
  return allText(await kit.engine.runText(kit.actor('ann', overrides), text, CAPS));
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

describe('a part of the day before an hour narrows the hour', () => {
  it.each([
    ['ko', '오늘 밤 10시', '22:00–22:30'],
    ['ko', '오늘밤 10시', '22:00–22:30'],
    ['en', 'tonight 10', '22:00–22:30'],
    ['en', 'tonight 7pm', '19:00–19:30'],
    ['en', 'today evening 7', '19:00–19:30'],
  ] as const)('%s “%s” on an 18:00–23:00 poll is today %s and nothing else', async (locale, phrase, range) => {
    const kit = makeKit({ locale });
    await createPoll(kit, 'host', `D dates:${TODAY}..${LAST} time:18:00-23:00 slot:30m`);
    expect(echoOf(await run(kit, `/yakjeong answer ${phrase}`))).toBe(`${dayOf(locale, TODAY)} ${range}`);
  });

  it.each([
    ['ko', '오늘 밤 11시', '이 투표가 끝나는 시각이라 그때 시작할 수는 없어요. 이 투표의 시간: 18:00–23:00'],
    ['en', 'tonight 11', "23:00 is when this poll's hours end (18:00–23:00)"],
  ] as const)('%s “%s” at the poll’s end says it is the end', async (locale, phrase, words) => {
    const kit = makeKit({ locale });
    await createPoll(kit, 'host', `D dates:${TODAY}..${LAST} time:18:00-23:00 slot:30m`);
    const { code, text } = await refusal(kit, `/yakjeong answer ${phrase}`, locale);
    expect(code).toBe('ANSWER_OUTSIDE_HOURS');
    expect(text).toContain(words);
  });
});

describe('a time outside the hours on a day of the poll names the hours', () => {
  it.each([
    ['ko', '내일 오전', '이 투표의 시간 밖이에요. 이 투표의 시간: 18:00–23:00'],
    ['en', 'tomorrow morning', "outside this poll's hours 18:00–23:00"],
    ['en', 'tomorrow 9-11am', "outside this poll's hours 18:00–23:00"],
  ] as const)('%s “%s”', async (locale, phrase, words) => {
    const kit = makeKit({ locale });
    await createPoll(kit, 'host', `D dates:${TODAY}..${LAST} time:18:00-23:00`);
    const { code, text } = await refusal(kit, `/yakjeong answer ${phrase}`, locale);
    expect(code).toBe('ANSWER_OUTSIDE_HOURS');
    expect(text).toContain(words);
    expect(text).not.toContain(TODAY);
  });

  it('a day outside the poll still names its dates', async () => {
    const kit = makeKit();
    await createPoll(kit, 'host', `D dates:${TODAY}..${LAST} time:18:00-23:00`);
    expect((await refusal(kit, `/yakjeong answer ${addDays(LAST, 3)} 19-20`, 'en')).code).toBe('ANSWER_OUTSIDE_POLL');
  });
});

describe('bare hours and parts of the day from another zone', () => {
  const NY = { platformTimezone: 'America/New_York' };
  const NY_TODAY = todayIn(T0, 'America/New_York');

  it.each([
    ['en', `${md(week(1, 5))} 3-5`, week(1, 5)],
    ['en', 'today 3-5', NY_TODAY],
    ['ko', `${md(week(1, 5))} 3시~5시`, week(1, 5)],
  ] as const)('%s “%s” from New York on a whole-day Seoul poll is 15:00–17:00 New York time, as in Seoul', async (locale, phrase, date) => {
    const kit = makeKit({ locale });
    await createPoll(kit, 'host', `D dates:${addDays(TODAY, -1)}..${LAST} time:00:00-24:00 tz:Asia/Seoul`);
    expect(echoOf(await run(kit, `/yakjeong answer ${phrase}`, NY))).toBe(`${dayOf(locale, date)} 15:00–17:00`);
    expect(echoOf(await run(kit, `/yakjeong answer ${phrase}`))).toBe(`${dayOf(locale, date)} 15:00–17:00`);
  });

  it.each([
    ['en', 'morning', '09:00–12:00'],
    ['ko', '오전', '09:00–12:00'],
  ] as const)('%s “<date> %s” from New York echoes exactly the slots saved', async (locale, word, range) => {
    const kit = makeKit({ locale });
    const code = await createPoll(kit, 'host', `D dates:${TODAY}..${LAST} time:00:00-24:00 slot:1h tz:Asia/Seoul`);
    expect(echoOf(await run(kit, `/yakjeong answer ${md(week(1, 5))} ${word}`, NY))).toBe(`${dayOf(locale, week(1, 5))} ${range}`);
    const poll = (await kit.store.findPollByCode(code))!;
    expect((await kit.store.participant(poll.id, 'ann'))!.states.split('').filter((c) => c === 'y')).toHaveLength(3);
  });
});

describe('fillers around days and times are read past', () => {
  const tomorrow = addDays(TODAY, 1);
  it.each([
    ['en', 'tomorrow at 7pm', `${enDay(tomorrow)} 19:00–19:30`],
    ['en', `${md(week(1, 1))} at 7:30pm`, `${enDay(week(1, 1))} 19:30–20:00`],
    ['en', `on ${md(week(1, 1))} evening`, `${enDay(week(1, 1))} 18:00–22:00`],
    ['en', 'tomorrow 7ish', `${enDay(tomorrow)} 19:00–19:30`],
    ['ko', '다음주 화요일에', koDay(week(1, 1))],
    ['ko', `${md(week(1, 1))} 저녁에`, `${koDay(week(1, 1))} 18:00–22:00`],
    ['ko', '내일 저녁 7시에', `${koDay(tomorrow)} 19:00–19:30`],
    ['ko', '내일 7시쯤', `${koDay(tomorrow)} 19:00–19:30`],
    ['ko', '내일 저녁 7시쯤에', `${koDay(tomorrow)} 19:00–19:30`],
    // The topic particles, and 에 with them: "월요일은 오후, 화요일은 오전".
    ['ko', '다음주 화요일은 저녁', `${koDay(week(1, 1))} 18:00–22:00`],
    ['ko', `${md(week(1, 1))}엔 저녁`, `${koDay(week(1, 1))} 18:00–22:00`],
    ['ko', '다음주 화요일에는 오후는', `${koDay(week(1, 1))} 13:00–18:00`],
    ['ko', '내일은 저녁도', `${koDay(tomorrow)} 18:00–22:00`],
    ['ko', `${md(week(1, 0))}은 오후, ${md(week(1, 1))}은 오전`, `${koDay(week(1, 0))} 13:00–18:00, ${koDay(week(1, 1))} 09:00–12:00`],
  ] as const)('%s “%s” → %s', async (locale, phrase, echo) => {
    const kit = makeKit({ locale });
    await createPoll(kit, 'host', `D dates:${TODAY}..${LAST} time:09:00-22:00 slot:30m`);
    expect(echoOf(await run(kit, `/yakjeong answer ${phrase}`))).toBe(echo);
  });
});

describe('a refusal quotes what was typed', () => {
  it.each([
    ['ko', '오늘 밤'],
    ['ko', '오늘밤'],
    ['en', 'tonight'],
  ] as const)('%s “%s” on a block poll without today', async (locale, phrase) => {
    const kit = makeKit({ locale });
    await createPoll(kit, 'host', `D dates:${addDays(TODAY, 1)}..${LAST} kind:block blocks:오전,저녁`);
    const { code, text } = await refusal(kit, `/yakjeong answer ${phrase}`, locale);
    expect(code).toBe('ANSWER_OUTSIDE_POLL');
    expect(text).toContain(`“${phrase}”`);
    expect(text).not.toContain('today”');
  });
});

describe('full-width digits, tildes and spaces read as their ASCII forms', () => {
  it('an answer typed with a Korean input method’s full-width forms (“내일 ７시～９시”, “１２/８ 저녁”) marks what the ASCII form marks', async () => {
    const tomorrow = addDays(TODAY, 1);
    const kit = makeKit({ locale: 'ko' });
    await createPoll(kit, 'host', `D dates:${TODAY}..${LAST} time:09:00-22:00`);
    expect(echoOf(await run(kit, '/yakjeong answer 내일 ７시～９시'))).toBe(`${koDay(tomorrow)} 19:00–21:00`);
    const day = week(1, 1);
    const fullWidthDay = md(day).replace(/[0-9/]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    expect(echoOf(await run(kit, `/yakjeong answer ${fullWidthDay}\u3000저녁`))).toBe(`${koDay(day)} 18:00–22:00`);
  });

  it('create reads full-width dates: and time: but keeps the title as typed', async () => {
    const kit = makeKit({ locale: 'en' });
    const day = week(1, 1);
    const wide = (s: string) => s.replace(/[0-9/:\-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    const code = await createPoll(kit, 'host', `Ｔｅａｍ１ dates:${wide(md(day))} time:${wide('18:00-20:00')}`);
    const poll = (await kit.store.findPollByCode(code))!;
    expect(poll.spec.title).toBe('Ｔｅａｍ１');
    expect(poll.spec.days).toEqual({ type: 'dates', dates: [day] });
    expect(poll.spec.window).toEqual({ start: '18:00', end: '20:00' });
  });

  it('usual set reads full-width hours', async () => {
    const kit = makeKit({ locale: 'ko' });
    expect(await run(kit, '/yakjeong usual set 평일 ３시～５시')).toContain('월 ✅ 15:00–17:00');
  });
});

describe('the week after next', () => {
  it.each(['다다음 주 화요일 저녁', '다다음주 화요일 저녁', '다다음주화요일저녁'])('“%s” is the Tuesday two weeks on, not next week’s', async (phrase) => {
    const kit = makeKit({ locale: 'ko' });
    await createPoll(kit, 'host', `D dates:${TODAY}..${LAST} time:09:00-22:00`);
    expect(echoOf(await run(kit, `/yakjeong answer ${phrase}`))).toBe(`${koDay(week(2, 1))} 18:00–22:00`);
  });

  it('a list borrows it (“다다음 주 화, 목”)', async () => {
    const kit = makeKit({ locale: 'ko' });
    await createPoll(kit, 'host', `D dates:${TODAY}..${LAST} time:09:00-22:00`);
    expect(echoOf(await run(kit, '/yakjeong answer 다다음 주 화, 목'))).toBe(`${koDay(week(2, 1))}, ${koDay(week(2, 3))}`);
  });
});

describe('a time in a poll of whole days', () => {
  it.each([
    ['ko', '다음 주 화요일 저녁', '이 투표는 시간이 아니라 하루 단위로 답해요'],
    ['en', 'next tuesday 7pm', 'This poll asks for whole days, not times'],
  ] as const)('%s “%s” is refused by saying the poll takes days, naming the time', async (locale, phrase, says) => {
    const kit = makeKit({ locale });
    await createPoll(kit, 'host', `Trip kind:date dates:${TODAY}..${LAST}`);
    const { code, text } = await refusal(kit, `/yakjeong answer ${phrase}`, locale);
    expect(code).toBe('DATE_POLL_WHOLE_DAYS');
    expect(text).toContain(says);
    expect(text).toContain(phrase.split(' ').slice(-1)[0]!);
  });
});

describe('create’s dates: takes a list of days as answers do', () => {
  it.each([
    ['ko', '다음 주 화, 목'],
    ['ko', '다음 주 화요일하고 목요일'],
    ['ko', '다음 주 화요일이랑 목요일'],
    ['en', 'tue and thu next week'],
    ['en', 'next week tue and thu'],
  ] as const)('%s dates:%s is next week’s Tuesday and Thursday', async (locale, days) => {
    const kit = makeKit({ locale });
    const code = await createPoll(kit, 'host', `Dinner dates:${days} time:18:00-22:00`);
    const poll = (await kit.store.findPollByCode(code))!;
    expect(poll.spec.title).toBe('Dinner');
    expect(poll.spec.days).toEqual({ type: 'dates', dates: [week(1, 1), week(1, 3)] });
  });

  it('dates written with list words (“12/8 and 12/10”, “12/8하고 12/10”) are the two dates; a title may still hold “and”', async () => {
    const kit = makeKit({ locale: 'en' });
    const [a, b] = [week(1, 1), week(1, 3)];
    for (const days of [`${md(a)} and ${md(b)}`, `${md(a)}하고 ${md(b)}`]) {
      const poll = (await kit.store.findPollByCode(await createPoll(kit, 'host', `Dinner dates:${days} time:18:00-22:00`)))!;
      expect(poll.spec.days).toEqual({ type: 'dates', dates: [a, b] });
    }
    const titled = (await kit.store.findPollByCode(await createPoll(kit, 'host', `Tom and Jerry dates:${md(a)} time:18:00-22:00`)))!;
    expect(titled.spec.title).toBe('Tom and Jerry');
  });
});
