/**
 * A picked meeting gets a Slack reminder: a message scheduled with chat.scheduleMessage in
 * the poll's channel SLACK_MEETING_REMINDER_MINUTES before it starts. Slack holds the
 * schedule; which scheduled message belongs to which poll is kept in the shared store, so a
 * re-pick on any instance, after a restart too, moves the reminder instead of adding a second.
 * A failure here never bothers the person who picked (the pick stands).
 */
import type { webApi } from '@slack/bolt';
import type { ClientFor } from './clients.js';
import type { MeetingEvent } from '../../src/core/domain/meeting.js';
import { addDays, wallClock, zonedInstant } from '../../src/core/domain/time.js';
import type { Locale, Poll } from '../../src/core/domain/types.js';
import type { Clock, SharedRecords } from '../../src/core/ports.js';
import { localTime, rich } from '../../src/core/views/rich.js';
import { noticeView } from '../../src/core/views/notices.js';
import type { Logger } from '../../src/logger.js';
import { renderMessage } from './blocks.js';
import { parseMessageRef } from './messenger.js';
import { slackStrings } from './strings.js';

/** chat.scheduleMessage accepts times up to 120 days ahead. */
const MAX_AHEAD_MS = 120 * 86_400_000;

export interface MeetingRemindersOptions {
  /** The Web API client of the poll's workspace. */
  clientFor: ClientFor;
  logger: Logger;
  /** 0 turns reminders off. */
  minutesBefore: number;
  clock: Clock;
  records: SharedRecords;
}

/** Shared records scope: poll id → the reminder scheduled for its pick. */
export const REMINDER_RECORDS = 'slack-meeting-reminder';

interface ScheduledReminder {
  channel: string;
  id: string;
}

function readReminder(value: string | undefined): ScheduledReminder | undefined {
  if (!value) return undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    if (typeof parsed === 'object' && parsed !== null && 'channel' in parsed && 'id' in parsed) {
      const { channel, id } = parsed;
      if (typeof channel === 'string' && typeof id === 'string') return { channel, id };
    }
  } catch {
    // A damaged record names no reminder: there is nothing to delete.
  }
  return undefined;
}

export class SlackMeetingReminders {
  private readonly now: () => number;

  constructor(private readonly options: MeetingRemindersOptions) {
    this.now = () => options.clock.now();
  }

  /** Schedules (or moves) the poll's reminder; returns when it is due, or undefined if none. */
  async meetingPicked(poll: Poll, meeting: MeetingEvent, locale: Locale): Promise<number | undefined> {
    const { logger, minutesBefore } = this.options;
    const client = await this.options.clientFor(poll.channel.workspaceId);
    const noReminder = async () => {
      await this.unschedule(poll.id, client, await this.options.records.take(REMINDER_RECORDS, String(poll.id)));
      return undefined;
    };
    if (minutesBefore <= 0 || !meeting.timed) return noReminder(); // all-day meetings have no start worth a ping
    const start = nextStart(meeting, minutesBefore, this.now());
    const postAt = start - minutesBefore * 60_000;
    if (postAt <= this.now() + 60_000 || postAt > this.now() + MAX_AHEAD_MS) return noReminder();
    const s = slackStrings(locale);
    const message = renderMessage(noticeView(rich`⏰ ${s.meetingSoon(meeting.title, localTime(start), minutesBefore)}`, 'notice', poll.code));
    const ref = parseMessageRef(poll.messageRef);
    const base = { channel: poll.channel.channelId, post_at: Math.floor(postAt / 1000), text: message.text, blocks: message.blocks };
    // Next to the poll: in its thread, and shown in the channel too.
    // A re-pick whose reminder cannot be scheduled must not leave the earlier time's reminder to fire.
    const res = await client.chat.scheduleMessage(ref ? { ...base, thread_ts: ref.ts, reply_broadcast: true } : base).catch(async (err: unknown) => {
      await noReminder();
      throw err;
    });
    if (res.scheduled_message_id) {
      const reminder: ScheduledReminder = { channel: res.channel ?? poll.channel.channelId, id: res.scheduled_message_id };
      // Scheduled first, swapped in after: two re-picks at once (on two instances) each delete what
      // they displaced, so one reminder is left, never two, and never none.
      const displaced = await this.options.records.swap(REMINDER_RECORDS, String(poll.id), JSON.stringify(reminder), this.now());
      await this.unschedule(poll.id, client, displaced);
    } else {
      await noReminder();
    }
    logger.debug({ pollId: poll.id, postAt }, 'meeting reminder scheduled');
    return postAt;
  }

  private async unschedule(pollId: number, client: webApi.WebClient, record: string | undefined): Promise<void> {
    const previous = readReminder(record);
    if (!previous) return;
    try {
      await client.chat.deleteScheduledMessage({ channel: previous.channel, scheduled_message_id: previous.id });
    } catch (err) {
      // Already sent or gone: nothing left to move.
      this.options.logger.debug({ err, pollId }, 'could not delete the earlier meeting reminder');
    }
  }
}

/** The meeting's start; a weekly meeting's next one whose reminder is still ahead. */
function nextStart(meeting: MeetingEvent, minutesBefore: number, now: number): number {
  const first = meeting.timed!.start;
  if (!meeting.weekly) return first;
  const wall = wallClock(first, meeting.timezone);
  let date = wall.date;
  let start = first;
  // Calendar weeks in the poll's zone, so the wall-clock time survives DST changes.
  for (let i = 0; i < 60 && start - minutesBefore * 60_000 <= now; i++) {
    date = addDays(date, 7);
    start = zonedInstant(date, wall.minute, meeting.timezone) ?? start + 7 * 86_400_000;
  }
  return start;
}
