/**
 * Findings of a user review of plain-language times, through the real engine and store: time
 * words narrow the time they are said with, impossible ranges are refused, create reads every
 * word of its options. Dates are counted from the fixed clock's today.
 */
import { describe, expect, it } from 'vitest';
import { addDays, todayIn, weekdayOf } from '../../src/core/domain/time.js';
import { errorView } from '../../src/core/views/notices.js';
import { allText, CAPS, createPoll, makeKit, T0, textOf, userErrorOf } from '../helpers.js';

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

describe('impossible times are refused, naming the problem and the accepted form', () => {
  it.each([
    ['en', '7-5', 'BACKWARDS_TIME_RANGE', ['ends before it starts', '`7am-5pm`', '`19:00-21:00`']],
    ['ko', '7-5', 'BACKWARDS_TIME_RANGE', ['끝나는 시각이 시작보다 앞서요', '`오전 7시-오후 5시`']],
    ['en', 'before 0', 'EMPTY_TIME_RANGE', ['leaves no time', '`before 4pm`']],
    ['en', 'after midnight', 'EMPTY_TIME_RANGE', ['leaves no time']],
    ['ko', '0시 이전', 'EMPTY_TIME_RANGE', ['남는 시간이 없어요', '`오후 4시 이전`']],
  ] as const)('%s “%s” → %s, and nothing is stored', async (locale, time, code, words) => {
    const { kit, code: poll } = await twoWeeks(locale);
    const day = week(1, 3).split('-').slice(1).map(Number).join('/');
    const error = await userErrorOf(kit.engine.runText(kit.actor('ann'), `/yakjeong answer ${day} ${time}`, CAPS));
    expect(error.code).toBe(code);
    const text = textOf(errorView(error, locale));
    expect(text).toContain(`“${time}”`);
    for (const word of words) expect(text).toContain(word);
    expect(await statesOf(kit, poll, 'ann')).toBeUndefined();
  });

  it('a bare range that one reading of the poll’s hours fits, and hours written for a night, still read', async () => {
    const { kit } = await twoWeeks();
    const day = week(1, 3).split('-').slice(1).map(Number).join('/');
    expect(echoOf(allText(await kit.engine.runText(kit.actor('ann'), `/yakjeong answer ${day} 9-5`, CAPS)))).toBe(`Thu ${day} 09:00–17:00`);
    expect(echoOf(allText(await kit.engine.runText(kit.actor('ann'), `/yakjeong answer ${day} 19-5`, CAPS)))).toBe(`Thu ${day} 19:00–05:00`);
  });
});

describe('a create range that starts before today stays in this year', () => {
  const md = (date: string) => date.split('-').slice(1).map(Number).join('/');
  const yesterday = addDays(TODAY, -1);
  const end = addDays(TODAY, 12);

  it.each(['en', 'ko'] as const)('“dates:<yesterday>-<in 12 days>” names the past day and offers the range from today (%s)', async (locale) => {
    const kit = makeKit({ locale });
    const error = await userErrorOf(kit.engine.runText(kit.actor('host'), `/yakjeong create X dates:${md(yesterday)}-${md(end)}`, CAPS));
    expect(error.code).toBe('DATES_START_IN_PAST');
    const text = textOf(errorView(error, locale));
    expect(text).toContain(md(yesterday));
    expect(text).toContain(`\`dates:${md(TODAY)}-${md(end)}\``);
    expect(text).not.toContain(String(Number(TODAY.slice(0, 4)) + 1));
    expect(await kit.store.listPolls(kit.actor('host').channel, ['open'])).toEqual([]);
  });

  it('the offered range makes this year’s poll', async () => {
    const kit = makeKit();
    await createPoll(kit, 'host', `X dates:${md(TODAY)}-${md(end)}`);
    const [poll] = await kit.store.listPolls(kit.actor('host').channel, ['open']);
    expect(poll!.spec.days).toMatchObject({ type: 'dates' });
    const dates = poll!.spec.days.type === 'dates' ? poll!.spec.days.dates : [];
    expect([dates[0], dates[dates.length - 1]]).toEqual([TODAY, end]);
  });

  it('days that wholly went by within half a year are refused as past, naming next year’s dates, which work as written', async () => {
    const kit = makeKit();
    const nextYear = (date: string) => `${Number(date.slice(0, 4)) + 1}${date.slice(4)}`;
    const past = [addDays(TODAY, -10), addDays(TODAY, -5)];
    const range = await userErrorOf(kit.engine.runText(kit.actor('host'), `/yakjeong create Y dates:${md(past[0]!)}-${md(past[1]!)}`, CAPS));
    const offered = `dates:${nextYear(past[0]!)}..${nextYear(past[1]!)}`;
    expect(textOf(errorView(range, 'en'))).toBe(
      `⚠️ All of “${md(past[0]!)}-${md(past[1]!)}” has already gone by. Choose dates from today on, or, if you meant next year's, write the year: \`${offered}\`.`,
    );
    expect(textOf(errorView(range, 'ko'))).toContain(`이미 지난 날짜예요`);
    const single = addDays(TODAY, -1);
    const one = await userErrorOf(kit.engine.runText(kit.actor('host'), `/yakjeong create Z dates:${md(single)}`, CAPS));
    expect(one.params).toMatchObject({ nextYear: `dates:${nextYear(single)}` });
    expect(await kit.store.listPolls(kit.actor('host').channel, ['open'])).toEqual([]);
    await createPoll(kit, 'host', `Y ${offered}`);
    // Further back than half a year, a month and day is next year's, as "1/5" said in December is.
    const longAgo = addDays(TODAY, -200);
    await createPoll(kit, 'host', `W dates:${md(longAgo)}`);
    const polls = await kit.store.listPolls(kit.actor('host').channel, ['open']);
    const first = (title: string) => {
      const days = polls.find((p) => p.spec.title === title)!.spec.days;
      return days.type === 'dates' ? days.dates[0] : undefined;
    };
    expect(first('Y')).toBe(nextYear(past[0]!));
    expect(first('W')! > TODAY).toBe(true);
  });
});

describe('create reads every word of its options, or refuses it; none joins the title unread', () => {
  it('“dates:tomorrow morning” is a time poll of tomorrow morning titled “N”', async () => {
    const kit = makeKit();
    await createPoll(kit, 'host', 'N dates:tomorrow morning');
    const [poll] = await kit.store.listPolls(kit.actor('host').channel, ['open']);
    expect(poll!.spec).toMatchObject({ title: 'N', kind: 'time', window: { start: '09:00', end: '12:00' }, days: { type: 'dates', dates: [addDays(TODAY, 1)] } });
  });

  it.each([
    ['K dates:tomorrow time:evenings after 7', '19:00', '22:00'],
    ['K dates:내일 time:저녁 7시 이후', '19:00', '22:00'],
    ['K dates:내일 저녁 7시 이후', '19:00', '22:00'],
    ['K dates:tomorrow time:evening 7-9', '19:00', '21:00'],
  ])('%s → %s–%s, titled “K”', async (text, start, end) => {
    const kit = makeKit();
    await createPoll(kit, 'host', text);
    const [poll] = await kit.store.listPolls(kit.actor('host').channel, ['open']);
    expect(poll!.spec).toMatchObject({ title: 'K', kind: 'time', window: { start, end } });
  });

  it.each(['en', 'ko'] as const)('a word no option reads is refused by name, and no poll is made (%s)', async (locale) => {
    const kit = makeKit({ locale });
    const error = await userErrorOf(kit.engine.runText(kit.actor('host'), '/yakjeong create N dates:tomorrow evning', CAPS));
    expect(error.code).toBe('OPTION_EXTRA_WORDS');
    const text = textOf(errorView(error, locale));
    expect(text).toContain('“evning”');
    expect(text).toContain('`dates:tomorrow`');
    expect(await kit.store.listPolls(kit.actor('host').channel, ['open'])).toEqual([]);
  });

  it('a time with the days and a time: of its own is one time too many', async () => {
    const kit = makeKit();
    const error = await userErrorOf(kit.engine.runText(kit.actor('host'), '/yakjeong create N dates:tomorrow morning time:evening', CAPS));
    expect(error.code).toBe('DUPLICATE_OPTION');
  });
});

describe('Korean written without spaces', () => {
  it('“<date>저녁” reads as that date’s evening, the same answer as with a space', async () => {
    const { kit, code } = await twoWeeks('ko');
    const day = week(1, 3).split('-').slice(1).map(Number).join('/');
    const text = allText(await kit.engine.runText(kit.actor('민지'), `/yakjeong answer ${day}저녁`, CAPS));
    expect(echoOf(text)).toBe(`${day}(목) 18:00–22:00`);
    await kit.engine.runText(kit.actor('준호'), `/yakjeong answer ${day} 저녁`, CAPS);
    expect(await statesOf(kit, code, '민지')).toBe(await statesOf(kit, code, '준호'));
  });
});

describe('a create window that names the same time twice', () => {
  it.each([
    ['en', '07:00-07:00', '07:00–07:00 (24 hours)'],
    ['ko', '07:00-07:00', '07:00–07:00 (24시간)'],
    ['en', '00:00-00:00', '00:00–00:00 (24 hours)'],
  ] as const)('%s: the form that works, time:%s, makes a poll whose message says its hours are a whole day', async (locale, time, hours) => {
    const kit = makeKit({ locale });
    const replies = await kit.engine.runText(kit.actor('host'), `/yakjeong create Dinner dates:${week(1, 0)} time:${time}`, CAPS);
    expect(allText(replies)).toContain(hours);
  });

  it('an answer before the first day’s 07:00 is outside the poll, not outside hours that fill the day', async () => {
    const kit = makeKit();
    const first = week(1, 0);
    await kit.engine.runText(kit.actor('host'), `/yakjeong create Dinner dates:${first} time:07:00-07:00`, CAPS);
    const error = await userErrorOf(kit.engine.runText(kit.actor('guest'), `/yakjeong answer ${first} 03:00-05:00`, CAPS));
    expect(error.code).toBe('ANSWER_OUTSIDE_POLL');
    // Its dates alone would not say why: the poll's span is named with its times.
    expect(error.params.range).toBe(`${first} 07:00 … ${addDays(first, 1)} 07:00`);
  });

  it('a window from midnight to midnight reads as written, without the note', async () => {
    const kit = makeKit();
    const replies = await kit.engine.runText(kit.actor('host'), `/yakjeong create Dinner dates:${week(1, 0)} time:00:00-24:00`, CAPS);
    expect(allText(replies)).toContain('00:00–24:00 ·');
  });

  it.each([
    ['en', '7am-7am', ['starts and ends at the same time (07:00)', '`time:07:00-07:00`', '`time:09:00-18:00`']],
    ['en', '19-19', ['(19:00)', '`time:19:00-19:00`']],
    ['ko', '7시-7시', ['시작과 끝이 같은 시각이에요(07:00)', '`time:07:00-07:00`']],
  ] as const)('%s time:%s is refused by name, with the forms that work, and no poll is made', async (locale, time, words) => {
    const kit = makeKit({ locale });
    const error = await userErrorOf(kit.engine.runText(kit.actor('host'), `/yakjeong create Dinner dates:${week(1, 0)} time:${time}`, CAPS));
    expect(error.code).toBe('SAME_TIME_WINDOW');
    const text = textOf(errorView(error, locale));
    expect(text).toContain(`“${time}”`);
    for (const word of words) expect(text).toContain(word);
    expect(await kit.store.newestOpenPoll(kit.actor('host').channel)).toBeUndefined();
  });
});
