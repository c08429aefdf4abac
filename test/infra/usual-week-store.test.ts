/** The usual week's and blocking's store methods, on SQLite and PostgreSQL alike. */
import { expect, it } from 'vitest';
import type { PollSpec } from '../../src/core/domain/types.js';
import { weekFromHours } from '../../src/core/domain/usual-week.js';
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
const ann = { id: 'U1', name: 'ann' };
const person = { platform: 'slack' as const, workspaceId: 'T1', userId: 'U1' };
const inTeam = (team: string, channelId = 'C1') => ({ platform: 'slack' as const, workspaceId: team, channelId });

describeEachStore('usual week and blocking records', (d) => {
  it('reads a person’s answers of their platform and team made since a time, newest first, without deleted polls', async () => {
    const store = await d.open();
    let code = 0;
    const next = () => `AB${10 + ++code}`;
    const old = await store.polls.createPoll({ channel: inTeam('T1'), creator: ann, spec, createdAt: 100 }, next);
    const recent = await store.polls.createPoll({ channel: inTeam('T1', 'C2'), creator: ann, spec, createdAt: 300 }, next);
    const gone = await store.polls.createPoll({ channel: inTeam('T1'), creator: ann, spec, createdAt: 400 }, next);
    const elsewhere = await store.polls.createPoll({ channel: inTeam('T2'), creator: ann, spec, createdAt: 500 }, next);
    for (const poll of [old, recent, gone, elsewhere]) await store.polls.saveAnswer(poll.id, ann, () => 'y..', 1, { slotCount: 3 });
    await store.polls.updatePoll(gone.id, { status: 'deleted' });
    const answers = await store.polls.answersSince(person, 200);
    expect(answers.map((a) => [a.poll.code, a.states])).toEqual([[recent.code, 'y..']]);
    expect((await store.polls.answersSince(person, 0)).map((a) => a.poll.id)).toEqual([recent.id, old.id]);
    await store.close();
  });

  it('keeps settings with a hand-set week, and history entries with their reason', async () => {
    const store = await d.open();
    expect(await store.polls.usualWeekSettings(person)).toEqual({ learn: true, block: true });
    const pattern = weekFromHours([{ weekdays: [0], start: 600, length: 60, state: 'y' }], 'Asia/Seoul');
    await store.polls.setUsualWeekSettings(person, { learn: false, learnFrom: 42, block: false, pattern }, 1);
    expect(await store.polls.usualWeekSettings(person)).toEqual({ learn: false, learnFrom: 42, block: false, pattern });
    expect(await store.polls.usualWeekSettings({ ...person, workspaceId: 'T2' })).toEqual({ learn: true, block: true });
    const poll = await store.polls.createPoll({ channel: inTeam('T1'), creator: ann, spec, createdAt: 1 }, () => 'CD12');
    const reason = { kind: 'blocked' as const, pollId: 9, code: 'XY12', title: 'Standup' };
    await store.polls.saveAnswer(poll.id, ann, () => 'y..', 2, { slotCount: 3, reason });
    expect((await store.polls.history(poll.id, 1))[0]?.reason).toEqual(reason);
    await store.close();
  });

  it('records a block, finds it while active, and ends it once', async () => {
    const store = await d.open();
    const picked = await store.polls.createPoll({ channel: inTeam('T1'), creator: ann, spec, createdAt: 1 }, () => 'PK12');
    const blocked = await store.polls.createPoll({ channel: inTeam('T1'), creator: ann, spec, createdAt: 1 }, () => 'BL12');
    const block = await store.polls.recordBlock({ user: ann, pickedPollId: picked.id, blockedPollId: blocked.id, slots: [[0, 'yes'], [2, 'maybe']] }, 5);
    expect(await store.polls.answerBlock(block.id)).toEqual({ ...block, status: 'active' });
    expect((await store.polls.activeBlocks({ pickedPollId: picked.id })).map((b) => b.id)).toEqual([block.id]);
    expect((await store.polls.activeBlocks({ blockedPollId: blocked.id }))[0]?.slots).toEqual([[0, 'yes'], [2, 'maybe']]);
    expect(await store.polls.endBlock(block.id, 'undone', 6)).toBe(true);
    expect(await store.polls.endBlock(block.id, 'released', 7)).toBe(false);
    expect((await store.polls.answerBlock(block.id))?.status).toBe('undone');
    expect(await store.polls.activeBlocks({ pickedPollId: picked.id })).toEqual([]);
    await store.close();
  });
});
