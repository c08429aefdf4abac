/**
 * The one interaction handler behind both transports (gateway and HTTP endpoint). It works on
 * the raw API payload, turns it into an engine call, and hands the replies to the shared
 * delivery policy through a DiscordConversation. Also the adapter's error boundary.
 */
import {
  ApplicationCommandType,
  ComponentType,
  InteractionResponseType,
  InteractionType,
  type APIApplicationCommandAutocompleteInteraction,
  type APIApplicationCommandInteraction,
  type APIInteraction,
  type APIMessageComponentInteraction,
  type APIModalSubmitInteraction,
} from 'discord-api-types/v10';
import type { Engine } from '../../src/core/engine.js';
import { UserError, isUserError } from '../../src/core/errors.js';
import type { Clock, PollStore } from '../../src/core/ports.js';
import type { AdapterCapabilities, Reply } from '../../src/core/views/reply.js';
import type { Logger } from '../../src/logger.js';
import { monotonicMs } from '../../src/infra/clock.js';
import { noMetrics, type InteractionKind, type InteractionOutcome, type Metrics } from '../../src/infra/metrics/metrics.js';
import { DeliveryPolicy, failedOutcome } from '../shared/delivery.js';
import { actorOf, type UserInteraction } from './actor.js';
import { ALREADY_ACKNOWLEDGED, UNKNOWN_INTERACTION, discordErrorCode, type DiscordApi } from './api.js';
import { pollCodeChoices, timezoneChoices } from './autocomplete.js';
import { COMMAND_NAME, readSubcommand, toCommand } from './commands.js';
import { DiscordConversation, type PollMessages } from './conversation.js';
import { CREATE_MODAL_ID, createOptionsFromForm, modalValues } from './modal.js';
import type { DiscordEvents } from './events.js';
import type { FollowUps } from '../shared/follow-ups.js';
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

export interface InteractionHandlerDeps {
  engine: Engine;
  api: DiscordApi;
  polls: PollMessages;
  logger: Logger;
  /** For code autocomplete; without it code suggestions are empty. */
  store?: Pick<PollStore, 'listPolls'>;
  /** Turns picked meetings into server events; without it picks make none. */
  events?: DiscordEvents;
  /** Where pictures that follow their message run; the adapter's stop() waits for them. */
  followUps: FollowUps;
  /** Paces repeated failure logs (a full disk). */
  clock?: Pick<Clock, 'now'>;
  metrics?: Metrics;
}

const KINDS: Partial<Record<InteractionType, InteractionKind>> = {
  [InteractionType.ApplicationCommand]: 'command',
  [InteractionType.MessageComponent]: 'click',
  [InteractionType.ModalSubmit]: 'form',
  [InteractionType.ApplicationCommandAutocomplete]: 'autocomplete',
};

/** The same responder, reporting how long the initial response took. */
function timed(responder: Responder, report: () => void): Responder {
  return {
    get replied() {
      return responder.replied;
    },
    async reply(response) {
      await responder.reply(response);
      report();
    },
    drop: () => responder.drop(),
  };
}

export class InteractionHandler {
  private readonly policy: DeliveryPolicy;

  constructor(private readonly deps: InteractionHandlerDeps) {
    this.policy = new DeliveryPolicy({ engine: deps.engine, logger: deps.logger, ...(deps.clock ? { clock: deps.clock } : {}) });
  }

  async handle(interaction: APIInteraction, responder: Responder): Promise<void> {
    if (interaction.type === InteractionType.Ping) {
      await responder.reply({ type: InteractionResponseType.Pong });
      return;
    }
    const { engine, api, polls, logger, events, followUps } = this.deps;
    const metrics = this.deps.metrics ?? noMetrics;
    const kind = KINDS[interaction.type] ?? 'command';
    const started = monotonicMs();
    const measured = timed(responder, () => metrics.acknowledged('discord', kind, (monotonicMs() - started) / 1000));
    const conversation = new DiscordConversation({ engine, api, polls, logger, followUps, ...(events ? { events } : {}) }, interaction, measured);
    let outcome: InteractionOutcome = 'ok';
    try {
      switch (interaction.type) {
        case InteractionType.ApplicationCommandAutocomplete:
          return await this.autocomplete(conversation, interaction);
        case InteractionType.ApplicationCommand:
          return await this.command(conversation, interaction);
        case InteractionType.MessageComponent:
          return await this.component(conversation, interaction);
        case InteractionType.ModalSubmit:
          return await this.modalSubmit(conversation, interaction);
      }
    } catch (err) {
      outcome = failedOutcome(err);
      await this.fail(conversation, interaction, err);
    } finally {
      metrics.interaction('discord', kind, outcome);
    }
  }

  // ── interaction kinds ───────────────────────────────────────────────────────

  private async command(conversation: DiscordConversation, interaction: APIApplicationCommandInteraction): Promise<void> {
    const data = interaction.data;
    const actor = actorOf(interaction);
    if (data.type !== ApplicationCommandType.ChatInput || data.name !== COMMAND_NAME) {
      throw new UserError('UNKNOWN_SUBCOMMAND', this.deps.engine.commands.unknownCommandParams(data.name));
    }
    const call = readSubcommand(data.options);
    const command = call && toCommand(call, this.deps.engine.commands);
    if (!command) throw new UserError('UNKNOWN_SUBCOMMAND', this.deps.engine.commands.unknownCommandParams(call?.name ?? ''));
    const replies = await this.deps.engine.run(actor, command, DISCORD_CAPABILITIES);
    await this.policy.deliver(replies, conversation);
  }

  private async component(conversation: DiscordConversation, interaction: APIMessageComponentInteraction): Promise<void> {
    const actor = actorOf(interaction);
    const data = interaction.data;
    // The engine stores an answer before it returns, so the acknowledgement below never loses one.
    let replies: Reply[];
    if (data.component_type === ComponentType.StringSelect) {
      // A grid's slot menu: its id only says so; the chosen values are the slot actions.
      replies = await this.deps.engine.chooseFromMenu(actor, data.custom_id, data.values, DISCORD_CAPABILITIES);
    } else {
      replies = await this.deps.engine.click(actor, data.custom_id, DISCORD_CAPABILITIES);
    }
    await this.policy.deliver(replies, conversation);
  }

  private async modalSubmit(conversation: DiscordConversation, interaction: APIModalSubmitInteraction): Promise<void> {
    const actor = actorOf(interaction);
    if (interaction.data.custom_id !== CREATE_MODAL_ID) throw new UserError('BAD_ACTION');
    const options = createOptionsFromForm(modalValues(interaction.data));
    const replies = await this.deps.engine.createFromForm(actor, options);
    await this.policy.deliver(replies, conversation);
  }

  private async autocomplete(conversation: DiscordConversation, interaction: APIApplicationCommandAutocompleteInteraction): Promise<void> {
    const call = readSubcommand(interaction.data.options);
    const focused = call?.focused;
    const typed = focused ? String(call.values[focused] ?? '') : '';
    let choices: Awaited<ReturnType<typeof timezoneChoices>> = [];
    if (focused === 'zone' || focused === 'tz') {
      choices = timezoneChoices(typed);
    } else if (focused === 'code' && this.deps.store) {
      choices = await pollCodeChoices(this.deps.store, actorOf(interaction).channel, typed);
    }
    await conversation.response.answer({ type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices } });
  }

  // ── error boundary ──────────────────────────────────────────────────────────

  private async fail(conversation: DiscordConversation, interaction: UserInteraction, err: unknown): Promise<void> {
    const { logger } = this.deps;
    const code = discordErrorCode(err);
    if (code === ALREADY_ACKNOWLEDGED || code === UNKNOWN_INTERACTION) {
      // Too late (3 s passed) or answered twice: nothing can reach the person through this token.
      logger.warn({ ...conversation.logContext, code }, 'interaction could not be answered');
      return;
    }
    if (interaction.type === InteractionType.ApplicationCommandAutocomplete) {
      // Nobody reads an apology in a suggestion list: an empty one ends the request.
      if (!isUserError(err)) logger.error({ ...conversation.logContext, err }, 'interaction failed');
      if (!conversation.response.answered) {
        await conversation.response
          .answer({ type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [] } })
          .catch((second: unknown) => logger.warn({ ...conversation.logContext, err: second }, 'could not answer an autocomplete'));
      }
      return;
    }
    await this.policy.report(err, conversation);
    // Whatever still shows "thinking…" (the report itself failed) would read as a hang.
    await conversation.finish().catch((second: unknown) => logger.warn({ ...conversation.logContext, err: second }, 'could not remove "thinking…"'));
  }
}
