/**
 * Replays refused on Discord's HTTP interactions endpoint: Discord sends each interaction once,
 * so the same interaction id signed afresh is a replay. It gets a 200 with an empty body,
 * changes nothing and posts nothing.
 */
import { generateKeyPairSync } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { InteractionResponseType } from 'discord-api-types/v10';
import { FakeDiscord, type FakeMessage } from './fake-discord.js';
import { publicKeyHex, startHttpEndpoint, type EndpointEnv } from './signed-http.js';
import { APP_ID, BOT_TOKEN, NOW, alice, bob, click, createWorld, findButton, slash } from './fixtures.js';

let env: EndpointEnv;
let fake: FakeDiscord;
const keys = generateKeyPairSync('ed25519');
const channel = { platform: 'discord' as const, workspaceId: alice.guildId!, channelId: alice.channelId };

beforeAll(async () => {
  fake = await FakeDiscord.start({ botToken: BOT_TOKEN, applicationId: APP_ID });
  env = await startHttpEndpoint(createWorld(), fake, {
    config: { applicationId: APP_ID, publicKey: publicKeyHex(keys.publicKey), token: BOT_TOKEN, apiUrl: fake.apiUrl, gateway: false },
    privateKey: keys.privateKey,
  });
});

afterEach(() => {
  expect(fake.invalid).toEqual([]);
});

afterAll(async () => {
  await env?.stop();
  await fake?.close();
});

/** Calls the bot made with one interaction's token (its follow-ups and edits). */
const callsWith = (token: string) => fake.calls.filter((c) => c.path.includes(token));

describe('Discord replays', () => {
  it('a replayed slot click (same id, fresh signature) after a later click changes nothing and answers an empty 200', async () => {
    const { send, settledOriginal, world } = env;
    const create = slash(alice, 'create', { title: 'Replay night', dates: '2026-12-04', time: '19:00-22:00', slot: '60m' });
    await send(create);
    const message = await settledOriginal(create);
    const poll = (await world.store.listPolls(channel, ['open'])).find((p) => p.spec.title === 'Replay night')!;

    const grid = fake.seedMessage(message.channel_id);
    grid.components = (await send(click(bob, findButton(message, /Respond/), message))).body.data?.components as FakeMessage['components'];
    const captured = click(bob, findButton(grid, /^19:00/), grid);
    const first = await send(captured);
    expect(first.body.type).toBe(InteractionResponseType.UpdateMessage);
    grid.components = first.body.data?.components as FakeMessage['components'];
    await send(click(bob, findButton(grid, /^19:00/), grid));
    const later = (await world.store.participant(poll.id, bob.id))!.states;
    expect(later).not.toBe('y..');
    const calls = callsWith(captured.token).length;

    // The endpoint answers only once the handler is done with it.
    expect(await send(captured, { signedAt: NOW + 1000 })).toEqual({ status: 200, body: {}, empty: true });
    expect((await world.store.participant(poll.id, bob.id))!.states).toBe(later);
    expect(callsWith(captured.token)).toHaveLength(calls);
    // Dropped quietly: nothing at warn or above.
    expect(world.problems).toEqual([]);
  });

  it('a replayed create makes no second poll', async () => {
    const { send, settledOriginal, world } = env;
    const create = slash(alice, 'create', { title: 'Once only', dates: '2026-12-04', time: '19:00-22:00', slot: '60m' });
    await send(create);
    await settledOriginal(create);
    const calls = callsWith(create.token).length;

    expect(await send(create, { signedAt: NOW + 2000 })).toEqual({ status: 200, body: {}, empty: true });
    expect((await world.store.listPolls(channel, ['open'])).filter((p) => p.spec.title === 'Once only')).toHaveLength(1);
    expect(callsWith(create.token)).toHaveLength(calls);
  });
});
