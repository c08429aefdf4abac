/**
 * Results while the heatmap renderer's queue is long (ImageSpec.followsUp), end to end (HTTP
 * mode, real Bolt app, fake Slack): the text is there at once and says the picture follows;
 * the picture, drawn after, is shared where it would have gone with the text (the channel, the
 * poll's thread, the person's DM). The renderer's drawings wait for the test's release, so
 * "before" is proved by order, not by timing. Without the mark the reply waits for the picture
 * as before; a picture that cannot be drawn or shared is logged, and nobody gets an apology.
 */
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ApiCall, Json } from './fake-slack.js';
import { GatedHeatmap } from '../support/gated-heatmap.js';
import { BEN, PNG_SIGNATURE, blocksText, driver, startHarness, waitFor, type Harness } from './support.js';

const heatmap = new GatedHeatmap();
const problems: Array<{ level: number; msg: string; err?: { message?: string } }> = [];
let h: Harness;

beforeAll(async () => {
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
        const entry = JSON.parse(line) as (typeof problems)[number];
        if (entry.level >= 40) problems.push(entry);
      }
      done();
    },
  });
  h = await startHarness({ mode: 'http', heatmap, logger: pino({ level: 'warn' }, sink) });
});

beforeEach(() => {
  heatmap.hold();
  problems.length = 0;
});

afterAll(async () => {
  heatmap.release();
  await h?.close();
});

const { command, press, createPoll, latestResponse } = driver(() => h, 'later');

const COMING = 'this one follows in a moment';

const resultsIn = (channelId: string): ApiCall | undefined =>
  h.fake.callsTo('chat.postMessage').find((c) => c.args.channel === channelId && blocksText(c.args.blocks).includes('Best times'));
const uploadsTo = (channelId: string): ApiCall[] => h.fake.callsTo('files.completeUploadExternal').filter((c) => c.args.channel_id === channelId);

/** The bytes of a completed upload. */
function uploaded(complete: ApiCall): { filename: string; bytes: Uint8Array } {
  const fileId = String((complete.args.files as Array<{ id: string }>)[0]!.id);
  return h.fake.uploads.get(fileId)!;
}

/** Everything a response_url post shows. */
function responseText(body: Json): string {
  return `${String(body.text ?? '')}\n${blocksText(body.blocks)}`;
}

describe('results while the renderer is busy', () => {
  it('channel results: the text is posted while the picture is still being drawn; the picture follows into the channel', async () => {
    const { poll, channel } = await createPoll('Offsite');
    await command(`results ${poll.code}`, { channel }, 'busy-results');

    const text = await waitFor(() => resultsIn(channel.id), 5000, 'the results text');
    expect(blocksText(text.args.blocks)).toContain(COMING);
    await heatmap.drawingStarted();
    // The text is out and the picture is still being drawn: nothing has been uploaded.
    expect(uploadsTo(channel.id)).toEqual([]);
    expect(h.fake.callsTo('files.getUploadURLExternal').filter((c) => String(c.args.filename).includes(poll.code))).toEqual([]);

    heatmap.release();
    const complete = await waitFor(() => uploadsTo(channel.id)[0], 5000, 'the picture');
    expect(complete.args.thread_ts).toBeUndefined();
    expect(String(complete.args.initial_comment)).toContain(`Best times · Offsite · ${poll.code}`);
    const file = uploaded(complete);
    expect(file.filename).toBe(`yakjeong-${poll.code}.png`);
    expect([...file.bytes.slice(0, 8)]).toEqual(PNG_SIGNATURE);
    // One text, one picture, and nothing said privately.
    expect(h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === channel.id && blocksText(c.args.blocks).includes('Best times'))).toHaveLength(1);
    expect(h.fake.responsesTo('busy-results')).toEqual([]);
    expect(problems).toEqual([]);
  });

  it("a person's private results: the ephemeral text says the picture will come, and it arrives in their DM after", async () => {
    const { poll, channel } = await createPoll('Study group');
    await press(`y1:${poll.code}:results`, { channel, user: BEN }, 'busy-private');

    const reply = (await latestResponse('busy-private')).body;
    expect(reply.response_type).toBe('ephemeral');
    expect(responseText(reply)).toContain(COMING);
    expect(responseText(reply)).toContain('The picture will come to you in a direct message');
    await heatmap.drawingStarted();
    expect(uploadsTo(`D${BEN.id}`)).toEqual([]);

    heatmap.release();
    const complete = await waitFor(() => uploadsTo(`D${BEN.id}`)[0], 5000, 'the picture in the DM');
    expect(uploaded(complete).filename).toBe(`yakjeong-${poll.code}-mine.png`);
    expect(String(complete.args.initial_comment)).toContain('Best times · Study group');
    // Never in the channel.
    expect(uploadsTo(channel.id)).toEqual([]);
    expect(h.fake.responsesTo('busy-private')).toHaveLength(1);
  });

  it('a deadline announcement: the post returns once the text is in the thread, and the picture follows into the same thread', async () => {
    const { poll, channel } = await createPoll('Deadline');
    const ts = poll.messageRef!.split(':')[1]!;
    const view = await h.engine.scheduled.deadlineAnnouncement(poll, false);
    expect(view.image?.followsUp).toBe(true);

    // Resolves while the drawing waits: the scheduler counts the part as posted and never posts it again.
    await h.adapter.notifier.post(poll, view);
    const text = resultsIn(channel.id)!;
    expect(text.args).toMatchObject({ thread_ts: ts, reply_broadcast: 'true' });
    await heatmap.drawingStarted();
    expect(uploadsTo(channel.id)).toEqual([]);

    heatmap.release();
    const complete = await waitFor(() => uploadsTo(channel.id)[0], 5000, 'the picture in the thread');
    expect(complete.args.thread_ts).toBe(ts);
    expect(String(complete.args.initial_comment)).toContain('Best times · Deadline');
  });

  it('a picture that cannot be drawn is logged; the text stands and nobody gets an apology', async () => {
    const { poll, channel } = await createPoll('Broken pens');
    heatmap.failWith = new Error('canvas exploded');
    await command(`results ${poll.code}`, { channel }, 'busy-broken');
    await waitFor(() => resultsIn(channel.id), 5000, 'the results text');
    heatmap.release();

    const logged = await waitFor(() => problems.find((p) => p.msg === 'could not draw a picture that follows its message'), 5000, 'the log line');
    expect(logged.err?.message).toBe('canvas exploded');
    expect(uploadsTo(channel.id)).toEqual([]);
    expect(h.fake.responsesTo('busy-broken')).toEqual([]);
    expect(problems.some((p) => p.msg === 'interaction failed')).toBe(false);

    // And the adapter carries on.
    await command('help', { channel }, 'busy-after');
    expect(responseText((await latestResponse('busy-after')).body)).toContain('/yakjeong');
  });

  it('a picture the channel refuses gets the same private hint as before (invite the bot), not an apology', async () => {
    const { poll, channel } = await createPoll('Members only');
    await command(`results ${poll.code}`, { channel }, 'busy-refused');
    await waitFor(() => resultsIn(channel.id), 5000, 'the results text');
    await heatmap.drawingStarted();
    h.fake.failNext('files.completeUploadExternal', 'not_in_channel');
    heatmap.release();

    const hint = await latestResponse('busy-refused');
    expect(hint.body.response_type).toBe('ephemeral');
    expect(responseText(hint.body)).toContain('/invite @Yakjeong');
    expect(responseText(hint.body)).not.toMatch(/went wrong|try again/i);
    expect(problems.some((p) => p.msg === 'could not upload a file under a posted message')).toBe(true);
  });

  it('without a queue nothing changes: the results wait for the picture and are posted with it', async () => {
    const { poll, channel } = await createPoll('Quiet day');
    heatmap.queued = false;
    await command(`results ${poll.code}`, { channel }, 'idle-results');
    await heatmap.drawingStarted();
    // Drawn before anything is posted, as always.
    expect(resultsIn(channel.id)).toBeUndefined();

    heatmap.release();
    const text = await waitFor(() => resultsIn(channel.id), 5000, 'the results');
    expect(blocksText(text.args.blocks)).not.toContain(COMING);
    const complete = await waitFor(() => uploadsTo(channel.id)[0], 5000, 'the picture');
    expect(String(complete.args.initial_comment)).toContain('Best times · Quiet day');
  });

  it('stopping the adapter waits for a picture still being drawn, then shares it', async () => {
    const { poll, channel } = await createPoll('Last orders');
    await command(`results ${poll.code}`, { channel }, 'busy-stop');
    await waitFor(() => resultsIn(channel.id), 5000, 'the results text');
    await heatmap.drawingStarted();

    // Released only after stop() began: when it ends, the picture is there.
    const stopping = h.adapter.stop();
    heatmap.release();
    await stopping;
    expect(uploadsTo(channel.id)).toHaveLength(1);
  });
});
