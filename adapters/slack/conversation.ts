/**
 * One Slack interaction as the shared delivery policy sees it (adapters/shared/delivery.ts):
 * channel posts with chat.postMessage, private messages through the interaction's
 * response_url (ephemeral) or chat.postEphemeral, grid edits by replacing the person's
 * ephemeral message, pictures in their DM, the create form as a modal. Decides nothing.
 * A picture that follows its message (ImageSpec.followsUp) goes where it would have gone with
 * it (the channel, or the person's DM), once drawn, after the text.
 */
import { rich } from '../../src/core/views/rich.js';
import type { RespondArguments } from '@slack/bolt';
import type { Respond } from './response-url.js';
import type { Actor, Engine } from '../../src/core/engine.js';
import type { MeetingEvent } from '../../src/core/domain/meeting.js';
import type { Locale, Poll } from '../../src/core/domain/types.js';
import { noticeView } from '../../src/core/views/notices.js';
import type { View } from '../../src/core/views/reply.js';
import type { Logger } from '../../src/logger.js';
import type { ChannelPost, Conversation, Refusal } from '../shared/delivery.js';
import { renderMessage } from './blocks.js';
import { classifySlackError, isChannelRefusal } from './errors.js';
import type { SlackMeetingReminders } from './meeting-reminders.js';
import { attachmentComment, formatMessageRef, pictureToFollow, type RenderedAttachment, type SlackMessenger } from './messenger.js';
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
  respond?: Respond;
  /** The slash command's raw response_url, carried into the create modal. */
  responseUrl?: string;
  /** The pressed button sits on this person's own ephemeral message, which may be replaced. */
  replaceable: boolean;
  /** For views.open; valid for 3 s after the interaction. */
  triggerId?: string;
}

/** What every Slack conversation shares: the adapter's clients. */
export interface SlackConversationDeps {
  engine: { queries: Pick<Engine['queries'], 'channelLocale'> };
  messenger: SlackMessenger;
  polls: SlackPollMessages;
  meetings: SlackMeetingReminders;
  logger: Logger;
  openCreateForm: (target: ReplyTarget) => Promise<void>;
}

/** A Slack channel id, safe to put in a `<#…>` mention. */
const CHANNEL_ID = /^[CGD][A-Z0-9]{2,}$/;

export class SlackConversation implements Conversation {
  readonly classify = classifySlackError;

  constructor(
    private readonly deps: SlackConversationDeps,
    private readonly target: ReplyTarget,
    readonly logContext: Record<string, unknown>,
  ) {}

  get userId(): string {
    return this.target.actor.user.id;
  }

  async locale(): Promise<Locale> {
    return this.target.locale;
  }

  sendPrivately(view: View): Promise<void> {
    return this.tellUser(view, this.userId);
  }

  /** Never a shared channel message: only the person's own ephemeral message is replaced. */
  async replaceMine(view: View): Promise<void> {
    const { target } = this;
    if (!target.respond || !target.replaceable) {
      await this.sendPrivately(view);
      return;
    }
    const attachments = await this.deps.messenger.renderAttachments(view);
    await target.respond({ ...this.ephemeral(view), replace_original: true });
    await this.sendAttachmentsAfter(this.userId, view, attachments);
  }

  postToChannel(view: View): Promise<ChannelPost> {
    return this.post(view);
  }

  postPollMessage(view: View): Promise<ChannelPost> {
    return this.post(view);
  }

  /** An ephemeral message in the channel; response_url only reaches the actor. */
  notify(userId: string, view: View): Promise<void> {
    return this.tellUser(view, userId);
  }

  /** chat.postMessage to a user id posts in the person's DM with the bot (needs im:write). */
  async sendDirect(userId: string, view: View): Promise<void> {
    await this.deps.messenger.postToChannel(userId, view);
  }

  openCreateForm(): Promise<void> {
    return this.deps.openCreateForm(this.target);
  }

  refreshPoll(pollId: number): void {
    this.deps.polls.request(pollId);
  }

  async recordMeeting(poll: Poll, meeting: MeetingEvent): Promise<void> {
    await this.deps.meetings.meetingPicked(poll, meeting, this.deps.engine.queries.channelLocale(poll));
  }

  /** Nobody asked for the reminder: the pick's own notice already says all there is. */
  async meetingNotRecorded(): Promise<void> {}

  async hintRefused(refusal: Refusal): Promise<void> {
    const s = slackStrings(this.target.locale);
    switch (refusal) {
      case 'poll': {
        const channel = CHANNEL_ID.test(this.target.channelId) ? `<#${this.target.channelId}>` : s.thisChannel;
        await this.tellPrivately(s.pollNotPosted(channel));
        return;
      }
      case 'channel':
        await this.sendPrivately(noticeView(rich`⚠️ ${s.notInChannel}`, 'error'));
        return;
      case 'files':
        await this.sendPrivately(noticeView(rich`⚠️ ${s.uploadRefused}`, 'notice'));
        return;
    }
  }

  async finish(): Promise<void> {}

  /** Slack's acknowledgement (an empty 200) already ended the request; nothing else goes out. */
  async endUnanswered(): Promise<void> {}

  /**
   * Posted with any picture uploaded under it. Once the message is out the post counts: a
   * failed upload is only noted, as a refusal when the channel would not take it.
   */
  private async post(view: View): Promise<ChannelPost> {
    const posted = await this.deps.messenger.postToChannel(this.target.channelId, view, {
      // A picture that follows is shared after the delivery ended: its refusal gets the same hint on its own.
      pictureFailed: async (failures) => {
        if (!failures.some(isChannelRefusal)) return;
        await this.hintRefused('files').catch((err: unknown) =>
          this.deps.logger.warn({ ...this.logContext, err }, 'could not tell the person that the channel refused a picture'),
        );
      },
    });
    const result: ChannelPost = { filesRefused: posted.failedUploads.some(isChannelRefusal) };
    if (posted.ref.ts) result.ref = formatMessageRef(posted.ref);
    return result;
  }

  /**
   * A plain mrkdwn note to the actor that must arrive although the channel refused the bot:
   * through the response_url, else as a DM (chat.postMessage to the user id, needs im:write).
   */
  private async tellPrivately(text: string): Promise<void> {
    const { target } = this;
    if (target.respond) {
      try {
        await target.respond({ response_type: 'ephemeral', replace_original: false, text });
        return;
      } catch (err) {
        this.deps.logger.warn({ ...this.logContext, err }, 'response_url failed; telling the person in a DM');
      }
    }
    await this.deps.messenger.postDirectText(this.userId, text);
  }

  /**
   * A message only `userId` sees, with any picture sent to their DM (drawn before anything is
   * sent, unless it follows the message).
   */
  private async tellUser(view: View, userId: string): Promise<void> {
    const { messenger } = this.deps;
    const attachments = await messenger.renderAttachments(view);
    if (this.target.respond && userId === this.userId) {
      await this.target.respond({ ...this.ephemeral(view), response_type: 'ephemeral', replace_original: false });
    } else {
      await messenger.postEphemeral(this.target.channelId, userId, view, this.notes(view));
    }
    await this.sendAttachmentsAfter(userId, view, attachments);
  }

  /**
   * A private message's picture and files, in the person's DM: what was drawn at once now, a
   * picture that follows once drawn (it then carries the best times as its comment).
   */
  private async sendAttachmentsAfter(userId: string, view: View, attachments: RenderedAttachment[]): Promise<void> {
    const { messenger } = this.deps;
    const picture = pictureToFollow(view);
    const comment = attachmentComment(view);
    await messenger.sendAttachmentsPrivately(userId, attachments, picture ? '' : comment);
    if (picture) messenger.sharePictureLater(picture, comment, { user: userId });
  }

  private ephemeral(view: View): RespondArguments {
    const message = renderMessage(view, this.notes(view));
    return { text: message.text, blocks: message.blocks };
  }

  private notes(view: View): { notes: string[] } {
    const s = slackStrings(this.target.locale);
    if (pictureToFollow(view)) return { notes: [s.dmNoteLater] };
    return { notes: view.image || view.files?.length ? [s.dmNote] : [] };
  }
}
