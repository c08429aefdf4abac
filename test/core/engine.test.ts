import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { UserError } from '../../src/core/errors.js';
import { decodeAction, encodeAction } from '../../src/core/actions.js';
import { allText, CAPS, createPoll, plainAllText, makeKit, posts, textOf, T0, errorCode, userErrorOf } from '../helpers.js';

describe('engine', () => {
  it('finds the best time from three answers and draws it', async () => {
    const kit = makeKit();
    const code = await createPoll(kit, 'host', 'Dinner dates:2026-12-01..2026-12-02 time:18:00-22:00 slot:1h');
    await kit.engine.runText(kit.actor('alice'), '/yakjeong answer 2026-12-01 19:00-21:00, 2026-12-02 18:00-20:00', CAPS);
    await kit.engine.runText(kit.actor('bob'), '/yakjeong answer 12/1 18:00-21:00', CAPS);
    await kit.engine.runText(kit.actor('carol'), `/yakjeong answer ${code} 2026-12-01 19:00-22:00 maybe:12/2 18:00-19:00`, CAPS);
    const replies = await kit.engine.runText(kit.actor('dave'), '/yakjeong results', CAPS);
    const view = posts(replies)[0]!;
    const text = textOf(view);
    expect(text).toMatch(/1\. Tue, Dec 1 19:00–21:00\* — 3\/3 · 🎉 Everyone is free/);
    expect(text).toMatch(/2\. Wed, Dec 2 18:00–19:00\* — 1\/3\n/);
    expect(text).toContain('🤔 If needed: carol');
    expect(text).toContain("❌ Can't: bob");
    const png = PNG.sync.read(Buffer.from(await view.image!.render()));
    expect(png.width).toBeGreaterThan(100);
  });

  it('says everyone who answered is free, and who is still missing, instead of "most"', async () => {
    const kit = makeKit();
    await createPoll(kit, 'host', 'x kind:date dates:12/1-12/2 with:@ann @bob');
    await kit.engine.runText(kit.actor('ann'), '/yakjeong answer 12/1', CAPS);
    const text = allText(await kit.engine.runText(kit.actor('ann'), '/yakjeong results', CAPS));
    expect(text).toContain('1/1 · Everyone who answered is free · 1 not yet');
    expect(text).not.toContain('Most are free');
  });

  it('a slot button carries the state it sets: pressing it twice changes nothing more', async () => {
    const kit = makeKit();
    const code = await createPoll(kit, 'host', 'x dates:12/1 time:09:00-11:00 slot:30m');
    const open = await kit.engine.click(kit.actor('ann'), encodeAction({ verb: 'respond', code }), CAPS);
    const grid = posts(open)[0]!;
    const first = grid.buttons[0]![0]!;
    expect(first.label).toMatch(/^09:00 /);
    expect(decodeAction(first.id)).toEqual({ verb: 'set', code, slot: 0, state: 'yes' });
    await kit.engine.click(kit.actor('ann'), first.id, CAPS);
    await kit.engine.click(kit.actor('ann'), first.id, CAPS);
    const poll = await kit.store.findPollByCode(code);
    expect((await kit.store.participant(poll!.id, 'ann'))!.states).toBe('y...');
    const history = await kit.store.history(poll!.id, 10);
    expect(history).toHaveLength(1);
    expect(history[0]!.changes).toEqual([[0, 'no', 'yes']]);
  });

  it('grid buttons lead with the block name or the date, and pages fit the adapter', async () => {
    const kit = makeKit({ locale: 'ko' });
    const blocks = await createPoll(kit, 'host', '점심 dates:12/1-12/2 blocks:오전,오후');
    const grid = posts(await kit.engine.click(kit.actor('ann'), encodeAction({ verb: 'respond', code: blocks }), CAPS))[0]!;
    expect(grid.buttons[0]!.map((b) => b.label)).toEqual(['오전 ▫️', '오후 ▫️']);
    const dates = await createPoll(kit, 'host', '여행 kind:date dates:12/1-12/3');
    const dateGrid = posts(await kit.engine.click(kit.actor('ann'), encodeAction({ verb: 'respond', code: dates }), CAPS))[0]!;
    expect(dateGrid.buttons[0]![0]!.label).toBe('2026-12-01 (화) ▫️');
    const long = await createPoll(kit, 'host', '긴 하루 dates:12/1 time:00:00-24:00 slot:30m');
    const small = { maxSlotButtons: 15, maxButtonsPerRow: 5 };
    const page = posts(await kit.engine.click(kit.actor('ann'), encodeAction({ verb: 'respond', code: long }), small))[0]!;
    expect(page.buttons.length).toBeLessThanOrEqual(5);
    expect(page.buttons.flat().filter((b) => /^\d\d:\d\d/.test(b.label))).toHaveLength(15);
    expect(page.buttons.flat().map((b) => b.label)).toContain('다음 ▶');
  });

  it('All day, Clear and Copy to every day act on whole days', async () => {
    const kit = makeKit();
    const code = await createPoll(kit, 'host', 'x dates:12/1-12/3 time:09:00-11:00 slot:1h');
    const me = kit.actor('ann');
    await kit.engine.click(me, encodeAction({ verb: 'all', code, page: 0 }), CAPS);
    await kit.engine.click(me, encodeAction({ verb: 'set', code, slot: 1, state: 'maybe' }), CAPS);
    await kit.engine.click(me, encodeAction({ verb: 'copy', code, page: 0 }), CAPS);
    const poll = (await kit.store.findPollByCode(code))!;
    expect((await kit.store.participant(poll.id, 'ann'))!.states).toBe('ymymym');
    await kit.engine.click(me, encodeAction({ verb: 'clear', code, page: 1 }), CAPS);
    expect((await kit.store.participant(poll.id, 'ann'))!.states).toBe('ym..ym');
  });

  it('only the creator or an admin may close, reopen, delete or pick', async () => {
    const kit = makeKit();
    const code = await createPoll(kit, 'host', 'x dates:12/1 time:09:00-11:00');
    expect(await errorCode(kit.engine.runText(kit.actor('mallory'), `/yakjeong close ${code}`, CAPS))).toBe('NOT_ALLOWED');
    expect(await errorCode(kit.engine.click(kit.actor('mallory'), encodeAction({ verb: 'close', code }), CAPS))).toBe('NOT_ALLOWED');
    expect(await errorCode(kit.engine.runText(kit.actor('mallory'), `/yakjeong delete ${code}`, CAPS))).toBe('NOT_ALLOWED');
    expect((await kit.store.findPollByCode(code))!.status).toBe('open');
    await kit.engine.runText(kit.actor('boss', { isAdmin: true }), `/yakjeong close ${code}`, CAPS);
    expect((await kit.store.findPollByCode(code))!.status).toBe('closed');
    expect(await errorCode(kit.engine.runText(kit.actor('ann'), `/yakjeong answer ${code} 12/1`, CAPS))).toBe('POLL_CLOSED');
    await kit.engine.runText(kit.actor('host'), `/yakjeong reopen ${code}`, CAPS);
    expect((await kit.store.findPollByCode(code))!.status).toBe('open');
  });

  it('two Close presses at once announce the close and the results once; the other is told it is closed', async () => {
    const kit = makeKit();
    const code = await createPoll(kit, 'host', 'x dates:12/1 time:09:00-11:00');
    const presses = await Promise.allSettled([
      kit.engine.click(kit.actor('host'), encodeAction({ verb: 'close', code }), CAPS),
      kit.engine.runText(kit.actor('host'), `/yakjeong close ${code}`, CAPS),
    ]);
    const announced = presses.flatMap((p) => (p.status === 'fulfilled' ? p.value : [])).filter((r) => r.type === 'post' && r.audience.kind === 'channel');
    expect(announced).toHaveLength(2);
    const refused = presses.filter((p) => p.status === 'rejected' || p.value.some((r) => r.type === 'post' && r.audience.kind !== 'channel'));
    expect(refused).toHaveLength(1);
  });

  it('pick by rank or start time announces the final time and who is free', async () => {
    const kit = makeKit();
    const code = await createPoll(kit, 'host', 'x dates:12/1 time:09:00-12:00 slot:1h duration:2h');
    await kit.engine.runText(kit.actor('ann'), '/yakjeong answer 12/1 10:00-12:00', CAPS);
    await kit.engine.runText(kit.actor('bob'), '/yakjeong answer 12/1 09:00-12:00', CAPS);
    const replies = await kit.engine.runText(kit.actor('host'), `/yakjeong pick ${code} 1`, CAPS);
    expect(plainAllText(replies)).toContain('Final time for “x”: Tue, Dec 1 10:00–12:00 (Asia/Seoul)');
    expect(allText(replies)).toContain(`Final time for “x”: <t:${Date.UTC(2026, 11, 1, 1)}–${Date.UTC(2026, 11, 1, 3)}>`);
    expect(allText(replies)).toContain('<@ann>');
    const poll = (await kit.store.findPollByCode(code))!;
    expect(poll.picked).toMatchObject({ firstSlot: 1, slotCount: 2 });
    expect(poll.status).toBe('closed');
    await kit.engine.runText(kit.actor('host'), `/yakjeong pick ${code} 2026-12-01 09:00`, CAPS);
    expect((await kit.store.findPollByCode(code))!.picked).toMatchObject({ firstSlot: 0 });
    expect(await errorCode(kit.engine.runText(kit.actor('host'), `/yakjeong pick ${code} 7`, CAPS))).toBe('BAD_PICK');
  });

  it('a code from another channel or workspace reveals and changes nothing', async () => {
    const kit = makeKit();
    const code = await createPoll(kit, 'host', 'secret dates:12/1 time:09:00-11:00');
    const outsider = kit.actor('eve', { channel: { platform: 'console', workspaceId: 'w2', channelId: 'c1' } });
    for (const cmd of [`answer ${code} 12/1`, `results ${code}`, `close ${code}`, `history ${code}`]) {
      expect(await errorCode(kit.engine.runText({ ...outsider, isAdmin: true }, `/yakjeong ${cmd}`, CAPS))).toBe('POLL_NOT_FOUND');
    }
    expect(await errorCode(kit.engine.click(outsider, encodeAction({ verb: 'set', code, slot: 0, state: 'yes' }), CAPS))).toBe('POLL_NOT_FOUND');
    const poll = (await kit.store.findPollByCode(code))!;
    expect(poll.status).toBe('open');
    expect(await kit.store.participants(poll.id)).toEqual([]);
    expect(await errorCode(kit.engine.runText(outsider, '/yakjeong results', CAPS))).toBe('NO_OPEN_POLL');
  });

  it('bad input changes nothing already stored', async () => {
    const kit = makeKit();
    const code = await createPoll(kit, 'host', 'x dates:12/1-12/2 time:09:00-11:00 slot:1h');
    await kit.engine.runText(kit.actor('ann'), '/yakjeong answer 12/1 09:00-11:00', CAPS);
    const poll = (await kit.store.findPollByCode(code))!;
    for (const bad of ['12/9 09:00-10:00', '12/1 banana', '2026-02-30', 'maybe:']) {
      expect(await errorCode(kit.engine.runText(kit.actor('ann'), `/yakjeong answer ${bad}`, CAPS))).not.toBe('none');
    }
    expect((await kit.store.participant(poll.id, 'ann'))!.states).toBe('yy..');
    expect(await errorCode(kit.engine.runText(kit.actor('ann'), '/yakjeong create y dates:2026-02-30', CAPS))).toBe('NO_SUCH_DATE');
    expect((await kit.store.listPolls(kit.actor('ann').channel, ['open'])).length).toBe(1);
  });

  it('keeps a history of who changed what', async () => {
    const kit = makeKit();
    await createPoll(kit, 'host', 'x kind:date dates:12/1-12/3');
    await kit.engine.runText(kit.actor('ann'), '/yakjeong answer 12/1,12/3', CAPS);
    kit.clock.advance(60_000);
    await kit.engine.runText(kit.actor('ann'), '/yakjeong answer none', CAPS);
    const text = allText(await kit.engine.runText(kit.actor('bob'), '/yakjeong history', CAPS));
    expect(text).toMatch(/ann\*: Tue, Dec 1 free→no, Thu, Dec 3 free→no/);
    expect(text).toMatch(/ann\*: Tue, Dec 1 no→free, Thu, Dec 3 no→free/);
  });

  it('max participants refuses the next new person but lets members change their answer', async () => {
    const kit = makeKit();
    await createPoll(kit, 'host', 'x kind:date dates:12/1-12/3 max:1');
    await kit.engine.runText(kit.actor('ann'), '/yakjeong answer 12/1', CAPS);
    expect(await errorCode(kit.engine.runText(kit.actor('bob'), '/yakjeong answer 12/2', CAPS))).toBe('POLL_FULL');
    await kit.engine.runText(kit.actor('ann'), '/yakjeong answer 12/2', CAPS);
  });

  it('hidden polls show results only after close (the creator may peek privately)', async () => {
    const kit = makeKit();
    const code = await createPoll(kit, 'host', 'x kind:date dates:12/1-12/3 hidden:yes');
    await kit.engine.runText(kit.actor('ann'), '/yakjeong answer 12/1', CAPS);
    expect(await errorCode(kit.engine.runText(kit.actor('ann'), '/yakjeong results', CAPS))).toBe('RESULTS_HIDDEN');
    const peek = await kit.engine.runText(kit.actor('host'), '/yakjeong results', CAPS);
    expect(peek[0]).toMatchObject({ type: 'post', audience: { kind: 'user', userId: 'host' } });
    const pollMessage = await kit.engine.queries.pollMessage((await kit.store.findPollByCode(code))!.id, 'en');
    expect(textOf(pollMessage!)).toContain('hidden until the poll closes');
    expect(textOf(pollMessage!)).not.toContain('1. ');
  });

  it('hidden polls keep the answer history to the creator until close', async () => {
    const kit = makeKit();
    await createPoll(kit, 'host', 'Secret kind:date dates:12/1-12/3 hidden:yes');
    await kit.engine.runText(kit.actor('bob'), '/yakjeong answer 12/1,12/2', CAPS);
    expect((await userErrorOf(kit.engine.runText(kit.actor('eve'), '/yakjeong history', CAPS))).code).toBe('RESULTS_HIDDEN');
    expect(allText(await kit.engine.runText(kit.actor('host'), '/yakjeong history', CAPS))).toContain('bob');
  });

  it('answers after the deadline are refused even before anyone closes the poll', async () => {
    const kit = makeKit();
    await createPoll(kit, 'host', 'x kind:date dates:12/1-12/3 deadline:1h');
    kit.clock.advance(2 * 3_600_000);
    expect(await errorCode(kit.engine.runText(kit.actor('ann'), '/yakjeong answer 12/1', CAPS))).toBe('POLL_CLOSED');
  });

  it('each person keeps a time zone; Slack-reported zones are used until they set one', async () => {
    const kit = makeKit();
    const ann = kit.actor('ann', { platformTimezone: 'America/New_York' });
    expect(allText(await kit.engine.runText(ann, '/yakjeong tz', CAPS))).toContain('America/New_York (from your profile)');
    await kit.engine.runText(ann, '/yakjeong tz asia/kolkata', CAPS);
    expect(allText(await kit.engine.runText(ann, '/yakjeong tz', CAPS))).toContain('Asia/Kolkata (set by you)');
    expect(await errorCode(kit.engine.runText(ann, '/yakjeong tz Mars/Base', CAPS))).toBe('BAD_TIMEZONE');
  });

  it('speaks Korean when the user does', async () => {
    const kit = makeKit({ locale: 'ko' });
    await createPoll(kit, 'host', '회식 dates:12/1 time:18:00-20:00');
    const text = allText(await kit.engine.runText(kit.actor('민지'), '/yakjeong answer 12/1 18:00-19:00', CAPS));
    expect(text).toContain('응답을 저장했어요');
    const err = await kit.engine.runText(kit.actor('민지'), '/yakjeong close', CAPS).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    void T0;
  });
});
