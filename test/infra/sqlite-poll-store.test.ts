import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/infra/db/open-database.js';
import { SqlitePollStore } from '../../src/infra/db/sqlite-poll-store.js';
import type { PollSpec } from '../../src/core/domain/types.js';
import { T0 } from '../helpers.js';
import { UserError } from '../../src/core/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'yakjeong-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

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

describe('SqlitePollStore', () => {
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

  it('keeps polls and answers across a reopen of the file', async () => {
    const path = join(dir, 'b.db');
    let db = openDatabase(path);
    let store = new SqlitePollStore(db);
    const poll = await store.createPoll({ channel, creator: { id: 'U1', name: 'ann' }, spec, createdAt: 1 }, () => 'AB12');
    await store.saveAnswer(poll.id, { id: 'U2', name: 'bob' }, () => 'y.m', 5, { slotCount: 3 });
    db.close();
    db = openDatabase(path);
    store = new SqlitePollStore(db);
    expect((await store.findPollByCode('AB12'))?.spec).toEqual(spec);
    expect(await store.participants(poll.id)).toEqual([{ user: { id: 'U2', name: 'bob' }, states: 'y.m', answeredAt: 5 }]);
    db.close();
  });

  it('draws another code when one is taken', async () => {
    const store = new SqlitePollStore(openDatabase(':memory:'));
    const codes = ['AB12', 'AB12', 'CD34'];
    await store.createPoll({ channel, creator: { id: 'U1', name: 'a' }, spec, createdAt: 1 }, () => 'AB12');
    const second = await store.createPoll({ channel, creator: { id: 'U1', name: 'a' }, spec, createdAt: 2 }, () => codes.shift()!);
    expect(second.code).toBe('CD34');
  });

  it('loses no update when two connections to one file interleave read-modify-writes', async () => {
    const path = join(dir, 'c.db');
    const a = new SqlitePollStore(openDatabase(path));
    const b = new SqlitePollStore(openDatabase(path));
    const poll = await a.createPoll({ channel, creator: { id: 'U1', name: 'a' }, spec: { ...spec, days: { type: 'dates', dates: Array.from({ length: 40 }, (_, i) => `2027-01-${String(i + 1).padStart(2, '0')}`).slice(0, 31) } }, createdAt: 1 }, () => 'EF56');
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
    const store = new SqlitePollStore(openDatabase(':memory:'));
    const poll = await store.createPoll({ channel, creator: { id: 'U1', name: 'a' }, spec, createdAt: 1 }, () => 'GH78');
    await store.saveAnswer(poll.id, { id: 'U1', name: 'a' }, () => 'y..', 1, { slotCount: 3, maxParticipants: 1 });
    await expect(store.saveAnswer(poll.id, { id: 'U2', name: 'b' }, () => 'y..', 2, { slotCount: 3, maxParticipants: 1 })).rejects.toBeInstanceOf(UserError);
    expect(await store.participants(poll.id)).toHaveLength(1);
  });

  it('validates every spec it reads: a damaged row is absent from poll reads and described by its plain columns', async () => {
    const db = openDatabase(join(dir, 'd.db'));
    const store = new SqlitePollStore(db);
    await store.createPoll({ channel, creator: { id: 'U1', name: 'ann' }, spec, createdAt: 1 }, () => 'OK12');
    const damaged = await store.createPoll({ channel, creator: { id: 'U2', name: 'bob' }, spec, createdAt: 2 }, () => 'BAD1');
    db.sqlite.prepare('update polls set spec = ? where id = ?').run(JSON.stringify({ ...spec, days: { type: 'dates', dates: ['2026-02-30'] } }), damaged.id);

    expect(await store.getPoll(damaged.id)).toBeUndefined();
    expect(await store.findPollByCode('BAD1')).toBeUndefined();
    expect((await store.newestOpenPoll(channel))?.code).toBe('OK12');
    expect((await store.listPolls(channel, ['open'])).map((p) => p.code)).toEqual(['OK12']);
    const described = { id: damaged.id, code: 'BAD1', channel, creator: { id: 'U2', name: 'bob' }, title: 'p', status: 'open', problem: 'spec days.dates.0: not a YYYY-MM-DD date' };
    expect(await store.unreadablePoll({ id: damaged.id })).toEqual(described);
    expect(await store.unreadablePoll({ code: 'BAD1' })).toEqual(described);
    expect(await store.unreadablePoll({ code: 'OK12' })).toBeUndefined();
    expect(await store.unreadablePolls(channel, ['open'])).toEqual([described]);
    expect(await store.unreadablePolls(channel, ['closed'])).toEqual([]);
    db.close();
  });

  it('refuses to store a spec that would not read back', async () => {
    const store = new SqlitePollStore(openDatabase(':memory:'));
    await expect(store.createPoll({ channel, creator: { id: 'U1', name: 'a' }, spec: { ...spec, durationSlots: 0 }, createdAt: 1 }, () => 'ZZ99')).rejects.toThrow(/invalid poll spec/);
    expect(await store.findPollByCode('ZZ99')).toBeUndefined();
    const poll = await store.createPoll({ channel, creator: { id: 'U1', name: 'a' }, spec, createdAt: 1 }, () => 'ZZ98');
    await expect(store.updatePoll(poll.id, { spec: { ...spec, timezone: 'Nowhere/Special' } })).rejects.toThrow(/invalid poll spec/);
    expect((await store.getPoll(poll.id))?.spec).toEqual(spec);
  });

  it('clears an answer: the row goes, so the place in a max: poll is free; the history keeps what was cleared', async () => {
    const store = new SqlitePollStore(openDatabase(':memory:'));
    const poll = await store.createPoll({ channel, creator: { id: 'U1', name: 'a' }, spec, createdAt: 1 }, () => 'AB12');
    const bob = { id: 'U2', name: 'bob' };
    await store.saveAnswer(poll.id, bob, () => 'y.m', 5, { slotCount: 3, maxParticipants: 1 });
    expect(await store.clearAnswer(poll.id, bob, 6, 3)).toEqual({ cleared: true });
    expect(await store.participants(poll.id)).toEqual([]);
    expect((await store.history(poll.id, 1))[0]).toEqual({ user: bob, at: 6, changes: [[0, 'yes', 'no'], [2, 'maybe', 'no']] });
    expect(await store.clearAnswer(poll.id, bob, 7, 3)).toEqual({ cleared: false });
    expect(await store.history(poll.id, 10)).toHaveLength(2);
    await store.saveAnswer(poll.id, { id: 'U3', name: 'cy' }, () => 'y..', 8, { slotCount: 3, maxParticipants: 1 });
    expect((await store.participants(poll.id)).map((p) => p.user.id)).toEqual(['U3']);
  });

  it('keeps user settings per platform', async () => {
    const store = new SqlitePollStore(openDatabase(':memory:'));
    await store.setUserPrefs('slack', 'U1', { timezone: 'Asia/Kolkata' }, T0);
    expect(await store.userPrefs('slack', 'U1')).toEqual({ timezone: 'Asia/Kolkata' });
    expect(await store.userPrefs('discord', 'U1')).toEqual({});
  });
});
