/**
 * results-storm (hardening issue, item 6): 60 people pressing Results at once on a 1,920-slot,
 * 200-person poll while 100 others click slots, against the same clicks with nobody pressing
 * Results, both on the real bot in Slack's HTTP mode. The figure is the clicks' ack p99: renders
 * must not hold the event loop that acknowledges clicks. Every acknowledged click must be stored.
 */
import { encodeAction } from '../src/core/actions.js';
import type { AnswerState } from '../src/core/domain/types.js';
import { FakeSlack } from '../test/slack/fake-slack.js';
import { Acknowledged, loadAgent, post } from './click-load.js';
import { atMost, exactly, figure, percentile, type Bench } from './figure.js';
import { BENCH_ZONE, benchActor, benchDate, benchKit, createPoll, randomInt, scratchDatabase, seedAnswers, seededRandom } from './fixture.js';
import { freePort, launchNode, waitForHealth } from './processes.js';
import { availability } from './ranking.bench.js';
import { blockActions, CHANNEL, personId, POLL_TS, SECRET, signed, TEAM } from './slack-requests.js';

const PEOPLE = 200;
const CLICKERS = 100;
const PRESSERS = 60;
/** Rounds of clicks per phase: every clicker clicks once a round, all at once. */
const ROUNDS = 3;
/** 20 days × 96 quarter hours. */
const SLOTS = 1_920;
const STATES: readonly AnswerState[] = ['yes', 'maybe', 'no'];

export const resultsStormBench: Bench = {
  name: 'results-storm',
  figures: ['results-storm', 'results-storm-lost'],
  async run(note) {
    const fake = new FakeSlack();
    await fake.start();
    const users = Array.from({ length: PEOPLE }, (_, p) => personId(p));
    for (const id of users) fake.addUser({ id, name: id.toLowerCase(), tz: BENCH_ZONE, locale: 'en-US' });
    fake.messages.set(`${CHANNEL.id}:${POLL_TS}`, { channel: CHANNEL.id, ts: POLL_TS, text: '', blocks: [] });

    const scratch = scratchDatabase('results-storm');
    const kit = benchKit(scratch.database);
    const channel = { platform: 'slack' as const, workspaceId: TEAM.id, channelId: CHANNEL.id };
    const poll = await createPoll(kit, benchActor(channel, { id: users[0]!, name: 'creator' }), `Storm dates:${benchDate(7)}..${benchDate(26)} time:00:00-24:00 slot:15m duration:1h`);
    await kit.engine.polls.attachPollMessage(poll.id, `${CHANNEL.id}:${POLL_TS}`);
    const slotCount = kit.engine.queries.layout(poll).slots.length;
    if (slotCount !== SLOTS) throw new Error(`the storm poll has ${slotCount} slots, expected ${SLOTS}`);
    const random = seededRandom(23);
    const seeded = users.map(() => availability(random, SLOTS));
    await seedAnswers(kit, users.map((id, p) => ({ pollId: poll.id, user: { id, name: id.toLowerCase() }, states: seeded[p]!, slotCount: SLOTS })));
    scratch.database.close();

    const acknowledged = new Acknowledged(PEOPLE, SLOTS);
    // The seeded answers are what every person starts from.
    seeded.forEach((states, p) => [...states].forEach((c, slot) => acknowledged.apply(p, { slot, state: c === 'y' ? 'yes' : c === 'm' ? 'maybe' : 'no' })));

    const port = await freePort();
    const bot = launchNode('src/main.ts', {
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: fake.apiUrl,
      YAKJEONG_LOCALE: 'en',
      LOG_LEVEL: 'warn',
      DATABASE_PATH: scratch.path,
      PORT: String(port),
    });
    const agent = loadAgent();
    let n = 0;
    const press = async (p: number, action: string): Promise<{ status: number; ms: number }> => {
      const body = blockActions(users[p]!, action, fake.responseUrl(`storm-${p}-${n}`), n++);
      const start = performance.now();
      const res = await post(agent, port, '/slack/events', signed(body), body);
      return { status: res.status, ms: performance.now() - start };
    };
    const clickRound = async (round: number): Promise<number[]> => {
      const acks = await Promise.all(
        Array.from({ length: CLICKERS }, async (_, c) => {
          const p = PRESSERS + c;
          const click = { slot: randomInt(random, SLOTS), state: STATES[(c + round + STATES.length) % STATES.length]! };
          const sent = await press(p, encodeAction({ verb: 'set', code: poll.code, ...click }));
          if (sent.status !== 200) return Infinity;
          acknowledged.apply(p, click);
          return sent.ms;
        }),
      );
      return acks;
    };
    try {
      await waitForHealth(port, bot);
      // Warm-up: every clicker once, and one Results press (fonts, the first render).
      await clickRound(-1);
      await press(0, encodeAction({ verb: 'results', code: poll.code }));
      const quiet: number[] = [];
      for (let round = 0; round < ROUNDS; round++) quiet.push(...(await clickRound(round)));
      const uploadsBefore = fake.uploads.size;
      const storm: number[] = [];
      const presses = Promise.all(Array.from({ length: PRESSERS }, (_, p) => press(p, encodeAction({ verb: 'results', code: poll.code }))));
      for (let round = 0; round < ROUNDS; round++) storm.push(...(await clickRound(ROUNDS + round)));
      const pressed = await presses;
      // Let the renders drain before reading the database and stopping the bot (bounded).
      const until = performance.now() + 120_000;
      while (fake.uploads.size - uploadsBefore < PRESSERS && performance.now() < until) await new Promise((r) => setTimeout(r, 200));
      const quiet99 = percentile(quiet, 99);
      const storm99 = percentile(storm, 99);
      note(`clicks alone: ack p50 ${percentile(quiet, 50).toFixed(1)} p99 ${quiet99.toFixed(1)} ms; with ${PRESSERS} Results presses: p50 ${percentile(storm, 50).toFixed(1)} p99 ${storm99.toFixed(1)} ms; presses acked p99 ${percentile(pressed.map((x) => x.ms), 99).toFixed(0)} ms; ${fake.uploads.size - uploadsBefore}/${PRESSERS} pictures uploaded`);
      agent.destroy();
      await bot.stop();
      const lost = await acknowledged.lost({ databasePath: scratch.path }, poll.id, users);
      return [
        figure({ name: 'results-storm', value: storm99, unit: 'ms p99', baseline: quiet99, ratio: storm99 / quiet99, target: atMost(1.5) }),
        figure({ name: 'results-storm-lost', value: lost, unit: 'people', baseline: null, ratio: lost, target: exactly(0) }),
      ];
    } finally {
      agent.destroy();
      await bot.stop();
      await fake.close();
      scratch.dispose();
    }
  },
};
