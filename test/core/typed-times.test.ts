/**
 * The one typed-time grammar: every form people write, in answers, pick starts and create's
 * `time:`, on polls whose dates come from the fixed clock T0 (so the suite passes on any day).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, formatHm, todayIn, weekdayOf } from '../../src/core/domain/time.js';
import type { PollSpec } from '../../src/core/domain/types.js';
import { UserError } from '../../src/core/errors.js';
import { buildPollSpec } from '../../src/core/grammar/build-spec.js';
import { parseCommand } from '../../src/core/grammar/command.js';
import { parseDateRange, parseDateWord } from '../../src/core/grammar/dates.js';
import { parseTypedClock, parseTypedRange } from '../../src/core/grammar/times.js';
import { T0 } from '../helpers.js';

const SEOUL = 'Asia/Seoul';
const TODAY = todayIn(T0, SEOUL);
/** The polls' first and second dates, twelve and thirteen days after the fixed "today". */
const DAY1 = addDays(TODAY, 12);
const DAY2 = addDays(TODAY, 13);
const EN_WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const KO_WEEKDAYS = ['월', '화', '수', '목', '금', '토', '일'];

/** "12/8" */
function md(date: string): string {
  const [, m, d] = date.split('-').map(Number);
  return `${m}/${d}`;
}
/** "12월 8일" */
function koDate(date: string): string {
  const [, m, d] = date.split('-').map(Number);
  return `${m}월 ${d}일`;
}
const D1 = md(DAY1);
const KO1 = KO_WEEKDAYS[weekdayOf(DAY1)]!;
const EN1 = EN_WEEKDAYS[weekdayOf(DAY1)]!;
const WRONG_KO1 = KO_WEEKDAYS[(weekdayOf(DAY1) + 1) % 7]!;

function spec(options: string): PollSpec {
  const cmd = parseCommand(`/yakjeong create T ${options}`);
  if (cmd.type !== 'create') throw new Error('not create');
  return buildPollSpec(cmd.options, { now: T0, defaultTimezone: SEOUL });
}

function errorOf(fn: () => unknown): UserError {
  try {
    fn();
  } catch (err) {
    if (err instanceof UserError) return err;
    throw err;
  }
  throw new Error('expected a UserError');
}

describe('typed ranges', () => {
  it.each<[string, string, string]>([
    ['7pm-9pm', '19:00', '21:00'],
    ['7-9pm', '19:00', '21:00'],
    ['7-9am', '07:00', '09:00'],
    ['11-1pm', '11:00', '13:00'],
    ['12-2pm', '12:00', '14:00'],
    ['9-5pm', '09:00', '17:00'],
    ['9-12pm', '09:00', '12:00'],
    ['11am-1', '11:00', '13:00'],
    ['7pm-9', '19:00', '21:00'],
    ['10pm-2am', '22:00', '02:00'],
    ['11-1am', '23:00', '01:00'],
    ['12am-2am', '00:00', '02:00'],
    ['7:30 pm - 9 pm', '19:30', '21:00'],
    ['7 p.m.-9 p.m.', '19:00', '21:00'],
    ['19:30-21', '19:30', '21:00'],
    ['9-18', '09:00', '18:00'],
    ['07:00-9pm', '07:00', '21:00'],
    ['20:00-02:00', '20:00', '02:00'],
    ['7pm to 9pm', '19:00', '21:00'],
    ['오후 7시-9시', '19:00', '21:00'],
    ['오후 7시 30분-9시', '19:30', '21:00'],
    ['오후 7시반-9시', '19:30', '21:00'],
    ['19시 30분-21시', '19:30', '21:00'],
    ['19시30분~21시', '19:30', '21:00'],
    ['저녁 7시~9시', '19:00', '21:00'],
    ['오전 11시-1시', '11:00', '13:00'],
    ['오후 11시-새벽 1시', '23:00', '01:00'],
    ['밤 11시-1시', '23:00', '01:00'],
    ['낮 12시-2시', '12:00', '14:00'],
    ['오후 7시부터 9시까지', '19:00', '21:00'],
    ['noon-2pm', '12:00', '14:00'],
    ['10pm-midnight', '22:00', '24:00'],
  ])('%s → %s–%s', (input, start, end) => {
    const range = parseTypedRange(input)!;
    expect(range).toBeDefined();
    expect([formatHm(range.start), range.end === 1440 ? '24:00' : formatHm(range.end)]).toEqual([start, end]);
  });

  it.each(['7pm', '13pm', '0am', '오후 13시', '오후 7pm-9pm', '7:61-9', '25-26', '9-9', 'seven-nine'])('%s is not a range', (input) => {
    expect(parseTypedRange(input)).toBeUndefined();
  });

  it('12am and 12pm are midnight and noon', () => {
    expect(parseTypedClock('12am')).toBe(0);
    expect(parseTypedClock('12pm')).toBe(12 * 60);
    expect(parseTypedClock('12:30am')).toBe(30);
    expect(parseTypedClock('오전 12시')).toBe(0);
    expect(parseTypedClock('오후 12시 30분')).toBe(12 * 60 + 30);
  });

  it('a bare start takes the end’s half of the day unless that puts it after the end', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }), fc.constantFrom('am', 'pm'), (a, b, half) => {
        fc.pre(a !== b);
        const range = parseTypedRange(`${a}-${b}${half}`)!;
        const end = ((b % 12) + (half === 'pm' ? 12 : 0)) * 60;
        expect(range.end).toBe(end);
        const same = ((a % 12) + (half === 'pm' ? 12 : 0)) * 60;
        const other = (same + 720) % 1440;
        // The same half when it comes first; otherwise the other ("1-12am" is 13:00 to midnight).
        expect(range.start).toBe(same < end ? same : other);
      }),
    );
  });

  it("create's time: reads the same ranges", () => {
    expect(spec(`dates:${D1} time:7-11pm`).window).toEqual({ start: '19:00', end: '23:00' });
    expect(spec(`dates:${D1} time:오후 6시-10시`).window).toEqual({ start: '18:00', end: '22:00' });
    expect(spec(`dates:${D1} blocks:lunch=12-1pm,dinner=6-9pm`).blocks).toEqual([
      { name: 'lunch', start: '12:00', end: '13:00' },
      { name: 'dinner', start: '18:00', end: '21:00' },
    ]);
  });
});

describe('dates with their weekday', () => {
  it.each([`${D1}(${KO1})`, `${D1} (${EN1})`, `${DAY1}(${KO1})`, `${DAY1}（${KO1}요일）`, `${koDate(DAY1)} (${KO1})`])('%s is the date', (input) => {
    expect(parseDateWord(input, TODAY)).toBe(DAY1);
  });

  it('a range may carry weekdays at both ends', () => {
    expect(parseDateRange(`${DAY1}(${KO1})-${DAY2}(${KO_WEEKDAYS[weekdayOf(DAY2)]})`, TODAY)).toEqual([DAY1, DAY2]);
  });

  it('a weekday that is not the date’s is refused, naming both', () => {
    const err = errorOf(() => parseDateWord(`${D1}(${WRONG_KO1})`, TODAY));
    expect(err.code).toBe('WEEKDAY_MISMATCH');
    expect(err.params).toMatchObject({ date: DAY1, actual: weekdayOf(DAY1), typed: (weekdayOf(DAY1) + 1) % 7 });
    // Create reads dates through the same words.
    expect(errorOf(() => spec(`dates:${D1}(${WRONG_KO1})`)).code).toBe('WEEKDAY_MISMATCH');
  });
});
