/**
 * Caps on typed text, checked before anything is read: each says which cap was hit, in the
 * person's language, and a refused line stores nothing and costs almost nothing.
 */
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/core/commands/builtin.js';
import { MAX_ANSWER_TEXT, MAX_COMMAND_TEXT, MAX_DESCRIPTION, MAX_LISTED_PEOPLE, MAX_OPTION_TEXT, MAX_TITLE } from '../../src/core/grammar/bounds.js';
import { errorView } from '../../src/core/views/notices.js';
import { CAPS, createPoll, errorCode, makeKit, textOf, userErrorOf } from '../helpers.js';

const people = (n: number) => Array.from({ length: n }, (_, i) => `@p${i}`).join(' ');
const BASE = 'kind:date dates:12/1-12/3';

describe('create options over their caps', () => {
  it.each([
    ['a title', `${'t'.repeat(MAX_TITLE + 1)} ${BASE}`, 'TITLE_TOO_LONG', { max: MAX_TITLE, length: MAX_TITLE + 1 }],
    // Past the old 4000-character schema limit, which answered with the answer-syntax error.
    ['a title of 5000 characters', `${'t'.repeat(5000)} ${BASE}`, 'TITLE_TOO_LONG', { max: MAX_TITLE, length: 5000 }],
    ['a title of emoji, counted as characters', `${'🍜'.repeat(MAX_TITLE + 1)} ${BASE}`, 'TITLE_TOO_LONG', { max: MAX_TITLE, length: MAX_TITLE + 1 }],
    ['a description', `Dinner ${BASE} desc:"${'d'.repeat(5000)}"`, 'DESCRIPTION_TOO_LONG', { max: MAX_DESCRIPTION, length: 5000 }],
    ['a with: list', `Dinner ${BASE} with:${people(MAX_LISTED_PEOPLE + 1)}`, 'TOO_MANY_PEOPLE', { option: 'with', count: MAX_LISTED_PEOPLE + 1, max: MAX_LISTED_PEOPLE }],
    ['a must: list', `Dinner ${BASE} must:${people(MAX_LISTED_PEOPLE + 5)}`, 'TOO_MANY_PEOPLE', { option: 'must', count: MAX_LISTED_PEOPLE + 5, max: MAX_LISTED_PEOPLE }],
    ['a blocks: list', `Dinner dates:12/1 blocks:${'b,'.repeat(MAX_OPTION_TEXT)}`, 'OPTION_TOO_LONG', { option: 'blocks', max: MAX_OPTION_TEXT, length: 2 * MAX_OPTION_TEXT }],
  ])('%s: its own code and cap', async (_, text, code, params) => {
    const kit = makeKit();
    const err = await userErrorOf(kit.engine.runText(kit.actor('ann'), `/yakjeong create ${text}`, CAPS));
    expect(err.code).toBe(code);
    expect(err.params).toMatchObject(params);
    expect(await kit.store.listPolls({ platform: 'console', workspaceId: 'w1', channelId: 'c1' }, ['open'])).toEqual([]);
  });

  it('lists and titles at their caps are taken', async () => {
    const kit = makeKit();
    await createPoll(kit, 'ann', `${'t'.repeat(MAX_TITLE)} ${BASE} with:${people(MAX_LISTED_PEOPLE)} must:${people(MAX_LISTED_PEOPLE)}`);
  });

  it('typed options (Discord, forms) meet the same caps', async () => {
    const kit = makeKit();
    const create = (options: Record<string, string>) => kit.engine.run(kit.actor('ann'), COMMANDS.byId('create')!.fromOptions({ dates: '12/1', kind: 'date', ...options }), CAPS);
    expect(await errorCode(create({ title: 'x'.repeat(5000) }))).toBe('TITLE_TOO_LONG');
    expect(await errorCode(create({ title: 'T', desc: 'x'.repeat(MAX_DESCRIPTION + 1) }))).toBe('DESCRIPTION_TOO_LONG');
    expect(await errorCode(create({ title: 'T', with: people(MAX_LISTED_PEOPLE + 1) }))).toBe('TOO_MANY_PEOPLE');
    expect(await errorCode(create({ title: 'T', tz: 'x'.repeat(MAX_OPTION_TEXT + 1) }))).toBe('OPTION_TOO_LONG');
  });

  it('each refusal names the cap, in English and Korean', async () => {
    const kit = makeKit();
    const err = await userErrorOf(kit.engine.runText(kit.actor('ann'), `/yakjeong create Dinner ${BASE} with:${people(101)}`, CAPS));
    expect(textOf(errorView(err, 'en'))).toBe('⚠️ `with:` names 101 people; one list can name at most 100. Name fewer, like `with:@alice @bob`.');
    expect(textOf(errorView(err, 'ko'))).toBe('⚠️ `with:`에 101명이 있어요. 한 목록에는 100명까지 넣을 수 있어요. `with:@민지 @준호`처럼 줄여 주세요.');
  });
});

describe('answers over their cap', () => {
  it('48,000 characters are refused before any of it is read, and the saved answer stays', async () => {
    const kit = makeKit();
    const code = await createPoll(kit, 'host', 'Dinner dates:12/1-12/3 time:18:00-22:00 slot:1h');
    const ann = kit.actor('ann');
    await kit.engine.runText(ann, `/yakjeong answer ${code} 12/1 19:00-21:00`, CAPS);
    const before = await kit.store.participants((await kit.store.findPollByCode(code))!.id);
    const long = `/yakjeong answer ${code} ${'12/1 19:00-21:00 '.repeat(2900)}`;
    const started = performance.now();
    const err = await userErrorOf(kit.engine.runText(ann, long, CAPS));
    const took = performance.now() - started;
    expect(err.code).toBe('ANSWER_TOO_LONG');
    expect(err.params).toMatchObject({ max: MAX_ANSWER_TEXT });
    // Reading this answer held the event loop for 1.8 s; refused unread it is a length check.
    expect(took).toBeLessThan(50);
    const after = await kit.store.participants((await kit.store.findPollByCode(code))!.id);
    expect(after).toEqual(before);
    expect(textOf(errorView(err, 'ko'))).toContain(`응답은 ${MAX_ANSWER_TEXT}자까지 쓸 수 있어요`);
  });

  it('just over the cap by text or typed option; at the cap it is read', async () => {
    const kit = makeKit();
    const code = await createPoll(kit, 'host', 'Dinner dates:12/1-12/3 time:18:00-22:00 slot:1h');
    const ann = kit.actor('ann');
    const answer = (spec: string) => kit.engine.run(ann, COMMANDS.byId('answer')!.fromOptions({ spec, code }), CAPS);
    const fits = `12/1 19:00-21:00${' '.repeat(MAX_ANSWER_TEXT - 16)}`.slice(0, MAX_ANSWER_TEXT);
    expect(await errorCode(answer(`${fits}x`))).toBe('ANSWER_TOO_LONG');
    expect(await errorCode(answer(`12/1 19:00-21:00 ${'x'.repeat(MAX_ANSWER_TEXT)}`))).toBe('ANSWER_TOO_LONG');
    expect(await errorCode(answer(fits.trimEnd()))).toBe('none');
    expect(await errorCode(kit.engine.runText(ann, `/yakjeong answer ${code} 12/1 19:00-21:00 ${'y'.repeat(MAX_ANSWER_TEXT)}`, CAPS))).toBe('ANSWER_TOO_LONG');
  });
});

describe('whole command lines', () => {
  it('past the line cap any command is refused with its own code', async () => {
    const kit = makeKit();
    const ann = kit.actor('ann');
    expect(await errorCode(kit.engine.runText(ann, `/yakjeong list ${'x '.repeat(MAX_COMMAND_TEXT)}`, CAPS))).toBe('COMMAND_TOO_LONG');
    expect(await errorCode(kit.engine.runText(ann, `/yakjeong ${'x'.repeat(MAX_COMMAND_TEXT + 1)}`, CAPS))).toBe('COMMAND_TOO_LONG');
    const err = await userErrorOf(kit.engine.runText(ann, `/yakjeong pick ${'1'.repeat(MAX_COMMAND_TEXT + 1)}`, CAPS));
    expect(textOf(errorView(err, 'en'))).toContain(`a command can have at most ${MAX_COMMAND_TEXT}`);
  });

  it('a line of unpaired quotes is split in one pass', async () => {
    const kit = makeKit();
    const started = performance.now();
    await errorCode(kit.engine.runText(kit.actor('ann'), `/yakjeong create ${'‘'.repeat(MAX_COMMAND_TEXT - 10)}`, CAPS));
    expect(performance.now() - started).toBeLessThan(200);
  });
});

describe('deadlines', () => {
  it('a reopened poll meets the same cap on its new deadline', async () => {
    const kit = makeKit();
    const host = kit.actor('host');
    const code = await createPoll(kit, 'host', `Dinner ${BASE} deadline:24h`);
    await kit.engine.runText(host, `/yakjeong close ${code}`, CAPS);
    expect(await errorCode(kit.engine.runText(host, `/yakjeong reopen ${code} deadline:400d`, CAPS))).toBe('DEADLINE_TOO_FAR');
    expect(await errorCode(kit.engine.runText(host, `/yakjeong reopen ${code} deadline:30d`, CAPS))).toBe('none');
  });
});
