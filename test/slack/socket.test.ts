/**
 * The Slack adapter in Socket Mode: the real Bolt Socket Mode client opens a connection
 * through a fake apps.connections.open, receives envelopes over a loopback WebSocket and
 * acknowledges each one; replies go out through the fake Web API and response_url.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Json } from './fake-slack.js';
import {
  ANA,
  BEN,
  blocksText,
  buttonPress,
  buttonsIn,
  channelOf,
  formValues,
  onlyPoll,
  slashCommand,
  startHarness,
  viewSubmission,
  waitFor,
  type Harness,
} from './support.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ mode: 'socket' });
});

afterAll(async () => {
  await h?.close();
});

describe('Slack Socket Mode', () => {
  it('connects with the app-level token and no public endpoint', async () => {
    const open = h.fake.callsTo('apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0]!.token).toBe('xapp-test-app');
    expect(h.fake.openSockets).toBe(1);
    // The bot token is what the App itself verified at start.
    expect(h.fake.callsTo('auth.test')[0]!.token).toBe('xoxb-test-bot');
    // Nothing is mounted on the shared HTTP server in this mode.
    const res = await fetch(`http://127.0.0.1:${h.port}/slack/events`, { method: 'POST', body: '' });
    expect(res.status).toBe(404);
  });

  it('acknowledges a slash command envelope and posts the poll', async () => {
    const channel = { id: 'C0SOCKET1', name: 'socket-1' };
    const fields = slashCommand(h.fake, 'create Retro dates:2026-12-01 time:14:00-16:00 slot:1h', { channel });
    const ack = await h.fake.sendEnvelope('slash_commands', fields);
    expect(ack.envelope_id).toMatch(/^env-/);
    // Acknowledged without a message of its own.
    expect(ack.payload ?? {}).toEqual({});

    const post = await waitFor(() => h.fake.callsTo('chat.postMessage').find((c) => c.args.channel === channel.id));
    expect(blocksText(post.args.blocks)).toContain('Retro');
    const ref = await waitFor(async () => (await onlyPoll(h.store, undefined, channel)).messageRef);
    expect(h.fake.messages.get(ref)?.channel).toBe(channel.id);
  });

  it('acknowledges button envelopes: Respond opens the grid, a click stores and replaces it', async () => {
    const channel = { id: 'C0SOCKET2', name: 'socket-2' };
    await h.fake.sendEnvelope('slash_commands', slashCommand(h.fake, 'create Lunch dates:2026-12-01 time:12:00-14:00 slot:1h', { channel }));
    const poll = await waitFor(async () => {
      const [found] = await h.store.listPolls(channelOf(undefined, channel), ['open']);
      return found?.messageRef ? found : undefined;
    });

    const respondAck = await h.fake.sendEnvelope('interactive', buttonPress(h.fake, `y1:${poll.code}:respond`, { channel, user: BEN }, 'sock-grid'));
    expect(respondAck.envelope_id).toMatch(/^env-/);
    const grid = await waitFor(() => h.fake.responsesTo('sock-grid')[0]);
    expect(grid.body.response_type).toBe('ephemeral');
    const slot = buttonsIn(grid.body.blocks).find((b) => b.actionId.endsWith(':set:1:y'));
    expect(slot?.label).toBe('23:00 ▫️'); // 13:00 in Seoul is 23:00 the day before in New York

    await h.fake.sendEnvelope('interactive', buttonPress(h.fake, slot!.actionId, { channel, user: BEN, ephemeral: true }, 'sock-click'));
    // Stored before the envelope was acknowledged.
    expect((await h.engine.queries.participants(poll)).map((p) => p.states)).toEqual(['.y']);
    const replaced = await waitFor(() => h.fake.responsesTo('sock-click')[0]);
    expect(replaced.body.replace_original).toBe(true);
  });

  it('answers a modal submission envelope with field errors in the acknowledgement', async () => {
    const channel = { id: 'C0SOCKET3', name: 'socket-3' };
    const metadata = JSON.stringify({ v: 1, c: channel.id });
    const bad = await h.fake.sendEnvelope('interactive', viewSubmission(formValues({ title: 'Trip', start: '2026-12-05', end: '2026-12-01', kind: 'date' }), metadata, { user: ANA }));
    expect(bad.payload).toMatchObject({ response_action: 'errors' });
    expect(Object.keys((bad.payload as Json).errors as Json)).toEqual(['date_end']);

    const good = await h.fake.sendEnvelope('interactive', viewSubmission(formValues({ title: 'Trip', start: '2026-12-01', end: '2026-12-05', kind: 'date' }), metadata, { user: ANA }));
    expect(good.payload ?? {}).toEqual({});
    await waitFor(() => h.fake.callsTo('chat.postMessage').find((c) => c.args.channel === channel.id));
    expect((await onlyPoll(h.store, undefined, channel)).spec.kind).toBe('date');
  });

  it('closes the connection on stop', async () => {
    expect(h.fake.openSockets).toBe(1);
    await h.adapter.stop();
    await waitFor(() => h.fake.openSockets === 0, 5000, 'the socket to close');
  });
});
