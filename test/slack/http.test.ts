/**
 * The Slack adapter in HTTP mode, end to end: signed requests into the shared HTTP server,
 * the real Bolt app and engine, and a fake Slack Web API recording what people would see.
 */
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderMessage } from '../../adapters/slack/blocks.js';
import {
  ADA,
  ANA,
  BEN,
  MALLORY,
  PNG_SIGNATURE,
  TEAM_B,
  blocksText,
  buttonsIn,
  channelOf,
  commandBody,
  onlyPoll,
  postSigned,
  slashCommand,
  sleep,
  startHarness,
  waitFor,
  type Harness,
  type Who,
  driver,
} from './support.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ mode: 'http', refreshIntervalMs: 1000 });
});

afterAll(async () => {
  await h?.close();
});

const { freshChannel, command, press, createPoll, latestResponse } = driver(() => h, 'test');

describe('Slack HTTP mode', () => {
  it('creates a poll from a signed slash command and posts its live message in the channel', async () => {
    const channel = freshChannel();
    const res = await command('create Team dinner dates:2026-12-01..2026-12-02 time:09:00-11:00 slot:1h', { channel });
    // Acknowledged with an empty body: nothing is shown in place of the command.
    expect(res).toEqual({ status: 200, text: '' });

    const post = await waitFor(() => h.fake.callsTo('chat.postMessage').find((c) => c.args.channel === channel.id));
    expect(post.token).toBe('xoxb-test-bot');
    const text = blocksText(post.args.blocks);
    expect(text).toContain('Team dinner');
    const poll = await onlyPoll(h.store, undefined, channel);
    expect(text).toContain(poll.code);
    expect(buttonsIn(post.args.blocks).map((b) => b.actionId)).toEqual([
      `y1:${poll.code}:respond`,
      `y1:${poll.code}:results`,
      `y1:${poll.code}:close`,
    ]);
    // The message's place is remembered so later answers can edit it.
    const stored = await waitFor(async () => (await h.engine.queries.getPoll(poll.id))?.messageRef);
    expect(stored).toMatch(new RegExp(`^${channel.id}:\\d+\\.\\d+$`));
    expect(poll.channel).toEqual({ platform: 'slack', workspaceId: 'T0ACME', channelId: channel.id });
    expect(poll.creator).toEqual({ id: ANA.id, name: 'Ana' });
  });

  it('takes typed text literally: escaped input is unescaped once and escaped again on the way out', async () => {
    const channel = freshChannel();
    // should_escape: Slack sends "&", "<" and ">" as entities.
    await command('create Tom &amp; Jerry &lt;!channel&gt; dates:2026-12-01 time:09:00-10:00', { channel });
    const post = await waitFor(() => h.fake.callsTo('chat.postMessage').find((c) => c.args.channel === channel.id));
    const poll = await onlyPoll(h.store, undefined, channel);
    expect(poll.spec.title).toBe('Tom & Jerry <!channel>');
    expect(String(post.args.text)).toContain('Tom &amp; Jerry &lt;!channel&gt;');
    // The header is plain_text, shown as typed and never parsed; mrkdwn texts carry it escaped.
    const mrkdwn = JSON.stringify(post.args.blocks).match(/"type":"mrkdwn","text":"[^"]*"/g) ?? [];
    expect(mrkdwn.length).toBeGreaterThan(0);
    expect(mrkdwn.join('\n')).not.toContain('<!channel>');
    expect((post.args.blocks as Array<{ type: string; text?: { type: string; text: string } }>)[0]?.text).toEqual({
      type: 'plain_text',
      text: `📅 Tom & Jerry <!channel> · ${poll.code}`,
      emoji: true,
    });
  });

  it('answers 401 to a bad signature and to a stale timestamp, and does nothing', async () => {
    const channel = freshChannel();
    const body = commandBody(slashCommand(h.fake, 'create Forged dates:2026-12-01 time:09:00-10:00', { channel }));
    const before = h.fake.calls.length;

    expect((await postSigned(h.port, body, { secret: 'not-the-secret' })).status).toBe(401);
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
    expect((await postSigned(h.port, body, { timestamp: sixMinutesAgo })).status).toBe(401);

    expect(await h.store.listPolls(channelOf(undefined, channel), ['open'])).toEqual([]);
    expect(h.fake.calls.length).toBe(before);
    // The same body correctly signed now goes through: the 401s were about the signature.
    expect((await postSigned(h.port, body)).status).toBe(200);
    await waitFor(async () => (await h.store.listPolls(channelOf(undefined, channel), ['open'])).length === 1);
  });

  it('opens the personal grid privately, stores a click before acknowledging it, and replaces the grid', async () => {
    const { poll, channel } = await createPoll();
    const pollTs = poll.messageRef!.split(':')[1]!;

    await press(`y1:${poll.code}:respond`, { channel, messageTs: pollTs }, 'open-grid');
    const grid = (await latestResponse('open-grid')).body;
    // A new message only Ana sees; the channel's poll message stays.
    expect(grid.response_type).toBe('ephemeral');
    expect(grid.replace_original).toBe(false);
    const slots = buttonsIn(grid.blocks).filter((b) => b.actionId.includes(':set:'));
    // Ana's Slack zone is the poll's (Asia/Seoul): 09:00 and 10:00 on the first day.
    expect(slots.map((b) => b.label)).toEqual(['09:00 ▫️', '10:00 ▫️']);
    expect(slots[0]!.actionId).toBe(`y1:${poll.code}:set:0:y`);

    const ack = await press(slots[0]!.actionId, { channel, ephemeral: true }, 'click-1');
    expect(ack.status).toBe(200);
    // Acknowledged means stored: the answer is in the database when Slack gets the 200.
    const participants = await h.engine.queries.participants(poll);
    expect(participants.map((p) => [p.user.id, p.states])).toEqual([[ANA.id, 'y...']]);

    const replaced = (await latestResponse('click-1')).body;
    expect(replaced.replace_original).toBe(true);
    const after = buttonsIn(replaced.blocks).filter((b) => b.actionId.includes(':set:'));
    expect(after[0]).toMatchObject({ label: '09:00 ✅', actionId: `y1:${poll.code}:set:0:m`, style: 'primary' });

    // The channel message is edited to show who answered.
    const update = await waitFor(() => h.fake.callsTo('chat.update').find((c) => c.args.channel === channel.id && c.args.ts === pollTs));
    expect(blocksText(update.args.blocks)).toMatch(/1 person answered: Ana/);
  });

  it('stores a click before acknowledging it even when Slack is slow to say who clicked', async () => {
    const { poll, channel } = await createPoll();
    const carl = { id: 'U0CARL', name: 'carl' };
    h.fake.addUser({ id: carl.id, name: carl.name, tz: 'Asia/Seoul', locale: 'en-US' });
    h.fake.delay('users.info', 400);
    const ack = await press(`y1:${poll.code}:set:1:y`, { channel, user: carl, ephemeral: true }, 'slow-click');
    expect(ack.status).toBe(200);
    expect((await h.engine.queries.participants(poll)).map((p) => [p.user.id, p.states])).toEqual([[carl.id, '.y..']]);
    await latestResponse('slow-click');
  });

  it("shows each person the grid in their own Slack time zone", async () => {
    const { poll, channel } = await createPoll();
    await press(`y1:${poll.code}:respond`, { channel, user: BEN }, 'ben-grid');
    const grid = (await latestResponse('ben-grid')).body;
    const labels = buttonsIn(grid.blocks).filter((b) => b.actionId.includes(':set:')).map((b) => b.label);
    // 09:00 in Seoul is 19:00 the day before in New York.
    expect(labels).toEqual(['19:00 ▫️', '20:00 ▫️']);
    expect(blocksText(grid.blocks)).toContain('America/New_York');
  });

  it('saves a text answer, read in the answerer\'s own zone, and confirms it privately', async () => {
    const { poll, channel } = await createPoll();
    // Ben lives in New York: the poll's Dec 1 09:00–11:00 in Seoul is his Nov 30 19:00–21:00.
    await command(`answer ${poll.code} 11/30 19:00-21:00`, { channel, user: BEN }, 'ben-text');
    const reply = (await latestResponse('ben-text')).body;
    expect(reply.response_type).toBe('ephemeral');
    expect(blocksText(reply.blocks)).toContain('Saved your answer');

    await command(`answer ${poll.code} 12/2 09:00-11:00`, { channel, user: ANA }, 'ana-text');
    await latestResponse('ana-text');
    const states = Object.fromEntries((await h.engine.queries.participants(poll)).map((p) => [p.user.id, p.states]));
    expect(states).toEqual({ [BEN.id]: 'yy..', [ANA.id]: '..yy' });
  });

  it('posts channel results with the heatmap uploaded as a PNG file', async () => {
    const { poll, channel } = await createPoll('Offsite');
    await command(`answer ${poll.code} 12/1 09:00-11:00`, { channel }, 'pre');
    await latestResponse('pre');
    const uploadsBefore = h.fake.callsTo('files.completeUploadExternal').length;

    await command(`results ${poll.code}`, { channel }, 'results');
    const posted = await waitFor(() =>
      h.fake.callsTo('chat.postMessage').find((c) => c.args.channel === channel.id && blocksText(c.args.blocks).includes('Best times')),
    );
    expect(blocksText(posted.args.blocks)).toMatch(/Everyone is free/);
    const complete = await waitFor(() => h.fake.callsTo('files.completeUploadExternal').slice(uploadsBefore)[0]);
    expect(complete.args.channel_id).toBe(channel.id);
    // The picture comes with the best times as its comment (the message above keeps the Pick buttons).
    const comment = String(complete.args.initial_comment);
    expect(comment).toContain(`Best times · Offsite · ${poll.code}`);
    expect(comment).toMatch(/\*1\. .*09:00.*\* — 1\/1 · 🎉 Everyone is free/);
    const fileId = String((complete.args.files as Array<{ id: string }>)[0]!.id);
    const upload = h.fake.uploads.get(fileId)!;
    expect(upload.filename).toBe(`yakjeong-${poll.code}.png`);
    expect([...upload.bytes.slice(0, 8)]).toEqual(PNG_SIGNATURE);
    const png = PNG.sync.read(Buffer.from(upload.bytes));
    expect(png.width).toBeGreaterThan(100);
    expect(png.height).toBeGreaterThan(50);
  });

  it("sends a person's private results picture to their DM, not the channel", async () => {
    const { poll, channel } = await createPoll();
    const before = h.fake.callsTo('files.completeUploadExternal').length;
    await press(`y1:${poll.code}:results`, { channel, user: BEN }, 'private-results');
    const reply = (await latestResponse('private-results')).body;
    expect(reply.response_type).toBe('ephemeral');
    expect(blocksText(reply.blocks)).toContain('direct message');
    const complete = await waitFor(() => h.fake.callsTo('files.completeUploadExternal').slice(before)[0]);
    expect(complete.args.channel_id).toBe(`D${BEN.id}`);
    expect(h.fake.callsTo('conversations.open').at(-1)?.args.users).toBe(BEN.id);
  });

  it('refuses to close a poll for someone who is neither its creator nor an admin', async () => {
    const { poll, channel } = await createPoll();
    const postsBefore = h.fake.callsTo('chat.postMessage').length;

    await command(`close ${poll.code}`, { channel, user: MALLORY }, 'mallory-close');
    const reply = (await latestResponse('mallory-close')).body;
    expect(reply.response_type).toBe('ephemeral');
    expect(blocksText(reply.blocks)).toContain("Only the poll's creator (Ana) or an admin can close");
    expect((await h.engine.queries.getPoll(poll.id))?.status).toBe('open');
    expect(h.fake.callsTo('chat.postMessage').length).toBe(postsBefore);

    // A workspace admin (users.info is_admin) may.
    await press(`y1:${poll.code}:close`, { channel, user: ADA }, 'admin-close');
    await waitFor(async () => (await h.engine.queries.getPoll(poll.id))?.status === 'closed');
    const notice = await waitFor(() =>
      h.fake.callsTo('chat.postMessage').slice(postsBefore).find((c) => String(c.args.text).includes('closed')),
    );
    expect(notice.args.channel).toBe(channel.id);
    // Closing also posts the final results with the heatmap.
    await waitFor(() => h.fake.callsTo('files.completeUploadExternal').find((c) => c.args.channel_id === channel.id));
  });

  it("keeps workspaces apart: another team naming this poll's code finds nothing and changes nothing", async () => {
    const { poll } = await createPoll();
    // Same channel id, other workspace: only the team differs.
    const rival: Who = { team: TEAM_B, channel: { id: poll.channel.channelId, name: 'general' }, user: MALLORY };
    const channelId = poll.channel.channelId;
    const postsBefore = h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === channelId).length;

    await command(`results ${poll.code}`, rival, 'rival-results');
    expect(blocksText((await latestResponse('rival-results')).body.blocks)).toContain(`There is no poll ${poll.code} in this channel`);

    await command(`answer ${poll.code} 12/1 09:00-10:00`, rival, 'rival-answer');
    expect(blocksText((await latestResponse('rival-answer')).body.blocks)).toContain(`There is no poll ${poll.code}`);

    await press(`y1:${poll.code}:set:0:y`, { ...rival, ephemeral: true }, 'rival-click');
    expect(blocksText((await latestResponse('rival-click')).body.blocks)).toContain(`There is no poll ${poll.code}`);

    await command(`close ${poll.code}`, rival, 'rival-close');
    await latestResponse('rival-close');

    expect(await h.engine.queries.participants(poll)).toEqual([]);
    expect((await h.engine.queries.getPoll(poll.id))?.status).toBe('open');
    expect(h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === channelId).length).toBe(postsBefore);
    expect(h.fake.callsTo('files.completeUploadExternal').filter((c) => c.args.channel_id === channelId)).toEqual([]);
  });

  it('coalesces the channel message edits of a burst of clicks and writes the last state', async () => {
    const { poll, channel } = await createPoll();
    const [, ts] = poll.messageRef!.split(':');
    const updatesOf = () => h.fake.callsTo('chat.update').filter((c) => c.args.ts === ts);
    const clicks = [
      `y1:${poll.code}:set:0:y`,
      `y1:${poll.code}:set:1:y`,
      `y1:${poll.code}:set:2:y`,
      `y1:${poll.code}:set:3:m`,
      `y1:${poll.code}:set:1:n`,
    ];
    const firstClick = Date.now();
    for (const [i, id] of clicks.entries()) {
      expect((await press(id, { channel, user: BEN, ephemeral: true }, `burst-${i}`)).status).toBe(200);
      // Spaced so each edit would have finished before the next click: only throttling merges them.
      await sleep(40);
    }
    expect((await h.engine.queries.participants(poll)).find((p) => p.user.id === BEN.id)?.states).toBe('y.ym');

    // Let the coalescer write whatever is pending (interval 1 s in this suite).
    await waitFor(async () => {
      const last = updatesOf().at(-1);
      const expected = renderMessage((await h.engine.queries.pollMessage(poll.id, 'en'))!);
      return last && JSON.stringify(last.args.blocks) === JSON.stringify(expected.blocks);
    }, 5000, 'the final poll message');
    await sleep(1200);
    const updates = updatesOf();
    // At most one edit per interval (1 s here), counted from the first click: normally the
    // first click's edit and one more for the rest; a slow machine may legitimately need more.
    const allowed = Math.floor((updates.at(-1)!.at - firstClick) / 1000) + 1;
    expect(updates.length).toBeLessThanOrEqual(allowed);
    expect(updates.length).toBeLessThan(clicks.length);
    expect(blocksText(h.fake.messages.get(poll.messageRef!)!.blocks)).toMatch(/1 person answered: Ben Park/);
  });

  it('announces a pick with a calendar file and schedules a Slack reminder before the meeting', async () => {
    const { poll, channel } = await createPoll('Kickoff');
    const ts = poll.messageRef!.split(':')[1]!;
    await command(`answer ${poll.code} 12/2 10:00-11:00`, { channel }, 'pick-pre');
    await latestResponse('pick-pre');

    expect((await command(`pick ${poll.code} 1`, { channel }, 'pick')).status).toBe(200);
    const notice = await waitFor(
      () => h.fake.callsTo('chat.postMessage').find((c) => c.args.channel === channel.id && String(c.args.text).includes('Final time')),
      10_000,
      () =>
        `the pick notice; the channel got ${JSON.stringify(h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === channel.id).map((c) => c.args.text))}` +
        ` and the picker ${JSON.stringify(h.fake.responsesTo('pick').map((r) => blocksText(r.body.blocks)))}`,
    );
    expect(blocksText(notice.args.blocks)).toMatch(/<https:\/\/calendar\.google\.com\/calendar\/render\?action=TEMPLATE&amp;/);
    // The fake records a file when its upload URL is asked for and again, with its bytes, when they arrive.
    const ics = await waitFor(() => [...h.fake.uploads.values()].find((u) => u.filename === `yakjeong-${poll.code}.ics` && u.bytes.length > 0));
    expect(Buffer.from(ics.bytes).toString('utf8')).toContain('BEGIN:VEVENT');

    // Dec 2 10:00 in Seoul is 01:00 UTC; the reminder goes 10 minutes before, in the poll's thread.
    const start = Date.UTC(2026, 11, 2, 1, 0);
    const scheduled = await waitFor(() => h.fake.callsTo('chat.scheduleMessage').find((c) => c.args.channel === channel.id));
    expect(Number(scheduled.args.post_at)).toBe((start - 10 * 60_000) / 1000);
    expect(scheduled.args.thread_ts).toBe(ts);
    expect(String(scheduled.args.text)).toContain('Kickoff');

    // Picking again moves the reminder instead of adding a second one.
    await command(`pick ${poll.code} 2026-12-01 09:00`, { channel }, 'repick');
    const moved = await waitFor(() => h.fake.callsTo('chat.scheduleMessage').filter((c) => c.args.channel === channel.id)[1]);
    expect(Number(moved.args.post_at)).toBe((Date.UTC(2026, 11, 1, 0, 0) - 10 * 60_000) / 1000);
    // The new reminder is scheduled before the old one is deleted (so a failure never leaves none).
    const deleted = await waitFor(() => h.fake.callsTo('chat.deleteScheduledMessage').find((c) => c.args.channel === channel.id));
    expect(deleted.args.scheduled_message_id).toBe(scheduled.response?.scheduled_message_id);
  });

  it('tells the creator privately when everyone expected has answered, even if that note fails', async () => {
    const channel = freshChannel();
    // should_escape: a mention arrives as <@U…|name>.
    await command(`create Review dates:2026-12-01 time:09:00-11:00 slot:1h with:<@${BEN.id}|ben>`, { channel });
    const poll = await waitFor(async () => (await h.store.listPolls(channelOf(undefined, channel), ['open']))[0]);
    expect(poll.spec.expected).toEqual([{ id: BEN.id, name: 'ben' }]);

    h.fake.failNext('chat.postEphemeral', 'user_not_in_channel');
    await command(`answer ${poll.code} 11/30 19:00-20:00`, { channel, user: BEN }, 'ben-last');
    // Ben's own confirmation is unaffected by the failed note to Ana.
    expect(blocksText((await latestResponse('ben-last')).body.blocks)).toContain('Saved your answer');
    const failed = await waitFor(() => h.fake.callsTo('chat.postEphemeral').find((c) => c.args.channel === channel.id));
    expect(failed.args.user).toBe(ANA.id);
    await sleep(200);
    expect(h.fake.responsesTo('ben-last')).toHaveLength(1);

    // Answering again is not "new", so no second note; a fresh expected poll shows a delivered one.
    const other = freshChannel();
    await command(`create Review 2 dates:2026-12-01 time:09:00-11:00 slot:1h with:<@${BEN.id}|ben>`, { channel: other });
    const second = await waitFor(async () => (await h.store.listPolls(channelOf(undefined, other), ['open']))[0]);
    await command(`answer ${second.code} 11/30 19:00-20:00`, { channel: other, user: BEN }, 'ben-last-2');
    const note = await waitFor(() => h.fake.callsTo('chat.postEphemeral').find((c) => c.args.channel === other.id));
    expect(note.args.user).toBe(ANA.id);
    expect(blocksText(note.args.blocks)).toContain('Everyone you expected has answered');
    expect(buttonsIn(note.args.blocks).map((b) => b.actionId)).toEqual([`y1:${second.code}:closenow`]);
  });

  it('delete asks its asker privately first; Delete deletes, replacing the question, and the channel is told', async () => {
    const { poll, channel } = await createPoll('Offsite');
    await command(`delete ${poll.code}`, { channel }, 'delete-ask');
    const question = (await latestResponse('delete-ask')).body;
    expect(question.response_type).toBe('ephemeral');
    expect(blocksText(question.blocks)).toContain(`Delete “Offsite” (${poll.code})? Nobody has answered it yet.`);
    expect(buttonsIn(question.blocks).map((b) => b.actionId)).toEqual([`y1:${poll.code}:deletenow`, `y1:${poll.code}:keep`]);
    expect((await h.engine.queries.getPoll(poll.id))?.status).toBe('open');

    await press(`y1:${poll.code}:deletenow`, { channel, ephemeral: true }, 'delete-press');
    const replaced = (await latestResponse('delete-press')).body;
    expect(replaced.replace_original).toBe(true);
    expect(blocksText(replaced.blocks)).toContain(`Deleted “Offsite” (${poll.code}).`);
    expect(buttonsIn(replaced.blocks)).toEqual([]);
    const told = await waitFor(() => h.fake.callsTo('chat.postMessage').find((c) => c.args.channel === channel.id && blocksText(c.args.blocks).includes('Deleted “Offsite”')));
    expect(told.args.channel).toBe(channel.id);
    expect((await h.engine.queries.getPoll(poll.id))?.status).toBe('deleted');
  });

  it("posts the scheduler's notices as replies in the poll message's thread", async () => {
    const { poll, channel } = await createPoll('Deadline day');
    const ts = poll.messageRef!.split(':')[1]!;
    const results = await h.engine.queries.resultsView({ poll, locale: 'en', tz: poll.spec.timezone });
    await h.adapter.notifier.post(poll, results);
    const reply = h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === channel.id).at(-1)!;
    expect(reply.args.thread_ts).toBe(ts);
    // Results also show in the channel; the heatmap goes into the same thread.
    expect(reply.args.reply_broadcast).toBe('true');
    // Only this channel's calls: an earlier test's work may still be arriving for its own channel.
    const upload = h.fake.callsTo('files.completeUploadExternal').filter((c) => c.args.channel_id === channel.id).at(-1);
    expect(upload?.args).toMatchObject({ thread_ts: ts });
    expect(String(upload?.args.initial_comment)).toContain('Best times · Deadline day');

    const pollEdits = () => h.fake.callsTo('chat.update').filter((c) => c.args.channel === channel.id && c.args.ts === ts).length;
    const edits = pollEdits();
    await h.adapter.notifier.refreshPoll(poll);
    await waitFor(() => pollEdits() > edits, 10_000, 'an edit of the poll message');
  });

  it('still works when Slack will not say who someone is', async () => {
    const { poll, channel } = await createPoll();
    const dee = { id: 'U0DEE', name: 'dee' };
    h.fake.addUser({ id: dee.id, name: dee.name, realName: 'Dee Profile', tz: 'UTC', locale: 'ko-KR' });
    h.fake.failNext('users.info', 'missing_scope');
    await command(`answer ${poll.code} 12/1 09:00-10:00`, { channel, user: dee }, 'no-profile');
    expect(blocksText((await latestResponse('no-profile')).body.blocks)).toContain('Saved your answer');
    // Named as the payload says, in the default language, times read in the default zone (Asia/Seoul).
    const [p] = await h.engine.queries.participants(poll);
    expect(p).toMatchObject({ user: { id: dee.id, name: 'dee' }, states: 'y...' });
  });

  it('tells the person to invite the bot when Slack refuses to post in the channel', async () => {
    const channel = freshChannel();
    h.fake.failNext('chat.postMessage', 'not_in_channel');
    await command('create Private plans dates:2026-12-01 time:09:00-10:00', { channel }, 'not-in-channel');
    const reply = (await latestResponse('not-in-channel')).body;
    expect(reply.response_type).toBe('ephemeral');
    expect(String(reply.text)).toContain('/invite @Yakjeong');
    // The poll that could not be shown is not kept.
    expect(await h.store.listPolls(channelOf(undefined, channel), ['open', 'closed'])).toEqual([]);
  });

  it('answers an unknown subcommand privately with the error, not a stack trace', async () => {
    await command('frobnicate', {}, 'unknown');
    const text = blocksText((await latestResponse('unknown')).body.blocks);
    expect(text).toContain('I don\'t know the command “frobnicate”');
    expect(text).not.toMatch(/at .*\.ts:\d+/);
  });
});
