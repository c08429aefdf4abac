/**
 * The HTTP interactions endpoint on the shared server: Ed25519 signatures from a test key
 * pair, PING/PONG, and the same answers as over the gateway, with the initial response in the
 * HTTP body and everything after it through webhooks on the fake Discord.
 */
import { generateKeyPairSync } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import type { DiscordAdapter } from '../../adapters/discord/index.js';
import { FakeDiscord, isPng, type FakeMessage } from './fake-discord.js';
import { publicKeyHex, startHttpEndpoint, type EndpointEnv } from './signed-http.js';
import { APP_ID, BOT_TOKEN, NOW, alice, aliceInDm, bob, buttons, choose, click, createWorld, findButton, ping, selects, slash, visibleText, type TestWorld } from './fixtures.js';

let env: EndpointEnv;
let world: TestWorld;
let fake: FakeDiscord;
let adapter: DiscordAdapter;
let endpoint: string;
let send: EndpointEnv['send'];
let settledOriginal: EndpointEnv['settledOriginal'];
const keys = generateKeyPairSync('ed25519');
const otherKeys = generateKeyPairSync('ed25519');

beforeAll(async () => {
  fake = await FakeDiscord.start({ botToken: BOT_TOKEN, applicationId: APP_ID });
  // HTTP-only: a public key and no bot token, as on a serverless-style deployment.
  env = await startHttpEndpoint(createWorld(), fake, {
    config: { applicationId: APP_ID, publicKey: publicKeyHex(keys.publicKey), apiUrl: fake.apiUrl, gateway: false },
    privateKey: keys.privateKey,
  });
  ({ world, adapter, endpoint, send, settledOriginal } = env);
});

afterEach(() => {
  expect(fake.invalid).toEqual([]);
});

afterAll(async () => {
  await env?.stop();
  await fake?.close();
});

describe('Discord HTTP interactions endpoint', () => {
  it('answers 401 to a signature from another key, a tampered body, or no signature', async () => {
    expect((await send(slash(alice, 'help'), { key: otherKeys.privateKey })).status).toBe(401);
    expect((await send(slash(alice, 'help'), { tamper: true })).status).toBe(401);
    expect((await send(slash(alice, 'help'), { unsigned: true })).status).toBe(401);
    expect((await send(ping(), { key: otherKeys.privateKey })).status).toBe(401);
  });

  it('answers 401 to a correctly signed request whose timestamp is more than 5 minutes away (a replay)', async () => {
    const minute = 60_000;
    expect((await send(ping(), { signedAt: NOW - 6 * minute })).status).toBe(401);
    expect((await send(ping(), { signedAt: NOW + 6 * minute })).status).toBe(401);
    expect((await send(slash(alice, 'help'), { signedAt: NOW - 60 * minute })).status).toBe(401);
    // A little clock skew is fine.
    expect(await send(ping(), { signedAt: NOW - 4 * minute })).toEqual({ status: 200, body: { type: InteractionResponseType.Pong } });
    expect((await send(slash(alice, 'help'), { signedAt: NOW + 4 * minute })).status).toBe(200);
  });

  it('answers PING with PONG', async () => {
    expect(await send(ping())).toEqual({ status: 200, body: { type: InteractionResponseType.Pong } });
  });

  it('creates a poll: deferred in the response body, then the poll message through the webhook', async () => {
    const create = slash(alice, 'create', { title: 'Hack night', dates: '2026-12-04', time: '19:00-22:00', slot: '60m' });
    const response = await send(create);
    expect(response).toEqual({ status: 200, body: { type: InteractionResponseType.DeferredChannelMessageWithSource } });
    const message = await settledOriginal(create);
    expect(visibleText(message)).toContain('Hack night');
    const poll = await fake.waitFor(async () => (await world.store.listPolls({ platform: 'discord', workspaceId: alice.guildId!, channelId: alice.channelId }, ['open']))[0]);
    await fake.waitFor(async () => (await world.engine.queries.getPoll(poll.id))?.messageRef === `${message.channel_id}:${message.id}`);

    // A click answers in the HTTP body too: the private grid, then the update in place.
    const respond = await send(click(bob, findButton(message, /Respond/), message));
    expect(respond.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(respond.body.data?.flags).toBe(MessageFlags.Ephemeral);
    const grid = fake.seedMessage(message.channel_id);
    grid.components = respond.body.data?.components as FakeMessage['components'];
    const update = await send(click(bob, findButton(grid, /^20:00/), grid));
    expect(update.body.type).toBe(InteractionResponseType.UpdateMessage);
    expect(buttons(update.body.data)[0]!.map((b) => b.label)).toEqual(['19:00 ▫️', '20:00 ✅', '21:00 ▫️']);
    expect((await world.store.participant(poll.id, bob.id))?.states).toBe('.y.');

    // Without a bot token the channel message cannot be edited: said once in the log, never attempted.
    await fake.waitFor(() => world.problems.some((p) => /DISCORD_TOKEN is not set/.test(p.msg)));
    expect(fake.callsTo('PATCH', /^\/channels\//)).toEqual([]);
  });

  it('sends results as a deferred response and the heatmap through the webhook', async () => {
    const results = slash(alice, 'results');
    const response = await send(results);
    expect(response.body).toEqual({ type: InteractionResponseType.DeferredChannelMessageWithSource });
    const message = await settledOriginal(results);
    expect(message.embeds[0]!.image).toEqual({ url: 'attachment://heatmap.png' });
    expect(isPng(message.files['heatmap.png'])).toBe(true);
    expect(visibleText(message)).toContain('Hack night');
  });

  it('a select menu submission answers in the HTTP body: both choices stored, the grid updated (type 7)', async () => {
    const create = slash(alice, 'create', { title: 'Long workshop', dates: '2026-12-05', time: '09:00-18:00', slot: '30m' });
    await send(create);
    const message = await settledOriginal(create);
    const poll = await fake.waitFor(async () =>
      (await world.store.listPolls({ platform: 'discord', workspaceId: alice.guildId!, channelId: alice.channelId }, ['open'])).find((p) => p.spec.title === 'Long workshop'),
    );
    const respond = await send(click(bob, findButton(message, /Respond/), message));
    expect(respond.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    const grid = fake.seedMessage(message.channel_id);
    grid.components = respond.body.data?.components as FakeMessage['components'];
    const menu = selects(grid)[0]!;
    expect(menu.options).toHaveLength(18);
    const chosen = [menu.options[1]!.value, menu.options[2]!.value];
    const update = await send(choose(bob, menu.id, chosen, grid));
    expect(update.body.type).toBe(InteractionResponseType.UpdateMessage);
    expect(selects(update.body.data)[0]!.options.slice(0, 3).map((o) => o.label)).toEqual(['09:00 ▫️ → ✅', '09:30 ✅ → 🤔', '10:00 ✅ → 🤔']);
    expect((await world.store.participant(poll.id, bob.id))?.states).toBe('.yy' + '.'.repeat(15));
    // Sent again: nothing more changes.
    expect((await send(choose(bob, menu.id, chosen, grid))).body.type).toBe(InteractionResponseType.UpdateMessage);
    expect(await world.store.history(poll.id, 10)).toHaveLength(1);
  });

  it('refuses direct messages in the response body', async () => {
    const response = await send(slash(aliceInDm, 'help'));
    expect(response.body).toMatchObject({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: { flags: MessageFlags.Ephemeral, content: '⚠️ Use this in a server channel, not in a direct message.' },
    });
  });

  it('tells /healthz that Discord runs over HTTP, and answers 503 after stop', async () => {
    const health = await (await fetch(endpoint.replace('/discord/interactions', '/healthz'))).json();
    expect(health).toMatchObject({ ok: true, discord: 'http' });
    await adapter.stop();
    expect((await send(slash(alice, 'help'))).status).toBe(503);
  });
});
