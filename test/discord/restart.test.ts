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
import type { APIInteraction } from 'discord-api-types/v10';
import { createDiscordAdapter, type DiscordAdapter } from '../../adapters/discord/index.js';
import { HttpServer } from '../../src/infra/http/http-server.js';
import { FakeDiscord } from './fake-discord.js';
import { APP_ID, BOT_TOKEN, NOW, alice, bob, createWorld, slash, type TestWorld } from './fixtures.js';
import { publicKeyHex, signedSender } from './signed-http.js';

const dir = mkdtempSync(join(tmpdir(), 'yakjeong-discord-restart-'));
const keys = generateKeyPairSync('ed25519');
const running: Array<{ world: TestWorld; adapter: DiscordAdapter; http: HttpServer }> = [];
let fake: FakeDiscord | undefined;

afterAll(async () => {
  for (const r of running) await stop(r);
  await fake?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function stop(instance: { world: TestWorld; adapter: DiscordAdapter; http: HttpServer }): Promise<void> {
  running.splice(running.indexOf(instance), 1);
  await instance.adapter.stop();
  await instance.http.close();
  instance.world.database.close();
}

/** One bot instance: its own engine, adapter and HTTP server on the shared database file. */
async function instance(databasePath: string) {
  const world = createWorld({ databasePath });
  const http = new HttpServer(world.logger);
  const adapter = createDiscordAdapter({
    engine: world.engine,
    config: { applicationId: APP_ID, token: BOT_TOKEN, publicKey: publicKeyHex(keys.publicKey), apiUrl: fake!.apiUrl, gateway: false },
    logger: world.logger,
    http,
    clock: world.clock,
    records: world.records,
    realNow: () => NOW,
  });
  await adapter.start();
  const port = await http.listen(0, '127.0.0.1');
  const send = signedSender(fake!, () => `http://127.0.0.1:${port}/discord/interactions`, keys.privateKey, NOW);
  const settled = (interaction: APIInteraction) => fake!.waitFor(() => (fake!.original(interaction)?.deferred === false ? fake!.original(interaction) : undefined));
  const entry = { world, adapter, http, send, settled };
  running.push(entry);
  return entry;
}

describe('Discord server events across a restart', () => {
  it('a re-pick on a new adapter instance moves the event made before the restart', async () => {
    fake = await FakeDiscord.start({ botToken: BOT_TOKEN, applicationId: APP_ID });
    const databasePath = join(dir, 'yakjeong.db');
    const first = await instance(databasePath);
    const create = slash(alice, 'create', { title: 'Retro', dates: '2026-12-08', time: '10:00-12:00', slot: '60m' });
    await first.send(create);
    await first.settled(create);
    const channel = { platform: 'discord' as const, workspaceId: alice.guildId!, channelId: alice.channelId };
    const poll = await fake.waitFor(async () => (await first.world.store.listPolls(channel, ['open']))[0]);
    await first.send(slash(bob, 'answer', { spec: '2026-12-08 10:00-12:00', code: poll.code }));
    const pick = slash(alice, 'pick', { code: poll.code, choice: '1' });
    await first.send(pick);
    await first.settled(pick);
    const event = await fake.waitFor(() => [...fake!.events.values()].find((e) => e.name === 'Retro'));
    expect(event.scheduled_start_time).toBe('2026-12-08T01:00:00.000Z');

    await stop(first);
    const second = await instance(databasePath);
    const repick = slash(alice, 'pick', { code: poll.code, choice: '2026-12-08 11:00' });
    await second.send(repick);
    await second.settled(repick);
    await fake.waitFor(() => event.scheduled_start_time === '2026-12-08T02:00:00.000Z');
    expect([...fake.events.values()].filter((e) => e.name === 'Retro')).toHaveLength(1);
    expect(fake.callsTo('PATCH', new RegExp(`^/guilds/${alice.guildId}/scheduled-events/${event.id}$`))).toHaveLength(1);
    expect(second.world.problems).toEqual([]);
  });

  it('makes a new event when the remembered one was deleted in Discord', async () => {
    const databasePath = join(dir, 'deleted.db');
    const bot = await instance(databasePath);
    const create = slash(alice, 'create', { title: 'Deleted retro', dates: '2026-12-09', time: '10:00-12:00', slot: '60m' });
    await bot.send(create);
    await bot.settled(create);
    const channel = { platform: 'discord' as const, workspaceId: alice.guildId!, channelId: alice.channelId };
    const poll = await fake!.waitFor(async () => (await bot.world.store.listPolls(channel, ['open'])).find((p) => p.spec.title === 'Deleted retro'));
    await bot.world.records.put('discord-event', String(poll.id), '1399999999999999999', NOW);
    const pick = slash(alice, 'pick', { code: poll.code, choice: '2026-12-09 10:00' });
    await bot.send(pick);
    await bot.settled(pick);
    const made = await fake!.waitFor(() => [...fake!.events.values()].find((e) => e.name === 'Deleted retro'));
    expect(await bot.world.records.get('discord-event', String(poll.id))).toBe(made.id);
  });
});
