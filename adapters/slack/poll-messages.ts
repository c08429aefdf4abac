/**
 * The poll's live channel message: edits are coalesced per poll (a burst of answers becomes
 * one or two chat.update calls, the last state always written), and work that is nobody's
 * click (deadline results, reminders) is posted as a reply in the poll message's thread.
 */
import { Coalescer, type RunGate } from '../shared/coalescer.js';
import { translatingErrors } from '../shared/delivery.js';
import { monotonicMs } from '../../src/infra/clock.js';
import type { Engine } from '../../src/core/engine.js';
import type { Poll } from '../../src/core/domain/types.js';
import type { Notifier, ScheduledDelivery } from '../../src/core/ports.js';
import { messagesOf, type View } from '../../src/core/views/reply.js';
import type { Logger } from '../../src/logger.js';
import { classifySlackError } from './errors.js';
import { parseMessageRef, type SlackMessenger } from './messenger.js';

export class SlackPollMessages implements Notifier {
  private readonly coalescer: Coalescer<number>;
  /** Pending cool-down pauses, released early by flush(). */
  private readonly cooling = new Set<() => void>();
  private flushing = false;

  constructor(
    private readonly engine: Engine,
    /** The messenger of a poll's workspace. */
    private readonly messengerFor: (workspaceId: string) => SlackMessenger,
    private readonly logger: Logger,
    private readonly intervalMs: number,
    gate?: RunGate<number>,
  ) {
    this.coalescer = new Coalescer<number>(
      intervalMs,
      (pollId) => this.rewriteThenCool(pollId),
      (pollId, err) => this.logger.warn({ err, pollId }, 'could not update the poll message'),
      undefined,
      gate,
    );
  }

  /** Asks for the poll message to be rewritten soon (coalesced). */
  request(pollId: number): void {
    this.coalescer.request(pollId);
  }

  async refreshPoll(poll: Poll): Promise<void> {
    if (poll.channel.platform !== 'slack') return;
    this.request(poll.id);
  }

  /**
   * Deadline results, reminders: a reply in the poll's thread; results also show in the channel.
   * The scheduler retries a post that throws, so this throws only while nothing was posted:
   * the heatmap is drawn first, and an upload failing after the message is logged, not thrown.
   * A heatmap marked to follow (the renderer's queue is long) is not waited for: it is drawn
   * and shared in the same thread after the message, so a slow drawing never holds (or, by
   * outlasting the send, repeats) the part already posted.
   * Slack's refusals are thrown as DeliveryErrors, so the scheduler knows which not to retry.
   * A send the scheduler gave up on (`delivery.signal`) posts no further part: the WebClient
   * takes no signal, so a call under way runs to its own bound.
   */
  async post(poll: Poll, view: View, delivery?: ScheduledDelivery): Promise<void> {
    if (poll.channel.platform !== 'slack') {
      this.logger.warn({ pollId: poll.id, platform: poll.channel.platform }, 'not a Slack poll; not posted');
      return;
    }
    const ref = parseMessageRef(poll.messageRef);
    const messenger = this.messengerFor(poll.channel.workspaceId);
    for (const message of messagesOf(view)) {
      delivery?.signal.throwIfAborted();
      await translatingErrors(classifySlackError, () =>
        messenger.postToChannel(poll.channel.channelId, message, {
          ...(ref ? { threadTs: ref.ts, broadcast: message.role === 'results' } : {}),
        }),
      );
    }
  }

  /** A note only `userId` sees, in the poll's channel: chat.postEphemeral, as a button press's note for another person. */
  async notify(poll: Poll, userId: string, view: View): Promise<void> {
    if (poll.channel.platform !== 'slack') return;
    const messenger = this.messengerFor(poll.channel.workspaceId);
    await translatingErrors(classifySlackError, () => messenger.postEphemeral(poll.channel.channelId, userId, view));
  }

  /** Writes everything still pending now (shutdown, tests). */
  async flush(): Promise<void> {
    this.flushing = true;
    try {
      // Two passes: a write that was running during the first pass may leave one more pending.
      for (let pass = 0; pass < 2; pass++) {
        for (const release of [...this.cooling]) release();
        await this.coalescer.flush();
      }
    } finally {
      this.flushing = false;
    }
  }

  /**
   * Workaround: the shared Coalescer forgets a key's last run as soon as a run ends with
   * nothing pending, so a request arriving just after would run at once and a slow burst of
   * clicks would edit the message once per click. Holding the run open for the rest of the
   * interval makes later requests wait and merge, as the Coalescer intends.
   */
  private async rewriteThenCool(pollId: number): Promise<void> {
    const started = monotonicMs();
    try {
      await this.rewrite(pollId);
    } finally {
      await this.pause(started + this.intervalMs - monotonicMs());
    }
  }

  private pause(ms: number): Promise<void> {
    if (ms <= 0 || this.flushing) return Promise.resolve();
    return new Promise((resolve) => {
      const release = () => {
        clearTimeout(timer);
        this.cooling.delete(release);
        resolve();
      };
      const timer = setTimeout(release, ms);
      this.cooling.add(release);
    });
  }

  private async rewrite(pollId: number): Promise<void> {
    const poll = await this.engine.queries.getPoll(pollId);
    const ref = parseMessageRef(poll?.messageRef);
    if (!poll || !ref) return;
    // Core renders it in the language the poll was created in, so a refresh never switches it.
    const view = await this.engine.queries.pollMessage(pollId);
    if (view) await this.messengerFor(poll.channel.workspaceId).updateMessage(ref, view);
  }
}
