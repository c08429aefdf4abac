/** .ics files for picked meetings, written by the `ics` library. */
import { createEvent, type EventAttributes } from 'ics';
import { localStamp, type MeetingEvent } from '../../core/domain/meeting.js';
import type { CalendarFiles } from '../../core/ports.js';

function dateArray(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return [y, m, d];
}

/**
 * A repeating meeting must follow its zone's clock across DST, which UTC times cannot say.
 * The ics library writes UTC only, so the start and end are rewritten with a TZID.
 */
function inZone(ics: string, meeting: MeetingEvent): string {
  const { start, end } = meeting.timed!;
  return ics
    .replace(/^DTSTART:\d{8}T\d{6}Z$/m, `DTSTART;TZID=${meeting.timezone}:${localStamp(start, meeting.timezone)}`)
    .replace(/^DTEND:\d{8}T\d{6}Z$/m, `DTEND;TZID=${meeting.timezone}:${localStamp(end, meeting.timezone)}`);
}

export class IcsCalendarFiles implements CalendarFiles {
  async ics(meeting: MeetingEvent): Promise<Uint8Array> {
    const common = {
      uid: meeting.uid,
      title: meeting.title,
      productId: 'yakjeong/ics',
      ...(meeting.description ? { description: meeting.description } : {}),
      ...(meeting.weekly ? { recurrenceRule: 'FREQ=WEEKLY' } : {}),
    };
    // Timed meetings are written in UTC: exact in every calendar, whatever its zone.
    const attributes: EventAttributes = meeting.timed
      ? {
          ...common,
          start: meeting.timed.start,
          startInputType: 'utc',
          startOutputType: 'utc',
          end: meeting.timed.end,
          endInputType: 'utc',
          endOutputType: 'utc',
        }
      : { ...common, start: dateArray(meeting.allDay!.startDate), end: dateArray(meeting.allDay!.endDate) };
    // DTSTAMP from the domain clock (the library reads the system clock otherwise); the option
    // is in the library's schema but missing from its typings.
    const { error, value } = createEvent(Object.assign({}, attributes, { sequence: meeting.sequence, timestamp: meeting.stamp }));
    if (error || !value) throw error ?? new Error('ics: no output');
    return new TextEncoder().encode(meeting.weekly && meeting.timed ? inZone(value, meeting) : value);
  }
}
