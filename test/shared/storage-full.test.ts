/**
 * A full disk (SQLITE_FULL, made real here by capping a real SQLite database at its current
 * size): the process stays up, each person whose click could not be stored is told it was not
 * saved, and the operator's log gets one line a minute, not one a click.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { encodeAction } from '../../src/core/actions.js';
import { RateLimitedLog } from '../../adapters/shared/rate-limited-log.js';
import { ManualClock } from '../support/manual-clock.js';
import { LogCapture } from './platforms.js';
import { ANA, BEN, driver, MALLORY, NOW, startHarness, type Harness } from '../slack/support.js';

describe('a log line that repeats on every click', () => {
  it('is written once a minute, with the count held back', () => {
    const logs = new LogCapture();
    const clock = new ManualClock(NOW);
    const log = new RateLimitedLog(logs.logger, clock);
    const wrote = [0, 1, 2, 3].map(() => log.error('disk', { pollId: 1 }, 'storage is full'));
    expect(wrote).toEqual([true, false, false, false]);
    clock.advance(59_999);
    expect(log.error('disk', {}, 'storage is full')).toBe(false);
    // Another problem has its own minute.
    expect(log.error('other', {}, 'something else')).toBe(true);
    clock.advance(1);
    expect(log.error('disk', {}, 'storage is full')).toBe(true);
    const lines = logs.entries.filter((e) => e.msg === 'storage is full') as Array<{ heldBack?: number }>;
    expect(lines).toHaveLength(2);
    expect(lines[1]!.heldBack).toBe(4);
  });
});

describe('a full disk under Slack clicks', () => {
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  it('tells each person their click was not saved, logs it once, and keeps serving', async () => {
    const logs = new LogCapture();
    harness = await startHarness({ mode: 'http', logger: logs.logger });
    const d = driver(() => harness!, 'full');
    const { poll, channel } = await d.createPoll();
    // Fill the answer tables up to a cap at the database's present size: no new row fits.
    const sqlite = harness.database.sqlite;
    sqlite.pragma(`max_page_count = ${sqlite.pragma('page_count', { simple: true }) as number}`);
    const states = '.'.repeat(4);
    let filler = 0;
    for (;;) {
      try {
        sqlite.prepare('insert into participants (poll_id, user_id, user_name, states, first_answered_at, answered_at) values (?, ?, ?, ?, ?, ?)').run(poll.id, `U0F${++filler}`, 'f', states, NOW, NOW);
        sqlite.prepare('insert into answer_history (poll_id, user_id, user_name, at, changes) values (?, ?, ?, ?, ?)').run(poll.id, `U0F${filler}`, 'f', NOW, '[]');
      } catch (err) {
        expect((err as { code?: string }).code).toBe('SQLITE_FULL');
        break;
      }
    }
    const from = logs.entries.length;
    for (const [i, user] of [ANA, BEN, MALLORY].entries()) {
      const res = await d.press(encodeAction({ verb: 'set', code: poll.code, slot: 0, state: 'yes' }), { channel, user, ephemeral: true }, `full-${i}`);
      expect(res.status).toBe(200);
      const told = await d.latestResponse(`full-${i}`);
      expect(JSON.stringify(told)).toContain('that was not saved');
    }
    const full = logs.entries.slice(from).filter((e) => e.msg.startsWith('storage is full'));
    expect(full).toHaveLength(1);
    expect(await harness.store.participant(poll.id, ANA.id)).toBeUndefined();
    // Still serving: a read works.
    const res = await d.command('list', { channel }, 'full-list');
    expect(res.status).toBe(200);
    expect(JSON.stringify(await d.latestResponse('full-list'))).toContain(poll.code);
  });
});
