/**
 * The bot as an operator runs it (Slack over HTTP, Discord over the gateway and the interactions
 * endpoint, LOG_LEVEL=debug), with distinctive secrets, put through the errors that log the most:
 * bad signatures, platform calls failing with 500, a bad setting and an unreachable database at
 * start. Nothing it logged, answered or posted holds a secret in any obvious encoding.
 */
import { generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIInteraction } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from './discord/fake-discord.js';
import { APP_ID, alice, slash } from './discord/fixtures.js';
import { FakeSlack } from './slack/fake-slack.js';
import { ANA, commandBody, postSigned, slashCommand, waitFor } from './slack/support.js';
import { freePort, killBots, startBot, type BotProcess } from './support/bot-process.js';
import { createTestDatabase, pgAvailableForTests, type TestDatabase } from './support/pg-test-database.js';

const SLACK_BOT_TOKEN = 'xoxb-4242-LEAKCHECK-slackbot-9a8b7c6d';
const SLACK_SIGNING_SECRET = 'LEAKCHECK-signing-3d2c1b0a9f8e';
const DISCORD_TOKEN = 'MTAxLEAKCHECK.discord-token.5e6f7a8b9c';
const DB_PASSWORD = 'LEAKCHECK-pg-Pass-7731';
const keys = generateKeyPairSync('ed25519');
const PUBLIC_KEY = keys.publicKey.export({ format: 'der', type: 'spki' }).subarray(12).toString('hex');
const PRIVATE_KEY = keys.privateKey.export({ format: 'der', type: 'pkcs8' }).subarray(16).toString('hex');
const SECRETS = { SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, DISCORD_TOKEN, DB_PASSWORD, PRIVATE_KEY };

/** Each secret as it could be written: as is, base64 (with or without padding), base64url, hex, URL-encoded. */
function forms(secret: string): string[] {
  const bytes = Buffer.from(secret);
  return [secret, bytes.toString('base64').replace(/=+$/, ''), bytes.toString('base64url'), bytes.toString('hex'), encodeURIComponent(secret)];
}

function leaks(text: string): string[] {
  return Object.entries(SECRETS).flatMap(([name, secret]) => forms(secret).filter((f) => text.includes(f)).map((f) => `${name} as ${f}`));
}

const dir = mkdtempSync(join(tmpdir(), 'yakjeong-secrets-'));
const POLL_DATE = new Date(Date.now() + 21 * 86_400_000).toISOString().slice(0, 10);
let pgDatabase: TestDatabase | undefined;

beforeAll(async () => {
  if (await pgAvailableForTests()) pgDatabase = await createTestDatabase('secrets');
});

afterAll(async () => {
  killBots();
  await pgDatabase?.drop();
  rmSync(dir, { recursive: true, force: true });
});

function start(env: Record<string, string>): BotProcess {
  return startBot({ LOG_LEVEL: 'debug', YAKJEONG_LOCALE: 'en', ...env });
}

/** A database URL carrying the password: PostgreSQL when it runs here (trust auth ignores it), else nothing. */
function databaseEnv(): Record<string, string> {
  if (!pgDatabase) return { DATABASE_PATH: join(dir, 'bot.db') };
  const url = new URL(pgDatabase.url);
  url.username = 'postgres';
  url.password = DB_PASSWORD;
  return { DATABASE_URL: url.toString() };
}

async function postDiscord(port: number, interaction: APIInteraction, key = keys.privateKey): Promise<{ status: number; text: string }> {
  const body = JSON.stringify(interaction);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = sign(null, Buffer.from(timestamp + body), key).toString('hex');
  const res = await fetch(`http://127.0.0.1:${port}/discord/interactions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp },
    body,
  });
  return { status: res.status, text: await res.text() };
}

describe('secrets never reach logs, replies or error text', () => {
  it('a running bot at debug level, through bad signatures and platform failures', async () => {
    const slack = new FakeSlack();
    await slack.start();
    slack.addUser({ id: ANA.id, name: ANA.name, tz: 'Asia/Seoul', locale: 'en-US' });
    const discord = await FakeDiscord.start({ botToken: DISCORD_TOKEN, applicationId: APP_ID });
    const replies: string[] = [];
    try {
      const port = await freePort();
      const bot = start({
        ...databaseEnv(),
        PORT: String(port),
        SLACK_BOT_TOKEN,
        SLACK_SIGNING_SECRET,
        SLACK_API_URL: slack.apiUrl,
        DISCORD_TOKEN,
        DISCORD_APPLICATION_ID: APP_ID,
        DISCORD_PUBLIC_KEY: PUBLIC_KEY,
        // Both Discord ways at once: the gateway (off by default beside a public key) and HTTP interactions.
        DISCORD_GATEWAY: 'on',
        DISCORD_API_URL: discord.apiUrl,
      });
      const health = await waitFor(
        async () => {
          try {
            const res = await fetch(`http://127.0.0.1:${port}/healthz`);
            return res.ok ? await res.text() : undefined;
          } catch {
            return undefined;
          }
        },
        20_000,
        'the health check',
      );
      replies.push(health);
      await discord.waitFor(() => discord.identifies.length > 0, 15_000);

      // Slack: a poll, a forged request, and a poll whose message Slack refuses with a 500.
      const created = await postSigned(port, commandBody(slashCommand(slack, `create Lunch dates:${POLL_DATE} time:12:00-13:00 slot:30m`)), { secret: SLACK_SIGNING_SECRET });
      replies.push(created.text);
      expect(created.status).toBe(200);
      await waitFor(() => slack.callsTo('chat.postMessage').find((c) => JSON.stringify(c.args).includes('Lunch')), 10_000, 'the poll message');
      const forged = await postSigned(port, commandBody(slashCommand(slack, 'list')), { secret: 'not-the-secret' });
      replies.push(forged.text);
      expect(forged.status).toBe(401);
      // A 500 from Slack: the Web API client retries it, and the poll message goes out.
      slack.failHttpNext('chat.postMessage', 500);
      replies.push((await postSigned(port, commandBody(slashCommand(slack, `create Dinner dates:${POLL_DATE} time:18:00-20:00 slot:1h`)), { secret: SLACK_SIGNING_SECRET })).text);
      await waitFor(() => slack.callsTo('chat.postMessage').find((c) => JSON.stringify(c.args).includes('Dinner')) && slack.callsTo('chat.postMessage').length >= 3, 15_000, 'the retried poll message');
      // A refusal no retry cures: the poll is discarded and the person is told.
      slack.failNext('chat.postMessage', 'fatal_error');
      replies.push((await postSigned(port, commandBody(slashCommand(slack, `create Brunch dates:${POLL_DATE} time:10:00-12:00 slot:1h`, {}, 'brunch')), { secret: SLACK_SIGNING_SECRET })).text);
      await waitFor(() => slack.responsesTo('brunch').length > 0, 10_000, 'the apology for the refused poll');

      // Discord over HTTP: a command, a forged one; over the gateway: a reply Discord fails with 500.
      const helped = await postDiscord(port, slash(alice, 'help'));
      replies.push(helped.text);
      expect(helped.status).toBe(200);
      const forgedDiscord = await postDiscord(port, slash(alice, 'help'), generateKeyPairSync('ed25519').privateKey);
      replies.push(forgedDiscord.text);
      expect(forgedDiscord.status).toBe(401);
      discord.failRequests({ method: 'POST', path: /\/callback$/, status: 500, code: 0, message: '500: Internal Server Error' });
      const failing = slash(alice, 'help');
      await discord.interact(failing, 10_000);
      // discord.js retries a 500 before it gives up and the bot logs the failure.
      await waitFor(() => /"level":50/.test(bot.output()), 20_000, 'the logged failure');

      bot.child.kill('SIGTERM');
      expect(await bot.exited).toBe(0);
      const logged = bot.output();
      // The scan means something: debug lines were written, the secrets were in use, the errors were logged.
      expect(logged).toContain('"level":20');
      expect(slack.calls.some((c) => c.token === SLACK_BOT_TOKEN)).toBe(true);
      expect(discord.calls.some((c) => c.authorization === `Bot ${DISCORD_TOKEN}`)).toBe(true);
      expect(leaks(logged)).toEqual([]);

      const posted = JSON.stringify({
        // A Web API call's `token` argument is the credential itself, sent where it belongs; the rest is content.
        slackCalls: slack.calls.map((c) => ({ method: c.method, args: { ...c.args, token: undefined } })),
        responses: slack.responses,
        messages: [...slack.messages.values()],
        discordCalls: discord.calls.map((c) => ({ method: c.method, path: c.path, body: c.body, files: c.files.map((f) => f.name) })),
        discordMessages: [...discord.messages.values()].map((m) => ({ ...m, files: Object.keys(m.files) })),
      });
      expect(leaks(replies.join('\n'))).toEqual([]);
      expect(leaks(posted)).toEqual([]);
    } finally {
      await slack.close();
      await discord.close();
    }
  }, 90_000);

  it('a bad setting at start names the setting, not the secrets beside it', async () => {
    const bot = start({ ...databaseEnv(), SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, DISCORD_TOKEN, DISCORD_APPLICATION_ID: APP_ID, DISCORD_PUBLIC_KEY: `${PRIVATE_KEY.slice(0, 20)}-not-hex`, PORT: '0' });
    expect(await bot.exited).toBe(1);
    expect(bot.output()).toContain('DISCORD_PUBLIC_KEY');
    expect(leaks(bot.output())).toEqual([]);
  });

  it('a database that cannot be opened is named without its password', async () => {
    // Nothing listens on port 1: the connection is refused whether or not PostgreSQL runs here.
    const bot = start({ DATABASE_URL: `postgres://postgres:${DB_PASSWORD}@127.0.0.1:1/yakjeong`, SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, PORT: '0' });
    expect(await bot.exited).toBe(1);
    expect(bot.output()).toContain('postgres://postgres@127.0.0.1:1/yakjeong');
    expect(leaks(bot.output())).toEqual([]);
  });

  it('a database password too short to search for by value is still kept out of the debug configuration', async () => {
    const bot = start({ DATABASE_URL: 'postgres://postgres:pw9@127.0.0.1:1/yakjeong?password=pw9', SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, PORT: '0' });
    expect(await bot.exited).toBe(1);
    expect(bot.output()).toContain('"configuration"');
    expect(bot.output()).not.toContain('pw9');
  });
});
