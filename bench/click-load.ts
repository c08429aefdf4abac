/**
 * The load of the click figures: many people at once, each clicking, waiting until the click is
 * done (for the bot: its updated grid reached the platform; for a baseline: the ack), and
 * clicking again. Every person warms up first (the JIT, the bot's user lookups), then all start
 * the measured clicks together, so throughput is read over the measured part alone.
 */
import { Agent, request } from 'node:http';
import type { AnswerState, ChannelRef, UserRef } from '../src/core/domain/types.js';
import { openStore, type StoreConfig } from '../src/infra/db/open-store.js';
import { atLeast, atMost, exactly, figure, percentile, type Figure } from './figure.js';
import { benchActor, benchDate, benchKit, createPoll, randomInt, scratchDatabase, seededRandom, type EngineKit } from './fixture.js';
import { freePort, launchNode, waitForHealth } from './processes.js';

/** Issue #11's load: 200 people at once, 2,000 measured clicks, after one warm-up click each. */
export const PEOPLE = 200;
const WARMUP_EACH = 1;
const CLICKS_EACH = 10;
/** A click not done this long after its ack counts as unfinished (work left queued in the bot). */
export const DONE_TIMEOUT_MS = 15_000;

export interface ClickResult {
  /** The HTTP status of the signed request (200 = acknowledged). */
  status: number;
  /** Milliseconds from sending to the acknowledgement. */
  ackMs: number;
  /** Milliseconds from sending to done, or null when done never came (an error reply, or too late). */
  doneMs: number | null;
}

interface LoadOptions {
  people: number;
  warmupEach: number;
  clicksEach: number;
  /** Person `person`'s `n`th click (n counts the warm-up clicks too). */
  click(person: number, n: number): Promise<ClickResult>;
}

export interface LoadResult {
  /** Done latencies of the measured clicks that were done (ms). */
  done: number[];
  /** Ack latencies of the measured clicks that were acknowledged (ms). */
  acks: number[];
  /** Measured clicks done per second. */
  throughput: number;
  measured: number;
  /** Measured clicks not acknowledged, or acknowledged but never done. */
  unfinished: number;
  seconds: number;
}

async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const { people, warmupEach, clicksEach } = options;
  const person = async (p: number, from: number, to: number, into: ClickResult[]) => {
    for (let n = from; n < to; n++) into.push(await options.click(p, n));
  };
  const ignored: ClickResult[] = [];
  await Promise.all(Array.from({ length: people }, (_, p) => person(p, 0, warmupEach, ignored)));
  const results: ClickResult[] = [];
  const start = performance.now();
  await Promise.all(Array.from({ length: people }, (_, p) => person(p, warmupEach, warmupEach + clicksEach, results)));
  const seconds = (performance.now() - start) / 1000;
  const done = results.flatMap((r) => (r.status === 200 && r.doneMs !== null ? [r.doneMs] : []));
  return {
    done,
    acks: results.flatMap((r) => (r.status === 200 ? [r.ackMs] : [])),
    throughput: done.length / seconds,
    measured: results.length,
    unfinished: results.length - done.length,
    seconds,
  };
}

/**
 * A connection per request, as a platform's deliveries arrive: kept-alive sockets that sit idle
 * while a person waits for their grid are closed by the server and reset the next request.
 */
export function loadAgent(): Agent {
  return new Agent({ keepAlive: false });
}

export function post(agent: Agent, port: number, path: string, headers: Record<string, string>, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.once('error', reject);
    req.end(body);
  });
}

/** Resolves with `value` or with undefined after `ms`, whichever comes first. */
export function within<T>(value: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([value, new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)))]).finally(() => clearTimeout(timer));
}

// ── the poll people click on, and what the database must hold afterwards ─────────────────────

export interface PlannedClick {
  slot: number;
  state: AnswerState;
}

const STATES: readonly AnswerState[] = ['yes', 'maybe', 'no'];
const STATE_CHAR: Record<AnswerState, string> = { yes: 'y', maybe: 'm', no: '.' };

/** Every person's clicks, drawn up front from a seed: the bot and the baseline get the same ones. */
export function planClicks(seed: number, people: number, each: number, slotCount: number): PlannedClick[][] {
  const random = seededRandom(seed);
  return Array.from({ length: people }, () =>
    Array.from({ length: each }, () => ({ slot: randomInt(random, slotCount), state: STATES[randomInt(random, STATES.length)]! })),
  );
}

/** A dated time poll of 45 one-hour slots (9 a day: buttons on both platforms), its message already posted. */
export const CLICK_POLL = `Click storm dates:${benchDate(7)}..${benchDate(11)} time:09:00-18:00 slot:1h`;

/** Creates the click poll on a fresh database file and closes it, for the bot to open. */
export async function seedClickPoll(label: string, channel: ChannelRef, creator: UserRef, messageRef: string) {
  const scratch = scratchDatabase(label);
  const created = await createClickPoll(benchKit(scratch.database), channel, creator, messageRef);
  scratch.database.close();
  return { scratch, ...created };
}

/** Creates the click poll through the engine on any store, its channel message already posted as `messageRef`. */
export async function createClickPoll(kit: EngineKit, channel: ChannelRef, creator: UserRef, messageRef: string) {
  const poll = await createPoll(kit, benchActor(channel, creator), CLICK_POLL);
  await kit.engine.polls.attachPollMessage(poll.id, messageRef);
  return { poll, slotCount: kit.engine.queries.layout(poll).slots.length };
}

/** Each person's answer as the acknowledged clicks, applied in order, leave it. */
export class Acknowledged {
  private readonly states: string[][];
  /** Whether the person has an acknowledged click: a first click stores a row, even a "no". */
  private readonly clicked: boolean[];

  constructor(people: number, slotCount: number) {
    this.states = Array.from({ length: people }, () => Array.from({ length: slotCount }, () => '.'));
    this.clicked = Array.from({ length: people }, () => false);
  }

  apply(person: number, click: PlannedClick): void {
    this.states[person]![click.slot] = STATE_CHAR[click.state];
    this.clicked[person] = true;
  }

  /**
   * People whose stored answer differs from their acknowledged clicks (or who are missing, or should
   * not be there), read through openStore as the bot reads them: a SQLite file or PostgreSQL.
   */
  async lost(where: StoreConfig, pollId: number, userIds: readonly string[]): Promise<number> {
    const store = await openStore(where);
    try {
      const stored = new Map((await store.polls.participants(pollId)).map((p) => [p.user.id, p.states]));
      let lost = [...stored.keys()].filter((id) => !userIds.includes(id)).length;
      userIds.forEach((id, person) => {
        const expected = this.clicked[person] ? this.states[person]!.join('') : undefined;
        if (stored.get(id) !== expected) lost++;
      });
      return lost;
    } finally {
      await store.close();
    }
  }
}

/** The three figures of a click bench: done latency, throughput, and answers lost or clicks left unfinished. */
function clickFigures(name: string, ours: LoadResult, baseline: LoadResult, lost: number, minThroughput: number): Figure[] {
  const ours99 = ours.done.length ? percentile(ours.done, 99) : Infinity;
  const base99 = percentile(baseline.done, 99);
  const missing = lost + ours.unfinished;
  return [
    figure({ name, value: ours99, unit: 'ms p99', baseline: base99, ratio: ours99 / base99, target: atMost(2) }),
    figure({ name: `${name}-throughput`, value: ours.throughput, unit: 'clicks/s', baseline: baseline.throughput, ratio: ours.throughput / baseline.throughput, target: atLeast(minThroughput) }),
    figure({ name: `${name}-lost`, value: missing, unit: 'clicks', baseline: null, ratio: missing, target: exactly(0) }),
  ];
}

/** A line for the reader: what each side did. */
function describeLoad(label: string, r: LoadResult): string {
  const p = (xs: number[], q: number) => (xs.length ? percentile(xs, q).toFixed(1) : '—');
  return `${label}: ${r.measured} clicks in ${r.seconds.toFixed(1)} s (${r.throughput.toFixed(0)}/s), ack p50 ${p(r.acks, 50)} p99 ${p(r.acks, 99)} ms, done p50 ${p(r.done, 50)} p99 ${p(r.done, 99)} ms, unfinished ${r.unfinished}`;
}

// ── one click bench: the baseline, then the bot, under the same load ──────────────────────────

/** Where one click goes: the launched process, and whether it is the bot (which must also finish the click). */
export interface ClickTarget {
  port: number;
  agent: Agent;
  /** Unique per launched process, for ids that must not repeat across the two runs. */
  label: string;
  bot: boolean;
}

export interface ClickBench {
  name: string;
  baseline: { label: string; script: string };
  /** The environment both processes get (PORT and DATABASE_PATH are added). */
  env: Record<string, string>;
  seeded: Awaited<ReturnType<typeof seedClickPoll>>;
  /** Platform user ids, one a person. */
  users: readonly string[];
  seed: number;
  minThroughput: number;
  /** Sends person `p`'s `n`th click; for the bot, resolves once the click is done (or will never be). */
  send(target: ClickTarget, p: number, n: number, click: PlannedClick): Promise<ClickResult>;
}

export async function runClickBench(bench: ClickBench, note: (line: string) => void): Promise<Figure[]> {
  const { scratch, poll, slotCount } = bench.seeded;
  const plan = planClicks(bench.seed, PEOPLE, WARMUP_EACH + CLICKS_EACH, slotCount);
  const measure = async (label: string, script: string, acknowledged?: Acknowledged): Promise<LoadResult> => {
    const port = await freePort();
    const proc = launchNode(script, { ...bench.env, DATABASE_PATH: scratch.path, PORT: String(port) });
    try {
      await waitForHealth(port, proc);
      const agent = loadAgent();
      const target: ClickTarget = { port, agent, label, bot: acknowledged !== undefined };
      const result = await runLoad({
        people: PEOPLE,
        warmupEach: WARMUP_EACH,
        clicksEach: CLICKS_EACH,
        async click(p, n) {
          const click = plan[p]![n]!;
          const sent = await bench.send(target, p, n, click);
          if (sent.status === 200) acknowledged?.apply(p, click);
          // A baseline does nothing after its ack: its click is done when acknowledged.
          return acknowledged ? sent : { ...sent, doneMs: sent.status === 200 ? sent.ackMs : null };
        },
      });
      agent.destroy();
      note(describeLoad(label, result));
      return result;
    } finally {
      const code = await proc.stop();
      // A baseline has no shutdown of its own: SIGTERM ends it, as it should.
      if (code !== 0 && code !== 'SIGTERM') note(`${label} exited with ${code}: ${proc.output().slice(-500)}`);
    }
  };
  const baseline = await measure(bench.baseline.label, bench.baseline.script);
  const acknowledged = new Acknowledged(PEOPLE, slotCount);
  const ours = await measure('yakjeong', 'src/main.ts', acknowledged);
  const lost = await acknowledged.lost({ databasePath: scratch.path }, poll.id, bench.users);
  note(`${bench.name}: ${lost} people's stored answers differ from their acknowledged clicks`);
  return clickFigures(bench.name, ours, baseline, lost, bench.minThroughput);
}
