/**
 * What an operator's log shows when secrets pass through it: the fields named like a secret are
 * censored at any depth an SDK error nests them, the configured values are replaced in any form
 * (inside strings, base64, URL-encoded), and everything else stays readable.
 */
import { describe, expect, it } from 'vitest';
import { parseConfig, secretValues } from '../src/config.js';
import { buildLogger, redactSecretValues, withoutSecrets } from '../src/logger.js';

const BOT_TOKEN = 'xoxb-unit-4f1d9a7c2e';
const SIGNING_SECRET = 'signing-unit-8b3e6f0a91';
const DB_PASSWORD = 'db-unit-p@ss/5c7e';

function capture(): { lines: () => string; logger: ReturnType<typeof buildLogger> } {
  let out = '';
  const logger = buildLogger({ write: (s: string) => void (out += s) }, 'debug');
  return { lines: () => out, logger };
}

describe('the logger keeps secrets out', () => {
  const config = parseConfig({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    DATABASE_URL: `postgres://yak:${encodeURIComponent(DB_PASSWORD)}@db.example/yakjeong`,
  });
  redactSecretValues(secretValues(config));

  it('takes every secret from the configuration, the database password decoded', () => {
    expect(secretValues(config)).toEqual(expect.arrayContaining([BOT_TOKEN, SIGNING_SECRET, DB_PASSWORD]));
  });

  it('takes a database password given as a query parameter too', () => {
    const inQuery = parseConfig({ DATABASE_URL: `postgres://yak@db.example/yakjeong?password=${encodeURIComponent('query secret 42')}&sslmode=require` });
    expect(secretValues(inQuery)).toContain('query secret 42');
  });

  it('censors an HTTP client error that carries the request config and raw header block', () => {
    const { lines, logger } = capture();
    const original = Object.assign(new Error('Request failed with status code 500'), {
      config: { url: 'https://slack.com/api/chat.postMessage', headers: { Authorization: `Bearer ${BOT_TOKEN}` }, data: `token=${BOT_TOKEN}&channel=C1` },
      request: { _header: `POST /api/chat.postMessage HTTP/1.1\r\nAuthorization: Bearer ${BOT_TOKEN}\r\n` },
    });
    const err = Object.assign(new Error('An HTTP protocol error occurred: statusCode = 500'), { code: 'slack_webapi_http_error', original });
    logger.error({ err, channel: 'C1' }, 'chat.postMessage failed');
    const line = lines();
    expect(line).not.toContain(BOT_TOKEN);
    expect(line).toContain('[redacted]');
    // What the operator needs is still there.
    expect(line).toContain('slack_webapi_http_error');
    expect(line).toContain('statusCode = 500');
    expect(line).toContain('"channel":"C1"');
  });

  it('censors signature and authorization headers of incoming requests', () => {
    const { lines, logger } = capture();
    const signature = 'v0=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';
    logger.warn({ req: { headers: { 'x-slack-signature': signature, 'x-signature-ed25519': 'ab'.repeat(32), authorization: 'Basic abc' }, url: '/slack/events' } }, 'bad request');
    const line = lines();
    expect(line).not.toContain(signature);
    expect(line).not.toContain('ab'.repeat(32));
    expect(line).not.toContain('Basic abc');
    expect(line).toContain('/slack/events');
  });

  it('replaces configured values inside free text and in their encodings', () => {
    const { lines, logger } = capture();
    logger.debug(`http request headers: {"Authorization":"Bearer ${BOT_TOKEN}"}`);
    logger.debug(`signed with ${Buffer.from(SIGNING_SECRET).toString('base64')} / ${Buffer.from(SIGNING_SECRET).toString('base64url')}`);
    logger.debug(`url postgres://yak:${encodeURIComponent(DB_PASSWORD)}@db.example`);
    logger.debug({ note: `hex ${Buffer.from(BOT_TOKEN).toString('hex')}` }, 'hex');
    const text = lines();
    for (const secret of [BOT_TOKEN, SIGNING_SECRET, DB_PASSWORD]) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(Buffer.from(secret).toString('base64').replace(/=+$/, ''));
      expect(text).not.toContain(encodeURIComponent(secret));
      expect(text).not.toContain(Buffer.from(secret).toString('hex'));
    }
    expect(text.split('\n').filter(Boolean)).toHaveLength(4);
    expect(text).toContain('http request headers');
  });

  it('cleans text written around the logger too', () => {
    expect(withoutSecrets(`Cannot open postgres://yak:${DB_PASSWORD}@db`)).toBe('Cannot open postgres://yak:[redacted]@db');
  });
});
