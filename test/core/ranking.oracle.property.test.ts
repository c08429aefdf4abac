/**
 * An independent oracle for ranked options (design.md, "Time" and "Scoring").
 *
 * The oracle rebuilds every poll's slots from the spec with its own calendar and zone arithmetic
 * (Date.UTC day numbers and Intl.DateTimeFormat, never the project's time.ts), decides adjacency
 * from wall-clock and real-time ends it computed itself (never `Slot.start/end`, `slotsAdjacent`
 * or `windowStarts`), and ranks windows by reading the answer strings person by person. Sharing
 * no code with production is the point: a wrong rule in production cannot also be wrong here by
 * construction.
 *
 * The adjacency rule it encodes: slot b follows slot a when b starts where a ends on the wall
 * clock, or where a ends in real time. Everything else ("overnight windows join their days",
 * "day windows never join the next day", "a spring-forward 01:30 joins 03:00", "the first 01:30
 * joins 02:00 on a fall-back day") follows from that one rule; dates join consecutive calendar
 * dates; blocks join the next block of the same day; weekly polls use their reference week.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answersOf } from '../../src/core/domain/availability.js';
import { bandCount, bandOf, summaryOf, withBands, type AnswerBand } from '../../src/core/domain/kept-answers.js';
import { rankWindows } from '../../src/core/domain/ranking.js';
import { layoutPoll } from '../../src/core/domain/slots.js';
import type { NamedBlock, Participant, PollKind, PollSpec, Weekday } from '../../src/core/domain/types.js';

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic of the oracle's own: days are integers since 1970-01-01, wall times are
// minutes since 1970-01-01 00:00 *on the local clock*, so "next day" and "wall end" are plain
// additions and the host TZ (vitest sets an odd one) can never leak in.

const MINUTE_MS = 60_000;
const DAY_MINUTES = 1440;
const DAY_MS = DAY_MINUTES * MINUTE_MS;
/** Every slot size and window edge used here is a multiple of 15 minutes, and so is every offset of the zones tested. */
const GRID_MINUTES = 15;

function dayOf(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y!, m! - 1, d!) / DAY_MS;
}

function isoOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Monday = 0 … Sunday = 6, as in the domain's Weekday. */
function weekdayOfDay(day: number): Weekday {
  return ((new Date(day * DAY_MS).getUTCDay() + 6) % 7) as Weekday;
}

function hm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

function parseHhMm(text: string): number {
  const [h, m] = text.split(':').map(Number);
  return h! * 60 + m!;
}

function wallLabel(wall: number): string {
  return `${isoOf(Math.floor(wall / DAY_MINUTES))} ${hm(((wall % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES)}`;
}

// ---------------------------------------------------------------------------------------------
// Zone arithmetic, from Intl alone. Rather than invert offsets (which is what production does),
// the oracle walks real time forward in 15-minute steps and writes down which wall time each
// instant shows: a wall time never seen was skipped (spring forward), and the first instant seen
// for a wall time is its first occurrence (fall back), with no reasoning about offsets at all.

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallAt(zone: string, instant: number): number {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(zone, format);
  }
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(format.formatToParts(instant).find((p) => p.type === type)!.value);
  const day = Date.UTC(part('year'), part('month') - 1, part('day')) / DAY_MS;
  return day * DAY_MINUTES + part('hour') * 60 + part('minute');
}

const localDays = new Map<string, Map<number, number>>();

/** Minute-of-day -> first instant showing it, for every wall time that exists on `day` in `zone`. */
function existingTimes(zone: string, day: number): Map<number, number> {
  const key = `${zone} ${day}`;
  const cached = localDays.get(key);
  if (cached) return cached;
  const times = new Map<number, number>();
  // Offsets stay within -12h..+14h, so every instant showing this date lies in this span.
  const from = day * DAY_MS - 15 * 3_600_000;
  const to = (day + 1) * DAY_MS + 15 * 3_600_000;
  for (let t = from; t < to; t += GRID_MINUTES * MINUTE_MS) {
    const wall = wallAt(zone, t);
    if (Math.floor(wall / DAY_MINUTES) !== day) continue;
    const minute = wall - day * DAY_MINUTES;
    if (!times.has(minute)) times.set(minute, t);
  }
  localDays.set(key, times);
  return times;
}

// ---------------------------------------------------------------------------------------------
// The oracle's slots and its adjacency rule.

type OracleSlot =
  | { kind: 'time'; day: number; date: string; minute: number; wallStart: number; wallEnd: number; realStart: number; realEnd: number }
  | { kind: 'block'; day: number; date: string; block: number; name: string }
  | { kind: 'date'; day: number; date: string; calendarDay: number };

function pollDatesOf(spec: PollSpec): string[] {
  return spec.days.type === 'dates' ? spec.days.dates : spec.days.referenceDates;
}

/** The slots a spec offers, in layout order: by poll day, then by minute (or block). */
function oracleSlots(spec: PollSpec): OracleSlot[] {
  const out: OracleSlot[] = [];
  pollDatesOf(spec).forEach((date, day) => {
    if (spec.kind === 'date') {
      out.push({ kind: 'date', day, date, calendarDay: dayOf(date) });
      return;
    }
    if (spec.kind === 'block') {
      (spec.blocks ?? []).forEach((b, block) => out.push({ kind: 'block', day, date, block, name: b.name }));
      return;
    }
    const step = spec.slotMinutes ?? 60;
    const window = spec.window ?? { start: '09:00', end: '18:00' };
    const start = parseHhMm(window.start);
    const end = parseHhMm(window.end);
    // An end at or before the start is on the next day ("20:00–02:00", "22:00–22:00" = 24 hours).
    const stop = end > start ? end : end + DAY_MINUTES;
    for (let m = start; m + step <= stop; m += step) {
      const calendarDay = dayOf(date) + Math.floor(m / DAY_MINUTES);
      const minute = m % DAY_MINUTES;
      const realStart = existingTimes(spec.timezone, calendarDay).get(minute);
      if (realStart === undefined) continue;
      const wallStart = calendarDay * DAY_MINUTES + minute;
      out.push({
        kind: 'time',
        day,
        date,
        minute,
        wallStart,
        wallEnd: wallStart + step,
        realStart,
        realEnd: realStart + step * MINUTE_MS,
      });
    }
  });
  return out;
}

/** How b follows a, or undefined when a meeting cannot run from a into b. */
function adjacency(a: OracleSlot, b: OracleSlot): 'wall' | 'real' | 'block' | 'date' | undefined {
  if (a.kind === 'time' && b.kind === 'time') {
    if (b.wallStart === a.wallEnd) return 'wall';
    if (b.realStart === a.realEnd) return 'real';
    return undefined;
  }
  if (a.kind === 'block' && b.kind === 'block') return a.day === b.day && b.block === a.block + 1 ? 'block' : undefined;
  if (a.kind === 'date' && b.kind === 'date') return b.calendarDay === a.calendarDay + 1 ? 'date' : undefined;
  return undefined;
}

function slotLabel(s: OracleSlot | undefined): string {
  if (!s) return '(no slot)';
  if (s.kind === 'time') return `${wallLabel(s.wallStart)} (${new Date(s.realStart).toISOString().slice(0, 16)}Z)`;
  if (s.kind === 'block') return `${s.date} ${s.name}`;
  return s.date;
}

// ---------------------------------------------------------------------------------------------
// The oracle's ranking, read person by person from the answer strings.

type Standing = 'y' | 'm' | '.';

interface OracleOption {
  firstSlot: number;
  stretch: number;
  yes: string[];
  maybe: string[];
}

/** One char per person: 'y' free for all of the window, 'm' available for all of it but not all yes, '.' otherwise. */
function standings(people: readonly Participant[], start: number, length: number): Standing[] {
  return people.map((p) => {
    const cells = [...p.states.slice(start, start + length)];
    if (cells.length === length && cells.every((c) => c === 'y')) return 'y';
    if (cells.length === length && cells.every((c) => c === 'y' || c === 'm')) return 'm';
    return '.';
  });
}

function gapFree(slots: readonly OracleSlot[], first: number, count: number): boolean {
  if (first < 0 || first + count > slots.length) return false;
  for (let k = first; k + 1 < first + count; k++) if (!adjacency(slots[k]!, slots[k + 1]!)) return false;
  return true;
}

function oracleRanking(spec: PollSpec, slots: readonly OracleSlot[], people: readonly Participant[], limit: number): OracleOption[] {
  const d = Math.max(1, spec.durationSlots);
  const required = new Set(spec.required.map((u) => u.id));
  const candidates: Array<{ start: number; yes: number; maybe: number }> = [];
  for (let start = 0; start + d <= slots.length; start++) {
    if (!gapFree(slots, start, d)) continue;
    const s = standings(people, start, d);
    if (people.some((p, i) => required.has(p.user.id) && s[i] === '.')) continue;
    const yes = s.filter((c) => c === 'y').length;
    const maybe = s.filter((c) => c === 'm').length;
    if (yes + maybe === 0) continue;
    candidates.push({ start, yes, maybe });
  }
  candidates.sort((a, b) => b.yes - a.yes || b.maybe - a.maybe || a.start - b.start);

  const chosen: Array<{ start: number; stretch: number }> = [];
  const overlapsChosen = (start: number) => chosen.some((c) => start < c.start + c.stretch && c.start < start + d);
  for (const candidate of candidates) {
    if (chosen.length >= limit) break;
    if (overlapsChosen(candidate.start)) continue;
    const same = standings(people, candidate.start, d).join('');
    let end = candidate.start;
    // The next window must itself be gap-free and also follow on from the stretch so far:
    // with one-slot windows only the second check stops a stretch at the end of a day.
    while (
      gapFree(slots, end + 1, d) &&
      adjacency(slots[end + d - 1]!, slots[end + d]!) !== undefined &&
      !overlapsChosen(end + 1) &&
      standings(people, end + 1, d).join('') === same
    ) {
      end++;
    }
    chosen.push({ start: candidate.start, stretch: end - candidate.start + d });
  }

  return chosen.map(({ start, stretch }) => {
    const s = standings(people, start, d);
    return {
      firstSlot: start,
      stretch,
      yes: people.filter((_, i) => s[i] === 'y').map((p) => p.user.id),
      maybe: people.filter((_, i) => s[i] === 'm').map((p) => p.user.id),
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Generated polls. Years come from a fixed base, not today, so the same runs happen every day.

const BASE_YEAR = 2026;
const YEARS = [BASE_YEAR, BASE_YEAR + 1];
const ZONES = ['America/New_York', 'Europe/London', 'Australia/Sydney', 'Asia/Seoul', 'UTC'] as const;
type Zone = (typeof ZONES)[number];

function nthSunday(year: number, month: number, n: number): number {
  const first = Date.UTC(year, month - 1, 1) / DAY_MS;
  return first + ((6 - weekdayOfDay(first) + 7) % 7) + 7 * (n - 1);
}

function lastSunday(year: number, month: number): number {
  const last = Date.UTC(year, month, 0) / DAY_MS;
  return last - ((weekdayOfDay(last) + 1) % 7);
}

/** The days each zone changes its clocks (current rules); a test below checks them against Intl. */
const DST_DAYS: Record<Zone, Array<{ day: number; change: 'forward' | 'back' }>> = {
  'America/New_York': YEARS.flatMap((y) => [
    { day: nthSunday(y, 3, 2), change: 'forward' as const },
    { day: nthSunday(y, 11, 1), change: 'back' as const },
  ]),
  'Europe/London': YEARS.flatMap((y) => [
    { day: lastSunday(y, 3), change: 'forward' as const },
    { day: lastSunday(y, 10), change: 'back' as const },
  ]),
  'Australia/Sydney': YEARS.flatMap((y) => [
    { day: nthSunday(y, 10, 1), change: 'forward' as const },
    { day: nthSunday(y, 4, 1), change: 'back' as const },
  ]),
  'Asia/Seoul': [],
  UTC: [],
};

/** Days to build polls around: the zone's own changes, or (zones without DST) everyone's, plus a year boundary. */
function anchorsFor(zone: Zone): number[] {
  const own = DST_DAYS[zone].map((t) => t.day);
  const all = ZONES.flatMap((z) => DST_DAYS[z].map((t) => t.day));
  return [...(own.length ? own : all), Date.UTC(BASE_YEAR, 11, 31) / DAY_MS];
}

const zoneArb = fc.constantFrom(...ZONES);

const daysArb = (zone: Zone) =>
  fc.oneof(
    // Dated polls: a few days around a clock change; gaps in the offsets are the "missing days".
    fc
      .record({ anchor: fc.constantFrom(...anchorsFor(zone)), offsets: fc.subarray([-2, -1, 0, 1, 2], { minLength: 1, maxLength: 4 }) })
      .map(({ anchor, offsets }): PollSpec['days'] => ({ type: 'dates', dates: offsets.map((o) => isoOf(anchor + o)) })),
    // Weekly polls: the Monday-to-Sunday week ending on (or right after) a clock change.
    fc
      .record({
        anchor: fc.constantFrom(...anchorsFor(zone)),
        weekAfter: fc.boolean(),
        weekdays: fc.subarray<Weekday>([0, 1, 2, 3, 4, 5, 6], { minLength: 1 }),
      })
      .map(({ anchor, weekAfter, weekdays }): PollSpec['days'] => {
        const monday = anchor - weekdayOfDay(anchor) + (weekAfter ? 7 : 0);
        return { type: 'weekly', weekdays, referenceDates: weekdays.map((w) => isoOf(monday + w)) };
      }),
  );

/** Windows that hit the small hours (where clocks change), run overnight, or fill whole days. */
const windowArb: fc.Arbitrary<{ start: string; end: string }> = fc.oneof(
  fc
    .record({ start: fc.integer({ min: 0, max: 40 }), hours: fc.integer({ min: 1, max: 4 }) })
    .map(({ start, hours }) => ({ start: hm(start * 30), end: hm(Math.min(start * 30 + hours * 60, DAY_MINUTES)) })),
  fc.constantFrom(
    { start: '09:00', end: '12:00' },
    { start: '00:00', end: '03:00' },
    { start: '20:00', end: '02:00' },
    { start: '23:00', end: '03:30' },
    { start: '18:30', end: '01:00' },
    { start: '22:00', end: '22:00' },
    { start: '01:30', end: '01:30' },
    { start: '00:00', end: '24:00' },
  ),
);

/** Some blocks carry times (including an overnight one); adjacency must ignore them either way. */
const BLOCK_TIMES: Array<[string, string]> = [
  ['00:00', '02:00'],
  ['02:00', '04:00'],
  ['09:00', '12:00'],
  ['20:00', '02:00'],
];

const blocksArb = fc
  .record({ count: fc.integer({ min: 1, max: 4 }), timed: fc.boolean() })
  .map(({ count, timed }) =>
    Array.from({ length: count }, (_, i): NamedBlock => (timed ? { name: `b${i}`, start: BLOCK_TIMES[i]![0], end: BLOCK_TIMES[i]![1] } : { name: `b${i}` })),
  );

const specArb: fc.Arbitrary<PollSpec> = zoneArb.chain((zone) =>
  fc
    .record({
      kind: fc.constantFrom<PollKind>('time', 'time', 'block', 'date'),
      days: daysArb(zone),
      window: windowArb,
      slotMinutes: fc.constantFrom(15, 30, 60, 120),
      blocks: blocksArb,
      durationSlots: fc.integer({ min: 1, max: 3 }),
    })
    .map(({ kind, days, window, slotMinutes, blocks, durationSlots }): PollSpec => ({
      kind,
      title: 'oracle',
      timezone: zone,
      days,
      ...(kind === 'time' ? { window, slotMinutes } : {}),
      ...(kind === 'block' ? { blocks } : {}),
      durationSlots,
      expected: [],
      required: [],
      remindMinutes: [],
      hidden: false,
    })),
);

const stateChar = fc.constantFrom('y', 'y', 'm', '.');

/**
 * Answers with long runs: uniform random strings almost never give two windows the same people,
 * so stretches (and the bug of stretches running past the end of a day) would go unexercised.
 */
const statesArb = (n: number): fc.Arbitrary<string> =>
  fc.oneof(
    stateChar.map((c) => c.repeat(n)),
    fc
      .array(fc.record({ c: stateChar, len: fc.integer({ min: 1, max: 8 }) }), { minLength: 1, maxLength: 12 })
      .map((runs) => {
        const text = runs.map((r) => r.c.repeat(r.len)).join('');
        return (text + text.charAt(text.length - 1).repeat(Math.max(0, n - text.length))).slice(0, n);
      }),
    fc.array(stateChar, { minLength: n, maxLength: n }).map((cells) => cells.join('')),
  );

interface Case {
  spec: PollSpec;
  participants: Participant[];
  limit: number | undefined;
}

// The slot count comes from the oracle, so what is generated never depends on the code under test.
const caseArb: fc.Arbitrary<Case> = specArb.chain((spec) =>
  fc
    .record({
      states: fc.array(statesArb(oracleSlots(spec).length), { minLength: 1, maxLength: 6 }),
      required: fc.oneof(fc.constant<number[]>([]), fc.subarray([0, 1, 2, 3, 4, 5], { maxLength: 2 })),
      limit: fc.constantFrom(undefined, 1, 2, 3, 5),
    })
    .map(({ states, required, limit }) => {
      const participants: Participant[] = states.map((s, i) => ({ user: { id: `p${i}`, name: `p${i}` }, states: s, answeredAt: 0 }));
      const req = required.filter((i) => i < participants.length).map((i) => participants[i]!.user);
      return { spec: { ...spec, required: req }, participants, limit };
    }),
);

const RUNS = { seed: 20_260_308, numRuns: 400 };

function rank({ spec, participants, limit }: Case) {
  return rankWindows(spec, layoutPoll(spec), participants, limit === undefined ? {} : { limit });
}

// ---------------------------------------------------------------------------------------------

describe('the oracle itself', () => {
  it('sees a 23- or 25-hour day on every DST date it builds polls around, and 24 hours the day before', () => {
    for (const zone of ZONES) {
      for (const { day, change } of DST_DAYS[zone]) {
        const hours = (d: number) => (existingTimes(zone, d + 1).get(0)! - existingTimes(zone, d).get(0)!) / 3_600_000;
        expect({ zone, date: isoOf(day), hours: hours(day) }).toEqual({ zone, date: isoOf(day), hours: change === 'forward' ? 23 : 25 });
        expect(hours(day - 1)).toBe(24);
      }
    }
  });
});

describe('ranked options against an independent adjacency oracle', () => {
  it('production lays out the slots the oracle expects, so options can be read by index', () => {
    fc.assert(
      fc.property(specArb, (spec) => {
        // Instants are compared only to prove the index mapping; adjacency never looks at them.
        const mine = oracleSlots(spec).map((s) => ({
          day: s.day,
          date: s.date,
          minute: s.kind === 'time' ? s.minute : undefined,
          instant: s.kind === 'time' ? s.realStart : undefined,
          block: s.kind === 'block' ? s.name : undefined,
        }));
        const theirs = layoutPoll(spec).slots.map((s) => ({
          day: s.day,
          date: s.date,
          minute: spec.kind === 'time' ? s.minute : undefined,
          instant: spec.kind === 'time' ? s.start : undefined,
          block: s.block,
        }));
        expect(theirs).toEqual(mine);
      }),
      RUNS,
    );
  });

  it('every option is gap-free over its whole stretch', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const slots = oracleSlots(c.spec);
        const gaps: string[] = [];
        for (const option of rank(c)) {
          for (let k = option.firstSlot; k + 1 < option.firstSlot + option.stretch; k++) {
            if (!adjacency(slots[k]!, slots[k + 1]!)) {
              gaps.push(`option at ${option.firstSlot} (stretch ${option.stretch}) joins ${slotLabel(slots[k])} to ${slotLabel(slots[k + 1])}`);
            }
          }
        }
        expect(gaps).toEqual([]);
      }),
      RUNS,
    );
  });

  it('every option has exactly the same people free and available over its whole stretch', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const d = Math.max(1, c.spec.durationSlots);
        const mismatches: string[] = [];
        for (const option of rank(c)) {
          const listed = c.participants.map((p) => (option.yes.some((u) => u.id === p.user.id) ? 'y' : option.maybe.some((u) => u.id === p.user.id) ? 'm' : '.')).join('');
          for (let start = option.firstSlot; start + d <= option.firstSlot + option.stretch; start++) {
            const actual = standings(c.participants, start, d).join('');
            if (actual !== listed) mismatches.push(`option at ${option.firstSlot} lists ${listed} but the window at ${start} has ${actual}`);
          }
        }
        expect(mismatches).toEqual([]);
      }),
      RUNS,
    );
  });

  it("lists exactly the oracle's options, in the oracle's order", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const got = rank(c).map((w) => ({
          firstSlot: w.firstSlot,
          stretch: w.stretch,
          yes: w.yes.map((u) => u.id),
          maybe: w.maybe.map((u) => u.id),
        }));
        expect(got).toEqual(oracleRanking(c.spec, oracleSlots(c.spec), c.participants, c.limit ?? 3));
      }),
      RUNS,
    );
  });
});

describe('ranked options of a crowd against the oracle', () => {
  // Ranking counts people 32 to a word and four words at a time: a crowd of 97 to 300 fills
  // several such groups and a ragged last word, which a handful of people never reaches.
  const crowdArb: fc.Arbitrary<Case> = specArb.chain((spec) =>
    fc
      .record({ people: fc.integer({ min: 97, max: 300 }), limit: fc.constantFrom(undefined, 1, 3, 10) })
      .chain(({ people, limit }) => fc.array(statesArb(oracleSlots(spec).length), { minLength: people, maxLength: people }).map((states) => ({ states, limit })))
      .map(({ states, limit }) => ({
        spec,
        participants: states.map((s, i) => ({ user: { id: `p${i}`, name: `p${i}` }, states: s, answeredAt: 0 })),
        limit,
      })),
  );

  it("lists exactly the oracle's options, in the oracle's order", () => {
    fc.assert(
      fc.property(crowdArb, (c) => {
        const got = rank(c).map((w) => ({ firstSlot: w.firstSlot, stretch: w.stretch, yes: w.yes.map((u) => u.id), maybe: w.maybe.map((u) => u.id) }));
        expect(got).toEqual(oracleRanking(c.spec, oracleSlots(c.spec), c.participants, c.limit ?? 3));
      }),
      { seed: 20_261_201, numRuns: 40 },
    );
  });

  it("lists the same from kept counts and bands, read as the picks reach them", async () => {
    await fc.assert(
      fc.asyncProperty(crowdArb, fc.integer({ min: 1, max: 9 }), fc.boolean(), async (c, bandSlots, later) => {
        const { best } = await rankKept(c, bandSlots, later);
        const got = best.map((w) => ({ firstSlot: w.firstSlot, stretch: w.stretch, yes: w.yes.map((u) => u.id), maybe: w.maybe.map((u) => u.id) }));
        expect(got).toEqual(oracleRanking(c.spec, oracleSlots(c.spec), c.participants, c.limit ?? 3));
      }),
      { seed: 20_261_202, numRuns: 40 },
    );
  });
});

/**
 * Ranking as the poll message does it: window counts kept for the poll's length and the bits in
 * bands of a few slots, read only as the picks reach them, from a store that answers at once
 * (SQLite) or later (PostgreSQL).
 */
async function rankKept(c: Case, bandSlots: number, later: boolean) {
  const layout = layoutPoll(c.spec);
  const answers = answersOf(c.participants, layout.slots.length);
  const summary = summaryOf(answers, c.spec.durationSlots, 7, bandSlots);
  const asked: number[] = [];
  let reads = 0;
  const read = (first: number, last: number) => {
    reads++;
    const bands = new Map<number, AnswerBand>();
    for (let band = first; band <= last; band++) {
      asked.push(band);
      bands.set(band, bandOf(answers.matrix, band, summary.bandSlots));
    }
    return later ? Promise.resolve(bands) : bands;
  };
  const best = await withBands(summary, read, (kept) => rankWindows(c.spec, layout, kept, c.limit === undefined ? {} : { limit: c.limit }), c.spec.required.length > 0);
  return { best: best ?? [], asked, reads, bands: bandCount(summary) };
}

describe('ranked options from kept counts and bands, as the store keeps them, against the oracle', () => {
  const keptArb = fc.record({ c: caseArb, bandSlots: fc.integer({ min: 1, max: 6 }), later: fc.boolean() });

  it("lists exactly the oracle's options, in the oracle's order, reading no band twice", async () => {
    await fc.assert(
      fc.asyncProperty(keptArb, async ({ c, bandSlots, later }) => {
        const { best, asked, bands } = await rankKept(c, bandSlots, later);
        const got = best.map((w) => ({ firstSlot: w.firstSlot, stretch: w.stretch, yes: w.yes.map((u) => u.id), maybe: w.maybe.map((u) => u.id) }));
        expect(got).toEqual(oracleRanking(c.spec, oracleSlots(c.spec), c.participants, c.limit ?? 3));
        expect(new Set(asked).size).toBe(asked.length);
        expect(asked.every((band) => band >= 0 && band < bands)).toBe(true);
      }),
      RUNS,
    );
  });

  it('reads only the bands its picks look at on a long poll', async () => {
    const spec = timeSpec('UTC', { type: 'dates', dates: ['2030-01-07', '2030-01-08', '2030-01-09', '2030-01-10'] }, '00:00', '24:00', 15, 4);
    const n = oracleSlots(spec).length;
    // Everyone free for one hour on the second day, a few at other times.
    const states = (i: number) => Array.from({ length: n }, (_, s) => (s >= 130 && s < 134) || (i % 3 === 0 && s % 40 < 6) ? 'y' : '.').join('');
    const participants = Array.from({ length: 9 }, (_, i) => ({ user: { id: `p${i}`, name: `p${i}` }, states: states(i), answeredAt: 0 }));
    const { best, asked, bands } = await rankKept({ spec, participants, limit: undefined }, 4, false);
    expect(best[0]).toMatchObject({ firstSlot: 130, stretch: 4, everyone: true });
    expect(bands).toBe(96);
    expect(asked.length).toBeLessThan(12);
  });

  it('takes every band left in one read once picks have needed a few, when everyone is free everywhere', async () => {
    const spec = timeSpec('UTC', { type: 'dates', dates: ['2030-01-07', '2030-01-08'] }, '00:00', '24:00', 15, 4);
    const participants = allYes(spec, 40);
    for (const later of [false, true]) {
      const { best, asked, reads, bands } = await rankKept({ spec, participants, limit: undefined }, 1, later);
      // One option: the whole two days, everyone free.
      expect(best).toHaveLength(1);
      expect(best[0]).toMatchObject({ firstSlot: 0, stretch: 192, everyone: true });
      expect(new Set(asked).size).toBe(bands);
      expect(reads).toBeLessThanOrEqual(9);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Hand-written cases: the rule's own examples, each small enough to read at a glance.

function timeSpec(zone: string, days: PollSpec['days'], start: string, end: string, slotMinutes: number, durationSlots: number): PollSpec {
  return {
    kind: 'time',
    title: 'example',
    timezone: zone,
    days,
    window: { start, end },
    slotMinutes,
    durationSlots,
    expected: [],
    required: [],
    remindMinutes: [],
    hidden: false,
  };
}

function allYes(spec: PollSpec, people: number): Participant[] {
  const n = oracleSlots(spec).length;
  return Array.from({ length: people }, (_, i) => ({ user: { id: `p${i}`, name: `p${i}` }, states: 'y'.repeat(n), answeredAt: 0 }));
}

function optionsOf(spec: PollSpec, people: Participant[]) {
  return rankWindows(spec, layoutPoll(spec), people).map((w) => ({ firstSlot: w.firstSlot, stretch: w.stretch }));
}

function wallTimes(spec: PollSpec): string[] {
  return oracleSlots(spec).map((s) => (s.kind === 'time' ? wallLabel(s.wallStart) : s.date));
}

describe('the adjacency rule by example', () => {
  it('a 09:00–12:00 window on two days gives two options, never one joined across the night', () => {
    const spec = timeSpec('Asia/Seoul', { type: 'dates', dates: ['2026-12-01', '2026-12-02'] }, '09:00', '12:00', 60, 1);
    const slots = oracleSlots(spec);
    expect(adjacency(slots[2]!, slots[3]!)).toBeUndefined();
    expect(optionsOf(spec, allYes(spec, 2))).toEqual([
      { firstSlot: 0, stretch: 3 },
      { firstSlot: 3, stretch: 3 },
    ]);
  });

  it('New York spring forward: 01:30 and 03:00 are adjacent in real time', () => {
    const spec = timeSpec('America/New_York', { type: 'dates', dates: ['2026-03-08'] }, '01:00', '04:00', 30, 2);
    const slots = oracleSlots(spec);
    expect(wallTimes(spec)).toEqual(['2026-03-08 01:00', '2026-03-08 01:30', '2026-03-08 03:00', '2026-03-08 03:30']);
    expect(adjacency(slots[1]!, slots[2]!)).toBe('real');
    expect(optionsOf(spec, allYes(spec, 2))).toEqual([{ firstSlot: 0, stretch: 4 }]);
  });

  it('New York fall back: the first 01:30 and 02:00 are adjacent on the wall clock', () => {
    const spec = timeSpec('America/New_York', { type: 'dates', dates: ['2026-11-01'] }, '00:00', '03:00', 30, 2);
    const slots = oracleSlots(spec);
    expect(wallTimes(spec)).toEqual([
      '2026-11-01 00:00',
      '2026-11-01 00:30',
      '2026-11-01 01:00',
      '2026-11-01 01:30',
      '2026-11-01 02:00',
      '2026-11-01 02:30',
    ]);
    // 01:30 EDT ends at 01:00 EST, an hour of real time before 02:00 EST: only the wall clock joins them.
    expect(adjacency(slots[3]!, slots[4]!)).toBe('wall');
    expect(optionsOf(spec, allYes(spec, 2))).toEqual([{ firstSlot: 0, stretch: 6 }]);
  });

  it('a weekly overnight poll joins each night across midnight but never Sunday to Monday', () => {
    // Monday 2 March and Sunday 8 March 2026 (New York springs forward that Sunday at 02:00).
    const spec = timeSpec('America/New_York', { type: 'weekly', weekdays: [0, 6], referenceDates: ['2026-03-02', '2026-03-08'] }, '20:00', '02:00', 60, 1);
    const slots = oracleSlots(spec);
    expect(wallTimes(spec)).toEqual([
      '2026-03-02 20:00',
      '2026-03-02 21:00',
      '2026-03-02 22:00',
      '2026-03-02 23:00',
      '2026-03-03 00:00',
      '2026-03-03 01:00',
      '2026-03-08 20:00',
      '2026-03-08 21:00',
      '2026-03-08 22:00',
      '2026-03-08 23:00',
      '2026-03-09 00:00',
      '2026-03-09 01:00',
    ]);
    expect(adjacency(slots[3]!, slots[4]!)).toBe('wall');
    expect(adjacency(slots[5]!, slots[6]!)).toBeUndefined();
    expect(optionsOf(spec, allYes(spec, 3))).toEqual([
      { firstSlot: 0, stretch: 6 },
      { firstSlot: 6, stretch: 6 },
    ]);
  });
});
