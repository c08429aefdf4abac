/**
 * Replays refused in Slack HTTP mode: Slack never redelivers a slash command or an interaction,
 * so the same signed body arriving again (inside Bolt's 5-minute window) is someone replaying
 * it. It gets Slack's empty 200, changes nothing and posts nothing.
 */
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ANA,
  buttonPress,
  buttonsIn,
  channelOf,
  commandBody,
  driver,
  interactionBody,
  postSigned,
  slashCommand,
  startHarness,
  waitFor,
  type Harness,
} from './support.js';

let h: Harness;
const logs: Array<{ level: number; msg: string; requestKey?: string }> = [];

beforeAll(async () => {
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) logs.push(JSON.parse(line) as (typeof logs)[number]);
      done();
    },
  });
  h = await startHarness({ mode: 'http', logger: pino({ level: 'debug' }, sink) });
});

afterAll(async () => {
  await h?.close();
});

const { freshChannel, command, press, createPoll, latestResponse } = driver(() => h, 'replay');
const now = () => Math.floor(Date.now() / 1000);
const replaysLogged = () => logs.filter((l) => l.msg === 'replayed request ignored' && l.level === 20);

describe('Slack replays', () => {
  it('a byte-for-byte replay of a signed slot click, after the person changed their answer, leaves the later answer', async () => {
    const { poll, channel } = await createPoll();
    await press(`y1:${poll.code}:respond`, { channel, messageTs: poll.messageRef!.split(':')[1]! }, 'replay-grid');
    const yes = buttonsIn((await latestResponse('replay-grid')).body.blocks).find((b) => b.actionId === `y1:${poll.code}:set:0:y`)!;

    // Ana says yes to 09:00; someone keeps the signed request.
    const signedAt = now();
    const captured = interactionBody(buttonPress(h.fake, yes.actionId, { channel, ephemeral: true }, 'captured'));
    expect(await postSigned(h.port, captured, { timestamp: signedAt })).toEqual({ status: 200, text: '' });
    const next = buttonsIn((await latestResponse('captured')).body.blocks).find((b) => b.actionId.startsWith(`y1:${poll.code}:set:0:`))!;
    // Then she changes her mind about 09:00.
    await press(next.actionId, { channel, ephemeral: true }, 'changed');
    await latestResponse('changed');
    const later = (await h.store.participant(poll.id, ANA.id))!.states;
    expect(later).not.toBe('y...');
    const versionBefore = (await h.store.getPoll(poll.id))!.version;

    // The captured request, the same bytes under the same signature, a minute later.
    expect(await postSigned(h.port, captured, { timestamp: signedAt })).toEqual({ status: 200, text: '' });
    // A later request's answer: the replay has been dealt with by then.
    await press(`y1:${poll.code}:respond`, { channel }, 'after-replay');
    await latestResponse('after-replay');

    expect((await h.store.participant(poll.id, ANA.id))!.states).toBe(later);
    expect((await h.store.getPoll(poll.id))!.version).toBe(versionBefore);
    // Nothing went back through the captured request's response_url a second time.
    expect(h.fake.responsesTo('captured')).toHaveLength(1);
    await waitFor(() => replaysLogged().length === 1, 5000, 'the replay logged at debug');
  });

  it('a replayed /yakjeong create makes no second poll and posts nothing', async () => {
    const channel = freshChannel();
    const signedAt = now();
    const body = commandBody(slashCommand(h.fake, 'create Replayed dinner dates:2026-12-01 time:09:00-11:00 slot:1h', { channel }, 'create-once'));
    expect(await postSigned(h.port, body, { timestamp: signedAt })).toEqual({ status: 200, text: '' });
    await waitFor(async () => (await h.store.listPolls(channelOf(undefined, channel), ['open']))[0]?.messageRef, 5000, 'the poll message');

    expect(await postSigned(h.port, body, { timestamp: signedAt })).toEqual({ status: 200, text: '' });
    await command('list', { channel }, 'list-after');
    await latestResponse('list-after');

    expect(await h.store.listPolls(channelOf(undefined, channel), ['open'])).toHaveLength(1);
    expect(h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === channel.id)).toHaveLength(1);
    expect(h.fake.responsesTo('create-once')).toEqual([]);
    await waitFor(() => replaysLogged().length === 2, 5000, 'the replay logged at debug');
  });

  it('the same words sent again as a new request still make a second poll', async () => {
    const channel = freshChannel();
    const text = 'create Weekly sync dates:2026-12-01 time:09:00-11:00 slot:1h';
    await command(text, { channel });
    await command(text, { channel });
    await waitFor(async () => (await h.store.listPolls(channelOf(undefined, channel), ['open'])).length === 2, 5000, 'two polls');
  });
});
