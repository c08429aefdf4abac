/** A bot token Slack refuses stops the start with one line an operator can act on, not a stack of Bolt's. */
import { afterEach, describe, expect, it } from 'vitest';
import { FakeSlack } from './fake-slack.js';
import { startHarness } from './support.js';

const fakes: FakeSlack[] = [];
afterEach(async () => {
  for (const fake of fakes.splice(0)) await fake.close();
});

describe('a Slack bot token that Slack refuses', () => {
  it.each(['invalid_auth', 'token_revoked', 'account_inactive'])('fails the start naming SLACK_BOT_TOKEN and where to copy it (%s)', async (error) => {
    const fake = new FakeSlack();
    fakes.push(fake);
    await fake.start();
    fake.failNext('auth.test', error);
    const started = startHarness({ fake, mode: 'http' });
    await expect(started).rejects.toThrow(`Slack refused SLACK_BOT_TOKEN (${error}): copy the Bot User OAuth Token (xoxb-…) from your app's OAuth & Permissions page.`);
  });
});
