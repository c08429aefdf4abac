/** Picking the final time: by button, rank, date and time, in the picker's zone; what the announcement says; what reopening undoes. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorView } from '../../src/core/views/notices.js';
import { allText, CAPS, plainAllText, createPoll, makeKit, posts, textOf, userErrorOf } from '../helpers.js';

describe('pick', () => {
  it('a Pick button fixes the window it showed, even after answers move the ranking', async () => {
    const kit = makeKit();
    const code = await createPoll(kit, 'host', 'S dates:2026-12-01 time:09:00-12:00 slot:1h');
    await kit.engine.runText(kit.actor('bob'), '/yakjeong answer 09:00-10:00', CAPS);
    const results = posts(await kit.engine.runText(kit.actor('host'), '/yakjeong results', CAPS))[0]!;
    const pick1 = results.buttons[0]![0]!;
    await kit.engine.runText(kit.actor('bob'), '/yakjeong answer 11:00-12:00', CAPS);
    const text = plainAllText(await kit.engine.click(kit.actor('host'), pick1.id, CAPS));
    expect(text).toContain('09:00–10:00');
    expect((await kit.store.findPollByCode(code))!.picked?.firstSlot).toBe(0);
  });

  it('refuses a start time whose meeting would not fit in the day', async () => {
    const kit = makeKit();
    await createPoll(kit, 'host', 'M dates:2026-12-01..2026-12-02 time:09:00-12:00 slot:1h duration:2h');
    expect((await userErrorOf(kit.engine.runText(kit.actor('host'), '/yakjeong pick 2026-12-01 11:00', CAPS))).code).toBe('BAD_PICK');
    expect(plainAllText(await kit.engine.runText(kit.actor('host'), '/yakjeong pick 2026-12-01 10:00', CAPS))).toContain('10:00–12:00');
  });

  it("reads the time in the picker's own zone, and weekdays on weekly polls", async () => {
    const kit = makeKit();
    const host = kit.actor('host');
    await kit.engine.runText(host, '/yakjeong tz Asia/Kolkata', CAPS);
    await createPoll(kit, 'host', 'Sync dates:2026-12-01 time:09:00-12:00 slot:1h tz:Asia/Seoul');
    expect(plainAllText(await kit.engine.runText(host, '/yakjeong pick 2026-12-01 05:30', CAPS))).toContain('Tue, Dec 1 09:00–10:00 (Asia/Seoul)');
    await createPoll(kit, 'host', 'Study dates:mon,wed time:19:00-21:00 slot:1h tz:Asia/Kolkata');
    expect(plainAllText(await kit.engine.runText(host, '/yakjeong pick wed 20:00', CAPS))).toContain('every Wed 20:00–21:00 (Asia/Kolkata)');
  });

  it('reads a start as answers read a time: bare hours within the poll, no number alone, tomorrow from today', async () => {
    const kit = makeKit();
    const host = kit.actor('host');
    const pickText = async (choice: string) => plainAllText(await kit.engine.runText(host, `/yakjeong pick ${choice}`, CAPS));
    const day = await createPoll(kit, 'host', 'Day dates:2026-12-01..2026-12-02 time:09:00-22:00 slot:1h');
    // "3시" on a 09:00–22:00 poll is 15:00, as `answer 12/2 3시` is.
    expect(await pickText(`${day} 2026-12-02 3시`)).toContain('15:00–16:00');
    // The same start said another way is the time already picked.
    expect((await userErrorOf(kit.engine.runText(host, `/yakjeong pick ${day} 12/2 3pm`, CAPS))).code).toBe('ALREADY_PICKED');
    expect((await userErrorOf(kit.engine.runText(host, `/yakjeong pick ${day} 2026-12-02 3`, CAPS))).code).toBe('BAD_PICK');
    // Both readings of "9시" are in the hours, but a two-hour meeting cannot start at 21:00.
    const long = await createPoll(kit, 'host', 'Long dates:2026-12-01 time:09:00-22:00 slot:1h duration:2h');
    expect(await pickText(`${long} 2026-12-01 9시`)).toContain('09:00–11:00');
    // Today is Nov 26 (the kit's clock): tomorrow is the 27th, the poll's first day, not the day after it.
    const soon = await createPoll(kit, 'host', 'Soon dates:tomorrow..11/30 time:18:00-21:00 slot:1h');
    expect(await pickText(`${soon} tomorrow 7pm`)).toContain('Fri, Nov 27 19:00–20:00');
  });

  it("reads day words and month/day in the picker's own zone, as their answers are read", async () => {
    // 16:00 UTC: Nov 27 01:00 in Seoul, where the host is, and Nov 26 08:00 in Los Angeles.
    const kit = makeKit({ now: Date.UTC(2026, 10, 26, 16) });
    const host = kit.actor('host');
    await createPoll(kit, 'host', 'Late dates:2026-11-26..2026-11-30 time:00:00-24:00 slot:1h tz:America/Los_Angeles');
    expect(plainAllText(await kit.engine.runText(host, '/yakjeong pick tomorrow 7pm', CAPS))).toContain('Sat, Nov 28 02:00–03:00 (America/Los_Angeles)');
    // From Los Angeles, Seoul's Dec 1 09:00 is Nov 30 16:00: the 30th before the poll's first day.
    const west = makeKit();
    await west.engine.runText(west.actor('host'), '/yakjeong tz America/Los_Angeles', CAPS);
    await createPoll(west, 'host', 'Sync dates:2026-12-01 time:09:00-12:00 slot:1h tz:Asia/Seoul');
    expect(plainAllText(await west.engine.runText(west.actor('host'), '/yakjeong pick 11/30 4pm', CAPS))).toContain('Tue, Dec 1 09:00–10:00 (Asia/Seoul)');
  });

  it('ranks, and picks by number, only times still ahead while any is; a poll looked back on keeps its best', async () => {
    // 02:30 on Nov 27 in Seoul, the kit's zone: that night's first hours have gone by.
    const kit = makeKit({ now: Date.UTC(2026, 10, 26, 17, 30) });
    const code = await createPoll(kit, 'host', 'Night dates:2026-11-27,2026-11-28 time:00:00-06:00 slot:1h');
    for (const who of ['ann', 'bob', 'cat']) await kit.engine.runText(kit.actor(who), `/yakjeong answer ${code} 11/27 0-2`, CAPS);
    await kit.engine.runText(kit.actor('ann'), `/yakjeong answer ${code} 11/27 0-2, 11/28 3-4`, CAPS);
    const poll = (await kit.store.findPollByCode(code))!;
    const firstSlots = async () => (await kit.engine.queries.bestWindows(poll)).best.map((w) => w.firstSlot);
    // Slots 0–5 are Nov 27 00:00–06:00, 6–11 Nov 28: the three free at 00:00 and 01:00 on the 27th are past.
    expect(await firstSlots()).toEqual([9]);
    expect(plainAllText(await kit.engine.runText(kit.actor('host'), `/yakjeong results ${code}`, CAPS))).not.toContain('Fri, Nov 27 00:00');

    kit.clock.set(Date.UTC(2026, 10, 28, 0, 0));
    expect((await firstSlots())[0]).toBe(0);
    // 04:30 on Nov 28: the hour left ahead suits nobody, so the poll shows its best as it was, not "no time works".
    kit.clock.set(Date.UTC(2026, 10, 27, 19, 30));
    expect((await firstSlots())[0]).toBe(0);

    kit.clock.set(Date.UTC(2026, 10, 26, 17, 30));
    await kit.engine.runText(kit.actor('host'), `/yakjeong pick ${code} 1`, CAPS);
    expect((await kit.store.findPollByCode(code))!.picked?.firstSlot).toBe(9);
  });

  it('a pick of the time already picked (a Pick button pressed twice) is not announced again', async () => {
    const kit = makeKit();
    const code = await createPoll(kit, 'host', 'S dates:2026-12-01 time:09:00-12:00 slot:1h');
    await kit.engine.runText(kit.actor('bob'), '/yakjeong answer 09:00-10:00', CAPS);
    const pick1 = posts(await kit.engine.runText(kit.actor('host'), '/yakjeong results', CAPS))[0]!.buttons[0]![0]!;
    expect(plainAllText(await kit.engine.click(kit.actor('host'), pick1.id, CAPS))).toContain('Final time');
    const again = await userErrorOf(kit.engine.click(kit.actor('host'), pick1.id, CAPS));
    expect(again.code).toBe('ALREADY_PICKED');
    expect(plainAllText([{ type: 'post', audience: { kind: 'channel' }, view: errorView(again, 'en') }])).toContain(`That is already the final time of “S” (${code}), so it was not announced again.`);
    expect((await userErrorOf(kit.engine.runText(kit.actor('host'), `/yakjeong pick ${code} 2026-12-01 09:00`, CAPS))).code).toBe('ALREADY_PICKED');
    // Another time is a re-pick, announced as before.
    expect(plainAllText(await kit.engine.runText(kit.actor('host'), `/yakjeong pick ${code} 2026-12-01 10:00`, CAPS))).toContain('Final time');
    // Two presses at once, as a double click sends them: one announces, the other is refused.
    const other = await createPoll(kit, 'host', 'T dates:2026-12-02 time:09:00-12:00 slot:1h');
    await kit.engine.runText(kit.actor('bob'), `/yakjeong answer ${other} 09:00-10:00`, CAPS);
    const pick = posts(await kit.engine.runText(kit.actor('host'), `/yakjeong results ${other}`, CAPS))[0]!.buttons[0]![0]!;
    const both = await Promise.allSettled([kit.engine.click(kit.actor('host'), pick.id, CAPS), kit.engine.click(kit.actor('host'), pick.id, CAPS)]);
    expect(both.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(both.flatMap((r) => (r.status === 'rejected' ? [(r.reason as { code?: string }).code] : []))).toEqual(['ALREADY_PICKED']);
  });

  it('two instances on one database, each given one press of the same Pick, announce it once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yakjeong-pick-'));
    const first = makeKit({ path: join(dir, 'poll.db') });
    const second = makeKit({ path: join(dir, 'poll.db') });
    try {
      const code = await createPoll(first, 'host', 'S dates:2026-12-01 time:09:00-12:00 slot:1h');
      await first.engine.runText(first.actor('bob'), '/yakjeong answer 09:00-10:00', CAPS);
      const pick = posts(await first.engine.runText(first.actor('host'), `/yakjeong results ${code}`, CAPS))[0]!.buttons[0]![0]!;
      const both = await Promise.allSettled([first.engine.click(first.actor('host'), pick.id, CAPS), second.engine.click(second.actor('host'), pick.id, CAPS)]);
      expect(both.map((r) => (r.status === 'rejected' ? (r.reason as { code?: string }).code : 'announced')).sort()).toEqual(['ALREADY_PICKED', 'announced']);
    } finally {
      first.database.close();
      second.database.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reopening a picked poll clears the pick, and tells the channel the announced time is off', async () => {
    const kit = makeKit();
    const code = await createPoll(kit, 'host', 'x kind:date dates:12/1-12/2');
    await kit.engine.runText(kit.actor('ann'), '/yakjeong answer 12/1', CAPS);
    await kit.engine.runText(kit.actor('host'), '/yakjeong pick 1', CAPS);
    const reopened = await kit.engine.runText(kit.actor('host'), `/yakjeong reopen ${code}`, CAPS);
    const notice = reopened.find((r) => r.type === 'post' && r.audience.kind === 'channel');
    expect(notice?.type === 'post' && textOf(notice.view)).toContain('The earlier pick, Tue, Dec 1, is no longer final.');
    const poll = (await kit.store.findPollByCode(code))!;
    expect(poll.picked).toBeUndefined();
    expect(textOf((await kit.engine.queries.pollMessage(poll.id))!)).not.toContain('Final time');
  });

  it('pick takes "1번" and "12월 1일 19:00", and asks "which time?" when given nothing', async () => {
    const kit = makeKit({ locale: 'ko' });
    await createPoll(kit, 'host', '회식 dates:12/1-12/2 time:18:00-21:00 slot:1h');
    await kit.engine.runText(kit.actor('민지'), '/yakjeong 응답 12월 1일 19시-21시', CAPS);
    expect(plainAllText(await kit.engine.runText(kit.actor('host'), '/yakjeong 확정 1번', CAPS))).toContain('12월 1일 (화) 19:00–20:00');
    expect(plainAllText(await kit.engine.runText(kit.actor('host'), '/yakjeong 확정 12월 2일 18:00', CAPS))).toContain('12월 2일 (수) 18:00–19:00');
    const empty = await userErrorOf(kit.engine.runText(kit.actor('host'), '/yakjeong 확정', CAPS));
    expect(textOf(errorView(empty, 'ko'))).toContain('어떤 시간으로 정할까요?');
    expect(textOf(errorView(empty, 'ko'))).not.toContain('""');
  });

  it('the pick announcement lists free and if-needed people apart', async () => {
    const kit = makeKit();
    await createPoll(kit, 'host', 'x dates:12/1 time:19:00-21:00 slot:1h');
    await kit.engine.runText(kit.actor('ann'), '/yakjeong answer 12/1 19:00-21:00', CAPS);
    await kit.engine.runText(kit.actor('bob'), '/yakjeong answer maybe:12/1 19:00-21:00', CAPS);
    const text = allText(await kit.engine.runText(kit.actor('host'), '/yakjeong pick 1', CAPS));
    expect(text).toContain('✅ Free: <@ann>');
    expect(text).toContain('🤔 If needed: <@bob>');
  });
});
