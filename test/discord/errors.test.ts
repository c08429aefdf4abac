/**
 * The error boundary when things go wrong on our side or Discord's: a failed heatmap, an
 * interaction answered too late. The person gets a private apology where possible; the bot
 * logs with context and keeps running.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import type { DiscordAdapter } from '../../adapters/discord/index.js';
import { FakeDiscord } from './fake-discord.js';
import { APP_ID, alice, bob, createWorld, startGateway, stopGateway, slash, type TestWorld } from './fixtures.js';

let world: TestWorld;
let fake: FakeDiscord;
let adapter: DiscordAdapter;

beforeAll(async () => {
  // A renderer that fails, as a broken font or out-of-memory would.
  ({ world, fake, adapter } = await startGateway(createWorld({ heatmap: { render: async () => Promise.reject(new Error('canvas exploded')) } }), 20));
  const create = slash(alice, 'create', { title: 'Quiz', dates: '2026-12-02', time: '18:00-20:00' });
  await fake.interact(create);
  await fake.waitFor(() => fake.original(create)?.deferred === false);
});

afterEach(() => {
  expect(fake.invalid).toEqual([]);
});

afterAll(() => stopGateway({ world, fake, adapter }));

describe('Discord error boundary', () => {
  it('removes the public "thinking…" and apologises privately when the heatmap fails', async () => {
    const results = slash(alice, 'results');
    const response = await fake.interact(results);
    expect(response.body?.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    const apology = await fake.waitFor(() => fake.callsTo('POST', new RegExp(`/webhooks/${APP_ID}/${results.token}$`))[0]);
    expect(apology.body).toMatchObject({ flags: MessageFlags.Ephemeral });
    expect(String(apology.body?.content)).toMatch(/^⚠️ Sorry, something went wrong on my side/);
    expect(fake.callsTo('DELETE', new RegExp(`/webhooks/${APP_ID}/${results.token}/messages/@original$`))).toHaveLength(1);
    expect(fake.original(results)?.deleted).toBe(true);
    const logged = world.problems.find((p) => p.msg === 'interaction failed');
    expect(logged).toMatchObject({ level: 50, err: { message: 'canvas exploded' } });
  });

  it('logs a late interaction (10062) once, sends nothing more, and keeps serving', async () => {
    world.problems.length = 0;
    const late = slash(bob, 'answer', { spec: '2026-12-02 18:00-19:00' });
    fake.late.add(late.id);
    await fake.interact(late);
    await fake.waitFor(() => world.problems.find((p) => p.msg === 'interaction could not be answered'));
    expect(fake.calls.filter((c) => c.path.includes(late.token))).toHaveLength(1);
    // The answer was stored before the acknowledgement failed: the person's click is not lost.
    const poll = (await world.store.listPolls({ platform: 'discord', workspaceId: alice.guildId!, channelId: alice.channelId }, ['open']))[0]!;
    expect((await world.store.participant(poll.id, bob.id))?.states).toBe('yy..');

    const next = await fake.interact(slash(bob, 'help'));
    expect(next.body).toMatchObject({ type: InteractionResponseType.ChannelMessageWithSource, data: { flags: MessageFlags.Ephemeral } });
  });
});
