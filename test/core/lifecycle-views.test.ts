/** Lifecycle notices as views: what they say and whom they mention, from plain data. */
import { layoutPoll } from '../../src/core/domain/slots.js';
import { describe, expect, it } from 'vitest';
import type { RankedWindow } from '../../src/core/domain/ranking.js';
import { MAX_MENTIONS, pickedNotice, reminderNotice } from '../../src/core/views/lifecycle.js';
import { createPoll, makeKit, textOf } from '../helpers.js';

async function dinner() {
  const kit = makeKit();
  const code = await createPoll(kit, 'host', 'Dinner dates:12/1 time:18:00-20:00 slot:1h');
  const poll = (await kit.store.findPollByCode(code))!;
  return { poll, layout: layoutPoll(poll.spec) };
}

const people = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, name: `${prefix}${i}` }));

describe('the pick notice', () => {
  it(`mentions at most ${MAX_MENTIONS} people per line and counts the rest, the calendar link first`, async () => {
    const { poll, layout } = await dinner();
    const window: RankedWindow = {
      firstSlot: 0, slotCount: 1, day: 0, yes: people(MAX_MENTIONS + 2, 'y'), maybe: people(1, 'm'),
      unavailable: [], pending: [], everyone: false, respondents: MAX_MENTIONS + 3, stretch: 1,
    };
    const view = pickedNotice({ poll, layout, window, locale: 'en', calendarUrl: 'https://calendar.example/x' });
    const [, calendar, who] = view.blocks;
    expect(calendar).toEqual({ type: 'context', text: ['📅 Add to Google Calendar: ', { link: { url: 'https://calendar.example/x' } }] });
    const text = textOf({ ...view, blocks: [who!] });
    expect(text.match(/<@y\d+>/g)).toHaveLength(MAX_MENTIONS);
    expect(text).toContain(`<@y${MAX_MENTIONS - 1}> +2\n🤔 If needed: <@m0>`);
    // The time is said once: a local time, whose plain reading is the poll zone's.
    expect(textOf({ ...view, blocks: [view.blocks[0]!] })).toBe(`📌 Final time for “Dinner”: <t:${Date.UTC(2026, 11, 1, 9)}–${Date.UTC(2026, 11, 1, 10)}>`);
    expect(view.fallback).toBe('📌 Final time for “Dinner”: Tue, Dec 1 18:00–19:00 (Asia/Seoul)');
  });

  it('says so when nobody is free, and has no calendar link without a meeting', async () => {
    const { poll, layout } = await dinner();
    const window: RankedWindow = { firstSlot: 0, slotCount: 1, day: 0, yes: [], maybe: [], unavailable: [{ id: 'ann', name: 'ann' }], pending: [], everyone: false, respondents: 1, stretch: 1 };
    expect(textOf(pickedNotice({ poll, layout, window, locale: 'en' }))).toMatch(/<t:\d+–\d+>\n⚠️ Nobody who answered is free then\.$/);
    // With no answers at all, it does not speak of "who answered".
    const unanswered: RankedWindow = { ...window, unavailable: [], respondents: 0 };
    expect(textOf(pickedNotice({ poll, layout, window: unanswered, locale: 'en' }))).toMatch(/⚠️ Nobody has answered yet\.$/);
    expect(textOf(pickedNotice({ poll, layout, window: unanswered, locale: 'ko' }))).toMatch(/⚠️ 아직 아무도 응답하지 않았어요\.$/);
  });
});

describe('the reminder', () => {
  it('mentions who is missing, or counts the answers when nobody in particular is expected', async () => {
    const { poll } = await dinner();
    const deadline = Date.UTC(2026, 10, 30);
    expect(textOf(reminderNotice({ poll, deadline, locale: 'en', answered: 1, missing: people(2, 'u') }))).toBe(
      `⏰ “Dinner” (${poll.code}) closes <t:${deadline}>. Still waiting for <@u0>, <@u1>: press Respond on the poll.`,
    );
    // 님 on each person, not once for the list.
    expect(textOf(reminderNotice({ poll, deadline, locale: 'ko', answered: 1, missing: people(2, 'u') }))).toContain('아직 <@u0>님, <@u1>님의 응답을 기다리고 있어요.');
    expect(textOf(reminderNotice({ poll, deadline, locale: 'en', answered: 3 }))).toBe(`⏰ “Dinner” (${poll.code}) closes <t:${deadline}>. 3 people have answered so far.`);
  });
});
