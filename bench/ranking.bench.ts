/**
 * ranking: the best 1-hour windows of a 1,000-person poll over 14 days of quarter hours, read from
 * the database, against the original plan's naive ranking starting from ISO-string arrays. Cold
 * (a freshly opened connection, a new store and engine: nothing cached but the OS's file cache)
 * carries the target; warm (the same engine again) is reported. A brute-force oracle checks that
 * the fast path ranks exactly as the rule says.
 */
import type { RankedWindow } from '../src/core/domain/ranking.js';
import { openDatabase } from '../src/infra/db/open-database.js';
import { naiveRanking } from './baselines/naive-ranking.js';
import { atLeast, exactly, figure, median, timed, type Bench, type Figure } from './figure.js';
import { BENCH_ZONE, benchActor, benchDate, benchKit, createPoll, randomInt, scratchDatabase, seedAnswers, seededRandom, type BenchKit } from './fixture.js';
import { differences, oracleOptions, type Option } from './ranking-oracle.js';

const PEOPLE = 1000;
const DAYS = 14;
const SLOTS = DAYS * 96;
const RUNS = 15;
/** Results show three options (issue #2): the timed ranking must be exactly the oracle's first three. */
const SHOWN = 3;
const CHANNEL = { platform: 'slack' as const, workspaceId: 'T0BENCH', channelId: 'C0RANKING' };

/**
 * One person's answer: alternating free and busy runs (2 h and 3 h on average, so ~40 % of the
 * slots are free), a quarter of the free runs "if needed".
 */
export function availability(random: () => number, slots: number): string {
  let out = '';
  let free = random() < 0.4;
  while (out.length < slots) {
    const run = 1 + randomInt(random, free ? 15 : 23);
    out += (free ? (random() < 0.25 ? 'm' : 'y') : '.').repeat(run);
    free = !free;
  }
  return out.slice(0, slots);
}

/** A 1,000 × 1,344 poll with seeded answers, stored through the engine and the store. */
export async function seedRankingPoll(kit: BenchKit) {
  const creator = benchActor(CHANNEL, { id: 'P0000', name: 'person 0' });
  const last = benchDate(6 + DAYS - 1);
  const poll = await createPoll(kit, creator, `Ranking bench dates:${benchDate(6)}..${last} time:00:00-24:00 slot:15m duration:1h tz:${BENCH_ZONE}`);
  const slots = kit.engine.queries.layout(poll).slots.length;
  if (slots !== SLOTS) throw new Error(`the ranking poll has ${slots} slots, expected ${SLOTS}`);
  const random = seededRandom(11);
  const answers = Array.from({ length: PEOPLE }, (_, i) => ({
    pollId: poll.id,
    user: { id: `P${String(i).padStart(4, '0')}`, name: `person ${i}` },
    states: availability(random, SLOTS),
    slotCount: SLOTS,
  }));
  await seedAnswers(kit, answers);
  return { poll, channel: CHANNEL, creator };
}

/** The ranking step of the poll message (and of results), through the engine's own query. */
async function bestWindows(kit: BenchKit, pollId: number, limit?: number): Promise<RankedWindow[]> {
  const poll = await kit.engine.queries.getPoll(pollId);
  if (!poll) throw new Error('the ranking poll is gone');
  return (await kit.engine.queries.bestWindows(poll, limit)).best;
}

function asOptions(windows: readonly RankedWindow[]): Option[] {
  return windows.map((w) => ({ firstSlot: w.firstSlot, slotCount: w.slotCount, stretch: w.stretch, yes: w.yes.map((u) => u.id), maybe: w.maybe.map((u) => u.id) }));
}

export const rankingBench: Bench = {
  name: 'ranking',
  figures: ['ranking', 'ranking-warm', 'ranking-oracle', 'ranking-naive-gap'],
  async run(note) {
    const scratch = scratchDatabase('ranking');
    try {
      const warm = benchKit(scratch.database);
      const { poll } = await seedRankingPoll(warm);
      const layout = warm.engine.queries.layout(poll);
      // The naive reference starts from what the original plan stored: ISO strings per person.
      const slotKeys = layout.slots.map((s) => new Date(s.start!).toISOString());
      const people = (await warm.engine.queries.participants(poll)).map((p) => slotKeys.filter((_, i) => p.states[i] === 'y'));

      let checked: RankedWindow[] = [];
      const cold = async () => {
        const database = openDatabase(scratch.path);
        try {
          const kit = benchKit(database);
          let result: RankedWindow[] = [];
          const ms = await timed(async () => (result = await bestWindows(kit, poll.id)));
          checked = result;
          return ms;
        } finally {
          database.close();
        }
      };
      const samples = { cold: [] as number[], warm: [] as number[], naive: [] as number[] };
      for (let run = -2; run < RUNS; run++) {
        // Interleaved, so a busy neighbour slows all three alike; the first two runs warm the JIT.
        const c = await cold();
        const w = await timed(() => bestWindows(warm, poll.id));
        const n = await timed(() => naiveRanking(slotKeys, people, poll.spec.durationSlots));
        if (run < 0) continue;
        samples.cold.push(c);
        samples.warm.push(w);
        samples.naive.push(n);
      }

      const ten = await bestWindows(warm, poll.id, 10);
      // The oracle reads the answers as stored, not the bits ranking keeps of them.
      const participants = await warm.engine.queries.participants(poll);
      const oracleTop = oracleOptions(poll.spec, participants, 10);
      const off = differences(asOptions(checked), oracleTop.slice(0, SHOWN)) + differences(asOptions(ten), oracleTop);
      const naive = naiveRanking(slotKeys, people, poll.spec.durationSlots);
      const bestYes = oracleTop[0]?.yes.length ?? 0;
      const gap = (naive[0]?.score ?? 0) - bestYes;
      note(`ranking: ${PEOPLE} people × ${SLOTS} slots; oracle differences ${off}; naive best window claims ${naive[0]?.score} free, truly ${bestYes} at best`);

      const cold50 = median(samples.cold);
      const warm50 = median(samples.warm);
      const naive50 = median(samples.naive);
      const figures: Figure[] = [
        figure({ name: 'ranking', value: cold50, unit: 'ms', baseline: naive50, ratio: naive50 / cold50, target: atLeast(20) }),
        figure({ name: 'ranking-warm', value: warm50, unit: 'ms', baseline: naive50, ratio: naive50 / warm50 }),
        figure({ name: 'ranking-oracle', value: off, unit: 'differences', baseline: null, ratio: off, target: exactly(0) }),
        figure({ name: 'ranking-naive-gap', value: gap, unit: 'people', baseline: bestYes, ratio: bestYes ? (bestYes + gap) / bestYes : null }),
      ];
      return figures;
    } finally {
      scratch.dispose();
    }
  },
};
