/**
 * Bolt listeners: /yakjeong, our buttons and the create modal. No business logic here:
 * each turns a payload into an Actor, calls the engine and hands the replies to the shared
 * delivery policy, through a SlackConversation.
 * Acknowledge first, then work; except an answer click, which is stored before its ack
 * (a sub-millisecond SQLite write) so an acknowledged click is never lost.
 */
import type { App } from '@slack/bolt';
import type { Actor, Engine } from '../../src/core/engine.js';
import type { Locale } from '../../src/core/domain/types.js';
import { decodeAction, verbReadsWhole } from '../../src/core/actions.js';
import { isReplayedRequest, isUserError } from '../../src/core/errors.js';
import { textAsksForCreateForm } from '../../src/core/grammar/command.js';
import type { AdapterCapabilities, Reply } from '../../src/core/views/reply.js';
import { errorView } from '../../src/core/views/notices.js';
import type { Logger } from '../../src/logger.js';
import { monotonicMs } from '../../src/infra/clock.js';
import { noMetrics, type InteractionKind, type InteractionOutcome, type Metrics } from '../../src/infra/metrics/metrics.js';
import { AnswersFirst } from '../shared/answers-first.js';
import { failedOutcome, type Conversation, type DeliveryPolicy } from '../shared/delivery.js';
import type { ReplyTarget } from './conversation.js';
import { respondVia } from './response-url.js';
import { CREATE_CALLBACK_ID, decodeMetadata, formApology, formErrors, readCreateForm } from './modal.js';
import { requestKeyOf } from './request-keys.js';
import { slackStrings } from './strings.js';
import { unescapeSlack } from './text.js';
import { buildActor, workspaceIdOf, type SlackPlace, type SlackUserDirectory } from './users.js';

export const COMMAND = '/yakjeong';

/** Our button ids all start with the action codec's prefix; anything else is not ours. */
const OUR_ACTIONS = /^y1:/;

/** How long a click may take before it is acknowledged anyway (Slack's limit is 3 s). */
const ACK_BUDGET_MS = 2000;
/** users.info may be slow on a cold cache; the interaction must not wait for it past this. */
const LOOKUP_BUDGET_MS = 1500;
/**
 * A bare "/yakjeong create" opens a modal with a trigger_id that lives 3 s: it waits at most
 * this long for a cold users.info, then opens with what is known (cached profile, saved
 * settings or the defaults).
 */
const FORM_LOOKUP_BUDGET_MS = 300;

/** The one answer a form submission gets besides closing: errors shown on its fields. */
interface ViewErrors {
  response_action: 'errors';
  errors: Record<string, string>;
}

export interface HandlerDeps {
  engine: Engine;
  users: SlackUserDirectory;
  policy: DeliveryPolicy;
  /** A conversation for one interaction's target. */
  conversation: (target: ReplyTarget, context: Record<string, unknown>) => Conversation;
  logger: Logger;
  caps: AdapterCapabilities;
  metrics?: Metrics;
  /** Shared with the HTTP route, which counts a request from its arrival (Bolt starts the listener turns later). */
  answersFirst?: AnswersFirst;
}

/** Work still running for interactions already acknowledged. */
export interface HandlersInFlight {
  /** Resolves once every interaction that has started has finished. */
  idle(): Promise<void>;
}

export function registerHandlers(app: App, deps: HandlerDeps): HandlersInFlight {
  const { engine, users, policy, logger, caps } = deps;
  const metrics = deps.metrics ?? noMetrics;
  const inFlight = new Set<Promise<void>>();
  const answersFirst = deps.answersFirst ?? new AnswersFirst(monotonicMs);

  /** Runs one listener's work, counted by outcome and kept until it ends (a stop waits for it). */
  async function tracked(kind: InteractionKind, work: () => Promise<InteractionOutcome>): Promise<void> {
    const run = work().then(
      (outcome) => metrics.interaction('slack', kind, outcome),
      (err: unknown) => {
        metrics.interaction('slack', kind, 'failed');
        throw err;
      },
    );
    const kept = run.catch(() => undefined).finally(() => inFlight.delete(kept));
    inFlight.add(kept);
    await run;
  }

  /** The acknowledgement, timed from when the listener started. */
  function timedAck<A extends unknown[]>(kind: InteractionKind, ack: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
    const started = monotonicMs();
    return async (...args: A) => {
      await ack(...args);
      metrics.acknowledged('slack', kind, (monotonicMs() - started) / 1000);
    };
  }

  /** The person acting, with the delivery's key so the engine refuses a replay of it. */
  async function actorAt(
    place: SlackPlace,
    user: { id: string; name?: string | undefined },
    requestKey: string | undefined,
    budgetMs = LOOKUP_BUDGET_MS,
  ): Promise<{ actor: Actor; locale: Locale }> {
    const info = await users.lookup(workspaceIdOf(place), user.id, budgetMs);
    const actor: Actor = { ...buildActor(place, user, info), ...(requestKey ? { requestKey } : {}) };
    return { actor, locale: await engine.queries.localeOf(actor) };
  }

  async function safeAck(ack: () => Promise<void>, context: Record<string, unknown>): Promise<void> {
    try {
      await ack();
    } catch (err) {
      logger.warn({ err, ...context }, 'could not acknowledge');
    }
  }

  /** The error boundary: whatever fails after the person is known is reported by the shared policy. */
  async function deliver(replies: Promise<Reply[]>, target: ReplyTarget, context: Record<string, unknown>): Promise<InteractionOutcome> {
    const conversation = deps.conversation(target, context);
    try {
      await policy.deliver(await replies, conversation);
      return 'ok';
    } catch (err) {
      await policy.report(err, conversation);
      return failedOutcome(err);
    }
  }

  /** A form stays open with a one-line apology on it; what went wrong is logged. */
  function apology(err: unknown, locale: Locale, context: Record<string, unknown>): Record<string, string> {
    logger.error({ err, ...context }, 'interaction failed');
    return formApology(errorView(err, locale).fallback);
  }

  interface Interaction {
    kind: InteractionKind;
    ack: () => Promise<void>;
    /** Answer clicks are stored first and acknowledged after (within ACK_BUDGET_MS). */
    storeBeforeAck: boolean;
    /** Only reads the whole poll: looked up and worked out only while no answer waits (answers-first.ts). */
    behindAnswers?: boolean;
    target: () => Promise<ReplyTarget>;
    act: (target: ReplyTarget) => Promise<Reply[]>;
    context: Record<string, unknown>;
  }

  function handle(i: Interaction): Promise<void> {
    return tracked(i.kind, () => run({ ...i, ack: timedAck(i.kind, i.ack) }));
  }

  async function run(i: Interaction): Promise<InteractionOutcome> {
    if (!i.storeBeforeAck) await safeAck(i.ack, i.context);
    const answered = i.storeBeforeAck ? answersFirst.arrived() : undefined;
    // Looking the person up and the work itself both wait behind the answers (users.info for sixty
    // new pressers is work too), within one bound from the press.
    const since = monotonicMs();
    const inTurn = <T>(step: () => Promise<T>): Promise<T> => (i.behindAnswers ? answersFirst.whenAnswered(step, since) : step());
    const targetP = inTurn(i.target);
    const repliesP = targetP.then((target) => inTurn(() => i.act(target)));
    // Both are awaited below; this only keeps an early rejection from counting as unhandled.
    repliesP.catch(() => undefined);
    if (i.storeBeforeAck) {
      await settleWithin(repliesP, ACK_BUDGET_MS);
      await safeAck(i.ack, i.context);
      answered?.();
    }
    let target: ReplyTarget;
    try {
      target = await targetP;
    } catch (err) {
      logger.error({ err, ...i.context }, 'could not identify the Slack user');
      return 'failed';
    }
    return deliver(repliesP, target, i.context);
  }

  app.command(COMMAND, async ({ command, ack, respond, body, context: boltContext }) => {
    const place: SlackPlace = { teamId: command.team_id, enterpriseId: command.enterprise_id || undefined, channelId: command.channel_id };
    // should_escape is on, so &, < and > arrive escaped; mentions arrive as <@U…|name>.
    const text = unescapeSlack(command.text ?? '');
    const budget = textAsksForCreateForm(text) ? FORM_LOOKUP_BUDGET_MS : LOOKUP_BUDGET_MS;
    await handle({
      kind: 'command',
      ack: () => ack(),
      storeBeforeAck: false,
      context: { command: COMMAND, team: command.team_id, channel: command.channel_id, user: command.user_id },
      target: async () => {
        const { actor, locale } = await actorAt(place, { id: command.user_id, name: command.user_name }, requestKeyOf(body, boltContext), budget);
        return {
          actor,
          locale,
          channelId: command.channel_id,
          respond: command.response_url ? respondVia(command.response_url) : respond,
          ...(command.response_url ? { responseUrl: command.response_url } : {}),
          replaceable: false,
          triggerId: command.trigger_id,
        };
      },
      act: (target) => engine.runText(target.actor, text, caps),
    });
  });

  app.action({ type: 'block_actions', action_id: OUR_ACTIONS }, async ({ ack, body, action, respond, context: boltContext }) => {
    const container = body.container;
    const channelId = body.channel?.id ?? (typeof container['channel_id'] === 'string' ? container['channel_id'] : undefined);
    const teamId = body.team?.id ?? body.user.team_id;
    const context = { action: action.action_id, team: teamId, channel: channelId, user: body.user.id };
    if (!channelId || !teamId) {
      // Our buttons only live in channel messages; anything else is stale or forged.
      await safeAck(() => ack(), context);
      logger.warn(context, 'button press without a channel or team');
      return;
    }
    const place: SlackPlace = { teamId, enterpriseId: body.enterprise?.id ?? body.team?.enterprise_id, channelId };
    const verb = decodeAction(action.action_id)?.verb;
    const readsWhole = verb !== undefined && verbReadsWhole(verb);
    await handle({
      kind: 'click',
      ack: () => ack(),
      // Nothing to store: acknowledged at once, and worked out behind the answers already waiting.
      storeBeforeAck: !readsWhole,
      behindAnswers: readsWhole,
      context,
      target: async () => {
        const { actor, locale } = await actorAt(place, { id: body.user.id, name: body.user.name ?? body.user.username }, requestKeyOf(body, boltContext));
        return {
          actor,
          locale,
          channelId,
          respond: body.response_url ? respondVia(body.response_url) : respond,
          // Only the person's own ephemeral message (the grid) may be replaced, never the shared poll message.
          replaceable: container['is_ephemeral'] === true,
          triggerId: body.trigger_id,
        };
      },
      act: (target) => engine.click(target.actor, action.action_id, caps),
    });
  });

  app.view(CREATE_CALLBACK_ID, ({ ack: boltAck, body, view, context: boltContext }) => tracked('form', async (): Promise<InteractionOutcome> => {
    const ack = timedAck('form', (response?: ViewErrors) => (response ? boltAck(response) : boltAck()));
    const meta = decodeMetadata(view.private_metadata);
    const teamId = body.team?.id ?? body.user.team_id ?? view.team_id;
    const context = { view: CREATE_CALLBACK_ID, team: teamId, user: body.user.id };
    const place: SlackPlace = { teamId, enterpriseId: body.enterprise?.id ?? body.team?.enterprise_id, channelId: meta?.channelId ?? '' };
    let target: ReplyTarget;
    try {
      const { actor, locale } = await actorAt(place, { id: body.user.id, name: body.user.name }, requestKeyOf(body, boltContext));
      target = { actor, locale, channelId: place.channelId, replaceable: false };
      // The slash command's response_url (carried in the form) tells the person privately if posting fails.
      if (meta?.responseUrl) target.respond = respondVia(meta.responseUrl);
    } catch (err) {
      await ack({ response_action: 'errors', errors: apology(err, 'en', context) });
      return 'failed';
    }
    const { locale } = target;
    if (!meta) {
      await ack({ response_action: 'errors', errors: formApology(slackStrings(locale).modalErrors.badMetadata) });
      return 'failed';
    }
    const form = readCreateForm(view.state.values, locale);
    if (!form.ok) {
      await ack({ response_action: 'errors', errors: form.errors });
      return 'user_error';
    }
    let replies: Reply[];
    try {
      // Created before the ack: a mistake must come back on the form, which stays open.
      replies = await engine.createFromForm(target.actor, form.options);
    } catch (err) {
      if (isReplayedRequest(err)) {
        // The form was closed by the first delivery: an empty ack, and the boundary drops it quietly.
        await ack();
        return deliver(Promise.reject(err), target, context);
      }
      const errors = isUserError(err) ? formErrors(err, form.usedWeekdays, locale) : apology(err, locale, context);
      await ack({ response_action: 'errors', errors });
      return isUserError(err) ? 'user_error' : 'failed';
    }
    await ack();
    return deliver(Promise.resolve(replies), target, context);
  }));

  app.error(async (err) => {
    logger.error({ err }, 'Bolt reported an error');
  });

  return {
    async idle() {
      while (inFlight.size) await Promise.allSettled([...inFlight]);
    },
  };
}

/** Waits for `work` but no longer than `ms`; never throws. */
async function settleWithin(work: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    work.then(
      () => undefined,
      () => undefined,
    ),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
    }),
  ]);
  clearTimeout(timer);
}
