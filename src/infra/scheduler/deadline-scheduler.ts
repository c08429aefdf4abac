/**
 * Closes polls at their deadline, sends reminders, and drains the outbox. A precise timer fires
 * at the next due instant, so a deadline is met within a second and the process sleeps in
 * between; a node-cron sweep once a minute catches what another process created. Claiming is
 * done by the store in a transaction, so any number of processes may run this.
 *
 * Outbox items are sent in a few lanes, each claiming its next item only when it is free: an
 * item is claimed right before it is sent, its lease renewed by a heartbeat and again before each
 * message, so no item's lease runs out while it waits behind slow sends. A slow send holds one
 * lane (for at most the send timeout); the other lanes keep going. On stop nothing new starts,
 * sends in flight get a short grace, then are aborted and their items handed back.
 */
import cron, { type ScheduledTask } from 'node-cron';
import type { Engine } from '../../core/engine.js';
import { DeliveryError } from '../../core/errors.js';
import type { Platform } from '../../core/domain/types.js';
import { messagesOf } from '../../core/views/reply.js';
import type { Clock, DueWorkStore, Notifier, OutboxItem } from '../../core/ports.js';
import type { Logger } from '../../logger.js';
import { noMetrics, type Metrics } from '../metrics/metrics.js';

export interface SchedulerOptions {
  store: DueWorkStore;
  engine: Engine;
  clock: Clock;
  logger: Logger;
  /** A deadline more than this far in the past when claimed is announced as "closed late". */
  lateAfterMs?: number;
  /** The safety sweep, a cron expression; every minute by default. */
  sweep?: string;
  maxAttempts?: number;
  /** How long a claimed outbox item is held before another process may take it; 2 minutes by default. */
  leaseMs?: number;
  /**
   * A send still going after this long is aborted and retried later; half the lease by default.
   * The adapters bound their SDKs' own retries well below it, so a call never outlives its send.
   */
  sendTimeoutMs?: number;
  /**
   * Items sent at once (lanes), so one slow channel never holds up another poll's post; 8 by
   * default. A lane claims its next item only when it is free, so nothing waits claimed (its
   * lease running out) and an instance holds at most this many items.
   */
  sendConcurrency?: number;
  /** On stop, how long sends in flight may finish before they are aborted and handed back; 5 s by default. */
  stopGraceMs?: number;
  /** Posts retried and given up, by platform. */
  metrics?: Metrics;
}

/**
 * How long to wait before trying a failed post again, or null to give up. Adapters translate
 * their platform's errors into a DeliveryError: a refused channel or a permanent failure is not
 * cured by retrying; a rate limit says when to come back. Anything else is transient: backoff.
 */
export function retryDelay(err: unknown, attempts: number, maxAttempts: number): number | null {
  if (attempts >= maxAttempts) return null;
  if (err instanceof DeliveryError) {
    if (err.kind === 'refused' || err.kind === 'permanent') return null;
    if (err.retryAfterMs !== undefined) return err.retryAfterMs;
  }
  return Math.min(600_000, 5_000 * 2 ** (attempts - 1));
}

/** `work`, or a rejection as soon as `signal` aborts: a notifier that ignores the signal cannot hold the send. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** The reason a send is aborted when the scheduler stops: its item is handed back, not counted as a failure. */
const STOPPING = new Error('the scheduler is stopping');

export class DeadlineScheduler {
  private readonly notifiers = new Map<Platform, Notifier>();
  private sweep?: ScheduledTask;
  private timer?: NodeJS.Timeout;
  /** The current round: claims and sends until no lane finds more work, then aims the timer. */
  private running: Promise<void> | undefined;
  private stopped = false;
  /** Lanes of the current round that are still running, and who waits for them all to end. */
  private lanes = 0;
  private lanesEnded: Array<() => void> = [];
  /** Whether the round still starts lanes; past that, a tick asks for another pass instead. */
  private filling = false;
  private again = false;
  /** A tick asked for due work to be claimed: the next lane to look for work claims it first. */
  private dueWanted = false;
  private claimingDue: Promise<void> | undefined;
  /** Sends in flight, so stop() can abort them. */
  private readonly sending = new Set<AbortController>();

  constructor(private readonly options: SchedulerOptions) {}

  register(platform: Platform, notifier: Notifier): void {
    this.notifiers.set(platform, notifier);
  }

  start(): void {
    this.stopped = false;
    this.sweep = cron.schedule(this.options.sweep ?? '0 * * * * *', () => void this.tick());
    void this.tick();
  }

  /** Something due was created or moved (a new poll, a reopen, a new deadline): aim the timer again. */
  rearm(): void {
    if (this.stopped || !this.sweep) return;
    void this.armTimer().catch((err: unknown) => this.options.logger.error({ err }, 'scheduler could not re-arm'));
  }

  /**
   * Starts nothing new; sends in flight get `stopGraceMs` to finish, then are aborted and their
   * items handed back (due at once, for another instance). Resolves when every send has settled.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.sweep?.stop();
    if (this.timer) clearTimeout(this.timer);
    const round = this.running;
    if (!round) return;
    const grace = setTimeout(() => {
      for (const send of this.sending) send.abort(STOPPING);
    }, this.options.stopGraceMs ?? 5_000);
    try {
      await round;
    } finally {
      clearTimeout(grace);
    }
  }

  /**
   * Lets `ms` pass on a clock the caller moves (the console's `sleep`): steps through each due
   * instant on the way, as real time would, so a deadline closes on time rather than "late".
   */
  async passTime(ms: number, advance: (ms: number) => void): Promise<void> {
    const { clock, store } = this.options;
    const target = clock.now() + ms;
    // Bounded: every step claims what is due, so the next due instant moves on.
    for (let step = 0; step < 10_000; step++) {
      const next = await store.nextDueAt();
      if (next === undefined || next > target) break;
      const before = clock.now();
      if (next > before) advance(next - before);
      await this.tick();
      // Work that stays due (a send failing with no retry time) must not hold the walk.
      if (next <= before && (await store.nextDueAt()) === next) break;
    }
    advance(Math.max(0, target - clock.now()));
    await this.tick();
  }

  /**
   * Claims due work and sends what is pending. A tick during a round joins it: due work is
   * claimed by the next free lane (or a new one), so a slow send never holds up a new deadline.
   * Resolves when the round has sent everything it took.
   */
  tick(): Promise<void> {
    if (this.stopped) return this.running ?? Promise.resolve();
    this.dueWanted = true;
    if (this.running) {
      if (this.filling) this.addLane();
      else this.again = true;
      return this.running;
    }
    this.running = this.runRound().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async runRound(): Promise<void> {
    do {
      this.again = false;
      this.filling = true;
      const ended = new Promise<void>((resolve) => this.lanesEnded.push(resolve));
      this.addLane();
      await ended;
      this.filling = false;
      try {
        await this.armTimer();
      } catch (err) {
        this.options.logger.error({ err }, 'scheduler could not arm its timer');
      }
    } while (this.again && !this.stopped);
  }

  /** Opens one more lane, while there is room: the first when a pass starts, another each time a lane finds work. */
  private addLane(): void {
    if (!this.filling || this.stopped || this.lanes >= (this.options.sendConcurrency ?? 8)) return;
    this.lanes++;
    void this.lane();
  }

  /**
   * One lane: claims an item only when it is free to send it, so no item waits claimed (its lease
   * running out) behind a slow send. Never rejects: every item is settled or logged on its own.
   */
  private async lane(): Promise<void> {
    const { store, clock, logger } = this.options;
    try {
      // Unbounded, yet no spin: a failed item comes back only after its backoff, and gives up after maxAttempts.
      while (!this.stopped) {
        if (this.dueWanted) await this.claimDue();
        if (this.stopped) break;
        const [item] = await store.claimOutbox(clock.now(), 1, this.leaseMs);
        if (!item) break;
        if (this.stopped) {
          await this.handBack(item);
          break;
        }
        // There was work: another lane looks for more while this one sends.
        this.addLane();
        await this.sendHoldingLease(item);
      }
    } catch (err) {
      logger.error({ err }, 'scheduler could not take outbox work');
    } finally {
      if (--this.lanes === 0) for (const resolve of this.lanesEnded.splice(0)) resolve();
    }
  }

  /** Claims due deadlines and reminders; lanes asking at once share one claim. */
  private claimDue(): Promise<void> {
    this.claimingDue ??= (async () => {
      const { store, clock, logger } = this.options;
      this.dueWanted = false;
      try {
        const claimed = await store.claimDue(clock.now(), this.options.lateAfterMs ?? 300_000);
        if (claimed) logger.info({ claimed }, 'claimed due work');
      } catch (err) {
        logger.error({ err }, 'scheduler could not claim due work');
      }
    })().finally(() => {
      this.claimingDue = undefined;
    });
    return this.claimingDue;
  }

  /** Gives an item not (fully) sent back, due at once, so another instance takes it now rather than when its lease runs out. */
  private async handBack(item: OutboxItem): Promise<void> {
    const { store, clock, logger } = this.options;
    try {
      await store.release(item.id, item.lease, clock.now());
      logger.info({ item }, 'handed a scheduled post back on stop');
    } catch (err) {
      logger.warn({ err, item }, 'could not hand a scheduled post back on stop; it is taken again when its lease runs out');
    }
  }

  private get leaseMs(): number {
    return this.options.leaseMs ?? 120_000;
  }

  /**
   * Sends one item while keeping its lease: a heartbeat, from the claim on, extends it every
   * quarter lease, so a slow platform never lets another process take the item and post it too.
   * A send that outlives `sendTimeoutMs`, or whose lease was lost, is aborted. Never rejects.
   */
  private async sendHoldingLease(item: OutboxItem): Promise<void> {
    const { store, clock, logger } = this.options;
    const abort = new AbortController();
    this.sending.add(abort);
    const timeout = setTimeout(() => abort.abort(new Error('the send took too long')), this.options.sendTimeoutMs ?? this.leaseMs / 2);
    const heartbeat = setInterval(() => {
      void store.extendLease(item.id, item.lease, clock.now() + this.leaseMs).then(
        (held) => {
          if (!held && !abort.signal.aborted) {
            logger.warn({ item }, 'lost the lease of a scheduled post while sending it; stopping');
            abort.abort(new Error('the lease was lost'));
          }
        },
        (err: unknown) => logger.warn({ err, item }, 'could not extend the lease of a scheduled post'),
      );
    }, this.leaseMs / 4);
    try {
      await this.send(item, abort.signal);
    } catch (err) {
      // A store error (reading the poll, settling the item): logged, and retried later if the store lets us say so.
      logger.error({ err, item }, 'a scheduled post failed in the store');
      const wait = retryDelay(err, item.attempts + 1, this.options.maxAttempts ?? 8);
      await store.markFailed(item.id, item.lease, err instanceof Error ? err.message : String(err), wait === null ? null : clock.now() + wait).catch((again: unknown) => {
        logger.warn({ err: again, item }, 'could not record the failure; the item is taken again when its lease runs out');
      });
    } finally {
      clearTimeout(timeout);
      clearInterval(heartbeat);
      this.sending.delete(abort);
    }
  }

  /**
   * Right before each message: a stopping scheduler hands the item back instead, and the lease is
   * renewed, so a post never goes out for an item that is someone else's now. False: do not post.
   */
  private async mayPost(item: OutboxItem): Promise<boolean> {
    const { store, clock, logger } = this.options;
    if (this.stopped) {
      await this.handBack(item);
      return false;
    }
    if (await store.extendLease(item.id, item.lease, clock.now() + this.leaseMs)) return true;
    logger.warn({ item }, 'the lease of a scheduled post ran out before it was sent; another instance has it');
    return false;
  }

  private async send(item: OutboxItem, signal: AbortSignal): Promise<void> {
    const { store, engine, clock, logger } = this.options;
    const poll = await engine.queries.getPoll(item.pollId);
    if (!poll || poll.status === 'deleted') {
      const damaged = poll ? undefined : await engine.scheduled.unreadablePoll(item.pollId);
      if (damaged && damaged.status !== 'deleted') {
        // Nothing can be drawn from it, now or later: failed for good (and so logged once), the reason kept on the item.
        logger.warn({ item, code: damaged.code, problem: damaged.problem }, 'skipping scheduled work: the poll could not be read');
        await store.markFailed(item.id, item.lease, `POLL_UNREADABLE ${damaged.problem}`, null);
        return;
      }
      await store.markSent(item.id, item.lease, clock.now());
      return;
    }
    const notifier = this.notifiers.get(poll.channel.platform);
    if (!notifier) {
      // That platform is not connected in this process; another instance (or a later start) sends it.
      await store.release(item.id, item.lease, clock.now() + 30_000);
      return;
    }
    try {
      const view = item.work.kind === 'deadline' ? await engine.scheduled.deadlineAnnouncement(poll, item.work.late) : await engine.scheduled.reminder(poll);
      // Part by part, each recorded once posted: a retry after a failed part goes on from there.
      const parts = view ? messagesOf(view) : [];
      for (let part = item.partsSent; part < parts.length; part++) {
        if (!(await this.mayPost(item))) return;
        await untilAborted(notifier.post(poll, parts[part]!, { key: `yj${item.id}p${part}`, signal }), signal);
        if (!(await store.markPartsSent(item.id, item.lease, part + 1))) throw new Error('the lease was lost');
      }
      if (item.work.kind === 'deadline') await untilAborted(notifier.refreshPoll(poll), signal);
      if (!(await store.markSent(item.id, item.lease, clock.now()))) logger.warn({ item }, 'a scheduled post went out after its lease was lost');
    } catch (err) {
      if (signal.reason === STOPPING) {
        // Cut short by a stop: not the platform's fault; another instance sends it now.
        await this.handBack(item);
        return;
      }
      const wait = retryDelay(err, item.attempts + 1, this.options.maxAttempts ?? 8);
      const retryAt = wait === null ? null : clock.now() + wait;
      if (retryAt === null) logger.error({ err, item }, 'giving up on a scheduled post');
      else logger.warn({ err, item, retryAt }, 'scheduled post failed; will retry');
      (this.options.metrics ?? noMetrics).delivery(poll.channel.platform, retryAt === null ? 'failed' : 'retried');
      await store.markFailed(item.id, item.lease, err instanceof Error ? err.message : String(err), retryAt);
    }
  }

  private async armTimer(): Promise<void> {
    if (this.stopped) return;
    const next = await this.options.store.nextDueAt();
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (next === undefined) return;
    // Work still due right after a run (more than one batch, or a failing store) waits a second,
    // so nothing spins. Timers cap near 24.8 days; the sweep covers anything further out.
    const ahead = next - this.options.clock.now();
    const wait = ahead <= 0 ? 1_000 : Math.min(ahead + 50, 2 ** 31 - 1);
    this.timer = setTimeout(() => void this.tick(), wait);
    this.timer.unref();
  }
}
