import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rankWindows } from '../../src/core/domain/ranking.js';
import { layoutPoll } from '../../src/core/domain/slots.js';
import { addDays } from '../../src/core/domain/time.js';
import type { Participant, PollKind, PollSpec, Slot } from '../../src/core/domain/types.js';

/** Brute force: every run, counted by reading answer strings one person at a time. */
function oracle(spec: PollSpec, slots: Slot[], people: Participant[], limit: number) {
  const d = spec.durationSlots;
  const adjacent = (a: Slot, b: Slot) =>
    spec.kind === 'time' ? a.day === b.day && a.end === b.start : spec.kind === 'block' ? a.day === b.day : addDays(a.date, 1) === b.date;
  const candidates: Array<{ start: number; yes: number; maybe: number }> = [];
  for (let i = 0; i + d <= slots.length; i++) {
    let ok = true;
    for (let k = i; k < i + d - 1; k++) if (!adjacent(slots[k]!, slots[k + 1]!)) ok = false;
    if (!ok) continue;
    let yes = 0;
    let maybe = 0;
    let requiredOk = true;
    for (const p of people) {
      const cells = p.states.slice(i, i + d);
      const allYes = [...cells].every((c) => c === 'y');
      const allAvail = [...cells].every((c) => c === 'y' || c === 'm');
      if (allYes) yes++;
      else if (allAvail) maybe++;
      if (spec.required.some((r) => r.id === p.user.id) && !allAvail) requiredOk = false;
    }
    if (!requiredOk || yes + maybe === 0) continue;
    candidates.push({ start: i, yes, maybe });
  }
  candidates.sort((a, b) => b.yes - a.yes || b.maybe - a.maybe || a.start - b.start);
  // Who is free (y), maybe (m) or not (.) over a whole window, person by person.
  const sets = (start: number) =>
    people
      .map((p) => {
        const cells = [...p.states.slice(start, start + d)];
        return cells.every((x) => x === 'y') ? 'y' : cells.every((x) => x === 'y' || x === 'm') ? 'm' : '.';
      })
      .join('');
  const isStart = (i: number) => {
    if (i < 0 || i + d > slots.length) return false;
    for (let k = i; k < i + d - 1; k++) if (!adjacent(slots[k]!, slots[k + 1]!)) return false;
    return true;
  };
  const chosen: Array<(typeof candidates)[number] & { stretch: number }> = [];
  for (const c of candidates) {
    if (chosen.length >= limit) break;
    if (chosen.some((x) => c.start < x.start + x.stretch && x.start < c.start + d)) continue;
    let end = c.start;
    const clear = (i: number) => !chosen.some((x) => i < x.start + x.stretch && x.start < i + d);
    while (isStart(end + 1) && clear(end + 1) && sets(end + 1) === sets(c.start)) end++;
    chosen.push({ ...c, stretch: end - c.start + d });
  }
  return chosen;
}

const ZONES = ['America/New_York', 'Australia/Lord_Howe', 'Asia/Seoul', 'Asia/Kolkata'];
// Dates that include DST changes in New York and Lord Howe.
const DATES = ['2026-03-07', '2026-03-08', '2026-03-09', '2026-04-05', '2026-10-04', '2026-11-01', '2026-11-02'];

const specArb = fc
  .record({
    kind: fc.constantFrom<PollKind>('time', 'block', 'date'),
    tz: fc.constantFrom(...ZONES),
    dates: fc.uniqueArray(fc.constantFrom(...DATES), { minLength: 1, maxLength: 4 }),
    startHour: fc.integer({ min: 0, max: 3 }),
    hours: fc.integer({ min: 1, max: 4 }),
    slot: fc.constantFrom(15, 30, 60),
    duration: fc.integer({ min: 1, max: 3 }),
  })
  .map(({ kind, tz, dates, startHour, hours, slot, duration }): PollSpec => ({
    kind,
    title: 'p',
    timezone: tz,
    days: { type: 'dates', dates: [...dates].sort() },
    window: { start: `${String(startHour).padStart(2, '0')}:00`, end: `${String(startHour + hours).padStart(2, '0')}:00` },
    slotMinutes: slot,
    blocks: [{ name: 'a' }, { name: 'b' }, { name: 'c' }],
    durationSlots: duration,
    expected: [],
    required: [],
    remindMinutes: [],
    hidden: false,
  }));

const pollArb = specArb.chain((spec) => {
  const n = layoutPoll(spec).slots.length;
  const states = fc.array(fc.constantFrom('y', 'm', '.'), { minLength: n, maxLength: n }).map((a) => a.join(''));
  return fc
    .record({ people: fc.array(states, { minLength: 0, maxLength: 40 }), required: fc.array(fc.nat(39), { maxLength: 2 }) })
    .map(({ people, required }) => {
      const participants: Participant[] = people.map((s, i) => ({ user: { id: `u${i}`, name: `u${i}` }, states: s, answeredAt: 0 }));
      const req = [...new Set(required)].filter((i) => i < participants.length).map((i) => participants[i]!.user);
      return { spec: { ...spec, required: req }, participants };
    });
});

describe('ranking', () => {
  it('agrees with a brute-force oracle on random polls, DST days included', () => {
    fc.assert(
      fc.property(pollArb, ({ spec, participants }) => {
        const layout = layoutPoll(spec);
        const got = rankWindows(spec, layout, participants, { limit: 3 });
        const want = oracle(spec, layout.slots, participants, 3);
        expect(got.map((w) => [w.firstSlot, w.yes.length, w.maybe.length, w.stretch])).toEqual(want.map((w) => [w.start, w.yes, w.maybe, w.stretch]));
        // Outlined stretches never overlap one another.
        got.forEach((a, i) =>
          got.slice(i + 1).forEach((b) => expect(a.firstSlot < b.firstSlot + b.stretch && b.firstSlot < a.firstSlot + a.stretch).toBe(false)),
        );
        for (const w of got) {
          expect(w.yes.length + w.maybe.length + w.unavailable.length).toBe(participants.length);
          expect(w.everyone).toBe(participants.length > 0 && w.yes.length === participants.length);
        }
      }),
      { numRuns: 300, seed: 20261126 },
    );
  });

  it('puts required people first, then yes, then maybe, then earliest', () => {
    const spec: PollSpec = {
      kind: 'block',
      title: 'x',
      timezone: 'UTC',
      days: { type: 'dates', dates: ['2026-12-01'] },
      blocks: [{ name: 'a' }, { name: 'b' }, { name: 'c' }, { name: 'd' }],
      durationSlots: 1,
      expected: [],
      required: [{ id: 'boss', name: 'boss' }],
      remindMinutes: [],
      hidden: false,
    };
    const people: Participant[] = [
      { user: { id: 'boss', name: 'boss' }, states: '.ymy', answeredAt: 0 },
      { user: { id: 'a', name: 'a' }, states: 'yymm', answeredAt: 0 },
      { user: { id: 'b', name: 'b' }, states: 'yy.y', answeredAt: 0 },
    ];
    const best = rankWindows(spec, layoutPoll(spec), people);
    // a: 2 yes but the boss cannot come; b: 3 yes; d: 2 yes + 1 maybe; c: 0 yes + 2 maybe.
    expect(best.map((w) => w.firstSlot)).toEqual([1, 3, 2]);
    expect(best[0]!.everyone).toBe(true);
    expect(best[1]!.everyone).toBe(false);
    expect(best[1]!.maybe.map((u) => u.id)).toEqual(['a']);
  });
});
