import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/infra/db/sqlite/open-database.js';
import type { PollSpec } from '../../src/core/domain/types.js';
import { T0 } from '../helpers.js';
import { UserError } from '../../src/core/errors.js';
import { describeEachStore } from '../support/pg-store-dialects.js';

const spec: PollSpec = {
  kind: 'date',
  title: 'p',
  timezone: 'UTC',
  days: { type: 'dates', dates: ['2026-12-01', '2026-12-02', '2026-12-03'] },
  durationSlots: 1,
  expected: [],
  required: [],
  remindMinutes: [],
  hidden: false,
};
const channel = { platform: 'slack' as const, workspaceId: 'T1', channelId: 'C1' };
const newPoll = (createdAt = 1) => ({ channel, creator: { id: 'U1', name: 'ann' }, spec, createdAt });

describe('the SQLite file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'yakjeong-sqlite-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the file, applies migrations and sets WAL, foreign keys and busy timeout', () => {
    const path = join(dir, 'nested', 'a.db');
    const db = openDatabase(path);
    expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    const tables = db.sqlite.prepare("select name from sqlite_master where type='table' order by name").all() as Array<{ name: string }>;
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['polls', 'participants', 'answer_history', 'user_prefs']));
    db.close();
    // Opening again re-applies nothing and keeps data.
    openDatabase(path).close();
  });
});

describeEachStore('PollStore', (d) => {
  it('keeps polls and answers across a reopen', async () => {
    let store = await d.open();
    const poll = await store.polls.createPoll(newPoll(), () => 'AB12');
    await store.polls.saveAnswer(poll.id, { id: 'U2', name: 'bob' }, () => 'y.m', 5, { slotCount: 3 });
    await store.close();
    store = await d.open();
    expect((await store.polls.findPollByCode('AB12'))?.spec).toEqual(spec);
    expect(await store.polls.participants(poll.id)).toEqual([{ user: { id: 'U2', name: 'bob' }, states: 'y.m', answeredAt: 5 }]);
  });

  it('draws another code when one is taken', async () => {
    const { polls } = await d.open();
    const codes = ['AB12', 'AB12', 'CD34'];
    await polls.createPoll(newPoll(), () => 'AB12');
    const second = await polls.createPoll(newPoll(2), () => codes.shift()!);
    expect(second.code).toBe('CD34');
  });

  it('loses no update when two connections interleave read-modify-writes', async () => {
    const a = (await d.open()).polls;
    const b = (await d.open()).polls;
    const dates = Array.from({ length: 31 }, (_, i) => `2027-01-${String(i + 1).padStart(2, '0')}`);
    const poll = await a.createPoll({ ...newPoll(), spec: { ...spec, days: { type: 'dates', dates } } }, () => 'EF56');
    const user = { id: 'U9', name: 'z' };
    // Each write flips one different slot on; both stores read-modify-write the same row.
    const writes = Array.from({ length: 31 }, (_, i) =>
      (i % 2 ? a : b).saveAnswer(poll.id, user, (cur) => cur.slice(0, i) + 'y' + cur.slice(i + 1), i, { slotCount: 31 }),
    );
    await Promise.all(writes);
    expect((await a.participant(poll.id, 'U9'))!.states).toBe('y'.repeat(31));
    expect(await a.history(poll.id, 100)).toHaveLength(31);
  });

  it('enforces the participant limit inside the transaction', async () => {
    const { polls } = await d.open();
    const poll = await polls.createPoll(newPoll(), () => 'GH78');
    await polls.saveAnswer(poll.id, { id: 'U1', name: 'a' }, () => 'y..', 1, { slotCount: 3, maxParticipants: 1 });
    await expect(polls.saveAnswer(poll.id, { id: 'U2', name: 'b' }, () => 'y..', 2, { slotCount: 3, maxParticipants: 1 })).rejects.toBeInstanceOf(UserError);
    expect(await polls.participants(poll.id)).toHaveLength(1);
  });

  it('holds the participant limit when newcomers answer at once through two connections', async () => {
    const a = (await d.open()).polls;
    const b = (await d.open()).polls;
    const poll = await a.createPoll(newPoll(), () => 'MAX5');
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).saveAnswer(poll.id, { id: `N${i}`, name: `n${i}` }, () => 'y..', 10 + i, { slotCount: 3, maxParticipants: 5 })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
    expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(Array(15).fill('POLL_FULL'));
    expect(await a.participants(poll.id)).toHaveLength(5);
  });

  it('validates every spec it reads: a damaged row is absent from poll reads and described by its plain columns', async () => {
    const { polls } = await d.open();
    await polls.createPoll(newPoll(), () => 'OK12');
    const damaged = await polls.createPoll({ ...newPoll(2), creator: { id: 'U2', name: 'bob' } }, () => 'BAD1');
    await d.query('update polls set spec = ? where id = ?', [JSON.stringify({ ...spec, days: { type: 'dates', dates: ['2026-02-30'] } }), damaged.id]);

    expect(await polls.getPoll(damaged.id)).toBeUndefined();
    expect(await polls.findPollByCode('BAD1')).toBeUndefined();
    expect((await polls.newestOpenPoll(channel))?.code).toBe('OK12');
    expect((await polls.listPolls(channel, ['open'])).map((p) => p.code)).toEqual(['OK12']);
    const described = { id: damaged.id, code: 'BAD1', channel, creator: { id: 'U2', name: 'bob' }, title: 'p', status: 'open', problem: 'spec days.dates.0: not a YYYY-MM-DD date' };
    expect(await polls.unreadablePoll({ id: damaged.id })).toEqual(described);
    expect(await polls.unreadablePoll({ code: 'BAD1' })).toEqual(described);
    expect(await polls.unreadablePoll({ code: 'OK12' })).toBeUndefined();
    expect(await polls.unreadablePolls(channel, ['open'])).toEqual([described]);
    expect(await polls.unreadablePolls(channel, ['closed'])).toEqual([]);
  });

  it('refuses to store a spec that would not read back', async () => {
    const { polls } = await d.open();
    await expect(polls.createPoll({ ...newPoll(), spec: { ...spec, durationSlots: 0 } }, () => 'ZZ99')).rejects.toThrow(/invalid poll spec/);
    expect(await polls.findPollByCode('ZZ99')).toBeUndefined();
    const poll = await polls.createPoll(newPoll(), () => 'ZZ98');
    await expect(polls.updatePoll(poll.id, { spec: { ...spec, timezone: 'Nowhere/Special' } })).rejects.toThrow(/invalid poll spec/);
    expect((await polls.getPoll(poll.id))?.spec).toEqual(spec);
  });

  it('clears an answer: the row goes, so the place in a max: poll is free; the history keeps what was cleared', async () => {
    const { polls } = await d.open();
    const poll = await polls.createPoll(newPoll(), () => 'AB12');
    const bob = { id: 'U2', name: 'bob' };
    await polls.saveAnswer(poll.id, bob, () => 'y.m', 5, { slotCount: 3, maxParticipants: 1 });
    expect(await polls.clearAnswer(poll.id, bob, 6, 3)).toEqual({ cleared: true });
    expect(await polls.participants(poll.id)).toEqual([]);
    expect((await polls.history(poll.id, 1))[0]).toEqual({ user: bob, at: 6, changes: [[0, 'yes', 'no'], [2, 'maybe', 'no']] });
    expect(await polls.clearAnswer(poll.id, bob, 7, 3)).toEqual({ cleared: false });
    expect(await polls.history(poll.id, 10)).toHaveLength(2);
    await polls.saveAnswer(poll.id, { id: 'U3', name: 'cy' }, () => 'y..', 8, { slotCount: 3, maxParticipants: 1 });
    expect((await polls.participants(poll.id)).map((p) => p.user.id)).toEqual(['U3']);
  });

  it('keeps user settings per platform', async () => {
    const { polls } = await d.open();
    await polls.setUserPrefs('slack', 'U1', { timezone: 'Asia/Kolkata' }, T0);
    expect(await polls.userPrefs('slack', 'U1')).toEqual({ timezone: 'Asia/Kolkata' });
    expect(await polls.userPrefs('discord', 'U1')).toEqual({});
  });

  it('answers a ping while open', async () => {
    const store = await d.open();
    await expect(store.ping()).resolves.toBeUndefined();
  });
});
