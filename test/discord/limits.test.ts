/**
 * Discord's length limits end to end: the fake refuses (400) any message over them, so a poll
 * that fills every part of its embed must still be posted and edited; cuts keep mentions,
 * timestamps and emoji whole.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { InteractionResponseType } from 'discord-api-types/v10';
import type { DiscordAdapter } from '../../adapters/discord/index.js';
import type { Poll } from '../../src/core/domain/types.js';
import { FakeDiscord, initialResponseViolation, type FakeMessage } from './fake-discord.js';
import { alice, autocomplete, bob, createWorld, startGateway, stopGateway, slash, visibleText, type TestWorld } from './fixtures.js';

let world: TestWorld;
let fake: FakeDiscord;
let adapter: DiscordAdapter;

beforeAll(async () => {
  ({ world, fake, adapter } = await startGateway(createWorld(), 20));
});

afterAll(() => stopGateway({ world, fake, adapter }));

afterEach(() => {
  expect(fake.invalid).toEqual([]);
  expect(world.problems).toEqual([]);
});

const channel = { platform: 'discord' as const, workspaceId: alice.guildId!, channelId: alice.channelId };

async function createPoll(values: Record<string, string | number | boolean>): Promise<{ poll: Poll; message: FakeMessage }> {
  const interaction = slash(alice, 'create', values);
  await fake.interact(interaction);
  const message = await fake.waitFor(() => {
    const m = fake.original(interaction);
    return m && !m.deferred ? m : undefined;
  });
  const poll = await fake.waitFor(async () => (await world.store.listPolls(channel, ['open'])).find((p) => p.spec.title === values.title && p.messageRef));
  return { poll, message };
}

/** `<@…` or `<t:…` without its closing `>`: a cut inside a mention or timestamp. */
function brokenMarkup(text: string): string[] {
  return text.match(/<(?:@!?|t:)[^>\s]*(?=\s|$|…)/g) ?? [];
}

function codePoints(text: string): number {
  return [...text].length;
}

describe('Discord limits', () => {
  it('posts and edits a block poll whose title, blocks, people and required list all run long', async () => {
    const title = 'Quarterly all-hands planning for every team 🎉 '.repeat(5).slice(0, 200).trim();
    const blocks = Array.from({ length: 24 }, (_, i) => `Block ${String(i + 1).padStart(2, '0')} ${'long name '.repeat(4)}`.slice(0, 40).trim());
    const must = Array.from({ length: 45 }, (_, i) => `<@${1_500_000_000_000_000_000n + BigInt(i)}>`).join(' ');
    const { poll, message } = await createPoll({ title, kind: 'block', dates: '2026-12-21', blocks: blocks.join(','), must });
    expect(poll.spec.blocks).toHaveLength(24);
    expect(poll.spec.required).toHaveLength(45);
    expect(brokenMarkup(visibleText(message))).toEqual([]);

    // 300 people answer; the refreshed poll message lists them all and more than fits.
    for (let i = 0; i < 300; i++) {
      const user = { id: String(1_600_000_000_000_000_000n + BigInt(i)), name: `Participant ${i + 1} 🙂` };
      await world.store.saveAnswer(poll.id, user, () => 'y'.repeat(24), Date.UTC(2026, 10, 20), { slotCount: 24 });
    }
    const editsBefore = fake.callsTo('PATCH', new RegExp(`^/channels/${message.channel_id}/messages/${message.id}$`)).length;
    await adapter.notifier.refreshPoll(poll);
    const edited = await fake.waitFor(() => (visibleText(fake.messages.get(message.id)).includes('Participant 1 🙂') ? fake.messages.get(message.id) : undefined));
    expect(fake.callsTo('PATCH', new RegExp(`^/channels/${message.channel_id}/messages/${message.id}$`)).length).toBe(editsBefore + 1);
    const embed = edited.embeds[0] as { title: string; description?: string; fields?: Array<{ name: string; value: string }> };
    const total = codePoints(embed.title) + codePoints(embed.description ?? '') + (embed.fields ?? []).reduce((n, f) => n + codePoints(f.name) + codePoints(f.value), 0);
    expect(total).toBeLessThanOrEqual(6000);
    expect(embed.title).toContain(poll.code);
    // The long list of names gave way; the best times under it stayed whole.
    expect(embed.description).toContain('**Best so far**\n1. Mon, Dec 21 Block 01');
    expect(brokenMarkup(visibleText(edited))).toEqual([]);

    // Closing redraws it once more (closed state, best times).
    await world.engine.run({ channel, user: { id: alice.id, name: alice.name }, isAdmin: false }, { type: 'close', code: poll.code }, { maxSlotButtons: 15, maxButtonsPerRow: 5 });
    await adapter.notifier.refreshPoll(poll);
    await fake.waitFor(() => visibleText(fake.messages.get(message.id)).includes('🔒 Closed'));
  });

  it('cuts autocomplete names and server event names by characters, never inside an emoji', async () => {
    const emoji = '🍕'.repeat(100);
    const { poll: listed } = await createPoll({ title: `xy${emoji}`, dates: '2026-12-22', time: '10:00-12:00' });
    // What a cut by UTF-16 units would have split: the name's 100th unit is half a 🍕.
    expect(/[\uD800-\uDBFF]$/.test(`${listed.code} · xy${emoji}`.slice(0, 100))).toBe(true);
    const typed = await fake.interact(autocomplete(bob, 'results', { code: 'xy' }, 'code'));
    expect(typed.body?.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    const choices = (typed.body?.data as { choices: Array<{ name: string; value: string }> }).choices;
    expect(choices).toHaveLength(1);
    expect(choices[0]!.value).toBe(listed.code);
    expect(codePoints(choices[0]!.name)).toBeLessThanOrEqual(100);
    expect(choices[0]!.name).toMatch(/🍕…$/);

    const { poll: picked } = await createPoll({ title: `x${emoji}`, dates: '2026-12-23', time: '10:00-12:00', slot: '60m' });
    expect(/[\uD800-\uDBFF]$/.test(`x${emoji}`.slice(0, 100))).toBe(true);
    await fake.interact(slash(bob, 'answer', { spec: '2026-12-23 10:00-11:00', code: picked.code }));
    await fake.interact(slash(alice, 'pick', { code: picked.code, choice: '1' }));
    const event = await fake.waitFor(() => [...fake.events.values()].find((e) => String(e.name).startsWith('x🍕')));
    expect(codePoints(String(event.name))).toBeLessThanOrEqual(100);
    expect(String(event.name)).toMatch(/🍕…$/);
  });
});

describe('the fake checks select menus as Discord does', () => {
  const option = (i: number, value = `y1:AB23:set:${i}:y`) => ({ label: `${i}`, value });
  const select = (custom_id: string, options: unknown[], extra: Record<string, unknown> = {}) => ({
    type: 1,
    components: [{ type: 3, custom_id, min_values: 1, max_values: options.length, options, ...extra }],
  });
  const update = (components: unknown[]) => ({ type: InteractionResponseType.UpdateMessage, data: { components } });

  it('accepts what the grid sends and refuses what Discord refuses', () => {
    const ok = Array.from({ length: 25 }, (_, i) => option(i));
    expect(initialResponseViolation(update([select('a', ok), select('b', ok.slice(0, 3))]))).toBeUndefined();
    expect(initialResponseViolation(update([select('a', [...ok, option(25)])]))).toMatch(/1-25 options/);
    expect(initialResponseViolation(update([select('a', [option(0, 'v'.repeat(101))])]))).toMatch(/value must be 1-100/);
    expect(initialResponseViolation(update([select('a', ok), select('a', ok)]))).toMatch(/custom_id not unique/);
    expect(initialResponseViolation(update([select('a', ok, { max_values: 26 })]))).toMatch(/max_values/);
    expect(initialResponseViolation(update(Array.from({ length: 6 }, (_, i) => select(`s${i}`, ok))))).toBe('more than 5 action rows');
    const mixed = { type: 1, components: [{ type: 2, style: 2, custom_id: 'b', label: 'B' }, ...select('a', ok).components] };
    expect(initialResponseViolation(update([mixed]))).toMatch(/alone in its action row/);
  });
});
