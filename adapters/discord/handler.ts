/**
 * The one interaction handler behind both transports (gateway and HTTP endpoint). It works on
 * the raw API payload, turns it into an engine call, and answers through a Responder for the
 * initial response and webhooks for everything after. Also the adapter's error boundary.
 */
import {
  ApplicationCommandType,
  ComponentType,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  type APIApplicationCommandAutocompleteInteraction,
  type APIApplicationCommandInteraction,
  type APIInteraction,
  type APIMessageComponentInteraction,
  type APIModalSubmitInteraction,
} from 'discord-api-types/v10';
import { decodeAction } from '../../src/core/actions.js';
import type { Actor, Engine } from '../../src/core/engine.js';
import type { MeetingEvent } from '../../src/core/domain/meeting.js';
import type { Locale } from '../../src/core/domain/types.js';
import { UserError, isUserError } from '../../src/core/errors.js';
import { toLocale } from '../../src/core/i18n/index.js';
import type { PollStore } from '../../src/core/ports.js';
import { mention } from '../../src/core/views/rich.js';
import { errorView, noticeView } from '../../src/core/views/notices.js';
import type { AdapterCapabilities, Reply, View } from '../../src/core/views/reply.js';
import type { Logger } from '../../src/logger.js';
import { actorOf, interactionUser, type UserInteraction } from './actor.js';
import { ALREADY_ACKNOWLEDGED, UNKNOWN_INTERACTION, discordErrorCode, formatMessageRef, isPermissionRefusal, type DiscordApi, type MessageRef } from './api.js';
import { pollCodeChoices, timezoneChoices } from './autocomplete.js';
import { COMMAND_NAME, readSubcommand, toCommand } from './commands.js';
import { CREATE_MODAL_ID, createModal, createOptionsFromForm, modalValues } from './modal.js';
import { DiscordEvents } from './events.js';
import { attachUploads, hasUploads, renderView, type MessageBody } from './render.js';
import type { Responder } from './responder.js';

/**
 * 5 action rows × 5 buttons: three rows of slots and two of grid controls (up to six:
 * all day, clear, copy, previous, next, done), which the core view chunks by five. A longer
 * day becomes string selects of up to 25 slots, one per row in place of those three slot rows
 * (so at most three; the core never gives more menus than slot rows), keeping the two control rows.
 */
export const DISCORD_CAPABILITIES: AdapterCapabilities = {
  maxSlotButtons: 15,
  maxButtonsPerRow: 5,
  slotSelect: { maxOptions: 25, maxSelects: 3 },
};

/** Where poll messages are kept fresh; the notifier implements it. */
export interface PollMessages {
  /** The poll's channel message is stale (coalesced edit follows). */
  requestRefresh(pollId: number): void;
}

/** What Discord refused while answering one interaction. */
interface Refusals {
  /** A message for the channel (notice, results, the final time). */
  channel: boolean;
  /** A new poll's message; the poll was discarded. */
  poll: boolean;
}

export interface InteractionHandlerDeps {
  engine: Engine;
  api: DiscordApi;
  polls: PollMessages;
  logger: Logger;
  /** For code autocomplete; without it code suggestions are empty. */
  store?: Pick<PollStore, 'listPolls'>;
  /** Turns picked meetings into server events; without it picks make none. */
  events?: DiscordEvents;
}

/** One interaction's answering state: whether it was acknowledged and whether "thinking…" still shows. */
class Exchange {
  /** A deferred response whose original message still waits for its content. */
  pendingOriginal: 'public' | 'ephemeral' | undefined;

  constructor(
    readonly interaction: UserInteraction,
    readonly responder: Responder,
  ) {}

  get acknowledged(): boolean {
    return this.responder.replied;
  }
}

export class InteractionHandler {
  constructor(private readonly deps: InteractionHandlerDeps) {}

  async handle(interaction: APIInteraction, responder: Responder): Promise<void> {
    if (interaction.type === InteractionType.Ping) {
      await responder.reply({ type: InteractionResponseType.Pong });
      return;
    }
    const exchange = new Exchange(interaction, responder);
    try {
      switch (interaction.type) {
        case InteractionType.ApplicationCommandAutocomplete:
          return await this.autocomplete(exchange, interaction);
        case InteractionType.ApplicationCommand:
          return await this.command(exchange, interaction);
        case InteractionType.MessageComponent:
          return await this.component(exchange, interaction);
        case InteractionType.ModalSubmit:
          return await this.modalSubmit(exchange, interaction);
      }
    } catch (err) {
      await this.fail(exchange, err);
    }
  }

  // ── interaction kinds ───────────────────────────────────────────────────────

  private async command(exchange: Exchange, interaction: APIApplicationCommandInteraction): Promise<void> {
    const data = interaction.data;
    const actor = actorOf(interaction);
    if (data.type !== ApplicationCommandType.ChatInput || data.name !== COMMAND_NAME) {
      throw new UserError('UNKNOWN_SUBCOMMAND', { input: data.name.slice(0, 40) });
    }
    const call = readSubcommand(data.options);
    const command = call && toCommand(call);
    if (!command) throw new UserError('UNKNOWN_SUBCOMMAND', { input: (call?.name ?? '').slice(0, 40) });
    const replies = await this.deps.engine.run(actor, command, DISCORD_CAPABILITIES);
    await this.deliver(exchange, actor, replies);
  }

  private async component(exchange: Exchange, interaction: APIMessageComponentInteraction): Promise<void> {
    const actor = actorOf(interaction);
    const data = interaction.data;
    // The engine stores an answer before it returns, so the acknowledgement below never loses one.
    let replies: Reply[];
    if (data.component_type === ComponentType.StringSelect) {
      // A grid's slot menu: its id only says so; the chosen values are the slot actions.
      if (decodeAction(data.custom_id)?.verb !== 'pickslots') throw new UserError('BAD_ACTION');
      replies = await this.deps.engine.clickMany(actor, data.values, DISCORD_CAPABILITIES);
    } else {
      replies = await this.deps.engine.click(actor, data.custom_id, DISCORD_CAPABILITIES);
    }
    await this.deliver(exchange, actor, replies);
  }

  private async modalSubmit(exchange: Exchange, interaction: APIModalSubmitInteraction): Promise<void> {
    const actor = actorOf(interaction);
    if (interaction.data.custom_id !== CREATE_MODAL_ID) throw new UserError('BAD_ACTION');
    const options = createOptionsFromForm(modalValues(interaction.data));
    const replies = await this.deps.engine.create(actor, options);
    await this.deliver(exchange, actor, replies);
  }

  private async autocomplete(exchange: Exchange, interaction: APIApplicationCommandAutocompleteInteraction): Promise<void> {
    const call = readSubcommand(interaction.data.options);
    const focused = call?.focused;
    const typed = focused ? String(call.values[focused] ?? '') : '';
    let choices: Awaited<ReturnType<typeof timezoneChoices>> = [];
    if (focused === 'zone' || focused === 'tz') {
      choices = timezoneChoices(typed);
    } else if (focused === 'code' && this.deps.store) {
      choices = await pollCodeChoices(this.deps.store, actorOf(interaction).channel, typed);
    }
    await exchange.responder.reply({ type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices } });
  }

  // ── replies ─────────────────────────────────────────────────────────────────

  private async deliver(exchange: Exchange, actor: Actor, replies: Reply[]): Promise<void> {
    // The action already happened: whatever fails while telling people about it, the poll
    // message is refreshed and a picked meeting still becomes a server event (the finally).
    const stale = new Set<number>();
    const meetings: Array<{ pollId: number; meeting: MeetingEvent }> = [];
    for (const reply of replies) {
      if (reply.type === 'refresh-poll') stale.add(reply.pollId);
      if (reply.type === 'meeting-picked') meetings.push({ pollId: reply.pollId, meeting: reply.meeting });
    }
    const refused: Refusals = { channel: false, poll: false };
    try {
      for (const reply of replies) {
        try {
          await this.deliverOne(exchange, actor, reply, refused);
        } catch (err) {
          // A refusal (the bot may not write here) leaves the other replies to go out; anything else is a failure.
          if (!isPermissionRefusal(err)) throw err;
          this.deps.logger.warn({ ...this.context(exchange), err }, 'Discord refused a message in the channel (missing permission)');
          refused.channel = true;
        }
      }
      if (refused.poll || refused.channel) await this.tellRefused(exchange, actor, refused.poll ? 'poll' : 'channel');
      if (exchange.pendingOriginal) {
        // Nothing filled the deferred response; a lingering "thinking…" would read as a hang.
        exchange.pendingOriginal = undefined;
        await this.deps.api.deleteOriginal(exchange.interaction.token);
      }
    } finally {
      // After the answers: the person sees their own result first, the shared message follows.
      for (const pollId of stale) this.deps.polls.requestRefresh(pollId);
      for (const { pollId, meeting } of meetings) await this.scheduleEvent(exchange, actor, pollId, meeting);
    }
  }

  private async deliverOne(exchange: Exchange, actor: Actor, reply: Reply, refused: Refusals): Promise<void> {
    switch (reply.type) {
      case 'open-create-form':
        if (exchange.acknowledged) {
          this.deps.logger.warn({ interactionId: exchange.interaction.id }, 'create form asked for after the interaction was answered');
          return;
        }
        await exchange.responder.reply({
          type: InteractionResponseType.Modal,
          data: createModal(await this.deps.engine.localeOf(actor)),
        });
        return;
      case 'refresh-poll':
      case 'meeting-picked':
        // Collected by deliver and handled after the messages.
        return;
      case 'replace':
        await this.replace(exchange, reply.view);
        return;
      case 'post': {
        if (reply.audience.kind === 'user' && reply.audience.userId !== actor.user.id) {
          // Someone else's notice (the creator's "everyone answered"): the person acting did
          // nothing wrong, so a failure here is only logged.
          try {
            await this.postForSomeoneElse(exchange, actor, reply.view, reply.audience.userId);
          } catch (err) {
            this.deps.logger.warn({ ...this.context(exchange), err, userId: reply.audience.userId }, 'could not notify another person');
          }
          return;
        }
        // Only a channel 'poll' view is the poll's live message; notices and results also carry a pollId.
        const pollId = reply.audience.kind === 'channel' && reply.view.role === 'poll' ? reply.pollId : undefined;
        if (pollId === undefined) {
          await this.post(exchange, reply.view, reply.audience.kind === 'user', false);
          return;
        }
        let ref: MessageRef | undefined;
        try {
          ref = await this.post(exchange, reply.view, false, true);
        } catch (err) {
          // A poll nobody can see must not linger as open (nor be found as "the newest poll here").
          await this.discardUnposted(pollId);
          if (!isPermissionRefusal(err)) throw err;
          this.deps.logger.warn({ ...this.context(exchange), err, pollId }, 'could not post a new poll in the channel (missing permission); poll discarded');
          refused.poll = true;
          return;
        }
        if (ref) await this.deps.engine.attachPollMessage(pollId, formatMessageRef(ref));
        return;
      }
    }
  }

  /** Drops a just-created poll whose message never appeared. */
  private async discardUnposted(pollId: number): Promise<void> {
    try {
      const poll = await this.deps.engine.getPoll(pollId);
      // A poll that already has its message is not new: it stays.
      if (poll && !poll.messageRef) await this.deps.engine.discardPoll(pollId);
    } catch (err) {
      this.deps.logger.error({ err, pollId }, 'could not discard a poll whose message was not posted');
    }
  }

  /** One short private line: the bot may not post in this channel. */
  private async tellRefused(exchange: Exchange, actor: Actor, what: 'poll' | 'channel'): Promise<void> {
    try {
      const locale = actor.locale ?? (await this.deps.engine.localeOf(actor));
      await this.post(exchange, noticeView(`⚠️ ${refusedText(locale, what)}`, 'error'), true, false);
    } catch (err) {
      this.deps.logger.warn({ ...this.context(exchange), err }, 'could not tell the user that the channel refused a message');
    }
  }

  /** A picked meeting becomes a server event; a failure never undoes the pick. */
  private async scheduleEvent(exchange: Exchange, actor: Actor, pollId: number, meeting: MeetingEvent): Promise<void> {
    try {
      const code = (await this.deps.engine.getPoll(pollId))?.code ?? '';
      const channel = exchange.interaction.channel;
      const channelName = channel && 'name' in channel && typeof channel.name === 'string' ? channel.name : undefined;
      await this.deps.events?.meetingPicked(actor.channel, pollId, code, meeting, channelName);
    } catch (err) {
      // Usually a missing Create Events permission; the pick and its notice already stand.
      this.deps.logger.warn({ err, pollId, guildId: actor.channel.workspaceId }, 'could not create the Discord event for a picked meeting');
      try {
        const locale = actor.locale ?? (await this.deps.engine.localeOf(actor));
        await this.post(exchange, noticeView(`ℹ️ ${eventFailedText(locale)}`), true, false);
      } catch {
        // Already logged above; the note is a courtesy.
      }
    }
  }

  private context(exchange: Exchange): Record<string, unknown> {
    const { interaction } = exchange;
    return {
      interactionId: interaction.id,
      interactionType: interaction.type,
      guildId: interaction.guild_id,
      channelId: interaction.channel?.id ?? interaction.channel_id,
      userId: interactionUser(interaction)?.id,
    };
  }

  /**
   * A private notice for someone other than the person acting (the creator, told that everyone
   * has answered). Discord shows ephemeral messages only to the one who interacted, so it goes
   * to the channel with a mention of its addressee instead.
   */
  private async postForSomeoneElse(exchange: Exchange, actor: Actor, view: View, userId: string): Promise<void> {
    const addressed: View = { ...view, blocks: [{ type: 'text', text: [mention({ id: userId, name: '' })] }, ...view.blocks] };
    // A plain channel message reads best, but the interaction itself must still be answered.
    if (this.deps.api.hasBotToken && exchange.acknowledged) {
      const message = await attachUploads(renderView(addressed));
      await this.deps.api.createMessage(actor.channel.channelId, message.body, message.files);
      return;
    }
    await this.post(exchange, addressed, false, false);
  }

  /** Replaces the message whose button was pressed (type 7), or else shows the view privately. */
  private async replace(exchange: Exchange, view: View): Promise<void> {
    if (exchange.interaction.type !== InteractionType.MessageComponent || exchange.acknowledged) {
      await this.post(exchange, view, true, false);
      return;
    }
    const rendered = renderView(view, { edit: true });
    if (!hasUploads(rendered)) {
      await exchange.responder.reply({ type: InteractionResponseType.UpdateMessage, data: rendered.body });
      return;
    }
    await exchange.responder.reply({ type: InteractionResponseType.DeferredMessageUpdate });
    const message = await attachUploads(rendered);
    await this.deps.api.editOriginal(exchange.interaction.token, message.body, message.files);
  }

  /**
   * Sends a view as a new message. Views with files (a heatmap to draw, an .ics) and the poll
   * message (whose id must be kept) are deferred first and then written into the original
   * response; the rest is the immediate response or a follow-up. Returns the message's place.
   */
  private async post(exchange: Exchange, view: View, ephemeral: boolean, keepMessage: boolean): Promise<MessageRef | undefined> {
    const rendered = renderView(view, { ephemeral });
    if (!exchange.acknowledged) {
      if (!hasUploads(rendered) && !keepMessage) {
        await exchange.responder.reply({ type: InteractionResponseType.ChannelMessageWithSource, data: rendered.body });
        return undefined;
      }
      await exchange.responder.reply({
        type: InteractionResponseType.DeferredChannelMessageWithSource,
        ...(ephemeral ? { data: { flags: MessageFlags.Ephemeral } } : {}),
      });
      exchange.pendingOriginal = ephemeral ? 'ephemeral' : 'public';
    }
    const message = await attachUploads(rendered);
    const token = exchange.interaction.token;
    if (exchange.pendingOriginal && (exchange.pendingOriginal === 'ephemeral') === ephemeral) {
      // Cleared only once written: a refused edit leaves "thinking…" for deliver or fail to remove.
      const ref = await this.deps.api.editOriginal(token, withoutFlags(message.body), message.files);
      exchange.pendingOriginal = undefined;
      return ref;
    }
    return this.deps.api.followUp(token, message.body, message.files);
  }

  // ── error boundary ──────────────────────────────────────────────────────────

  private async fail(exchange: Exchange, err: unknown): Promise<void> {
    const { interaction } = exchange;
    const context = this.context(exchange);
    const code = discordErrorCode(err);
    if (code === ALREADY_ACKNOWLEDGED || code === UNKNOWN_INTERACTION) {
      // Too late (3 s passed) or answered twice: nothing can reach the person through this token.
      this.deps.logger.warn({ ...context, code }, 'interaction could not be answered');
      return;
    }
    if (isUserError(err)) this.deps.logger.debug({ ...context, code: err.code }, 'user error');
    else this.deps.logger.error({ ...context, err }, 'interaction failed');
    try {
      if (interaction.type === InteractionType.ApplicationCommandAutocomplete) {
        if (!exchange.acknowledged) {
          await exchange.responder.reply({ type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [] } });
        }
        return;
      }
      const view = errorView(err, await this.localeFor(interaction));
      const body = renderView(view, { ephemeral: true }).body;
      const token = interaction.token;
      if (!exchange.acknowledged) {
        await exchange.responder.reply({ type: InteractionResponseType.ChannelMessageWithSource, data: body });
      } else if (exchange.pendingOriginal === 'ephemeral') {
        exchange.pendingOriginal = undefined;
        await this.deps.api.editOriginal(token, withoutFlags(body));
      } else {
        // A public "thinking…" must not turn into someone's error in front of the channel.
        if (exchange.pendingOriginal === 'public') {
          exchange.pendingOriginal = undefined;
          await this.deps.api.deleteOriginal(token);
        }
        await this.deps.api.followUp(token, body);
      }
    } catch (second) {
      this.deps.logger.warn({ ...context, err: second }, 'could not tell the user about an error');
    }
  }

  private async localeFor(interaction: UserInteraction): Promise<Locale> {
    const reported = toLocale(interaction.locale);
    if (reported) return reported;
    const user = interactionUser(interaction);
    return this.deps.engine.localeOf({
      channel: { platform: 'discord', workspaceId: interaction.guild_id ?? '', channelId: interaction.channel_id ?? '' },
      user: { id: user?.id ?? '', name: '' },
    });
  }
}

/** Flags cannot change when editing a response; the deferral already decided who sees it. */
function withoutFlags(body: MessageBody): MessageBody {
  const { flags: _flags, ...rest } = body;
  return rest;
}

/** Said privately to the person who picked when the server event could not be made. */
function eventFailedText(locale: Locale): string {
  return locale === 'ko'
    ? '서버 이벤트는 만들지 못했어요. 봇에게 이벤트 만들기(Create Events) 권한이 필요해요. 확정된 시간은 그대로예요.'
    : "I could not add this to the server's events: the bot needs the Create Events permission. The final time stands.";
}

/** Said privately when Discord would not let the bot post here. */
function refusedText(locale: Locale, what: 'poll' | 'channel'): string {
  if (what === 'poll') {
    return locale === 'ko'
      ? '이 채널에 투표를 올리지 못해 투표를 만들지 않았어요. 봇에게 채널 보기, 메시지 보내기, 링크 첨부 권한이 필요해요.'
      : 'I could not post the poll in this channel, so no poll was made: the bot needs View Channel, Send Messages and Embed Links here.';
  }
  return locale === 'ko'
    ? '처리는 됐지만 이 채널에 메시지를 올리지 못했어요. 봇에게 메시지 보내기, 링크 첨부, 파일 첨부 권한이 필요해요.'
    : 'Done, but I could not post in this channel: the bot needs Send Messages, Embed Links and Attach Files here.';
}
