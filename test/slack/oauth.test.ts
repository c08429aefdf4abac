/**
 * Slack in many workspaces: Bolt's OAuth flow (/slack/install, /slack/oauth_redirect) against
 * the fake Slack's oauth.v2.access installs two workspaces; their installations live in the
 * shared store with the bot tokens sealed; each workspace's poll is posted with its own token;
 * app_uninstalled and tokens_revoked remove an installation, after which nothing is sent there;
 * Slack's retry of such an event (same event_id) is dropped.
 */
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { isDeliveryError } from '../../src/core/errors.js';
import { noticeView } from '../../src/core/views/notices.js';
import { INSTALLATION_RECORDS } from '../../adapters/slack/installations.js';
import { BEN, TEAM_A, TEAM_B, blocksText, channelOf, commandBody, postSigned, slashCommand, startHarness, waitFor, type Harness } from './support.js';

const SECRET_KEY = 'a1'.repeat(32);
const OAUTH = { clientId: 'client-id', clientSecret: 'client-secret', stateSecret: 'state-secret-0123456789', secretKey: SECRET_KEY };
const TOKENS = { [TEAM_A.id]: 'xoxb-acme-installed', [TEAM_B.id]: 'xoxb-rival-installed' };
let h: Harness;

const logs: Array<{ level: number; msg: string }> = [];
const replayedEvents = () => logs.filter((l) => l.msg === 'replayed Slack event ignored' && l.level === 20);

beforeAll(async () => {
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) logs.push(JSON.parse(line) as (typeof logs)[number]);
      done();
    },
  });
  h = await startHarness({ mode: 'http', oauth: OAUTH, logger: pino({ level: 'debug' }, sink) });
});

afterAll(async () => {
  await h?.close();
});

const base = () => `http://127.0.0.1:${h.port}`;

/** A workspace admin goes through the install flow: consent redirect, then Slack's return with a code. */
async function install(team: { id: string; domain: string }): Promise<Response> {
  const start = await fetch(`${base()}/slack/install`, { redirect: 'manual' });
  expect(start.status).toBe(302);
  const consent = new URL(start.headers.get('location')!);
  expect(consent.searchParams.get('client_id')).toBe(OAUTH.clientId);
  expect(consent.searchParams.get('scope')).toBe('commands,chat:write,chat:write.public,files:write,users:read,im:write');
  const state = consent.searchParams.get('state')!;
  const cookie = start.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const code = `code-${team.id}`;
  h.fake.installCodes.set(code, { teamId: team.id, teamName: team.domain, botToken: TOKENS[team.id]!, installer: BEN.id });
  return fetch(`${base()}/slack/oauth_redirect?code=${code}&state=${encodeURIComponent(state)}`, { headers: { cookie }, redirect: 'manual' });
}

async function pollPostedIn(team: { id: string; domain: string }, title: string) {
  const channel = { id: `C0${team.id.slice(2)}`, name: 'plans' };
  const res = await postSigned(h.port, commandBody(slashCommand(h.fake, `create ${title} dates:2026-12-01 time:09:00-11:00 slot:1h`, { team, channel })));
  expect(res.status).toBe(200);
  const post = await waitFor(() => h.fake.callsTo('chat.postMessage').find((c) => blocksText(c.args.blocks).includes(title)), 5000, `the ${title} poll`);
  const poll = await waitFor(async () => (await h.store.listPolls(channelOf(team, channel), ['open']))[0]?.messageRef && (await h.store.listPolls(channelOf(team, channel), ['open']))[0]);
  return { post, poll };
}

function event(team: { id: string }, payload: Record<string, unknown>): string {
  return JSON.stringify({ token: 'legacy', team_id: team.id, api_app_id: 'A_TEST', type: 'event_callback', event_id: `Ev${Math.random().toString(36).slice(2)}`, event_time: 1, event: payload });
}

describe('Slack OAuth installs', () => {
  it('installs two workspaces; the tokens are sealed at rest', async () => {
    for (const team of [TEAM_A, TEAM_B]) {
      const done = await install(team);
      expect(done.status).toBe(200);
      expect(await done.text()).toMatch(/Thank you|success/i);
    }
    const exchanges = h.fake.callsTo('oauth.v2.access');
    expect(exchanges.map((c) => c.args.code)).toEqual([`code-${TEAM_A.id}`, `code-${TEAM_B.id}`]);
    const sealed = await h.records.get(INSTALLATION_RECORDS, `team:${TEAM_A.id}`);
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain('xoxb-');
  });

  it('refuses a return from Slack without the state it began with', async () => {
    h.fake.installCodes.set('code-forged', { teamId: 'T0EVIL', teamName: 'evil', botToken: 'xoxb-evil', installer: BEN.id });
    const forged = await fetch(`${base()}/slack/oauth_redirect?code=code-forged&state=made-up`, { redirect: 'manual' });
    expect(forged.status).toBeGreaterThanOrEqual(400);
    expect(await h.records.get(INSTALLATION_RECORDS, 'team:T0EVIL')).toBeUndefined();
  });

  it('posts each workspace\'s poll with that workspace\'s bot token, the scheduler\'s notices too', async () => {
    const a = await pollPostedIn(TEAM_A, 'Acme lunch');
    const b = await pollPostedIn(TEAM_B, 'Rival lunch');
    expect(a.post.token).toBe(TOKENS[TEAM_A.id]);
    expect(b.post.token).toBe(TOKENS[TEAM_B.id]);
    // users.info for the person, too, asks their own workspace.
    expect(h.fake.callsTo('users.info').map((c) => c.token)).toEqual(expect.arrayContaining([TOKENS[TEAM_A.id], TOKENS[TEAM_B.id]]));
    await h.adapter.notifier.post(b.poll, noticeView('⏰ reminder'));
    expect(h.fake.callsTo('chat.postMessage').at(-1)?.token).toBe(TOKENS[TEAM_B.id]);
  });

  it('app_uninstalled removes one workspace: its posts fail for good, the other still works', async () => {
    const res = await postSigned(h.port, event(TEAM_A, { type: 'app_uninstalled', event_ts: '1.0' }), { json: true });
    expect(res.status).toBe(200);
    await waitFor(async () => (await h.records.get(INSTALLATION_RECORDS, `team:${TEAM_A.id}`)) === undefined, 5000, 'the installation removed');
    const [acme] = await h.store.listPolls(channelOf(TEAM_A, { id: `C0${TEAM_A.id.slice(2)}`, name: 'plans' }), ['open']);
    const failure = await h.adapter.notifier.post(acme!, noticeView('⏰ reminder')).then(() => undefined, (err: unknown) => err);
    expect(isDeliveryError(failure, 'permanent')).toBe(true);
    expect(await h.records.get(INSTALLATION_RECORDS, `team:${TEAM_B.id}`)).toBeDefined();
  });

  it('tokens_revoked for the bot removes that workspace too', async () => {
    const res = await postSigned(h.port, event(TEAM_B, { type: 'tokens_revoked', tokens: { bot: ['U0BOT'] }, event_ts: '2.0' }), { json: true });
    expect(res.status).toBe(200);
    await waitFor(async () => (await h.records.get(INSTALLATION_RECORDS, `team:${TEAM_B.id}`)) === undefined, 5000, 'the installation removed');
  });

  it('a retried app_uninstalled (same event_id, new signature) after a reinstall leaves the new installation', async () => {
    expect((await install(TEAM_A)).status).toBe(200);
    const uninstalled = event(TEAM_A, { type: 'app_uninstalled', event_ts: '3.0' });
    const signedAt = Math.floor(Date.now() / 1000);
    expect((await postSigned(h.port, uninstalled, { json: true, timestamp: signedAt })).status).toBe(200);
    await waitFor(async () => (await h.records.get(INSTALLATION_RECORDS, `team:${TEAM_A.id}`)) === undefined, 5000, 'the installation removed');
    expect((await install(TEAM_A)).status).toBe(200);

    // Slack retries a delivery it thinks failed: the same event, signed anew.
    expect((await postSigned(h.port, uninstalled, { json: true, timestamp: signedAt + 1 })).status).toBe(200);
    await waitFor(
      async () => replayedEvents().length === 1 || (await h.records.get(INSTALLATION_RECORDS, `team:${TEAM_A.id}`)) === undefined,
      5000,
      'the retry dropped or acted on',
    );
    expect(await h.records.get(INSTALLATION_RECORDS, `team:${TEAM_A.id}`)).toBeDefined();
    expect(replayedEvents()).toHaveLength(1);
  });
});

describe('Slack OAuth settings', () => {
  const oauthEnv = { SLACK_CLIENT_ID: '1.2', SLACK_CLIENT_SECRET: 'shh', SLACK_STATE_SECRET: 'state-secret-0123456789', SLACK_SIGNING_SECRET: 'sign', YAKJEONG_SECRET_KEY: SECRET_KEY };

  it('reads the three OAuth settings and the secret key, with no bot token', () => {
    expect(parseConfig(oauthEnv).slack).toEqual({
      oauth: { clientId: '1.2', clientSecret: 'shh', stateSecret: 'state-secret-0123456789', secretKey: SECRET_KEY },
      signingSecret: 'sign',
      meetingReminderMinutes: 10,
    });
  });

  it('refuses both a bot token and OAuth, saying which to keep', () => {
    expect(() => parseConfig({ ...oauthEnv, SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(/Keep SLACK_BOT_TOKEN to serve one workspace, or remove it/);
  });

  it('refuses OAuth without the secret key, half the settings, or Socket Mode; never echoing a secret', () => {
    const { YAKJEONG_SECRET_KEY: _key, ...withoutKey } = oauthEnv;
    expect(() => parseConfig(withoutKey)).toThrow(/YAKJEONG_SECRET_KEY is required with SLACK_CLIENT_ID.*openssl rand -hex 32/);
    expect(() => parseConfig({ ...oauthEnv, YAKJEONG_SECRET_KEY: 'short' })).toThrow(/YAKJEONG_SECRET_KEY: 32 bytes as 64 hex characters/);
    expect(() => parseConfig({ SLACK_CLIENT_ID: '1.2', SLACK_SIGNING_SECRET: 'sign', YAKJEONG_SECRET_KEY: SECRET_KEY })).toThrow(/also needs SLACK_CLIENT_SECRET, SLACK_STATE_SECRET/);
    expect(() => parseConfig({ ...oauthEnv, SLACK_APP_TOKEN: 'xapp-1' })).toThrow(/HTTP mode.*remove SLACK_APP_TOKEN/);
    try {
      parseConfig({ ...oauthEnv, SLACK_BOT_TOKEN: 'xoxb-1' });
    } catch (err) {
      expect(String(err)).not.toMatch(/shh|xoxb-1|state-secret/);
    }
  });
});
