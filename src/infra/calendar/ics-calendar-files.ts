/** .ics files for picked meetings, written by the `ics` library. */
import type { EventAttributes } from 'ics';
import { tzlib_get_ical_block, tzlib_get_timezones } from 'timezones-ical-library';
import { localStamp, type MeetingEvent } from '../../core/domain/meeting.js';
import type { CalendarFiles } from '../../core/ports.js';

function dateArray(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return [y, m, d];
}

/** Zones the library knows (aliases such as UTC and Asia/Calcutta included), read once. */
let knownZones: Set<string> | undefined;

/**
 * The VTIMEZONE of a zone and the TZID it is filed under, which may be the canonical name of an
 * alias (UTC is Etc/UTC there). Undefined for a zone the library does not know: it would print
 * an error of its own rather than say so.
 */
function vtimezone(zone: string): { tzid: string; block: string } | undefined {
  if (!knownZones) {
    const list = tzlib_get_timezones();
    knownZones = new Set(Array.isArray(list) ? list : []);
  }
  if (!knownZones.has(zone)) return undefined;
  const found = tzlib_get_ical_block(zone);
  if (!Array.isArray(found)) return undefined;
  const [block, tzidLine] = found;
  const tzid = tzidLine?.replace(/^TZID=/, '');
  return block && tzid ? { tzid, block } : undefined;
}

/**
 * A repeating meeting must follow its zone's clock across DST, which UTC times cannot say.
 * The ics library writes UTC only, so the start and end are rewritten with a TZID, and the
 * zone's VTIMEZONE goes in too: without it standard parsers read the TZID as floating time.
 * A zone with no VTIMEZONE to give stays in UTC, exact at least for the first occurrence.
 */
function inZone(ics: string, meeting: MeetingEvent): string {
  const zone = vtimezone(meeting.timezone);
  if (!zone) return ics;
  const { start, end } = meeting.timed!;
  return ics
    .replace(/^DTSTART:\d{8}T\d{6}Z$/m, `DTSTART;TZID=${zone.tzid}:${localStamp(start, meeting.timezone)}`)
    .replace(/^DTEND:\d{8}T\d{6}Z$/m, `DTEND;TZID=${zone.tzid}:${localStamp(end, meeting.timezone)}`)
    .replace(/^BEGIN:VEVENT(?=\r?$)/m, () => `${zone.block.replace(/\r?\n/g, '\r\n')}\r\nBEGIN:VEVENT`);
}

export class IcsCalendarFiles implements CalendarFiles {
  private loading: Promise<typeof import('ics')> | undefined;

  /**
   * Loads `ics` (it brings a validation library with it, ~0.1 s of the event loop) ahead of the
   * first pick, which would otherwise hold up every click arriving meanwhile. Not imported at the
   * top of the module: start-up should not wait for it either. A failed load is tried again.
   */
  preload(): Promise<void> {
    return this.library().then(() => undefined);
  }

  private library(): Promise<typeof import('ics')> {
    this.loading ??= import('ics').catch((err: unknown) => {
      this.loading = undefined;
      throw err;
    });
    return this.loading;
  }

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
    const { createEvent } = await this.library();
    const { error, value } = createEvent(Object.assign({}, attributes, { sequence: meeting.sequence, timestamp: meeting.stamp }));
    if (error || !value) throw error ?? new Error('ics: no output');
    return new TextEncoder().encode(meeting.weekly && meeting.timed ? inZone(value, meeting) : value);
  }
}
