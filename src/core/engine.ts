/**
 * The engine: adapters turn platform events into calls here and render the neutral replies that
 * come back. Text and typed commands go through the command table, button presses through the
 * verb table; the work itself lives in small modules by role (src/core/engine/): use cases for
 * polls and for answers, read-only queries for adapters, and the scheduler's hooks. No platform
 * words, no I/O but the ports.
 */
import { decodeAction, handleAction, isPersonalVerb, verbWritesAnswer } from './actions.js';
import type { SetAction } from './views/grid-edit.js';
import type { Actor } from './actor.js';
import { COMMANDS, type Command } from './commands/builtin.js';
import type { CommandTable, Invocation } from './commands/spec.js';
import { ReplayedRequest, UserError } from './errors.js';
import { parseCommand } from './grammar/command.js';
import type { CreateOptions } from './grammar/create-options.js';
import type { AdapterCapabilities, Reply } from './views/reply.js';
import { AdapterQueries } from './engine/adapter-queries.js';
import { AnswerUseCases, type PaintResult, type SlotChange } from './engine/answer-use-cases.js';
import { EngineContext, type EngineOptions as ContextOptions } from './engine/context.js';
import { PollUseCases } from './engine/poll-use-cases.js';
import { ScheduledWork } from './engine/scheduled-work.js';
import { UsualWeekUseCases } from './engine/usual-week-use-cases.js';
import { BlockingUseCases } from './engine/blocking-use-cases.js';

export type { Actor } from './actor.js';
export type { PaintResult, SlotChange } from './engine/answer-use-cases.js';
export type { FillOffer } from './engine/usual-week-use-cases.js';

export interface EngineOptions extends ContextOptions {
  /** The commands it answers (tests add made-up ones); the built-in table by default. */
  commands?: CommandTable;
}

export class Engine {
  readonly commands: CommandTable;
  readonly polls: PollUseCases;
  readonly answers: AnswerUseCases;
  readonly queries: AdapterQueries;
  readonly scheduled: ScheduledWork;
  readonly usualWeek: UsualWeekUseCases;
  readonly blocking: BlockingUseCases;
  private readonly ctx: EngineContext;

  constructor(options: EngineOptions) {
    this.ctx = new EngineContext(options);
    this.commands = options.commands ?? COMMANDS;
    this.blocking = new BlockingUseCases(this.ctx);
    this.polls = new PollUseCases(this.ctx, this.commands, this.blocking);
    this.answers = new AnswerUseCases(this.ctx);
    this.queries = new AdapterQueries(this.ctx);
    this.scheduled = new ScheduledWork(this.ctx);
    this.usualWeek = new UsualWeekUseCases(this.ctx, this.answers);
  }

  /** "/yakjeong …" text from any platform. */
  async runText(actor: Actor, text: string, caps: AdapterCapabilities): Promise<Reply[]> {
    return this.ctx.datedErrors(actor, async () => this.run(actor, parseCommand(text, this.commands), caps));
  }

  /** A command from text or typed options, run by its table entry. */
  async run(actor: Actor, command: Command | Invocation, caps: AdapterCapabilities): Promise<Reply[]> {
    return this.ctx.datedErrors(actor, async () => {
      const entry = this.commands.byId(command.type);
      if (!entry) throw new UserError('UNKNOWN_SUBCOMMAND', this.commands.unknownCommandParams(command.type));
      if (actor.direct) throw new UserError('NOT_IN_CHANNEL');
      await this.refuseReplay(actor);
      return entry.run({ engine: this, actor, caps }, command);
    });
  }

  /** A button press, run by its verb's handler. Ids that are not ours decode to nothing and are refused. */
  async click(actor: Actor, actionId: string, caps: AdapterCapabilities): Promise<Reply[]> {
    return this.ctx.datedErrors(actor, async () => {
      const action = decodeAction(actionId);
      if (!action) throw new UserError('BAD_ACTION');
      if (actor.direct && !isPersonalVerb(action.verb)) throw new UserError('NOT_IN_CHANNEL');
      const poll = isPersonalVerb(action.verb) ? await this.ctx.pollOnPlatform(actor, action.code) : await this.ctx.pollByCode(actor, action.code);
      if (!verbWritesAnswer(action.verb)) await this.refuseReplay(actor);
      return handleAction({ engine: this, actor, caps, poll }, action);
    });
  }

  /**
   * A create form's submission (Slack's modal, Discord's): like every command, refused when its
   * request was already acted on, before the poll is made.
   */
  async createFromForm(actor: Actor, options: CreateOptions): Promise<Reply[]> {
    await this.refuseReplay(actor);
    return this.polls.create(actor, options);
  }

  /**
   * A platform delivery that is no person's command (a Slack Events API event such as
   * app_uninstalled): throws ReplayedRequest when `requestKey` was already claimed.
   */
  async claimRequest(requestKey: string): Promise<void> {
    await this.refuseReplay({ requestKey });
  }

  /** A stroke on the web grid: slots of the poll `code` (in the actor's channel) set to states. */
  async paint(actor: Actor, code: string, changes: readonly SlotChange[]): Promise<PaintResult> {
    return this.ctx.datedErrors(actor, async () => this.answers.paint(actor, await this.ctx.pollByCode(actor, code), changes));
  }

  /** The web grid's "Fill from my usual week": the filled answer, read and not stored. */
  async previewUsualWeek(actor: Actor, code: string): Promise<{ stored: string; filled: string }> {
    return this.ctx.datedErrors(actor, async () => this.usualWeek.fillStates(actor, await this.ctx.pollByCode(actor, code)));
  }

  /** The web grid's Save of that preview, worked out again from what is stored now. */
  async saveUsualWeek(actor: Actor, code: string): Promise<PaintResult> {
    return this.ctx.datedErrors(actor, async () => this.usualWeek.fillSaveFromWeb(actor, await this.ctx.pollByCode(actor, code)));
  }

  /**
   * The options chosen in one select menu of the grid: applied in one transaction, answered with
   * one grid. The menu must be a grid's slot menu and every option a slot `set` of its poll.
   */
  async chooseFromMenu(actor: Actor, menuId: string, optionIds: readonly string[], caps: AdapterCapabilities): Promise<Reply[]> {
    return this.ctx.datedErrors(actor, async () => {
      if (actor.direct) throw new UserError('NOT_IN_CHANNEL');
      const menu = decodeAction(menuId);
      if (menu?.verb !== 'pickslots') throw new UserError('BAD_ACTION');
      const actions = optionIds.map(decodeAction);
      const code = actions[0]?.code;
      const sets = actions.filter((a): a is SetAction => a?.verb === 'set' && a.code === code && code === menu.code);
      if (!code || sets.length !== actions.length) throw new UserError('BAD_ACTION');
      const poll = await this.ctx.pollByCode(actor, code);
      return this.answers.gridEdit(actor, poll, caps, sets);
    });
  }

  /** A request whose key was seen within the replay window is refused before it does anything. */
  private async refuseReplay(actor: Pick<Actor, 'requestKey'>): Promise<void> {
    const key = this.ctx.requestKey(actor);
    if (key && !(await this.ctx.store.claimRequestKey(key, this.ctx.clock.now()))) throw new ReplayedRequest(key.key);
  }
}
