/**
 * Closes polls at their deadline, sends reminders, and drains the outbox. A precise timer fires
 * at the next due instant, so a deadline is met within a second and the process sleeps in
 * between; a node-cron sweep once a minute catches what another process created. Claiming is
 * done by the store in a transaction, so any number of processes may run this.
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
  /** How many outbox items one round claims; 50 by default. */
  outboxBatch?: number;
  /**
   * A send still going after this long is aborted and retried later; half the lease by default.
   * The adapters bound their SDKs' own retries well below it, so a call never outlives its send.
   */
  sendTimeoutMs?: number;
  /** Items sent at once, so one slow channel never holds up another poll's post; 4 by default. */
  sendConcurrency?: number;
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

/** Runs `work` over `items`, at most `limit` at a time. */
async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
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

export class DeadlineScheduler {
  private readonly notifiers = new Map<Platform, Notifier>();
  private sweep?: ScheduledTask;
  private timer?: NodeJS.Timeout;
  private running: Promise<void> | undefined;
  private stopped = false;

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

  async stop(): Promise<void> {
    this.stopped = true;
    await this.sweep?.stop();
    if (this.timer) clearTimeout(this.timer);
    await this.running;
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

  /** Claims due work and sends what is pending. Concurrent calls share one run. */
  tick(): Promise<void> {
    this.running ??= this.runOnce().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async runOnce(): Promise<void> {
    const { store, clock, logger } = this.options;
    try {
      const claimed = await store.claimDue(clock.now(), this.options.lateAfterMs ?? 300_000);
      if (claimed) logger.info({ claimed }, 'claimed due work');
      const items = await store.claimOutbox(clock.now(), this.options.outboxBatch ?? 50, this.leaseMs);
      await inParallel(items, this.options.sendConcurrency ?? 4, (item) => this.sendHoldingLease(item));
      await this.armTimer();
    } catch (err) {
      logger.error({ err }, 'scheduler tick failed');
    }
  }

  private get leaseMs(): number {
    return this.options.leaseMs ?? 120_000;
  }

  /**
   * Sends one item while keeping its lease: a heartbeat extends it every quarter lease, so a slow
   * platform never lets another process take the item and post it too. A send that outlives
   * `sendTimeoutMs`, or whose lease was lost, is aborted.
   */
  private async sendHoldingLease(item: OutboxItem): Promise<void> {
    const { store, clock, logger } = this.options;
    const abort = new AbortController();
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
    } finally {
      clearTimeout(timeout);
      clearInterval(heartbeat);
    }
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
        await untilAborted(notifier.post(poll, parts[part]!, { key: `yj${item.id}p${part}`, signal }), signal);
        if (!(await store.markPartsSent(item.id, item.lease, part + 1))) throw new Error('the lease was lost');
      }
      if (item.work.kind === 'deadline') await untilAborted(notifier.refreshPoll(poll), signal);
      if (!(await store.markSent(item.id, item.lease, clock.now()))) logger.warn({ item }, 'a scheduled post went out after its lease was lost');
    } catch (err) {
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
