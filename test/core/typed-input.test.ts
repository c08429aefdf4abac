/** What people really type: spaced ranges, Korean words, zones by city, weekdays in their own zone, and refusals that name the problem. */
import { describe, expect, it } from 'vitest';
import { encodeAction } from '../../src/core/actions.js';
import { errorView } from '../../src/core/views/notices.js';
import { allText, CAPS, createPoll, makeKit, posts, textOf, userErrorOf } from '../helpers.js';

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

  it('a bare date on an overnight poll is the whole session, and "종일" after a date is fine', async () => {
    const kit = makeKit();
    const code = await createPoll(kit, 'host', 'Raid dates:12/4-12/5 time:20:00-02:00 slot:2h');
    await kit.engine.runText(kit.actor('ann'), '/yakjeong answer 12/4 종일', CAPS);
    const poll = (await kit.store.findPollByCode(code))!;
    expect((await kit.store.participant(poll.id, 'ann'))!.states).toBe('yyy...');
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

describe('answer with nothing after it', () => {
  it('opens the personal grid, as Respond does', async () => {
    const kit = makeKit();
    await createPoll(kit, 'host', 'x dates:12/1 time:09:00-11:00 slot:1h');
    const replies = await kit.engine.runText(kit.actor('ann'), '/yakjeong answer', CAPS);
    expect(replies[0]).toMatchObject({ type: 'post', audience: { kind: 'user', userId: 'ann' }, view: { role: 'grid' } });
  });
});
