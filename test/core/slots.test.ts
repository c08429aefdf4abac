import { describe, expect, it } from 'vitest';
import { layoutPoll } from '../../src/core/domain/slots.js';
import { wallClock } from '../../src/core/domain/time.js';
import type { PollSpec } from '../../src/core/domain/types.js';
import { parseAnswerText } from '../../src/core/grammar/answer.js';
import { slotLabel } from '../../src/core/views/format.js';

function timeSpec(tz: string, dates: string[], start: string, end: string, slotMinutes = 30): PollSpec {
  return {
    kind: 'time',
    title: 't',
    timezone: tz,
    days: { type: 'dates', dates },
    window: { start, end },
    slotMinutes,
    durationSlots: 1,
    expected: [],
    required: [],
    remindMinutes: [],
    hidden: false,
  };
}

const local = (tz: string) => (ms: number | undefined) => {
  const w = wallClock(ms!, tz);
  return `${w.date} ${String(Math.floor(w.minute / 60)).padStart(2, '0')}:${String(w.minute % 60).padStart(2, '0')}`;
};

describe('slot generation across DST', () => {
  it('New York spring forward: 02:00 and 02:30 do not exist and are skipped', () => {
    const { slots } = layoutPoll(timeSpec('America/New_York', ['2026-03-08'], '01:00', '04:00'));
    expect(slots.map((s) => local('America/New_York')(s.start))).toEqual([
      '2026-03-08 01:00',
      '2026-03-08 01:30',
      '2026-03-08 03:00',
      '2026-03-08 03:30',
    ]);
    // 01:30 EST ends exactly when 03:00 EDT begins: a meeting can span them.
    expect(slots[1]!.end).toBe(slots[2]!.start);
  });

  it('New York fall back: 01:00 and 01:30 are offered once, at their first occurrence', () => {
    const { slots } = layoutPoll(timeSpec('America/New_York', ['2026-11-01'], '00:00', '03:00'));
    expect(slots.map((s) => new Date(s.start!).toISOString().slice(11, 16))).toEqual([
      '04:00', // 00:00 EDT
      '04:30',
      '05:00', // 01:00 EDT (first)
      '05:30', // 01:30 EDT (first)
      '07:00', // 02:00 EST
      '07:30',
    ]);
  });

  it('09:00 stays 09:00 on both sides of a DST change', () => {
    const { slots } = layoutPoll(timeSpec('America/New_York', ['2026-03-07', '2026-03-09'], '09:00', '10:00', 60));
    expect(slots.map((s) => local('America/New_York')(s.start))).toEqual(['2026-03-07 09:00', '2026-03-09 09:00']);
    expect(slots[1]!.start! - slots[0]!.start!).toBe(47 * 3_600_000);
  });

  it('Lord Howe moves by 30 minutes: 02:00 and 02:15 vanish in spring', () => {
    const { slots } = layoutPoll(timeSpec('Australia/Lord_Howe', ['2026-10-04'], '01:30', '03:00', 15));
    expect(slots.map((s) => local('Australia/Lord_Howe')(s.start).slice(11))).toEqual([
      '01:30',
      '01:45',
      '02:30',
      '02:45',
    ]);
  });

  it('Lord Howe autumn: 01:30–02:00 repeats and is offered once', () => {
    const { slots } = layoutPoll(timeSpec('Australia/Lord_Howe', ['2026-04-05'], '01:00', '03:00', 30));
    expect(slots.map((s) => local('Australia/Lord_Howe')(s.start).slice(11))).toEqual(['01:00', '01:30', '02:00', '02:30']);
    expect(new Set(slots.map((s) => s.start)).size).toBe(slots.length);
  });

  it('a viewer in Asia/Kolkata sees and types Seoul slots in their own clock', () => {
    const spec = timeSpec('Asia/Seoul', ['2026-12-01'], '09:00', '12:00', 30);
    const layout = layoutPoll(spec);
    expect(slotLabel(spec, layout.slots[0]!, 'en', 'Asia/Kolkata')).toBe('05:30');
    // Kolkata 06:00–07:00 is Seoul 09:30–10:30.
    const states = parseAnswerText('2026-12-01 06:00-07:00', spec, layout, 'Asia/Kolkata', Date.UTC(2026, 10, 26));
    expect(states).toBe('.yy...');
  });

  it('windows crossing midnight belong to the start date', () => {
    const { slots, days } = layoutPoll(timeSpec('Asia/Seoul', ['2026-12-01', '2026-12-02'], '22:00', '02:00', 60));
    expect(days.map((d) => d.count)).toEqual([4, 4]);
    expect(local('Asia/Seoul')(slots[3]!.start)).toBe('2026-12-02 01:00');
    expect(slots[3]!.day).toBe(0);
  });
});
