/**
 * The poll message and the results name who answered and the best times from one read of the
 * answers: a click landing while a view is being made never leaves "1 answer" above a best time
 * that counts two people.
 */
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/core/engine.js';
import type { Participant, UserRef } from '../../src/core/domain/types.js';
import type { AnswerShape, AnswerSummary } from '../../src/core/domain/kept-answers.js';
import { openDatabase } from '../../src/infra/db/open-database.js';
import { SqlitePollStore } from '../../src/infra/db/sqlite-poll-store.js';
import { CanvasHeatmapRenderer } from '../../src/infra/heatmap/canvas-heatmap-renderer.js';
import { IcsCalendarFiles } from '../../src/infra/calendar/ics-calendar-files.js';
import { CAPS, T0, posts, textOf, type TestKit } from '../helpers.js';
import { ManualClock } from '../support/manual-clock.js';

/** The real store, where one more person's answer lands right after the next read of a poll's answers, as another process's click would. */
class ClickAfterNextRead extends SqlitePollStore {
  private pending: (() => Promise<unknown>) | undefined;

  landAfterNextRead(click: () => Promise<unknown>): void {
    this.pending = click;
  }

  override async participants(pollId: number): Promise<Participant[]> {
    const read = await super.participants(pollId);
    await this.land();
    return read;
  }

  override async answerSummary(pollId: number, shape: AnswerShape): Promise<AnswerSummary> {
    const read = await super.answerSummary(pollId, shape);
    await this.land();
    return read;
  }

  private async land(): Promise<void> {
    const click = this.pending;
    this.pending = undefined;
    await click?.();
  }
}

function kitWith(store: ClickAfterNextRead, database: TestKit['database']) {
  const clock = new ManualClock(T0);
  const engine = new Engine({
    store,
    clock,
    heatmap: new CanvasHeatmapRenderer(),
    calendar: new IcsCalendarFiles(),
    defaultTimezone: 'Asia/Seoul',
    defaultLocale: 'en',
    random: () => 0.5,
  });
  const actor = (name: string) => ({ channel: { platform: 'console' as const, workspaceId: 'w1', channelId: 'c1' }, user: { id: name, name }, isAdmin: false, locale: 'en' as const });
  return { engine, store, clock, database, actor };
}

describe('views read the answers once', () => {
  it('a click landing while the results are made shows up in both the count and the best time, or in neither', async () => {
    const database = openDatabase(':memory:');
    const store = new ClickAfterNextRead(database);
    const kit = kitWith(store, database);
    try {
      await kit.engine.runText(kit.actor('host'), '/yakjeong new Standup dates:2026-12-01 time:09:00-11:00 slot:1h', CAPS);
      await kit.engine.runText(kit.actor('ann'), '/yakjeong answer 2026-12-01 09:00-11:00', CAPS);
      const poll = (await store.listPolls({ platform: 'console', workspaceId: 'w1', channelId: 'c1' }, ['open']))[0]!;
      const zed: UserRef = { id: 'zed', name: 'zed' };
      store.landAfterNextRead(() => store.saveAnswer(poll.id, zed, () => 'yy', T0, { slotCount: 2 }));

      const text = textOf(posts(await kit.engine.runText(kit.actor('ann'), '/yakjeong results', CAPS))[0]!);
      // zed answered after the read: one answer, and ann alone free at the best time.
      expect(text).toContain('1 answer');
      expect(text).toMatch(/— 1\/1/);
      expect(text).not.toContain('zed');
    } finally {
      database.close();
    }
  });

  it('the live poll message counts the same people its best time names', async () => {
    const database = openDatabase(':memory:');
    const store = new ClickAfterNextRead(database);
    const kit = kitWith(store, database);
    try {
      await kit.engine.runText(kit.actor('host'), '/yakjeong new Standup dates:2026-12-01 time:09:00-11:00 slot:1h', CAPS);
      const poll = (await store.listPolls({ platform: 'console', workspaceId: 'w1', channelId: 'c1' }, ['open']))[0]!;
      const zed: UserRef = { id: 'zed', name: 'zed' };
      await kit.engine.runText(kit.actor('ann'), '/yakjeong answer 2026-12-01 09:00-11:00', CAPS);
      // The adapter remakes the live message after ann's answer; zed's click lands while it is read.
      store.landAfterNextRead(() => store.saveAnswer(poll.id, zed, () => 'yy', T0, { slotCount: 2 }));
      const view = await kit.engine.queries.pollMessage(poll.id);
      const message = view && textOf(view);
      expect(message).toBeDefined();
      expect(message).toContain('✋ 1 person answered: ann');
      expect(message).toMatch(/— 1\/1 🎉 Everyone is free/);
      expect(message).not.toContain('zed');
    } finally {
      database.close();
    }
  });
});
