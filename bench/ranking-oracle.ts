/**
 * A brute-force oracle for the ranking figure: the scoring rule of design.md read straight off the
 * answer strings, person by person and window by window, sharing no code with production (no
 * layout, no adjacency helper, no bitsets), so a fast path that drifts from the rule shows up.
 * Scoped to the bench's polls: time polls in a zone without daylight saving, where a slot follows
 * another exactly when it starts on the wall clock where the other ends.
 */
import type { Participant, PollSpec } from '../src/core/domain/types.js';

export interface Option {
  firstSlot: number;
  slotCount: number;
  stretch: number;
  yes: string[];
  maybe: string[];
}

const NO_DST_ZONES = new Set(['Asia/Seoul', 'Asia/Tokyo', 'UTC']);

/** Wall-clock start (minutes since 1970-01-01 local) of every slot, in slot order. */
export function wallStarts(spec: PollSpec): number[] {
  if (spec.kind !== 'time' || spec.days.type !== 'dates' || !spec.window || !NO_DST_ZONES.has(spec.timezone)) {
    throw new Error('the oracle covers dated time polls in a zone without daylight saving');
  }
  const step = spec.slotMinutes ?? 60;
  const start = minutes(spec.window.start);
  const end = minutes(spec.window.end);
  const length = end > start ? end - start : end + 1440 - start;
  const out: number[] = [];
  for (const date of spec.days.dates) {
    const day = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
    for (let k = 0; k < Math.floor(length / step); k++) out.push(day * 1440 + start + k * step);
  }
  return out;
}

function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}

export function oracleOptions(spec: PollSpec, people: readonly Participant[], limit: number): Option[] {
  const step = spec.slotMinutes ?? 60;
  const walls = wallStarts(spec);
  const length = Math.max(1, spec.durationSlots);
  const follows = (i: number) => walls[i - 1]! + step === walls[i]!;
  const isStart = (s: number) => {
    if (s < 0 || s + length > walls.length) return false;
    for (let i = s + 1; i < s + length; i++) if (!follows(i)) return false;
    return true;
  };
  const freeAll = (p: Participant, s: number, ok: string) => {
    for (let i = s; i < s + length; i++) if (!ok.includes(p.states[i] ?? '.')) return false;
    return true;
  };
  const yesAt = (s: number) => people.filter((p) => freeAll(p, s, 'y'));
  const availAt = (s: number) => people.filter((p) => freeAll(p, s, 'ym'));
  const required = people.filter((p) => spec.required.some((r) => r.id === p.user.id));

  const scored: Array<{ start: number; yes: number; maybe: number }> = [];
  for (let s = 0; s < walls.length; s++) {
    if (!isStart(s) || required.some((p) => !freeAll(p, s, 'ym'))) continue;
    const avail = availAt(s).length;
    if (avail === 0) continue;
    const yes = yesAt(s).length;
    scored.push({ start: s, yes, maybe: avail - yes });
  }
  scored.sort((a, b) => b.yes - a.yes || b.maybe - a.maybe || a.start - b.start);

  const chosen: Array<{ start: number; stretch: number }> = [];
  const overlaps = (s: number) => chosen.some((c) => s < c.start + c.stretch && c.start < s + length);
  const ids = (ps: Participant[]) => ps.map((p) => p.user.id).join(',');
  for (const candidate of scored) {
    if (chosen.length >= limit) break;
    if (overlaps(candidate.start)) continue;
    // The same people free over the next windows make one longer option ("any hour in it").
    const yes = ids(yesAt(candidate.start));
    const avail = ids(availAt(candidate.start));
    let end = candidate.start;
    while (isStart(end + 1) && follows(end + 1) && !overlaps(end + 1) && ids(yesAt(end + 1)) === yes && ids(availAt(end + 1)) === avail) end++;
    chosen.push({ start: candidate.start, stretch: end - candidate.start + length });
  }
  return chosen.map(({ start, stretch }) => {
    const yes = yesAt(start);
    const yesIds = new Set(yes.map((p) => p.user.id));
    return {
      firstSlot: start,
      slotCount: length,
      stretch,
      yes: yes.map((p) => p.user.id),
      maybe: availAt(start).filter((p) => !yesIds.has(p.user.id)).map((p) => p.user.id),
    };
  });
}

/** How many options differ (position by position, a missing one counts) between two rankings. */
export function differences(a: readonly Option[], b: readonly Option[]): number {
  let n = 0;
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (!x || !y || JSON.stringify(x) !== JSON.stringify(y)) n++;
  }
  return n;
}
