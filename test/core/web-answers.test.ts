/**
 * The engine calls behind the big grid, on a real SQLite store: a stroke changes only the slots it
 * names (another stroke or a button press in between is kept), bad strokes and closed polls change
 * nothing, and the usual-week preview is read without storing while its Save is recorded.
 */
import { describe, expect, it } from 'vitest';
import { encodeAction } from '../../src/core/actions.js';
import { addDays, todayIn, weekdayOf } from '../../src/core/domain/time.js';
import { CAPS, createPoll, errorCode, kitsOnFiles, T0, type TestKit } from '../helpers.js';

const kit = kitsOnFiles('web-answers');

const TODAY = todayIn(T0, 'Asia/Seoul');
const nextTuesday = addDays(TODAY, 7 - weekdayOf(TODAY) + 1);

async function statesOf(k: TestKit, code: string, who: string): Promise<string | undefined> {
  const poll = (await k.store.findPollByCode(code))!;
  return (await k.store.participant(poll.id, who))?.states;
}

describe('painting on the big grid', () => {
  it('changes only the painted slots, keeping a button press and another tab in between', async () => {
    const k = kit();
    const code = await createPoll(k, 'host', `Dinner dates:${nextTuesday} time:18:00-22:00 slot:1h`);
    const first = await k.engine.paint(k.actor('ann'), code, [{ slot: 0, state: 'yes' }, { slot: 1, state: 'yes' }]);
    expect(first.states).toBe('yy..');
    expect(first.replies).toContainEqual(expect.objectContaining({ type: 'refresh-poll' }));
    await k.engine.click(k.actor('ann'), encodeAction({ verb: 'set', code, slot: 3, state: 'maybe' }), CAPS);
    // Another tab, painted from an older picture of the answer: only its own slot changes.
    const second = await k.engine.paint(k.actor('ann'), code, [{ slot: 0, state: 'no' }]);
    expect(second.states).toBe('.y.m');
    expect(await statesOf(k, code, 'ann')).toBe('.y.m');
    expect(await statesOf(k, code, 'bob')).toBeUndefined();
  });

  it('refuses a stroke with no slots or a slot outside the poll, and a closed poll, changing nothing', async () => {
    const k = kit();
    const code = await createPoll(k, 'host', `Dinner dates:${nextTuesday} time:18:00-22:00 slot:1h`);
    await k.engine.paint(k.actor('ann'), code, [{ slot: 2, state: 'yes' }]);
    for (const changes of [[], [{ slot: -1 }], [{ slot: 4 }], [{ slot: 1.5 }], [{ slot: 0 }, { slot: 99 }]]) {
      expect(await errorCode(k.engine.paint(k.actor('ann'), code, changes.map((c) => ({ ...c, state: 'yes' as const }))))).toBe('BAD_PAINT');
    }
    await k.engine.runText(k.actor('host'), `/yakjeong close ${code}`, CAPS);
    expect(await errorCode(k.engine.paint(k.actor('ann'), code, [{ slot: 0, state: 'yes' }]))).toBe('POLL_CLOSED');
    expect(await statesOf(k, code, 'ann')).toBe('..y.');
  });
});

describe('the usual week on the big grid', () => {
  it('previews without storing, saves what the usual week adds, and a second Save stores nothing new', async () => {
    const k = kit();
    await k.engine.runText(k.actor('ann'), '/yakjeong usual set tue 19:00-22:00', CAPS);
    const code = await createPoll(k, 'host', `Dinner dates:${nextTuesday} time:18:00-22:00 slot:1h`);
    await k.engine.paint(k.actor('ann'), code, [{ slot: 0, state: 'maybe' }]);
    expect(await k.engine.previewUsualWeek(k.actor('ann'), code)).toEqual({ stored: 'm...', filled: 'myyy' });
    expect(await statesOf(k, code, 'ann')).toBe('m...');

    const saved = await k.engine.saveUsualWeek(k.actor('ann'), code);
    expect(saved.states).toBe('myyy');
    const poll = (await k.store.findPollByCode(code))!;
    const [entry] = await k.store.history(poll.id, 1);
    expect(entry?.reason).toEqual({ kind: 'usual-week' });
    const again = await k.engine.saveUsualWeek(k.actor('ann'), code);
    expect(again).toEqual({ states: 'myyy', replies: [] });
    expect(await k.store.history(poll.id, 10)).toHaveLength(2);
  });
});
