/**
 * The one typed-time grammar: every form people write, in answers, pick starts and create's
 * `time:`, on polls whose dates come from the fixed clock T0 (so the suite passes on any day).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, formatHm, todayIn } from '../../src/core/domain/time.js';
import type { PollSpec } from '../../src/core/domain/types.js';
import { buildPollSpec } from '../../src/core/grammar/build-spec.js';
import { parseCommand } from '../../src/core/grammar/command.js';
import { parseTypedClock, parseTypedRange } from '../../src/core/grammar/times.js';
import { T0 } from '../helpers.js';

const SEOUL = 'Asia/Seoul';
const TODAY = todayIn(T0, SEOUL);
/** The polls' first date, twelve days after the fixed "today". */
const DAY1 = addDays(TODAY, 12);

/** "12/8" */
function md(date: string): string {
  const [, m, d] = date.split('-').map(Number);
  return `${m}/${d}`;
}
const D1 = md(DAY1);

function spec(options: string): PollSpec {
  const cmd = parseCommand(`/yakjeong create T ${options}`);
  if (cmd.type !== 'create') throw new Error('not create');
  return buildPollSpec(cmd.options, { now: T0, defaultTimezone: SEOUL });
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
