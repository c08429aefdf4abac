/**
 * Results while the heatmap renderer's queue is long (ImageSpec.followsUp), end to end against
 * the fake Discord, over the gateway and over the HTTP endpoint: the text is the answer at once
 * (no "thinking…", no picture in it) and says the picture follows; the picture, drawn after,
 * arrives as a follow-up through the interaction's webhook, private when the text was. A
 * scheduled announcement posts its text and then the picture as a reply to it. The renderer's
 * drawings wait for the test's release, so "before" is proved by order, not by timing. Without
 * the mark the reply is deferred and carries the picture as before; a picture that cannot be
 * drawn is logged, and nobody gets an apology.
 */
import { generateKeyPairSync } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { InteractionResponseType, MessageFlags, type APIInteraction } from 'discord-api-types/v10';
import type { DiscordAdapter } from '../../adapters/discord/index.js';
import type { Poll } from '../../src/core/domain/types.js';
import { GatedHeatmap } from '../support/gated-heatmap.js';
import { FakeDiscord, isPng, type FakeMessage, type RecordedCall } from './fake-discord.js';
import { APP_ID, BOT_TOKEN, alice, bob, click, createWorld, findButton, slash, startGateway, stopGateway, visibleText, type Person, type TestWorld } from './fixtures.js';
import { publicKeyHex, startHttpEndpoint, type EndpointEnv } from './signed-http.js';

const COMING = 'this one follows in a moment';

const heatmap = new GatedHeatmap();
let world: TestWorld;
let fake: FakeDiscord;
let adapter: DiscordAdapter;

beforeAll(async () => {
  ({ world, fake, adapter } = await startGateway(createWorld({ heatmap }), 20));
});

beforeEach(() => {
  heatmap.hold();
});

afterEach(() => {
  expect(fake.invalid).toEqual([]);
  world.problems.length = 0;
});

afterAll(async () => {
  heatmap.release();
  await stopGateway({ world, fake, adapter });
});

const channel = { platform: 'discord' as const, workspaceId: alice.guildId!, channelId: alice.channelId };

async function createPoll(by: Person, values: Record<string, string>): Promise<{ poll: Poll; message: FakeMessage }> {
  const interaction = slash(by, 'create', values);
  await fake.interact(interaction);
  const message = await fake.waitFor(() => {
    const m = fake.original(interaction);
    return m && !m.deferred ? m : undefined;
  });
  const poll = await fake.waitFor(async () => (await world.store.listPolls(channel, ['open'])).find((p) => p.spec.title === values.title && p.messageRef));
  return { poll, message };
}

function webhookPosts(on: FakeDiscord, interaction: APIInteraction): RecordedCall[] {
  return on.callsTo('POST', new RegExp(`^/webhooks/${APP_ID}/${interaction.token}$`));
}

function responseData(call: RecordedCall): Record<string, unknown> {
  return (call.body?.data ?? {}) as Record<string, unknown>;
}

/** The message a follow-up created (the fake answers with it; find it by its upload). */
function messageWithPicture(on: FakeDiscord, channelId: string, after: Set<string>): FakeMessage | undefined {
  return [...on.messages.values()].find((m) => m.channel_id === channelId && !after.has(m.id) && isPng(m.files['heatmap.png']));
}

describe('Discord results while the renderer is busy (gateway)', () => {
  it('public results: the text is the immediate answer, without a picture; the picture follows through the webhook into the channel', async () => {
    const { poll } = await createPoll(alice, { title: 'Retro', dates: '2026-12-09', time: '10:00-12:00', slot: '60m' });
    await fake.interact(slash(bob, 'answer', { spec: '2026-12-09 10:00-11:00', code: poll.code }));
    const results = slash(alice, 'results', { code: poll.code });
    const before = new Set(fake.messages.keys());
    const response = await fake.interact(results);

    // Not "thinking…": the text itself, public, with no image in its embed and no file.
    expect(response.body?.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(responseData(response).flags ?? 0).toBe(0);
    expect(response.files).toEqual([]);
    const text = fake.original(results)!;
    expect(visibleText(text)).toContain('**1. Wed, Dec 9 10:00–11:00**');
    expect(visibleText(text)).toContain(COMING);
    expect(text.embeds[0]!.image).toBeUndefined();
    await heatmap.drawingStarted();
    expect(webhookPosts(fake, results)).toEqual([]);
    expect(messageWithPicture(fake, alice.channelId, before)).toBeUndefined();

    heatmap.release();
    const follow = await fake.waitFor(() => webhookPosts(fake, results)[0]);
    expect(follow.body?.flags ?? 0).toBe(0);
    expect(follow.files.map((f) => f.name)).toEqual(['heatmap.png']);
    expect(isPng(follow.files[0]!.bytes)).toBe(true);
    const picture = messageWithPicture(fake, alice.channelId, before)!;
    expect(picture.embeds[0]).toMatchObject({ image: { url: 'attachment://heatmap.png' } });
    expect(String(picture.embeds[0]!.title)).toContain(`Best times · Retro · ${poll.code}`);
    // The text was left as it was, and nothing else was said.
    expect(fake.original(results)!.embeds[0]!.image).toBeUndefined();
    expect(webhookPosts(fake, results)).toHaveLength(1);
    expect(world.problems).toEqual([]);
  });

  it('private results from the poll button: the ephemeral text at once, the picture as an ephemeral follow-up', async () => {
    const { message } = await createPoll(alice, { title: 'Book club', dates: '2026-12-10', time: '18:00-20:00', slot: '60m' });
    const results = click(bob, findButton(message, /Results/), message);
    const response = await fake.interact(results);

    expect(response.body?.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(responseData(response).flags).toBe(MessageFlags.Ephemeral);
    expect(visibleText(responseData(response))).toContain(COMING);
    await heatmap.drawingStarted();
    expect(webhookPosts(fake, results)).toEqual([]);

    heatmap.release();
    const follow = await fake.waitFor(() => webhookPosts(fake, results)[0]);
    expect(follow.body?.flags).toBe(MessageFlags.Ephemeral);
    expect(isPng(follow.files[0]?.bytes)).toBe(true);
    expect(world.problems).toEqual([]);
  });

  it('a deadline announcement: the post returns with the text in the channel; the picture follows as a reply to it', async () => {
    const { poll, message } = await createPoll(alice, { title: 'Deadline talk', dates: '2026-12-15', time: '09:00-11:00' });
    const stored = (await world.engine.queries.getPoll(poll.id))!;
    const view = await world.engine.scheduled.deadlineAnnouncement(stored, false);
    expect(view.image?.followsUp).toBe(true);
    const posts = () => fake.callsTo('POST', new RegExp(`^/channels/${message.channel_id}/messages$`));
    const before = posts().length;

    // Resolves while the drawing waits: the scheduler counts the part as posted and never posts it again.
    await adapter.notifier.post(stored, view, { key: 'yj1p0', signal: new AbortController().signal });
    const [text] = posts().slice(before);
    expect(text!.files).toEqual([]);
    expect(text!.body?.message_reference).toEqual({ message_id: message.id, fail_if_not_exists: false });
    expect(visibleText(text!.body)).toContain(COMING);
    await heatmap.drawingStarted();
    expect(posts()).toHaveLength(before + 1);

    heatmap.release();
    const picture = await fake.waitFor(() => posts()[before + 1]);
    expect(isPng(picture.files[0]?.bytes)).toBe(true);
    const textMessage = [...fake.messages.values()].find((m) => m.channel_id === message.channel_id && visibleText(m).includes(COMING) && m.message_reference?.message_id === message.id)!;
    expect(picture.body?.message_reference).toEqual({ message_id: textMessage.id, fail_if_not_exists: false });
    // Its own nonce, so a repeated send cannot post the picture twice either.
    expect(picture.body).toMatchObject({ enforce_nonce: true });
    expect(picture.body?.nonce).not.toBe(text!.body?.nonce);
    expect(picture.authorization).toBe(`Bot ${BOT_TOKEN}`);
  });

  it('a picture that cannot be drawn is logged; the text stands and nobody gets an apology', async () => {
    const { poll } = await createPoll(alice, { title: 'Broken pens', dates: '2026-12-16', time: '09:00-11:00' });
    heatmap.failWith = new Error('canvas exploded');
    const results = slash(alice, 'results', { code: poll.code });
    const response = await fake.interact(results);
    expect(visibleText(responseData(response))).toContain(COMING);
    heatmap.release();

    const logged = await fake.waitFor(() => world.problems.find((p) => p.msg === 'could not send a picture after its message'));
    expect(logged).toMatchObject({ level: 40, err: { message: 'canvas exploded' } });
    expect(webhookPosts(fake, results)).toEqual([]);
    expect(fake.original(results)?.deleted).toBe(false);
    expect(world.problems.some((p) => p.msg === 'interaction failed')).toBe(false);

    // And the adapter carries on.
    const next = await fake.interact(slash(bob, 'help'));
    expect(next.body).toMatchObject({ type: InteractionResponseType.ChannelMessageWithSource, data: { flags: MessageFlags.Ephemeral } });
  });

  it('without a queue nothing changes: the answer is deferred and the text comes with the picture in its embed', async () => {
    const { poll } = await createPoll(alice, { title: 'Quiet day', dates: '2026-12-17', time: '09:00-11:00' });
    heatmap.queued = false;
    const results = slash(alice, 'results', { code: poll.code });
    const response = await fake.interact(results);
    expect(response.body?.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    await heatmap.drawingStarted();
    expect(fake.original(results)?.deferred).toBe(true);

    heatmap.release();
    const message = await fake.waitFor(() => {
      const m = fake.original(results);
      return m && !m.deferred ? m : undefined;
    });
    expect(message.embeds[0]!.image).toEqual({ url: 'attachment://heatmap.png' });
    expect(isPng(message.files['heatmap.png'])).toBe(true);
    expect(visibleText(message)).not.toContain(COMING);
    expect(webhookPosts(fake, results)).toEqual([]);
  });
});

describe('Discord results while the renderer is busy (HTTP endpoint, no bot token)', () => {
  const keys = generateKeyPairSync('ed25519');
  const httpHeatmap = new GatedHeatmap();
  let httpFake: FakeDiscord;
  let env: EndpointEnv;

  beforeAll(async () => {
    httpFake = await FakeDiscord.start({ botToken: BOT_TOKEN, applicationId: APP_ID });
    env = await startHttpEndpoint(createWorld({ heatmap: httpHeatmap }), httpFake, {
      config: { applicationId: APP_ID, publicKey: publicKeyHex(keys.publicKey), apiUrl: httpFake.apiUrl, gateway: false },
      privateKey: keys.privateKey,
    });
  });

  afterAll(async () => {
    httpHeatmap.release();
    await env?.stop();
    await httpFake?.close();
  });

  it('the text is the HTTP response itself; the picture follows through the webhook; stop() waits for it', async () => {
    httpHeatmap.hold();
    const create = slash(alice, 'create', { title: 'Hack night', dates: '2026-12-04', time: '19:00-22:00', slot: '60m' });
    await env.send(create);
    await env.settledOriginal(create);

    const results = slash(alice, 'results');
    const response = await env.send(results);
    expect(response.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(visibleText(response.body.data)).toContain(COMING);
    expect((response.body.data?.embeds as Array<Record<string, unknown>>)[0]!.image).toBeUndefined();
    await httpHeatmap.drawingStarted();
    expect(webhookPosts(httpFake, results)).toEqual([]);

    // Released only after stop() began: when it ends, the picture was sent.
    const stopping = env.adapter.stop();
    httpHeatmap.release();
    await stopping;
    const [follow] = webhookPosts(httpFake, results);
    expect(follow?.body?.flags ?? 0).toBe(0);
    expect(isPng(follow?.files[0]?.bytes)).toBe(true);
    expect(follow?.authorization).toBeUndefined();
    expect(httpFake.invalid).toEqual([]);
  });
});
