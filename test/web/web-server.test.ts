/**
 * The page server's HTTP manners, without a browser (the Slack harness with the page server on
 * its HTTP server): JSON or 415, HEAD wherever GET, a quiet favicon, zone changes limited like
 * saves, a live stream that ends when its link expires, and a save's notes for others (the
 * creator's "everyone answered") delivered as after a button press.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADA, ANA, BEN, blocksText, buttonsIn, channelOf } from '../slack/support.js';
import { linkFromGrid, startWebHarness, waitFor, type WebHarness } from './support.js';

let w: WebHarness;

beforeAll(async () => {
  // Three saves a second per person, so a burst over the limit is quick to make.
  w = await startWebHarness({ savesPerSecond: 3 });
}, 30_000);

afterAll(async () => {
  await w?.close();
});

async function storedStates(pollId: number, userId: string): Promise<string | undefined> {
  return (await w.h.store.participant(pollId, userId))?.states;
}

const json = { 'content-type': 'application/json' };

describe('the page server', () => {
  it('refuses a POST that is not JSON with 415, after the token check, and changes nothing', async () => {
    const { poll, channel } = await w.d.createPoll('Typed posts');
    const url = await linkFromGrid(w, poll.code, { channel, user: ANA });
    const body = JSON.stringify({ changes: [[0, 'y']] });
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/jsonp']) {
      const res = await fetch(`${url}/paint`, { method: 'POST', headers: { 'content-type': type }, body });
      expect(res.status, type).toBe(415);
      await expect(res.json()).resolves.toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    }
    // A bad link is refused as ever, whatever it sends: the 403 comes first.
    const bad = `${url.slice(0, -3)}AAA`;
    expect((await fetch(`${bad}/paint`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body })).status).toBe(403);
    expect(await storedStates(poll.id, ANA.id)).toBeUndefined();
    const ok = await fetch(`${url}/paint`, { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body });
    expect(ok.status).toBe(200);
    expect(await storedStates(poll.id, ANA.id)).toBe('y...');
  });

  it('answers HEAD wherever GET answers, with the same status and type and no body', async () => {
    const { poll, channel } = await w.d.createPoll('Heads');
    const url = await linkFromGrid(w, poll.code, { channel, user: ANA });
    const page = await (await fetch(url)).text();
    const script = /src="([^"]+app\.js[^"]*)"/.exec(page)![1]!;
    for (const path of [url, `${url}/state`, `${url}/events`, `${w.base}${script}`, `${url.slice(0, -3)}AAA`, `${w.base}/favicon.ico`]) {
      const head = await fetch(path, { method: 'HEAD' });
      const get = await fetch(path, { signal: AbortSignal.timeout(2000) });
      expect(head.status, path).toBe(get.status);
      expect(head.headers.get('content-type'), path).toBe(get.headers.get('content-type'));
      expect(await head.text(), path).toBe('');
      await get.body?.cancel();
    }
  });

  it('answers /favicon.ico with 204 and no body', async () => {
    for (const method of ['GET', 'HEAD']) {
      const res = await fetch(`${w.base}/favicon.ico`, { method });
      expect(res.status).toBe(204);
      expect(await res.text()).toBe('');
    }
  });

  it('limits zone changes like saves, per person', async () => {
    const { poll, channel } = await w.d.createPoll('Zones');
    // Ada saves nothing else here: her whole budget is left for the burst.
    const url = await linkFromGrid(w, poll.code, { channel, user: ADA });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${url}/zone`, { method: 'POST', headers: json, body: JSON.stringify({ zone: i % 2 ? 'Asia/Seoul' : 'Europe/Paris' }) });
      statuses.push(res.status);
      if (res.status === 429) await expect(res.json()).resolves.toMatchObject({ code: 'TOO_MANY_SAVES' });
    }
    expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
    expect(statuses.slice(3)).toEqual([429, 429]);
    await w.h.store.setUserPrefs('slack', ADA.id, {}, w.h.clock.now());
  });

  it('ends the live stream when the link expires, saying so', async () => {
    const { poll } = await w.d.createPoll('Expiring');
    const token = w.tokens.sign({
      platform: 'slack',
      workspaceId: poll.channel.workspaceId,
      userId: ANA.id,
      userName: ANA.name,
      pollId: poll.id,
      expiresAt: w.h.clock.now() + 400,
    });
    const started = performance.now();
    const res = await fetch(`${w.base}/w/${poll.code}/${token}/events`, { signal: AbortSignal.timeout(5000) });
    expect(res.status).toBe(200);
    // The whole stream: it has to end for text() to resolve.
    const text = await res.text();
    expect(text).toContain('event: expired');
    expect(performance.now() - started).toBeGreaterThanOrEqual(350);
  });

  it('tells the creator privately that everyone answered when the last missing answer comes from the page, as a button would', async () => {
    const channel = w.d.freshChannel();
    await w.d.command(`create Review dates:2026-12-01 time:09:00-11:00 slot:1h with:<@${BEN.id}|ben>`, { channel });
    const poll = await waitFor(async () => (await w.h.store.listPolls(channelOf(undefined, channel), ['open']))[0], 5000, 'the poll');
    expect(poll.spec.expected).toEqual([{ id: BEN.id, name: 'ben' }]);
    const url = await linkFromGrid(w, poll.code, { channel, user: BEN });
    const res = await fetch(`${url}/paint`, { method: 'POST', headers: json, body: JSON.stringify({ changes: [[0, 'y']] }) });
    expect(res.status).toBe(200);
    // The note a Slack button press gives: an ephemeral message to Ana in the poll's channel, with Close now.
    const note = await waitFor(() => w.h.fake.callsTo('chat.postEphemeral').find((c) => c.args.channel === channel.id), 5000, "the creator's note");
    expect(note.args.user).toBe(ANA.id);
    expect(blocksText(note.args.blocks)).toContain('Everyone you expected has answered');
    expect(buttonsIn(note.args.blocks).map((b) => b.actionId)).toEqual([`y1:${poll.code}:closenow`]);
    // A second stroke is not a first answer: no second note.
    await fetch(`${url}/paint`, { method: 'POST', headers: json, body: JSON.stringify({ changes: [[1, 'y']] }) });
    await new Promise((r) => setTimeout(r, 300));
    expect(w.h.fake.callsTo('chat.postEphemeral').filter((c) => c.args.channel === channel.id)).toHaveLength(1);
  });
});
