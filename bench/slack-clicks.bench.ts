/**
 * slack-clicks: 200 people clicking slot buttons at once, as signed block_actions requests to the
 * real bot in Slack's HTTP mode (`node --import tsx src/main.ts`) with the fake Slack Web API on
 * loopback. A click is done when its updated grid reached the fake (the response_url post), not
 * at the ack. Against the do-nothing Bolt app's acks under the same load, launched the same way.
 */
import { encodeAction } from '../src/core/actions.js';
import { FakeSlack, type ResponseUrlPost } from '../test/slack/fake-slack.js';
import { blockActions, CHANNEL, personId, POLL_TS, SECRET, signed, TEAM, watchResponses } from './slack-requests.js';
import { DONE_TIMEOUT_MS, PEOPLE, post, runClickBench, seedClickPoll, within } from './click-load.js';
import type { Bench } from './figure.js';
import { BENCH_ZONE } from './fixture.js';

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
