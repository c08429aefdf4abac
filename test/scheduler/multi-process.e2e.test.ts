/**
 * Three real scheduler processes on one database (PostgreSQL, and one SQLite file): every
 * deadline and every reminder is posted once, the work is shared, and a process killed while it
 * sends costs at most one repeat of that one item.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { afterEach, expect, it } from 'vitest';
import type { PollSpec } from '../../src/core/domain/types.js';
import { clockShiftEnv } from '../support/clock-shift-env.js';
import { describeEachStore, type DialectFixture } from '../support/pg-store-dialects.js';

const POLLS = 100;
/** Deadlines are spread over this long, starting a few seconds after the polls are made. */
const SPREAD_MS = 5_000;

interface Post {
  process: string;
  code: string;
  text: string;
}

/**
 * The loopback "platform": records every post; `hold` keeps a request unanswered, as a hung send;
 * `refuse` answers 503 (Slack's "service unavailable"), recorded apart since nothing was posted.
 */
class Recorder {
  posts: Post[] = [];
  refused: Post[] = [];
  private waiters: Array<() => void> = [];
  hold?: (post: Post) => boolean;
  refuse?: (post: Post) => boolean;
  held?: { post: Post; res: ServerResponse };
  private readonly server = createServer((req, res) => void this.receive(req, res));

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    if (!address || typeof address === 'string') throw new Error('no address');
    return `http://127.0.0.1:${address.port}/post`;
  }

  private async receive(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body = '';
    for await (const chunk of req) body += String(chunk);
    const post = JSON.parse(body) as Post;
    if (this.refuse?.(post)) {
      this.refused.push(post);
      res.writeHead(503).end();
      return;
    }
    this.posts.push(post);
    for (const wake of this.waiters.splice(0)) wake();
    if (!this.held && this.hold?.(post)) {
      this.held = { post, res };
      return;
    }
    res.end('ok');
  }

  /** Resolves when `done()` holds, checked at every post. */
  async until(done: () => boolean, timeoutMs: number, what: string): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    while (!done()) {
      const left = deadline - performance.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}; ${this.posts.length} posts so far`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const kindOf = (post: Post) => (/closed at its deadline/.test(post.text) ? 'deadline' : /Still waiting/.test(post.text) ? 'reminder' : 'other');
const itemOf = (post: Post) => `${post.code}:${kindOf(post)}`;

function countBy<T>(items: T[], key: (t: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

const children: ChildProcess[] = [];
afterEach(async () => {
  await Promise.all(
    children.splice(0).map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    ),
  );
});

/** Starts a scheduler process and resolves once it runs. */
function startProcess(d: DialectFixture, name: string, recorderUrl: string, extra: Record<string, string> = {}): Promise<ChildProcess> {
  const config = d.config();
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/scheduler-process.ts'], {
    cwd: process.cwd(),
    env: {
      PATH: process.env.PATH ?? '',
      ...clockShiftEnv(),
      PROCESS_NAME: name,
      RECORDER_URL: recorderUrl,
      DATABASE_PATH: config.databasePath,
      ...(config.databaseUrl ? { DATABASE_URL: config.databaseUrl } : {}),
      ...extra,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`${name} exited (${code}) before it was ready: ${stderr}`)));
  });
}

/** POLLS polls whose reminders are due now and whose deadlines fall over SPREAD_MS from `firstDeadlineMs` on. */
async function makePolls(d: DialectFixture, firstDeadlineMs = 3_000): Promise<string[]> {
  const store = await d.open();
  // The test's own reading of the system clock, the one the child processes run on.
  const now = Date.now();
  const codes: string[] = [];
  for (let i = 0; i < POLLS; i++) {
    const deadline = now + firstDeadlineMs + Math.round((i * SPREAD_MS) / (POLLS - 1));
    const spec: PollSpec = {
      kind: 'date',
      title: `Poll ${i}`,
      timezone: 'UTC',
      days: { type: 'dates', dates: ['2026-12-01'] },
      durationSlots: 1,
      expected: [{ id: 'bob', name: 'bob' }],
      required: [],
      // Due a minute before the deadline, so already due: made two minutes ago.
      remindMinutes: [1],
      hidden: false,
      deadline,
    };
    const poll = await store.polls.createPoll({ channel: { platform: 'console', workspaceId: 'w', channelId: 'c' }, creator: { id: 'ann', name: 'ann' }, spec, createdAt: now - 120_000 }, () => `M${i}`);
    codes.push(poll.code);
  }
  return codes;
}

describeEachStore('three scheduler processes', (d) => {
  it('post every deadline and every reminder exactly once, sharing the work', async () => {
    const recorder = new Recorder();
    const url = await recorder.start();
    try {
      // Started together on a fresh database: on PostgreSQL they migrate it at once, under the lock.
      await Promise.all(['p1', 'p2', 'p3'].map((name) => startProcess(d, name, url)));
      const codes = await makePolls(d);
      const expected = codes.flatMap((code) => [`${code}:deadline`, `${code}:reminder`]);
      await recorder.until(() => new Set(recorder.posts.map(itemOf)).size >= expected.length, 60_000, 'every item');
      // Anything posted twice would arrive within a lease round; the posts so far are counted after the schedulers stop.
      await Promise.all(children.map((c) => new Promise<void>((resolve) => (c.once('exit', () => resolve()), c.kill('SIGTERM')))));
      const counts = countBy(recorder.posts, itemOf);
      expect([...counts.keys()].sort()).toEqual([...expected].sort());
      expect([...counts.values()].every((n) => n === 1)).toBe(true);
      expect(new Set(recorder.posts.map((p) => p.process)).size).toBeGreaterThanOrEqual(2);
    } finally {
      await recorder.close();
    }
  }, 120_000);

  it('a platform answering 503 for longer than the lease to several polls: each posted once, the healthy polls posted meanwhile', async () => {
    const recorder = new Recorder();
    const url = await recorder.start();
    // A three-second lease (short, but with room for a loaded machine's pauses between heartbeats);
    // the refused sends are retried, as an SDK retries, for several times that. Four lanes each:
    // the slow polls can fill every lane of one process, and what it claimed behind them must not
    // wait out its lease there (to be taken and posted by the other process, then by it too).
    const settings = { LEASE_MS: '3000', SEND_TIMEOUT_MS: '60000', SEND_CONCURRENCY: '4' };
    const SLOW = 6;
    const slow = new Set<string>();
    const posted = () => new Set(recorder.posts.map(itemOf));
    // The first SLOW items seen are refused until every other item has been posted: a healthy poll
    // that waited behind them would never arrive, and the test would time out.
    recorder.refuse = (post) => {
      const item = itemOf(post);
      if (slow.size < SLOW && !posted().has(item)) slow.add(item);
      return slow.has(item) && posted().size < POLLS * 2 - SLOW;
    };
    try {
      await Promise.all([startProcess(d, 'p1', url, settings), startProcess(d, 'p2', url, settings)]);
      // Later deadlines, so every reminder goes out before its poll closes even on a loaded machine.
      const codes = await makePolls(d, 15_000);
      const expected = codes.flatMap((code) => [`${code}:deadline`, `${code}:reminder`]);
      await recorder.until(() => posted().size >= expected.length, 90_000, 'every item');
      await Promise.all(children.map((c) => new Promise<void>((resolve) => (c.once('exit', () => resolve()), c.kill('SIGTERM')))));
      const counts = countBy(recorder.posts, itemOf);
      expect([...counts.keys()].sort()).toEqual([...expected].sort());
      expect([...counts].filter(([, n]) => n !== 1)).toEqual([]);
      // Each slow item was refused for seconds, many lease lengths, and only its lease holder kept trying.
      expect(slow.size).toBe(SLOW);
      for (const item of slow) {
        const refusals = recorder.refused.filter((p) => itemOf(p) === item);
        expect(refusals.length, item).toBeGreaterThan(5);
        expect(new Set(refusals.map((p) => p.process)).size, item).toBe(1);
      }
    } finally {
      await recorder.close();
    }
  }, 120_000);

  it('a process killed mid-send: what it was sending is posted at most twice, every other item once', async () => {
    const recorder = new Recorder();
    const url = await recorder.start();
    // Four lanes (so it holds at most four items) and a short lease: what the killed process held comes back to the others soon.
    const settings = { LEASE_MS: '4000', SEND_CONCURRENCY: '4' };
    let seenFromVictim = 0;
    recorder.hold = (post) => post.process === 'victim' && ++seenFromVictim === 3;
    try {
      // The victim starts alone, so the others cannot take every item before it has posted its third
      // (on a loaded machine they did); they join once its send hangs.
      const victim = await startProcess(d, 'victim', url, settings);
      // Later deadlines: in small claims the reminders take longer to go out, and a poll closed before its reminder is sent gets none.
      const codes = await makePolls(d, 15_000);
      await recorder.until(() => recorder.held !== undefined, 60_000, 'a send by the victim to hang');
      await Promise.all([startProcess(d, 'p2', url, settings), startProcess(d, 'p3', url, settings)]);
      const exited = new Promise<void>((resolve) => victim.once('exit', () => resolve()));
      victim.kill('SIGKILL');
      await exited;
      recorder.held!.res.destroy();
      const expected = codes.flatMap((code) => [`${code}:deadline`, `${code}:reminder`]);
      await recorder.until(() => new Set(recorder.posts.map(itemOf)).size >= expected.length, 60_000, 'every item');
      // The hung item is due again when its lease runs out, and another process sends it.
      const hung = itemOf(recorder.held!.post);
      await recorder.until(() => (countBy(recorder.posts, itemOf).get(hung) ?? 0) >= 2, 20_000, 'the hung item to be taken over');
      await Promise.all(children.filter((c) => c !== victim).map((c) => new Promise<void>((resolve) => (c.once('exit', () => resolve()), c.kill('SIGTERM')))));
      const counts = countBy(recorder.posts, itemOf);
      expect([...counts.keys()].sort()).toEqual([...expected].sort());
      // Once by the killed process (the platform got it, the store never heard), once by the one that took over.
      expect(counts.get(hung)).toBe(2);
      // A process sends a few items at once, so others it was sending when it died may be repeated
      // too: each at most twice, and only items the killed process had posted. Nothing else twice.
      const byVictim = new Set(recorder.posts.filter((p) => p.process === 'victim').map(itemOf));
      expect([...counts].filter(([item, n]) => n > 2 || (n === 2 && !byVictim.has(item)))).toEqual([]);
      expect([...counts].filter(([, n]) => n === 2).length).toBeLessThanOrEqual(4);
    } finally {
      await recorder.close();
    }
  }, 120_000);
});
