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
import { noticeView } from '../../src/core/views/notices.js';
import { renderMessage } from './blocks.js';
import { isChannelRefusal, slackErrorCode } from './errors.js';
import type { SlackMeetingReminders } from './meeting-reminders.js';
import { attachmentComment, formatMessageRef, type PostResult, type SlackMessenger } from './messenger.js';
import type { SlackPollMessages } from './poll-messages.js';
import { slackStrings } from './strings.js';

/** Where and how replies to one interaction can go. */
export interface ReplyTarget {
  actor: Actor;
  locale: Locale;
  channelId: string;
  /**
   * The interaction's response_url (slash commands and buttons; for a modal submission the
   * response_url of the slash command that opened the modal, when it was carried along).
   */
  respond?: RespondFn;
  /** The slash command's raw response_url, carried into the create modal. */
  responseUrl?: string;
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

/** What one delivery noticed along the way. */
interface DeliveryState {
  /** A file could not be shared under a posted message because the bot may not write there. */
  uploadRefused: boolean;
}

/** Replies that record what already happened; they run whether or not the posts around them worked. */
function isBookkeeping(reply: Reply): boolean {
  return reply.type === 'refresh-poll' || reply.type === 'meeting-picked';
}

/** A Slack channel id, safe to put in a `<#…>` mention. */
const CHANNEL_ID = /^[CGD][A-Z0-9]{2,}$/;

/**
 * A RespondFn for a response_url kept from an earlier interaction (the slash command that
 * opened the create modal): the same JSON POST Bolt's own respond() makes.
 */
export function respondVia(url: string): RespondFn {
  return async (message: string | RespondArguments) => {
    const body = typeof message === 'string' ? { text: message } : message;
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const answer = await res.text();
    if (!res.ok) throw new Error(`response_url answered ${res.status}: ${answer.slice(0, 200)}`);
    return res;
  };
}

export class ReplyDelivery {
  constructor(private readonly deps: ReplyDeliveryDeps) {}

  /**
   * In order, so a "closed" notice precedes the results it announces. The poll message
   * refresh and a picked meeting's reminder run even when a post before them failed: the
   * close or pick is stored, and retrying would only be refused. A file that could not be
   * shared under its posted message is not a failure of the action; if the bot may not
   * write in the channel, the person gets one hint to invite it.
   */
  async deliver(replies: Reply[], target: ReplyTarget): Promise<void> {
    const state: DeliveryState = { uploadRefused: false };
    let failed = false;
    let failure: unknown;
    try {
      for (const reply of replies) if (!isBookkeeping(reply)) await this.deliverOne(reply, target, state);
    } catch (err) {
      failed = true;
      failure = err;
    }
    for (const reply of replies.filter(isBookkeeping)) {
      try {
        await this.deliverOne(reply, target, state);
      } catch (err) {
        this.deps.logger.warn({ err, reply: reply.type }, 'could not finish a reply');
      }
    }
    if (failed) throw failure;
    if (state.uploadRefused) await this.hintInvite(target);
  }

  private async deliverOne(reply: Reply, target: ReplyTarget, state: DeliveryState): Promise<void> {
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
        const newPoll = reply.view.role === 'poll' && reply.pollId !== undefined ? reply.pollId : undefined;
        let posted: PostResult;
        try {
          posted = await messenger.postToChannel(target.channelId, reply.view);
        } catch (err) {
          if (newPoll === undefined) throw err;
          await this.pollNotPosted(newPoll, target, err);
          return;
        }
        if (posted.failedUploads.some(isChannelRefusal)) state.uploadRefused = true;
        if (newPoll !== undefined && posted.ref.ts) {
          await engine.attachPollMessage(newPoll, formatMessageRef(posted.ref));
        }
        return;
      }
      case 'replace':
        if (target.respond && target.replaceable) {
          const attachments = await messenger.renderAttachments(reply.view);
          await target.respond({ ...this.ephemeral(reply.view, target.locale), replace_original: true });
          await messenger.sendAttachmentsPrivately(target.actor.user.id, attachments, attachmentComment(reply.view));
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

  /**
   * A new poll whose message could not be posted would linger unseen: it is discarded. When
   * the bot may not write in the channel, the person is told how to invite it (through the
   * response_url, else in a DM); any other failure goes to the usual error boundary.
   */
  private async pollNotPosted(pollId: number, target: ReplyTarget, err: unknown): Promise<void> {
    const { engine, logger } = this.deps;
    try {
      await engine.discardPoll(pollId);
    } catch (second) {
      logger.error({ err: second, pollId }, 'could not discard a poll whose message was not posted');
    }
    if (!isChannelRefusal(err)) throw err;
    logger.warn({ pollId, channel: target.channelId, slackError: slackErrorCode(err) }, 'poll message refused; poll discarded');
    const channel = CHANNEL_ID.test(target.channelId) ? `<#${target.channelId}>` : slackStrings(target.locale).thisChannel;
    await this.tellPrivately(target, slackStrings(target.locale).pollNotPosted(channel));
  }

  /**
   * A plain mrkdwn note to the actor that must arrive although the channel refused the bot:
   * through the response_url, else as a DM (chat.postMessage to the user id, needs im:write).
   */
  private async tellPrivately(target: ReplyTarget, text: string): Promise<void> {
    const { messenger, logger } = this.deps;
    const user = target.actor.user.id;
    if (target.respond) {
      try {
        await target.respond({ response_type: 'ephemeral', replace_original: false, text });
        return;
      } catch (err) {
        logger.warn({ err, user }, 'response_url failed; telling the person in a DM');
      }
    }
    try {
      await messenger.postDirectText(user, text);
    } catch (err) {
      logger.error({ err, user }, 'could not tell the person that the bot is not in the channel');
    }
  }

  private async hintInvite(target: ReplyTarget): Promise<void> {
    const view = noticeView(`⚠️ ${slackStrings(target.locale).uploadRefused}`, 'notice');
    try {
      await this.tellUser(target, view, target.actor.user.id);
    } catch (err) {
      this.deps.logger.warn({ err, user: target.actor.user.id }, 'could not send the invite hint');
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

  /** A message only `userId` sees, with any picture sent to their DM (drawn before anything is sent). */
  async tellUser(target: ReplyTarget, view: View, userId: string): Promise<void> {
    const { messenger } = this.deps;
    const attachments = await messenger.renderAttachments(view);
    if (target.respond && userId === target.actor.user.id) {
      await target.respond({ ...this.ephemeral(view, target.locale), response_type: 'ephemeral', replace_original: false });
    } else {
      await messenger.postEphemeral(target.channelId, userId, view, this.notes(view, target.locale));
    }
    await messenger.sendAttachmentsPrivately(userId, attachments, attachmentComment(view));
  }

  private ephemeral(view: View, locale: Locale): RespondArguments {
    const message = renderMessage(view, this.notes(view, locale));
    return { text: message.text, blocks: message.blocks };
  }

  private notes(view: View, locale: Locale): { notes: string[] } {
    return { notes: view.image || view.files?.length ? [slackStrings(locale).dmNote] : [] };
  }
}
