/**
 * Discord over HTTP only, as several instances behind a load balancer run it: the public key
 * and the bot token are set, the settings parsed as `npm start` parses them. Interactions
 * arrive at the endpoint, the token serves REST (poll message edits, server events), and no
 * gateway connection is ever opened.
 */
import { generateKeyPairSync } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import { createDiscordAdapter, type DiscordAdapter } from '../../adapters/discord/index.js';
import { parseConfig, type DiscordConfig } from '../../src/config.js';
import { HttpServer } from '../../src/infra/http/http-server.js';
import { PrometheusMetrics } from '../../src/infra/metrics/prometheus-metrics.js';
import { FakeDiscord, type FakeMessage } from './fake-discord.js';
import { APP_ID, BOT_TOKEN, alice, bob, buttons, click, createWorld, findButton, slash, visibleText, type TestWorld } from './fixtures.js';
import { publicKeyHex, startHttpEndpoint, type EndpointEnv } from './signed-http.js';

const keys = generateKeyPairSync('ed25519');
const metrics = new PrometheusMetrics();
let env: EndpointEnv;
let world: TestWorld;
let fake: FakeDiscord;
let adapter: DiscordAdapter;
let send: EndpointEnv['send'];
let settledOriginal: EndpointEnv['settledOriginal'];

function discordConfig(env: Record<string, string>): DiscordConfig {
  const config = parseConfig({ DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: fake.apiUrl, ...env }).discord;
  if (!config) throw new Error('no Discord config');
  return config;
}

beforeAll(async () => {
  fake = await FakeDiscord.start({ botToken: BOT_TOKEN, applicationId: APP_ID });
  env = await startHttpEndpoint(createWorld(), fake, {
    config: discordConfig({ DISCORD_TOKEN: BOT_TOKEN, DISCORD_PUBLIC_KEY: publicKeyHex(keys.publicKey) }),
    privateKey: keys.privateKey,
    metrics,
  });
  ({ world, adapter, send, settledOriginal } = env);
});

afterEach(() => {
  expect(fake.invalid).toEqual([]);
});

afterAll(async () => {
  await env?.stop();
  await fake?.close();
});

describe('Discord over HTTP only (public key and bot token)', () => {
  it('is the default with a public key; DISCORD_GATEWAY=on keeps the gateway, and each mode says what it needs', () => {
    const key = publicKeyHex(keys.publicKey);
    expect(discordConfig({ DISCORD_TOKEN: BOT_TOKEN, DISCORD_PUBLIC_KEY: key }).gateway).toBe(false);
    expect(discordConfig({ DISCORD_TOKEN: BOT_TOKEN }).gateway).toBe(true);
    expect(discordConfig({ DISCORD_TOKEN: BOT_TOKEN, DISCORD_PUBLIC_KEY: key, DISCORD_GATEWAY: 'on' }).gateway).toBe(true);
    expect(() => discordConfig({ DISCORD_PUBLIC_KEY: key, DISCORD_GATEWAY: 'on' })).toThrow(/DISCORD_GATEWAY=on needs DISCORD_TOKEN/);
    expect(() => discordConfig({ DISCORD_TOKEN: BOT_TOKEN, DISCORD_GATEWAY: 'off' })).toThrow(/DISCORD_GATEWAY=off needs DISCORD_PUBLIC_KEY/);
    expect(() => discordConfig({ DISCORD_TOKEN: BOT_TOKEN, DISCORD_GATEWAY: 'yes' })).toThrow(/DISCORD_GATEWAY: on or off/);
  });

  it('runs the whole loop (create, respond, click, poll message edit, pick, server event) without a gateway connection', async () => {
    const create = slash(alice, 'create', { title: 'Board games', dates: '2026-12-06', time: '19:00-22:00', slot: '60m' });
    expect((await send(create)).body).toEqual({ type: InteractionResponseType.DeferredChannelMessageWithSource });
    const message = await settledOriginal(create);
    const channel = { platform: 'discord' as const, workspaceId: alice.guildId!, channelId: alice.channelId };
    const poll = await fake.waitFor(async () => (await world.store.listPolls(channel, ['open'])).find((p) => p.spec.title === 'Board games'));
    await fake.waitFor(async () => (await world.engine.queries.getPoll(poll.id))?.messageRef);

    const respond = await send(click(bob, findButton(message, /Respond/), message));
    expect(respond.body.data?.flags).toBe(MessageFlags.Ephemeral);
    const grid = fake.seedMessage(message.channel_id);
    grid.components = respond.body.data?.components as FakeMessage['components'];
    const update = await send(click(bob, findButton(grid, /^20:00/), grid));
    expect(buttons(update.body.data)[0]!.map((b) => b.label)).toEqual(['19:00 ▫️', '20:00 ✅', '21:00 ▫️']);

    // The channel's poll message is edited with the bot token over REST.
    const edit = await fake.waitFor(() => fake.callsTo('PATCH', new RegExp(`^/channels/${message.channel_id}/messages/${message.id}$`))[0]);
    expect(edit.authorization).toBe(`Bot ${BOT_TOKEN}`);
    expect(visibleText(fake.messages.get(message.id))).toMatch(/1 (person|answer)/);

    const pick = slash(alice, 'pick', { code: poll.code, choice: '1' });
    await send(pick);
    expect((await settledOriginal(pick)).content).toContain('Board games');
    const event = await fake.waitFor(() => [...fake.events.values()].find((e) => e.name === 'Board games'));
    expect(event).toMatchObject({ guild_id: alice.guildId, scheduled_start_time: '2026-12-06T11:00:00.000Z' });

    // Counted as an operator sees them: each kind by outcome, each acknowledged.
    // The pick is counted when its handler ends, just after its server event is made.
    const text = await fake.waitFor(async () => {
      const t = await metrics.registry.metrics();
      return t.includes('yakjeong_interactions_total{platform="discord",kind="command",outcome="ok"} 2') && t;
    });
    expect(text).toContain('yakjeong_interactions_total{platform="discord",kind="click",outcome="ok"} 2');
    expect(text).toContain('yakjeong_ack_seconds_count{platform="discord",kind="click"} 2');
    expect(text).toContain('yakjeong_http_requests_total{route="/discord/interactions",status="200"} 4');

    expect(adapter.transports).toEqual(['http']);
    expect(fake.gatewayConnections).toBe(0);
    expect(fake.callsTo('GET', /^\/gateway/)).toEqual([]);
    expect(world.problems).toEqual([]);
  });

  it('refuses to start with a bot token Discord rejects, naming the setting and never the token', async () => {
    const other = createDiscordAdapter({
      engine: world.engine,
      config: discordConfig({ DISCORD_TOKEN: 'not-the-token', DISCORD_PUBLIC_KEY: publicKeyHex(keys.publicKey) }),
      logger: world.logger,
      http: new HttpServer(world.logger),
      clock: world.clock,
    records: world.records,
    });
    const failure = await other.start().then(() => undefined, (err: unknown) => err);
    expect(String(failure)).toMatch(/Discord refused DISCORD_TOKEN \(401\)/);
    expect(String(failure)).not.toContain('not-the-token');
    expect(fake.gatewayConnections).toBe(0);
    await other.stop();
  });
});
