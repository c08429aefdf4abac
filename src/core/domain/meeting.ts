/** The final meeting a pick makes: what calendars need (.ics file, Google Calendar link, platform events). */
import { addDays, formatHm, wallClock } from './time.js';
import type { PollLayout } from './slots.js';
import type { PickedWindow, Poll } from './types.js';

export interface MeetingEvent {
  /** Stable per poll, so a re-pick updates the same calendar entry. */
  uid: string;
  title: string;
  description?: string;
  timezone: string;
  /** A timed meeting (time polls, blocks with times). */
  timed?: { start: number; end: number };
  /** An all-day meeting (date polls, blocks without times): end is exclusive. */
  allDay?: { startDate: string; endDate: string };
  /** Weekly polls meet every week. */
  weekly: boolean;
  /** Grows with every pick, so calendars replace an older version of the same meeting. */
  sequence: number;
  /** When the entry was made (the pick, on the domain clock): the file's DTSTAMP. */
  stamp: number;
}

export function meetingFromPick(poll: Poll, layout: PollLayout, picked: PickedWindow): MeetingEvent | undefined {
  const first = layout.slots[picked.firstSlot];
  const last = layout.slots[picked.firstSlot + picked.slotCount - 1];
  if (!first || !last) return undefined;
  const meeting: MeetingEvent = {
    uid: `${poll.code.toLowerCase()}-${poll.id}@yakjeong`,
    title: poll.spec.title,
    timezone: poll.spec.timezone,
    weekly: poll.spec.days.type === 'weekly',
    sequence: Math.floor(picked.pickedAt / 1000),
    stamp: picked.pickedAt,
  };
  if (poll.spec.description) meeting.description = poll.spec.description;
  if (first.start !== undefined && last.end !== undefined) meeting.timed = { start: first.start, end: last.end };
  else meeting.allDay = { startDate: first.date, endDate: addDays(last.date, 1) };
  return meeting;
}

function utcStamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** "Add to Google Calendar" link (the documented render?action=TEMPLATE form). */
/** "20261130T090000": wall-clock time in the meeting's zone (for repeating meetings). */
export function localStamp(ms: number, tz: string): string {
  const w = wallClock(ms, tz);
  return `${w.date.replace(/-/g, '')}T${formatHm(w.minute).replace(':', '')}00`;
}

export function googleCalendarLink(meeting: MeetingEvent): string {
  // A weekly meeting is written in its own zone's clock, so it stays at 09:00 across DST changes.
  const stamp = (ms: number) => (meeting.weekly ? localStamp(ms, meeting.timezone) : utcStamp(ms));
  const dates = meeting.timed
    ? `${stamp(meeting.timed.start)}/${stamp(meeting.timed.end)}`
    : `${meeting.allDay!.startDate.replace(/-/g, '')}/${meeting.allDay!.endDate.replace(/-/g, '')}`;
  // Title only, capped: the link must fit in a chat message (Hangul grows ninefold when encoded).
  const title = [...meeting.title].slice(0, 60).join('');
  const params = new URLSearchParams({ action: 'TEMPLATE', text: title, dates, ctz: meeting.timezone });
  if (meeting.weekly) params.set('recur', 'RRULE:FREQ=WEEKLY');
  return `https://calendar.google.com/calendar/render?${params.toString()}`;
}
