/**
 * A picked meeting becomes a Discord scheduled event in the poll's server, so it shows in the
 * server's Events list with Discord's own reminders. Needs the bot token and Create Events;
 * a failure here never bothers the person who picked (the pick itself already stands).
 */
import {
  GuildScheduledEventEntityType,
  GuildScheduledEventPrivacyLevel,
  GuildScheduledEventRecurrenceRuleFrequency,
  type RESTPostAPIGuildScheduledEventJSONBody,
} from 'discord-api-types/v10';
import { meetingSpan, type MeetingEvent } from '../../src/core/domain/meeting.js';
import { addDays, wallClock, zonedInstant } from '../../src/core/domain/time.js';
import type { ChannelRef } from '../../src/core/domain/types.js';
import type { Clock, SharedRecords } from '../../src/core/ports.js';
import { discordErrorCode, type DiscordApi } from './api.js';
import { truncate } from './text-limits.js';

const MAX_NAME = 100;
/** Discord's limit on an external event's location. */
const MAX_LOCATION = 100;
const MAX_DESCRIPTION = 1000;

/** Shared records scope: poll id → the id of the server event made for its pick. */
export const EVENT_RECORDS = 'discord-event';

/** 10070 Unknown Guild Scheduled Event: someone deleted it in Discord. */
const UNKNOWN_EVENT = 10070;

export class DiscordEvents {
  /**
   * Which event belongs to which poll lives in the shared store, so a re-pick moves the same
   * event whichever instance handles it, and after a restart too.
   */
  constructor(
    private readonly api: DiscordApi,
    private readonly clock: Clock,
    private readonly records: SharedRecords,
  ) {}

  /** Creates or moves the poll's event; returns false when there is nothing to schedule. */
  async meetingPicked(channel: ChannelRef, pollId: number, pollCode: string, meeting: MeetingEvent, channelName?: string): Promise<boolean> {
    if (!this.api.hasBotToken) return false;
    const now = this.clock.now();
    const body = eventBody(channel, pollCode, meeting, now, channelName);
    if (!body) return false;
    const key = String(pollId);
    const existing = await this.records.get(EVENT_RECORDS, key);
    const id = (existing && (await this.moved(channel.workspaceId, existing, body))) ?? (await this.api.createScheduledEvent(channel.workspaceId, body));
    await this.records.put(EVENT_RECORDS, key, id, now);
    return true;
  }

  /** The moved event's id; undefined when it no longer exists (a new one is made instead). */
  private async moved(guildId: string, eventId: string, body: RESTPostAPIGuildScheduledEventJSONBody): Promise<string | undefined> {
    try {
      return await this.api.editScheduledEvent(guildId, eventId, body);
    } catch (err) {
      if (discordErrorCode(err) === UNKNOWN_EVENT) return undefined;
      throw err;
    }
  }
}

/** The event for a meeting; undefined when it lies in the past (Discord refuses those). */
export function eventBody(
  channel: ChannelRef,
  pollCode: string,
  meeting: MeetingEvent,
  now: number,
  channelName?: string,
): RESTPostAPIGuildScheduledEventJSONBody | undefined {
  let span = meetingSpan(meeting);
  if (!span) return undefined;
  if (meeting.weekly) span = nextWeekly(span, meeting.timezone, now);
  if (span.start <= now) return undefined;
  const body: RESTPostAPIGuildScheduledEventJSONBody = {
    name: truncate(meeting.title, MAX_NAME),
    description: truncate(meeting.description ?? `Yakjeong ${pollCode}`, MAX_DESCRIPTION),
    privacy_level: GuildScheduledEventPrivacyLevel.GuildOnly,
    // External: the meeting may be anywhere; the location names the poll's channel (its link when the name is unknown).
    entity_type: GuildScheduledEventEntityType.External,
    entity_metadata: {
      location: channelName ? truncate(`#${channelName}`, MAX_LOCATION) : `https://discord.com/channels/${channel.workspaceId}/${channel.channelId}`,
    },
    scheduled_start_time: new Date(span.start).toISOString(),
    scheduled_end_time: new Date(span.end).toISOString(),
  };
  if (meeting.weekly) {
    body.recurrence_rule = {
      start: body.scheduled_start_time,
      end: null,
      frequency: GuildScheduledEventRecurrenceRuleFrequency.Weekly,
      interval: 1,
      // Discord numbers weekdays from Monday = 0, as Yakjeong does.
      by_weekday: [wallClock(span.start, meeting.timezone).weekday],
      by_n_weekday: null,
      by_month: null,
      by_month_day: null,
      by_year_day: null,
      count: null,
    };
  }
  return body;
}

/** Weekly polls are laid out on a reference week; the event starts at the next such weekday. */
function nextWeekly(span: { start: number; end: number }, tz: string, now: number): { start: number; end: number } {
  const length = span.end - span.start;
  const wall = wallClock(span.start, tz);
  let date = wall.date;
  let start = span.start;
  // Step by calendar weeks in the zone so the wall-clock time survives DST changes.
  for (let i = 0; i < 60 && start <= now; i++) {
    date = addDays(date, 7);
    start = zonedInstant(date, wall.minute, tz) ?? start + 7 * 86_400_000;
  }
  return { start, end: start + length };
}
