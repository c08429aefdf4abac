/**
 * Issue #16 through the real engine on SQLite: the usual week learned from answers, shown,
 * set by hand and filled into a new poll (preview unsaved, Save recorded); picked meetings
 * blocking the same time in other polls, Undo and release giving back only what still holds.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { encodeAction, type Action } from '../../src/core/actions.js';
import { answersOf } from '../../src/core/domain/availability.js';
import { addDays, todayIn, weekdayOf } from '../../src/core/domain/time.js';
import type { Reply } from '../../src/core/views/reply.js';
import { allText, CAPS, createPoll, deleteAsked, errorCode, makeKit, posts, T0, type TestKit } from '../helpers.js';

const kits: TestKit[] = [];
afterEach(() => {
  for (const k of kits.splice(0)) k.database.close();
});

function kit(): TestKit {
  const k = makeKit();
  kits.push(k);
  return k;
}

const TODAY = todayIn(T0, 'Asia/Seoul');
/** The Tuesday `weeks` weeks after the coming Monday. */
const tuesday = (weeks: number) => addDays(TODAY, 7 - weekdayOf(TODAY) + 1 + 7 * weeks);

async function click(k: TestKit, who: string, action: Action): Promise<Reply[]> {
  return k.engine.click(k.actor(who), encodeAction(action), CAPS);
}

const run = (k: TestKit, who: string, text: string) => k.engine.runText(k.actor(who), text, CAPS);

/** Ranking's kept answers (read, so kept, before each change) agree with the answers as stored now. */
async function rankingSeesStored(k: TestKit, code: string): Promise<void> {
  const poll = (await k.store.findPollByCode(code))!;
  const kept = await k.engine.queries.answers(poll);
  const stored = answersOf(await k.engine.queries.participants(poll), k.engine.queries.layout(poll).slots.length);
  expect({ who: kept.people, ...kept.matrix.bits() }).toEqual({ who: stored.people, ...stored.matrix.bits() });
}

describe('your usual week', () => {
  it('is learned from answers, shown privately with a picture, and fills a new poll only after Save', async () => {
    const k = kit();
    for (const week of [0, 1]) {
      const code = await createPoll(k, 'host', `Dinner${week} dates:${tuesday(week)} time:18:00-22:00 slot:1h`);
      await run(k, 'ann', `/yakjeong answer ${code} ${tuesday(week)} 19:00-22:00`);
    }
    // A date poll says nothing of hours: it is not among the polls the week was learned from.
    const trip = await createPoll(k, 'host', `Trip kind:date dates:${tuesday(0)}..${addDays(tuesday(0), 2)}`);
    await run(k, 'ann', `/yakjeong answer ${trip} ${tuesday(0)}`);
    const shown = await run(k, 'ann', '/yakjeong usual');
    expect(shown[0]).toMatchObject({ type: 'post', audience: { kind: 'user', userId: 'ann' } });
    const text = allText(shown);
    expect(text).toContain('Tue ✅ 19:00–22:00');
    expect(text).toContain('Learned from your answers to 2 polls');
    const png = await posts(shown)[0]!.image!.render();
    expect([...png.slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);

    const code = await createPoll(k, 'host', `Dinner3 dates:${tuesday(2)} time:18:00-22:00 slot:1h`);
    const grid = posts(await click(k, 'ann', { verb: 'respond', code }))[0]!;
    const fill = grid.buttons.flat().find((b) => b.label.includes('usual week'))!;
    const preview = await k.engine.click(k.actor('ann'), fill.id, CAPS);
    expect(allText(preview)).toContain('Not saved');
    expect(allText(preview)).toMatch(/✅ .*19:00–22:00/);
    const poll = (await k.store.findPollByCode(code))!;
    expect(await k.store.participant(poll.id, 'ann')).toBeUndefined();

    const save = posts(preview)[0]!.buttons.flat()[0]!;
    await k.engine.click(k.actor('ann'), save.id, CAPS);
    expect((await k.store.participant(poll.id, 'ann'))?.states).toBe('.yyy');
    const [entry] = await k.store.history(poll.id, 1);
    expect(entry?.reason).toEqual({ kind: 'usual-week' });
    expect(allText(await run(k, 'ann', `/yakjeong history ${code}`))).toContain('(from the usual week)');
  });

  it('set by hand replaces it; learn off forgets; clear empties it; bad input is named', async () => {
    const k = kit();
    const set = await run(k, 'ann', '/yakjeong usual set mon-fri 19:00-22:00, sat evening');
    expect(allText(set)).toContain('Mon ✅ 19:00–22:00');
    expect(allText(set)).toContain('Sat ✅ 18:00–22:00');
    expect(allText(await run(k, 'ann', '/yakjeong usual'))).toContain('Set by you');
    expect(await errorCode(run(k, 'ann', '/yakjeong usual set someday 7-9'))).toBe('BAD_USUAL_WEEK');
    expect(await errorCode(run(k, 'ann', '/yakjeong usual learn maybe'))).toBe('BAD_ON_OFF');
    await run(k, 'ann', '/yakjeong usual clear');
    const code = await createPoll(k, 'host', `Dinner dates:${tuesday(0)} time:18:00-22:00 slot:1h`);
    await run(k, 'ann', `/yakjeong answer ${code} ${tuesday(0)} 19:00-22:00`);
    expect(allText(await run(k, 'ann', '/yakjeong usual'))).toContain('Tue ✅ 19:00–22:00');
    k.clock.advance(60_000);
    await run(k, 'ann', '/yakjeong usual learn off');
    const off = allText(await run(k, 'ann', '/yakjeong usual'));
    expect(off).toContain('Learning from your answers is off');
    expect(off).not.toContain('Tue ✅');
    // Back on: what was answered before stays forgotten.
    await run(k, 'ann', '/yakjeong usual learn on');
    expect(allText(await run(k, 'ann', '/yakjeong usual'))).not.toContain('Tue ✅');
  });

  it('cannot fill a date poll, and says so', async () => {
    const k = kit();
    const code = await createPoll(k, 'host', `Trip kind:date dates:${tuesday(0)}..${addDays(tuesday(0), 2)}`);
    expect(await errorCode(click(k, 'ann', { verb: 'fill', code, page: 0 }))).toBe('USUAL_WEEK_NO_TIMES');
  });
});

describe('picked meetings block your other polls', () => {
  async function twoPolls(k: TestKit) {
    const day = tuesday(0);
    const a = await createPoll(k, 'host', `Standup dates:${day} time:09:00-12:00 slot:1h`);
    const b = await createPoll(k, 'host', `Review dates:${day} time:10:00-13:00 slot:30m`);
    await run(k, 'ann', `/yakjeong answer ${a} ${day} 09:00-12:00`);
    await run(k, 'ann', `/yakjeong answer ${b} ${day} 10:00-13:00`);
    return { a, b, day };
  }

  it('sets the overlapping slots unavailable, tells the person once with an Undo, and the results say why', async () => {
    const k = kit();
    const { a, b } = await twoPolls(k);
    const picked = await run(k, 'host', `/yakjeong pick ${a} 1`);
    // Picked 09:00–10:00 (the first best window): Review's 10:00 slot does not overlap it.
    expect(picked.filter((r) => r.type === 'direct')).toHaveLength(0);
    const notices = (await run(k, 'host', `/yakjeong pick ${a} ${tuesday(0)} 10:00`)).filter((r) => r.type === 'direct');
    const review = (await k.store.findPollByCode(b))!;
    expect((await k.store.participant(review.id, 'ann'))?.states).toBe('..yyyy');
    expect(notices).toHaveLength(1);
    // The same time again is not a new pick: nothing is given back, taken or told twice.
    expect(await errorCode(run(k, 'host', `/yakjeong pick ${a} ${tuesday(0)} 10:00`))).toBe('ALREADY_PICKED');
    expect((await k.store.participant(review.id, 'ann'))?.states).toBe('..yyyy');
    const notice = notices[0]!.type === 'direct' ? notices[0]!.view : undefined;
    expect(notice?.buttons.flat().map((x) => x.label)).toEqual([`↩️ Undo ${b}`]);
    await run(k, 'bob', `/yakjeong answer ${b} ${tuesday(0)} 10:00-11:00`);
    const results = allText(await run(k, 'host', `/yakjeong results ${b}`));
    expect(results).toContain(`ann has another meeting then: “Standup” (${a})`);
    expect(results).not.toContain('<@ann>');
  });

  it('Undo gives back only the slots that still hold what blocking set; a hand change survives', async () => {
    const k = kit();
    const { a, b, day } = await twoPolls(k);
    const replies = await run(k, 'host', `/yakjeong pick ${a} ${day} 10:00`);
    const direct = replies.find((r) => r.type === 'direct');
    const undo = direct?.type === 'direct' ? direct.view.buttons.flat()[0]! : undefined;
    const review = (await k.store.findPollByCode(b))!;
    // By hand after the blocking: 10:30 back to if needed.
    await click(k, 'ann', { verb: 'set', code: b, slot: 1, state: 'maybe' });
    expect((await k.store.participant(review.id, 'ann'))?.states).toBe('.myyyy');
    // Someone else cannot press ann's Undo.
    expect(await errorCode(k.engine.click(k.actor('bob'), undo!.id, CAPS))).toBe('BLOCK_NOT_FOUND');
    await rankingSeesStored(k, b);
    const undone = await k.engine.click(k.actor('ann'), undo!.id, CAPS);
    expect(allText(undone)).toContain('Gave back your times in “Review”');
    expect((await k.store.participant(review.id, 'ann'))?.states).toBe('ymyyyy');
    await rankingSeesStored(k, b);
    expect(await errorCode(k.engine.click(k.actor('ann'), undo!.id, CAPS))).toBe('BLOCK_NOT_FOUND');
    const history = allText(await run(k, 'ann', `/yakjeong history ${b}`));
    expect(history).toContain(`(another meeting, ${a}, was picked)`);
    expect(history).toContain(`(undone: another meeting, ${a})`);
  });

  it('Undo says so when every blocked time was changed by hand since, and gives nothing back', async () => {
    const k = kit();
    const { a, b, day } = await twoPolls(k);
    const replies = await run(k, 'host', `/yakjeong pick ${a} ${day} 10:00`);
    const direct = replies.find((r) => r.type === 'direct');
    const undo = direct?.type === 'direct' ? direct.view.buttons.flat()[0]! : undefined;
    await click(k, 'ann', { verb: 'set', code: b, slot: 0, state: 'maybe' });
    await click(k, 'ann', { verb: 'set', code: b, slot: 1, state: 'maybe' });
    const undone = allText(await k.engine.click(k.actor('ann'), undo!.id, CAPS));
    expect(undone).toContain('Nothing to give back in “Review”');
    expect(undone).not.toContain('Gave back');
    const review = (await k.store.findPollByCode(b))!;
    expect((await k.store.participant(review.id, 'ann'))?.states).toBe('mmyyyy');
  });

  it('Undo works from a direct conversation with the bot (a Discord DM), where nothing else does', async () => {
    const k = kit();
    const { a, b, day } = await twoPolls(k);
    const replies = await run(k, 'host', `/yakjeong pick ${a} ${day} 10:00`);
    const direct = replies.find((r) => r.type === 'direct');
    const undo = direct?.type === 'direct' ? direct.view.buttons.flat()[0]! : undefined;
    const inDm = { ...k.actor('ann'), channel: { ...k.actor('ann').channel, workspaceId: '', channelId: 'dm-ann' }, direct: true as const };
    expect(await errorCode(k.engine.runText(inDm, `/yakjeong results ${b}`, CAPS))).toBe('NOT_IN_CHANNEL');
    expect(await errorCode(k.engine.click(inDm, encodeAction({ verb: 'set', code: b, slot: 0, state: 'yes' }), CAPS))).toBe('NOT_IN_CHANNEL');
    const review = (await k.store.findPollByCode(b))!;
    expect((await k.store.participant(review.id, 'ann'))?.states).toBe('..yyyy');
    expect(allText(await k.engine.click(inDm, undo!.id, CAPS))).toContain('Gave back your times in “Review”');
    expect((await k.store.participant(review.id, 'ann'))?.states).toBe('yyyyyy');
  });

  it('re-picking or deleting the picked poll releases the slots; block off leaves polls alone', async () => {
    const k = kit();
    const { a, b, day } = await twoPolls(k);
    const review = (await k.store.findPollByCode(b))!;
    await rankingSeesStored(k, b);
    await run(k, 'host', `/yakjeong pick ${a} ${day} 10:00`);
    expect((await k.store.participant(review.id, 'ann'))?.states).toBe('..yyyy');
    await rankingSeesStored(k, b);
    await run(k, 'host', `/yakjeong pick ${a} ${day} 09:00`);
    expect((await k.store.participant(review.id, 'ann'))?.states).toBe('yyyyyy');
    await rankingSeesStored(k, b);
    await run(k, 'host', `/yakjeong pick ${a} ${day} 11:00`);
    expect((await k.store.participant(review.id, 'ann'))?.states).toBe('yy..yy');
    await rankingSeesStored(k, b);
    await deleteAsked(k, k.actor('host'), `/yakjeong delete ${a}`);
    expect((await k.store.participant(review.id, 'ann'))?.states).toBe('yyyyyy');
    await rankingSeesStored(k, b);

    const c = await createPoll(k, 'host', `Sync dates:${day} time:11:00-12:00 slot:1h`);
    await run(k, 'ann', `/yakjeong answer ${c} ${day} 11:00-12:00`);
    await run(k, 'ann', '/yakjeong usual block off');
    const replies = await run(k, 'host', `/yakjeong pick ${c} 1`);
    expect(replies.some((r) => r.type === 'direct')).toBe(false);
    expect((await k.store.participant(review.id, 'ann'))?.states).toBe('yyyyyy');
  });
});
