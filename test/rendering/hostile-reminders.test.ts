/**
 * A reminder with a hostile title and creator name, to more expected people than one message may
 * mention, posted by each platform's real notifier to its fake: it is split so that no message
 * mentions more than 50 people and nobody expected is skipped, nothing typed pings anyone, and on
 * Discord only the mentioned ids may ping (allowed_mentions).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/core/actor.js';
import { MAX_MENTIONS } from '../../src/core/views/lifecycle.js';
import { createWorld, startGateway, stopGateway, type GatewayEnv } from '../discord/fixtures.js';
import { startHarness, type Harness } from '../slack/support.js';
import { CAPS } from '../helpers.js';

const NASTY = '<!channel> <!here> <!everyone> @everyone @here <@U0EVE> <@100000000000000009> <#C0GEN> <@&200000000000000001> [x](https://evil.example) <https://evil.example|click>';
const EXPECTED = 120;

describe('a reminder to many people with a hostile title', () => {
  let slack: Harness | undefined;
  let discord: GatewayEnv | undefined;
  afterEach(async () => {
    await slack?.close();
    slack = undefined;
    await stopGateway(discord ?? {});
    discord = undefined;
  });

  it('on Slack: three messages of at most 50 mentions, everyone once, nothing typed pings', async () => {
    slack = await startHarness({ mode: 'http' });
    const ids = Array.from({ length: EXPECTED }, (_, i) => `U0P${String(i).padStart(3, '0')}`);
    const host: Actor = { channel: { platform: 'slack', workspaceId: 'T1', channelId: 'C0DIN' }, user: { id: 'U0HOST', name: NASTY }, isAdmin: false, locale: 'en' };
    await slack.engine.runText(host, `/yakjeong create "Dinner ${NASTY}" kind:date dates:12/1-12/3 deadline:3d remind:1h with:${ids.slice(0, 100).map((id) => `<@${id}>`).join(' ')} must:${ids.slice(100).map((id) => `<@${id}>`).join(' ')}`, CAPS);
    const poll = (await slack.store.listPolls(host.channel, ['open']))[0]!;
    const before = slack.fake.callsTo('chat.postMessage').length;
    await slack.adapter.notifier.post(poll, (await slack.engine.scheduled.reminder(poll))!);
    const posted = slack.fake.callsTo('chat.postMessage').slice(before);
    expect(posted).toHaveLength(Math.ceil(EXPECTED / MAX_MENTIONS));
    const everyone: string[] = [];
    for (const call of posted) {
      const args = call.args as { text?: string; blocks?: unknown };
      const out = `${args.text ?? ''}\n${JSON.stringify(args.blocks ?? [])}`;
      // Slack reads <!…>, <@…>, <#…> and <url|label> as markup: only core's mentions and dates may appear.
      for (const special of out.match(/<![^^>]*[>^]/g) ?? []) expect(special).toBe('<!date^');
      expect(out).not.toMatch(/<#C|<https?:|<@U0EVE>|<@U0HOST>/);
      const mentioned = [...new Set(out.match(/<@U0P\d{3}>/g) ?? [])];
      expect(mentioned.length).toBeLessThanOrEqual(MAX_MENTIONS);
      everyone.push(...mentioned);
    }
    expect(everyone.sort()).toEqual(ids.map((id) => `<@${id}>`).sort());
  });

  it('on Discord: three messages, allowed_mentions lists exactly the people each one mentions', async () => {
    discord = await startGateway(createWorld());
    const ids = Array.from({ length: EXPECTED }, (_, i) => `5000000000000${String(i).padStart(5, '0')}`);
    const host: Actor = { channel: { platform: 'discord', workspaceId: '300000000000000001', channelId: '400000000000000001' }, user: { id: '100000000000000001', name: NASTY }, isAdmin: false, locale: 'en' };
    const { engine, store } = discord.world;
    await engine.runText(host, `/yakjeong create "Dinner ${NASTY}" kind:date dates:12/1-12/3 deadline:3d remind:1h with:${ids.slice(0, 100).map((id) => `<@${id}>`).join(' ')} must:${ids.slice(100).map((id) => `<@${id}>`).join(' ')}`, CAPS);
    const poll = (await store.listPolls(host.channel, ['open']))[0]!;
    const before = discord.fake.calls.length;
    await discord.adapter.notifier.post(poll, (await engine.scheduled.reminder(poll))!);
    const posted = discord.fake.calls.slice(before).filter((c) => c.method === 'POST' && /\/channels\/\d+\/messages$/.test(c.path));
    expect(posted).toHaveLength(Math.ceil(EXPECTED / MAX_MENTIONS));
    const everyone: string[] = [];
    for (const call of posted) {
      const body = call.body as { content?: string; embeds?: unknown; allowed_mentions?: { parse?: string[]; users?: string[] } };
      const out = `${body.content ?? ''}\n${JSON.stringify(body.embeds ?? [])}`;
      expect(out).not.toMatch(/(?<!\\)@(everyone|here)|(?<!\\)<@&|(?<!\\)<#|(?<!\\)<@100000000000000009>|(?<!\\)\[x\]\(/);
      const mentioned = [...new Set((out.match(/(?<!\\)<@\d+>/g) ?? []).map((m) => m.slice(2, -1)))];
      expect(mentioned.length).toBeLessThanOrEqual(MAX_MENTIONS);
      expect(body.allowed_mentions).toEqual({ parse: [], users: mentioned });
      everyone.push(...mentioned);
    }
    expect(everyone.sort()).toEqual([...ids].sort());
  });
});
