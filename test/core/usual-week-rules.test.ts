/**
 * The usual week's rule on generated histories (60 % of the polls that offered a time, the last
 * 8 weeks, newer polls weighing more, weekday × time in the person's zone), the hand-set grammar,
 * and which slots of each kind of poll a picked meeting takes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { slotsTakenBy } from '../../src/core/domain/blocking.js';
import type { MeetingEvent } from '../../src/core/domain/meeting.js';
import { layoutPoll } from '../../src/core/domain/slots.js';
import { addDays, todayIn, weekdayOf, zonedInstant } from '../../src/core/domain/time.js';
import type { Poll, PollSpec } from '../../src/core/domain/types.js';
import { cellIndex, fillFromUsualWeek, learnUsualWeek, recencyWeight, weekFromHours, type PastAnswer } from '../../src/core/domain/usual-week.js';
import { parseWeekHours } from '../../src/core/grammar/usual-week-hours.js';
import { T0 } from '../helpers.js';

const learnedWeek = (...args: Parameters<typeof learnUsualWeek>) => learnUsualWeek(...args).week;

const DAY = 86_400_000;
const SEOUL = 'Asia/Seoul';
const TODAY = todayIn(T0, SEOUL);
/** A Monday in the coming weeks. */
const MONDAY = addDays(TODAY, 7 - weekdayOf(TODAY));

function spec(overrides: Partial<PollSpec>): PollSpec {
  return {
    kind: 'time',
    title: 'p',
    timezone: SEOUL,
    days: { type: 'dates', dates: [MONDAY] },
    window: { start: '09:00', end: '10:00' },
    slotMinutes: 60,
    durationSlots: 1,
    expected: [],
    required: [],
    remindMinutes: [],
    hidden: false,
    ...overrides,
  };
}

function poll(s: PollSpec, createdAt: number, id = 1): Poll {
  return { id, code: 'AB12', channel: { platform: 'console', workspaceId: 'w', channelId: 'c' }, creator: { id: 'h', name: 'h' }, spec: s, status: 'open', createdAt, version: 0 };
}

/** Monday 09:00 in Seoul, the one cell every generated poll offers. */
const CELL = cellIndex(0, 9 * 60);

describe('learning the usual week', () => {
  const history = fc.array(fc.record({ ageDays: fc.integer({ min: 0, max: 80 }), state: fc.constantFrom('y', 'm', '.') }), { maxLength: 12 });

  it('a time is free when the free answers reach 60 % of the recency-weighted polls of the last 8 weeks that offered it', () => {
    fc.assert(
      fc.property(history, (answers) => {
        const past: PastAnswer[] = answers.map((a, i) => ({ poll: poll(spec({}), T0 - a.ageDays * DAY, i + 1), states: a.state }));
        const recent = answers.filter((a) => a.ageDays * DAY <= 8 * 7 * DAY);
        const weight = (a: { ageDays: number }) => 2 ** (-a.ageDays / 28);
        const total = recent.reduce((sum, a) => sum + weight(a), 0);
        const share = (states: string) => recent.filter((a) => states.includes(a.state)).reduce((sum, a) => sum + weight(a), 0) / total;
        const expected = total === 0 ? '.' : share('y') >= 0.6 - 1e-9 ? 'y' : share('ym') >= 0.6 - 1e-9 ? 'm' : '.';
        expect(learnedWeek(past, SEOUL, T0).cells.charAt(CELL)).toBe(expected);
      }),
    );
  });

  it('counts exactly 60 % in and just under out, and a newer poll outweighs an older one', () => {
    const at = (ageDays: number, states: string, id: number): PastAnswer => ({ poll: poll(spec({}), T0 - ageDays * DAY, id), states });
    const same = [at(1, 'y', 1), at(1, 'y', 2), at(1, 'y', 3), at(1, '.', 4), at(1, '.', 5)];
    expect(learnedWeek(same, SEOUL, T0).cells.charAt(CELL)).toBe('y');
    expect(learnedWeek([...same, at(1, '.', 6)], SEOUL, T0).cells.charAt(CELL)).toBe('.');
    // Free last week, not free seven weeks ago: the recent answer weighs 2^(6/4) ≈ 2.8 times as much.
    expect(recencyWeight(7 * DAY) / recencyWeight(49 * DAY)).toBeCloseTo(2 ** 1.5);
    expect(learnedWeek([at(7, 'y', 1), at(49, '.', 2)], SEOUL, T0).cells.charAt(CELL)).toBe('y');
    expect(learnedWeek([at(7, '.', 1), at(49, 'y', 2)], SEOUL, T0).cells.charAt(CELL)).toBe('.');
    // Older than eight weeks teaches nothing.
    expect(learnedWeek([at(57, 'y', 1)], SEOUL, T0).cells.charAt(CELL)).toBe('.');
  });

  it('is kept in the person’s zone: Monday 09:00 in Seoul is Sunday evening in New York', () => {
    const learned = learnedWeek([{ poll: poll(spec({}), T0), states: 'y' }], 'America/New_York', T0);
    const start = zonedInstant(MONDAY, 9 * 60, SEOUL)!;
    const ny = new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', hour: 'numeric', hourCycle: 'h23' }).format(start);
    expect(learned.cells.charAt(cellIndex(6, Number(ny) * 60))).toBe('y');
    expect(learned.cells.charAt(CELL)).toBe('.');
  });

  it('ignores polls with no time of day, and fills only whole slots it covers', () => {
    const dates = spec({ kind: 'date', window: undefined, slotMinutes: undefined });
    expect(learnedWeek([{ poll: poll(dates, T0), states: 'y' }], SEOUL, T0).cells).not.toMatch(/[ym]/);
    const week = weekFromHours(parseWeekHours('mon 09:00-10:30'), SEOUL);
    const target = spec({ window: { start: '09:00', end: '12:00' }, slotMinutes: 60 });
    expect(fillFromUsualWeek(week, layoutPoll(target), '..y')).toBe('y.y');
  });
});

describe('usual set', () => {
  it('reads weekdays then hours, parts of the day, all day and maybe:', () => {
    const week = weekFromHours(parseWeekHours('월-금 저녁, sat,sun 10-18 maybe:fri 22:00-02:00'), SEOUL);
    expect(week.cells.charAt(cellIndex(0, 18 * 60))).toBe('y');
    expect(week.cells.charAt(cellIndex(5, 10 * 60))).toBe('y');
    expect(week.cells.charAt(cellIndex(4, 23 * 60))).toBe('m');
    // Past midnight runs into Saturday.
    expect(week.cells.charAt(cellIndex(5, 60))).toBe('m');
    expect(() => parseWeekHours('sometimes 7-9')).toThrow(/BAD_USUAL_WEEK/);
  });
});

describe('which slots a picked meeting takes', () => {
  const start = zonedInstant(MONDAY, 10 * 60, SEOUL)!;
  const timed: MeetingEvent = { uid: 'u', title: 't', timezone: SEOUL, timed: { start, end: start + 3_600_000 }, weekly: false, sequence: 0, stamp: 0 };

  it('time polls and timed blocks by real-time overlap, in any zone', () => {
    const time = spec({ window: { start: '09:00', end: '12:00' }, slotMinutes: 30 });
    expect(slotsTakenBy(timed, time, layoutPoll(time))).toEqual([2, 3]);
    // The same hour on Shanghai's clock (one hour behind): 09:00–10:00 there.
    const shanghai = spec({ timezone: 'Asia/Shanghai', window: { start: '08:00', end: '11:00' }, slotMinutes: 60 });
    expect(slotsTakenBy(timed, shanghai, layoutPoll(shanghai))).toEqual([1]);
    const blocks = spec({ kind: 'block', window: undefined, slotMinutes: undefined, blocks: [{ name: 'am', start: '09:00', end: '10:30' }, { name: 'pm', start: '13:00', end: '15:00' }, { name: 'open' }] });
    expect(slotsTakenBy(timed, blocks, layoutPoll(blocks))).toEqual([0]);
  });

  it('date polls when the meeting covers the date; weekly polls and weekly meetings never', () => {
    const dates = spec({ kind: 'date', window: undefined, slotMinutes: undefined, days: { type: 'dates', dates: [addDays(MONDAY, -1), MONDAY, addDays(MONDAY, 1)] } });
    expect(slotsTakenBy(timed, dates, layoutPoll(dates))).toEqual([1]);
    const allDay: MeetingEvent = { ...timed, timed: undefined, allDay: { startDate: MONDAY, endDate: addDays(MONDAY, 2) } } as MeetingEvent;
    delete allDay.timed;
    expect(slotsTakenBy(allDay, dates, layoutPoll(dates))).toEqual([1, 2]);
    const weekly = spec({ days: { type: 'weekly', weekdays: [0], referenceDates: [MONDAY] }, window: { start: '09:00', end: '12:00' } });
    expect(slotsTakenBy(timed, weekly, layoutPoll(weekly))).toEqual([]);
    const time = spec({ window: { start: '09:00', end: '12:00' } });
    expect(slotsTakenBy({ ...timed, weekly: true }, time, layoutPoll(time))).toEqual([]);
  });
});
