/** Named polls the golden images, the docs examples and the bench are drawn from. */
import { rankWindows } from '../../src/core/domain/ranking.js';
import type { HeatmapRequest } from '../../src/core/ports.js';
import type { Slot } from '../../src/core/domain/types.js';
import { answer, dateRange, NOW, poll, randomPeople, request, spec, statesBy, user } from './fixtures.js';

const DAY = 86_400_000;

const KO_PEOPLE = [
  user('u1', '김민수'),
  user('u2', '이서연'),
  user('u3', '박지훈'),
  user('u4', '최유나'),
  user('u5', '정하늘'),
  user('u6', 'Alex Kim'),
];

type Range = [day: number, from: string, to: string, state: 'y' | 'm'];

/** States from a few [day, from, to, state] ranges of wall-clock times in the poll's zone. */
function ranges(list: Range[]): (slot: Slot) => 'y' | 'm' | '.' {
  const hm = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
  return (slot) => {
    let out: 'y' | 'm' | '.' = '.';
    for (const [day, from, to, state] of list) {
      const m = slot.minute ?? 0;
      if (slot.day === day && m >= hm(from) && m < hm(to)) out = state;
    }
    return out;
  };
}

/** 팀 회식: five dates, 09:00–18:00 in 30-minute slots, six people; everyone is free on Thursday 13:00–16:00. */
export function teamDinner(): HeatmapRequest {
  const s = spec({
    kind: 'time',
    title: '팀 회식 날짜 정하기',
    days: { type: 'dates', dates: dateRange('2026-12-01', 5) },
    window: { start: '09:00', end: '18:00' },
    slotMinutes: 30,
    durationSlots: 2,
    deadline: NOW + 3 * DAY,
    expected: [...KO_PEOPLE, user('u7', '한도윤')],
  });
  const answers: Range[][] = [
    [[0, '13:00', '18:00', 'y'], [1, '13:00', '18:00', 'y'], [2, '13:00', '18:00', 'y'], [3, '15:00', '18:00', 'm']],
    [[2, '09:00', '18:00', 'y'], [3, '09:00', '12:00', 'y'], [0, '16:00', '18:00', 'm']],
    [[2, '10:00', '16:00', 'y'], [3, '14:00', '18:00', 'y'], [4, '09:00', '12:00', 'y'], [1, '15:00', '17:00', 'm']],
    [[2, '09:00', '17:00', 'y'], [4, '09:00', '18:00', 'y'], [3, '15:00', '17:00', 'm']],
    [[0, '09:00', '11:00', 'y'], [2, '13:00', '18:00', 'y'], [3, '14:00', '17:00', 'y'], [1, '10:00', '12:00', 'm']],
    [[2, '12:00', '16:00', 'y'], [3, '09:00', '18:00', 'y'], [4, '10:00', '14:00', 'y'], [0, '14:00', '16:00', 'm']],
  ];
  return request(poll(s, { code: 'TD42' }), {
    locale: 'ko',
    participants: (layout) => KO_PEOPLE.map((who, i) => answer(who, statesBy(layout, ranges(answers[i]!)))),
  });
}

/** A block poll over four dates with named blocks, some timed. */
export function workshopBlocks(): HeatmapRequest {
  const s = spec({
    kind: 'block',
    title: 'Design workshop',
    timezone: 'Europe/Berlin',
    days: { type: 'dates', dates: ['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-07'] },
    blocks: [
      { name: 'Morning', start: '09:00', end: '12:00' },
      { name: 'Lunch', start: '12:00', end: '13:30' },
      { name: 'Afternoon', start: '13:30', end: '17:00' },
      { name: 'Evening (optional, long name)' },
    ],
    durationSlots: 1,
    deadline: NOW + 2 * DAY,
  });
  const names = ['Ana', 'Ben', 'Chloé', 'Dmitri', 'Eun-ji', 'Farah', 'Gus', 'Hana', 'Ivo'];
  return request(poll(s, { code: 'WS7B' }), {
    participants: (layout) =>
      names.map((name, i) =>
        answer(
          user(`b${i}`, name),
          statesBy(layout, (x) => {
            const k = (x.index * 7 + i * 3) % 10;
            if (x.day === 2 && x.block === 'Afternoon') return 'y';
            return k < 5 ? 'y' : k < 7 ? 'm' : '.';
          }),
        ),
      ),
  });
}

/** 여행: a date poll from late November into mid December, two-day meeting. */
export function tripDates(): HeatmapRequest {
  const s = spec({
    kind: 'date',
    title: '연말 제주 여행',
    days: { type: 'dates', dates: dateRange('2026-11-23', 20) },
    durationSlots: 2,
    deadline: NOW + 5 * DAY,
    expected: [...KO_PEOPLE.slice(0, 5), user('u8', '윤재원')],
  });
  return request(poll(s, { code: 'JJ26' }), {
    locale: 'ko',
    participants: (layout) =>
      KO_PEOPLE.slice(0, 5).map((who, i) =>
        answer(
          who,
          statesBy(layout, (x) => {
            const d = x.index;
            if (d === 12 || d === 13) return 'y';
            if ((d + i) % 5 === 0) return '.';
            if ((d * 3 + i) % 7 === 0) return 'm';
            return d % 7 >= 5 || (d + i) % 3 !== 0 ? 'y' : '.';
          }),
        ),
      ),
  });
}

/** A weekly poll: weekdays instead of dates, evenings in 30-minute slots. */
export function weeklyStudy(): HeatmapRequest {
  const s = spec({
    kind: 'time',
    title: 'Weekly study group',
    days: { type: 'weekly', weekdays: [0, 1, 2, 3, 4], referenceDates: dateRange('2026-11-30', 5) },
    window: { start: '19:00', end: '23:00' },
    slotMinutes: 30,
    durationSlots: 4,
  });
  return request(poll(s, { code: 'WK01' }), {
    participants: (layout) => randomPeople(layout, 12, 7, 0.55, 0.15),
  });
}

/** One person's private view in their own zone (New York) of a Seoul poll. */
export function overlayView(): HeatmapRequest {
  const base = teamDinner();
  const me = base.participants[3]!;
  return { ...base, locale: 'en', timezone: 'America/New_York', overlay: { user: me.user, states: me.states } };
}

/** A hidden poll that is still open: only the viewer's own answers may appear. */
export function hiddenView(): HeatmapRequest {
  const base = overlayView();
  const p = { ...base.poll, spec: { ...base.poll.spec, hidden: true } };
  return { ...base, poll: p };
}

/** New York across the spring-forward night: 2026-03-08 has no 02:00–03:00. */
export function dstSpringForward(): HeatmapRequest {
  const s = spec({
    kind: 'time',
    title: 'Night shift handover',
    timezone: 'America/New_York',
    days: { type: 'dates', dates: dateRange('2026-03-06', 4) },
    window: { start: '00:00', end: '05:00' },
    slotMinutes: 30,
    durationSlots: 2,
  });
  return request(poll(s, { code: 'DST1', status: 'closed', closedAt: NOW }), {
    participants: (layout) => randomPeople(layout, 5, 11, 0.6, 0.2),
  });
}

/** Everything at once: 62 dates × 96 slots, 1,000 people, a 200-character title with emoji, RTL names. */
export function extreme(): HeatmapRequest {
  const title = ('🎉 مرحبا Quarterly all-hands planning 회의 שלום ' + 'x'.repeat(40)).repeat(3).slice(0, 200);
  const s = spec({
    kind: 'time',
    title,
    timezone: 'UTC',
    days: { type: 'dates', dates: dateRange('2026-10-01', 62) },
    window: { start: '00:00', end: '24:00' },
    slotMinutes: 15,
    durationSlots: 4,
    expected: Array.from({ length: 40 }, (_, i) => user(`x${i}`, `Expected person number ${i}`)),
  });
  const rtl = ['محمد عبد الله', 'שרה לוי', 'فاطمة', '😀 Emoji Person 🚀🚀', 'A'.repeat(120)];
  return request(poll(s, { code: 'XTRM' }), {
    participants: (layout) => {
      const people = randomPeople(layout, 1000, 3, 0.5, 0.2);
      rtl.forEach((name, i) => (people[i] = { ...people[i]!, user: user(`r${i}`, name) }));
      // One slot where everyone is free, so the accent shows even at this size.
      return people.map((p) => ({ ...p, states: p.states.slice(0, 100) + 'y' + p.states.slice(101) }));
    },
  });
}

/** Right-to-left names and titles: drawn with the bundled Noto fonts, never host fonts or boxes. */
export function rightToLeft(): HeatmapRequest {
  const base = workshopBlocks();
  const names = ['محمد عبدالله', 'שרה כהן', 'Ana', '김민지'];
  const poll = { ...base.poll, spec: { ...base.poll.spec, title: 'اجتماع الفريق · פגישת צוות' } };
  const participants = base.participants.slice(0, names.length).map((p, i) => ({ ...p, user: { ...p.user, name: names[i]! } }));
  return { ...base, poll, participants, best: rankWindows(poll.spec, base.layout, participants) };
}

/**
 * Board game night: the third option has nobody free for all of it, only "if needed": it keeps its
 * number but not the recommended outline, next to two recommended ones.
 */
export function nobodyFullyFree(): HeatmapRequest {
  const s = spec({
    kind: 'time',
    title: 'Board game night',
    days: { type: 'dates', dates: dateRange('2026-12-01', 3) },
    window: { start: '18:00', end: '22:00' },
    slotMinutes: 60,
    durationSlots: 1,
  });
  const people = [user('g1', 'Ana'), user('g2', 'Ben'), user('g3', 'Chloé'), user('g4', 'Dmitri'), user('g5', 'Eun-ji')];
  const answers: Range[][] = [
    [[0, '19:00', '21:00', 'y'], [1, '18:00', '19:00', 'y'], [2, '20:00', '22:00', 'm']],
    [[0, '19:00', '21:00', 'y'], [2, '20:00', '22:00', 'm']],
    [[0, '19:00', '21:00', 'y'], [1, '18:00', '19:00', 'm'], [2, '20:00', '22:00', 'm']],
    [[0, '18:00', '19:00', 'm']],
    [[1, '20:00', '21:00', 'm']],
  ];
  return request(poll(s, { code: 'BG05' }), {
    participants: (layout) => people.map((who, i) => answer(who, statesBy(layout, ranges(answers[i]!)))),
  });
}

export const SCENARIOS = {
  time: teamDinner,
  block: workshopBlocks,
  date: tripDates,
  weekly: weeklyStudy,
  overlay: overlayView,
  hidden: hiddenView,
  dst: dstSpringForward,
  rtl: rightToLeft,
  'nobody-free': nobodyFullyFree,
} as const;
