/**
 * Keeps poll messages fresh and posts scheduler notices. Poll message edits are coalesced per
 * poll (at most one every ~2 s, the last state always written) to stay under rate limits.
 */
import { Coalescer, type RunGate } from '../shared/coalescer.js';
import { translatingErrors } from '../shared/delivery.js';
import type { Engine } from '../../src/core/engine.js';
import type { Poll } from '../../src/core/domain/types.js';
import type { Notifier, ScheduledDelivery } from '../../src/core/ports.js';
import { messagesOf, type View } from '../../src/core/views/reply.js';
import { mention } from '../../src/core/views/rich.js';
import type { Logger } from '../../src/logger.js';
import { classifyDiscordError, parseMessageRef, scheduledNonce, type DiscordApi } from './api.js';
import type { PollMessages } from './conversation.js';
import { FollowUps } from '../shared/follow-ups.js';
import { attachPicture, attachUploads, renderView } from './render.js';

export const REFRESH_INTERVAL_MS = 2000;

export class DiscordPollMessages implements Notifier, PollMessages {
  private readonly coalescer: Coalescer<number>;
  private warnedNoToken = false;

  constructor(
    private readonly engine: Engine,
    private readonly api: DiscordApi,
    private readonly logger: Logger,
    intervalMs = REFRESH_INTERVAL_MS,
    gate?: RunGate<number>,
    /** Where pictures that follow their message run (the adapter's, so its stop() waits for them). */
    private readonly followUps = new FollowUps(logger),
  ) {
    this.coalescer = new Coalescer(
      intervalMs,
      (pollId) => this.redraw(pollId),
      (pollId, err) => this.logger.error({ err, pollId }, 'could not refresh the poll message'),
      undefined,
      gate,
    );
  }

  requestRefresh(pollId: number): void {
    this.coalescer.request(pollId);
  }

  async refreshPoll(poll: Poll): Promise<void> {
    this.requestRefresh(poll.id);
  }

  /**
   * A reply to the poll message in its channel (deadline results, reminders). Discord's refusals
   * are thrown as DeliveryErrors, so the scheduler knows which not to retry. Each part carries
   * the delivery's nonce with enforce_nonce, so a part posted by an earlier attempt whose answer
   * was lost (or by @discordjs/rest's own retry) is not posted again; `delivery.signal` stops
   * the call under way and the parts after it.
   * A heatmap marked to follow (the renderer's queue is long) is not waited for: the part is
   * posted without it, and the picture is drawn after and posted in the same channel as a reply
   * to it (with its own nonce), so a slow drawing never holds, nor repeats, the part; its
   * failure is only logged.
   */
  async post(poll: Poll, view: View, delivery?: ScheduledDelivery): Promise<void> {
    if (!this.canWrite()) return;
    const ref = parseMessageRef(poll.messageRef);
    for (const [i, part] of messagesOf(view).entries()) {
      delivery?.signal.throwIfAborted();
      const rendered = renderView(part);
      const message = await attachUploads(rendered);
      if (ref) message.body.message_reference = { message_id: ref.id, fail_if_not_exists: false };
      if (delivery) {
        message.body.nonce = scheduledNonce(delivery.key, i);
        message.body.enforce_nonce = true;
      }
      const posted = await translatingErrors(classifyDiscordError, () =>
        this.api.createMessage(ref?.channelId ?? poll.channel.channelId, message.body, message.files, delivery?.signal),
      );
      const { picture } = rendered;
      if (!picture) continue;
      this.followUps.start(async () => {
        const follow = await attachPicture(picture);
        follow.body.message_reference = { message_id: posted.id, fail_if_not_exists: false };
        if (delivery) {
          follow.body.nonce = scheduledNonce(`${delivery.key}i`, i);
          follow.body.enforce_nonce = true;
        }
        await this.api.createMessage(posted.channelId, follow.body, follow.files);
      }, { pollId: poll.id, part: i });
    }
  }

  /**
   * A note for one person, as a button press's note for another person: Discord has no message
   * only they see in a channel, so it is a channel message that mentions them.
   */
  async notify(poll: Poll, userId: string, view: View): Promise<void> {
    if (!this.canWrite()) return;
    const addressed: View = { ...view, blocks: [{ type: 'text', text: [mention({ id: userId, name: '' })] }, ...view.blocks] };
    const message = await attachUploads(renderView(addressed));
    await translatingErrors(classifyDiscordError, () => this.api.createMessage(poll.channel.channelId, message.body, message.files));
  }

  /** Writes every pending refresh now (shutdown, tests). */
  async flush(): Promise<void> {
    await this.coalescer.flush();
  }

  private async redraw(pollId: number): Promise<void> {
    const poll = await this.engine.queries.getPoll(pollId);
    const ref = parseMessageRef(poll?.messageRef);
    if (!ref || !this.canWrite()) return;
    // Drawn in the poll's own language (stored with it), so redraws after a restart match too.
    const view = await this.engine.queries.pollMessage(pollId);
    if (!view) return;
    await this.api.editMessage(ref.channelId, ref.id, renderView(view, { edit: true }).body);
  }

  /** Channel messages need the bot token; HTTP-only set-ups without one can only answer interactions. */
  private canWrite(): boolean {
    if (this.api.hasBotToken) return true;
    if (!this.warnedNoToken) {
      this.warnedNoToken = true;
      this.logger.warn('DISCORD_TOKEN is not set: poll messages are not refreshed and deadline notices are not posted');
    }
    return false;
  }
}
