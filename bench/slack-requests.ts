/** Slack's side of the Slack benches: people, signed block_actions requests, and watching the fake's response_url posts. */
import { createHmac } from 'node:crypto';
import type { FakeSlack, ResponseUrlPost } from '../test/slack/fake-slack.js';

export const SECRET = 'bench-signing-secret';
export const TEAM = { id: 'T0ACME', domain: 'acme' };
export const CHANNEL = { id: 'C0STORM', name: 'storm' };
export const POLL_TS = '1800000000.000001';
export const GRID_TS = '1800000000.000002';

export const personId = (p: number) => `U0P${String(p).padStart(4, '0')}`;

/** A block_actions payload for one slot button on the person's own (ephemeral) grid. */
export function blockActions(userId: string, actionId: string, responseUrl: string, n: number): string {
  const payload = {
    type: 'block_actions',
    user: { id: userId, username: userId.toLowerCase(), name: userId.toLowerCase(), team_id: TEAM.id },
    api_app_id: 'A0BENCH',
    token: 'unused-verification-token',
    container: { type: 'message', message_ts: GRID_TS, channel_id: CHANNEL.id, is_ephemeral: true },
    trigger_id: `trigger-${userId}-${n}`,
    team: TEAM,
    enterprise: null,
    is_enterprise_install: false,
    channel: CHANNEL,
    state: { values: {} },
    response_url: responseUrl,
    actions: [{ action_id: actionId, block_id: 'grid', type: 'button', text: { type: 'plain_text', text: 'slot' }, action_ts: `${Math.floor(Date.now() / 1000)}.000100` }],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** Signed as Slack signs: HMAC-SHA256 of "v0:timestamp:body", with real time (the bot checks it). */
export function signed(body: string): Record<string, string> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': timestamp, 'x-slack-signature': signature };
}

/** Calls `seen` as the fake records each response_url post (the fake only keeps a list). */
export function watchResponses(fake: FakeSlack, seen: (post: ResponseUrlPost) => void): void {
  const list = fake.responses;
  const push = list.push.bind(list);
  list.push = (...posts: ResponseUrlPost[]) => {
    const length = push(...posts);
    posts.forEach(seen);
    return length;
  };
}
