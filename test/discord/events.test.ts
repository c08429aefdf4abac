/** Picked meetings → Discord scheduled event bodies. */
import { describe, expect, it } from 'vitest';
import { eventBody } from '../../adapters/discord/events.js';
import type { MeetingEvent } from '../../src/core/domain/meeting.js';

const channel = { platform: 'discord' as const, workspaceId: '1200000000000000001', channelId: '1210000000000000001' };
const now = Date.UTC(2026, 10, 20);

describe('eventBody', () => {
  it('makes a timed meeting an external, guild-only event pointing at the poll channel', () => {
    const meeting: MeetingEvent = { uid: 'x', title: 'Dinner', timezone: 'Asia/Seoul', weekly: false, sequence: 1, stamp: 1, timed: { start: Date.UTC(2026, 11, 1, 9), end: Date.UTC(2026, 11, 1, 11) } };
    expect(eventBody(channel, 'AB12', meeting, now)).toEqual({
      name: 'Dinner',
      description: 'Yakjeong AB12',
      privacy_level: 2,
      entity_type: 3,
      entity_metadata: { location: 'https://discord.com/channels/1200000000000000001/1210000000000000001' },
      scheduled_start_time: '2026-12-01T09:00:00.000Z',
      scheduled_end_time: '2026-12-01T11:00:00.000Z',
    });
  });

  it('runs an all-day meeting from midnight to midnight in the poll\'s zone', () => {
    const meeting: MeetingEvent = { uid: 'x', title: 'Trip', timezone: 'Asia/Seoul', weekly: false, sequence: 1, stamp: 1, allDay: { startDate: '2026-12-03', endDate: '2026-12-05' } };
    expect(eventBody(channel, 'AB12', meeting, now)).toMatchObject({
      scheduled_start_time: '2026-12-02T15:00:00.000Z',
      scheduled_end_time: '2026-12-04T15:00:00.000Z',
    });
  });

  it('moves a weekly meeting to its next occurrence, keeping the wall-clock time across DST', () => {
    // Mondays 18:00 in New York, reference week in October (EDT); "now" is after the November change (EST).
    const start = Date.UTC(2026, 9, 5, 22); // Mon 2026-10-05 18:00 EDT
    const meeting: MeetingEvent = { uid: 'x', title: 'Standup', timezone: 'America/New_York', weekly: true, sequence: 1, stamp: 1, timed: { start, end: start + 3_600_000 } };
    const body = eventBody(channel, 'AB12', meeting, now)!;
    expect(body.scheduled_start_time).toBe('2026-11-23T23:00:00.000Z'); // Mon 2026-11-23 18:00 EST
    expect(body.recurrence_rule).toMatchObject({ frequency: 2, interval: 1, by_weekday: [0] });
  });

  it('cuts a long name by characters, never inside an emoji', () => {
    const meeting: MeetingEvent = { uid: 'x', title: `x${'🍕'.repeat(120)}`, timezone: 'UTC', weekly: false, sequence: 1, stamp: 1, timed: { start: now + 3_600_000, end: now + 7_200_000 } };
    const name = eventBody(channel, 'AB12', meeting, now)!.name;
    expect([...name].length).toBe(100);
    expect(name).toBe(`x${'🍕'.repeat(98)}…`);
  });

  it('makes no event for a meeting already past', () => {
    const meeting: MeetingEvent = { uid: 'x', title: 'Old', timezone: 'UTC', weekly: false, sequence: 1, stamp: 1, timed: { start: now - 7_200_000, end: now - 3_600_000 } };
    expect(eventBody(channel, 'AB12', meeting, now)).toBeUndefined();
  });
});
