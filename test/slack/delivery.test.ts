/**
 * What happens when Slack refuses part of a reply, end to end (HTTP mode, real Bolt app, fake
 * Slack): a failed file upload does not undo the rest of an action, a poll that cannot be
 * posted is not left behind, scheduler posts are never duplicated by a retry, and long or
 * emoji-heavy text is cut where Slack can still read it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Poll } from '../../src/core/domain/types.js';
import { DeliveryError } from '../../src/core/errors.js';
import { noticeView } from '../../src/core/views/notices.js';
import type { View } from '../../src/core/views/reply.js';
import type { ApiCall, Json } from './fake-slack.js';
import {
  ADA,
  TEAM_A,
  blocksText,
  channelOf,
  interactionBody,
  buttonPress,
  postSigned,
  sleep,
  startHarness,
  waitFor,
  type Harness,
  driver,
} from './support.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ mode: 'http', refreshIntervalMs: 200 });
});

afterAll(async () => {
  await h?.close();
});

const { freshChannel, command, createPoll, latestResponse } = driver(() => h, 'deliv');

/** Everything a response_url post shows: its text and its blocks. */
function responseText(body: Json): string {
  return `${String(body.text ?? '')}\n${blocksText(body.blocks)}`;
}

const postsIn = (channelId: string): ApiCall[] => h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === channelId);

describe('a file that cannot be shared after its message was posted', () => {
  it('pick: the notice stands, the poll message shows the pick, the reminder is scheduled, and one hint says to invite the bot', async () => {
    const { poll, channel } = await createPoll('Kickoff');
    await command(`answer ${poll.code} 12/2 10:00-11:00`, { channel }, 'fu-pre');
    await latestResponse('fu-pre');

    // Public channel, bot not a member: chat:write.public lets it post, but files need membership.
    h.fake.failNext('files.completeUploadExternal', 'not_in_channel');
    await command(`pick ${poll.code} 1`, { channel }, 'fu-pick');

    await waitFor(() => postsIn(channel.id).find((c) => String(c.args.text).includes('Final time')), 5000, 'the pick notice');
    const scheduled = await waitFor(() => h.fake.callsTo('chat.scheduleMessage').find((c) => c.args.channel === channel.id), 5000, 'the meeting reminder');
    expect(Number(scheduled.args.post_at)).toBe((Date.UTC(2026, 11, 2, 1, 0) - 10 * 60_000) / 1000);
    await waitFor(() => blocksText(h.fake.messages.get(poll.messageRef!)!.blocks).includes('Final time'), 5000, 'the poll message to show the pick');

    const hint = await latestResponse('fu-pick');
    expect(hint.body.response_type).toBe('ephemeral');
    expect(responseText(hint.body)).toContain('/invite @Yakjeong');
    expect(responseText(hint.body)).not.toMatch(/went wrong|try again/i);
    await sleep(300);
    expect(h.fake.responsesTo('fu-pick')).toHaveLength(1);
    expect((await h.engine.queries.getPoll(poll.id))?.picked).toBeTruthy();
  });

  it('close: the results are posted, the poll message shows it closed, and the person is hinted once', async () => {
    const { poll, channel } = await createPoll('Retro');
    h.fake.failNext('files.completeUploadExternal', 'not_in_channel');
    await command(`close ${poll.code}`, { channel }, 'fu-close');

    await waitFor(() => postsIn(channel.id).find((c) => blocksText(c.args.blocks).includes('Best times')), 5000, 'the results');
    await waitFor(() => blocksText(h.fake.messages.get(poll.messageRef!)!.blocks).includes('Closed'), 5000, 'the poll message to show it closed');
    const hint = await latestResponse('fu-close');
    expect(responseText(hint.body)).toContain('/invite @Yakjeong');
    await sleep(300);
    expect(h.fake.responsesTo('fu-close')).toHaveLength(1);
    expect((await h.engine.queries.getPoll(poll.id))?.status).toBe('closed');
  });

  it('another upload failure (not about the channel) is only logged: no hint, no error', async () => {
    const { poll, channel } = await createPoll('Quiet');
    h.fake.failNext('files.completeUploadExternal', 'internal_error');
    await command(`results ${poll.code}`, { channel }, 'fu-quiet');
    await waitFor(() => postsIn(channel.id).find((c) => blocksText(c.args.blocks).includes('Best times')));
    await sleep(400);
    expect(h.fake.responsesTo('fu-quiet')).toEqual([]);
  });
});

describe('a new poll whose message cannot be posted', () => {
  it('inline /yakjeong create: the poll is discarded and the person is told how to invite the bot', async () => {
    const channel = freshChannel();
    h.fake.failNext('chat.postMessage', 'not_in_channel');
    await command('create Private plans dates:2026-12-01 time:09:00-10:00', { channel }, 'orphan-inline');
    const reply = (await latestResponse('orphan-inline')).body;
    expect(reply.response_type).toBe('ephemeral');
    expect(responseText(reply)).toContain('/invite @Yakjeong');
    expect(responseText(reply)).toContain(`<#${channel.id}>`);
    expect(await h.store.listPolls(channelOf(undefined, channel), ['open', 'closed'])).toEqual([]);
    expect(await h.store.listPolls(channelOf(undefined, channel), ['deleted'])).toHaveLength(1);

    // After inviting the bot, creating again makes exactly one poll.
    await command('create Private plans dates:2026-12-01 time:09:00-10:00', { channel }, 'orphan-again');
    await waitFor(async () => (await h.store.listPolls(channelOf(undefined, channel), ['open']))[0]?.messageRef);
    expect(await h.store.listPolls(channelOf(undefined, channel), ['open'])).toHaveLength(1);
  });
});

describe('scheduler posts', () => {
  async function resultsOf(poll: Poll): Promise<View> {
    return h.engine.queries.resultsView({ poll, locale: 'en', tz: poll.spec.timezone });
  }

  it('post the results once even if the heatmap upload fails afterwards', async () => {
    const { poll, channel } = await createPoll('Deadline A');
    const before = postsIn(channel.id).length;
    h.fake.failNext('files.completeUploadExternal', 'not_in_channel');
    // Resolves: the scheduler must not retry (and so repost) a message that is already there.
    await expect(h.adapter.notifier.post(poll, await resultsOf(poll))).resolves.toBeUndefined();
    expect(postsIn(channel.id).length).toBe(before + 1);
  });

  it('draw the heatmap before posting: a drawing failure posts nothing, so a retry posts once', async () => {
    const { poll, channel } = await createPoll('Deadline B');
    const before = postsIn(channel.id).length;
    const view = await resultsOf(poll);
    view.image = { ...view.image!, render: () => Promise.reject(new Error('canvas exploded')) };
    await expect(h.adapter.notifier.post(poll, view)).rejects.toThrow('canvas exploded');
    expect(postsIn(channel.id).length).toBe(before);
  });

  it("throw Slack's refusals as DeliveryErrors the scheduler can read: not_in_channel is refused, invalid_auth permanent", async () => {
    const { poll } = await createPoll('Deadline D');
    const view = noticeView('Reminder');
    h.fake.failNext('chat.postMessage', 'not_in_channel');
    await expect(h.adapter.notifier.post(poll, view)).rejects.toMatchObject({ name: 'DeliveryError', kind: 'refused', code: 'DELIVERY_REFUSED', platformCode: 'not_in_channel' });
    h.fake.failNext('chat.postMessage', 'invalid_auth');
    await expect(h.adapter.notifier.post(poll, view)).rejects.toMatchObject({ kind: 'permanent', platformCode: 'invalid_auth' });
    // Anything else stays as Slack said it: the scheduler retries it with backoff.
    h.fake.failNext('chat.postMessage', 'internal_error');
    const other = await h.adapter.notifier.post(poll, view).catch((err: unknown) => err);
    expect(other).not.toBeInstanceOf(DeliveryError);
    expect(other).toMatchObject({ data: { error: 'internal_error' } });
  });

  it('share the heatmap in the poll thread with the best times as its comment', async () => {
    const { poll, channel } = await createPoll('Deadline C');
    const ts = poll.messageRef!.split(':')[1]!;
    await command(`answer ${poll.code} 12/1 09:00-11:00`, { channel }, 'sched-pre');
    await latestResponse('sched-pre');
    const uploadsBefore = h.fake.callsTo('files.completeUploadExternal').length;
    await h.adapter.notifier.post(poll, await h.engine.scheduled.deadlineAnnouncement(poll, false));
    const upload = h.fake.callsTo('files.completeUploadExternal').slice(uploadsBefore)[0]!;
    expect(upload.args).toMatchObject({ channel_id: channel.id, thread_ts: ts });
    const comment = String(upload.args.initial_comment);
    expect(comment).toContain('Best times · Deadline C');
    expect(comment).toMatch(/1\. .*09:00.*1\/1/);
  });
});

describe('text at Slack limits', () => {
  it('a long emoji title keeps the poll code in the results header and fits 150 UTF-16 units', async () => {
    const title = '🎉'.repeat(190);
    const { poll, channel } = await createPoll(title);
    await command(`results ${poll.code}`, { channel }, 'emoji-results');
    const posted = await waitFor(() => postsIn(channel.id).find((c) => String(c.args.text).includes('Best times')));
    const header = (posted.args.blocks as Json[])[0]!;
    expect(header.type).toBe('header');
    const text = String((header.text as Json).text);
    expect(text.length).toBeLessThanOrEqual(150);
    expect(text.endsWith(` · ${poll.code}`)).toBe(true);
    // No emoji cut in half.
    expect(text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    // The poll message itself was accepted too.
    const pollPost = postsIn(channel.id)[0]!;
    expect(String(((pollPost.args.blocks as Json[])[0]!.text as Json).text).length).toBeLessThanOrEqual(150);
  });

  it('splits a long description without cutting an &amp; entity in two', async () => {
    const channel = freshChannel();
    // 1 + 999 × "&amp;" = 4996 characters of mrkdwn: one cut is needed, and at 3000 it would land inside an entity.
    const desc = `x${'&amp;'.repeat(999)}`;
    await command(`create Ampersands dates:2026-12-01 time:09:00-10:00 desc:${desc}`, { channel });
    const post = await waitFor(() => postsIn(channel.id)[0]);
    const sections = (post.args.blocks as Json[])
      .filter((b) => b.type === 'section' && b.text)
      .map((b) => String((b.text as Json).text))
      .filter((t) => t.includes('&amp;'));
    expect(sections.length).toBeGreaterThan(1);
    for (const s of sections) {
      expect(s.length).toBeLessThanOrEqual(3000);
      expect(s).toMatch(/^x?(&amp;)+$/);
    }
    expect(sections.join('')).toBe(`x${'&amp;'.repeat(999)}`);
  });
});

describe('Slack Connect', () => {
  it('an admin of another organisation is an ordinary member in our workspace', async () => {
    const { poll, channel } = await createPoll('Shared channel');
    const outsider = { id: 'U0OUTADM', name: 'outsider' };
    h.fake.addUser({ id: outsider.id, name: outsider.name, tz: 'UTC', locale: 'en-US', isAdmin: true, isOwner: true, teamId: 'T0PARTNER' });
    const stranger = { id: 'U0STRANGE', name: 'stranger' };
    h.fake.addUser({ id: stranger.id, name: stranger.name, tz: 'UTC', locale: 'en-US', isAdmin: true, teamId: TEAM_A.id, isStranger: true });

    await command(`close ${poll.code}`, { channel, user: outsider }, 'connect-outsider');
    expect(responseText((await latestResponse('connect-outsider')).body)).toContain("Only the poll's creator (Ana) or an admin can close");
    await postSigned(h.port, interactionBody(buttonPress(h.fake, `y1:${poll.code}:close`, { channel, user: stranger }, 'connect-stranger')));
    expect(responseText((await latestResponse('connect-stranger')).body)).toContain("Only the poll's creator (Ana) or an admin can close");
    expect((await h.engine.queries.getPoll(poll.id))?.status).toBe('open');

    // Our own workspace's admin still may.
    await command(`close ${poll.code}`, { channel, user: ADA }, 'connect-admin');
    await waitFor(async () => (await h.engine.queries.getPoll(poll.id))?.status === 'closed');
  });
});
