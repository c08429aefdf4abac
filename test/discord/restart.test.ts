/**
 * No per-process state: which server event was made for a poll's pick lives in the shared
 * store, so a re-pick after a restart (a new adapter on the same database file, as another
 * instance behind the load balancer would be) moves that event instead of making a second.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Poll } from '../../src/core/domain/types.js';
import { FakeDiscord } from './fake-discord.js';
import { APP_ID, BOT_TOKEN, NOW, alice, bob, createWorld, slash } from './fixtures.js';
import { publicKeyHex, startHttpEndpoint, type EndpointEnv } from './signed-http.js';

const dir = mkdtempSync(join(tmpdir(), 'yakjeong-discord-restart-'));
const keys = generateKeyPairSync('ed25519');
const running = new Set<EndpointEnv>();
let fake: FakeDiscord | undefined;

afterAll(async () => {
  for (const bot of running) await bot.stop();
  await fake?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** One bot instance: its own engine, adapter and HTTP server on the shared database file. */
async function instance(databasePath: string): Promise<EndpointEnv> {
  const bot = await startHttpEndpoint(createWorld({ databasePath }), fake!, {
    config: { applicationId: APP_ID, token: BOT_TOKEN, publicKey: publicKeyHex(keys.publicKey), apiUrl: fake!.apiUrl, gateway: false },
    privateKey: keys.privateKey,
  });
  running.add(bot);
  return bot;
}

async function stop(bot: EndpointEnv): Promise<void> {
  running.delete(bot);
  await bot.stop();
}

/** Alice's poll on one day, 10:00-12:00 in hours, once its message is posted. */
async function createPoll(bot: EndpointEnv, title: string, date: string): Promise<Poll> {
  const create = slash(alice, 'create', { title, dates: date, time: '10:00-12:00', slot: '60m' });
  await bot.send(create);
  await bot.settledOriginal(create);
  const channel = { platform: 'discord' as const, workspaceId: alice.guildId!, channelId: alice.channelId };
  return fake!.waitFor(async () => (await bot.world.store.listPolls(channel, ['open'])).find((p) => p.spec.title === title));
}

async function pick(bot: EndpointEnv, poll: Poll, choice: string): Promise<void> {
  const interaction = slash(alice, 'pick', { code: poll.code, choice });
  await bot.send(interaction);
  await bot.settledOriginal(interaction);
}

describe('Discord server events across a restart', () => {
  it('a re-pick on a new adapter instance moves the event made before the restart', async () => {
    fake = await FakeDiscord.start({ botToken: BOT_TOKEN, applicationId: APP_ID });
    const databasePath = join(dir, 'yakjeong.db');
    const first = await instance(databasePath);
    const poll = await createPoll(first, 'Retro', '2026-12-08');
    await first.send(slash(bob, 'answer', { spec: '2026-12-08 10:00-12:00', code: poll.code }));
    await pick(first, poll, '1');
    const event = await fake.waitFor(() => [...fake!.events.values()].find((e) => e.name === 'Retro'));
    expect(event.scheduled_start_time).toBe('2026-12-08T01:00:00.000Z');

    await stop(first);
    const second = await instance(databasePath);
    await pick(second, poll, '2026-12-08 11:00');
    await fake.waitFor(() => event.scheduled_start_time === '2026-12-08T02:00:00.000Z');
    expect([...fake.events.values()].filter((e) => e.name === 'Retro')).toHaveLength(1);
    expect(fake.callsTo('PATCH', new RegExp(`^/guilds/${alice.guildId}/scheduled-events/${event.id}$`))).toHaveLength(1);
    expect(second.world.problems).toEqual([]);
  });

  it('makes a new event when the remembered one was deleted in Discord', async () => {
    const databasePath = join(dir, 'deleted.db');
    const bot = await instance(databasePath);
    const poll = await createPoll(bot, 'Deleted retro', '2026-12-09');
    await bot.world.records.put('discord-event', String(poll.id), '1399999999999999999', NOW);
    await pick(bot, poll, '2026-12-09 10:00');
    const made = await fake!.waitFor(() => [...fake!.events.values()].find((e) => e.name === 'Deleted retro'));
    // The id is recorded right after Discord answers the create: wait for it, not for the event alone.
    await fake!.waitFor(async () => (await bot.world.records.get('discord-event', String(poll.id))) === made.id);
  });
});
