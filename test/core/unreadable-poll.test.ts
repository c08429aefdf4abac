/**
 * A poll row whose stored spec is damaged (written here straight into a real SQLite file with
 * the real migrations): it is named in the list, refused with POLL_UNREADABLE by code, deletable
 * by its creator or an admin, skipped once by the scheduler, and breaks nothing else in the channel.
 */
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { encodeAction } from '../../src/core/actions.js';
import type { Poll } from '../../src/core/domain/types.js';
import type { Notifier } from '../../src/core/ports.js';
import { errorView } from '../../src/core/views/notices.js';
import type { View } from '../../src/core/views/reply.js';
import { SqliteDueWorkStore } from '../../src/infra/db/sqlite-due-work-store.js';
import { DeadlineScheduler } from '../../src/infra/scheduler/deadline-scheduler.js';
import { allText, CAPS, createPoll, errorCode, kitsOnFiles, T0, textOf, userErrorOf, type TestKit } from '../helpers.js';

const kitOnFile = kitsOnFiles('unreadable');

/** Specs as they may be found on disk: not JSON at all, or JSON that would hang or throw in slot layout. */
const DAMAGED = {
  truncated: '{"kind":"time","title":"Lunch","timezone":"Asia/Se',
  zeroSlot: JSON.stringify({
    kind: 'time',
    title: 'Lunch',
    timezone: 'Asia/Seoul',
    days: { type: 'dates', dates: ['2026-12-01'] },
    window: { start: '09:00', end: '18:00' },
    slotMinutes: 0,
    durationSlots: 1,
    expected: [],
    required: [],
    remindMinutes: [60],
    hidden: false,
  }),
  badZone: JSON.stringify({
    kind: 'date',
    title: 'Trip',
    timezone: 'Mars/Olympus_Mons',
    days: { type: 'dates', dates: ['2026-12-01'] },
    durationSlots: 1,
    expected: [],
    required: [],
    remindMinutes: [],
    hidden: false,
  }),
};

/** Writes a poll row straight into the table, as something other than the store might have. */
function insertRow(
  kit: TestKit,
  row: { code: string; spec: string; creator?: string; channelId?: string; deadline?: number | null; status?: string; picked?: string | null },
): void {
  kit.database.sqlite
    .prepare(
      `insert into polls (code, platform, workspace_id, channel_id, creator_id, creator_name, kind, title, spec, status, deadline, created_at, picked)
       values (@code, 'console', 'w1', @channelId, @creator, @creator, 'time', 'Lunch', @spec, @status, @deadline, @createdAt, @picked)`,
    )
    .run({
      code: row.code,
      spec: row.spec,
      creator: row.creator ?? 'host',
      channelId: row.channelId ?? 'c1',
      deadline: row.deadline ?? null,
      status: row.status ?? 'open',
      createdAt: T0,
      picked: row.picked ?? null,
    });
}

describe('a poll whose stored spec is damaged', () => {
  it('is listed as unreadable with its code, beside the polls that read fine', async () => {
    const kit = kitOnFile();
    const healthy = await createPoll(kit, 'host', 'Dinner kind:date dates:12/1-12/3');
    insertRow(kit, { code: 'K7P2', spec: DAMAGED.truncated });
    const text = allText(await kit.engine.runText(kit.actor('ann'), '/yakjeong list', CAPS));
    expect(text).toContain(`${healthy} · Dinner · 0 answered`);
    expect(text).toContain('K7P2 · this poll could not be read (stored data is damaged); `/yakjeong delete K7P2` removes it');
  });

  it('is listed in Korean to a Korean speaker, and alone when it is the only poll', async () => {
    const kit = kitOnFile('ko');
    insertRow(kit, { code: 'K7P2', spec: DAMAGED.zeroSlot });
    const text = allText(await kit.engine.runText(kit.actor('민지'), '/yakjeong list', CAPS));
    expect(text).toContain('K7P2 · 이 투표는 읽을 수 없어요(저장된 데이터 손상). `/yakjeong delete K7P2` 명령으로 지울 수 있어요');
    expect(text).not.toContain('진행 중인 투표가 없어요');
  });

  it.each(Object.entries(DAMAGED))('a %s spec: every command on its code is a coded refusal, not a crash', async (_, spec) => {
    const kit = kitOnFile();
    insertRow(kit, { code: 'K7P2', spec });
    const ann = kit.actor('ann');
    const host = kit.actor('host');
    for (const [who, text] of [
      [ann, '/yakjeong results K7P2'],
      [ann, '/yakjeong answer K7P2 12/1 09:00-10:00'],
      [ann, '/yakjeong answer K7P2'],
      [ann, '/yakjeong history K7P2'],
      [host, '/yakjeong close K7P2'],
      [host, '/yakjeong reopen K7P2'],
      [host, '/yakjeong pick K7P2 1'],
    ] as const) {
      expect(await errorCode(kit.engine.runText(who, text, CAPS)), text).toBe('POLL_UNREADABLE');
    }
    // The buttons of its old channel message too.
    expect(await errorCode(kit.engine.click(ann, encodeAction({ verb: 'respond', code: 'K7P2' }), CAPS))).toBe('POLL_UNREADABLE');
    expect(await errorCode(kit.engine.click(ann, encodeAction({ verb: 'set', code: 'K7P2', slot: 0, state: 'yes' }), CAPS))).toBe('POLL_UNREADABLE');
  });

  it('the refusal names the code and the way out, in the user\'s language', async () => {
    const kit = kitOnFile();
    insertRow(kit, { code: 'K7P2', spec: DAMAGED.truncated });
    const err = await userErrorOf(kit.engine.runText(kit.actor('ann'), '/yakjeong results k7p2', CAPS));
    expect(err.params).toEqual({ code: 'K7P2', today: '2026-11-26' });
    expect(textOf(errorView(err, 'en'))).toBe(
      '⚠️ Poll K7P2 could not be read: its stored data is damaged. Its creator or an admin can remove it with `/yakjeong delete K7P2`.',
    );
    expect(textOf(errorView(err, 'ko'))).toContain('K7P2 투표를 읽을 수 없어요');
  });

  it('a damaged pick makes the poll unreadable as well', async () => {
    const kit = kitOnFile();
    const code = await createPoll(kit, 'host', 'Dinner kind:date dates:12/1-12/3');
    kit.database.sqlite.prepare('update polls set picked = ? where code = ?').run('{"firstSlot":-4}', code);
    expect(await errorCode(kit.engine.runText(kit.actor('ann'), `/yakjeong results ${code}`, CAPS))).toBe('POLL_UNREADABLE');
    expect((await kit.store.unreadablePoll({ code }))?.problem).toMatch(/^picked firstSlot/);
  });

  it('commands without a code act on the newest poll that reads fine', async () => {
    const kit = kitOnFile();
    const healthy = await createPoll(kit, 'host', 'Dinner kind:date dates:12/1-12/3');
    insertRow(kit, { code: 'K7P2', spec: DAMAGED.truncated });
    const saved = allText(await kit.engine.runText(kit.actor('ann'), '/yakjeong answer 12/1', CAPS));
    expect(saved).toContain(`(${healthy})`);
    expect(allText(await kit.engine.runText(kit.actor('ann'), '/yakjeong results', CAPS))).toContain('Dinner');
  });

  it('is deleted by its creator or an admin only, and is then gone like any deleted poll', async () => {
    const kit = kitOnFile();
    insertRow(kit, { code: 'K7P2', spec: DAMAGED.truncated, creator: 'host' });
    insertRow(kit, { code: 'M3X9', spec: DAMAGED.badZone, creator: 'host' });
    const refusal = await userErrorOf(kit.engine.runText(kit.actor('ann'), '/yakjeong delete K7P2', CAPS));
    expect(refusal.code).toBe('NOT_ALLOWED');
    expect(refusal.params).toMatchObject({ code: 'K7P2', creator: 'host', action: 'delete' });

    const replies = await kit.engine.runText(kit.actor('host'), '/yakjeong delete K7P2', CAPS);
    expect(replies).toEqual([expect.objectContaining({ type: 'post', audience: { kind: 'channel' } })]);
    expect(allText(replies)).toBe('🗑️ Deleted “Lunch” (K7P2).');
    expect(allText(await kit.engine.runText(kit.actor('admin', { isAdmin: true }), '/yakjeong delete m3x9', CAPS))).toContain('(M3X9)');

    expect(await errorCode(kit.engine.runText(kit.actor('ann'), '/yakjeong results K7P2', CAPS))).toBe('POLL_NOT_FOUND');
    expect(allText(await kit.engine.runText(kit.actor('ann'), '/yakjeong list', CAPS))).toContain('There is no open poll in this channel');
    // The row stays (as deleted); nothing stored is thrown away.
    expect(kit.database.sqlite.prepare('select status, spec from polls where code = ?').get('K7P2')).toEqual({ status: 'deleted', spec: DAMAGED.truncated });
  });

  it('a bare delete counts damaged open polls too: it asks, naming the damaged one by its code, and asks for the code of one alone', async () => {
    const kit = kitOnFile();
    const older = await createPoll(kit, 'host', 'Dinner kind:date dates:12/1-12/3');
    insertRow(kit, { code: 'K7P2', spec: DAMAGED.truncated });
    const asked = await userErrorOf(kit.engine.runText(kit.actor('host'), '/yakjeong delete', CAPS));
    expect(asked.code).toBe('WHICH_POLL');
    expect(textOf(errorView(asked, 'en'))).toContain('`/yakjeong delete K7P2`');
    expect(await kit.store.unreadablePoll({ code: 'K7P2' })).toMatchObject({ status: 'open' });
    expect((await kit.store.findPollByCode(older))?.status).toBe('open');
    expect(allText(await kit.engine.runText(kit.actor('host'), '/yakjeong delete K7P2', CAPS))).toContain('(K7P2)');
    // The damaged one alone (the readable one closed, another damaged one closed): it cannot be shown
    // in a question, so a bare delete asks for its code rather than delete it on a guess.
    await kit.engine.runText(kit.actor('host'), `/yakjeong close ${older}`, CAPS);
    insertRow(kit, { code: 'M3X9', spec: DAMAGED.truncated });
    insertRow(kit, { code: 'Q4W8', spec: DAMAGED.truncated, status: 'closed' });
    const needsCode = await userErrorOf(kit.engine.runText(kit.actor('host'), '/yakjeong delete', CAPS));
    expect(needsCode.code).toBe('DELETE_NEEDS_CODE');
    expect(textOf(errorView(needsCode, 'en'))).toBe(
      '⚠️ Poll M3X9 could not be read (its stored data is damaged), so it is not deleted on a guess. To delete it, name it: `/yakjeong delete M3X9`.',
    );
    expect(textOf(errorView(needsCode, 'ko'))).toContain('`/yakjeong delete M3X9`');
    expect(await kit.store.unreadablePoll({ code: 'M3X9' })).toMatchObject({ status: 'open' });
    expect(allText(await kit.engine.runText(kit.actor('host'), '/yakjeong delete M3X9', CAPS))).toContain('(M3X9)');
    expect(await kit.store.unreadablePoll({ code: 'Q4W8' })).toMatchObject({ status: 'closed' });
  });

  it("a bare delete by someone who may manage none of the open polls is refused naming the newest, damaged or not, and deletes nothing", async () => {
    const kit = kitOnFile();
    const mine = await createPoll(kit, 'host', 'Dinner kind:date dates:12/1-12/3');
    await kit.engine.runText(kit.actor('host'), `/yakjeong close ${mine}`, CAPS);
    insertRow(kit, { code: 'K7P2', spec: DAMAGED.truncated, creator: 'guest' });
    const refused = await userErrorOf(kit.engine.runText(kit.actor('host'), '/yakjeong delete', CAPS));
    expect(refused.code).toBe('NOT_ALLOWED');
    expect(refused.params.code).toBe('K7P2');
    expect((await kit.store.findPollByCode(mine))?.status).toBe('closed');
  });

  it("another channel's damaged poll is reported like a missing one", async () => {
    const kit = kitOnFile();
    insertRow(kit, { code: 'K7P2', spec: DAMAGED.truncated, channelId: 'elsewhere' });
    expect(await errorCode(kit.engine.runText(kit.actor('host'), '/yakjeong results K7P2', CAPS))).toBe('POLL_NOT_FOUND');
    expect(await errorCode(kit.engine.runText(kit.actor('admin', { isAdmin: true }), '/yakjeong delete K7P2', CAPS))).toBe('POLL_NOT_FOUND');
    expect(allText(await kit.engine.runText(kit.actor('host'), '/yakjeong list', CAPS))).not.toContain('K7P2');
  });

  it('reads back every spec the grammar makes, so only damage is unreadable', async () => {
    const kit = kitOnFile();
    for (const text of [
      'a dates:12/1-12/5 time:09:00-18:00 slot:15m duration:1h deadline:24h remind:1h max:8 with:@a @b must:@a hidden:yes desc:words',
      'b dates:mon-fri time:22:00-02:00 slot:2h tz:America/New_York',
      'c dates:12/1 time:00:00-24:00',
      'd dates:12/1,12/3 blocks:lunch=12:00-13:00,late=23:00-24:00,any',
      'e kind:date dates:2026-12-01..2027-01-31 duration:3d',
    ]) {
      const code = await createPoll(kit, 'host', text);
      expect(await kit.store.unreadablePoll({ code }), text).toBeUndefined();
      expect(await kit.store.findPollByCode(code), text).toBeDefined();
    }
  });
});

/** A channel that records what it was sent. */
class RecordingChannel implements Notifier {
  posts: string[] = [];
  async post(poll: Poll, view: View): Promise<void> {
    this.posts.push(`${poll.code}: ${textOf(view)}`);
  }
  async refreshPoll(): Promise<void> {}
}

describe('the scheduler and a damaged poll', () => {
  it('closes it at its deadline, skips its announcement with one log line, and goes on with the others', async () => {
    const kit = kitOnFile();
    const logs: Array<{ level: number; msg: string; code?: string; problem?: string }> = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void logs.push(JSON.parse(line)) });
    const store = new SqliteDueWorkStore(kit.database);
    const scheduler = new DeadlineScheduler({ store, engine: kit.engine, clock: kit.clock, logger });
    const channel = new RecordingChannel();
    scheduler.register('console', channel);
    try {
      // Both damaged rows would have reminders by now, and both have passed deadlines by the end.
      insertRow(kit, { code: 'K7P2', spec: DAMAGED.truncated, deadline: T0 + 3_600_000 });
      insertRow(kit, { code: 'M3X9', spec: DAMAGED.zeroSlot, deadline: T0 + 3_600_000 });
      const healthy = await createPoll(kit, 'host', 'Dinner kind:date dates:12/1-12/3 deadline:2h remind:90m');

      kit.clock.advance(45 * 60_000);
      await scheduler.tick();
      expect(channel.posts).toHaveLength(1);
      expect(channel.posts[0]).toMatch(new RegExp(`^${healthy}: ⏰ “Dinner” \\(${healthy}\\) closes .*answered so far`));

      kit.clock.advance(3 * 3_600_000);
      await scheduler.tick();
      await scheduler.tick();
      expect(channel.posts).toHaveLength(2);
      expect(channel.posts[1]).toContain(`⏰ “Dinner” (${healthy}) closed late`);

      const skipped = logs.filter((l) => l.msg === 'skipping scheduled work: the poll could not be read');
      expect(skipped.map((l) => l.code).sort()).toEqual(['K7P2', 'M3X9']);
      expect(skipped.every((l) => l.level === 40 && typeof l.problem === 'string')).toBe(true);
      expect(logs.filter((l) => l.level >= 50)).toEqual([]);

      // Nothing stays due, so the timer does not spin; more ticks log nothing more.
      expect(await store.nextDueAt()).toBeUndefined();
      kit.clock.advance(60_000);
      await scheduler.tick();
      expect(logs.filter((l) => l.msg.startsWith('skipping'))).toHaveLength(2);
      const outbox = kit.database.sqlite
        .prepare("select p.code, o.status, o.last_error as error from outbox o join polls p on p.id = o.poll_id where p.code in ('K7P2', 'M3X9') order by p.code")
        .all() as Array<{ code: string; status: string; error: string }>;
      expect(outbox.map((o) => [o.code, o.status])).toEqual([
        ['K7P2', 'failed'],
        ['M3X9', 'failed'],
      ]);
      expect(outbox.every((o) => o.error.startsWith('POLL_UNREADABLE spec '))).toBe(true);

      // Closed at its deadline, it is still named by code and can still be deleted.
      expect(await errorCode(kit.engine.runText(kit.actor('ann'), '/yakjeong results K7P2', CAPS))).toBe('POLL_UNREADABLE');
      expect(allText(await kit.engine.runText(kit.actor('host'), '/yakjeong delete K7P2', CAPS))).toContain('(K7P2)');
    } finally {
      await scheduler.stop();
    }
  });
});
