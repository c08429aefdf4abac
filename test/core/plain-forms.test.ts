/**
 * The remaining findings of the user review of plain-language times (#16), through the real
 * engine and store: one time alone, list words, tonight, typos, create's bare hours, the speaker's
 * zone, compact Korean in create, lists across the year, clock changes and the messages that name
 * what is wrong. Every date is counted from the fixed clock's today or from the zone's own rules.
 */
import { describe, expect, it } from 'vitest';
import { echoOf, enDay, koDay, md, refusal, TODAY, week } from './plain-days-support.js';
import { addDays, daysInMonth, todayIn, weekdayOf, zonedInstant } from '../../src/core/domain/time.js';
import { parseDateList } from '../../src/core/grammar/dates.js';
import { errorView } from '../../src/core/views/notices.js';
import { allText, CAPS, createPoll, makeKit, T0, textOf, userErrorOf, type TestKit } from '../helpers.js';


async function answer(kit: TestKit, who: string, text: string): Promise<string> {
  return allText(await kit.engine.runText(kit.actor(who), `/yakjeong answer ${text}`, CAPS));
}


async function onlyPoll(kit: TestKit) {
  const [poll] = await kit.store.listPolls(kit.actor('host').channel, ['open']);
  return poll!;
}

describe('one time said alone is the meeting that starts then', () => {
  it.each([
    ['en', 'tomorrow 7pm', enDay(addDays(TODAY, 1))],
    ['ko', '내일 저녁 7시', koDay(addDays(TODAY, 1))],
    ['en', `${md(week(1, 3))} 19:00`, enDay(week(1, 3))],
  ] as const)('%s “%s” marks the hour from 19:00 of a 30-minute poll whose meeting is an hour', async (locale, phrase, day) => {
    const kit = makeKit({ locale });
    const code = await createPoll(kit, 'host', `D dates:${TODAY}..${week(2, 6)} time:09:00-22:00 slot:30m duration:1h`);
    expect(echoOf(await answer(kit, 'ann', phrase))).toBe(`${day} 19:00–20:00`);
    const poll = (await kit.store.findPollByCode(code))!;
    expect((await kit.store.participant(poll.id, 'ann'))!.states.split('').filter((c) => c === 'y')).toHaveLength(2);
  });

  it('in a one-slot meeting it is that one slot; “tue 7pm” is every Tuesday of the poll at 7pm', async () => {
    const kit = makeKit();
    await createPoll(kit, 'host', `D dates:${week(1, 0)}..${week(2, 6)} time:09:00-22:00 slot:30m`);
    expect(echoOf(await answer(kit, 'ann', 'tue 7pm'))).toBe(`${enDay(week(1, 1))} 19:00–19:30, ${enDay(week(2, 1))} 19:00–19:30`);
  });
});

describe('list words, tonight, and a time before its day', () => {
  it.each([
    ['en', 'tue and thu evening'],
    ['ko', '화요일하고 목요일 저녁'],
    ['ko', '화요일이랑 목요일 저녁'],
    ['ko', '화 및 목 저녁'],
    ['ko', '화요일과 목요일 저녁'],
  ] as const)('%s “%s” is Tuesday and Thursday evening', async (locale, phrase) => {
    const kit = makeKit({ locale });
    await createPoll(kit, 'host', `D dates:${week(1, 0)}..${week(1, 6)} time:09:00-22:00 slot:1h`);
    const day = locale === 'en' ? enDay : koDay;
    expect(echoOf(await answer(kit, 'ann', phrase))).toBe(`${day(week(1, 1))} 18:00–22:00, ${day(week(1, 3))} 18:00–22:00`);
  });

  it.each([
    ['en', 'tonight'],
    ['ko', '오늘 밤'],
    ['ko', '오늘밤'],
  ] as const)('%s “%s” is today’s evening, 18:00–22:00', async (locale, phrase) => {
    const kit = makeKit({ locale });
    await createPoll(kit, 'host', `D dates:${TODAY}..${addDays(TODAY, 6)} time:09:00-23:00 slot:1h`);
    expect(echoOf(await answer(kit, 'ann', phrase))).toBe(`${(locale === 'en' ? enDay : koDay)(TODAY)} 18:00–22:00`);
  });

  it('“evenings this week” is “this week evenings”', async () => {
    const kit = makeKit();
    await createPoll(kit, 'host', `D dates:${TODAY}..${addDays(TODAY, 13)} time:09:00-22:00 slot:1h`);
    const before = echoOf(await answer(kit, 'ann', 'evenings this week'));
    expect(before).toBe(echoOf(await answer(kit, 'bob', 'this week evenings')));
    expect(before?.startsWith(`${enDay(TODAY)} 18:00–22:00`)).toBe(true);
    expect(before).not.toContain(md(week(1, 0)));
  });

  it('a day said twice is echoed once', async () => {
    const kit = makeKit();
    await createPoll(kit, 'host', `D dates:${week(1, 0)}..${week(1, 6)} time:09:00-22:00 slot:1h`);
    expect(echoOf(await answer(kit, 'ann', `${md(week(1, 3))} evening, thu evening`))).toBe(`${enDay(week(1, 3))} 18:00–22:00`);
  });
});

describe('typos', () => {
  it.each([
    ['en', 'tomorow evening', 'tomorow', 'Did you mean “tomorrow”?'],
    ['en', 'tommorow evening', 'tommorow', 'Did you mean “tomorrow”?'],
    ['en', 'wendesday evening', 'wendesday', 'Did you mean “wednesday”?'],
    ['en', 'tomorow', 'tomorow', 'Did you mean “tomorrow”?'],
    ['ko', '네일 저녁', '네일', '혹시 “내일” 말씀인가요?'],
    ['ko', '펑일 저녁', '펑일', '혹시 “평일” 말씀인가요?'],
  ] as const)('%s “%s” names “%s” and offers the word it is close to', async (locale, phrase, word, hint) => {
    const kit = makeKit({ locale });
    await createPoll(kit, 'host', `D dates:${TODAY}..${addDays(TODAY, 6)} time:09:00-22:00 slot:1h`);
    const got = await refusal(kit, `/yakjeong answer ${phrase}`, locale);
    expect(got.code).toBe('UNKNOWN_TIME_WORD');
    expect(got.text).toContain(`“${word}”`);
    expect(got.text).toContain(hint);
  });

  it('a word close to two known words gets no guess; short forms for tomorrow are read outright', async () => {
    const kit = makeKit();
    await createPoll(kit, 'host', `D dates:${TODAY}..${addDays(TODAY, 6)} time:09:00-22:00 slot:1h`);
    // "thisday" is two slips from "thursday" and two from "tuesday": no guess between them.
    expect((await refusal(kit, '/yakjeong answer next thisday evening', 'en')).text).not.toContain('Did you mean');
    for (const short of ['tmrw evening', '낼 저녁']) expect(echoOf(await answer(kit, 'ann', short))).toBe(`${enDay(addDays(TODAY, 1))} 18:00–22:00`);
  });
});

describe('messages that name what is wrong', () => {
  it.each([
    ['en', 'starts and ends at the same time'],
    ['ko', '시작과 끝이 같은 시각'],
  ] as const)('“7-7” leaves no time (%s)', async (locale, words) => {
    const kit = makeKit({ locale });
    await createPoll(kit, 'host', `D dates:${week(1, 0)}..${week(1, 6)} time:09:00-22:00 slot:1h`);
    const got = await refusal(kit, `/yakjeong answer ${md(week(1, 2))} 7-7`, locale);
    expect(got.code).toBe('EMPTY_TIME_RANGE');
    expect(got.text).toContain('“7-7”');
    expect(got.text).toContain(words);
  });

  it.each([
    ['en', 'There is no February 30', 'February has 28 days, 29 in a leap year'],
    ['ko', '2월 30일은 없는 날짜예요', '28일(윤년에는 29일)'],
  ] as const)('“2/30” names the impossible date (%s), in answers and in create', async (locale, named, length) => {
    const kit = makeKit({ locale });
    await createPoll(kit, 'host', `D dates:${week(1, 0)}..${week(1, 6)} time:09:00-22:00 slot:1h`);
    for (const text of ['/yakjeong answer 2/30', '/yakjeong create X dates:2/30']) {
      const got = await refusal(kit, text, locale);
      expect(got.code).toBe('NO_SUCH_DATE');
      expect(got.text).toContain(named);
      expect(got.text).toContain(length);
    }
  });

  it.each([
    ['en', 'this weekend', 'takes days of the week, not dates', '`sat sun`'],
    ['ko', '이번 주말', '날짜가 아니라 요일로 답해요', '`토 일`'],
  ] as const)('a weekly poll answered “%s” says it takes days of the week (%s)', async (locale, phrase, words, example) => {
    const kit = makeKit({ locale });
    await createPoll(kit, 'host', 'D dates:mon-fri time:09:00-22:00 slot:1h');
    const got = await refusal(kit, `/yakjeong answer ${phrase}`, locale);
    expect(got.code).toBe('WEEKLY_TAKES_WEEKDAYS');
    for (const w of [words, example, `“${phrase}”`]) expect(got.text).toContain(w);
  });
});

describe('create', () => {
  it.each([
    ['time:3-5', '15:00', '17:00'],
    ['time:3시~5시', '15:00', '17:00'],
    ['time:9-5', '09:00', '17:00'],
    ['time:11-1', '11:00', '13:00'],
    // Hours that are a day as written stay as written.
    ['time:9-11', '09:00', '11:00'],
    ['time:7-9', '07:00', '09:00'],
    ['time:3-5am', '03:00', '05:00'],
  ])('bare hours %s are %s–%s, and the poll message says so', async (time, start, end) => {
    const kit = makeKit();
    const replies = await kit.engine.runText(kit.actor('host'), `/yakjeong create K dates:tomorrow ${time}`, CAPS);
    expect((await onlyPoll(kit)).spec.window).toEqual({ start, end });
    expect(allText(replies)).toContain(`${start}–${end}`);
  });

  it('relative days count from the speaker’s today, not the poll zone’s', async () => {
    // A day apart at every instant: UTC+14 and UTC−11.
    const speaker = 'Pacific/Kiritimati';
    const kit = makeKit();
    const host = kit.actor('host', { platformTimezone: speaker });
    const theirs = todayIn(T0, speaker);
    expect(theirs).not.toBe(todayIn(T0, 'Pacific/Pago_Pago'));
    await kit.engine.runText(host, '/yakjeong create K dates:tomorrow tz:Pacific/Pago_Pago kind:date', CAPS);
    await kit.engine.runText(host, '/yakjeong create L dates:next week tz:Pacific/Pago_Pago kind:date', CAPS);
    const polls = await kit.store.listPolls(host.channel, ['open']);
    const dates = (title: string) => {
      const days = polls.find((p) => p.spec.title === title)!.spec.days;
      return days.type === 'dates' ? days.dates : [];
    };
    expect(dates('K')).toEqual([addDays(theirs, 1)]);
    expect(dates('L')[0]).toBe(addDays(theirs, 7 - weekdayOf(theirs)));
  });

  it.each([
    ['dates:내일저녁', { kind: 'time', window: { start: '18:00', end: '22:00' }, days: { type: 'dates', dates: [addDays(TODAY, 1)] } }],
    ['dates:월수금', { kind: 'date', days: { type: 'weekly', weekdays: [0, 2, 4] } }],
    ['dates:월수금오전', { kind: 'time', window: { start: '09:00', end: '12:00' }, days: { type: 'weekly', weekdays: [0, 2, 4] } }],
    ['dates:다음 주 화요일저녁', { kind: 'time', window: { start: '18:00', end: '22:00' }, days: { type: 'dates', dates: [week(1, 1)] } }],
  ])('compact Korean %s reads as the answers read it', async (dates, spec) => {
    const kit = makeKit({ locale: 'ko' });
    await createPoll(kit, 'host', `회식 ${dates}`);
    expect((await onlyPoll(kit)).spec).toMatchObject({ title: '회식', ...spec });
  });

  it('a month/day list is one stretch: yesterday and tomorrow are this year’s, the past day named', async () => {
    const kit = makeKit();
    const [yesterday, tomorrow] = [addDays(TODAY, -1), addDays(TODAY, 1)];
    const got = await refusal(kit, `/yakjeong create X dates:${md(yesterday)},${md(tomorrow)}`, 'en');
    expect(got.code).toBe('DATES_START_IN_PAST');
    expect(got.text).toContain(`\`dates:${md(tomorrow)}\``);
    // A list across the new year stays one stretch too.
    const [a, b] = [addDays(TODAY, 20), addDays(TODAY, 50)];
    await createPoll(kit, 'host', `Y dates:${md(b)},${md(a)}`);
    expect((await onlyPoll(kit)).spec.days).toEqual({ type: 'dates', dates: [a, b] });
  });

  it('a Feb 29 in a list said the day after it is that leap year’s, not the next one four years on', () => {
    let year = Number(TODAY.slice(0, 4));
    while (daysInMonth(year, 2) !== 29) year++;
    const marchFirst = `${year}-03-01`;
    expect(parseDateList('3/2,2/29', marchFirst)).toEqual([addDays(marchFirst, -1), addDays(marchFirst, 1)]);
  });
});

/** The first date after `from` whose day in `tz` is `hours` long (25 on a fall-back day, 23 on a spring-forward one). */
function dayOfLength(from: string, tz: string, hours: number): string {
  for (let d = addDays(from, 1); ; d = addDays(d, 1)) {
    const length = (zonedInstant(addDays(d, 1), 0, tz)! - zonedInstant(d, 0, tz)!) / 3_600_000;
    if (length === hours) return d;
  }
}

describe('clock changes in the answerer’s zone', () => {
  const NY = 'America/New_York';

  it('on a fall-back day “1-2” marks the repeated hour once and leaves nothing out', async () => {
    const day = dayOfLength(TODAY, NY, 25);
    const kit = makeKit();
    const code = await createPoll(kit, 'host', `D dates:${day} time:00:00-04:00 slot:30m tz:${NY}`);
    const text = allText(await kit.engine.runText(kit.actor('ann', { platformTimezone: NY }), `/yakjeong answer ${md(day)} 1-2`, CAPS));
    expect(echoOf(text)).toBe(`${enDay(day)} 01:00–02:00`);
    expect(text).not.toContain('Left out');
    const poll = (await kit.store.findPollByCode(code))!;
    expect((await kit.store.participant(poll.id, 'ann'))!.states).toBe('..yy....');
  });

  it.each([
    ['2-3', 'en', 'the clocks jump from 02:00 to 03:00'],
    ['2:30am', 'en', 'the clocks jump from 02:00 to 03:00'],
    ['2-3', 'ko', '시계가 02:00 → 03:00 건너뛰는 날'],
  ] as const)('on a spring-forward day “%s” is refused, naming the missing hour (%s)', async (time, locale, words) => {
    const day = dayOfLength(TODAY, NY, 23);
    const kit = makeKit({ locale });
    const code = await createPoll(kit, 'host', `D dates:${day} time:00:00-05:00 slot:30m tz:${NY}`);
    const error = await userErrorOf(kit.engine.runText(kit.actor('ann', { platformTimezone: NY }), `/yakjeong answer ${md(day)} ${time}`, CAPS));
    expect(error.code).toBe('NONEXISTENT_TIME');
    expect(textOf(errorView(error, locale))).toContain(words);
    const poll = (await kit.store.findPollByCode(code))!;
    expect(await kit.store.participant(poll.id, 'ann')).toBeUndefined();
  });
});

describe('your usual week in Korean words', () => {
  it('“usual learn 끄기” and “켜기” switch learning; “usual set” alone shows how to write it', async () => {
    const kit = makeKit({ locale: 'ko' });
    const run = (text: string) => kit.engine.runText(kit.actor('민지'), text, CAPS);
    expect(allText(await run('/yakjeong usual learn 끄기'))).toContain('응답에서 배우기를 껐고');
    expect(allText(await run('/yakjeong 평소 학습 켜기'))).toContain('응답에서 배우기를 켰어요');
    const empty = await userErrorOf(run('/yakjeong usual set'));
    expect(empty.code).toBe('MISSING_USUAL_WEEK');
    const text = textOf(errorView(empty, 'ko'));
    expect(text).not.toContain('“”');
    expect(text).toContain('/yakjeong usual set 월-금 19:00-22:00');
  });
});
