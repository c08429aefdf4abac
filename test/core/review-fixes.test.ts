/** Behaviour a reviewer found wrong, pinned down so it stays right. */
import { describe, expect, it } from 'vitest';
import { encodeAction } from '../../src/core/actions.js';
import { errorView } from '../../src/core/views/notices.js';
import { allText, CAPS, createPoll, makeKit, posts, textOf, userErrorOf } from '../helpers.js';

describe('pick', () => {
  it('a Pick button fixes the window it showed, even after answers move the ranking', async () => {
    const kit = makeKit();
    const code = await createPoll(kit, 'host', 'S dates:2026-12-01 time:09:00-12:00 slot:1h');
    await kit.engine.runText(kit.actor('bob'), '/yakjeong answer 09:00-10:00', CAPS);
    const results = posts(await kit.engine.runText(kit.actor('host'), '/yakjeong results', CAPS))[0]!;
    const pick1 = results.buttons[0]![0]!;
    await kit.engine.runText(kit.actor('bob'), '/yakjeong answer 11:00-12:00', CAPS);
    const text = allText(await kit.engine.click(kit.actor('host'), pick1.id, CAPS));
    expect(text).toContain('09:00–10:00');
    expect((await kit.store.findPollByCode(code))!.picked?.firstSlot).toBe(0);
  });

  it('refuses a start time whose meeting would not fit in the day', async () => {
    const kit = makeKit();
    await createPoll(kit, 'host', 'M dates:2026-12-01..2026-12-02 time:09:00-12:00 slot:1h duration:2h');
    expect((await userErrorOf(kit.engine.runText(kit.actor('host'), '/yakjeong pick 2026-12-01 11:00', CAPS))).code).toBe('BAD_PICK');
    expect(allText(await kit.engine.runText(kit.actor('host'), '/yakjeong pick 2026-12-01 10:00', CAPS))).toContain('10:00–12:00');
  });

  it("reads the time in the picker's own zone, and weekdays on weekly polls", async () => {
    const kit = makeKit();
    const host = kit.actor('host');
    await kit.engine.runText(host, '/yakjeong tz Asia/Kolkata', CAPS);
    await createPoll(kit, 'host', 'Sync dates:2026-12-01 time:09:00-12:00 slot:1h tz:Asia/Seoul');
    expect(allText(await kit.engine.runText(host, '/yakjeong pick 2026-12-01 05:30', CAPS))).toMatch(/Tue, Dec 1 09:00–10:00/);
    await createPoll(kit, 'host', 'Study dates:mon,wed time:19:00-21:00 slot:1h tz:Asia/Kolkata');
    expect(allText(await kit.engine.runText(host, '/yakjeong pick wed 20:00', CAPS))).toMatch(/Wed 20:00–21:00/);
  });

  it('reopening a picked poll clears the pick', async () => {
    const kit = makeKit();
    const code = await createPoll(kit, 'host', 'x kind:date dates:12/1-12/2');
    await kit.engine.runText(kit.actor('ann'), '/yakjeong answer 12/1', CAPS);
    await kit.engine.runText(kit.actor('host'), '/yakjeong pick 1', CAPS);
    await kit.engine.runText(kit.actor('host'), `/yakjeong reopen ${code}`, CAPS);
    const poll = (await kit.store.findPollByCode(code))!;
    expect(poll.picked).toBeUndefined();
    expect(textOf((await kit.engine.pollMessage(poll.id))!)).not.toContain('Final time');
  });
});

describe('hidden polls', () => {
  it('keep the answer history to the creator until close', async () => {
    const kit = makeKit();
    await createPoll(kit, 'host', 'Secret kind:date dates:12/1-12/3 hidden:yes');
    await kit.engine.runText(kit.actor('bob'), '/yakjeong answer 12/1,12/2', CAPS);
    expect((await userErrorOf(kit.engine.runText(kit.actor('eve'), '/yakjeong history', CAPS))).code).toBe('RESULTS_HIDDEN');
    expect(allText(await kit.engine.runText(kit.actor('host'), '/yakjeong history', CAPS))).toContain('bob');
  });
});

describe('input people really type', () => {
  it('reads spaced ranges and a maybe: right after a date', async () => {
    const kit = makeKit();
    const code = await createPoll(kit, 'host', 'x dates:12/1-12/2 time:09:00-12:00 slot:1h');
    await kit.engine.runText(kit.actor('ann'), '/yakjeong answer 2026-12-01 09:00 - 10:00 maybe:11:00-12:00 yes:12/2 09:00 ~ 10:00', CAPS);
    const poll = (await kit.store.findPollByCode(code))!;
    expect((await kit.store.participant(poll.id, 'ann'))!.states).toBe('y.my..');
  });

  it('takes multi-word descriptions and block names', async () => {
    const kit = makeKit();
    await createPoll(kit, 'host', 'Retreat dates:12/1 blocks:early morning,late night desc:Bring ideas and snacks');
    const poll = (await kit.store.listPolls(kit.actor('host').channel, ['open']))[0]!;
    expect(poll.spec.title).toBe('Retreat');
    expect(poll.spec.blocks?.map((b) => b.name)).toEqual(['early morning', 'late night']);
    expect(poll.spec.description).toBe('Bring ideas and snacks');
  });

  it.each([
    ['/yakjeong create Far dates:9999-12-30..9999-12-31', 'BAD_DATE'],
    ['/yakjeong create Old dates:2020-01-01', 'DATES_IN_PAST'],
    ['/yakjeong create Late dates:12/1 deadline:11/25 18:00', 'DEADLINE_IN_PAST'],
    ['/yakjeong close now', 'EXTRA_WORDS'],
  ])('%s → %s', async (text, code) => {
    const kit = makeKit();
    const err = await userErrorOf(kit.engine.runText(kit.actor('ann'), text, CAPS));
    expect(err.code).toBe(code);
    expect(textOf(errorView(err, 'en'))).not.toMatch(/undefined|\{/);
  });

  it('says a poll is closed when you answer the newest one after it closed', async () => {
    const kit = makeKit();
    await createPoll(kit, 'host', 'x kind:date dates:12/1-12/2');
    await kit.engine.runText(kit.actor('host'), '/yakjeong close', CAPS);
    expect((await userErrorOf(kit.engine.runText(kit.actor('ann'), '/yakjeong answer 12/1', CAPS))).code).toBe('POLL_CLOSED');
  });

  it('speaks Korean all the way through a refusal', async () => {
    const kit = makeKit({ locale: 'ko' });
    const code = await createPoll(kit, 'host', '회식 kind:date dates:12/1-12/2');
    const err = await userErrorOf(kit.engine.runText(kit.actor('민지'), `/yakjeong close ${code}`, CAPS));
    expect(textOf(errorView(err, 'ko'))).toContain('마감할 수 있는 사람은');
    expect(textOf(errorView(err, 'ko'))).not.toMatch(/close/);
  });
});

describe('weekly polls seen from another zone', () => {
  it('a viewer answers with their own weekday and clock', async () => {
    const kit = makeKit();
    const code = await createPoll(kit, 'host', 'Weekly dates:mon-fri time:09:00-11:00 slot:1h tz:Asia/Seoul');
    const lee = kit.actor('lee');
    await kit.engine.runText(lee, '/yakjeong tz America/Los_Angeles', CAPS);
    // Seoul Monday 09:00 is Sunday 16:00 in Los Angeles (winter).
    await kit.engine.runText(lee, '/yakjeong answer sun 16:00-18:00', CAPS);
    const poll = (await kit.store.findPollByCode(code))!;
    expect((await kit.store.participant(poll.id, 'lee'))!.states).toBe('yy........');
    const grid = posts(await kit.engine.click(lee, encodeAction({ verb: 'respond', code }), CAPS))[0]!;
    expect(textOf(grid)).toContain('*Sun*');
  });
});

describe('summaries read as stretches of time', () => {
  it('history and answer confirmations merge adjacent slots, but never blocks', async () => {
    const kit = makeKit();
    await createPoll(kit, 'host', 'x dates:12/1 time:09:00-12:00 slot:30m');
    const saved = allText(await kit.engine.runText(kit.actor('ann'), '/yakjeong answer 12/1 09:00-11:00', CAPS));
    expect(saved).toContain('✅ Tue, Dec 1 09:00–11:00');
    const history = allText(await kit.engine.runText(kit.actor('ann'), '/yakjeong history', CAPS));
    expect(history).toContain('Tue, Dec 1 09:00–11:00 no→free');
    expect(history).not.toContain('more changes');

    await createPoll(kit, 'host', 'y dates:12/1 blocks:lunch=12:00-13:00,dinner=18:00-21:00');
    const blocks = allText(await kit.engine.runText(kit.actor('ann'), '/yakjeong answer 12/1', CAPS));
    expect(blocks).toContain('✅ Tue, Dec 1 lunch (12:00–13:00)');
    expect(blocks).toContain('✅ Tue, Dec 1 dinner (18:00–21:00)');
  });
});

describe('answer with nothing after it', () => {
  it('opens the personal grid, as Respond does', async () => {
    const kit = makeKit();
    await createPoll(kit, 'host', 'x dates:12/1 time:09:00-11:00 slot:1h');
    const replies = await kit.engine.runText(kit.actor('ann'), '/yakjeong answer', CAPS);
    expect(replies[0]).toMatchObject({ type: 'post', audience: { kind: 'user', userId: 'ann' }, view: { role: 'grid' } });
  });
});

describe('second review', () => {
  it('pick takes "1번" and "12월 1일 19:00", and asks "which time?" when given nothing', async () => {
    const kit = makeKit({ locale: 'ko' });
    await createPoll(kit, 'host', '회식 dates:12/1-12/2 time:18:00-21:00 slot:1h');
    await kit.engine.runText(kit.actor('민지'), '/yakjeong 응답 12월 1일 19시-21시', CAPS);
    expect(allText(await kit.engine.runText(kit.actor('host'), '/yakjeong 확정 1번', CAPS))).toContain('12월 1일 (화) 19:00–20:00');
    expect(allText(await kit.engine.runText(kit.actor('host'), '/yakjeong 확정 12월 2일 18:00', CAPS))).toContain('12월 2일 (수) 18:00–19:00');
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

  it('a bare date on an overnight poll is the whole session, and "종일" after a date is fine', async () => {
    const kit = makeKit();
    const code = await createPoll(kit, 'host', 'Raid dates:12/4-12/5 time:20:00-02:00 slot:2h');
    await kit.engine.runText(kit.actor('ann'), '/yakjeong answer 12/4 종일', CAPS);
    const poll = (await kit.store.findPollByCode(code))!;
    expect((await kit.store.participant(poll.id, 'ann'))!.states).toBe('yyy...');
  });

  it('says everyone who answered is free, and who is still missing, instead of "most"', async () => {
    const kit = makeKit();
    await createPoll(kit, 'host', 'x kind:date dates:12/1-12/2 with:@ann @bob');
    await kit.engine.runText(kit.actor('ann'), '/yakjeong answer 12/1', CAPS);
    const text = allText(await kit.engine.runText(kit.actor('ann'), '/yakjeong results', CAPS));
    expect(text).toContain('1/1 · everyone who answered · 1 not yet');
    expect(text).not.toContain('Most are free');
  });
});

describe('time zones people type', () => {
  it.each([
    ['서울', 'Asia/Seoul'],
    ['new york', 'America/New_York'],
    ['kolkata', 'Asia/Kolkata'],
    ['KST', 'Asia/Seoul'],
    ['asia/kolkata', 'Asia/Kolkata'],
    ['us/pacific', 'America/Los_Angeles'],
  ])('%s → %s', async (input, zone) => {
    const kit = makeKit();
    expect(allText(await kit.engine.runText(kit.actor('ann'), `/yakjeong tz ${input}`, CAPS))).toContain(zone);
  });
});
