/**
 * Delivers core's replies in Slack: channel posts with chat.postMessage, private ones
 * through the interaction's response_url (ephemeral), grid edits by replacing the ephemeral
 * message, poll message refreshes coalesced, and the create form as a modal.
 */
import type { RespondArguments, RespondFn } from '@slack/bolt';
import type { Actor, Engine } from '../../src/core/engine.js';
import type { MeetingEvent } from '../../src/core/domain/meeting.js';
import type { Locale } from '../../src/core/domain/types.js';
import type { Reply, View } from '../../src/core/views/reply.js';
import type { Logger } from '../../src/logger.js';
import { renderMessage } from './blocks.js';
import type { SlackMeetingReminders } from './meeting-reminders.js';
import { formatMessageRef, type SlackMessenger } from './messenger.js';
import type { SlackPollMessages } from './poll-messages.js';
import { slackStrings } from './strings.js';

/** Where and how replies to one interaction can go. */
export interface ReplyTarget {
  actor: Actor;
  locale: Locale;
  channelId: string;
  /** The interaction's response_url (slash commands and buttons; not modal submissions). */
  respond?: RespondFn;
  /** The pressed button sits on this person's own ephemeral message, which may be replaced. */
  replaceable: boolean;
  /** For views.open; valid for 3 s after the interaction. */
  triggerId?: string;
}

export interface ReplyDeliveryDeps {
  engine: Engine;
  messenger: SlackMessenger;
  polls: SlackPollMessages;
  meetings: SlackMeetingReminders;
  logger: Logger;
  openCreateForm: (target: ReplyTarget) => Promise<void>;
}

export class ReplyDelivery {
  constructor(private readonly deps: ReplyDeliveryDeps) {}

  /** In order, so a "closed" notice precedes the results it announces. */
  async deliver(replies: Reply[], target: ReplyTarget): Promise<void> {
    for (const reply of replies) await this.deliverOne(reply, target);
  }

  private async deliverOne(reply: Reply, target: ReplyTarget): Promise<void> {
    const { engine, messenger, polls } = this.deps;
    switch (reply.type) {
      case 'post': {
        if (reply.audience.kind === 'user') {
          const { userId } = reply.audience;
          if (userId === target.actor.user.id) {
            await this.tellUser(target, reply.view, userId);
            return;
          }
          // A note for someone else (the creator: "everyone answered") must not turn the
          // actor's success into an error if that person cannot be reached in this channel.
          await this.tellUser(target, reply.view, userId).catch((err: unknown) =>
            this.deps.logger.warn({ err, userId }, 'could not notify another person'),
          );
          return;
        }
        const ref = await messenger.postToChannel(target.channelId, reply.view);
        if (reply.view.role === 'poll' && reply.pollId !== undefined && ref.ts) {
          await engine.attachPollMessage(reply.pollId, formatMessageRef(ref));
        }
        return;
      }
      case 'replace':
        if (target.respond && target.replaceable) {
          await target.respond({ ...this.ephemeral(reply.view, target.locale), replace_original: true });
          await messenger.sendAttachmentsPrivately(target.actor.user.id, reply.view);
        } else {
          // Never replace a shared channel message with one person's view.
          await this.tellUser(target, reply.view, target.actor.user.id);
        }
        return;
      case 'refresh-poll':
        polls.request(reply.pollId);
        return;
      case 'meeting-picked':
        await this.meetingPicked(reply.pollId, reply.meeting);
        return;
      case 'open-create-form':
        await this.deps.openCreateForm(target);
        return;
      default: {
        // A reply type added to core without a Slack rendering fails the type check here.
        const unknown: never = reply;
        this.deps.logger.warn({ reply: unknown }, 'reply type not delivered in Slack');
      }
    }
  }

  /** The pick already stands; a reminder that cannot be scheduled is only logged. */
  private async meetingPicked(pollId: number, meeting: MeetingEvent): Promise<void> {
    const { engine, meetings, logger } = this.deps;
    try {
      const poll = await engine.getPoll(pollId);
      if (poll) await meetings.meetingPicked(poll, meeting, engine.channelLocale(poll));
    } catch (err) {
      logger.warn({ err, pollId }, 'could not schedule the meeting reminder');
    }
  }

  /** A message only `userId` sees, with any picture sent to their DM. */
  async tellUser(target: ReplyTarget, view: View, userId: string): Promise<void> {
    const { messenger } = this.deps;
    if (target.respond && userId === target.actor.user.id) {
      await target.respond({ ...this.ephemeral(view, target.locale), response_type: 'ephemeral', replace_original: false });
    } else {
      await messenger.postEphemeral(target.channelId, userId, view, this.notes(view, target.locale));
    }
    await messenger.sendAttachmentsPrivately(userId, view);
  }

  private ephemeral(view: View, locale: Locale): RespondArguments {
    const message = renderMessage(view, this.notes(view, locale));
    return { text: message.text, blocks: message.blocks };
  }

  private notes(view: View, locale: Locale): { notes: string[] } {
    return { notes: view.image || view.files?.length ? [slackStrings(locale).dmNote] : [] };
  }
}
