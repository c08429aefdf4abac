/** .ics files for picked meetings, written by the `ics` library. */
import { createEvent, type EventAttributes } from 'ics';
import type { MeetingEvent } from '../../core/domain/meeting.js';
import type { CalendarFiles } from '../../core/ports.js';

function dateArray(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return [y, m, d];
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
    const { error, value } = createEvent(attributes);
    if (error || !value) throw error ?? new Error('ics: no output');
    return new TextEncoder().encode(value);
  }
}
