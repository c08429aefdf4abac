import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { GOOGLE_LINK_MAX, googleCalendarLink, type MeetingEvent } from '../../src/core/domain/meeting.js';
import type { Reply } from '../../src/core/views/reply.js';
import { CAPS, makeKit, textOf, type TestKit } from '../helpers.js';

async function pickAnnouncement(kit: TestKit, create: string, answer: string) {
  const { engine, actor } = kit;
  await engine.runText(actor('host'), `/yakjeong create ${create}`, CAPS);
  await engine.runText(actor('ann'), `/yakjeong answer ${answer}`, CAPS);
  const replies = await engine.runText(actor('host'), '/yakjeong pick 1', CAPS);
  const post = replies.find((r): r is Extract<Reply, { type: 'post' }> => r.type === 'post')!;
  const file = post.view.files?.[0];
  const ics = new TextDecoder().decode(await file!.render());
  const event = new ICAL.Event(new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!);
  return { replies, post, file: file!, event, text: textOf(post.view) };
}

describe('picking the final time', () => {
  it('attaches an .ics with the right instants and a Google Calendar link', async () => {
    const { replies, file, event, text } = await pickAnnouncement(
      makeKit(),
      'Dinner dates:2026-12-01 time:18:00-22:00 slot:30m duration:90m',
      '12/1 19:00-22:00',
    );
    expect(file).toMatchObject({ filename: expect.stringMatching(/\.ics$/), contentType: 'text/calendar' });
    expect(event.summary).toBe('Dinner');
    // 19:00–20:30 in Seoul is 10:00–11:30 UTC.
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-12-01T10:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-12-01T11:30:00.000Z');
    // Stamped when it was picked, on the bot's clock (T0), not the machine's.
    expect(event.component.getFirstPropertyValue('dtstamp')?.toString()).toBe('2026-11-26T12:00:00Z');
    const link = new URL(/https:\/\/calendar\.google\.com\S+/.exec(text)![0]);
    expect(link.searchParams.get('action')).toBe('TEMPLATE');
    expect(link.searchParams.get('text')).toBe('Dinner');
    expect(link.searchParams.get('dates')).toBe('20261201T100000Z/20261201T113000Z');
    expect(link.searchParams.get('ctz')).toBe('Asia/Seoul');
    expect(replies.some((r) => r.type === 'meeting-picked' && r.meeting.timed?.start === Date.UTC(2026, 11, 1, 10))).toBe(true);
  });

  it('makes all-day entries for date polls, end date exclusive', async () => {
    const { event, text } = await pickAnnouncement(makeKit(), 'Trip kind:date dates:12/1-12/5 duration:2d', '12/3-12/5');
    expect(event.startDate.isDate).toBe(true);
    expect(event.startDate.toString()).toBe('2026-12-03');
    expect(event.endDate.toString()).toBe('2026-12-05');
    expect(text).toContain('dates=20261203%2F20261205');
  });

  it('repeats weekly in the poll zone clock, so 09:00 stays 09:00 across DST', async () => {
    const kit = makeKit();
    await kit.engine.runText(kit.actor('host'), '/yakjeong tz America/New_York', CAPS);
    await kit.engine.runText(kit.actor('ann'), '/yakjeong tz America/New_York', CAPS);
    const { event, text } = await pickAnnouncement(kit, 'Standup dates:mon time:09:00-10:00 slot:1h tz:America/New_York', 'mon 09:00-10:00');
    expect(event.component.getFirstPropertyValue('rrule')?.toString()).toBe('FREQ=WEEKLY');
    const dtstart = event.component.getFirstProperty('dtstart')!;
    expect(dtstart.getParameter('tzid')).toBe('America/New_York');
    expect(dtstart.getFirstValue()?.toString()).toBe('2026-11-30T09:00:00');
    expect(Number(event.component.getFirstPropertyValue('sequence'))).toBeGreaterThan(0);
    const link = new URL(/https:\/\/calendar\.google\.com\S+/.exec(text)![0]);
    expect(link.searchParams.get('dates')).toBe('20261130T090000/20261130T100000');
    expect(link.searchParams.get('recur')).toBe('RRULE:FREQ=WEEKLY');
  });

  it('the Google Calendar link carries the description', async () => {
    const { text, event } = await pickAnnouncement(
      makeKit(),
      'Dinner dates:2026-12-01 time:18:00-22:00 slot:30m desc:"Bring the slides & a snack: room 3, floor 2"',
      '12/1 19:00-20:00',
    );
    const link = new URL(/https:\/\/calendar\.google\.com\S+/.exec(text)![0]);
    expect(link.searchParams.get('details')).toBe('Bring the slides & a snack: room 3, floor 2');
    expect(event.description).toBe('Bring the slides & a snack: room 3, floor 2');
  });

  it('a block with no hours is an all-day event named with the block, in the link too', async () => {
    const { text, event } = await pickAnnouncement(makeKit(), 'Retreat blocks:오전,오후 dates:12/1,12/2', '12/2 오후');
    expect(event.summary).toBe('Retreat (오후)');
    expect(event.startDate.isDate).toBe(true);
    const link = new URL(/https:\/\/calendar\.google\.com\S+/.exec(text)![0]);
    expect(link.searchParams.get('text')).toBe('Retreat (오후)');
    expect(link.searchParams.get('dates')).toBe('20261202/20261203');
  });
});

describe('the Google Calendar link', () => {
  const meeting: MeetingEvent = {
    uid: 'x@yakjeong',
    title: '팀 회의',
    timezone: 'Asia/Seoul',
    timed: { start: Date.UTC(2026, 11, 1, 1), end: Date.UTC(2026, 11, 1, 2) },
    weekly: false,
    sequence: 1,
    stamp: Date.UTC(2026, 10, 26),
  };

  it('has no details without a description', () => {
    expect(new URL(googleCalendarLink(meeting)).searchParams.has('details')).toBe(false);
  });

  it('cuts a long description to fit a chat message, and says it was cut', () => {
    // 1000 Hangul syllables encode to 9000 characters: far over what a message carries whole.
    const description = '가나다라마바사아자차'.repeat(100);
    const link = googleCalendarLink({ ...meeting, description });
    expect(link.length).toBeLessThanOrEqual(GOOGLE_LINK_MAX);
    const details = new URL(link).searchParams.get('details')!;
    expect(details.endsWith('…')).toBe(true);
    expect(description.startsWith(details.slice(0, -1))).toBe(true);
    // As much as fits: a syllable encodes to 9 characters, so one more would not.
    expect(link.length).toBeGreaterThan(GOOGLE_LINK_MAX - 9);
  });

  it('keeps a long title within the link too', () => {
    const link = googleCalendarLink({ ...meeting, title: '회'.repeat(200), description: 'x' });
    expect(link.length).toBeLessThanOrEqual(GOOGLE_LINK_MAX);
    expect(new URL(link).searchParams.get('details')).toBe('x');
  });
});
