/**
 * Scheduled posts on Discord go out once: each part carries the delivery's nonce with
 * enforce_nonce, so a repeat of it (@discordjs/rest's own retry after a lost answer, or the
 * scheduler's next attempt at the same item) returns the first message and posts nothing.
 */
import { generateKeyPairSync } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Poll } from '../../src/core/domain/types.js';
import { noticeView } from '../../src/core/views/notices.js';
import type { View } from '../../src/core/views/reply.js';
import { FakeDiscord } from './fake-discord.js';
import { publicKeyHex, startHttpEndpoint, type EndpointEnv } from './signed-http.js';
import { APP_ID, BOT_TOKEN, alice, createWorld, slash } from './fixtures.js';

let env: EndpointEnv;
let fake: FakeDiscord;
let poll: Poll;
const keys = generateKeyPairSync('ed25519');
const CHANNEL_POSTS = /^\/channels\/\d+\/messages$/;

beforeAll(async () => {
  fake = await FakeDiscord.start({ botToken: BOT_TOKEN, applicationId: APP_ID });
  env = await startHttpEndpoint(createWorld(), fake, {
    config: { applicationId: APP_ID, publicKey: publicKeyHex(keys.publicKey), token: BOT_TOKEN, apiUrl: fake.apiUrl, gateway: false },
    privateKey: keys.privateKey,
  });
  const create = slash(alice, 'create', { title: 'Once night', dates: '2026-12-04', time: '19:00-22:00', slot: '60m' });
  await env.send(create);
  await env.settledOriginal(create);
  poll = await fake.waitFor(async () => (await env.world.store.listPolls({ platform: 'discord', workspaceId: alice.guildId!, channelId: alice.channelId }, ['open']))[0]);
});

afterEach(() => {
  expect(fake.invalid).toEqual([]);
});

afterAll(async () => {
  await env?.stop();
  await fake?.close();
});

const delivery = (key: string) => ({ key, signal: new AbortController().signal });
/** Messages in the channel that a person would see with `text` in them. */
const shown = (text: string) => [...fake.messages.values()].filter((m) => !m.deleted && m.content.includes(text));
const postsWith = (text: string) => fake.callsTo('POST', CHANNEL_POSTS).filter((c) => String(c.body?.content ?? '').includes(text));

describe('Discord scheduled posts', () => {
  it('a post whose answer was lost is retried by @discordjs/rest with the same nonce, and Discord keeps one message', async () => {
    const lift = fake.loseResponses({ method: 'POST', path: CHANNEL_POSTS, times: 1 });
    try {
      await env.adapter.notifier.post(poll, noticeView('⏰ lost-answer reminder'), delivery('yj41'));
    } finally {
      lift();
    }
    const attempts = postsWith('lost-answer reminder');
    expect(attempts).toHaveLength(2);
    expect(attempts.map((c) => [c.body?.nonce, c.body?.enforce_nonce])).toEqual([
      ['yj41.0', true],
      ['yj41.0', true],
    ]);
    expect(shown('lost-answer reminder')).toHaveLength(1);
  });

  it('the scheduler’s next attempt at the same item posts no part again; another item posts its own', async () => {
    const view: View = { ...noticeView('⏰ two-part results'), followUps: [noticeView('two-part follow-up')] };
    await env.adapter.notifier.post(poll, view, delivery('yj42'));
    await env.adapter.notifier.post(poll, view, delivery('yj42'));
    expect(postsWith('two-part').map((c) => c.body?.nonce)).toEqual(['yj42.0', 'yj42.1', 'yj42.0', 'yj42.1']);
    expect(shown('two-part results')).toHaveLength(1);
    expect(shown('two-part follow-up')).toHaveLength(1);

    await env.adapter.notifier.post(poll, view, delivery('yj43'));
    expect(shown('two-part results')).toHaveLength(2);
  });
});
