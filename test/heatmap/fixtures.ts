/**
 * Heatmap requests built from the real core functions (layoutPoll, rankWindows) over
 * hand-made polls. Shared by the tests, the examples in docs/ and the bench.
 */
import { layoutPoll, type PollLayout } from '../../src/core/domain/slots.js';
import { rankWindows } from '../../src/core/domain/ranking.js';
import type { Locale, Participant, Poll, PollSpec, Slot, UserRef } from '../../src/core/domain/types.js';
import type { HeatmapRequest } from '../../src/core/ports.js';
import { addDays } from '../../src/core/domain/time.js';

/** 2026-11-20T00:00:00Z: a fixed "now" so nothing depends on the clock. */
export const NOW = Date.UTC(2026, 10, 20);

export function spec(overrides: Partial<PollSpec> & Pick<PollSpec, 'kind' | 'days'>): PollSpec {
  return {
    title: 'Team dinner',
    timezone: 'Asia/Seoul',
    durationSlots: 1,
    expected: [],
    required: [],
    remindMinutes: [],
    hidden: false,
    ...overrides,
  };
}

export function dateRange(from: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addDays(from, i));
}

export function poll(pollSpec: PollSpec, overrides: Partial<Poll> = {}): Poll {
  return {
    id: 1,
    code: 'K7Q2',
    channel: { platform: 'console', workspaceId: 'w', channelId: 'c' },
    creator: { id: 'u0', name: 'Creator' },
    spec: pollSpec,
    status: 'open',
    createdAt: NOW - 3_600_000,
    version: 1,
    ...overrides,
  };
}

export function user(id: string, name: string): UserRef {
  return { id, name };
}

export function answer(who: UserRef, states: string): Participant {
  return { user: who, states, answeredAt: NOW - 60_000 };
}

/** A participant's states from a rule over slots. */
export function statesBy(layout: PollLayout, rule: (slot: Slot) => 'y' | 'm' | '.'): string {
  return layout.slots.map(rule).join('');
}

/** Small deterministic PRNG (mulberry32), so "random" fixtures are the same every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface RequestOptions {
  locale?: Locale;
  timezone?: string;
  overlay?: { user: UserRef; states: string };
  participants?: (layout: PollLayout) => Participant[];
}

export function request(p: Poll, options: RequestOptions = {}): HeatmapRequest {
  const layout = layoutPoll(p.spec);
  const participants = options.participants ? options.participants(layout) : [];
  const req: HeatmapRequest = {
    locale: options.locale ?? 'en',
    poll: p,
    layout,
    participants,
    best: rankWindows(p.spec, layout, participants),
    timezone: options.timezone ?? p.spec.timezone,
    now: NOW,
  };
  if (options.overlay) req.overlay = options.overlay;
  return req;
}

/** Random answers for `count` people: each slot yes/maybe/no with the given odds. */
export function randomPeople(layout: PollLayout, count: number, seed: number, yes = 0.45, maybe = 0.15): Participant[] {
  const rand = prng(seed);
  return Array.from({ length: count }, (_, i) => {
    const states = statesBy(layout, () => {
      const r = rand();
      return r < yes ? 'y' : r < yes + maybe ? 'm' : '.';
    });
    return answer(user(`p${i}`, `Person ${i + 1}`), states);
  });
}
