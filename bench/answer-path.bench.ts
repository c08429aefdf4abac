/**
 * answer-path: one slot click through the engine (stored, and the person's updated grid built)
 * with 10,000 polls × 20 people in the database and clicks spread uniformly over all of them,
 * against a prepared raw upsert of one row on the same database. answer-path-scale: the same
 * clicks spread over 10 polls instead (nothing should grow with the number of polls), and
 * answer-path-new-person: a first click by someone new on a 5,000-person poll against an
 * existing person's click there.
 */
import { encodeAction } from '../src/core/actions.js';
import { pollCodeGenerator } from '../src/core/domain/poll-code.js';
import type { AnswerState, ChannelRef, Poll, UserRef } from '../src/core/domain/types.js';
import { rawUpsert } from './baselines/raw-upsert.js';
import { atMost, figure, median, percentile, timed, type Bench } from './figure.js';
import {
  BENCH_CAPS,
  BENCH_NOW,
  benchActor,
  benchDate,
  benchKit,
  createPoll,
  randomInt,
  scratchDatabase,
  seedAnswers,
  seededRandom,
  type BenchKit,
} from './fixture.js';
import { availability } from './ranking.bench.js';

const POLLS = 10_000;
const PEOPLE = 20;
/** Polls per channel: people answer the polls of their own channel. */
const POLLS_PER_CHANNEL = 20;
const BIG_POLL_PEOPLE = 5_000;
/** Clicks counted per series, in blocks. */
const CLICKS = 3_000;
const BLOCK = 100;
/**
 * Blocks of each series run first and not counted: the figure is a running bot's p99, not its
 * first minutes'. With one block, 22–33 of the 45 slowest counted clicks fell in the first 600
 * (benchmarks.md, session 11), while the baseline's few lines were warm after a handful of calls.
 */
const WARM_BLOCKS = 5;
const STATES: readonly AnswerState[] = ['yes', 'maybe', 'no'];

interface Target {
  poll: Poll;
  people: UserRef[];
}

function channelOf(index: number): ChannelRef {
  return { platform: 'slack', workspaceId: 'T0BENCH', channelId: `C${String(Math.floor(index / POLLS_PER_CHANNEL)).padStart(4, '0')}` };
}

function peopleOf(channel: ChannelRef, count: number): UserRef[] {
  return Array.from({ length: count }, (_, k) => ({ id: `U${channel.channelId}-${k}`, name: `person ${k}` }));
}

/** 10,000 polls of 90 slots (5 days of half hours), each answered by its channel's 20 people. */
async function seedPolls(kit: BenchKit, random: () => number): Promise<Target[]> {
  const options = `Answer bench dates:${benchDate(7)}..${benchDate(11)} time:09:00-18:00 slot:30m`;
  const first = await createPoll(kit, benchActor(channelOf(0), peopleOf(channelOf(0), 1)[0]!), options);
  const polls: Array<Promise<Poll>> = [Promise.resolve(first)];
  // One outer transaction only saves commits; each poll differs (its title), as real polls do.
  kit.database.sqlite.transaction(() => {
    for (let i = 1; i < POLLS; i++) {
      const channel = channelOf(i);
      const spec = { ...first.spec, title: `Answer bench ${i}` };
      polls.push(kit.store.createPoll({ channel, creator: peopleOf(channel, 1)[0]!, spec, createdAt: BENCH_NOW }, pollCodeGenerator(random)));
    }
  })();
  const targets = (await Promise.all(polls)).map((poll) => ({ poll, people: peopleOf(poll.channel, PEOPLE) }));
  const slotCount = kit.engine.queries.layout(first).slots.length;
  await seedAnswers(
    kit,
    targets.flatMap(({ poll, people }) => people.map((user) => ({ pollId: poll.id, user, states: availability(random, slotCount), slotCount }))),
  );
  return targets;
}

async function seedBigPoll(kit: BenchKit, random: () => number): Promise<Target> {
  const channel: ChannelRef = { platform: 'slack', workspaceId: 'T0BENCH', channelId: 'CBIG' };
  const people = peopleOf(channel, BIG_POLL_PEOPLE);
  const poll = await createPoll(kit, benchActor(channel, people[0]!), `Town hall dates:${benchDate(7)}..${benchDate(11)} time:09:00-18:00 slot:30m`);
  const slotCount = kit.engine.queries.layout(poll).slots.length;
  await seedAnswers(kit, people.map((user) => ({ pollId: poll.id, user, states: availability(random, slotCount), slotCount })));
  return { poll, people };
}

function clickOf(random: () => number, poll: Poll, slotCount: number): string {
  return encodeAction({ verb: 'set', code: poll.code, slot: randomInt(random, slotCount), state: STATES[randomInt(random, STATES.length)]! });
}

export const answerPathBench: Bench = {
  name: 'answer-path',
  figures: ['answer-path', 'answer-path-scale', 'answer-path-new-person'],
  async run(note) {
    const scratch = scratchDatabase('answer-path');
    try {
      const kit = benchKit(scratch.database);
      const random = seededRandom(23);
      let t0 = performance.now();
      const targets = await seedPolls(kit, random);
      const big = await seedBigPoll(kit, random);
      const slotCount = kit.engine.queries.layout(targets[0]!.poll).slots.length;
      const baseline = rawUpsert(scratch.database.sqlite);
      baseline.seed(targets.flatMap(({ poll, people }) => people.map((u) => ({ pollId: poll.id, userId: u.id, states: '.'.repeat(slotCount) }))));
      note(`answer-path: seeded ${POLLS} polls × ${PEOPLE} people and a ${BIG_POLL_PEOPLE}-person poll in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
      t0 = performance.now();

      const narrow = targets.filter((_, i) => i % (POLLS / 10) === 0);
      const click = (pool: readonly Target[]) => {
        const { poll, people } = pool[randomInt(random, pool.length)]!;
        const actor = benchActor(poll.channel, people[randomInt(random, people.length)]!);
        const id = clickOf(random, poll, slotCount);
        return timed(() => kit.engine.click(actor, id, BENCH_CAPS));
      };
      const upsert = () => {
        const { poll, people } = targets[randomInt(random, targets.length)]!;
        const user = people[randomInt(random, people.length)]!;
        const states = availability(random, slotCount);
        return timed(() => baseline.upsert(poll.id, user.id, states, BENCH_NOW));
      };
      let newcomers = 0;
      const bigClick = async (newcomer: boolean) => {
        const user = newcomer ? { id: `NEW-${newcomers++}`, name: `newcomer ${newcomers}` } : big.people[randomInt(random, big.people.length)]!;
        const id = clickOf(random, big.poll, slotCount);
        return timed(() => kit.engine.click(benchActor(big.poll.channel, user), id, BENCH_CAPS));
      };

      const series = { wide: [] as number[], narrow: [] as number[], raw: [] as number[], newcomer: [] as number[], existing: [] as number[] };
      // Blocks alternate, so a busy neighbour slows every series alike; each series' first blocks warm up.
      for (let block = 0; block < WARM_BLOCKS + CLICKS / BLOCK; block++) {
        const keep = block >= WARM_BLOCKS;
        const run = async (into: number[], sample: () => Promise<number>, n = BLOCK) => {
          for (let i = 0; i < n; i++) {
            const ms = await sample();
            if (keep) into.push(ms);
          }
        };
        await run(series.wide, () => click(targets));
        await run(series.narrow, () => click(narrow));
        await run(series.raw, upsert);
        // A fifth as many on the big poll: each newcomer's click grows it by one.
        await run(series.newcomer, () => bigClick(true), BLOCK / 5);
        await run(series.existing, () => bigClick(false), BLOCK / 5);
      }
      const ms = (x: number) => `${x.toFixed(3)} ms`;
      note(
        `answer-path: ${series.wide.length} clicks a series in ${((performance.now() - t0) / 1000).toFixed(0)} s; ` +
          `p50 wide ${ms(median(series.wide))}, narrow ${ms(median(series.narrow))}, raw upsert ${ms(median(series.raw))}; ` +
          `p99 narrow ${ms(percentile(series.narrow, 99))}`,
      );

      const wide99 = percentile(series.wide, 99);
      const raw99 = percentile(series.raw, 99);
      const wide50 = median(series.wide);
      const narrow50 = median(series.narrow);
      const new50 = median(series.newcomer);
      const old50 = median(series.existing);
      return [
        figure({ name: 'answer-path', value: wide99, unit: 'ms p99', baseline: raw99, ratio: wide99 / raw99, target: atMost(6) }),
        figure({ name: 'answer-path-scale', value: wide50, unit: 'ms p50', baseline: narrow50, ratio: wide50 / narrow50, target: atMost(1.3) }),
        figure({ name: 'answer-path-new-person', value: new50, unit: 'ms p50', baseline: old50, ratio: new50 / old50, target: atMost(1.5) }),
      ];
    } finally {
      scratch.dispose();
    }
  },
};
