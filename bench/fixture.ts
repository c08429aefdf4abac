/**
 * What every in-process figure sets up the same way: the fixed clock (every date derives from it,
 * never from the calendar, so the bench measures the same polls on any day), a seeded random
 * source, and the real engine on a SQLite file through the public entry points.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine, type Actor } from '../src/core/engine.js';
import type { ChannelRef, Poll, UserRef } from '../src/core/domain/types.js';
import type { AdapterCapabilities } from '../src/core/views/reply.js';
import type { PollStore, WebLinks } from '../src/core/ports.js';
import { IcsCalendarFiles } from '../src/infra/calendar/ics-calendar-files.js';
import { ManualClock } from '../test/support/manual-clock.js';
import { openDatabase, type OpenedDatabase } from '../src/infra/db/open-database.js';
import { SqlitePollStore } from '../src/infra/db/sqlite-poll-store.js';
import { CanvasHeatmapRenderer } from '../src/infra/heatmap/canvas-heatmap-renderer.js';
import { prng } from '../test/heatmap/fixtures.js';

/** The bench's "now": 2030-01-01 00:00 UTC (09:00 in Seoul). Polls start the week after. */
export const BENCH_NOW = Date.UTC(2030, 0, 1, 0, 0);
export const BENCH_ZONE = 'Asia/Seoul';
const DAY_MS = 86_400_000;

/** The calendar date `days` after the bench's today, as the grammar takes it (Seoul is ahead of UTC, never behind, at 00:00 UTC). */
export function benchDate(days: number): string {
  return new Date(BENCH_NOW + days * DAY_MS).toISOString().slice(0, 10);
}

/** Slack's grid page (48 slot buttons in rows of 24): the engine builds the grid a person sees there. */
export const BENCH_CAPS: AdapterCapabilities = { maxSlotButtons: 48, maxButtonsPerRow: 24 };

/** mulberry32, shared with the heatmap fixtures: the same sequence on every machine for a seed. */
export const seededRandom = prng;

export function randomInt(random: () => number, below: number): number {
  return Math.floor(random() * below);
}

/** The real engine on any store (SQLite or PostgreSQL, as openStore gives them). */
export interface EngineKit<S extends PollStore = PollStore> {
  store: S;
  engine: Engine;
  clock: ManualClock;
}

/** The engine on a SQLite file, whose connection in-process figures also use directly. */
export interface BenchKit extends EngineKit<SqlitePollStore> {
  database: OpenedDatabase;
}

/** The real engine on `database`, with the fixed clock and seeded poll codes (and links to the web grid, when given). */
export function benchKit(database: OpenedDatabase, seed = 1, webLinks?: (clock: ManualClock) => WebLinks): BenchKit {
  return { database, ...engineKit(new SqlitePollStore(database), seed, webLinks) };
}

/** The real engine on `store`, with the fixed clock and seeded poll codes (and links to the web grid, when given). */
export function engineKit<S extends PollStore>(store: S, seed = 1, webLinks?: (clock: ManualClock) => WebLinks): EngineKit<S> {
  const clock = new ManualClock(BENCH_NOW);
  const engine = new Engine({
    store,
    clock,
    heatmap: new CanvasHeatmapRenderer(),
    calendar: new IcsCalendarFiles(),
    defaultTimezone: BENCH_ZONE,
    defaultLocale: 'en',
    random: seededRandom(seed),
    ...(webLinks ? { webLinks: webLinks(clock) } : {}),
  });
  return { store, engine, clock };
}

/** A fresh SQLite file (with the real migrations) in a temporary folder removed by `dispose`. */
export function scratchDatabase(label: string): { path: string; database: OpenedDatabase; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), `yakjeong-bench-${label}-`));
  const path = join(dir, `${label}.db`);
  const database = openDatabase(path);
  return {
    path,
    database,
    dispose() {
      try {
        database.close();
      } catch {
        // Already closed by the figure (it reopens the file to read it cold).
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A person as Slack describes them: with their language and their zone (users.info). */
export function benchActor(channel: ChannelRef, user: UserRef): Actor {
  return { channel, user, isAdmin: false, locale: 'en', platformTimezone: BENCH_ZONE };
}

/** Creates a poll through the engine's text grammar, as a person would, and returns it as stored. */
export async function createPoll(kit: EngineKit, actor: Actor, options: string): Promise<Poll> {
  const replies = await kit.engine.runText(actor, `/yakjeong create ${options}`, BENCH_CAPS);
  const first = replies[0];
  const code = first?.type === 'post' ? first.view.pollCode : undefined;
  const poll = code ? await kit.store.findPollByCode(code) : undefined;
  if (!poll) throw new Error(`the engine created no poll from "${options}": ${JSON.stringify(replies).slice(0, 300)}`);
  return poll;
}

/**
 * Stores many answers quickly: each `saveAnswer` is its own IMMEDIATE transaction, and grouping
 * them in one outer transaction only saves the commits. Seeding is not what the figures measure.
 */
export async function seedAnswers(kit: BenchKit, answers: Iterable<{ pollId: number; user: UserRef; states: string; slotCount: number }>): Promise<void> {
  const pending: Array<Promise<unknown>> = [];
  kit.database.sqlite.transaction(() => {
    for (const a of answers) {
      pending.push(kit.store.saveAnswer(a.pollId, a.user, () => a.states, BENCH_NOW, { slotCount: a.slotCount }));
    }
  })();
  await Promise.all(pending);
}
