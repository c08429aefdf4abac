/**
 * The one interaction handler behind both transports (gateway and HTTP endpoint). It works on
 * the raw API payload, turns it into an engine call, and answers through a Responder for the
 * initial response and webhooks for everything after. Also the adapter's error boundary.
 */
import {
  ApplicationCommandType,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  type APIApplicationCommandAutocompleteInteraction,
  type APIApplicationCommandInteraction,
  type APIInteraction,
  type APIMessageComponentInteraction,
  type APIModalSubmitInteraction,
} from 'discord-api-types/v10';
import type { Actor, Engine } from '../../src/core/engine.js';
import type { MeetingEvent } from '../../src/core/domain/meeting.js';
import type { Locale } from '../../src/core/domain/types.js';
import { UserError, isUserError } from '../../src/core/errors.js';
import { toLocale } from '../../src/core/i18n/index.js';
import type { PollStore } from '../../src/core/ports.js';
import { mentionToken } from '../../src/core/views/format.js';
import { errorView, noticeView } from '../../src/core/views/notices.js';
import type { AdapterCapabilities, Reply, View } from '../../src/core/views/reply.js';
import type { Logger } from '../../src/logger.js';
import { actorOf, interactionUser, type UserInteraction } from './actor.js';
import { ALREADY_ACKNOWLEDGED, UNKNOWN_INTERACTION, discordErrorCode, formatMessageRef, type DiscordApi, type MessageRef } from './api.js';
import { pollCodeChoices, timezoneChoices } from './autocomplete.js';
import { COMMAND_NAME, readSubcommand, toCommand } from './commands.js';
import { CREATE_MODAL_ID, createModal, createOptionsFromForm, modalValues } from './modal.js';
import { DiscordEvents } from './events.js';
import { attachUploads, hasUploads, renderView, type MessageBody } from './render.js';
import type { Responder } from './responder.js';

/**
 * 5 action rows × 5 buttons: three rows of slots and two of grid controls (up to six:
 * all day, clear, copy, previous, next, done), which the core view chunks by five.
 */
export const DISCORD_CAPABILITIES: AdapterCapabilities = { maxSlotButtons: 15, maxButtonsPerRow: 5 };

/** Where poll messages are kept fresh; the notifier implements it. */
export interface PollMessages {
  /** The poll's channel message is stale (coalesced edit follows). */
  requestRefresh(pollId: number): void;
  /** The language the poll message was first drawn in, for later redraws. */
  rememberLocale(pollId: number, locale: Locale): void;
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
    // The engine stores an answer click before it returns, so the acknowledgement below never loses one.
    const replies = await this.deps.engine.click(actor, interaction.data.custom_id, DISCORD_CAPABILITIES);
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
    const stale: number[] = [];
    const meetings: Array<{ pollId: number; meeting: MeetingEvent; code: string }> = [];
    for (const reply of replies) {
      switch (reply.type) {
        case 'open-create-form':
          if (exchange.acknowledged) {
            this.deps.logger.warn({ interactionId: exchange.interaction.id }, 'create form asked for after the interaction was answered');
            break;
          }
          await exchange.responder.reply({
            type: InteractionResponseType.Modal,
            data: createModal(await this.deps.engine.localeOf(actor)),
          });
          break;
        case 'refresh-poll':
          stale.push(reply.pollId);
          break;
        case 'meeting-picked':
          meetings.push({ pollId: reply.pollId, meeting: reply.meeting, code: (await this.deps.engine.getPoll(reply.pollId))?.code ?? '' });
          break;
        case 'replace':
          await this.replace(exchange, reply.view);
          break;
        case 'post': {
          if (reply.audience.kind === 'user' && reply.audience.userId !== actor.user.id) {
            await this.postForSomeoneElse(exchange, actor, reply.view, reply.audience.userId);
            break;
          }
          // Only a channel 'poll' view is the poll's live message; notices and results also carry a pollId.
          const pollId = reply.audience.kind === 'channel' && reply.view.role === 'poll' ? reply.pollId : undefined;
          const ref = await this.post(exchange, reply.view, reply.audience.kind === 'user', pollId !== undefined);
          if (ref && pollId !== undefined) {
            await this.deps.engine.attachPollMessage(pollId, formatMessageRef(ref));
            this.deps.polls.rememberLocale(pollId, await this.deps.engine.localeOf(actor));
          }
          break;
        }
      }
    }
    if (exchange.pendingOriginal) {
      // Nothing filled the deferred response; a lingering "thinking…" would read as a hang.
      exchange.pendingOriginal = undefined;
      await this.deps.api.deleteOriginal(exchange.interaction.token);
    }
    // After the answers: the person sees their own result first, the shared message follows.
    for (const pollId of new Set(stale)) this.deps.polls.requestRefresh(pollId);
    for (const { pollId, meeting, code } of meetings) {
      try {
        await this.deps.events?.meetingPicked(actor.channel, pollId, code, meeting);
      } catch (err) {
        // Usually a missing Create Events permission; the pick and its notice already stand.
        this.deps.logger.warn({ err, pollId, guildId: actor.channel.workspaceId }, 'could not create the Discord event for a picked meeting');
        const locale = actor.locale ?? (await this.deps.engine.localeOf(actor));
        await this.post(exchange, noticeView(`ℹ️ ${eventFailedText(locale)}`), true, false).catch(() => undefined);
      }
    }
  }

  /**
   * A private notice for someone other than the person acting (the creator, told that everyone
   * has answered). Discord shows ephemeral messages only to the one who interacted, so it goes
   * to the channel with a mention of its addressee instead.
   */
  private async postForSomeoneElse(exchange: Exchange, actor: Actor, view: View, userId: string): Promise<void> {
    const addressed: View = { ...view, blocks: [{ type: 'text', text: mentionToken({ id: userId, name: '' }) }, ...view.blocks] };
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
      exchange.pendingOriginal = undefined;
      return this.deps.api.editOriginal(token, withoutFlags(message.body), message.files);
    }
    return this.deps.api.followUp(token, message.body, message.files);
  }

  // ── error boundary ──────────────────────────────────────────────────────────

  private async fail(exchange: Exchange, err: unknown): Promise<void> {
    const { interaction } = exchange;
    const user = interactionUser(interaction);
    const context = {
      interactionId: interaction.id,
      interactionType: interaction.type,
      guildId: interaction.guild_id,
      channelId: interaction.channel?.id ?? interaction.channel_id,
      userId: user?.id,
    };
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
