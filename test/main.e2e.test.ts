/**
 * `npm start` as a user runs it, with Slack or Discord configured through the environment:
 * the composition root wires config, store, engine, adapters and the HTTP server, and a
 * command travels all the way to the (fake) platform and back.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from './discord/fake-discord.js';
import { APP_ID, BOT_TOKEN, alice, slash } from './discord/fixtures.js';
import { FakeSlack } from './slack/fake-slack.js';
import { BEN, SIGNING_SECRET, buttonPress, buttonsIn, commandBody, interactionBody, postSigned, slashCommand, waitFor } from './slack/support.js';
import { freePort, killBots, startBot, type BotProcess } from './support/bot-process.js';

const dir = mkdtempSync(join(tmpdir(), 'yakjeong-main-'));

/**
 * A date three weeks ahead of this process's clock (the real one, or the one `.ci/run` shifts
 * for every process), so a poll is never in the past whatever day the suite runs.
 */
const POLL_DATE = new Date(Date.now() + 21 * 86_400_000).toISOString().slice(0, 10);
const EN_WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** "Tue, Dec 1", as the bot writes a date in English. */
function en(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${EN_WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]}, ${EN_MONTHS[m - 1]} ${d}`;
}


afterAll(() => {
  killBots();
  rmSync(dir, { recursive: true, force: true });
});

function start(env: Record<string, string>): BotProcess {
  return startBot({ DATABASE_PATH: join(dir, `${Math.random().toString(36).slice(2)}.db`), LOG_LEVEL: 'warn', ...env });
}

describe('npm start with platform credentials', () => {
  it('serves Slack in HTTP mode: health check, a signed /yakjeong command, a clean stop', async () => {
    const fake = new FakeSlack();
    await fake.start();
    try {
      const port = await freePort();
      const bot = start({ SLACK_BOT_TOKEN: 'xoxb-test-bot', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.apiUrl, PORT: String(port), YAKJEONG_LOCALE: 'en' });
      const health = await waitFor(
        async () => {
          try {
            const res = await fetch(`http://127.0.0.1:${port}/healthz`);
            return res.ok ? ((await res.json()) as Record<string, unknown>) : undefined;
          } catch {
            return undefined;
          }
        },
        15_000,
        'the health check',
      );
      expect(health).toMatchObject({ ok: true });
      const reply = await postSigned(port, commandBody(slashCommand(fake, `create Lunch dates:${POLL_DATE} time:12:00-13:00 slot:30m`)));
      expect(reply.status).toBe(200);
      const posted = await waitFor(() => fake.callsTo('chat.postMessage').find((c) => JSON.stringify(c).includes('Lunch')), 10_000, 'the poll message');
      expect(JSON.stringify(posted)).toContain('Respond');
      // The poll's date, with its year only when that is not the bot's current year: so the bot
      // reads the same clock as this test (a shifted one too). Near New Year, either form counts.
      const year = POLL_DATE.slice(0, 4);
      const nearYears = new Set([-14, 14].map((h) => new Date(Date.now() + h * 3_600_000).toISOString().slice(0, 4)));
      const heading = (withYear: boolean) => JSON.stringify(`*Time poll*\n${en(POLL_DATE)}${withYear ? `, ${year}` : ''}`);
      const expected = nearYears.size > 1 ? [heading(false), heading(true)] : [heading(!nearYears.has(year))];
      const text = JSON.stringify(posted);
      expect(text).toContain(expected.find((h) => text.includes(h)) ?? expected[0]);
      const unsigned = await postSigned(port, commandBody(slashCommand(fake, 'list')), { secret: 'wrong' });
      expect(unsigned.status).toBe(401);
      bot.child.kill('SIGTERM');
      expect(await bot.exited).toBe(0);
    } finally {
      await fake.close();
    }
  });

  it('connects to Discord over the gateway and answers a command', async () => {
    const fake = await FakeDiscord.start({ botToken: BOT_TOKEN, applicationId: APP_ID });
    try {
      const bot = start({ DISCORD_TOKEN: BOT_TOKEN, DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: fake.apiUrl });
      await fake.waitFor(() => fake.identifies.length > 0, 15_000);
      const response = await fake.interact(slash(alice, 'help'), 10_000);
      expect(JSON.stringify(response.body)).toContain('/yakjeong create');
      bot.child.kill('SIGTERM');
      expect(await bot.exited).toBe(0);
    } finally {
      await fake.close();
    }
  });

  it('fits a load balancer: /healthz and /metrics (bearer token), and SIGTERM lets a slow click finish first', async () => {
    const fake = new FakeSlack();
    await fake.start();
    try {
      const port = await freePort();
      const token = 'scrape-token-0123456789abcdef';
      const bot = start({ SLACK_BOT_TOKEN: 'xoxb-test-bot', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.apiUrl, PORT: String(port), METRICS_TOKEN: token });
      await waitFor(() => fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false), 15_000, 'the health check');
      await postSigned(port, commandBody(slashCommand(fake, `create Drain dates:${POLL_DATE} time:12:00-13:00 slot:30m`)));
      const posted = await waitFor(() => fake.callsTo('chat.postMessage').find((c) => JSON.stringify(c).includes('Drain')), 10_000, 'the poll message');

      expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(401);
      const scrape = () => fetch(`http://127.0.0.1:${port}/metrics`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.text());
      const text = await waitFor(async () => {
        const t = await scrape();
        return t.includes('yakjeong_interactions_total{platform="slack",kind="command",outcome="ok"} 1') && t;
      }, 10_000, 'the command counted');
      expect(text).toMatch(/yakjeong_ack_seconds_count\{platform="slack",kind="command"\} 1/);
      expect(text).toContain('yakjeong_outbox_depth 0');
      expect(text).not.toContain(token);

      // A click whose users.info is slow is still running when SIGTERM comes: it is answered and its reply sent before exit.
      fake.delay('users.info', 1500);
      const respond = buttonsIn(posted.args.blocks).find((b) => /:respond$/.test(b.actionId))!.actionId;
      const click = postSigned(port, interactionBody(buttonPress(fake, respond, { user: BEN }, 'slow-click')));
      await waitFor(() => fake.callsTo('users.info').some((c) => c.args.user === BEN.id), 10_000, 'the click in flight');
      bot.child.kill('SIGTERM');
      expect((await click).status).toBe(200);
      expect(await bot.exited).toBe(0);
      expect(fake.responsesTo('slow-click')).toHaveLength(1);
    } finally {
      await fake.close();
    }
  });

  it('refuses a bad setting with a message that names it', async () => {
    const bot = start({ YAKJEONG_DEFAULT_TZ: 'Mars/Base' });
    expect(await bot.exited).toBe(1);
    expect(bot.output()).toContain('YAKJEONG_DEFAULT_TZ');
    expect(bot.output()).not.toMatch(/at .+\.ts:\d+/);
  });
});
