import { describe, expect, it } from 'vitest';
import { UserError, type ErrorCode } from '../../src/core/errors.js';
import { parseCommand } from '../../src/core/grammar/command.js';
import { buildPollSpec } from '../../src/core/grammar/build-spec.js';
import { parseDateList, parseWeekdays } from '../../src/core/grammar/dates.js';
import type { CreateOptions } from '../../src/core/grammar/create-options.js';
import { T0 } from '../helpers.js';

const ctx = { now: T0, speakerTimezone: 'Asia/Seoul' };

function create(text: string) {
  const cmd = parseCommand(`/yakjeong create ${text}`);
  if (cmd.type !== 'create') throw new Error('not create');
  return buildPollSpec(cmd.options, ctx);
}

function codeOf(fn: () => unknown): ErrorCode | 'none' {
  try {
    fn();
    return 'none';
  } catch (err) {
    if (err instanceof UserError) return err.code;
    throw err;
  }
}

describe('create grammar', () => {
  it('reads a time poll with every option', () => {
    const spec = create(
      '팀 회식 desc:"연말 모임" dates:2026-12-01..2026-12-05 time:18:00-22:00 slot:1h tz:asia/seoul deadline:2026-11-30T18:00 duration:2h max:8 with:@민지 @준호 must:@민지 remind:24h,1h hidden:yes',
    );
    expect(spec).toMatchObject({
      kind: 'time',
      title: '팀 회식',
      description: '연말 모임',
      timezone: 'Asia/Seoul',
      days: { type: 'dates', dates: ['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05'] },
      window: { start: '18:00', end: '22:00' },
      slotMinutes: 60,
      durationSlots: 2,
      maxParticipants: 8,
      hidden: true,
      remindMinutes: [1440, 60],
    });
    expect(spec.deadline).toBe(Date.UTC(2026, 10, 30, 9, 0)); // 18:00 in Seoul
    expect(spec.expected.map((u) => u.id)).toEqual(['민지', '준호']);
    expect(spec.required.map((u) => u.id)).toEqual(['민지']);
  });

  it('reads block and date polls, and infers the kind', () => {
    expect(create('워크숍 dates:12/1,12/3 blocks:오전,오후,저녁')).toMatchObject({
      kind: 'block',
      days: { dates: ['2026-12-01', '2026-12-03'] },
      blocks: [{ name: '오전' }, { name: '오후' }, { name: '저녁' }],
    });
    expect(create('Food dates:12/1 blocks:lunch=12:00-13:00,dinner=18:00-21:00').blocks).toEqual([
      { name: 'lunch', start: '12:00', end: '13:00' },
      { name: 'dinner', start: '18:00', end: '21:00' },
    ]);
    expect(create('Trip kind:date dates:12/28-1/3 duration:3d')).toMatchObject({
      kind: 'date',
      durationSlots: 3,
      days: { dates: ['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03'] },
    });
  });

  it('understands the date forms people type', () => {
    const today = '2026-11-26';
    expect(parseDateList('12/1-12/3', today)).toEqual(['2026-12-01', '2026-12-02', '2026-12-03']);
    expect(parseDateList('12월 1일-12월 2일', today)).toEqual(['2026-12-01', '2026-12-02']);
    expect(parseDateList('12월 1일', today)).toEqual(['2026-12-01']);
    // A month/day already past this year means next year's.
    expect(parseDateList('11/1', today)).toEqual(['2027-11-01']);
    expect(parseDateList('2026-12-01~2026-12-02', today)).toEqual(['2026-12-01', '2026-12-02']);
    // A relative word at either end counts from today, never from the range's start.
    expect(parseDateList('내일..모레', today)).toEqual(['2026-11-27', '2026-11-28']);
    expect(parseDateList('내일-모레', today)).toEqual(['2026-11-27', '2026-11-28']);
    expect(parseDateList('tomorrow..tomorrow', today)).toEqual(['2026-11-27']);
    expect(parseDateList('today~모레', today)).toEqual(['2026-11-26', '2026-11-27', '2026-11-28']);
    // A month/day start after a day-word end is backwards, not a range from last year's date.
    expect(codeOf(() => parseDateList('12/5..내일', today))).toBe('BAD_DATE_RANGE');
    expect(codeOf(() => parseDateList('12/1-tomorrow', today))).toBe('BAD_DATE_RANGE');
    // A start a few days gone is this year's (the caller names the days gone by).
    expect(parseDateList('11/24..내일', today)).toEqual(['2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27']);
    expect(create('x dates:12월 1일-12월 3일 time:9-12').days).toEqual({
      type: 'dates',
      dates: ['2026-12-01', '2026-12-02', '2026-12-03'],
    });
  });

  it('reads weekly polls in English and Korean', () => {
    expect(parseWeekdays('mon-fri')).toEqual([0, 1, 2, 3, 4]);
    expect(parseWeekdays('월-금')).toEqual([0, 1, 2, 3, 4]);
    expect(parseWeekdays('월수금')).toEqual([0, 2, 4]);
    expect(parseWeekdays('sat,sun')).toEqual([5, 6]);
    const spec = create('스터디 dates:월-금 time:19:00-23:00 slot:30m');
    expect(spec.days.type).toBe('weekly');
    // The reference week starts on the next Monday (2026-11-30).
    expect(spec.days.type === 'weekly' && spec.days.referenceDates).toEqual([
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
    ]);
  });

  it('takes the same clock time twice as a whole day from then, but refuses bare hours like 7-7', () => {
    expect(create('x dates:12/1 time:07:00-07:00').window).toEqual({ start: '07:00', end: '07:00' });
    expect(codeOf(() => create('x dates:12/1 time:7-7'))).toBe('SAME_TIME_WINDOW');
  });

  it('reads relative deadlines and deadlines with an offset', () => {
    expect(create('x dates:12/1 deadline:90m').deadline).toBe(T0 + 90 * 60_000);
    // Units written out, with or without a space (they once stopped after their first letter).
    expect(create('x dates:12/1 deadline:90min').deadline).toBe(T0 + 90 * 60_000);
    expect(create('x dates:12/1 deadline:"2 hours"').deadline).toBe(T0 + 2 * 3_600_000);
    expect(create('x dates:12/1 deadline:"1 day"').deadline).toBe(T0 + 86_400_000);
    expect(create('x dates:12/1 time:09:00-18:00 slot:"1 hour"').slotMinutes).toBe(60);
    expect(create('x dates:12/1 time:09:00-18:00 slot:30minutes').slotMinutes).toBe(30);
    expect(create('x dates:12/1 time:09:00-18:00 slot:1h duration:2hours').durationSlots).toBe(2);
    expect(create('x dates:12/1 deadline:3d').deadline).toBe(T0 + 3 * 86_400_000);
    expect(create('x dates:12/1 deadline:"2026-11-30 18:00+00:00"').deadline).toBe(Date.UTC(2026, 10, 30, 18));
    // T0 is Nov 26 in Seoul: tomorrow is the 27th, 23:59 there unless a time is given.
    expect(create('x dates:12/1 deadline:tomorrow').deadline).toBe(Date.UTC(2026, 10, 27, 14, 59));
    expect(create('x dates:12/1 deadline:"내일 18:00"').deadline).toBe(Date.UTC(2026, 10, 27, 9));
    // A time of day as people say it, after the day.
    expect(create('x dates:12/1 deadline:"tomorrow 6pm"').deadline).toBe(Date.UTC(2026, 10, 27, 9));
    expect(create('x dates:12/1 deadline:"내일 오후 6시"').deadline).toBe(Date.UTC(2026, 10, 27, 9));
    expect(create('x dates:12/1 deadline:"11/30 6:30 pm"').deadline).toBe(Date.UTC(2026, 10, 30, 9, 30));
    expect(create('x dates:12/1 deadline:"tomorrow 18"').deadline).toBe(Date.UTC(2026, 10, 27, 9));
    // A day of a week, or a weekday alone: its next one, today included (T0 is a Thursday).
    expect(create('x dates:12/1 deadline:friday').deadline).toBe(Date.UTC(2026, 10, 27, 14, 59));
    expect(create('x dates:12/1 deadline:목요일').deadline).toBe(Date.UTC(2026, 10, 26, 14, 59));
    expect(create('x dates:12/1 deadline:"next monday 6pm"').deadline).toBe(Date.UTC(2026, 10, 30, 9));
    expect(create('x dates:12/1 deadline:"다음 주 월요일 오후 6시"').deadline).toBe(Date.UTC(2026, 10, 30, 9));
    expect(codeOf(() => create('x dates:12/1 deadline:weekend'))).toBe('BAD_DEADLINE');
    // T0 is 21:00 on that Thursday in Seoul: a weekday's hour already gone today means next week's.
    expect(create('x dates:12/10 deadline:"thu 6pm"').deadline).toBe(Date.UTC(2026, 11, 3, 9));
    expect(create('x dates:12/10 deadline:"목요일 오후 6시"').deadline).toBe(Date.UTC(2026, 11, 3, 9));
    expect(create('x dates:12/10 deadline:"thursday 23:00"').deadline).toBe(Date.UTC(2026, 10, 26, 14));
    // Day words are the speaker's, as in dates:; the clock time is the poll's. Four hours after
    // T0 it is already Nov 27 in Seoul but still Nov 26 in Los Angeles: tomorrow is the 27th.
    const command = parseCommand('/yakjeong create x dates:12/1 tz:Asia/Seoul deadline:tomorrow') as { options: CreateOptions };
    const fromLa = buildPollSpec(command.options, { now: T0 + 4 * 3_600_000, speakerTimezone: 'America/Los_Angeles' });
    expect(fromLa.deadline).toBe(Date.UTC(2026, 10, 27, 14, 59));
  });

  it.each<[string, ErrorCode]>([
    ['x dates:2026-02-30', 'NO_SUCH_DATE'],
    ['x dates:2026-12-05..2026-12-01', 'BAD_DATE_RANGE'],
    ['x dates:12/5-12/1', 'BAD_DATE_RANGE'],
    ['x dates:12/1 time:09:00-18:00 slot:7m', 'BAD_SLOT'],
    ['x dates:2026-12-01..2027-03-01', 'TOO_MANY_DATES'],
    ['x dates:2026-12-01..2027-01-30 time:00:00-24:00 slot:15m', 'TOO_MANY_SLOTS'],
    [`${'a'.repeat(201)} dates:12/1`, 'TITLE_TOO_LONG'],
    ['x dates:12/1 colour:red', 'UNKNOWN_OPTION'],
    ['x dates:12/1 deadline:2026-11-01T10:00', 'DEADLINE_IN_PAST'],
    ['x dates:12/1 deadline:soon', 'BAD_DEADLINE'],
    ['x dates:12/1 deadline:"tomorrow 25pm"', 'BAD_DEADLINE'],
    ['x dates:12/1 deadline:"2/30 6pm"', 'BAD_DEADLINE'],
    ['x dates:12/1 deadline:"today 9am"', 'DEADLINE_IN_PAST'],
    // Thursday 18:00 has passed, and next Thursday is after the poll's last day: not moved there.
    ['x dates:11/30 deadline:"thu 6pm"', 'DEADLINE_IN_PAST'],
    // Morning or evening? Not guessed for a deadline.
    ['x dates:12/1 deadline:"tomorrow 6"', 'BAD_DEADLINE'],
    ['x dates:12/1 deadline:"내일 6시"', 'BAD_DEADLINE'],
    ['x dates:12/1 time:7-7', 'SAME_TIME_WINDOW'],
    ['x dates:12/1 time:7시-7시', 'SAME_TIME_WINDOW'],
    ['x dates:12/1 time:7am-7am', 'SAME_TIME_WINDOW'],
    // Years away: a typo, and past what dates can show (it once broke list and results for the channel).
    ['x dates:12/1 deadline:9999d', 'DEADLINE_TOO_FAR'],
    ['x dates:12/1 deadline:400d', 'DEADLINE_TOO_FAR'],
    ['x dates:12/1 tz:Mars/Olympus', 'BAD_TIMEZONE'],
    ['x dates:12/1 time:25:00-26:00', 'BAD_TIME_RANGE'],
    ['x dates:12/1 time:9-18 duration:45m', 'BAD_DURATION'],
    ['x dates:12/1 time:9-10 duration:2h', 'DURATION_TOO_LONG'],
    ['x dates:12/1 max:0', 'BAD_MAX'],
    ['x dates:12/1 with:bob', 'BAD_USERS'],
    ['x dates:12/1 remind:1h', 'REMIND_WITHOUT_DEADLINE'],
    ['x dates:12/1 hidden:maybe', 'BAD_HIDDEN'],
    ['dates:12/1', 'MISSING_TITLE'],
    ['x time:9-18', 'MISSING_DATES'],
    ['x kind:time dates:12/1', 'MISSING_TIME_RANGE'],
    ['x dates:12/1 blocks:a,a', 'BAD_BLOCKS'],
    ['x dates:12/1 kind:poll', 'BAD_KIND'],
    ['x dates:12/1 dates:12/2', 'DUPLICATE_OPTION'],
  ])('%s → %s', (text, code) => {
    expect(codeOf(() => create(text))).toBe(code);
  });

  it('refuses unknown subcommands and extra words', () => {
    expect(codeOf(() => parseCommand('/yakjeong frobnicate'))).toBe('UNKNOWN_SUBCOMMAND');
    expect(parseCommand('/yakjeong')).toEqual({ type: 'help' });
    expect(parseCommand('/yakjeong results k7q2')).toEqual({ type: 'results', code: 'K7Q2' });
    expect(parseCommand('/yakjeong pick 1')).toEqual({ type: 'pick', choice: '1' });
    expect(parseCommand('/yakjeong answer none')).toEqual({ type: 'answer', spec: 'none' });
    expect(parseCommand('/yakjeong 결과')).toEqual({ type: 'results' });
  });

  it('the raw options schema rejects keys no form has', () => {
    expect(codeOf(() => buildPollSpec({ title: 'x', dates: '12/1', colour: 'red' } as CreateOptions, ctx))).toBe('UNKNOWN_OPTION');
  });
});

describe('reopen grammar', () => {
  it('takes an optional code and a new deadline, and refuses anything else', () => {
    expect(parseCommand('/yakjeong reopen')).toEqual({ type: 'reopen' });
    expect(parseCommand('/yakjeong reopen K7Q2 deadline:24h')).toEqual({ type: 'reopen', code: 'K7Q2', deadline: '24h' });
    expect(parseCommand('/yakjeong 다시열기 마감:3d')).toEqual({ type: 'reopen', deadline: '3d' });
    expect(parseCommand('/yakjeong reopen deadline:2026-12-01 18:00')).toEqual({ type: 'reopen', deadline: '2026-12-01 18:00' });
    expect(parseCommand('/yakjeong reopen K7Q2 deadline:"12/1 18:00"')).toEqual({ type: 'reopen', code: 'K7Q2', deadline: '12/1 18:00' });
    expect(parseCommand('/yakjeong reopen deadline: 24h')).toEqual({ type: 'reopen', deadline: '24h' });
    expect(() => parseCommand('/yakjeong reopen K7Q2 tomorrow')).toThrow(expect.objectContaining({ code: 'EXTRA_WORDS' }));
  });
});
