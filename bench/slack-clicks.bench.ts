/**
 * slack-clicks: 200 people clicking slot buttons at once, as signed block_actions requests to the
 * real bot in Slack's HTTP mode (`node --import tsx src/main.ts`) with the fake Slack Web API on
 * loopback. A click is done when its updated grid reached the fake (the response_url post), not
 * at the ack. Against the do-nothing Bolt app's acks under the same load, launched the same way.
 */
import { createHmac } from 'node:crypto';
import { encodeAction } from '../src/core/actions.js';
import { FakeSlack, type ResponseUrlPost } from '../test/slack/fake-slack.js';
import { DONE_TIMEOUT_MS, PEOPLE, post, runClickBench, seedClickPoll, within } from './click-load.js';
import type { Bench } from './figure.js';
import { BENCH_ZONE } from './fixture.js';

const SECRET = 'bench-signing-secret';
const TEAM = { id: 'T0ACME', domain: 'acme' };
const CHANNEL = { id: 'C0STORM', name: 'storm' };
const POLL_TS = '1800000000.000001';
const GRID_TS = '1800000000.000002';

const personId = (p: number) => `U0P${String(p).padStart(4, '0')}`;

/** A block_actions payload for one slot button on the person's own (ephemeral) grid. */
function blockActions(userId: string, actionId: string, responseUrl: string, n: number): string {
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
function signed(body: string): Record<string, string> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': timestamp, 'x-slack-signature': signature };
}

/** Calls `seen` as the fake records each response_url post (the fake only keeps a list). */
function watchResponses(fake: FakeSlack, seen: (post: ResponseUrlPost) => void): void {
  const list = fake.responses;
  const push = list.push.bind(list);
  list.push = (...posts: ResponseUrlPost[]) => {
    const length = push(...posts);
    posts.forEach(seen);
    return length;
  };
}

export const slackClicksBench: Bench = {
  name: 'slack-clicks',
  figures: ['slack-clicks', 'slack-clicks-throughput', 'slack-clicks-lost'],
  async run(note) {
    const fake = new FakeSlack();
    await fake.start();
    const users = Array.from({ length: PEOPLE }, (_, p) => personId(p));
    for (const id of users) fake.addUser({ id, name: id.toLowerCase(), tz: BENCH_ZONE, locale: 'en-US' });
    fake.messages.set(`${CHANNEL.id}:${POLL_TS}`, { channel: CHANNEL.id, ts: POLL_TS, text: '', blocks: [] });
    const channel = { platform: 'slack' as const, workspaceId: TEAM.id, channelId: CHANNEL.id };
    const seeded = await seedClickPoll('slack-clicks', channel, { id: users[0]!, name: 'creator' }, `${CHANNEL.id}:${POLL_TS}`);
    const waiters = new Map<string, (post: ResponseUrlPost, at: number) => void>();
    watchResponses(fake, (post) => waiters.get(post.id)?.(post, performance.now()));
    try {
      return await runClickBench(
        {
          name: 'slack-clicks',
          baseline: { label: 'bolt baseline', script: 'bench/baselines/slack-app.ts' },
          env: { SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl, YAKJEONG_LOCALE: 'en', LOG_LEVEL: 'warn' },
          seeded,
          users,
          seed: 41,
          minThroughput: 0.3,
          async send(target, p, n, click) {
            const responseId = `${target.label}-${p}-${n}`;
            // Done is the grid replaced through the response_url; anything else posted there (an error) is not.
            const done = new Promise<number | null>((resolve) =>
              waiters.set(responseId, (posted, at) => resolve(posted.body.replace_original === true ? at : null)),
            );
            const body = blockActions(users[p]!, encodeAction({ verb: 'set', code: seeded.poll.code, ...click }), fake.responseUrl(responseId), n);
            const start = performance.now();
            const res = await post(target.agent, target.port, '/slack/events', signed(body), body);
            const ackMs = performance.now() - start;
            const at = target.bot && res.status === 200 ? await within(done, DONE_TIMEOUT_MS) : undefined;
            waiters.delete(responseId);
            return { status: res.status, ackMs, doneMs: at == null ? null : at - start };
          },
        },
        note,
      );
    } finally {
      await fake.close();
      seeded.scratch.dispose();
    }
  },
};
