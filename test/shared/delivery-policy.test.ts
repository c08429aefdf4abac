/**
 * The shared delivery policy (adapters/shared/delivery.ts), stated once and run on Slack and on
 * Discord, each through its real adapter against its fake platform. Each case waits for the
 * policy's end of delivery (or the apology) before saying what did not happen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discordHarness, slackHarness, type PlatformHarness } from './platforms.js';
import { waitFor } from '../slack/support.js';

describe.each([
  { platform: 'Slack', start: slackHarness },
  { platform: 'Discord', start: discordHarness },
])('the delivery policy on $platform', ({ start }) => {
  let p: PlatformHarness;

  beforeAll(async () => {
    p = await start();
  });

  afterAll(async () => {
    await p?.close();
  });

  it('a refused channel gets one private hint, not an apology', async () => {
    const poll = await p.createPoll('Refused results');
    const from = p.logs.entries.length;
    const results = await p.results(poll, { target: 'channel post', how: 'refused' });
    await results.delivered();
    expect(results.said()).toEqual([expect.stringMatching(p.words.channelRefused)]);
    expect(results.said().join('\n')).not.toMatch(p.words.apology);
    expect(p.logs.problems(from).map((e) => e.msg)).toEqual(['the channel refused a message']);
  });

  it('a new poll whose message is refused is discarded, and its creator hears why', async () => {
    const from = p.logs.entries.length;
    const create = await p.create('Nowhere to post', { target: 'poll post', how: 'refused' });
    await create.delivered();
    expect(create.said()).toEqual([expect.stringMatching(p.words.pollRefused)]);
    expect(await p.pollsTitled('Nowhere to post', ['open', 'closed'])).toEqual([]);
    expect(await p.pollsTitled('Nowhere to post', ['deleted'])).toHaveLength(1);
    expect(p.logs.problems(from).map((e) => e.msg)).toEqual(['the channel refused a new poll; poll discarded']);
  });

  it('a note for someone else that fails is only logged: the person acting sees their answer saved', async () => {
    const poll = await p.createPoll('Duo', { expectOther: true });
    const from = p.logs.entries.length;
    const answer = await p.answer(poll, { target: 'note', how: 'broken' });
    await answer.delivered();
    expect(answer.said()).toEqual([expect.stringMatching(p.words.saved)]);
    expect(p.logs.problems(from).map((e) => e.msg)).toEqual(['could not notify another person']);
    await waitFor(() => p.pollMessage(poll).includes('1 of 1 answered'), 5000, 'the poll message to count the answer');
  });

  it('the poll message and the calendar entry follow a pick whose post failed', async () => {
    const poll = await p.createPoll('Kickoff');
    await (await p.answer(poll)).delivered();
    const from = p.logs.entries.length;
    const pick = await p.pick(poll, { target: 'channel post', how: 'broken' });
    // Not a refusal: the person gets the apology, after the bookkeeping ran.
    await waitFor(() => pick.said().find((s) => p.words.apology.test(s)), 5000, 'the apology');
    expect(p.meetingRecorded(poll)).toBe(true);
    await waitFor(() => p.pollMessage(poll).includes('Final time'), 5000, 'the poll message to show the pick');
    expect((await p.engine.queries.getPoll(poll.id))?.picked).toMatchObject({ firstSlot: 0 });
    expect(p.logs.entries.slice(from).filter((e) => e.level >= 50).map((e) => e.msg)).toEqual(['interaction failed']);
  });

  it('a calendar entry that cannot be made leaves the pick standing', async () => {
    const poll = await p.createPoll('Bouldering');
    await (await p.answer(poll)).delivered();
    const from = p.logs.entries.length;
    const pick = await p.pick(poll, { target: 'calendar', how: 'refused' });
    await pick.delivered();
    expect(p.meetingRecorded(poll)).toBe(false);
    expect((await p.engine.queries.getPoll(poll.id))?.picked).toMatchObject({ firstSlot: 0 });
    await waitFor(() => p.pollMessage(poll).includes('Final time'), 5000, 'the poll message to show the pick');
    expect(p.logs.problems(from).map((e) => e.msg)).toEqual(['could not add the picked meeting to the platform calendar']);
    // Discord says so privately (someone can grant Create Events); Slack's reminder was never asked for.
    expect(pick.said()).toEqual(p.words.meetingNote ? [expect.stringMatching(p.words.meetingNote)] : []);
  });
});
