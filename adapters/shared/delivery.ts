/**
 * The one delivery policy: how core's replies to one interaction reach people on any chat
 * platform. Each adapter implements a Conversation, its port, and only translates; the
 * decisions are made here, once:
 * - bookkeeping after posts: the poll message refresh and a picked meeting's calendar entry run
 *   after the messages and even when one of them failed (the action is stored; repeating it
 *   would only be refused);
 * - a new poll whose message could not be posted is discarded, so it does not linger unseen;
 * - a note for someone other than the actor only logs its failure (the actor did nothing wrong);
 * - when the channel refuses the bot, the actor gets one private hint instead of an apology;
 * - a calendar entry that cannot be made never undoes the pick.
 * The adapter's error boundary ends in `report`, so the person hears of a failure the same way,
 * and a replayed request (ReplayedRequest) is dropped the same way: silently, logged at debug.
 */
import type { Engine } from '../../src/core/engine.js';
import type { MeetingEvent } from '../../src/core/domain/meeting.js';
import type { Locale, Poll } from '../../src/core/domain/types.js';
import { isReplayedRequest, isStorageFull, isUserError, type DeliveryError } from '../../src/core/errors.js';
import type { Clock } from '../../src/core/ports.js';
import { errorView } from '../../src/core/views/notices.js';
import type { Reply, View } from '../../src/core/views/reply.js';
import type { Logger } from '../../src/logger.js';
import type { InteractionOutcome } from '../../src/infra/metrics/metrics.js';
import { RateLimitedLog } from './rate-limited-log.js';

/** What the channel refused: a new poll's message, another message, or the files under a posted one. */
export type Refusal = 'poll' | 'channel' | 'files';

/** The strongest refusal decides the one hint the person gets. */
const HINT_ORDER: readonly Refusal[] = ['poll', 'channel', 'files'];

export interface ChannelPost {
  /** Where the message is, as stored in a poll's messageRef; absent when the platform does not say. */
  ref?: string;
  /** The message went out but the channel refused its picture or file. */
  filesRefused?: boolean;
}

/** Turns a platform SDK's error into a DeliveryError, or says it is none it knows. */
export type ErrorClassifier = (err: unknown) => DeliveryError | undefined;

/**
 * One interaction being answered on one platform: the port the delivery policy is written
 * against. Every method does one platform thing and decides nothing about other replies.
 */
export interface Conversation {
  /** The person acting. */
  readonly userId: string;
  /** Fields that name the interaction in logs. */
  readonly logContext: Record<string, unknown>;
  /** The actor's language, for errors and hints. */
  locale(): Promise<Locale>;
  /** A message only the actor sees. */
  sendPrivately(view: View): Promise<void>;
  /** Replaces the actor's own message that carried the pressed button (else a private message). */
  replaceMine(view: View): Promise<void>;
  /** A message everyone in the channel sees. */
  postToChannel(view: View): Promise<ChannelPost>;
  /** A new poll's live message, whose reference must come back so it can be edited later. */
  postPollMessage(view: View): Promise<ChannelPost>;
  /** A note for someone other than the actor. */
  notify(userId: string, view: View): Promise<void>;
  /** A private message in the person's direct messages with the bot, wherever the interaction was. */
  sendDirect(userId: string, view: View): Promise<void>;
  openCreateForm(): Promise<void>;
  /** Asks for the poll's channel message to be rewritten (coalesced; never throws). */
  refreshPoll(pollId: number): void;
  /** Adds a picked meeting to the platform's own calendar (Slack reminder, Discord server event). */
  recordMeeting(poll: Poll, meeting: MeetingEvent): Promise<void>;
  /** Tells the actor that the meeting could not be added, where the platform has something to say. */
  meetingNotRecorded(): Promise<void>;
  /** The private hint for a refusal, in the platform's words and by a way the refusing channel cannot block. */
  hintRefused(refusal: Refusal): Promise<void>;
  classify: ErrorClassifier;
  /** Ends the interaction's answer (Discord: removes a "thinking…" nothing filled). */
  finish(): Promise<void>;
  /**
   * Ends a replayed request without a word: the first delivery was answered already. Over
   * HTTP it gets a 200 with an empty body (Slack's acknowledgement is that already).
   */
  endUnanswered(): Promise<void>;
}

/** What an interaction that ended in `err` came to, for the metrics. */
export function failedOutcome(err: unknown): InteractionOutcome {
  if (isReplayedRequest(err)) return 'replayed';
  return isUserError(err) ? 'user_error' : 'failed';
}

export interface DeliveryPolicyDeps {
  engine: { queries: Pick<Engine['queries'], 'getPoll'>; polls: Pick<Engine['polls'], 'discardPoll' | 'attachPollMessage'> };
  logger: Logger;
  /** Paces failures that repeat on every click (a full disk): one log line a minute. Without it each is logged. */
  clock?: Pick<Clock, 'now'>;
}

/** Replies that record what already happened; they run whether or not the posts around them worked. */
type Bookkeeping = Extract<Reply, { type: 'refresh-poll' | 'meeting-picked' }>;

function isBookkeeping(reply: Reply): reply is Bookkeeping {
  return reply.type === 'refresh-poll' || reply.type === 'meeting-picked';
}

/**
 * Runs `work`, turning a platform error the adapter recognises into a DeliveryError: the
 * scheduler reads only those, so it never needs platform words.
 */
export async function translatingErrors<T>(classify: ErrorClassifier, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw classify(err) ?? err;
  }
}

export class DeliveryPolicy {
  private readonly storageFull: RateLimitedLog;

  constructor(private readonly deps: DeliveryPolicyDeps) {
    // Without a clock every failure reads as a minute after the last, so each is logged.
    let unpaced = 0;
    this.storageFull = new RateLimitedLog(deps.logger, deps.clock ?? { now: () => (unpaced += 60_000) });
  }

  /**
   * In order, so a "closed" notice precedes the results it announces. A refused message leaves
   * the others to go out; any other failure stops the messages and is thrown, to the adapter's
   * error boundary, after the bookkeeping ran.
   */
  async deliver(replies: Reply[], to: Conversation): Promise<void> {
    const refused = new Set<Refusal>();
    let failure: { err: unknown } | undefined;
    for (const reply of replies) {
      if (isBookkeeping(reply)) continue;
      try {
        const refusal = await this.deliverOne(reply, to);
        if (refusal) refused.add(refusal);
      } catch (err) {
        if (!this.isRefusal(err, to)) {
          failure = { err };
          break;
        }
        this.deps.logger.warn({ ...to.logContext, err }, 'the channel refused a message');
        refused.add('channel');
      }
    }
    await this.bookkeeping(replies.filter(isBookkeeping), to);
    if (failure) throw failure.err;
    const hint = HINT_ORDER.find((r) => refused.has(r));
    if (hint) await this.hint(to, hint);
    await to.finish();
    this.deps.logger.debug({ ...to.logContext, replies: replies.length }, 'replies delivered');
  }

  /** The end of an adapter's error boundary: the person hears about it privately, in their language. */
  async report(err: unknown, to: Conversation): Promise<void> {
    const { logger } = this.deps;
    if (isReplayedRequest(err)) {
      // Someone sent a signed request again (or Slack retried an event): nothing changed, nobody is told.
      logger.debug({ ...to.logContext, requestKey: err.key }, 'replayed request ignored');
      await to.endUnanswered();
      return;
    }
    const refusal = this.isRefusal(err, to);
    if (isUserError(err)) logger.debug({ ...to.logContext, code: err.code }, 'user error');
    else if (isStorageFull(err)) this.storageFull.error('storage-full', { ...to.logContext, err }, 'storage is full: nothing can be saved (people are told their click was not saved)');
    else if (refusal) logger.warn({ ...to.logContext, err }, 'the channel refused a message');
    else logger.error({ ...to.logContext, err }, 'interaction failed');
    try {
      if (refusal) await to.hintRefused('channel');
      else await to.sendPrivately(errorView(err, await to.locale()));
    } catch (second) {
      logger.warn({ ...to.logContext, err: second }, 'could not tell the user about an error');
    }
  }

  /** Sends one reply; says what the channel refused on the way, if anything. */
  private async deliverOne(reply: Exclude<Reply, Bookkeeping>, to: Conversation): Promise<Refusal | undefined> {
    switch (reply.type) {
      case 'post': {
        if (reply.audience.kind === 'user') {
          if (reply.audience.userId === to.userId) await to.sendPrivately(reply.view);
          else await this.notifyOther(to, reply.audience.userId, reply.view);
          return undefined;
        }
        // Only a channel 'poll' view is the poll's live message; notices and results also carry a pollId.
        if (reply.view.role === 'poll' && reply.pollId !== undefined) return this.postNewPoll(to, reply.pollId, reply.view);
        const posted = await to.postToChannel(reply.view);
        return posted.filesRefused ? 'files' : undefined;
      }
      case 'replace':
        await to.replaceMine(reply.view);
        return undefined;
      case 'open-create-form':
        await to.openCreateForm();
        return undefined;
      case 'direct':
        await this.sendDirect(to, reply.userId, reply.view);
        return undefined;
      default: {
        // A reply type added to core fails the type check here until the policy knows it.
        const unknown: never = reply;
        this.deps.logger.warn({ ...to.logContext, reply: unknown }, 'reply type not delivered');
        return undefined;
      }
    }
  }

  /** Someone else's note (the creator's "everyone answered"): the person acting did nothing wrong. */
  private async notifyOther(to: Conversation, userId: string, view: View): Promise<void> {
    try {
      await to.notify(userId, view);
    } catch (err) {
      this.deps.logger.warn({ ...to.logContext, err, userId }, 'could not notify another person');
    }
  }

  /** News about someone's own answers (another meeting was picked): like a note for someone else, its failure is only logged. */
  private async sendDirect(to: Conversation, userId: string, view: View): Promise<void> {
    try {
      await to.sendDirect(userId, view);
    } catch (err) {
      this.deps.logger.warn({ ...to.logContext, err, userId }, 'could not send a direct message');
    }
  }

  /** A poll nobody can see must not linger as open (nor be found as "the newest poll here"). */
  private async postNewPoll(to: Conversation, pollId: number, view: View): Promise<Refusal | undefined> {
    let posted: ChannelPost;
    try {
      posted = await to.postPollMessage(view);
    } catch (err) {
      await this.discardUnposted(pollId);
      if (!this.isRefusal(err, to)) throw err;
      this.deps.logger.warn({ ...to.logContext, err, pollId }, 'the channel refused a new poll; poll discarded');
      return 'poll';
    }
    if (posted.ref) await this.deps.engine.polls.attachPollMessage(pollId, posted.ref);
    return posted.filesRefused ? 'files' : undefined;
  }

  private async discardUnposted(pollId: number): Promise<void> {
    const { engine, logger } = this.deps;
    try {
      const poll = await engine.queries.getPoll(pollId);
      // A poll that already has its message is not new: it stays.
      if (poll && !poll.messageRef) await engine.polls.discardPoll(pollId);
    } catch (err) {
      logger.error({ err, pollId }, 'could not discard a poll whose message was not posted');
    }
  }

  /** After the answers: the person sees their own result first, the shared message follows. */
  private async bookkeeping(replies: Bookkeeping[], to: Conversation): Promise<void> {
    for (const pollId of new Set(replies.flatMap((r) => (r.type === 'refresh-poll' ? [r.pollId] : [])))) to.refreshPoll(pollId);
    for (const reply of replies) if (reply.type === 'meeting-picked') await this.recordMeeting(to, reply.pollId, reply.meeting);
  }

  /** The pick already stands and was announced: a calendar entry that fails is logged and, where the platform says so, mentioned. */
  private async recordMeeting(to: Conversation, pollId: number, meeting: MeetingEvent): Promise<void> {
    try {
      const poll = await this.deps.engine.queries.getPoll(pollId);
      if (poll) await to.recordMeeting(poll, meeting);
    } catch (err) {
      this.deps.logger.warn({ ...to.logContext, err, pollId }, 'could not add the picked meeting to the platform calendar');
      // A courtesy; its own failure was as good as logged above.
      await to.meetingNotRecorded().catch(() => undefined);
    }
  }

  private async hint(to: Conversation, refusal: Refusal): Promise<void> {
    try {
      await to.hintRefused(refusal);
    } catch (err) {
      this.deps.logger.warn({ ...to.logContext, err, refusal }, 'could not tell the person that the channel refused a message');
    }
  }

  private isRefusal(err: unknown, to: Conversation): boolean {
    return to.classify(err)?.kind === 'refused';
  }
}
