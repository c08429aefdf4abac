/**
 * End to end over the gateway: the real discord.js client logs in to a fake Discord on
 * loopback, receives INTERACTION_CREATE, and Yakjeong answers through the REST callback and
 * webhooks. Assertions are on what a person in the channel would see.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ComponentType, InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import { DiscordApi } from '../../adapters/discord/api.js';
import type { DiscordAdapter } from '../../adapters/discord/index.js';
import { DiscordPollMessages } from '../../adapters/discord/notifier.js';
import { CREATE_MODAL_ID } from '../../adapters/discord/modal.js';
import type { Poll } from '../../src/core/domain/types.js';
import { FakeDiscord, isPng, type FakeMessage, type RecordedCall } from './fake-discord.js';
import {
  APP_ID,
  BOT_TOKEN,
  admin,
  alice,
  aliceElsewhere,
  aliceInDm,
  autocomplete,
  bob,
  buttons,
  choose,
  click,
  createWorld,
  startGateway,
  stopGateway,
  findButton,
  minji,
  selects,
  slash,
  stranger,
  submitForm,
  visibleText,
  type Person,
  type TestWorld,
} from './fixtures.js';

let world: TestWorld;
let fake: FakeDiscord;
let adapter: DiscordAdapter;

beforeAll(async () => {
  ({ world, fake, adapter } = await startGateway(createWorld(), 50));
});

afterAll(() => stopGateway({ world, fake, adapter }));

afterEach(() => {
  // Every path here is a normal one: no crash, no double acknowledgement, no failed refresh,
  // nothing over Discord's limits.
  expect(world.problems).toEqual([]);
  expect(fake.invalid).toEqual([]);
});

function responseData(call: RecordedCall): Record<string, unknown> {
  return (call.body?.data ?? {}) as Record<string, unknown>;
}

async function pollsIn(person: Person): Promise<Poll[]> {
  return world.store.listPolls({ platform: 'discord', workspaceId: person.guildId!, channelId: person.channelId }, ['open', 'closed']);
}

/** Creates a poll through /yakjeong create and returns its channel message once it is written. */
async function createPoll(by: Person, values: Record<string, string | number | boolean>): Promise<{ poll: Poll; message: FakeMessage }> {
  const interaction = slash(by, 'create', values);
  const response = await fake.interact(interaction);
  expect(response.body?.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
  const message = await fake.waitFor(() => {
    const m = fake.original(interaction);
    return m && !m.deferred ? m : undefined;
  });
  // The adapter stores the message reference right after Discord returns the message.
  const poll = await fake.waitFor(async () => (await pollsIn(by)).find((p) => p.spec.title === values.title && p.messageRef));
  return { poll, message };
}

describe('Discord over the gateway', () => {
  it('logs in with the Guilds intent only and without compressed frames', () => {
    expect(fake.identifies).toHaveLength(1);
    expect(fake.identifies[0]!.intents).toBe(1);
    expect(fake.identifies[0]!.compress).toBeFalsy();
  });

  it('create with options posts the poll in the channel, with buttons, and remembers the message', async () => {
    const { poll, message } = await createPoll(alice, { title: 'Team dinner', dates: '2026-12-01..2026-12-02', time: '18:00-21:00', slot: '60m', max: 8, hidden: false });
    expect(message.flags & MessageFlags.Ephemeral).toBe(0);
    expect(message.embeds[0]!.title).toBe(`📅 Team dinner · ${poll.code}`);
    expect(visibleText(message)).toContain('Nobody has answered yet');
    expect(buttons(message).flat().map((b) => b.label)).toEqual(['🗓️ Respond', '📊 Results', '🔒 Close']);
    expect(poll.spec.slotMinutes).toBe(60);
    expect(poll.spec.maxParticipants).toBe(8);
    expect(poll.messageRef).toBe(`${message.channel_id}:${message.id}`);
  });

  it('create with no options opens the form, and submitting the form creates the poll', async () => {
    const open = slash(alice, 'create');
    const response = await fake.interact(open);
    expect(response.body?.type).toBe(InteractionResponseType.Modal);
    const modal = responseData(response);
    expect(modal.custom_id).toBe(CREATE_MODAL_ID);
    const components = modal.components as Array<{ type: number; label: string; component: { custom_id: string } }>;
    expect(components.length).toBeLessThanOrEqual(5);
    expect(components.map((c) => c.component.custom_id)).toEqual(['title', 'dates', 'time', 'more', 'deadline']);

    const submit = submitForm(alice, CREATE_MODAL_ID, { title: 'Study group', dates: '2026-12-03', time: '19:00-21:00', more: '1h duration:2h', deadline: '' });
    const submitted = await fake.interact(submit);
    expect(submitted.body?.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    const message = await fake.waitFor(() => {
      const m = fake.original(submit);
      return m && !m.deferred ? m : undefined;
    });
    expect(message.embeds[0]!.title).toContain('Study group');
    const poll = await fake.waitFor(async () => (await pollsIn(alice)).find((p) => p.spec.title === 'Study group' && p.messageRef));
    expect(poll?.spec).toMatchObject({ kind: 'time', slotMinutes: 60, durationSlots: 2 });
    expect(poll?.messageRef).toBe(`${message.channel_id}:${message.id}`);
  });

  it('a form with a mistake gets a private explanation and creates nothing', async () => {
    const before = (await pollsIn(alice)).length;
    const submit = submitForm(alice, CREATE_MODAL_ID, { title: 'Broken', dates: 'someday', time: '', more: '', deadline: '' });
    const response = await fake.interact(submit);
    expect(response.body?.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(responseData(response).flags).toBe(MessageFlags.Ephemeral);
    expect(responseData(response).content).toContain('“someday” is not a date');
    expect(await pollsIn(alice)).toHaveLength(before);
  });

  it('Respond opens a private grid; a slot click updates it in place, stores the answer and refreshes the poll message', async () => {
    const { poll, message } = await createPoll(alice, { title: 'Board games', dates: '2026-12-05', time: '18:00-21:00', slot: '60m' });
    const respond = await fake.interact(click(bob, findButton(message, /Respond/), message));
    expect(respond.body?.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(responseData(respond).flags).toBe(MessageFlags.Ephemeral);
    const grid = fake.messages.get(lastOriginalId(respond))!;
    expect(buttons(grid)[0]!.map((b) => b.label)).toEqual(['18:00 ▫️', '19:00 ▫️', '20:00 ▫️']);

    const slot = click(bob, findButton(grid, /^19:00/), grid);
    const update = await fake.interact(slot);
    expect(update.body?.type).toBe(InteractionResponseType.UpdateMessage);
    expect(buttons(fake.messages.get(grid.id))[0]!.map((b) => b.label)).toEqual(['18:00 ▫️', '19:00 ✅', '20:00 ▫️']);
    expect((await world.store.participant(poll.id, bob.id))?.states).toBe('.y.');

    const refreshed = await fake.waitFor(() => (visibleText(fake.messages.get(message.id)).includes('1 person answered: Bob') ? fake.messages.get(message.id) : undefined));
    expect(buttons(refreshed).flat().map((b) => b.label)).toContain('🗓️ Respond');
    const edit = fake.callsTo('PATCH', new RegExp(`/channels/${message.channel_id}/messages/${message.id}$`)).at(-1);
    expect(edit?.authorization).toBe(`Bot ${BOT_TOKEN}`);

    // Done turns the grid into a short private summary, without buttons.
    const done = await fake.interact(click(bob, findButton(fake.messages.get(grid.id), /^Done$/), fake.messages.get(grid.id)!));
    expect(done.body?.type).toBe(InteractionResponseType.UpdateMessage);
    const summary = fake.messages.get(grid.id)!;
    expect(summary.content).toBe(`Saved your answer to “Board games” (${poll.code}).\n✅ 1 slot free · 🤔 0 if needed`);
    expect(summary.embeds).toEqual([]);
    expect(summary.components).toEqual([]);
  });

  it('keeps a day too long even for select menus within Discord\'s 5 rows of 5 buttons, with pages', async () => {
    const { message } = await createPoll(alice, { title: 'Marathon', dates: '2026-12-06', time: '00:00-24:00', slot: '15m' });
    const respond = await fake.interact(click(bob, findButton(message, /Respond/), message));
    const grid = fake.messages.get(lastOriginalId(respond))!;
    expect(selects(grid)).toEqual([]);
    const rows = buttons(grid);
    expect(rows.length).toBeLessThanOrEqual(5);
    for (const row of rows) expect(row.length).toBeLessThanOrEqual(5);
    expect(rows.flat().filter((b) => /^\d\d:\d\d/.test(b.label))).toHaveLength(15);
    expect(rows.flat().map((b) => b.label)).toEqual(expect.arrayContaining(['Next ▶', 'Done', 'All day']));
    const next = await fake.interact(click(bob, findButton(grid, /^Next/), grid));
    expect(next.body?.type).toBe(InteractionResponseType.UpdateMessage);
    expect(buttons(fake.messages.get(grid.id)).flat()[0]!.label).toBe('03:45 ▫️');
  });

  it('shows a longer day as one select menu; choosing two options stores both and updates the grid in place; a repeat changes nothing', async () => {
    const { poll, message } = await createPoll(alice, { title: 'Workshop', dates: '2026-12-07', time: '09:00-18:00', slot: '30m' });
    const respond = await fake.interact(click(bob, findButton(message, /Respond/), message));
    expect(responseData(respond).flags).toBe(MessageFlags.Ephemeral);
    const grid = fake.messages.get(lastOriginalId(respond))!;
    const [menu, ...more] = selects(grid);
    expect(more).toEqual([]);
    expect(menu).toMatchObject({ minValues: 1, maxValues: 18, disabled: false, placeholder: 'Change 09:00 – 17:30' });
    expect(menu!.options).toHaveLength(18);
    expect(menu!.options[0]!.label).toBe('09:00 ▫️ → ✅');
    // The select's row comes first; the controls follow in their own row, with no slot buttons.
    expect(grid.components[0]!.components[0]!.type).toBe(ComponentType.StringSelect);
    expect(buttons(grid).flat().map((b) => b.label)).toEqual(['All day', 'Clear', 'Done', '📆 Fill from my usual week']);

    const chosen = [menu!.options[0]!.value, menu!.options[3]!.value];
    const update = await fake.interact(choose(bob, menu!.id, chosen, grid));
    expect(update.body?.type).toBe(InteractionResponseType.UpdateMessage);
    expect((await world.store.participant(poll.id, bob.id))?.states).toBe('y..y' + '.'.repeat(14));
    const updated = selects(fake.messages.get(grid.id))[0]!;
    expect(updated.options[0]!.label).toBe('09:00 ✅ → 🤔');
    expect(updated.options[3]!.label).toBe('10:30 ✅ → 🤔');
    expect(visibleText(fake.messages.get(grid.id))).toContain('✅ 2 slots free');
    await fake.waitFor(() => visibleText(fake.messages.get(message.id)).includes('1 person answered: Bob'));

    // The same submission again (the menu as it was): each value carries the state it sets.
    const again = await fake.interact(choose(bob, menu!.id, chosen, grid));
    expect(again.body?.type).toBe(InteractionResponseType.UpdateMessage);
    expect((await world.store.participant(poll.id, bob.id))?.states).toBe('y..y' + '.'.repeat(14));
    const history = await world.store.history(poll.id, 10);
    expect(history).toHaveLength(1);
    expect(history[0]!.changes).toEqual([
      [0, 'no', 'yes'],
      [3, 'no', 'yes'],
    ]);
  });

  it('keeps two long days within 5 rows: two menus per day plus the two control rows, Next to the second day', async () => {
    const { message } = await createPoll(alice, { title: 'Long days', dates: '2026-12-08..2026-12-09', time: '08:00-22:00', slot: '30m' });
    const respond = await fake.interact(click(bob, findButton(message, /Respond/), message));
    const grid = fake.messages.get(lastOriginalId(respond))!;
    expect(grid.components.length).toBeLessThanOrEqual(5);
    expect(selects(grid).map((s) => s.options.length)).toEqual([14, 14]);
    const firstIds = selects(grid).map((s) => s.id);
    expect(buttons(grid).flat().map((b) => b.label)).toEqual(['All day', 'Clear', 'Copy to every day', '◀ Previous', 'Next ▶', 'Done', '📆 Fill from my usual week']);
    const next = await fake.interact(click(bob, findButton(grid, /^Next/), grid));
    expect(next.body?.type).toBe(InteractionResponseType.UpdateMessage);
    const second = fake.messages.get(grid.id)!;
    expect(visibleText(second)).toContain('Page 2 of 2');
    expect(selects(second).map((s) => s.options[0]!.label)).toEqual(['08:00 ▫️ → ✅', '15:00 ▫️ → ✅']);
    expect(selects(second).map((s) => s.id)).not.toEqual(firstIds);
  });

  it('refuses privately a select that is not a grid menu, or values that are not slots', async () => {
    const { poll, message } = await createPoll(alice, { title: 'Forged', dates: '2026-12-10', time: '09:00-18:00', slot: '30m' });
    const respond = await fake.interact(click(bob, findButton(message, /Respond/), message));
    const grid = fake.messages.get(lastOriginalId(respond))!;
    const menu = selects(grid)[0]!;
    for (const interaction of [
      choose(bob, 'someone-elses-menu', [menu.options[0]!.value], grid),
      choose(bob, menu.id, [findButton(grid, /^All day/)], grid),
    ]) {
      const response = await fake.interact(interaction);
      expect(response.body?.type).toBe(InteractionResponseType.ChannelMessageWithSource);
      expect(responseData(response).flags).toBe(MessageFlags.Ephemeral);
    }
    expect(await world.store.participants(poll.id)).toEqual([]);
  });

  it('answers by text, privately confirmed and stored', async () => {
    const { poll } = await createPoll(alice, { title: 'Lunch', dates: '2026-12-08', time: '11:00-14:00', slot: '60m' });
    const response = await fake.interact(slash(bob, 'answer', { spec: '2026-12-08 12:00-14:00', code: poll.code.toLowerCase() }));
    expect(response.body?.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    const data = responseData(response);
    expect(data.flags).toBe(MessageFlags.Ephemeral);
    expect(data.content).toContain(`Saved your answer to “Lunch” (${poll.code}).`);
    expect(data.content).toContain('✅ Tue, Dec 8 12:00–14:00');
    expect((await world.store.participant(poll.id, bob.id))?.states).toBe('.yy');
  });

  it('results are deferred, then sent with the heatmap PNG shown in the embed', async () => {
    const { poll } = await createPoll(alice, { title: 'Retro', dates: '2026-12-09', time: '10:00-12:00', slot: '60m' });
    await fake.interact(slash(bob, 'answer', { spec: '2026-12-09 10:00-11:00', code: poll.code }));
    const results = slash(alice, 'results', { code: poll.code });
    const response = await fake.interact(results);
    expect(response.body?.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    expect(responseData(response).flags ?? 0).toBe(0);
    const message = await fake.waitFor(() => {
      const m = fake.original(results);
      return m && !m.deferred ? m : undefined;
    });
    const upload = fake.callsTo('PATCH', new RegExp(`/webhooks/${APP_ID}/${results.token}/messages/@original$`)).at(-1)!;
    expect(upload.files).toHaveLength(1);
    expect(upload.files[0]!.name).toBe('heatmap.png');
    expect(isPng(upload.files[0]!.bytes)).toBe(true);
    expect(message.embeds[0]!.image).toEqual({ url: 'attachment://heatmap.png' });
    expect(visibleText(message)).toContain('**1. Wed, Dec 9 10:00–11:00**');
    expect(buttons(message).flat().map((b) => b.label)).toContain('📌 Pick #1');
  });

  it('refuses a close by someone who neither created the poll nor manages the server', async () => {
    const { poll } = await createPoll(alice, { title: 'Offsite', dates: '2026-12-10', time: '09:00-11:00' });
    const response = await fake.interact(slash(bob, 'close', { code: poll.code }));
    expect(responseData(response).flags).toBe(MessageFlags.Ephemeral);
    expect(responseData(response).content).toBe(`⚠️ Only the poll's creator (Alice) or an admin can close poll ${poll.code}.`);
    expect((await world.engine.queries.getPoll(poll.id))?.status).toBe('open');

    const korean = await fake.interact(slash(minji, 'close', { code: poll.code }));
    expect(responseData(korean).content).toContain('투표를 만든 Alice님과 관리자뿐이에요');
  });

  it('lets a member with Manage Events close it: notice in the channel, then results with the heatmap', async () => {
    const { poll, message } = await createPoll(alice, { title: 'Planning', dates: '2026-12-11', time: '09:00-11:00' });
    const closing = click(admin, findButton(message, /Close/), message);
    const response = await fake.interact(closing);
    expect(response.body?.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(responseData(response).flags ?? 0).toBe(0);
    expect(responseData(response).content).toContain('Mod closed “Planning”');
    const followUp = await fake.waitFor(() => fake.callsTo('POST', new RegExp(`/webhooks/${APP_ID}/${closing.token}$`))[0]);
    expect(isPng(followUp.files[0]?.bytes)).toBe(true);
    const closed = await world.engine.queries.getPoll(poll.id);
    expect(closed?.status).toBe('closed');
    // The poll message stays the one to edit; the notice and results are separate messages.
    expect(closed?.messageRef).toBe(`${message.channel_id}:${message.id}`);
    await fake.waitFor(() => visibleText(fake.messages.get(message.id)).includes('🔒 Closed'));
    expect(buttons(fake.messages.get(message.id)).flat().map((b) => b.label)).toEqual(['📊 Results', '🔓 Reopen']);
  });

  it('picking a result posts the final time with an .ics file and makes a server event', async () => {
    const { poll } = await createPoll(alice, { title: 'Climbing', dates: '2026-12-16', time: '10:00-12:00', slot: '60m' });
    await fake.interact(slash(bob, 'answer', { spec: '2026-12-16 11:00-12:00', code: poll.code }));
    const results = slash(alice, 'results', { code: poll.code });
    await fake.interact(results);
    const resultsMessage = await fake.waitFor(() => (fake.original(results)?.deferred === false ? fake.original(results) : undefined));

    const pick = click(alice, findButton(resultsMessage, /Pick #1/), resultsMessage);
    const response = await fake.interact(pick);
    expect(response.body?.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    const notice = await fake.waitFor(() => (fake.original(pick)?.deferred === false ? fake.original(pick) : undefined));
    // The time once, in each reader's own zone.
    expect(notice.content).toContain(`📌 Final time for “Climbing”: <t:${Date.UTC(2026, 11, 16, 2) / 1000}:f>–<t:${Date.UTC(2026, 11, 16, 3) / 1000}:t>`);
    expect(notice.content).not.toContain('11:00–12:00');
    expect(notice.content).toContain('<@1000000000000000002>');
    expect(notice.content).toContain('https://calendar.google.com/calendar/render?');
    expect(notice.attachments.map((a) => a.filename)).toEqual([`yakjeong-${poll.code}.ics`]);
    expect(notice.files[`yakjeong-${poll.code}.ics`]!.toString('utf8')).toContain('BEGIN:VCALENDAR');

    const event = await fake.waitFor(() => [...fake.events.values()].find((e) => e.name === 'Climbing'));
    expect(event).toMatchObject({
      guild_id: alice.guildId,
      entity_type: 3,
      privacy_level: 2,
      scheduled_start_time: '2026-12-16T02:00:00.000Z',
      scheduled_end_time: '2026-12-16T03:00:00.000Z',
      entity_metadata: { location: '#study-group' },
    });
    expect((await world.engine.queries.getPoll(poll.id))?.picked).toMatchObject({ firstSlot: 1, slotCount: 1 });
  });

  it('a pick that blocks someone\'s other poll tells them in a DM, and Undo works there', async () => {
    const standup = await createPoll(alice, { title: 'Standup', dates: '2026-12-22', time: '09:00-12:00', slot: '60m' });
    const review = await createPoll(alice, { title: 'Review', dates: '2026-12-22', time: '10:00-13:00', slot: '30m' });
    await fake.interact(slash(bob, 'answer', { spec: '2026-12-22 09:00-12:00', code: standup.poll.code }));
    await fake.interact(slash(bob, 'answer', { spec: '2026-12-22 10:00-13:00', code: review.poll.code }));
    await fake.interact(slash(alice, 'pick', { code: standup.poll.code, choice: '2026-12-22 10:00' }));
    const dm = fake.directChannelOf(bob.id);
    const notice = await fake.waitFor(() => [...fake.messages.values()].find((m) => m.channel_id === dm && /Review/.test(visibleText(m))));
    await fake.waitFor(async () => ((await world.store.participant(review.poll.id, bob.id))?.states === '..yyyy' ? true : undefined));
    const bobInDm: Person = { id: bob.id, name: bob.name, channelId: dm, permissions: bob.permissions, locale: bob.locale };
    // Only the personal button works in a DM; a command there is still refused with a hint.
    const refused = await fake.interact(slash(bobInDm, 'list'));
    expect(responseData(refused).content).toBe('⚠️ Use this in a server channel, not in a direct message.');
    const undo = click(bobInDm, findButton(notice, /Undo/), notice);
    await fake.interact(undo);
    const reply = await fake.waitFor(() => {
      const m = fake.original(undo);
      return m && !m.deferred ? m : undefined;
    });
    expect(visibleText(reply)).toContain('Gave back your times in “Review”');
    expect((await world.store.participant(review.poll.id, bob.id))?.states).toBe('yyyyyy');
  });

  it('says privately when it cannot make the server event, and the pick still stands', async () => {
    const { poll } = await createPoll(alice, { title: 'Bouldering', dates: '2026-12-18', time: '10:00-12:00', slot: '60m' });
    await fake.interact(slash(bob, 'answer', { spec: '2026-12-18 10:00-11:00', code: poll.code }));
    fake.noEventPermission.add(alice.guildId!);
    try {
      const before = fake.messages.size;
      await fake.interact(slash(alice, 'pick', { code: poll.code, choice: '1' }));
      const note = await fake.waitFor(() =>
        [...fake.messages.values()].slice(before).find((m) => String(m.content).includes('Create Events')),
      );
      expect(note.flags ?? 0).toBe(64);
      expect((await world.engine.queries.getPoll(poll.id))?.picked).toMatchObject({ firstSlot: 0 });
      // The one expected problem: the refused event request, logged as a warning.
      expect(world.problems).toEqual([expect.objectContaining({ level: 40 })]);
      world.problems.length = 0;
    } finally {
      fake.noEventPermission.delete(alice.guildId!);
    }
  });

  it('tells the creator, not the person answering, when everyone expected has answered', async () => {
    const { poll } = await createPoll(alice, { title: 'Duo', dates: '2026-12-17', time: '10:00-12:00', with: `<@${bob.id}>` });
    const sentBefore = fake.callsTo('POST', new RegExp(`^/channels/${alice.channelId}/messages$`)).length;
    const answer = await fake.interact(slash(bob, 'answer', { spec: '2026-12-17 10:00-11:00', code: poll.code }));
    expect(responseData(answer).content).toContain('Saved your answer to “Duo”');
    expect(responseData(answer).content).not.toContain('Everyone you expected');
    const notice = await fake.waitFor(() => fake.callsTo('POST', new RegExp(`^/channels/${alice.channelId}/messages$`))[sentBefore]);
    expect(String(notice.body?.content)).toMatch(new RegExp(`^<@${alice.id}>\n\n🎉 Everyone you expected has answered “Duo” \\(${poll.code}\\)`));
    expect(notice.body?.flags).toBeUndefined();
    expect(buttons(notice.body).flat().map((b) => b.label)).toEqual(['🔒 Close now']);
  });

  it('keeps polls inside their server: another guild can neither answer nor press its buttons', async () => {
    const { poll, message } = await createPoll(alice, { title: 'Secret', dates: '2026-12-12', time: '09:00-11:00' });
    const answer = await fake.interact(slash(stranger, 'answer', { spec: '2026-12-12 09:00-10:00', code: poll.code }));
    expect(responseData(answer).flags).toBe(MessageFlags.Ephemeral);
    expect(responseData(answer).content).toContain(`There is no poll ${poll.code} in this channel`);

    const press = await fake.interact(click(aliceElsewhere, findButton(message, /Respond/), message));
    expect(responseData(press).content).toContain(`There is no poll ${poll.code} in this channel`);
    expect(await world.store.participants(poll.id)).toEqual([]);
    expect(await pollsIn(stranger)).toEqual([]);
  });

  it('refuses direct messages with a private hint', async () => {
    const response = await fake.interact(slash(aliceInDm, 'list'));
    expect(response.body?.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(responseData(response)).toMatchObject({ flags: MessageFlags.Ephemeral, content: '⚠️ Use this in a server channel, not in a direct message.' });
  });

  it('suggests time zones and the channel\'s open polls while typing', async () => {
    const zones = await fake.interact(autocomplete(alice, 'tz', { zone: 'seoul' }, 'zone'));
    expect(zones.body?.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    expect(responseData(zones).choices).toEqual([{ name: 'Asia/Seoul', value: 'Asia/Seoul' }]);
    const many = await fake.interact(autocomplete(alice, 'create', { tz: 'america' }, 'tz'));
    expect((responseData(many).choices as unknown[]).length).toBe(25);

    const { poll } = await createPoll(alice, { title: 'Pizza night', dates: '2026-12-13', time: '18:00-20:00' });
    const codes = await fake.interact(autocomplete(bob, 'results', { code: 'pizza' }, 'code'));
    expect(responseData(codes).choices).toEqual([{ name: `${poll.code} · Pizza night`, value: poll.code }]);
    const elsewhere = await fake.interact(autocomplete(stranger, 'results', { code: '' }, 'code'));
    expect(responseData(elsewhere).choices).toEqual([]);
  });

  it('sets a time zone and shows grid times in it', async () => {
    const set = await fake.interact(slash(bob, 'tz', { zone: 'Europe/London' }));
    expect(responseData(set).content).toBe('Your time zone is now Europe/London. Times you see and type use it.');
    const { message } = await createPoll(alice, { title: 'Call', dates: '2026-12-14', time: '18:00-20:00', slot: '60m' });
    const respond = await fake.interact(click(bob, findButton(message, /Respond/), message));
    const grid = fake.messages.get(lastOriginalId(respond))!;
    expect(buttons(grid)[0]!.map((b) => b.label)).toEqual(['09:00 ▫️', '10:00 ▫️']);
  });

  it('redraws a poll message in the poll\'s own language, also after a restart', async () => {
    const { poll, message } = await createPoll(minji, { title: '저녁 모임', dates: '2026-12-24', time: '18:00-20:00', slot: '60m' });
    expect(visibleText(message)).toContain('아직 아무도 응답하지 않았어요');
    // A fresh notifier, as after a restart: nothing about the poll is kept in memory.
    const restarted = new DiscordPollMessages(world.engine, new DiscordApi({ applicationId: APP_ID, token: BOT_TOKEN, apiUrl: fake.apiUrl }), world.logger, 10);
    await world.store.saveAnswer(poll.id, { id: bob.id, name: bob.name }, () => 'yy', Date.UTC(2026, 10, 20), { slotCount: 2 });
    await restarted.refreshPoll(poll);
    await restarted.flush();
    expect(visibleText(fake.messages.get(message.id))).toContain('1명 응답: Bob');
  });

  it('posts notices for the scheduler as replies to the poll message', async () => {
    const { poll, message } = await createPoll(alice, { title: 'Deadline talk', dates: '2026-12-15', time: '09:00-11:00' });
    const stored = (await world.engine.queries.getPoll(poll.id))!;
    const view = await world.engine.queries.resultsView({ poll: stored, locale: 'en', tz: stored.spec.timezone });
    await adapter.notifier.post(stored, view);
    const posted = fake.callsTo('POST', new RegExp(`/channels/${message.channel_id}/messages$`)).at(-1)!;
    expect(posted.body?.message_reference).toEqual({ message_id: message.id, fail_if_not_exists: false });
    expect(isPng(posted.files[0]?.bytes)).toBe(true);
    expect(posted.authorization).toBe(`Bot ${BOT_TOKEN}`);
  });
});

/** The message an initial response (type 4 or 5) created. */
function lastOriginalId(call: RecordedCall): string {
  const token = /\/interactions\/\d+\/([^/]+)\/callback$/.exec(call.path)?.[1];
  const id = token ? fake.originalIdByToken(token) : undefined;
  if (!id) throw new Error('no original message');
  return id;
}
