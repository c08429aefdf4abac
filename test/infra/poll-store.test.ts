import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, WAL_CHECKPOINT_PAGES, WAL_KEPT_BYTES } from '../../src/infra/db/sqlite/open-database.js';
import type { PollSpec } from '../../src/core/domain/types.js';
import { T0 } from '../helpers.js';
import { ReplayedRequest, UserError } from '../../src/core/errors.js';
import { describeEachStore } from '../support/pg-store-dialects.js';
import { answersOf, countsOver } from '../../src/core/domain/availability.js';
import { answersFromBands, bandCount, type AnswerShape } from '../../src/core/domain/kept-answers.js';
import type { PollStore } from '../../src/core/ports.js';

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
    // A checkpoint a quarter as often as SQLite's default (benchmarks.md, session 11).
    expect(db.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(WAL_CHECKPOINT_PAGES);
    expect(db.sqlite.pragma('journal_size_limit', { simple: true })).toBe(WAL_KEPT_BYTES);
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

  it('records where each answer was given in its history entry', async () => {
    const { polls } = await d.open();
    const poll = await polls.createPoll(newPoll(), () => 'SRC1');
    const bob = { id: 'U2', name: 'bob' };
    await polls.saveAnswer(poll.id, bob, () => 'y..', 5, { slotCount: 3, source: 'button' });
    await polls.saveAnswer(poll.id, bob, () => 'yy.', 6, { slotCount: 3, source: 'text' });
    await polls.saveAnswer(poll.id, bob, () => 'yyy', 7, { slotCount: 3, source: 'web' });
    await polls.saveAnswer(poll.id, bob, () => 'yym', 8, { slotCount: 3 });
    expect((await polls.history(poll.id, 10)).map((e) => e.source)).toEqual([undefined, 'web', 'text', 'button']);
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

  it('raises the poll version with every change to answers, spec, status or pick, and only then', async () => {
    const { polls } = await d.open();
    const poll = await polls.createPoll(newPoll(), () => 'VV11');
    const version = async () => (await polls.getPoll(poll.id))!.version;
    const bob = { id: 'U2', name: 'bob' };
    const steps: Array<[string, () => Promise<unknown>, number]> = [
      ['a first answer', () => polls.saveAnswer(poll.id, bob, () => 'y..', 2, { slotCount: 3 }), 1],
      ['the same answer again', () => polls.saveAnswer(poll.id, bob, () => 'y..', 3, { slotCount: 3 }), 1],
      ['a changed answer', () => polls.saveAnswer(poll.id, bob, () => 'ym.', 4, { slotCount: 3 }), 2],
      ['the message reference', () => polls.updatePoll(poll.id, { messageRef: 'ts-1' }), 2],
      ['the status', () => polls.updatePoll(poll.id, { status: 'closed', closedAt: 5 }), 3],
      ['the spec', () => polls.updatePoll(poll.id, { spec: { ...spec, title: 'q' } }), 4],
      ['the pick', () => polls.updatePoll(poll.id, { picked: { firstSlot: 0, slotCount: 1, pickedBy: bob, pickedAt: 6 } }), 5],
      ['a cleared answer', () => polls.clearAnswer(poll.id, bob, 7, 3), 6],
      ['clearing nothing', () => polls.clearAnswer(poll.id, bob, 8, 3), 6],
    ];
    expect(await version()).toBe(0);
    const seen: Array<[string, number]> = [];
    for (const [what, step] of steps) {
      await step();
      seen.push([what, await version()]);
    }
    expect(seen).toEqual(steps.map(([what, , expected]) => [what, expected]));
  });

  it('gives the answers as ranking reads them, and after every change the changed ones, never a kept stale copy', async () => {
    const store = await d.open();
    const other = (await d.open()).polls;
    const { polls } = store;
    const poll = await polls.createPoll(newPoll(), () => 'AM11');
    // What ranking must see: exactly the stored answers, in the stored order, as bits, and the window counts of those bits.
    const expected = async (shape: AnswerShape) => {
      const { people, matrix } = answersOf(await polls.participants(poll.id), shape.slots);
      const { yes, available } = matrix.bits();
      const starts = Array.from({ length: Math.max(0, shape.slots - shape.windowSlots + 1) }, (_, i) => i);
      const counts = (bits: Uint32Array) => Array.from(countsOver(bits, matrix.words, shape.slots, shape.windowSlots, starts));
      return { yes, available, who: people, windowYes: counts(yes), windowAvailable: counts(available) };
    };
    const read = async (from: PollStore, shape: AnswerShape) => {
      const summary = await from.answerSummary(poll.id, shape);
      const bands = await from.answerBands(poll.id, summary, 0, bandCount(summary) - 1);
      const { people, matrix } = answersFromBands(summary, bands ?? new Map());
      const { yes, available } = matrix.bits();
      return { yes, available, who: people, windowYes: Array.from(summary.windowYes), windowAvailable: Array.from(summary.windowAvailable) };
    };
    const same = async (what: string, shape: AnswerShape = { slots: 3, windowSlots: 1 }) => {
      // The first read works them out and keeps them, the second reads the kept row (on another connection too).
      const want = await expected(shape);
      expect({ what, got: await read(polls, shape) }).toEqual({ what, got: want });
      expect({ what, got: await read(other, shape) }).toEqual({ what, got: want });
    };
    await same('no answers');
    // Names are user text: the separator and the escape of the kept list come back as typed.
    const bob = { id: 'U2', name: 'bob \\s \u001f \\' };
    const cy = { id: 'U3\u001f', name: '' };
    await polls.saveAnswer(poll.id, bob, () => 'y.m', 2, { slotCount: 3 });
    await same('a first answer');
    await polls.saveAnswer(poll.id, cy, () => 'mm.', 3, { slotCount: 3 });
    await same('a second answer');
    await other.saveAnswer(poll.id, bob, () => '.yy', 4, { slotCount: 3 });
    await same('a changed answer, saved through another connection');
    await same('another window length', { slots: 3, windowSlots: 2 });
    await polls.updatePoll(poll.id, { spec: { ...spec, days: { type: 'dates', dates: [...(spec.days as { dates: string[] }).dates, '2026-12-04'] } } });
    await same('one more slot', { slots: 4, windowSlots: 2 });
    await polls.clearAnswer(poll.id, bob, 5, 4);
    await same('a cleared answer', { slots: 4, windowSlots: 2 });
    expect((await read(polls, { slots: 4, windowSlots: 2 })).who).toEqual([cy]);
  });

  it("keeps a big poll's bits in bands, reads any of them, and none of a version the poll has moved past", async () => {
    const { polls } = await d.open();
    const poll = await polls.createPoll(newPoll(), () => 'BA12');
    // 40 people × 1,344 slots: two words a slot, so the bits span several bands.
    const shape: AnswerShape = { slots: 1344, windowSlots: 4 };
    const pattern = (i: number) => Array.from({ length: shape.slots }, (_, s) => ((s * 7 + i * 13) % 11 < 4 ? 'y' : (s + i) % 5 === 0 ? 'm' : '.')).join('');
    for (let i = 0; i < 40; i++) await polls.saveAnswer(poll.id, { id: `U${i}`, name: `p${i}` }, () => pattern(i), 10 + i, { slotCount: shape.slots });
    const summary = await polls.answerSummary(poll.id, shape);
    expect(bandCount(summary)).toBeGreaterThan(2);
    const { matrix } = answersOf(await polls.participants(poll.id), shape.slots);
    const middle = bandCount(summary) >> 1;
    const some = await polls.answerBands(poll.id, summary, middle, middle);
    expect([...(some?.keys() ?? [])]).toEqual([middle]);
    const from = middle * summary.bandSlots;
    expect(Array.from(some!.get(middle)!.yes.subarray(0, matrix.words * 3))).toEqual(Array.from(matrix.bits().yes.subarray(from * matrix.words, (from + 3) * matrix.words)));
    // Another click moves the poll on; once a read keeps the new version, the old bands are gone.
    await polls.saveAnswer(poll.id, { id: 'U0', name: 'p0' }, () => pattern(99), 99, { slotCount: shape.slots });
    expect(await polls.answerBands(poll.id, summary, middle, middle)).toBeDefined();
    const next = await polls.answerSummary(poll.id, shape);
    expect(next.version).toBeGreaterThan(summary.version);
    expect(await polls.answerBands(poll.id, summary, middle, middle)).toBeUndefined();
    expect(await polls.answerBands(poll.id, next, 0, bandCount(next) - 1)).toBeDefined();
  });

  it('keeps the answers of a poll whose layout came out empty, with no bands', async () => {
    const { polls } = await d.open();
    const poll = await polls.createPoll(newPoll(), () => 'EM13');
    const empty = { slots: 0, windowSlots: 1 };
    const first = await polls.answerSummary(poll.id, empty);
    expect(first).toMatchObject({ slots: 0, people: [] });
    expect(bandCount(first)).toBe(0);
    expect(await polls.answerSummary(poll.id, empty)).toEqual(first);
  });

  it('closes a poll once when two connections close it at the same moment', async () => {
    const a = (await d.open()).polls;
    const b = (await d.open()).polls;
    const poll = await a.createPoll(newPoll(), () => 'CL05');
    const closes = await Promise.all([a, b, a, b].map((s, i) => s.updatePollIf(poll.id, 'open', { status: 'closed', closedAt: 10 + i })));
    expect(closes.filter(Boolean)).toHaveLength(1);
    const closed = (await a.getPoll(poll.id))!;
    expect(closed).toMatchObject({ status: 'closed', version: 1 });
    expect(closed.closedAt).toBe(10 + closes.indexOf(true));
  });

  it('claims a request key once until it expires', async () => {
    const { polls } = await d.open();
    expect(await polls.claimRequestKey({ key: 'slack:1', expiresAt: 100 }, 10)).toBe(true);
    expect(await polls.claimRequestKey({ key: 'slack:1', expiresAt: 200 }, 99)).toBe(false);
    expect(await polls.claimRequestKey({ key: 'slack:2', expiresAt: 100 }, 99)).toBe(true);
    expect(await polls.claimRequestKey({ key: 'slack:1', expiresAt: 300 }, 100)).toBe(true);
    expect(await polls.claimRequestKey({ key: 'slack:1', expiresAt: 400 }, 299)).toBe(false);
  });

  it('purges expired request keys now and then, keeping unexpired ones', async () => {
    const { polls } = await d.open();
    for (let i = 0; i < 150; i++) await polls.claimRequestKey({ key: `k${i}`, expiresAt: i < 50 ? 10 : 1_000 }, 5);
    await polls.claimRequestKey({ key: 'late', expiresAt: 2_000 }, 500);
    for (let i = 0; i < 99; i++) await polls.claimRequestKey({ key: `m${i}`, expiresAt: 2_000 }, 500);
    const expired = await d.query<{ n: number }>('select count(*) as n from request_keys where expires_at <= 500');
    expect(Number(expired[0]?.n)).toBe(0);
    expect(await polls.claimRequestKey({ key: 'k60', expiresAt: 2_000 }, 500)).toBe(false);
  });

  it('refuses a replayed answer, clear, poll or update: the transaction changes nothing', async () => {
    const { polls } = await d.open();
    const bob = { id: 'U2', name: 'bob' };
    const key = (k: string) => ({ key: k, expiresAt: 1_000 });
    const poll = await polls.createPoll({ ...newPoll(), requestKey: key('create') }, () => 'RK01');
    await expect(polls.createPoll({ ...newPoll(), requestKey: key('create') }, () => 'RK02')).rejects.toBeInstanceOf(ReplayedRequest);
    expect(await polls.findPollByCode('RK02')).toBeUndefined();

    await polls.saveAnswer(poll.id, bob, () => 'y..', 2, { slotCount: 3, requestKey: key('click-1') });
    const replay = polls.saveAnswer(poll.id, bob, () => 'yyy', 3, { slotCount: 3, requestKey: key('click-1') });
    await expect(replay).rejects.toMatchObject({ code: 'REPLAYED', key: 'click-1' });
    expect((await polls.participant(poll.id, 'U2'))?.states).toBe('y..');
    expect(await polls.history(poll.id, 10)).toHaveLength(1);
    expect((await polls.getPoll(poll.id))?.version).toBe(1);

    await polls.updatePoll(poll.id, { status: 'closed', closedAt: 4 }, { requestKey: key('close'), at: 4 });
    await polls.updatePoll(poll.id, { status: 'open', closedAt: null });
    await expect(polls.updatePoll(poll.id, { status: 'closed', closedAt: 5 }, { requestKey: key('close'), at: 5 })).rejects.toBeInstanceOf(ReplayedRequest);
    expect((await polls.getPoll(poll.id))?.status).toBe('open');

    await polls.clearAnswer(poll.id, bob, 6, 3, { requestKey: key('clear') });
    await polls.saveAnswer(poll.id, bob, () => 'm..', 7, { slotCount: 3 });
    await expect(polls.clearAnswer(poll.id, bob, 8, 3, { requestKey: key('clear') })).rejects.toBeInstanceOf(ReplayedRequest);
    expect((await polls.participant(poll.id, 'U2'))?.states).toBe('m..');
  });

  it('acts on a request key once when its deliveries race through two connections', async () => {
    const a = (await d.open()).polls;
    const b = (await d.open()).polls;
    const poll = await a.createPoll(newPoll(), () => 'RACE');
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        (i % 2 ? a : b).saveAnswer(poll.id, { id: 'U2', name: 'bob' }, (cur) => (cur[0] === 'y' ? 'm' : 'y') + cur.slice(1), 2 + i, { slotCount: 3, requestKey: { key: 'once', expiresAt: 1_000 } }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected' && r.reason instanceof ReplayedRequest)).toHaveLength(9);
    expect((await a.participant(poll.id, 'U2'))?.states).toBe('y..');
  });
});
