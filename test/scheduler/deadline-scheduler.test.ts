import pino from 'pino';
import { afterEach, expect, it, vi } from 'vitest';
import { Engine } from '../../src/core/engine.js';
import { DeliveryError } from '../../src/core/errors.js';
import type { Poll } from '../../src/core/domain/types.js';
import type { Clock, DueWorkStore, Notifier, OutboxItem, ScheduledDelivery } from '../../src/core/ports.js';
import type { View } from '../../src/core/views/reply.js';
import { ManualClock } from '../support/manual-clock.js';
import type { Store } from '../../src/infra/db/open-store.js';
import { CanvasHeatmapRenderer } from '../../src/infra/heatmap/canvas-heatmap-renderer.js';
import { DeadlineScheduler, type SchedulerOptions } from '../../src/infra/scheduler/deadline-scheduler.js';
import { CAPS, T0, textOf } from '../helpers.js';
import { describeEachStore, type DialectFixture } from '../support/pg-store-dialects.js';

const silent = pino({ level: 'silent' });

/** A channel that records what it was sent; it can be told to fail like a platform 500. */
class RecordingChannel implements Notifier {
  posts: Array<{ code: string; text: string }> = [];
  refreshes = 0;
  failNext = 0;
  /** Calls to post (counted from 1) that fail once. */
  failCalls = new Set<number>();
  private calls = 0;
  async post(poll: Poll, view: View, _delivery?: ScheduledDelivery): Promise<void> {
    if (this.failCalls.delete(++this.calls)) throw Object.assign(new Error('platform answered 500'), { status: 500 });
    if (this.failNext > 0) {
      this.failNext--;
      throw Object.assign(new Error('platform answered 500'), { status: 500 });
    }
    this.posts.push({ code: poll.code, text: textOf(view) });
  }
  async refreshPoll(): Promise<void> {
    this.refreshes++;
  }
}

/** Counts the scheduler's wake-ups: each run starts by claiming due work. */
class CountingStore implements DueWorkStore {
  claims = 0;
  /** Told what each outbox claim took. */
  onClaimOutbox?: (items: OutboxItem[]) => void;
  constructor(private readonly inner: DueWorkStore) {}
  claimDue(now: number, lateAfterMs: number): Promise<number> {
    this.claims++;
    return this.inner.claimDue(now, lateAfterMs);
  }
  nextDueAt(): Promise<number | undefined> {
    return this.inner.nextDueAt();
  }
  async claimOutbox(now: number, limit: number, leaseMs: number): Promise<OutboxItem[]> {
    const items = await this.inner.claimOutbox(now, limit, leaseMs);
    this.onClaimOutbox?.(items);
    return items;
  }
  markSent(id: number, lease: string, now: number): Promise<boolean> {
    return this.inner.markSent(id, lease, now);
  }
  release(id: number, lease: string, now: number): Promise<boolean> {
    return this.inner.release(id, lease, now);
  }
  markFailed(id: number, lease: string, error: string, retryAt: number | null): Promise<boolean> {
    return this.inner.markFailed(id, lease, error, retryAt);
  }
  extendLease(id: number, lease: string, until: number): Promise<boolean> {
    return this.inner.extendLease(id, lease, until);
  }
  outboxBacklog(now: number): Promise<{ pending: number; oldestDueAt?: number }> {
    return this.inner.outboxBacklog(now);
  }
  markPartsSent(id: number, lease: string, partsSent: number): Promise<boolean> {
    return this.inner.markPartsSent(id, lease, partsSent);
  }
}

/** Fake timers that move Date too, and a clock that reads them: the scheduler's real timer path, in fast time. */
function fakeTimeClock(): Clock {
  vi.useFakeTimers({ now: T0, toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  return { now: () => Date.now() };
}

/**
 * Store calls still waiting for the database. PostgreSQL answers over a socket, in real time, so
 * fake time may only move on once they are done; SQLite answers at once.
 */
class InFlight {
  private count = 0;

  track<T extends object>(target: T): T {
    return new Proxy(target, {
      get: (t, key) => {
        const value: unknown = Reflect.get(t, key);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          const out: unknown = value.apply(t, args);
          if (out instanceof Promise) {
            this.count++;
            const done = () => void this.count--;
            out.then(done, done);
          }
          return out;
        };
      },
    });
  }

  /** Resolves once no call has been waiting for a few turns of the real event loop. */
  async settle(): Promise<void> {
    for (let quiet = 0; quiet < 5; ) {
      await new Promise((resolve) => setImmediate(resolve));
      quiet = this.count === 0 ? quiet + 1 : 0;
    }
  }
}

/** Moves fake time on by `ms` in one-second steps, letting the database answer between steps. */
async function passFakeTime(ms: number, inFlight: InFlight): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    await inFlight.settle();
    const left = end - Date.now();
    if (left <= 0) return;
    await vi.advanceTimersByTimeAsync(Math.min(left, 1_000));
  }
}

/** One process of the bot on the test's store: its own connection, engine, scheduler and recording channel. */
async function instance(d: DialectFixture, running: DeadlineScheduler[], clock: Clock, options: Partial<SchedulerOptions> = {}) {
  const opened: Store = await d.open();
  const inFlight = new InFlight();
  const store = new CountingStore(inFlight.track(opened.dueWork));
  let scheduler: DeadlineScheduler | undefined;
  const engine = new Engine({
    store: inFlight.track(opened.polls),
    clock,
    heatmap: new CanvasHeatmapRenderer(),
    defaultTimezone: 'Asia/Seoul',
    defaultLocale: 'en',
    onDueWorkChanged: () => scheduler?.rearm(),
  });
  const channel = new RecordingChannel();
  scheduler = new DeadlineScheduler({ store, engine, clock, logger: silent, ...options });
  scheduler.register('console', channel);
  running.push(scheduler);
  return { opened, engine, channel, scheduler, store, passFakeTime: (ms: number) => passFakeTime(ms, inFlight) };
}

const actor = (name: string) => ({
  channel: { platform: 'console' as const, workspaceId: 'w', channelId: 'c' },
  user: { id: name, name },
  isAdmin: false,
  locale: 'en' as const,
});

/** A promise with its resolve exposed: a gate a test opens, or a signal it waits for. */
function signal<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** Makes the channel's first `n` posts wait for `gate`; `entered` resolves once all `n` have started. */
function holdFirstPosts(channel: RecordingChannel, n: number, gate: Promise<void>) {
  const entered = signal();
  const signals: AbortSignal[] = [];
  const post = channel.post.bind(channel);
  let calls = 0;
  channel.post = async (p, v, delivery) => {
    if (++calls <= n) {
      if (delivery) signals.push(delivery.signal);
      if (calls === n) entered.resolve();
      await gate;
    }
    return post(p, v);
  };
  return { entered: entered.promise, signals };
}

/** How many times each poll was posted, over every channel given. */
function postsPerPoll(...channels: RecordingChannel[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const post of channels.flatMap((c) => c.posts)) counts.set(post.code, (counts.get(post.code) ?? 0) + 1);
  return counts;
}

async function poll(engine: Engine, text: string): Promise<string> {
  const replies = await engine.runText(actor('host'), `/yakjeong create ${text}`, CAPS);
  return (replies[0] as { view: View }).view.pollCode!;
}

describeEachStore('deadline scheduler', (d) => {
  /** Every scheduler a test made, stopped before the fixture closes its stores. */
  const running: DeadlineScheduler[] = [];
  afterEach(async () => {
    for (const scheduler of running.splice(0)) await scheduler.stop();
    vi.useRealTimers();
  });
  const start = (clock: Clock, options: Partial<SchedulerOptions> = {}) => instance(d, running, clock, options);

  it('closes a poll on time and announces the best times once', async () => {
    const clock = new ManualClock(T0);
    const a = await start(clock);
    const code = await poll(a.engine, 'Lunch kind:date dates:12/1-12/3 deadline:1h');
    await a.engine.runText(actor('ann'), '/yakjeong answer 12/2', CAPS);
    clock.advance(3_599_000);
    await a.scheduler.tick();
    expect(a.channel.posts).toHaveLength(0);
    clock.advance(2_000);
    await a.scheduler.tick();
    await a.scheduler.tick();
    expect(a.channel.posts).toHaveLength(1);
    expect(a.channel.posts[0]!.text).toMatch(/closed at its deadline[\s\S]*1\. Wed, Dec 2/);
    expect(a.channel.refreshes).toBe(1);
    expect((await a.engine.runText(actor('host'), `/yakjeong results ${code}`, CAPS)).length).toBe(1);
  });

  it('announces exactly once when two processes (or a restart) race for the same deadline', async () => {
    const clock = new ManualClock(T0);
    const a = await start(clock);
    await poll(a.engine, 'Race kind:date dates:12/1 deadline:1h');
    const b = await start(clock);
    clock.advance(3_601_000);
    await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);
    // "Restart": a third instance on the same file finds nothing left to do.
    const c = await start(clock);
    await c.scheduler.tick();
    expect(a.channel.posts.length + b.channel.posts.length + c.channel.posts.length).toBe(1);
  });

  it('catches up after downtime and says the poll closed late', async () => {
    const clock = new ManualClock(T0);
    const a = await start(clock);
    await poll(a.engine, 'Late kind:date dates:12/1 deadline:1h');
    await a.scheduler.stop();
    await a.opened.close();
    clock.advance(5 * 3_600_000);
    const b = await start(clock);
    await b.scheduler.tick();
    expect(b.channel.posts).toHaveLength(1);
    expect(b.channel.posts[0]!.text).toContain('closed late');
  });

  it('retries a failed post with backoff, then sends it once', async () => {
    const clock = new ManualClock(T0);
    const a = await start(clock);
    await poll(a.engine, 'Retry kind:date dates:12/1 deadline:1h');
    a.channel.failNext = 1;
    clock.advance(3_601_000);
    await a.scheduler.tick();
    expect(a.channel.posts).toHaveLength(0);
    await a.scheduler.tick(); // too early for the retry
    expect(a.channel.posts).toHaveLength(0);
    clock.advance(5_000);
    await a.scheduler.tick();
    await a.scheduler.tick();
    expect(a.channel.posts).toHaveLength(1);
  });

  it('gives up at once, without looping, when the platform says the channel is gone', async () => {
    const clock = new ManualClock(T0);
    const a = await start(clock);
    await poll(a.engine, 'Gone kind:date dates:12/1 deadline:1h');
    a.channel.post = async () => {
      // What an adapter's notifier throws for Slack's channel_not_found or Discord's 403.
      throw new DeliveryError('refused', { platformCode: 'channel_not_found' });
    };
    clock.advance(3_601_000);
    await a.scheduler.tick();
    clock.advance(3_600_000);
    await a.scheduler.tick();
    const rows = await d.query('select status, attempts from outbox');
    expect(rows).toEqual([{ status: 'failed', attempts: 1 }]);
  });

  it('honours Retry-After from a rate-limited platform', async () => {
    const clock = new ManualClock(T0);
    const a = await start(clock);
    await poll(a.engine, 'Busy kind:date dates:12/1 deadline:1h');
    const post = a.channel.post.bind(a.channel);
    let calls = 0;
    a.channel.post = async (p, v) => {
      if (calls++ === 0) throw new DeliveryError('rate-limited', { retryAfterMs: 30_000 });
      return post(p, v);
    };
    clock.advance(3_601_000);
    await a.scheduler.tick();
    clock.advance(29_000);
    await a.scheduler.tick();
    expect(a.channel.posts).toHaveLength(0);
    clock.advance(2_000);
    await a.scheduler.tick();
    expect(a.channel.posts).toHaveLength(1);
  });

  it('reminds only the expected people who have not answered, once per offset', async () => {
    const clock = new ManualClock(T0);
    const a = await start(clock);
    await poll(a.engine, 'Nudge kind:date dates:12/1-12/2 deadline:3h remind:2h,1h with:@ann @bob @cy');
    await a.engine.runText(actor('ann'), '/yakjeong answer 12/1', CAPS);
    clock.advance(3_600_000 + 1_000); // 2h before the deadline
    await a.scheduler.tick();
    await a.scheduler.tick();
    expect(a.channel.posts.map((p) => p.text)).toEqual([expect.stringMatching(/Still waiting for <@bob>, <@cy>/)]);
    expect(a.channel.posts[0]!.text).not.toContain('ann');
    await a.engine.runText(actor('bob'), '/yakjeong answer 12/2', CAPS);
    await a.engine.runText(actor('cy'), '/yakjeong answer 12/2', CAPS);
    clock.advance(3_600_000); // 1h before: everyone answered, so no reminder is posted
    await a.scheduler.tick();
    expect(a.channel.posts).toHaveLength(1);
  });

  it('a reminder split over two messages whose second fails is retried from there: each message posted once', async () => {
    const clock = new ManualClock(T0);
    const a = await start(clock);
    const people = Array.from({ length: 60 }, (_, i) => `@p${String(i).padStart(2, '0')}`).join(' ');
    await poll(a.engine, `Crowd kind:date dates:12/1-12/2 deadline:3h remind:2h with:${people}`);
    a.channel.failCalls.add(2);
    clock.advance(3_600_000 + 1_000);
    await a.scheduler.tick();
    expect(a.channel.posts).toHaveLength(1);
    clock.advance(5_000);
    await a.scheduler.tick();
    await a.scheduler.tick();
    expect(a.channel.posts).toHaveLength(2);
    const mentioned = a.channel.posts.flatMap((p) => p.text.match(/<@p\d+>/g) ?? []);
    expect(mentioned).toHaveLength(60);
    expect(new Set(mentioned).size).toBe(60);
  });

  it('tells the creator, with a Close now button, when everyone expected has answered', async () => {
    const clock = new ManualClock(T0);
    const a = await start(clock);
    await poll(a.engine, 'All in kind:date dates:12/1 with:@ann @bob');
    await a.engine.runText(actor('ann'), '/yakjeong answer 12/1', CAPS);
    const replies = await a.engine.runText(actor('bob'), '/yakjeong answer 12/1', CAPS);
    const toCreator = replies.find((r) => r.type === 'post' && r.audience.kind === 'user' && r.audience.userId === 'host');
    expect(toCreator && toCreator.type === 'post' && textOf(toCreator.view)).toContain('Everyone you expected has answered');
    const button = toCreator && toCreator.type === 'post' ? toCreator.view.buttons[0]![0]! : undefined;
    await a.engine.click(actor('host'), button!.id, CAPS);
    expect((await a.engine.queries.getPoll(1))?.status).toBe('closed');
  });

  it('posts every reminder once each and still closes on time when the console sleeps through them all', async () => {
    const clock = new ManualClock(T0);
    const a = await start(clock);
    await poll(a.engine, 'Long kind:date dates:12/1-12/2 deadline:3d remind:24h,1h with:@bob');
    await a.scheduler.passTime(4 * 86_400_000, (ms) => clock.advance(ms));
    const texts = a.channel.posts.map((p) => p.text);
    expect(texts.filter((t) => /Still waiting for <@bob>/.test(t))).toHaveLength(2);
    expect(texts.filter((t) => /closed at its deadline/.test(t))).toHaveLength(1);
    expect(texts.join('\n')).not.toContain('closed late');
  });

  it('a sleep past a reminder and the deadline closes the poll on time, not "late"', async () => {
    const clock = new ManualClock(T0);
    const a = await start(clock);
    await poll(a.engine, 'Soon kind:date dates:12/1 deadline:90m remind:1h with:@bob');
    await a.scheduler.passTime(6_000_000, (ms) => clock.advance(ms));
    expect(a.channel.posts.map((p) => p.text)).toEqual([
      expect.stringMatching(/Still waiting for <@bob>/),
      expect.stringMatching(/closed at its deadline/),
    ]);
    expect(a.channel.posts[1]!.text).not.toContain('closed late');
  });

  it('is late only when claimed more than 5 minutes after the deadline; a retried send stays on time', async () => {
    const clock = new ManualClock(T0);
    const a = await start(clock);
    await poll(a.engine, 'Flaky kind:date dates:12/1 deadline:1h');
    a.channel.failNext = 4;
    clock.advance(3_600_000 + 60_000);
    // The post fails four times, backing off 5 s, 10 s, 20 s and 40 s; the fifth try is 11 minutes after the deadline.
    for (let i = 0; i < 5; i++) {
      await a.scheduler.tick();
      clock.advance(120_000);
    }
    expect(a.channel.posts).toHaveLength(1);
    expect(a.channel.posts[0]!.text).not.toContain('closed late');
  });

  it('a reopened poll with a new deadline is reminded again', async () => {
    const clock = new ManualClock(T0);
    const a = await start(clock);
    const code = await poll(a.engine, 'Again kind:date dates:12/1-12/2 deadline:2h remind:1h with:@bob');
    await a.scheduler.passTime(3 * 3_600_000, (ms) => clock.advance(ms));
    expect(a.channel.posts.map((p) => p.text)).toEqual([expect.stringMatching(/Still waiting/), expect.stringMatching(/closed at its deadline/)]);
    await a.engine.runText(actor('host'), `/yakjeong reopen ${code} deadline:3h`, CAPS);
    await a.scheduler.passTime(4 * 3_600_000, (ms) => clock.advance(ms));
    expect(a.channel.posts.map((p) => p.text)).toEqual([
      expect.stringMatching(/Still waiting/),
      expect.stringMatching(/closed at its deadline/),
      expect.stringMatching(/Still waiting/),
      expect.stringMatching(/closed at its deadline/),
    ]);
  });

  it('a poll reopened after its deadline needs a new one, and its reminders fire again for that deadline', async () => {
    const clock = new ManualClock(T0);
    const a = await start(clock);
    const code = await poll(a.engine, 'Late kind:date dates:12/1-12/2 deadline:2h remind:1h,30m with:@bob');
    await a.scheduler.passTime(3 * 3_600_000, (ms) => clock.advance(ms));
    expect(a.channel.posts).toHaveLength(3);
    await expect(a.engine.runText(actor('host'), `/yakjeong reopen ${code}`, CAPS)).rejects.toMatchObject({ code: 'REOPEN_NEEDS_DEADLINE' });
    await a.engine.runText(actor('host'), `/yakjeong reopen ${code} deadline:2h`, CAPS);
    await a.scheduler.passTime(3 * 3_600_000, (ms) => clock.advance(ms));
    expect(a.channel.posts.map((p) => p.text)).toEqual([
      expect.stringMatching(/Still waiting for <@bob>/),
      expect.stringMatching(/Still waiting for <@bob>/),
      expect.stringMatching(/closed at its deadline/),
      expect.stringMatching(/Still waiting for <@bob>/),
      expect.stringMatching(/Still waiting for <@bob>/),
      expect.stringMatching(/closed at its deadline/),
    ]);
    // Each offset was claimed once per deadline: that keying is what lets them fire again.
    const claimed = await d.query('select deadline, offset_minutes as "offset" from reminders_sent order by deadline, offset_minutes desc');
    const first = T0 + 2 * 3_600_000;
    const second = T0 + 5 * 3_600_000;
    expect(claimed).toEqual([
      { deadline: first, offset: 60 },
      { deadline: first, offset: 30 },
      { deadline: second, offset: 60 },
      { deadline: second, offset: 30 },
    ]);
  });

  it('sleeps between due instants: a few wake-ups in the hour between a reminder and the deadline', async () => {
    const clock = fakeTimeClock();
    // A daily sweep, so every wake-up counted here is the timer's own.
    const a = await start(clock, { sweep: '0 0 0 * * *' });
    await poll(a.engine, 'Quiet kind:date dates:12/1 deadline:2h remind:1h with:@bob');
    a.scheduler.start();
    await a.passFakeTime(3_600_000 + 1_000);
    expect(a.channel.posts).toHaveLength(1);
    const before = a.store.claims;
    await a.passFakeTime(3_600_000 - 2_000);
    expect(a.store.claims - before).toBeLessThanOrEqual(3);
    expect(a.channel.posts).toHaveLength(1);
    await a.passFakeTime(2_000);
    expect(a.channel.posts).toHaveLength(2);
    expect(a.channel.posts[1]!.text).toMatch(/closed at its deadline/);
  });

  it('a poll created while the scheduler sleeps is closed at its own deadline, not at the next sweep', async () => {
    const clock = fakeTimeClock();
    // The sweep runs once a day here, so only the re-armed timer can close the poll on time.
    const a = await start(clock, { sweep: '0 0 0 * * *' });
    await poll(a.engine, 'Far kind:date dates:12/1 deadline:20h');
    a.scheduler.start();
    await a.passFakeTime(1_000);
    await poll(a.engine, 'Near kind:date dates:12/1 deadline:10m');
    await a.passFakeTime(600_000 + 2_000);
    expect(a.channel.posts.map((p) => p.text)).toEqual([expect.stringMatching(/Near[\s\S]*closed at its deadline|closed at its deadline[\s\S]*Near/)]);
  });

  it('reopening keeps every reminder offset for later deadlines, and never posts one whose moment passed while closed', async () => {
    const clock = new ManualClock(T0);
    const a = await start(clock);
    const code = await poll(a.engine, 'Offsets kind:date dates:12/1-12/2 deadline:2d remind:24h,1h with:@bob');
    await a.engine.runText(actor('host'), `/yakjeong close ${code}`, CAPS);
    clock.advance(30 * 3_600_000); // the 24h reminder's moment passes while the poll is closed
    const notice = await a.engine.runText(actor('host'), `/yakjeong reopen ${code}`, CAPS);
    expect(textOf((notice[0] as { view: View }).view)).toMatch(/reopened[\s\S]*Deadline: <t:\d+>/);
    await a.scheduler.tick();
    expect(a.channel.posts).toHaveLength(0);
    await a.engine.runText(actor('host'), `/yakjeong close ${code}`, CAPS);
    await a.engine.runText(actor('host'), `/yakjeong reopen ${code} deadline:90m`, CAPS);
    await a.engine.runText(actor('host'), `/yakjeong close ${code}`, CAPS);
    await a.engine.runText(actor('host'), `/yakjeong reopen ${code} deadline:3d`, CAPS);
    await a.scheduler.passTime(4 * 86_400_000, (ms) => clock.advance(ms));
    expect(a.channel.posts.map((p) => p.text)).toEqual([
      expect.stringMatching(/Still waiting/),
      expect.stringMatching(/Still waiting/),
      expect.stringMatching(/closed at its deadline/),
    ]);
  });

  it('claims only what its lanes can send: items behind slow sends are never posted twice by two processes', async () => {
    const clock = fakeTimeClock();
    // A send timeout far past the lease: only the heartbeat keeps the slow sends' items.
    const options = { sendConcurrency: 4, sendTimeoutMs: 3_600_000 };
    const a = await start(clock, options);
    const codes: string[] = [];
    for (let i = 0; i < 8; i++) codes.push(await poll(a.engine, `Queue${i} kind:date dates:12/1 deadline:1h`));
    await a.passFakeTime(3_601_000);
    const gate = signal();
    const slow = holdFirstPosts(a.channel, 4, gate.promise);
    const round = a.scheduler.tick();
    await slow.entered;
    // The slow sends outlast the lease (120 s) with their heartbeats; anything merely queued behind them would not.
    await a.passFakeTime(150_000);
    const b = await start(clock, options);
    await b.scheduler.tick();
    // The healthy polls went out while the four slow sends held a's lanes.
    expect(b.channel.posts).toHaveLength(4);
    gate.resolve();
    await round;
    expect(postsPerPoll(a.channel, b.channel)).toEqual(new Map(codes.map((code) => [code, 1])));
  });

  it('posts nothing whose lease was lost before its turn came: the lease is checked right before each send', async () => {
    const clock = new ManualClock(T0);
    const a = await start(clock);
    const code = await poll(a.engine, 'Stalled kind:date dates:12/1 deadline:1h');
    clock.advance(3_601_000);
    // The poll's read stalls (a slow database, a blocked event loop) past the lease, without a heartbeat.
    const reading = signal();
    const gate = signal();
    const getPoll = a.engine.queries.getPoll.bind(a.engine.queries);
    a.engine.queries.getPoll = async (id) => {
      reading.resolve();
      await gate.promise;
      return getPoll(id);
    };
    const round = a.scheduler.tick();
    await reading.promise;
    clock.advance(121_000);
    const b = await start(clock);
    await b.scheduler.tick();
    gate.resolve();
    await round;
    expect(postsPerPoll(a.channel, b.channel)).toEqual(new Map([[code, 1]]));
    expect(b.channel.posts).toHaveLength(1);
  });

  it('on stop, lets the send in flight finish, starts nothing new, and leaves the rest for another instance at once', async () => {
    const clock = new ManualClock(T0);
    const a = await start(clock, { sendConcurrency: 1 });
    const codes = [await poll(a.engine, 'One kind:date dates:12/1 deadline:1h'), await poll(a.engine, 'Two kind:date dates:12/1 deadline:1h')];
    clock.advance(3_601_000);
    const gate = signal();
    const held = holdFirstPosts(a.channel, 1, gate.promise);
    void a.scheduler.tick();
    await held.entered;
    const stopped = a.scheduler.stop();
    gate.resolve();
    await stopped;
    expect(a.channel.posts).toHaveLength(1);
    expect(held.signals[0]!.aborted).toBe(false);
    // No clock moves: what a did not start is due now, for anyone.
    const b = await start(clock);
    await b.scheduler.tick();
    expect(b.channel.posts).toHaveLength(1);
    expect(postsPerPoll(a.channel, b.channel)).toEqual(new Map(codes.map((c) => [c, 1])));
  });

  it('on stop, aborts a send that outlasts the grace and hands its item back at once', async () => {
    const clock = new ManualClock(T0);
    // The send timeout matters only to a scheduler that would wait for it.
    const a = await start(clock, { sendConcurrency: 1, stopGraceMs: 0, sendTimeoutMs: 2_000 });
    const codes = [await poll(a.engine, 'One kind:date dates:12/1 deadline:1h'), await poll(a.engine, 'Two kind:date dates:12/1 deadline:1h')];
    clock.advance(3_601_000);
    // A hung platform call that gives up only when its signal aborts.
    const entered = signal<AbortSignal>();
    a.channel.post = (_p, _v, delivery) =>
      new Promise<void>((_resolve, reject) => {
        entered.resolve(delivery!.signal);
        delivery!.signal.addEventListener('abort', () => reject(delivery!.signal.reason as Error), { once: true });
      });
    void a.scheduler.tick();
    const sending = await entered.promise;
    await a.scheduler.stop();
    expect(sending.aborted).toBe(true);
    expect(await d.query('select status, attempts, lease from outbox order by id')).toEqual([
      { status: 'pending', attempts: 0, lease: null },
      { status: 'pending', attempts: 0, lease: null },
    ]);
    const b = await start(clock);
    await b.scheduler.tick();
    expect(postsPerPoll(b.channel)).toEqual(new Map(codes.map((c) => [c, 1])));
  });

  it('one item failing in the store does not end the round while another is still being sent', async () => {
    const clock = new ManualClock(T0);
    const a = await start(clock, { sendConcurrency: 2 });
    await poll(a.engine, 'Broken kind:date dates:12/1 deadline:1h');
    const code = await poll(a.engine, 'Fine kind:date dates:12/1 deadline:1h');
    clock.advance(3_601_000);
    const getPoll = a.engine.queries.getPoll.bind(a.engine.queries);
    a.engine.queries.getPoll = async (id) => {
      if (id === 1) throw new Error('the database went away');
      return getPoll(id);
    };
    // The healthy send waits until a lane has dealt with the failure and looked for more work.
    const gate = signal();
    a.store.onClaimOutbox = (items) => {
      if (items.length === 0) gate.resolve();
    };
    const post = a.channel.post.bind(a.channel);
    a.channel.post = async (p, v) => {
      if (p.code === code) await gate.promise;
      return post(p, v);
    };
    const postsWhenDone = await a.scheduler.tick().then(() => a.channel.posts.length);
    gate.resolve();
    expect(postsWhenDone).toBe(1);
    expect(a.channel.posts.map((p) => p.code)).toEqual([code]);
    // The failed item is retried later with backoff, like any failed send.
    expect(await d.query('select status, attempts from outbox where poll_id = 1')).toEqual([{ status: 'pending', attempts: 1 }]);
  });
});
