/** `npm run db:copy -- --to postgres://…` moves a SQLite database into an empty PostgreSQL one, ids and sequences kept. */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { PollSpec } from '../../src/core/domain/types.js';
import { copySqliteToPostgres } from '../../src/infra/db/copy-sqlite-to-postgres.js';
import { openStore, type Store } from '../../src/infra/db/open-store.js';
import { clockShiftEnv } from '../support/clock-shift-env.js';
import { createTestDatabase, numericClient, pgAvailableForTests } from '../support/pg-test-database.js';
import { T0 } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'yakjeong-copy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const PG_AVAILABLE = await pgAvailableForTests();

const spec = (deadline?: number): PollSpec => ({
  kind: 'date',
  title: 'Copied',
  timezone: 'Asia/Seoul',
  days: { type: 'dates', dates: ['2026-12-01', '2026-12-02'] },
  durationSlots: 1,
  expected: [{ id: 'bob', name: 'bob' }],
  required: [],
  remindMinutes: deadline ? [60] : [],
  hidden: false,
  ...(deadline ? { deadline } : {}),
});
const channel = { platform: 'slack' as const, workspaceId: 'T1', channelId: 'C1' };
const ann = { id: 'ann', name: 'ann' };

function copy(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/db-copy.ts', ...args], {
    cwd: process.cwd(),
    env: { PATH: process.env.PATH ?? '', ...clockShiftEnv(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, out })));
}

/** Everything a user or the scheduler reads back, by poll code. */
async function snapshot(store: Store, codes: string[]) {
  const polls = [];
  for (const code of codes) {
    const poll = (await store.polls.findPollByCode(code))!;
    polls.push({ poll, participants: await store.polls.participants(poll.id), history: await store.polls.history(poll.id, 100) });
  }
  return { polls, prefs: await store.polls.userPrefs('slack', 'bob'), secret: await store.records.get('secret', 'web'), next: await store.dueWork.nextDueAt() };
}

/** The tables of the PostgreSQL database (after the copy migrated it). */
async function pgTables(url: string): Promise<string[]> {
  const client = numericClient(url);
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>("select table_name as name from information_schema.tables where table_schema = 'public'");
    return rows.map((r) => r.name);
  } finally {
    await client.end();
  }
}

describe.skipIf(!PG_AVAILABLE)('db:copy', () => {
  it('copies every table into an empty PostgreSQL database, keeping ids and going on after the last one', async () => {
    const path = join(dir, 'bot.db');
    const sqlite = await openStore({ databasePath: path });
    const kept = await sqlite.polls.createPoll({ channel, creator: ann, spec: spec(), createdAt: T0 }, () => 'KEEP');
    const gone = await sqlite.polls.createPoll({ channel, creator: ann, spec: spec(), createdAt: T0 }, () => 'GONE');
    const due = await sqlite.polls.createPoll({ channel, creator: ann, spec: spec(T0 + 3_600_000), createdAt: T0 }, () => 'DUE1');
    await sqlite.polls.saveAnswer(kept.id, { id: 'bob', name: 'bob' }, () => 'ym', T0 + 1, { slotCount: 2 });
    await sqlite.polls.saveAnswer(kept.id, { id: 'cy', name: 'cy' }, () => 'y.', T0 + 2, { slotCount: 2 });
    await sqlite.polls.updatePoll(kept.id, { status: 'closed', closedAt: T0 + 3 });
    await sqlite.polls.setUserPrefs('slack', 'bob', { timezone: 'Europe/Berlin', locale: 'en' }, T0);
    await sqlite.records.put('secret', 'web', 's3', T0);
    await sqlite.polls.claimRequestKey({ key: 'slack:abc', expiresAt: T0 + 300_000 }, T0);
    // The reminder an hour before DUE1's deadline, claimed, and its outbox item sent.
    await sqlite.dueWork.claimDue(T0 + 1, 300_000);
    const [item] = await sqlite.dueWork.claimOutbox(T0 + 1, 10, 60_000);
    await sqlite.dueWork.markSent(item!.id, item!.lease, T0 + 2);
    // The newest poll deleted outright: its id must still never come back.
    const last = await sqlite.polls.createPoll({ channel, creator: ann, spec: spec(), createdAt: T0 }, () => 'LAST');
    await sqlite.close();
    const file = new Database(path);
    file.prepare('delete from polls where id in (?, ?)').run(gone.id, last.id);
    // A row in each of the remaining tables, written as their stores would.
    file.prepare("insert into usual_week_settings (platform, workspace_id, user_id, learn, block, pattern, updated_at) values ('slack', 'T1', 'bob', 0, 1, null, ?)").run(T0);
    file.prepare("insert into answer_blocks (user_id, user_name, picked_poll_id, blocked_poll_id, slots, status, created_at) values ('bob', 'bob', ?, ?, '[[0,\"yes\"]]', 'active', ?)").run(kept.id, due.id, T0);
    file.prepare('insert into poll_edit_pacing (poll_id, next_at) values (?, ?)').run(kept.id, T0 + 2_000);
    file.close();
    const before = await openStore({ databasePath: path });
    const expected = await snapshot(before, ['KEEP', 'DUE1']);
    await before.close();

    const database = await createTestDatabase('copy');
    try {
      const { code, out } = await copy(['--to', database.url], { DATABASE_PATH: path });
      expect(out).toMatch(/Copied .*bot\.db to postgres:\/\/.*: polls 2, /);
      // Every table of the schema, each with what it held.
      for (const counted of ['polls 2', 'participants 2', 'answer_history 2', 'user_prefs 1', 'reminders_sent 1', 'outbox 1', 'shared_records 1', 'request_keys 1', 'usual_week_settings 1', 'answer_blocks 1', 'poll_edit_pacing 1']) {
        expect(out).toContain(counted);
      }
      const tables = (await pgTables(database.url)).filter((t) => !t.startsWith('__drizzle'));
      for (const table of tables) expect(out).toMatch(new RegExp(`\\b${table} \\d+`));
      expect(code).toBe(0);

      const pg = await openStore({ databasePath: '', databaseUrl: database.url });
      try {
        expect(await snapshot(pg, ['KEEP', 'DUE1'])).toEqual(expected);
        expect((await pg.polls.findPollByCode('DUE1'))!.id).toBe(due.id);
        // The sent reminder is not sent again, and the replayed request is still refused.
        expect(await pg.dueWork.claimDue(T0 + 2, 300_000)).toBe(0);
        expect(await pg.dueWork.claimOutbox(T0 + 2, 10, 60_000)).toEqual([]);
        expect(await pg.polls.claimRequestKey({ key: 'slack:abc', expiresAt: T0 + 300_000 }, T0 + 10)).toBe(false);
        const next = await pg.polls.createPoll({ channel, creator: ann, spec: spec(), createdAt: T0 }, () => 'NEW1');
        expect(next.id).toBe(last.id + 1);
        await pg.polls.saveAnswer(next.id, ann, () => 'y.', T0, { slotCount: 2 });
        expect((await pg.polls.history(next.id, 1))[0]?.user).toEqual(ann);
      } finally {
        await pg.close();
      }

      const again = await copy(['--to', database.url, '--from', path]);
      expect(again.code).toBe(1);
      expect(again.out).toContain('The PostgreSQL database is not empty (rows in polls');
      const client = numericClient(database.url);
      await client.connect();
      expect((await client.query('select count(*)::int as n from polls')).rows).toEqual([{ n: 3 }]);
      await client.end();
    } finally {
      await database.drop();
    }
  });

  it('copies one consistent snapshot while a bot keeps writing to the file', async () => {
    const path = join(dir, 'busy.db');
    const writer = await openStore({ databasePath: path });
    for (let i = 0; i < 50; i++) {
      const poll = await writer.polls.createPoll({ channel, creator: ann, spec: spec(), createdAt: T0 }, () => `B${String(i).padStart(3, '0')}`);
      await writer.polls.saveAnswer(poll.id, ann, () => 'y.', T0, { slotCount: 2 });
    }
    // Each round writes a poll and then its answer, while the copy reads polls first and answers after.
    let writing = true;
    let round = 0;
    const writes = (async () => {
      while (writing) {
        const poll = await writer.polls.createPoll({ channel, creator: ann, spec: spec(), createdAt: T0 }, () => `W${String(round++).padStart(3, '0')}`);
        await writer.polls.saveAnswer(poll.id, ann, () => 'y.', T0, { slotCount: 2 });
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const database = await createTestDatabase('copybusy');
    try {
      const copied = await copySqliteToPostgres(path, database.url).finally(() => (writing = false));
      await writes;
      expect(round).toBeGreaterThan(0);
      // Every copied answer belongs to a copied poll, and no poll is missing its answer.
      expect(copied.participants).toBe(copied.polls);
      expect(copied.polls).toBeGreaterThanOrEqual(50);
    } finally {
      await writer.close();
      await database.drop();
    }
  });

  it('says what is missing: the target, the SQLite file, or a server that answers', async () => {
    expect(await copy([])).toMatchObject({ code: 1, out: expect.stringContaining('--to postgres://') });
    const missing = join(dir, 'missing.db');
    expect(await copy(['--to', 'postgres://x@127.0.0.1:1/y', '--from', missing])).toMatchObject({ code: 1, out: expect.stringContaining(`There is no SQLite database at ${missing}`) });
    const present = join(dir, 'present.db');
    await (await openStore({ databasePath: present })).close();
    const closed = await copy(['--to', 'postgres://x:pw-secret@127.0.0.1:1/y', '--from', present]);
    expect(closed).toMatchObject({ code: 1, out: expect.stringContaining('Cannot open the database at postgres://x@127.0.0.1:1/y: connect ECONNREFUSED') });
    expect(closed.out).not.toContain('pw-secret');
  });
});
