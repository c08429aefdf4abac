/**
 * One Discord interaction as the shared delivery policy sees it (adapters/shared/delivery.ts):
 * the initial response, edits of it and follow-ups through the interaction's InteractionResponse,
 * channel messages with the bot token, server events for picked meetings. Decides nothing.
 * A picture that follows its message (ImageSpec.followsUp) is drawn after the message is out
 * and sent as a message of its own where the message went: a follow-up through the
 * interaction's webhook (ephemeral when the message was), or the same channel or DM.
 */
import { InteractionResponseType, InteractionType, MessageFlags } from 'discord-api-types/v10';
import type { Engine } from '../../src/core/engine.js';
import type { MeetingEvent } from '../../src/core/domain/meeting.js';
import type { Locale, Poll } from '../../src/core/domain/types.js';
import { toLocale } from '../../src/core/i18n/index.js';
import { mention } from '../../src/core/views/rich.js';
import { noticeView } from '../../src/core/views/notices.js';
import type { View } from '../../src/core/views/reply.js';
import type { Logger } from '../../src/logger.js';
import type { ChannelPost, Conversation, Refusal } from '../shared/delivery.js';
import { actorOf, interactionUser, type UserInteraction } from './actor.js';
import { classifyDiscordError, formatMessageRef, type DiscordApi, type MessageRef } from './api.js';
import type { DiscordEvents } from './events.js';
import type { FollowUps } from '../shared/follow-ups.js';
import { InteractionResponse, type Visibility } from './interaction-response.js';
import { createModal } from './modal.js';
import { attachPicture, attachUploads, renderView, type RenderedView } from './render.js';
import type { Responder } from './responder.js';
import { discordStrings } from './strings.js';

/** Where poll messages are kept fresh; the notifier implements it. */
export interface PollMessages {
  /** The poll's channel message is stale (coalesced edit follows). */
  requestRefresh(pollId: number): void;
}

/** What every Discord conversation shares: the adapter's clients. */
export interface DiscordConversationDeps {
  engine: { queries: Pick<Engine['queries'], 'localeOf'> };
  api: DiscordApi;
  polls: PollMessages;
  logger: Logger;
  /** Turns picked meetings into server events; without it picks make none. */
  events?: DiscordEvents;
  /** Where pictures that follow their message run (one for the adapter, so stop() can wait for them). */
  followUps: FollowUps;
}

export class DiscordConversation implements Conversation {
  readonly response: InteractionResponse;
  readonly userId: string;
  readonly logContext: Record<string, unknown>;
  readonly classify = classifyDiscordError;

  constructor(
    private readonly deps: DiscordConversationDeps,
    private readonly interaction: UserInteraction,
    responder: Responder,
  ) {
    this.response = new InteractionResponse(deps.api, interaction, responder);
    this.userId = interactionUser(interaction)?.id ?? '';
    this.logContext = {
      interactionId: interaction.id,
      interactionType: interaction.type,
      guildId: interaction.guild_id,
      channelId: this.channelId,
      userId: this.userId || undefined,
    };
  }

  private get channelId(): string | undefined {
    return this.interaction.channel?.id ?? this.interaction.channel_id;
  }

  /** The language the client reports, else the person's saved one; works before the actor is known. */
  async locale(): Promise<Locale> {
    const reported = toLocale(this.interaction.locale);
    if (reported) return reported;
    return this.deps.engine.queries.localeOf({
      channel: { platform: 'discord', workspaceId: this.interaction.guild_id ?? '', channelId: this.channelId ?? '' },
      user: { id: this.userId, name: '' },
    });
  }

  async sendPrivately(view: View): Promise<void> {
    const rendered = renderView(view, { ephemeral: true });
    await this.response.send(rendered, 'private');
    this.followWithPicture(rendered, 'private');
  }

  /** The clicked message is replaced in place (type 7) while the click is unanswered; else a private message. */
  async replaceMine(view: View): Promise<void> {
    if (this.interaction.type !== InteractionType.MessageComponent || this.response.answered) {
      await this.sendPrivately(view);
      return;
    }
    const rendered = renderView(view, { edit: true });
    await this.response.update(rendered);
    const flags = this.interaction.message.flags ?? 0;
    this.followWithPicture(rendered, (flags & MessageFlags.Ephemeral) !== 0 ? 'private' : 'public');
  }

  async postToChannel(view: View): Promise<ChannelPost> {
    const rendered = renderView(view);
    await this.response.send(rendered, 'public');
    this.followWithPicture(rendered, 'public');
    return {};
  }

  async postPollMessage(view: View): Promise<ChannelPost> {
    const rendered = renderView(view);
    const ref = await this.response.sendKept(rendered);
    this.followWithPicture(rendered, 'public');
    return { ref: formatMessageRef(ref) };
  }

  /**
   * Discord shows ephemeral messages only to the one who interacted, so a note for someone else
   * goes to the channel with a mention of its addressee.
   */
  async notify(userId: string, view: View): Promise<void> {
    const addressed: View = { ...view, blocks: [{ type: 'text', text: [mention({ id: userId, name: '' })] }, ...view.blocks] };
    // A plain channel message reads best, but the interaction itself must still be answered.
    const rendered = renderView(addressed);
    if (this.deps.api.hasBotToken && this.response.answered && this.channelId) {
      const message = await attachUploads(rendered);
      this.followInChannel(rendered, await this.deps.api.createMessage(this.channelId, message.body, message.files));
      return;
    }
    await this.response.send(rendered, 'public');
    this.followWithPicture(rendered, 'public');
  }

  /**
   * In the person's DM with the bot: an ephemeral message reaches only the one who interacted,
   * and this news is for someone else as often as not.
   */
  async sendDirect(userId: string, view: View): Promise<void> {
    const rendered = renderView(view);
    const message = await attachUploads(rendered);
    this.followInChannel(rendered, await this.deps.api.createMessage(await this.deps.api.directChannel(userId), message.body, message.files));
  }

  /** A modal can only be the initial response. */
  async openCreateForm(): Promise<void> {
    if (this.response.answered) {
      this.deps.logger.warn(this.logContext, 'create form asked for after the interaction was answered');
      return;
    }
    await this.response.answer({ type: InteractionResponseType.Modal, data: createModal(await this.locale()) });
  }

  refreshPoll(pollId: number): void {
    this.deps.polls.requestRefresh(pollId);
  }

  /** A server event in the guild the pick was made in, placed at the channel it was made in. */
  async recordMeeting(poll: Poll, meeting: MeetingEvent): Promise<void> {
    const channel = this.interaction.channel;
    const channelName = channel && 'name' in channel && typeof channel.name === 'string' ? channel.name : undefined;
    await this.deps.events?.meetingPicked(actorOf(this.interaction).channel, poll.id, poll.code, meeting, channelName);
  }

  /** Usually a missing Create Events permission, which someone in the server can grant. */
  async meetingNotRecorded(): Promise<void> {
    await this.sendPrivately(noticeView(`ℹ️ ${discordStrings(await this.locale()).eventFailed}`));
  }

  /** Ephemeral follow-ups go through the interaction's webhook, which no channel permission blocks. */
  async hintRefused(refusal: Refusal): Promise<void> {
    await this.sendPrivately(noticeView(`⚠️ ${discordStrings(await this.locale()).refused[refusal]}`, 'error'));
  }

  finish(): Promise<void> {
    return this.response.withdraw();
  }

  endUnanswered(): Promise<void> {
    return this.response.drop();
  }

  /**
   * The picture that follows an interaction's message, once drawn: a follow-up through the
   * interaction's webhook (it lives 15 minutes), private when the message was. The text already
   * reached people, so a failure is only logged; a refusal also gets the usual private note.
   */
  private followWithPicture(rendered: RenderedView, visibility: Visibility): void {
    const { picture } = rendered;
    if (!picture) return;
    const { api, followUps, logger } = this.deps;
    const token = this.interaction.token;
    followUps.start(async () => {
      const message = await attachPicture(picture, { ephemeral: visibility === 'private' });
      try {
        await api.followUp(token, message.body, message.files);
      } catch (err) {
        if (this.classify(err)?.kind !== 'refused') throw err;
        logger.warn({ ...this.logContext, err }, 'the channel refused a picture after its message');
        await this.hintRefused('files');
      }
    }, this.logContext);
  }

  /** The picture that follows a message the bot posted itself, once drawn: in the same channel (or DM), replying to it. */
  private followInChannel(rendered: RenderedView, posted: MessageRef): void {
    const { picture } = rendered;
    if (!picture) return;
    const { api, followUps } = this.deps;
    followUps.start(async () => {
      const message = await attachPicture(picture);
      message.body.message_reference = { message_id: posted.id, fail_if_not_exists: false };
      await api.createMessage(posted.channelId, message.body, message.files);
    }, this.logContext);
  }
}
