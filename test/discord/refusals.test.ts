/**
 * When Discord refuses a message (403: the bot may not see or write in the channel) after the
 * action itself went through: the poll message is still refreshed, a picked meeting still
 * becomes a server event, the person gets one short private note instead of an apology, and a
 * poll whose first message never appeared does not linger as an open poll.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { InteractionResponseType, MessageFlags, type APIInteraction } from 'discord-api-types/v10';
import type { DiscordAdapter } from '../../adapters/discord/index.js';
import type { Poll } from '../../src/core/domain/types.js';
import { DeliveryError } from '../../src/core/errors.js';
import { noticeView } from '../../src/core/views/notices.js';
import { FakeDiscord, type FakeMessage, type RecordedCall } from './fake-discord.js';
import { APP_ID, admin, alice, bob, click, createWorld, startGateway, stopGateway, findButton, slash, visibleText, type Person, type TestWorld } from './fixtures.js';

let world: TestWorld;
let fake: FakeDiscord;
let adapter: DiscordAdapter;

beforeAll(async () => {
  ({ world, fake, adapter } = await startGateway(createWorld(), 20));
});

afterAll(() => stopGateway({ world, fake, adapter }));

afterEach(() => {
  expect(fake.invalid).toEqual([]);
  // Refusals are warnings: nothing here is the bot's own failure.
  expect(world.problems.filter((p) => p.level >= 50)).toEqual([]);
  world.problems.length = 0;
});

const channel = { platform: 'discord' as const, workspaceId: alice.guildId!, channelId: alice.channelId };

async function createPoll(by: Person, values: Record<string, string | number | boolean>): Promise<{ poll: Poll; message: FakeMessage }> {
  const interaction = slash(by, 'create', values);
  await fake.interact(interaction);
  const message = await fake.waitFor(() => {
    const m = fake.original(interaction);
    return m && !m.deferred ? m : undefined;
  });
  const poll = await fake.waitFor(async () => (await world.store.listPolls(channel, ['open'])).find((p) => p.spec.title === values.title && p.messageRef));
  return { poll, message };
}

function webhookPosts(interaction: APIInteraction): RecordedCall[] {
  return fake.callsTo('POST', new RegExp(`^/webhooks/${APP_ID}/${interaction.token}$`));
}

/** Everything the person was sent through the interaction (initial response, edits, follow-ups). */
function everythingSaid(interaction: APIInteraction): string {
  return fake.calls
    .filter((c) => c.path.includes(interaction.token))
    .map((c) => visibleText((c.body?.data ?? c.body) as Record<string, unknown> | undefined))
    .join('\n');
}

const refusal = (m: { msg: string }) => /refused|could not notify|could not post/.test(m.msg);

describe('Discord refusing a message after the action succeeded', () => {
  it('close: the results upload is refused, yet the poll message shows Closed and the person gets a short private note', async () => {
    const { poll, message } = await createPoll(alice, { title: 'Refused results', dates: '2026-12-11', time: '09:00-11:00' });
    const closing = click(admin, findButton(message, /Close/), message);
    // The results follow-up (with the heatmap) is refused; the note after it goes through.
    fake.failRequests({ method: 'POST', path: new RegExp(`^/webhooks/${APP_ID}/${closing.token}$`), status: 403, code: 50001, times: 1 });
    const response = await fake.interact(closing);
    expect(response.body?.type).toBe(InteractionResponseType.ChannelMessageWithSource);

    await fake.waitFor(() => visibleText(fake.messages.get(message.id)).includes('🔒 Closed'));
    expect((await world.engine.queries.getPoll(poll.id))?.status).toBe('closed');
    const note = await fake.waitFor(() => webhookPosts(closing)[1]);
    expect(note.body).toMatchObject({ flags: MessageFlags.Ephemeral });
    expect(String(note.body?.content)).toBe('⚠️ Done, but I could not post in this channel: the bot needs Send Messages, Embed Links and Attach Files here.');
    expect(webhookPosts(closing)).toHaveLength(2);
    expect(everythingSaid(closing)).not.toContain('Sorry');
    expect(world.problems.some(refusal)).toBe(true);
  });

  it('pick: the final-time post is refused, yet the poll message and the server event are made; the note is in Korean', async () => {
    const { poll, message } = await createPoll(alice, { title: 'Refused pick', dates: '2026-12-19', time: '10:00-12:00', slot: '60m' });
    await fake.interact(slash(bob, 'answer', { spec: '2026-12-19 10:00-11:00', code: poll.code }));
    const pick = slash({ ...alice, locale: 'ko' }, 'pick', { code: poll.code, choice: '1' });
    // The deferred public response cannot be filled in (the .ics upload is refused).
    fake.failRequests({ method: 'PATCH', path: new RegExp(`^/webhooks/${APP_ID}/${pick.token}/messages/@original$`), status: 403, code: 50013 });
    const response = await fake.interact(pick);
    expect(response.body?.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);

    const event = await fake.waitFor(() => [...fake.events.values()].find((e) => e.name === 'Refused pick'));
    expect(event.scheduled_start_time).toBe('2026-12-19T01:00:00.000Z');
    await fake.waitFor(() => visibleText(fake.messages.get(message.id)).includes('📌 Final time'));
    expect((await world.engine.queries.getPoll(poll.id))?.picked).toMatchObject({ firstSlot: 0 });

    const note = await fake.waitFor(() => webhookPosts(pick)[0]);
    expect(note.body).toMatchObject({ flags: MessageFlags.Ephemeral });
    expect(String(note.body?.content)).toBe('⚠️ 처리는 됐지만 이 채널에 메시지를 올리지 못했어요. 봇에게 메시지 보내기, 링크 첨부, 파일 첨부 권한이 필요해요.');
    // The public "thinking…" does not linger.
    await fake.waitFor(() => fake.original(pick)?.deleted);
    expect(webhookPosts(pick)).toHaveLength(1);
    expect(everythingSaid(pick)).not.toMatch(/Sorry|문제가/);
    expect(world.problems.some(refusal)).toBe(true);
  });

  it('the creator\'s "everyone answered" note is refused: logged, and the person answering sees only their saved answer', async () => {
    const { poll, message } = await createPoll(alice, { title: 'Refused duo', dates: '2026-12-17', time: '10:00-12:00', with: `<@${bob.id}>` });
    const stop = fake.failRequests({ method: 'POST', path: new RegExp(`^/channels/${alice.channelId}/messages$`), status: 403, code: 50001 });
    try {
      const answer = slash(bob, 'answer', { spec: '2026-12-17 10:00-11:00', code: poll.code });
      const response = await fake.interact(answer);
      expect(String((response.body?.data as Record<string, unknown>).content)).toContain('Saved your answer to “Refused duo”');
      await fake.waitFor(() => world.problems.find((p) => p.msg === 'could not notify another person'));
      await fake.waitFor(() => visibleText(fake.messages.get(message.id)).includes('1 of 1 answered'));
      expect((await world.store.participant(poll.id, bob.id))?.states).toBe('yy..');
      // No apology, nor any other follow-up, for an answer that was saved.
      expect(webhookPosts(answer)).toEqual([]);
      expect(world.problems.map((p) => p.level)).toEqual([40]);
    } finally {
      stop();
    }
  });

  it('a new poll whose message is refused is discarded, and the creator is told privately why', async () => {
    const create = slash(alice, 'create', { title: 'Nowhere to post', dates: '2026-12-20', time: '10:00-12:00' });
    fake.failRequests({ method: 'PATCH', path: new RegExp(`^/webhooks/${APP_ID}/${create.token}/messages/@original$`), status: 403, code: 50001 });
    const response = await fake.interact(create);
    expect(response.body?.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);

    const note = await fake.waitFor(() => webhookPosts(create)[0]);
    expect(note.body).toMatchObject({ flags: MessageFlags.Ephemeral });
    expect(String(note.body?.content)).toBe('⚠️ I could not post the poll in this channel, so no poll was made: the bot needs View Channel, Send Messages and Embed Links here.');
    await fake.waitFor(() => fake.original(create)?.deleted);
    expect((await world.store.listPolls(channel, ['open', 'closed'])).filter((p) => p.spec.title === 'Nowhere to post')).toEqual([]);
    expect((await world.store.listPolls(channel, ['deleted'])).filter((p) => p.spec.title === 'Nowhere to post')).toHaveLength(1);
    expect(everythingSaid(create)).not.toContain('Sorry');
    expect(world.problems.some(refusal)).toBe(true);
  });
});

describe('scheduler posts Discord refuses', () => {
  it('are thrown as DeliveryErrors: 403 refused, 404 permanent, a 500 as it was', async () => {
    const { poll } = await createPoll(alice, { title: 'Refused deadline', dates: '2026-12-21', time: '10:00-12:00' });
    const channelPosts = new RegExp(`^/channels/${alice.channelId}/messages$`);
    const view = noticeView('Reminder');
    fake.failRequests({ method: 'POST', path: channelPosts, status: 403, code: 50013, times: 1 });
    await expect(adapter.notifier.post(poll, view)).rejects.toMatchObject({ name: 'DeliveryError', kind: 'refused', code: 'DELIVERY_REFUSED', platformCode: '50013' });
    fake.failRequests({ method: 'POST', path: channelPosts, status: 404, code: 10003, times: 1 });
    await expect(adapter.notifier.post(poll, view)).rejects.toMatchObject({ kind: 'permanent', platformCode: '10003' });
    // @discordjs/rest tries a 5xx three more times before it gives up.
    fake.failRequests({ method: 'POST', path: channelPosts, status: 500, code: 0, times: 4 });
    const other = await adapter.notifier.post(poll, view).catch((err: unknown) => err);
    expect(other).toBeInstanceOf(Error);
    expect(other).not.toBeInstanceOf(DeliveryError);
  });
});
