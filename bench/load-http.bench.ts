/**
 * load-http (issue #14): the bot scaled out. Three instances of the real bot in Slack's HTTP mode
 * (`node --import tsx src/main.ts`) share one fresh PostgreSQL database, with the fake Slack Web
 * API on loopback; 10,000 signed slot clicks arrive 32 at a time, round-robin over the instances as
 * a load balancer would spread them. Beside it, the same clicks on one instance on SQLite (the
 * deployment it scales out from). Throughput, latency and CPU are recorded, not targeted: what
 * must hold is that every click is acknowledged and every acknowledged answer is stored.
 */
import { encodeAction } from '../src/core/actions.js';
import { openStore, type StoreConfig } from '../src/infra/db/open-store.js';
import { FakeSlack } from '../test/slack/fake-slack.js';
import { createTestDatabase, type TestDatabase } from '../test/support/pg-test-database.js';
import { Acknowledged, createClickPoll, loadAgent, planClicks, post, seedClickPoll, type PlannedClick } from './click-load.js';
import { exactly, failedFigure, figure, percentile, type Bench, type Figure } from './figure.js';
import { BENCH_ZONE, engineKit } from './fixture.js';
import { cpuMs, freePort, launchNode, programPid, waitForHealth, type Launched } from './processes.js';
import { blockActions, CHANNEL, personId, POLL_TS, SECRET, signed, TEAM, watchResponses } from './slack-requests.js';

const INSTANCES = 3;
const CLICKS = 10_000;
const CONCURRENCY = 32;
/** A multiple of CONCURRENCY, so each lane owns its people and a person's clicks never overlap (see `runClicks`). */
const PEOPLE = 6 * CONCURRENCY;
/** How long the instances may take, after the last ack, to post the grids they still owe. */
const DRAIN_TIMEOUT_MS = 60_000;

const FIGURES = ['load-http', 'load-http-p50', 'load-http-p99', 'load-http-cpu', 'load-http-errors', 'load-http-lost'] as const;
/** Only these two carry targets: throughput, latency and CPU are recorded for reading, not judged. */
const ZERO = exactly(0);

/** One deployment under the load: its instances' count and where they keep the data. */
interface Deployment {
  label: string;
  instances: number;
  /** DATABASE_URL or DATABASE_PATH, as the bot reads it. */
  storeEnv: Record<string, string>;
  /** The same place, for reading the answers back through openStore. */
  where: StoreConfig;
  pollId: number;
}

interface Measured {
  /** Ack latencies (ms) of the measured clicks acknowledged with 200. */
  acks: number[];
  /** Measured clicks not acknowledged with 200 (another status, or no answer at all). */
  errors: number;
  /** Measured clicks per second, from the first sent to the last one's grid posted (or the drain's end). */
  throughput: number;
  /** The instances' CPU (user + system) over the measured clicks and their drain, per click (ms). */
  cpuPerClick: number;
  /** People whose stored answer differs from what their acknowledged clicks leave. */
  lost: number;
}

/**
 * Runs clicks `from` … `from + count - 1` at CONCURRENCY: lane i sends the clicks k ≡ i (mod
 * CONCURRENCY) one after another. Click k is person k mod PEOPLE's, and PEOPLE is a multiple of
 * CONCURRENCY, so each person's clicks are all in one lane, in order: the order acknowledged is
 * the order sent, and what the person's stored answer must be is well defined.
 */
async function runClicks(from: number, count: number, click: (k: number) => Promise<void>): Promise<void> {
  const lane = async (first: number) => {
    for (let k = first; k < from + count; k += CONCURRENCY) await click(k);
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, (_, i) => lane(from + i)));
}

export const loadHttpBench: Bench = {
  name: 'load-http',
  figures: FIGURES,
  async run(note) {
    const fake = new FakeSlack();
    await fake.start();
    const users = Array.from({ length: PEOPLE }, (_, p) => personId(p));
    for (const id of users) fake.addUser({ id, name: id.toLowerCase(), tz: BENCH_ZONE, locale: 'en-US' });
    const messageRef = `${CHANNEL.id}:${POLL_TS}`;
    fake.messages.set(messageRef, { channel: CHANNEL.id, ts: POLL_TS, text: '', blocks: [] });
    const channel = { platform: 'slack' as const, workspaceId: TEAM.id, channelId: CHANNEL.id };
    const creator = { id: users[0]!, name: 'creator' };
    // Grids the instances posted back (the response_url), and anything else posted there (an error).
    const posted = { grids: 0, other: 0 };
    watchResponses(fake, (p) => (p.body.replace_original === true ? posted.grids++ : posted.other++));

    let database: TestDatabase | undefined;
    const seeded = await seedClickPoll('load-http', channel, creator, messageRef);
    try {
      try {
        database = await createTestDatabase('load_http', 'yakjeong_bench');
      } catch (err) {
        note(`load-http skipped: no PostgreSQL to create a database on (${err instanceof Error ? err.message : String(err)}). Start it (e.g. \`pg_ctlcluster 15 main start\`) or set TEST_DATABASE_URL to a server where the user may CREATE DATABASE.`);
        return FIGURES.map((name) => failedFigure(name, name.endsWith('-errors') || name.endsWith('-lost') ? ZERO : undefined));
      }
      // The poll is made before any instance starts, through the real engine on the real store.
      const pgWhere: StoreConfig = { databasePath: '(unused: the URL wins)', databaseUrl: database.url };
      const store = await openStore(pgWhere);
      const { poll } = await createClickPoll(engineKit(store.polls), channel, creator, messageRef).finally(() => store.close());
      const plan = planClicks(43, PEOPLE, Math.ceil((PEOPLE + CLICKS) / PEOPLE), seeded.slotCount);
      if (poll.code !== seeded.poll.code) throw new Error(`the two polls' codes differ (${poll.code}, ${seeded.poll.code}): the clicks would not be the same`);

      const measure = async (d: Deployment): Promise<Measured> => {
        const launched: Launched[] = [];
        const ports: number[] = [];
        const env = { SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl, YAKJEONG_LOCALE: 'en', LOG_LEVEL: 'warn', ...d.storeEnv };
        const agent = loadAgent();
        try {
          for (let i = 0; i < d.instances; i++) {
            ports.push(await freePort());
            launched.push(launchNode('src/main.ts', { ...env, PORT: String(ports[i]) }));
          }
          await Promise.all(launched.map((proc, i) => waitForHealth(ports[i]!, proc)));
          const programs = launched.map((proc) => programPid(proc.child.pid!));
          const cpu = () => programs.reduce((sum, pid) => sum + cpuMs(pid), 0);

          const acknowledged = new Acknowledged(PEOPLE, seeded.slotCount);
          const acks: number[] = [];
          let errors = 0;
          let acked = 0;
          posted.grids = posted.other = 0;
          const click = async (k: number, into?: number[]) => {
            const p = k % PEOPLE;
            const planned: PlannedClick = plan[p]![Math.floor(k / PEOPLE)]!;
            const body = blockActions(users[p]!, encodeAction({ verb: 'set', code: poll.code, ...planned }), fake.responseUrl(`load-${d.instances}-${k}`), k);
            const start = performance.now();
            // Round-robin, as a load balancer spreads requests over the instances.
            const status = await post(agent, ports[k % d.instances]!, '/slack/events', signed(body), body).then((r) => r.status, () => 0);
            if (status !== 200) {
              if (into) errors++;
              return;
            }
            acked++;
            acknowledged.apply(p, planned);
            into?.push(performance.now() - start);
          };
          const drained = async () => {
            const until = performance.now() + DRAIN_TIMEOUT_MS;
            while (posted.grids + posted.other < acked && performance.now() < until) await new Promise((r) => setTimeout(r, 20));
          };

          // Warm-up: every person once (the JIT, each instance's user lookups), drained before measuring.
          await runClicks(0, PEOPLE, (k) => click(k));
          await drained();
          const cpuBefore = cpu();
          const start = performance.now();
          await runClicks(PEOPLE, CLICKS, (k) => click(k, acks));
          const ackSeconds = (performance.now() - start) / 1000;
          await drained();
          const seconds = (performance.now() - start) / 1000;
          const cpuPerClick = (cpu() - cpuBefore) / CLICKS;
          const owed = acked - posted.grids - posted.other;
          note(
            `${d.label}: ${CLICKS} clicks acknowledged in ${ackSeconds.toFixed(1)} s, grids all posted after ${seconds.toFixed(1)} s ` +
              `(${(CLICKS / seconds).toFixed(0)} clicks/s), ack p50 ${acks.length ? percentile(acks, 50).toFixed(1) : '—'} p99 ${acks.length ? percentile(acks, 99).toFixed(1) : '—'} ms, ` +
              `${cpuPerClick.toFixed(2)} CPU ms a click, ${errors} errors, ${posted.other} error replies, ${owed} grids never posted`,
          );
          agent.destroy();
          const codes = await Promise.all(launched.splice(0).map((proc) => proc.stop()));
          codes.forEach((code, i) => code !== 0 && note(`${d.label} instance ${i} exited with ${code}`));
          return { acks, errors, throughput: CLICKS / seconds, cpuPerClick, lost: await acknowledged.lost(d.where, d.pollId, users) };
        } finally {
          agent.destroy();
          await Promise.all(launched.map((proc) => proc.stop()));
        }
      };

      const sqlite = await measure({ label: 'sqlite ×1', instances: 1, storeEnv: { DATABASE_PATH: seeded.scratch.path }, where: { databasePath: seeded.scratch.path }, pollId: seeded.poll.id });
      const pg = await measure({ label: `postgres ×${INSTANCES}`, instances: INSTANCES, storeEnv: { DATABASE_URL: database.url }, where: pgWhere, pollId: poll.id });
      note(`lost answers: postgres ${pg.lost}, sqlite ${sqlite.lost} (people whose stored answer differs from their acknowledged clicks)`);
      return figures(pg, sqlite);
    } finally {
      await fake.close();
      seeded.scratch.dispose();
      await database?.drop();
    }
  },
};

/** PostgreSQL's figures beside SQLite's; errors and lost count PostgreSQL's run (SQLite's count is the baseline column). */
function figures(pg: Measured, sqlite: Measured): Figure[] {
  const at = (m: Measured, q: number) => (m.acks.length ? percentile(m.acks, q) : Infinity);
  const side = (name: string, unit: string, value: (m: Measured) => number) =>
    figure({ name, value: value(pg), unit, baseline: value(sqlite), ratio: value(pg) / value(sqlite) });
  return [
    side('load-http', 'clicks/s', (m) => m.throughput),
    side('load-http-p50', 'ms ack p50', (m) => at(m, 50)),
    side('load-http-p99', 'ms ack p99', (m) => at(m, 99)),
    side('load-http-cpu', 'CPU ms/click', (m) => m.cpuPerClick),
    figure({ name: 'load-http-errors', value: pg.errors, unit: 'clicks', baseline: sqlite.errors, ratio: pg.errors, target: ZERO }),
    figure({ name: 'load-http-lost', value: pg.lost, unit: 'people', baseline: sqlite.lost, ratio: pg.lost, target: ZERO }),
  ];
}
