/**
 * Every kind of .ics a pick makes, read by a standard parser (ical.js): the first occurrences
 * must land on the right instants. Expectations come from Intl alone, not from the project's
 * own zone maths, so a shared mistake cannot agree with itself.
 */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/views/reply.js';
import { CAPS, createPoll, makeKit, T0 } from '../helpers.js';

/** The instant a wall-clock time in a zone names, found by Intl (fixed-point on the zone's reading). */
function wallInstant(tz: string, date: string, time: string): number {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  const wanted = Date.UTC(y, mo - 1, d, h, mi);
  const format = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
  let guess = wanted;
  for (let i = 0; i < 4; i++) {
    const p = Object.fromEntries(format.formatToParts(guess).map((part) => [part.type, Number(part.value)]));
    guess += wanted - Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!);
  }
  return guess;
}

interface Occurrence {
  start: number;
  end: number;
  /** "2026-12-01" for all-day occurrences. */
  startDate?: string;
  endDate?: string;
}

/** Parses an .ics and lists up to `count` occurrences of its one event. */
function occurrences(ics: string, count = 3): { event: ICAL.Event; list: Occurrence[] } {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
  const iterator = event.iterator();
  const list: Occurrence[] = [];
  for (let next = iterator.next(); next && list.length < count; next = iterator.next()) {
    const details = event.getOccurrenceDetails(next);
    const o: Occurrence = { start: details.startDate.toUnixTime() * 1000, end: details.endDate.toUnixTime() * 1000 };
    if (details.startDate.isDate) {
      o.startDate = details.startDate.toString();
      o.endDate = details.endDate.toString();
    }
    list.push(o);
  }
  return { event, list };
}

interface Case {
  name: string;
  now?: number;
  /** Zone of the people answering and picking (answers are read in it). */
  tz?: string;
  create: string;
  answer: string;
  summary: string;
  /** Expected occurrences: wall-clock [date, start, end] in `zone`, or all-day [start, end exclusive]. */
  zone?: string;
  timed?: Array<[string, string, string]>;
  allDay?: Array<[string, string]>;
  weekly: boolean;
}

/** Mondays before a clock change, so three weekly occurrences run across it. */
const MON_BEFORE_US_SPRING = Date.UTC(2027, 2, 1, 12); // New York springs forward on 2027-03-14.
const MON_BEFORE_EU_FALL = Date.UTC(2027, 9, 18, 12); // Berlin falls back on 2027-10-31.

const CASES: Case[] = [
  {
    name: 'time poll',
    create: 'Dinner dates:12/1 time:18:00-22:00 slot:30m duration:90m',
    answer: '12/1 19:00-22:00',
    summary: 'Dinner',
    zone: 'Asia/Seoul',
    timed: [['2026-12-01', '19:00', '20:30']],
    weekly: false,
  },
  {
    name: 'time poll on a clock-change day',
    now: MON_BEFORE_US_SPRING,
    tz: 'America/New_York',
    create: 'Night dates:3/14 time:01:00-05:00 slot:1h duration:2h tz:America/New_York',
    answer: '3/14 01:00-04:00',
    summary: 'Night',
    zone: 'America/New_York',
    // 02:00 does not exist that day: 01:00 and 03:00 are adjacent, one real hour apart.
    timed: [['2027-03-14', '01:00', '04:00']],
    weekly: false,
  },
  {
    name: 'weekly time poll across spring-forward',
    now: MON_BEFORE_US_SPRING,
    tz: 'America/New_York',
    create: 'Standup dates:mon time:09:00-10:00 slot:30m duration:1h tz:America/New_York',
    answer: 'mon 09:00-10:00',
    summary: 'Standup',
    zone: 'America/New_York',
    timed: [
      ['2027-03-01', '09:00', '10:00'],
      ['2027-03-08', '09:00', '10:00'],
      ['2027-03-15', '09:00', '10:00'],
    ],
    weekly: true,
  },
  {
    name: 'weekly time poll across fall-back',
    now: MON_BEFORE_EU_FALL,
    tz: 'Europe/Berlin',
    create: 'Review dates:mon,wed time:17:00-19:00 slot:1h tz:Europe/Berlin',
    answer: 'wed 18:00-19:00',
    summary: 'Review',
    zone: 'Europe/Berlin',
    timed: [
      ['2027-10-20', '18:00', '19:00'],
      ['2027-10-27', '18:00', '19:00'],
      ['2027-11-03', '18:00', '19:00'],
    ],
    weekly: true,
  },
  {
    name: 'block poll with hours',
    create: 'Meal blocks:lunch=12:00-13:00,dinner=18:00-21:00 dates:12/1,12/2',
    answer: '12/2 dinner',
    summary: 'Meal',
    zone: 'Asia/Seoul',
    timed: [['2026-12-02', '18:00', '21:00']],
    weekly: false,
  },
  {
    name: 'weekly block poll with hours across spring-forward',
    now: MON_BEFORE_US_SPRING,
    tz: 'America/New_York',
    create: 'Club blocks:early=07:00-08:00,late=20:00-22:00 dates:tue tz:America/New_York',
    answer: 'tue late',
    summary: 'Club',
    zone: 'America/New_York',
    timed: [
      ['2027-03-02', '20:00', '22:00'],
      ['2027-03-09', '20:00', '22:00'],
      ['2027-03-16', '20:00', '22:00'],
    ],
    weekly: true,
  },
  {
    name: 'block poll without hours',
    create: 'Retreat blocks:morning,afternoon,evening dates:12/1,12/2',
    answer: '12/2 afternoon',
    summary: 'Retreat (afternoon)',
    allDay: [['2026-12-02', '2026-12-03']],
    weekly: false,
  },
  {
    name: 'block poll without hours, two blocks',
    create: 'Retreat blocks:morning,afternoon,evening dates:12/1,12/2 duration:2',
    answer: '12/1 afternoon, 12/1 evening',
    summary: 'Retreat (afternoon, evening)',
    allDay: [['2026-12-01', '2026-12-02']],
    weekly: false,
  },
  {
    name: 'weekly block poll without hours',
    create: 'Chores blocks:오전,오후 dates:sat,sun',
    answer: 'sun 오후',
    summary: 'Chores (오후)',
    // T0 is Thursday 2026-11-26: the reference week starts Monday 2026-11-30.
    allDay: [
      ['2026-12-06', '2026-12-07'],
      ['2026-12-13', '2026-12-14'],
      ['2026-12-20', '2026-12-21'],
    ],
    weekly: true,
  },
  {
    name: 'date poll',
    create: 'Trip kind:date dates:12/1-12/5',
    answer: '12/3',
    summary: 'Trip',
    allDay: [['2026-12-03', '2026-12-04']],
    weekly: false,
  },
  {
    name: 'multi-day date poll',
    create: 'Trip kind:date dates:12/1-12/5 duration:2d',
    answer: '12/3-12/5',
    summary: 'Trip',
    allDay: [['2026-12-03', '2026-12-05']],
    weekly: false,
  },
  {
    name: 'weekly date poll',
    create: 'Gym kind:date dates:mon-fri',
    answer: 'wed',
    summary: 'Gym',
    allDay: [
      ['2026-12-02', '2026-12-03'],
      ['2026-12-09', '2026-12-10'],
      ['2026-12-16', '2026-12-17'],
    ],
    weekly: true,
  },
];

async function pickedIcs(c: Case): Promise<string> {
  const kit = makeKit({ now: c.now ?? T0 });
  const person = c.tz ? { platformTimezone: c.tz } : {};
  await createPoll(kit, 'host', c.create);
  await kit.engine.runText(kit.actor('ann', person), `/yakjeong answer ${c.answer}`, CAPS);
  const replies = await kit.engine.runText(kit.actor('host', person), '/yakjeong pick 1', CAPS);
  const post = replies.find((r): r is Extract<Reply, { type: 'post' }> => r.type === 'post' && Boolean(r.view.files?.length));
  const file = post?.view.files?.[0];
  if (!file) throw new Error(`no .ics: ${JSON.stringify(replies)}`);
  return new TextDecoder().decode(await file.render());
}

describe('every kind of .ics reads right in a standard parser', () => {
  it.each(CASES)('$name', async (c) => {
    const ics = await pickedIcs(c);
    // Asking for one more than expected shows a one-off event does not repeat.
    const { event, list } = occurrences(ics, c.weekly ? 3 : 2);
    expect(event.summary).toBe(c.summary);
    expect(event.isRecurring()).toBe(c.weekly);
    if (c.timed) {
      const zone = c.zone!;
      expect(list.map((o) => ({ start: o.start, end: o.end }))).toEqual(
        c.timed.map(([date, start, end]) => ({ start: wallInstant(zone, date, start), end: wallInstant(zone, date, end) })),
      );
      expect(list.every((o) => o.startDate === undefined)).toBe(true);
    } else {
      expect(list.map((o) => [o.startDate, o.endDate])).toEqual(c.allDay);
    }
  });

  it('a weekly meeting carries the VTIMEZONE of its TZID, so the TZID is no floating time', async () => {
    const ics = await pickedIcs(CASES.find((c) => c.name === 'weekly time poll across spring-forward')!);
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const zones = calendar.getAllSubcomponents('vtimezone');
    expect(zones.map((z) => z.getFirstPropertyValue('tzid'))).toEqual(['America/New_York']);
    const dtstart = calendar.getFirstSubcomponent('vevent')!.getFirstProperty('dtstart')!;
    expect(dtstart.getParameter('tzid')).toBe('America/New_York');
    expect(dtstart.getFirstValue()?.toString()).toBe('2027-03-01T09:00:00');
    // The independent reading agrees with the plain facts: 09:00 EST, then 09:00 EDT.
    const { list } = occurrences(ics);
    expect(list.map((o) => new Date(o.start).toISOString())).toEqual(['2027-03-01T14:00:00.000Z', '2027-03-08T14:00:00.000Z', '2027-03-15T13:00:00.000Z']);
    // Every line ends in CRLF (RFC 5545), the inserted block included.
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('an alias zone is filed under the TZID its VTIMEZONE has', async () => {
    const ics = await pickedIcs({
      name: 'utc',
      tz: 'UTC',
      create: 'Sync dates:thu time:09:00-10:00 slot:1h tz:UTC',
      answer: 'thu 09:00-10:00',
      summary: 'Sync',
      weekly: true,
    });
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const tzid = calendar.getFirstSubcomponent('vtimezone')!.getFirstPropertyValue('tzid');
    expect(calendar.getFirstSubcomponent('vevent')!.getFirstProperty('dtstart')!.getParameter('tzid')).toBe(tzid);
    const { list } = occurrences(ics);
    // T0 is a Thursday: the reference week starts the next Monday, so its Thursday is 2026-12-03.
    expect(list.map((o) => new Date(o.start).toISOString())).toEqual(['2026-12-03T09:00:00.000Z', '2026-12-10T09:00:00.000Z', '2026-12-17T09:00:00.000Z']);
  });
});
