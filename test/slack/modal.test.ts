/**
 * The create modal end to end (HTTP mode): /yakjeong create opens it pre-filled from the
 * person's Slack profile; a submission creates the poll in the channel it came from, and a
 * mistake comes back on the field it is about while the form stays open.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Json } from './fake-slack.js';
import {
  BEN,
  NOW,
  blocksText,
  channelOf,
  commandBody,
  formValues,
  interactionBody,
  postSigned,
  slashCommand,
  startHarness,
  viewSubmission,
  waitFor,
  type Harness,
} from './support.js';

let h: Harness;
const KO = { id: 'U0MINJI', name: 'minji' };

beforeAll(async () => {
  h = await startHarness({ mode: 'http' });
  h.fake.addUser({ id: KO.id, name: KO.name, realName: '김민지', tz: 'Asia/Seoul', locale: 'ko-KR' });
});

afterAll(async () => {
  await h?.close();
});

let n = 0;
const freshChannel = () => ({ id: `C0FORM${++n}`, name: `form-${n}` });

async function openForm(user = BEN, channel = freshChannel(), responseId?: string) {
  const fields = slashCommand(h.fake, 'create', { user, channel }, responseId);
  const before = h.fake.callsTo('views.open').length;
  const res = await postSigned(h.port, commandBody(fields));
  expect(res).toEqual({ status: 200, text: '' });
  const call = await waitFor(() => h.fake.callsTo('views.open')[before], 5000, 'views.open');
  return { call, view: call.args.view as Json, trigger: fields.trigger_id, channel };
}

function inputBlock(view: Json, blockId: string): Json {
  const block = (view.blocks as Json[]).find((b) => b.block_id === blockId);
  if (!block) throw new Error(`no block ${blockId}`);
  return block;
}

async function submit(values: Json, metadata: string, user = BEN) {
  const res = await postSigned(h.port, interactionBody(viewSubmission(values, metadata, { user })));
  return { status: res.status, body: res.text ? (JSON.parse(res.text) as Json) : undefined };
}

describe('Slack create modal', () => {
  it("opens with the command's trigger, remembers the channel, and pre-fills the creator's zone", async () => {
    const { call, view, trigger, channel } = await openForm();
    expect(call.args.trigger_id).toBe(trigger);
    expect(view.callback_id).toBe('yakjeong_create');
    expect(JSON.parse(String(view.private_metadata))).toMatchObject({ c: channel.id });
    const tz = inputBlock(view, 'tz').element as Json;
    expect(tz.initial_value).toBe('America/New_York');
    expect((view.title as Json).text).toBe('New Yakjeong poll');
    // Slack limits: a modal title is at most 24 characters, a modal at most 100 blocks.
    expect(String((view.title as Json).text).length).toBeLessThanOrEqual(24);
    expect((view.blocks as Json[]).length).toBeLessThanOrEqual(100);
  });

  it("speaks the creator's Slack language", async () => {
    const { view } = await openForm(KO);
    expect((view.title as Json).text).toBe('새 약정 투표');
    expect(((inputBlock(view, 'title').label as Json).text)).toBe('제목');
  });

  it('creates the poll in the original channel from the submitted fields', async () => {
    const { view, channel } = await openForm();
    const deadline = Date.UTC(2026, 10, 30, 9, 0) / 1000;
    const res = await submit(
      formValues({ title: 'Standup', start: '2026-12-03', end: '2026-12-04', dayStart: '09:00', dayEnd: '12:00', slot: '60m', tz: 'America/New_York', deadline, duration: '1h' }),
      String(view.private_metadata),
    );
    // An empty ack closes the modal.
    expect(res).toEqual({ status: 200, body: undefined });

    const post = await waitFor(() => h.fake.callsTo('chat.postMessage').find((c) => c.args.channel === channel.id));
    expect(blocksText(post.args.blocks)).toContain('Standup');
    const [poll] = await h.store.listPolls(channelOf(undefined, channel), ['open']);
    expect(poll?.creator.id).toBe(BEN.id);
    expect(poll?.spec).toMatchObject({
      kind: 'time',
      title: 'Standup',
      timezone: 'America/New_York',
      window: { start: '09:00', end: '12:00' },
      slotMinutes: 60,
      days: { type: 'dates', dates: ['2026-12-03', '2026-12-04'] },
      deadline: deadline * 1000,
      durationSlots: 1,
    });
  });

  it('creates a weekly poll from weekday checkboxes', async () => {
    const { view, channel } = await openForm();
    const res = await submit(formValues({ title: 'Gym', weekdays: ['mon', 'wed'], kind: 'date' }), String(view.private_metadata));
    expect(res.status).toBe(200);
    expect(res.body).toBeUndefined();
    const poll = await waitFor(async () => (await h.store.listPolls(channelOf(undefined, channel), ['open']))[0]);
    expect(poll.spec.kind).toBe('date');
    expect(poll.spec.days).toMatchObject({ type: 'weekly', weekdays: [0, 2] });
    // The form's default hours and slot size belong to time polls and were not sent.
    expect(poll.spec.window).toBeUndefined();
  });

  it('puts a mistake on the field it is about and creates nothing', async () => {
    const { view, channel } = await openForm();
    const yesterday = Math.floor((NOW - 86_400_000) / 1000);
    const late = await submit(formValues({ title: 'Late', start: '2026-12-03', deadline: yesterday }), String(view.private_metadata));
    expect(late.status).toBe(200);
    expect(late.body).toMatchObject({ response_action: 'errors' });
    const errors = (late.body as Json).errors as Record<string, string>;
    expect(Object.keys(errors)).toEqual(['deadline']);
    expect(errors.deadline).toMatch(/has already passed/);
    expect(errors.deadline).not.toContain('`');

    const blocks = await submit(formValues({ title: 'Meals', start: '2026-12-03', kind: 'block', blocks: 'lunch=25:00-26:00' }), String(view.private_metadata));
    expect(Object.keys((blocks.body as Json).errors as Json)).toEqual(['blocks']);

    const both = await submit(formValues({ title: 'Both', start: '2026-12-03', weekdays: ['fri'] }), String(view.private_metadata));
    expect((both.body as Json).errors).toEqual({ weekdays: 'Pick dates or weekdays, not both.' });

    // Nov 20's 06:00–08:00 in Seoul has gone by at 09:00 there (NOW): said on the first date.
    const gone = await submit(formValues({ title: 'Early', start: '2026-11-20', dayStart: '06:00', dayEnd: '08:00', tz: 'Asia/Seoul' }), String(view.private_metadata));
    const goneErrors = (gone.body as Json).errors as Record<string, string>;
    expect(Object.keys(goneErrors)).toEqual(['date_start']);
    expect(goneErrors.date_start).toMatch(/has already gone by/);

    const none = await submit(formValues({ title: 'Nothing' }), String(view.private_metadata));
    expect((none.body as Json).errors).toEqual({ date_start: 'Pick a first date, or weekdays for a weekly poll.' });

    expect(await h.store.listPolls(channelOf(undefined, channel), ['open'])).toEqual([]);
    expect(h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === channel.id)).toEqual([]);
  });

  it("words a mistake in the form's own terms: what was picked, never the slash command's options", async () => {
    const { view, channel } = await openForm();
    const meta = String(view.private_metadata);
    const day = (days: number) => new Date(NOW + days * 86_400_000).toISOString().slice(0, 10);
    const errorsOf = async (values: Parameters<typeof formValues>[0]) => ((await submit(formValues(values), meta)).body as Json).errors as Record<string, string>;
    const said: string[] = [];
    const expectOn = async (values: Parameters<typeof formValues>[0], field: string, text: RegExp) => {
      const errors = await errorsOf(values);
      expect(errors).toEqual({ [field]: expect.stringMatching(text) });
      said.push(errors[field]!);
    };

    await expectOn({ title: 'Gone', start: day(-10), end: day(-8) }, 'date_start', /^These dates have all gone by\. Pick a first date from today on\.$/);
    await expectOn({ title: 'Backwards', start: day(14), end: day(10) }, 'date_end', /^The last date is before the first date\./);
    await expectOn({ title: 'Far', start: day(14), deadline: Math.floor((NOW + 400 * 86_400_000) / 1000) }, 'deadline', /^This deadline is too far away\. Pick one at most \d+ days from now\.$/);
    await expectOn({ title: 'Nudge', start: day(14), remind: '1h' }, 'remind', /^Reminders come before a deadline\. Pick a deadline too/);
    // Free-text fields show their examples as what to type in them.
    await expectOn({ title: 'Crowd', start: day(14), max: '5000' }, 'max', /like 8\.$/);
    await expectOn({ title: 'Meals', start: day(14), kind: 'block', blocks: 'x=1' }, 'blocks', /Write morning,afternoon,evening or lunch=12:00-13:00,dinner=18:00-21:00\./);
    await expectOn({ title: 'Long', start: day(14), duration: 'forever' }, 'duration', /like 1h or 90m\.$/);
    await expectOn({ title: ' ', start: day(14) }, 'title', /^A poll needs a title\.$/);
    for (const text of said) expect(text).not.toMatch(/\/yakjeong|\b(dates|time|max|remind|blocks|duration|deadline):|\d{4}-\d\d-\d\d/);

    expect(await h.store.listPolls(channelOf(undefined, channel), ['open'])).toEqual([]);
  });

  it('words form mistakes in the person\'s language', async () => {
    const { view } = await openForm(KO);
    const res = await submit(formValues({ title: '지난 모임', start: new Date(NOW - 10 * 86_400_000).toISOString().slice(0, 10) }), String(view.private_metadata), KO);
    expect((res.body as Json).errors).toEqual({ date_start: '고른 날짜가 모두 지났어요. 오늘이나 그 뒤의 시작 날짜를 골라 주세요.' });
  });

  it('opens well within the 3 s trigger window even when users.info is slow, with the default zone', async () => {
    const newcomer = { id: 'U0NEWBIE', name: 'newbie' };
    h.fake.addUser({ id: newcomer.id, name: newcomer.name, tz: 'America/Los_Angeles', locale: 'en-US' });
    h.fake.delay('users.info', 2500);
    const started = Date.now();
    const { call, view } = await openForm(newcomer);
    expect(call.at - started).toBeLessThan(1000);
    // Slack's profile was not known in time: the default zone (the harness's Asia/Seoul) is pre-filled.
    expect((inputBlock(view, 'tz').element as Json).initial_value).toBe('Asia/Seoul');
  });

  it("keeps the command's response_url and tells the person there when the poll cannot be posted", async () => {
    const { view, channel } = await openForm(BEN, freshChannel(), 'form-orphan');
    expect(JSON.parse(String(view.private_metadata))).toMatchObject({ c: channel.id, r: h.fake.responseUrl('form-orphan') });
    h.fake.failNext('chat.postMessage', 'channel_not_found');
    const res = await submit(formValues({ title: 'Secret', start: '2026-12-03' }), String(view.private_metadata));
    expect(res).toEqual({ status: 200, body: undefined });

    const reply = await waitFor(() => h.fake.responsesTo('form-orphan')[0], 5000, 'the response_url post');
    expect(reply.body.response_type).toBe('ephemeral');
    expect(String(reply.body.text)).toContain('/invite @Yakjeong');
    expect(String(reply.body.text)).toContain(`<#${channel.id}>`);
    // Nothing is left behind: the poll that nobody can see is discarded.
    expect(await h.store.listPolls(channelOf(undefined, channel), ['open', 'closed'])).toEqual([]);
    expect(await h.store.listPolls(channelOf(undefined, channel), ['deleted'])).toHaveLength(1);
  });

  it('falls back to a DM, in the person\'s language, when the response_url no longer works', async () => {
    const { view, channel } = await openForm(KO, freshChannel(), 'form-expired');
    h.fake.expireResponseUrl('form-expired');
    h.fake.failNext('chat.postMessage', 'not_in_channel');
    await submit(formValues({ title: '비밀 모임', start: '2026-12-03' }), String(view.private_metadata), KO);

    const dm = await waitFor(() => h.fake.callsTo('chat.postMessage').find((c) => c.args.channel === KO.id), 5000, 'the DM');
    expect(String(dm.args.text)).toContain('/invite @Yakjeong');
    expect(String(dm.args.text)).toContain('초대');
    expect(String(dm.args.text)).toContain(`<#${channel.id}>`);
    expect(await h.store.listPolls(channelOf(undefined, channel), ['open', 'closed'])).toEqual([]);
  });

  it('refuses a form whose hidden channel reference was tampered with', async () => {
    const res = await submit(formValues({ title: 'Forged', start: '2026-12-03' }), '{"c":"<#C1>"}');
    expect((res.body as Json).response_action).toBe('errors');
    expect(Object.keys((res.body as Json).errors as Json)).toEqual(['title']);
  });
});
