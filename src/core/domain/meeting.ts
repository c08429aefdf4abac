/** The final meeting a pick makes: what calendars need (.ics file, Google Calendar link, platform events). */
import { addDays, formatHm, wallClock, zonedInstant } from './time.js';
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
  if (first.start !== undefined && last.end !== undefined) {
    meeting.timed = { start: first.start, end: last.end };
  } else {
    meeting.allDay = { startDate: first.date, endDate: addDays(last.date, 1) };
    // A whole day in the calendar would hide which part of it was chosen: the name says.
    const blocks = layout.slots.slice(picked.firstSlot, picked.firstSlot + picked.slotCount).flatMap((slot) => (slot.block ? [slot.block] : []));
    if (blocks.length) meeting.title = `${poll.spec.title} (${blocks.join(', ')})`;
  }
  return meeting;
}

/** The meeting as real time: its own instants, or its whole days from midnight to midnight in its zone. */
export function meetingSpan(meeting: MeetingEvent): { start: number; end: number } | undefined {
  if (meeting.timed) return meeting.timed;
  if (!meeting.allDay) return undefined;
  const start = zonedInstant(meeting.allDay.startDate, 0, meeting.timezone);
  const end = zonedInstant(meeting.allDay.endDate, 0, meeting.timezone);
  return start !== undefined && end !== undefined ? { start, end } : undefined;
}

function utcStamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** "20261130T090000": wall-clock time in the meeting's zone (for repeating meetings). */
export function localStamp(ms: number, tz: string): string {
  const w = wallClock(ms, tz);
  return `${w.date.replace(/-/g, '')}T${formatHm(w.minute).replace(':', '')}00`;
}

/**
 * The longest link a picked notice carries. Chat platforms cut long texts (Slack at 3000
 * characters, Discord's embed parts when the whole is too long), and a cut link is a broken one;
 * Hangul grows ninefold when encoded, so the budget is counted on the encoded link.
 */
export const GOOGLE_LINK_MAX = 1800;
const GOOGLE_TITLE_MAX = 100;

function cut(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** "Add to Google Calendar" link (the documented render?action=TEMPLATE form), at most GOOGLE_LINK_MAX long. */
export function googleCalendarLink(meeting: MeetingEvent): string {
  // A weekly meeting is written in its own zone's clock, so it stays at 09:00 across DST changes.
  const stamp = (ms: number) => (meeting.weekly ? localStamp(ms, meeting.timezone) : utcStamp(ms));
  const dates = meeting.timed
    ? `${stamp(meeting.timed.start)}/${stamp(meeting.timed.end)}`
    : `${meeting.allDay!.startDate.replace(/-/g, '')}/${meeting.allDay!.endDate.replace(/-/g, '')}`;
  const params = new URLSearchParams({ action: 'TEMPLATE', text: cut(meeting.title, GOOGLE_TITLE_MAX), dates, ctz: meeting.timezone });
  if (meeting.weekly) params.set('recur', 'RRULE:FREQ=WEEKLY');
  const link = (details?: string) => {
    const withDetails = new URLSearchParams(params);
    if (details) withDetails.set('details', details);
    return `https://calendar.google.com/calendar/render?${withDetails.toString()}`;
  };
  const description = meeting.description;
  if (!description || link(description).length <= GOOGLE_LINK_MAX) return link(description);
  // The longest cut of the description that fits (the .ics file still carries all of it).
  let low = 0;
  let high = [...description].length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (link(cut(description, mid)).length <= GOOGLE_LINK_MAX) low = mid;
    else high = mid - 1;
  }
  return low > 1 ? link(cut(description, low)) : link();
}
