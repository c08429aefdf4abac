/** Replies that say what really happened: cleared answers, parts left out, which poll, who cannot come, valid choices. */
import { describe, expect, it } from 'vitest';
import { encodeAction } from '../../src/core/actions.js';
import { errorView } from '../../src/core/views/notices.js';
import { toMrkdwn } from '../../adapters/slack/text.js';
import { discordText } from '../../adapters/discord/render.js';
import { allText, CAPS, createPoll, deleteAsked, errorCode, makeKit, plainAllText, posts, T0, textOf, userErrorOf } from '../helpers.js';

describe('answer none', () => {
  it('takes the answer back: not counted, waited for again, and its place in a max: poll goes to someone else', async () => {
    const kit = makeKit();
    const code = await createPoll(kit, 'host', 'Trip kind:date dates:12/1-12/3 max:1 with:@ann @bob');
    const poll = (await kit.store.findPollByCode(code))!;
    await kit.engine.runText(kit.actor('ann'), '/yakjeong answer 12/1', CAPS);
    expect(textOf((await kit.engine.queries.pollMessage(poll.id))!)).toContain('1 of 2 answered');

    const replies = await kit.engine.runText(kit.actor('ann'), '/yakjeong answer none', CAPS);
    expect(allText(replies)).toBe(`🧹 Cleared your answer to “Trip” (${code}): you no longer count as answered. Your place is free again (the poll takes 1 person).`);
    expect(replies).toContainEqual({ type: 'refresh-poll', pollId: poll.id });
    expect(await kit.store.participants(poll.id)).toEqual([]);
    const message = textOf((await kit.engine.queries.pollMessage(poll.id))!);
    expect(message).toContain('Nobody has answered yet');
    expect(message).toMatch(/Waiting for: <@ann> <@bob>/);

    // The freed place takes the next person; the history keeps what was cleared.
    await kit.engine.runText(kit.actor('bob'), '/yakjeong answer 12/2', CAPS);
    expect((await kit.store.participants(poll.id)).map((p) => p.user.id)).toEqual(['bob']);
    expect((await kit.store.history(poll.id, 10)).find((e) => e.user.id === 'ann' && e.changes.length === 1)?.changes).toEqual([[0, 'yes', 'no']]);
    expect(allText(await kit.engine.runText(kit.actor('host'), '/yakjeong list', CAPS))).toContain(`${code} · Trip · 1 answered`);
  });

  it('says so when there was nothing to clear, and speaks Korean', async () => {
    const kit = makeKit({ locale: 'ko' });
    const code = await createPoll(kit, 'host', '회식 dates:12/1 time:18:00-20:00');
    const replies = await kit.engine.runText(kit.actor('민지'), '/yakjeong answer 없음', CAPS);
    expect(allText(replies)).toBe(`“회식”(${code}) 투표에는 남긴 응답이 없어서 지울 것이 없어요.`);
    expect(replies.some((r) => r.type === 'refresh-poll')).toBe(false);
    await kit.engine.runText(kit.actor('민지'), '/yakjeong answer 12/1 18:00-19:00', CAPS);
    expect(allText(await kit.engine.runText(kit.actor('민지'), '/yakjeong answer 지우기', CAPS))).toBe(
      `🧹 “회식”(${code}) 투표의 응답을 지웠어요. 이제 응답한 사람으로 세지 않아요.`,
    );
  });
});

describe('an answer without a code', () => {
  it('names the poll it went to when the channel has several open, and how to reach the others', async () => {
    const kit = makeKit();
    const lunch = await createPoll(kit, 'host', 'Lunch kind:date dates:12/1-12/3');
    const solo = allText(await kit.engine.runText(kit.actor('ann'), '/yakjeong answer 12/1', CAPS));
    expect(solo).not.toContain('open in this channel');
    const dinner = await createPoll(kit, 'host', 'Dinner kind:date dates:12/1-12/3');
    const text = allText(await kit.engine.runText(kit.actor('ann'), '/yakjeong answer 12/2', CAPS));
    expect(text).toContain(`Saved your answer to “Dinner” (${dinner}).`);
    expect(text).toContain(`2 polls are open in this channel; without a code, this went to the newest, “Dinner” (${dinner}). To answer another, start with its code: \`/yakjeong answer ${lunch} …\``);
    // The grid opened the same way says it too; naming the code says nothing more.
    expect(allText(await kit.engine.runText(kit.actor('ann'), '/yakjeong answer', CAPS))).toContain(`this went to the newest, “Dinner” (${dinner})`);
    expect(allText(await kit.engine.runText(kit.actor('ann'), `/yakjeong answer ${lunch} 12/3`, CAPS))).not.toContain('open in this channel');
  });

  it('a refused answer without a code names the poll it was read against, so the person does not blame another', async () => {
    const kit = makeKit();
    const night = await createPoll(kit, 'host', 'Night dates:12/1-12/2 time:22:00-02:00');
    const lunch = await createPoll(kit, 'host', 'Lunch dates:12/1-12/2 time:12:00-13:00');
    const refused = await userErrorOf(kit.engine.runText(kit.actor('ann'), '/yakjeong answer 12/1 22:00-23:00', CAPS));
    expect(refused.code).toBe('ANSWER_OUTSIDE_HOURS');
    const text = textOf(errorView(refused, 'en'));
    expect(text).toContain("outside this poll's hours 12:00–13:00");
    expect(text).toContain(`without a code, this was read for the newest, “Lunch” (${lunch}). To answer another, start with its code: \`/yakjeong answer ${night} …\``);
    expect(textOf(errorView(refused, 'ko'))).toContain(`가장 최근 투표인 “Lunch”(${lunch}) 투표를 기준으로 읽었어요`);
    // With its code, or with only one poll open, nothing more is said.
    const named = await userErrorOf(kit.engine.runText(kit.actor('ann'), `/yakjeong answer ${lunch} 12/1 22:00-23:00`, CAPS));
    expect(textOf(errorView(named, 'en'))).not.toContain('open in this channel');
    await kit.engine.runText(kit.actor('host'), `/yakjeong close ${night}`, CAPS);
    const alone = await userErrorOf(kit.engine.runText(kit.actor('ann'), '/yakjeong answer 12/1 22:00-23:00', CAPS));
    expect(textOf(errorView(alone, 'en'))).not.toContain('open in this channel');
  });

  it('a newest poll past its deadline is refused as closed, without counting it among the open ones', async () => {
    const kit = makeKit();
    await createPoll(kit, 'host', 'Lunch dates:12/1-12/2 time:12:00-13:00');
    const night = await createPoll(kit, 'host', 'Night dates:12/1-12/2 time:22:00-02:00 deadline:1h');
    kit.clock.advance(2 * 3_600_000);
    const refused = await userErrorOf(kit.engine.runText(kit.actor('ann'), '/yakjeong answer 12/1 12:00-13:00', CAPS));
    expect(refused.code).toBe('POLL_CLOSED');
    expect(refused.params.code).toBe(night);
    expect(textOf(errorView(refused, 'en'))).not.toContain('open in this channel');
  });
});

describe('an answer that reaches beyond the poll', () => {
  it("says which hours were left out, and the poll's hours", async () => {
    const kit = makeKit();
    await createPoll(kit, 'host', 'Dinner dates:12/1-12/2 time:18:00-20:00 slot:30m');
    const text = allText(await kit.engine.runText(kit.actor('ann'), '/yakjeong answer 12/1 18:00-22:00, 12/2 17:00-19:00', CAPS));
    expect(text).toContain('✅ Tue, Dec 1 18:00–20:00');
    expect(text).toContain('✅ Wed, Dec 2 18:00–19:00');
    expect(text).toContain("⚠️ Left out, outside this poll's hours (18:00–20:00): Tue, Dec 1 20:00–22:00, Wed, Dec 2 17:00–18:00.");
    // A start between slot edges leaves out the part short of a whole slot.
    const part = allText(await kit.engine.runText(kit.actor('bob'), '/yakjeong answer 12/1 18:15-19:00', CAPS));
    expect(part).toContain('✅ Tue, Dec 1 18:30–19:00');
    expect(part).toContain('⚠️ Left out, shorter than a whole slot (30 minutes): Tue, Dec 1 18:15–18:30.');
    // Inside the poll, nothing is said.
    expect(allText(await kit.engine.runText(kit.actor('cy'), '/yakjeong answer 12/1 18:00-20:00', CAPS))).not.toContain('Left out');
  });

  it('names the hours in the poll zone when the person reads another, and leaves out dates the poll lacks', async () => {
    const kit = makeKit();
    await kit.engine.runText(kit.actor('ann'), '/yakjeong tz Asia/Shanghai', CAPS);
    await createPoll(kit, 'host', 'Sync dates:12/1-12/2 time:18:00-20:00 slot:1h tz:Asia/Seoul');
    const text = allText(await kit.engine.runText(kit.actor('ann'), '/yakjeong answer 12/1-12/4 17:00-22:00', CAPS));
    expect(text).toContain('✅ Tue, Dec 1 17:00–19:00');
    expect(text).toContain("⚠️ Left out, not among this poll's dates (Tue, Dec 1, Wed, Dec 2): Thu, Dec 3, Fri, Dec 4.");
    expect(text).toContain("⚠️ Left out, outside this poll's hours (18:00–20:00 Asia/Seoul): Tue, Dec 1 19:00–22:00, Wed, Dec 2 19:00–22:00.");
  });

  it('says what a 24-hour poll leaves out is outside its days, which run into the next, in both languages and from another zone', async () => {
    const kit = makeKit();
    await createPoll(kit, 'host', 'Watch dates:12/1-12/2 time:07:00-07:00 slot:1h tz:Asia/Seoul');
    const text = allText(await kit.engine.runText(kit.actor('ann'), '/yakjeong answer 12/1 05:00-09:00', CAPS));
    expect(text).toContain('✅ Tue, Dec 1 07:00–09:00');
    expect(text).toContain("⚠️ Left out, outside this poll's days (each from 07:00 to 07:00 the next day): Tue, Dec 1 05:00–07:00.");

    await kit.engine.runText(kit.actor('bob'), '/yakjeong tz Asia/Shanghai', CAPS);
    const away = allText(await kit.engine.runText(kit.actor('bob'), '/yakjeong answer 12/1 05:00-08:00', CAPS));
    expect(away).toContain("(each from 07:00 to 07:00 the next day, Asia/Seoul): Tue, Dec 1 05:00–06:00.");

    const ko = makeKit({ locale: 'ko' });
    await createPoll(ko, 'host', '당직 dates:12/1-12/2 time:07:00-07:00 slot:1h');
    expect(allText(await ko.engine.runText(ko.actor('민지'), '/yakjeong answer 12/1 05:00-09:00', CAPS))).toContain(
      '⚠️ 이 투표의 날짜 밖이라 빠졌어요(하루는 07:00부터 다음 날 07:00까지): 12월 1일 (화) 05:00–07:00',
    );
  });

  it('leaves out a part wholly outside the poll and keeps the rest; refuses an answer with nothing inside', async () => {
    const kit = makeKit();
    const code = await createPoll(kit, 'host', 'Dinner dates:12/1-12/2 time:18:00-22:00 slot:1h');
    const text = allText(await kit.engine.runText(kit.actor('ann'), '/yakjeong answer 12/1 19:00-21:00, 12/25 19:00-21:00, 12/2 08:00-10:00', CAPS));
    expect(text).toContain('✅ Tue, Dec 1 19:00–21:00');
    expect(text).toContain("Left out, not among this poll's dates");
    expect(text).toContain('Fri, Dec 25');
    expect(text).toContain("Left out, outside this poll's hours (18:00–22:00): Wed, Dec 2 08:00–10:00.");
    const poll = (await kit.store.findPollByCode(code))!;
    expect((await kit.store.participant(poll.id, 'ann'))!.states).toBe('.yy.....');
    // Nothing inside the poll: refused, and the earlier answer stands.
    expect(await errorCode(kit.engine.runText(kit.actor('ann'), '/yakjeong answer 12/25 19:00-21:00', CAPS))).toBe('ANSWER_OUTSIDE_POLL');
    expect((await kit.store.participant(poll.id, 'ann'))!.states).toBe('.yy.....');
  });

  it('a part of the day means its hours within the poll: nothing of it is reported left out', async () => {
    const kit = makeKit();
    await createPoll(kit, 'host', 'Dinner dates:12/1 time:18:00-21:00 slot:1h');
    const text = allText(await kit.engine.runText(kit.actor('ann'), '/yakjeong answer maybe:12/1 evening', CAPS));
    expect(text).toContain('🤔 Tue, Dec 1 18:00–21:00');
    expect(text).not.toContain('Left out');
  });

  it('leaves out dates of a date poll and weekdays of a weekly poll, in Korean too', async () => {
    const kit = makeKit({ locale: 'ko' });
    await createPoll(kit, 'host', '여행 kind:date dates:12/1-12/3');
    const dates = allText(await kit.engine.runText(kit.actor('민지'), '/yakjeong answer 12/2-12/5', CAPS));
    expect(dates).toContain('⚠️ 이 투표에 없는 날짜라서 빠졌어요: 12월 4일 (금), 12월 5일 (토) (투표 날짜: 12월 1일 (화), 12월 2일 (수), 12월 3일 (목))');
    await createPoll(kit, 'host', '스터디 dates:월,수 blocks:오전,오후');
    const weekly = allText(await kit.engine.runText(kit.actor('민지'), '/yakjeong answer 월-금 오전', CAPS));
    expect(weekly).toContain('⚠️ 이 투표에 없는 요일이라서 빠졌어요: 화, 목, 금 (투표 요일: 월, 수)');
  });
});

describe('pick', () => {
  it('tells the picker privately who cannot make the time and who has not answered; the channel hears only the decision', async () => {
    const kit = makeKit();
    await createPoll(kit, 'host', 'Dinner dates:12/1 time:18:00-20:00 slot:1h duration:2h with:@ann @bob @cy');
    await kit.engine.runText(kit.actor('ann'), '/yakjeong answer 12/1 18:00-20:00', CAPS);
    await kit.engine.runText(kit.actor('bob'), '/yakjeong answer 12/1 18:00-19:00', CAPS);
    const replies = await kit.engine.runText(kit.actor('host'), '/yakjeong pick 1', CAPS);
    const [announcement, headsUp] = replies;
    expect(announcement).toMatchObject({ type: 'post', audience: { kind: 'channel' } });
    expect(textOf(posts([announcement!])[0]!)).not.toMatch(/bob|cy/);
    expect(headsUp).toMatchObject({ type: 'post', audience: { kind: 'user', userId: 'host' } });
    expect(textOf(posts([headsUp!])[0]!)).toBe('⚠️ <@bob> cannot make all of the time you picked.\n⏳ Not answered yet: <@cy>.');
  });

  it('says nothing more when everyone can come, and names each person with 님 in Korean', async () => {
    const kit = makeKit({ locale: 'ko' });
    const lunch = await createPoll(kit, 'host', '점심 kind:date dates:12/1-12/2');
    await kit.engine.runText(kit.actor('민지'), `/yakjeong answer ${lunch} 12/1`, CAPS);
    expect(posts(await kit.engine.runText(kit.actor('host'), `/yakjeong pick ${lunch} 1`, CAPS))).toHaveLength(1);
    await createPoll(kit, 'host', '회식 kind:date dates:12/1-12/2');
    await kit.engine.runText(kit.actor('민지'), '/yakjeong answer 12/1', CAPS);
    await kit.engine.runText(kit.actor('준호'), '/yakjeong answer 12/2', CAPS);
    await kit.engine.runText(kit.actor('서연'), '/yakjeong answer 12/2', CAPS);
    const replies = await kit.engine.runText(kit.actor('host'), '/yakjeong pick 12/1', CAPS);
    expect(textOf(posts(replies)[1]!)).toBe('⚠️ <@서연>님, <@준호>님은 고른 시간에 끝까지 참석할 수 없어요.');
  });
});

describe('a pick the poll does not take', () => {
  it("offers starts from this poll, best options first, in the picker's zone", async () => {
    const kit = makeKit();
    const code = await createPoll(kit, 'host', 'M dates:12/1-12/2 time:09:00-12:00 slot:1h duration:2h');
    await kit.engine.runText(kit.actor('ann'), '/yakjeong answer 12/2 10:00-12:00', CAPS);
    const err = await userErrorOf(kit.engine.runText(kit.actor('host'), '/yakjeong pick 2026-12-01 11:00', CAPS));
    expect(err.code).toBe('BAD_PICK');
    expect(textOf(errorView(err, 'en'))).toBe(
      `⚠️ “2026-12-01 11:00” is not a choice. Give a result number, like \`pick ${code} 1\`, or a start from this poll, like \`2026-12-02 10:00\`, \`2026-12-01 09:00\`, \`2026-12-01 10:00\`.`,
    );
    // Each offered start is one the poll takes.
    await kit.engine.runText(kit.actor('host'), '/yakjeong tz Asia/Kolkata', CAPS);
    const there = await userErrorOf(kit.engine.runText(kit.actor('host'), '/yakjeong pick 2026-12-01 09:00', CAPS));
    expect(String(there.params.starts).split('\n')[0]).toBe('2026-12-02 06:30');
    expect(plainAllText(await kit.engine.runText(kit.actor('host'), '/yakjeong pick 2026-12-02 06:30', CAPS))).toContain('Wed, Dec 2 10:00–12:00 (Asia/Seoul)');
  });

  it('speaks of dates and blocks, weekdays on weekly polls', async () => {
    const kit = makeKit({ locale: 'ko' });
    await createPoll(kit, 'host', '여행 kind:date dates:12/1-12/3');
    const empty = await userErrorOf(kit.engine.runText(kit.actor('host'), '/yakjeong 확정', CAPS));
    expect(textOf(errorView(empty, 'ko'))).toContain('어떤 날짜로 정할까요?');
    expect(empty.params.starts).toBe('2026-12-01\n2026-12-02\n2026-12-03');
    const study = await createPoll(kit, 'host', '스터디 dates:월,수 blocks:오전,오후');
    const weekly = await userErrorOf(kit.engine.runText(kit.actor('host'), `/yakjeong 확정 ${study} 금`, CAPS));
    expect(textOf(errorView(weekly, 'ko'))).toContain('`mon 오전`, `mon 오후`, `wed 오전`');
  });
});

describe('errors about a meeting length', () => {
  it('offer only lengths this poll takes, and each one is taken', async () => {
    const kit = makeKit();
    const err = await userErrorOf(kit.engine.runText(kit.actor('host'), '/yakjeong create x dates:12/1 time:18:00-21:00 slot:1h duration:90m', CAPS));
    expect(err.code).toBe('BAD_DURATION');
    expect(textOf(errorView(err, 'en'))).toBe('⚠️ “90m” is not a meeting length for this poll: give a whole number of its 1-hour slots, like `duration:2h` or `duration:3h`.');
    for (const example of String(err.params.examples).split('\n')) {
      await createPoll(kit, 'host', `x dates:12/1 time:18:00-21:00 slot:1h ${example}`);
    }
    // A two-hour day offers no three-hour example.
    const short = await userErrorOf(kit.engine.runText(kit.actor('host'), '/yakjeong create x dates:12/1 time:18:00-20:00 slot:1h duration:45m', CAPS));
    expect(short.params.examples).toBe('duration:1h\nduration:2h');
    const ko = textOf(errorView(short, 'ko'));
    expect(ko).toBe('⚠️ 이 투표의 모임 길이로 쓸 수 없어요: “45m”. 한 칸(1시간)의 배수로 써 주세요. 예: `duration:1h`, `duration:2h`');
  });

  it('speak of days in a date poll, and of the longest meeting the poll holds', async () => {
    const kit = makeKit();
    const bad = await userErrorOf(kit.engine.runText(kit.actor('host'), '/yakjeong create Trip kind:date dates:12/1-12/3,12/10 duration:36h', CAPS));
    expect(textOf(errorView(bad, 'en'))).toBe('⚠️ “36h” is not a length for this date poll: give whole days, like `duration:2d` or `duration:3d`.');
    const long = await userErrorOf(kit.engine.runText(kit.actor('host'), '/yakjeong create Trip kind:date dates:12/1-12/3,12/10 duration:4d', CAPS));
    expect(long.code).toBe('DURATION_TOO_LONG');
    expect(textOf(errorView(long, 'en'))).toBe("⚠️ A stay of “4d” does not fit this poll's dates: the most days in a row it has is 3.");
    expect(textOf(errorView(long, 'ko'))).toBe('⚠️ “4d” 일정은 이 투표의 날짜에 들어가지 않아요. 연달아 있는 날짜는 최대 3일이에요.');
    const hours = await userErrorOf(kit.engine.runText(kit.actor('host'), '/yakjeong create x dates:12/1 time:18:00-20:30 slot:30m duration:3h', CAPS));
    expect(textOf(errorView(hours, 'en'))).toContain('the longest it holds is 2 hours 30 minutes');
  });
});

describe('a date poll', () => {
  it('speaks of dates when an answer misses it, and of blocks when a block name is wrong', async () => {
    const kit = makeKit();
    await createPoll(kit, 'host', 'Trip kind:date dates:12/1-12/3');
    const dates = await userErrorOf(kit.engine.runText(kit.actor('ann'), '/yakjeong answer 12/9', CAPS));
    expect(textOf(errorView(dates, 'en'))).toBe("⚠️ “12/9” is not one of this poll's dates: 2026-12-01 … 2026-12-03.");
    expect(textOf(errorView(dates, 'ko'))).toBe('⚠️ 이 투표의 날짜가 아니에요: “12/9”. 투표 범위: 2026-12-01 … 2026-12-03');
    await createPoll(kit, 'host', 'Lunch dates:12/1 blocks:lunch,dinner');
    const block = await userErrorOf(kit.engine.runText(kit.actor('ann'), '/yakjeong answer 12/1 brunch', CAPS));
    // Trip is still open too: the refusal says which poll it was read for.
    expect(textOf(errorView(block, 'en'))).toMatch(/^⚠️ “brunch” is not one of this poll's blocks: lunch, dinner\.\n2 polls are open in this channel; without a code, this was read for the newest, “Lunch”/);
  });
});

describe("a weekly poll's days, as a person in another zone sees them", () => {
  it('are named by weekday, never by the dates it was laid out on, and the same in refusals and in what was left out', async () => {
    const kit = makeKit();
    await createPoll(kit, 'host', 'Gym dates:sat,sun time:9-12 tz:Asia/Seoul');
    // Saturday and Sunday mornings in Seoul are Friday and Saturday afternoons in Los Angeles.
    const la = kit.actor('la', { platformTimezone: 'America/Los_Angeles' });
    const err = await userErrorOf(kit.engine.runText(la, '/yakjeong answer sun', CAPS));
    expect(err.code).toBe('ANSWER_OUTSIDE_POLL');
    expect(textOf(errorView(err, 'en'))).toBe('⚠️ “sun” is not one of this poll\'s days: Fri, Sat.');
    expect(textOf(errorView(err, 'ko'))).toContain('투표 요일: 금, 토');
    expect(plainAllText(await kit.engine.runText(la, '/yakjeong answer sat sun', CAPS))).toContain("Left out, not among this poll's days (Fri, Sat): Sun.");
    const club = await createPoll(kit, 'host', 'Club kind:date dates:sat,sun');
    const wed = await userErrorOf(kit.engine.runText(kit.actor('ann'), `/yakjeong answer ${club} wed`, CAPS));
    expect(textOf(errorView(wed, 'en'))).toBe('⚠️ “wed” is not one of this poll\'s days: Sat, Sun.');
  });
});

describe('an answer that does not read', () => {
  it('always shows how to write one for this poll, even when the date itself failed ("13/7")', async () => {
    const kit = makeKit();
    const code = await createPoll(kit, 'host', 'D dates:12/7-12/9 time:09:00-18:00');
    for (const typed of ['13/7', '12/8 19.00-21.00']) {
      const err = await userErrorOf(kit.engine.runText(kit.actor('ann'), `/yakjeong answer ${code} ${typed}`, CAPS));
      expect(err.code).toBe('BAD_ANSWER');
      expect(textOf(errorView(err, 'en'))).toContain('Write it like `12/7 09:00-11:00`');
      expect(textOf(errorView(err, 'ko'))).toContain('12/7 09:00-11:00');
    }
  });
});

describe('examples in help and errors', () => {
  /** Every ISO date a text shows. */
  const isoDates = (text: string) => text.match(/\d{4}-\d{2}-\d{2}/g) ?? [];

  for (const [label, now, today] of [
    ['late November', T0, '2026-11-26'],
    ['the turn of a year', Date.UTC(2031, 11, 28, 3), '2031-12-28'],
  ] as const) {
    it(`start from the reader's today (${label}), so none is in the past and each one works`, async () => {
      const kit = makeKit({ now });
      const help = allText(await kit.engine.runText(kit.actor('ann'), '/yakjeong help', CAPS));
      expect(isoDates(help).length).toBeGreaterThan(2);
      for (const date of isoDates(help)) expect(date > today).toBe(true);
      expect(help).not.toContain('2026-12-01');

      const deadline = await userErrorOf(kit.engine.runText(kit.actor('ann'), '/yakjeong create x dates:mon time:9-10 deadline:soon', CAPS));
      expect(deadline.code).toBe('BAD_DEADLINE');
      const message = textOf(errorView(deadline, 'en'));
      const example = /`deadline:(\S+)`/.exec(message)![1]!;
      expect(example > today).toBe(true);
      const dates = await userErrorOf(kit.engine.runText(kit.actor('ann'), '/yakjeong create x time:9-10', CAPS));
      const offered = /`(dates:\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2})`/.exec(textOf(errorView(dates, 'ko')))![1]!;
      // The examples together make a poll the bot accepts.
      await createPoll(kit, 'ann', `x ${offered} time:9-10 deadline:${example}`);
    });
  }

  it('in the usage the console shows for a bare create, too', async () => {
    const kit = makeKit({ now: Date.UTC(2030, 0, 10, 12) });
    const [reply] = await kit.engine.runText(kit.actor('ann'), '/yakjeong create', CAPS);
    expect(reply?.type).toBe('open-create-form');
    const usage = reply?.type === 'open-create-form' ? textOf(reply.usage) : '';
    expect(usage).toContain('dates:1/17-1/21');
    for (const date of isoDates(usage)) expect(date > '2030-01-10').toBe(true);
  });
});

describe('reopening a poll whose deadline has passed', () => {
  it('asks for a new deadline, and takes one', async () => {
    const kit = makeKit();
    const code = await createPoll(kit, 'host', 'x kind:date dates:12/1-12/3 deadline:1h remind:30m');
    kit.clock.advance(2 * 3_600_000);
    const refusal = await userErrorOf(kit.engine.runText(kit.actor('host'), `/yakjeong reopen ${code}`, CAPS));
    expect(refusal.code).toBe('REOPEN_NEEDS_DEADLINE');
    expect(textOf(errorView(refusal, 'en'))).toBe(
      `⚠️ The deadline of poll ${code} has passed, so reopening it needs a new one, like \`/yakjeong reopen ${code} deadline:24h\` or \`deadline:2026-11-29T18:00\`.`,
    );
    // The Reopen button says the same; nothing changed.
    expect(await errorCode(kit.engine.click(kit.actor('host'), encodeAction({ verb: 'reopen', code }), CAPS))).toBe('REOPEN_NEEDS_DEADLINE');
    const stored = (await kit.store.findPollByCode(code))!;
    expect(stored.spec.deadline).toBe(T0 + 3_600_000);

    const notice = allText(await kit.engine.runText(kit.actor('host'), `/yakjeong reopen ${code} deadline:24h`, CAPS));
    const deadline = kit.clock.now() + 24 * 3_600_000;
    expect(notice).toContain(`Deadline: <t:${deadline}>`);
    expect((await kit.store.findPollByCode(code))!.spec).toMatchObject({ deadline, remindMinutes: [30] });
    // A poll closed before its deadline reopens as it was.
    await kit.engine.runText(kit.actor('host'), `/yakjeong close ${code}`, CAPS);
    await kit.engine.runText(kit.actor('host'), `/yakjeong reopen ${code}`, CAPS);
    expect((await kit.store.findPollByCode(code))!.spec.deadline).toBe(deadline);
  });
});

describe('refusals that never suggest what they refuse', () => {
  it('a pick on a poll nobody answered offers starts, not a result number', async () => {
    const kit = makeKit();
    const code = await createPoll(kit, 'host', 'Dinner dates:12/1 time:18:00-20:00 slot:1h');
    const err = await userErrorOf(kit.engine.runText(kit.actor('host'), `/yakjeong pick ${code} 1`, CAPS));
    expect(err.code).toBe('BAD_PICK');
    for (const locale of ['en', 'ko'] as const) {
      const text = textOf(errorView(err, locale));
      expect(text).not.toContain(`pick ${code} 1`);
      expect(text).toContain('18:00');
    }
  });

  it('reminders without a deadline ask for the deadline, not for other reminders', async () => {
    const kit = makeKit();
    const err = await userErrorOf(kit.engine.runText(kit.actor('host'), '/yakjeong create x dates:12/1 time:18:00-20:00 remind:1h', CAPS));
    expect(err.code).toBe('REMIND_WITHOUT_DEADLINE');
    expect(textOf(errorView(err, 'en'))).toContain('deadline:24h remind:1h');
  });

  it('a reminder as far from the deadline as now is, or farther, is refused: it would go out with the poll, or never', async () => {
    const kit = makeKit();
    const create = (options: string) => kit.engine.runText(kit.actor('host'), `/yakjeong create x dates:12/1 time:18:00-20:00 ${options}`, CAPS);
    const never = await userErrorOf(create('deadline:2h remind:5h'));
    expect(never.code).toBe('REMIND_TOO_EARLY');
    expect(textOf(errorView(never, 'en'))).toBe(
      '⚠️ A reminder 5 hours before the deadline comes too early: the deadline is only 2 hours from now. Give reminders closer to it, like `remind:1h`.',
    );
    expect(textOf(errorView(never, 'ko'))).toContain('마감까지 2시간밖에 남지 않았어요');
    expect((await userErrorOf(create('deadline:24h remind:24h'))).code).toBe('REMIND_TOO_EARLY');
    expect(textOf(errorView(await userErrorOf(create('deadline:30m remind:1h,10m')), 'en'))).toContain('`remind:15m`');
    // A minute to go: no reminder fits, so none is offered (it would be refused in turn).
    const minute = textOf(errorView(await userErrorOf(create('deadline:1m remind:5m')), 'en'));
    expect(minute).toContain('too soon for any reminder');
    expect(minute).not.toContain('remind:');
    expect(await kit.store.listPolls(kit.actor('host').channel, ['open'])).toEqual([]);
    await create('deadline:24h remind:23h,1h');
  });
});

describe('close, delete or pick without a code while more than one poll could be meant', () => {
  const whichPoll = async (kit: ReturnType<typeof makeKit>, typed: string) => {
    const error = await userErrorOf(kit.engine.runText(kit.actor('host'), typed, CAPS));
    expect(error.code).toBe('WHICH_POLL');
    return error;
  };

  it.each([
    ['close', '/yakjeong close', (c: string) => `/yakjeong close ${c}`],
    ['delete', '/yakjeong delete', (c: string) => `/yakjeong delete ${c}`],
    ['pick the final time for', '/yakjeong pick 1', (c: string) => `/yakjeong pick ${c} 1`],
  ] as const)('%s asks which, with the command for each, and changes neither', async (verb, typed, command) => {
    const kit = makeKit();
    const dinner = await createPoll(kit, 'host', 'Dinner kind:date dates:12/1-12/3');
    const lunch = await createPoll(kit, 'host', 'Lunch kind:date dates:12/1-12/3');
    await kit.engine.runText(kit.actor('guest'), `/yakjeong answer ${dinner} 12/1`, CAPS);
    await kit.engine.runText(kit.actor('guest'), `/yakjeong answer ${lunch} 12/2`, CAPS);
    const error = await whichPoll(kit, typed);
    // The newest first, as the poll list shows them.
    expect(textOf(errorView(error, 'en'))).toBe(`⚠️ Without a code, more than one poll here could be the one to ${verb}. Say which: \`${command(lunch)}\` for “Lunch”, \`${command(dinner)}\` for “Dinner”.`);
    expect(error.params.more).toBe(0);
    for (const code of [dinner, lunch]) {
      const poll = await kit.store.findPollByCode(code);
      expect(poll?.status).toBe('open');
      expect(poll?.picked).toBeUndefined();
    }
    // The command it offers does what was meant (a delete once Delete is pressed on its question).
    await deleteAsked(kit, kit.actor('host'), command(dinner));
    expect((await kit.store.findPollByCode(dinner))?.status).not.toBe('open');
    expect((await kit.store.findPollByCode(lunch))?.status).toBe('open');
  });

  it.each([
    ['마감', '마감할', 'close'],
    ['삭제', '삭제할', 'delete'],
  ] as const)('in Korean (%s), naming at most three and where to see the rest', async (word, verb, command) => {
    const kit = makeKit({ locale: 'ko' });
    const codes: string[] = [];
    for (const title of ['회식', '점심', '저녁', '스터디']) codes.push(await createPoll(kit, 'host', `${title} kind:date dates:12/1-12/3`));
    const error = await whichPoll(kit, `/yakjeong ${word}`);
    expect(textOf(errorView(error, 'ko'))).toBe(
      `⚠️ 코드가 없으면 어느 투표를 ${verb}지 알 수 없어요. 코드로 알려 주세요: “스터디”: \`/yakjeong ${command} ${codes[3]}\`, “저녁”: \`/yakjeong ${command} ${codes[2]}\`, “점심”: \`/yakjeong ${command} ${codes[1]}\`. 그 밖에도 1개가 더 있어요. 코드는 투표 메시지마다 있어요.`,
    );
  });

  it('three are all named, with nothing said of more', async () => {
    const kit = makeKit({ locale: 'ko' });
    for (const title of ['점심', '저녁', '스터디']) await createPoll(kit, 'host', `${title} kind:date dates:12/1-12/3`);
    const text = textOf(errorView(await whichPoll(kit, '/yakjeong 확정 1'), 'ko'));
    expect(text).toContain('어느 투표를 확정할지');
    expect(text).toContain('“점심”');
    expect(text).not.toContain('더 있어요');
  });

  it('a pick right after a deadline asks, since the poll that just closed is as likely as the open one', async () => {
    const kit = makeKit();
    const dinner = await createPoll(kit, 'host', 'Dinner kind:date dates:12/1-12/3 deadline:1h');
    const lunch = await createPoll(kit, 'host', 'Lunch kind:date dates:12/1-12/3');
    kit.clock.advance(2 * 3_600_000);
    // Before the sweep and after it (the sweep closes the poll as its deadline passes).
    expect(textOf(errorView(await whichPoll(kit, '/yakjeong pick 1'), 'en'))).toContain(`/yakjeong pick ${dinner} 1`);
    const poll = await kit.store.findPollByCode(dinner);
    await kit.store.updatePoll(poll!.id, { status: 'closed', closedAt: kit.clock.now() });
    expect(textOf(errorView(await whichPoll(kit, '/yakjeong pick 1'), 'en'))).toContain(`/yakjeong pick ${lunch} 1`);
    // A week on, the unpicked poll is no longer what a bare pick means.
    kit.clock.advance(8 * 86_400_000);
    await kit.engine.runText(kit.actor('host'), '/yakjeong pick 12/2', CAPS);
    expect((await kit.store.findPollByCode(lunch))?.picked?.firstSlot).toBe(1);
    expect((await kit.store.findPollByCode(dinner))?.picked).toBeUndefined();
  });

  it('a close does not count a poll past its deadline: it is closed already', async () => {
    const kit = makeKit();
    const dinner = await createPoll(kit, 'host', 'Dinner kind:date dates:12/1-12/3 deadline:1h');
    const lunch = await createPoll(kit, 'host', 'Lunch kind:date dates:12/1-12/3 deadline:3h');
    kit.clock.advance(2 * 3_600_000);
    expect(allText(await kit.engine.runText(kit.actor('host'), '/yakjeong close', CAPS))).toContain(lunch);
    expect((await kit.store.findPollByCode(lunch))?.status).toBe('closed');
    expect((await kit.store.findPollByCode(dinner))?.status).toBe('open');
  });

  it('a pick with nothing after it offers each poll by its code alone, which then offers its results or starts; a long one is cut', async () => {
    const kit = makeKit();
    const dinner = await createPoll(kit, 'host', 'Dinner kind:date dates:12/1-12/3');
    await createPoll(kit, 'host', 'Lunch kind:date dates:12/1-12/3');
    expect(textOf(errorView(await whichPoll(kit, '/yakjeong pick'), 'en'))).toContain(`\`/yakjeong pick ${dinner}\` for “Dinner”`);
    // Nobody answered yet, so "1" would be refused: the offered command asks for a start instead.
    const asked = await userErrorOf(kit.engine.runText(kit.actor('host'), `/yakjeong pick ${dinner}`, CAPS));
    expect(asked.code).toBe('BAD_PICK');
    expect(textOf(errorView(asked, 'en'))).toMatch(/^⚠️ Which date\? Give .*2026-12-01/);
    // What cannot be copied as typed (too long, or holding a backtick) is left out the same way.
    const long = textOf(errorView(await whichPoll(kit, `/yakjeong pick ${'x'.repeat(500)}`), 'en'));
    expect(long).toContain(`\`/yakjeong pick ${dinner}\` for`);
    expect(long.length).toBeLessThan(300);
    expect(textOf(errorView(await whichPoll(kit, '/yakjeong pick 12/2 19:00'), 'en'))).toContain(`\`/yakjeong pick ${dinner} 12/2 19:00\``);
  });

  it('only the polls the person may manage count: one is theirs, the rest nobody may change for them', async () => {
    const kit = makeKit();
    const hosts = await createPoll(kit, 'host', 'Dinner kind:date dates:12/1-12/3');
    await createPoll(kit, 'host', 'Lunch kind:date dates:12/1-12/3');
    // Nobody's to manage: the refusal names the newest, as before.
    const refused = await userErrorOf(kit.engine.runText(kit.actor('guest'), '/yakjeong close', CAPS));
    expect(refused.code).toBe('NOT_ALLOWED');
    expect(refused.params.code).not.toBe(hosts);
    const guests = await createPoll(kit, 'guest', 'Tea kind:date dates:12/1-12/3');
    await kit.engine.runText(kit.actor('guest'), '/yakjeong close', CAPS);
    expect((await kit.store.findPollByCode(guests))?.status).toBe('closed');
    expect((await kit.store.findPollByCode(hosts))?.status).toBe('open');
  });

  it('a title that looks like markup is named as the words it is on Slack and Discord, never a mention', async () => {
    const kit = makeKit();
    await createPoll(kit, 'host', 'Lunch kind:date dates:12/1-12/3');
    await createPoll(kit, 'host', '"*Standup* <@U1> @everyone" kind:date dates:12/1-12/3');
    const error = await whichPoll(kit, '/yakjeong delete');
    const text = errorView(error, 'en').blocks.flatMap((b) => ('text' in b && typeof b.text !== 'string' ? [b.text] : []))[0]!;
    const slack = toMrkdwn(text);
    expect(slack).not.toContain('<@U1>');
    expect(slack).toContain('&lt;@U1&gt;');
    const discord = discordText(text);
    expect(discord).not.toMatch(/(^|[^\\])@everyone/);
    expect(discord).not.toMatch(/(^|[^\\])\*Standup/);
  });

  it('a reopen means a poll that closed lately, not the one still open; two such are asked about', async () => {
    const kit = makeKit();
    const dinner = await createPoll(kit, 'host', 'Dinner kind:date dates:12/1-12/3');
    await kit.engine.runText(kit.actor('host'), `/yakjeong close ${dinner}`, CAPS);
    const lunch = await createPoll(kit, 'host', 'Lunch kind:date dates:12/1-12/3');
    await kit.engine.runText(kit.actor('host'), '/yakjeong reopen', CAPS);
    expect((await kit.store.findPollByCode(dinner))?.status).toBe('open');
    // Both closed now: which one is asked, the deadline typed kept in each command.
    await kit.engine.runText(kit.actor('host'), `/yakjeong close ${dinner}`, CAPS);
    await kit.engine.runText(kit.actor('host'), `/yakjeong close ${lunch}`, CAPS);
    const asked = await whichPoll(kit, '/yakjeong reopen deadline:24h');
    expect(textOf(errorView(asked, 'en'))).toContain(`one to reopen. Say which: \`/yakjeong reopen ${lunch} deadline:24h\` for “Lunch”, \`/yakjeong reopen ${dinner} deadline:24h\` for “Dinner”.`);
    expect(textOf(errorView(asked, 'ko'))).toContain('어느 투표를 다시 열지 알 수 없어요');
    for (const code of [dinner, lunch]) expect((await kit.store.findPollByCode(code))?.status).toBe('closed');
    // A week on, both are still all a bare reopen can mean: it still asks.
    kit.clock.advance(8 * 86_400_000);
    expect(textOf(errorView(await whichPoll(kit, '/yakjeong reopen deadline:24h'), 'en'))).toContain(`\`/yakjeong reopen ${lunch} deadline:24h\``);
    for (const code of [dinner, lunch]) expect((await kit.store.findPollByCode(code))?.status).toBe('closed');
  });

  it('a reopen takes a poll past its deadline before the sweep, but never guesses at one with a picked time', async () => {
    const kit = makeKit();
    const dinner = await createPoll(kit, 'host', 'Dinner kind:date dates:12/1-12/3 deadline:1h');
    const lunch = await createPoll(kit, 'host', 'Lunch kind:date dates:12/1-12/3');
    kit.clock.advance(2 * 3_600_000);
    await kit.engine.runText(kit.actor('host'), '/yakjeong reopen deadline:24h', CAPS);
    expect((await kit.store.findPollByCode(dinner))?.spec.deadline).toBe(kit.clock.now() + 24 * 3_600_000);
    // Dinner picked (and so closed): a bare reopen does not undo that pick; it asks for the code.
    await kit.engine.runText(kit.actor('host'), `/yakjeong pick ${dinner} 12/2`, CAPS);
    const refused = await userErrorOf(kit.engine.runText(kit.actor('host'), '/yakjeong reopen', CAPS));
    expect(refused.code).toBe('REOPEN_NEEDS_CODE');
    expect(textOf(errorView(refused, 'en'))).toBe(
      `⚠️ “Dinner” (${dinner}) has a picked time, and reopening it drops that pick; with other polls open here, say it is this one: \`/yakjeong reopen ${dinner}\`.`,
    );
    expect(textOf(errorView(refused, 'ko'))).toContain(`다시 열면 확정이 취소돼요`);
    expect((await kit.store.findPollByCode(dinner))?.picked).toBeDefined();
    expect((await kit.store.findPollByCode(lunch))?.status).toBe('open');
    // With the code, it is reopened.
    await kit.engine.runText(kit.actor('host'), `/yakjeong reopen ${dinner} deadline:24h`, CAPS);
    expect((await kit.store.findPollByCode(dinner))?.picked).toBeUndefined();
  });

  it('a picked poll alone in its channel is what a bare reopen means', async () => {
    const kit = makeKit();
    const dinner = await createPoll(kit, 'host', 'Dinner kind:date dates:12/1-12/3');
    await kit.engine.runText(kit.actor('host'), `/yakjeong pick ${dinner} 12/2`, CAPS);
    await kit.engine.runText(kit.actor('host'), '/yakjeong reopen', CAPS);
    const poll = await kit.store.findPollByCode(dinner);
    expect(poll?.status).toBe('open');
    expect(poll?.picked).toBeUndefined();
  });

  it('a reopen where every poll is open says there is nothing to reopen, naming none', async () => {
    const kit = makeKit();
    await createPoll(kit, 'host', 'Dinner kind:date dates:12/1-12/3');
    await createPoll(kit, 'host', 'Lunch kind:date dates:12/1-12/3');
    const refused = await userErrorOf(kit.engine.runText(kit.actor('host'), '/yakjeong reopen', CAPS));
    expect(refused.code).toBe('NOTHING_TO_REOPEN');
    expect(textOf(errorView(refused, 'en'))).toBe("⚠️ No poll in this channel is closed, so there is none to reopen. `/yakjeong list` shows this channel's polls.");
    expect(textOf(errorView(refused, 'ko'))).toContain('마감된 투표가 없어서');
  });

  it.each([
    ['delete', '/yakjeong delete', (c: string) => `/yakjeong delete ${c}`],
    ['pick the final time for', '/yakjeong pick 12/2', (c: string) => `/yakjeong pick ${c} 12/2`],
  ] as const)('with every poll closed, %s asks which of the closed ones, and takes the only one', async (verb, typed, command) => {
    const kit = makeKit();
    const dinner = await createPoll(kit, 'host', 'Dinner kind:date dates:12/1-12/3');
    const lunch = await createPoll(kit, 'host', 'Lunch kind:date dates:12/1-12/3');
    for (const code of [dinner, lunch]) await kit.engine.runText(kit.actor('host'), `/yakjeong close ${code}`, CAPS);
    // Long after they closed too, and with a pick already (a re-pick), nothing is done on a guess.
    await kit.engine.runText(kit.actor('host'), `/yakjeong pick ${lunch} 12/1`, CAPS);
    kit.clock.advance(8 * 86_400_000);
    const asked = await whichPoll(kit, typed);
    expect(textOf(errorView(asked, 'en'))).toContain(`one to ${verb}. Say which: \`${command(lunch)}\` for “Lunch”, \`${command(dinner)}\` for “Dinner”.`);
    expect((await kit.store.findPollByCode(dinner))?.status).toBe('closed');
    expect((await kit.store.findPollByCode(lunch))?.picked?.firstSlot).toBe(0);
    // With one closed poll left, it is the one meant.
    await deleteAsked(kit, kit.actor('host'), `/yakjeong delete ${lunch}`);
    await deleteAsked(kit, kit.actor('host'), typed);
    const left = await kit.store.findPollByCode(dinner);
    expect(verb === 'delete' ? left?.status : left?.picked?.firstSlot).toBe(verb === 'delete' ? 'deleted' : 1);
  });

  it('a typed deadline of several words is offered back in quotes, and one that cannot be read is refused first', async () => {
    const kit = makeKit();
    const dinner = await createPoll(kit, 'host', 'Dinner kind:date dates:12/1-12/3');
    const lunch = await createPoll(kit, 'host', 'Lunch kind:date dates:12/1-12/3');
    for (const code of [dinner, lunch]) await kit.engine.runText(kit.actor('host'), `/yakjeong close ${code}`, CAPS);
    const offered = textOf(errorView(await whichPoll(kit, '/yakjeong reopen deadline:"3 d"'), 'en'));
    const command = `/yakjeong reopen ${dinner} deadline:"3 d"`;
    expect(offered).toContain(`\`${command}\``);
    await kit.engine.runText(kit.actor('host'), command, CAPS);
    expect((await kit.store.findPollByCode(dinner))?.spec.deadline).toBe(kit.clock.now() + 3 * 86_400_000);
    expect(await errorCode(kit.engine.runText(kit.actor('host'), '/yakjeong reopen deadline:"whenever works"', CAPS))).toBe('BAD_DEADLINE');
  });

  it('with one poll open and others closed, the open one is taken as before', async () => {
    const kit = makeKit();
    const old = await createPoll(kit, 'host', 'Old kind:date dates:12/1-12/3');
    await kit.engine.runText(kit.actor('host'), `/yakjeong close ${old}`, CAPS);
    const open = await createPoll(kit, 'host', 'Open kind:date dates:12/1-12/3');
    expect(allText(await kit.engine.runText(kit.actor('host'), '/yakjeong close', CAPS))).toContain(open);
    expect((await kit.store.findPollByCode(open))?.status).toBe('closed');
  });
});

describe('a new poll whose every time has gone by', () => {
  // The kit's clock reads 21:00 in Seoul, the kit's zone.
  it('is refused, saying so and offering the same hours tomorrow, in both languages; a later hour today is kept', async () => {
    const kit = makeKit();
    const refused = await userErrorOf(kit.engine.runText(kit.actor('host'), '/yakjeong create Standup dates:today time:morning', CAPS));
    expect(refused.code).toBe('TIMES_IN_PAST');
    expect(textOf(errorView(refused, 'en'))).toBe('⚠️ Every time of “today morning” has already gone by, and a poll is for times to come. Choose later ones, like `dates:tomorrow time:morning`.');
    expect(textOf(errorView(refused, 'ko'))).toBe('⚠️ “today morning”의 시간이 모두 이미 지났어요. 투표는 앞으로의 시간으로 만들어 주세요. 예: `dates:내일 time:morning`');
    expect(await kit.store.listPolls(kit.actor('host').channel, ['open'])).toEqual([]);
    // The offered form works, and so does an evening that has not ended yet (20:00–23:00 at 21:00).
    await kit.engine.runText(kit.actor('host'), '/yakjeong create Standup dates:tomorrow time:morning', CAPS);
    await kit.engine.runText(kit.actor('host'), '/yakjeong create Late dates:today time:20:00-23:00', CAPS);
    expect((await kit.store.listPolls(kit.actor('host').channel, ['open'])).map((p) => p.spec.title).sort()).toEqual(['Late', 'Standup']);
  });
});

describe('a time: written as a word the poll does not know', () => {
  it.each([
    ['en', 'evning', ['Did you mean “evening”?', '`time:evening` (18–22)', '`time:09:00-18:00`']],
    ['en', 'dinner', ['`time:lunch` (12–13)', '`time:night` (22–24)']],
    ['ko', '저녘', ['혹시 “저녁” 말씀인가요?', '`time:저녁`(18–22시)']],
  ] as const)('%s: time:%s is told the part-of-day words that work', async (locale, word, parts) => {
    const kit = makeKit({ locale });
    const refused = await userErrorOf(kit.engine.runText(kit.actor('host'), `/yakjeong create Dinner dates:tomorrow time:${word}`, CAPS));
    expect(refused.code).toBe('BAD_TIME_RANGE');
    const text = textOf(errorView(refused, locale));
    for (const part of parts) expect(text).toContain(part);
    // The word suggested makes the poll.
    const fixed = refused.params.suggestion;
    if (fixed) await kit.engine.runText(kit.actor('host'), `/yakjeong create Dinner dates:tomorrow time:${fixed}`, CAPS);
    expect((await kit.store.listPolls(kit.actor('host').channel, ['open'])).length).toBe(fixed ? 1 : 0);
  });
});
