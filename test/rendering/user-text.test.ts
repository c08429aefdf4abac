/**
 * User text is data on every platform: a title or a name holding the old mention marker, a
 * platform's own mention syntax or a channel-wide ping renders as inert text on Slack, Discord
 * and the console; only the people core mentions (answerers, expected people) are pinged.
 */
import { describe, expect, it } from 'vitest';
import { viewText } from '../../adapters/console/render.js';
import { renderView } from '../../adapters/discord/render.js';
import { attachmentComment } from '../../adapters/slack/messenger.js';
import { renderMessage } from '../../adapters/slack/blocks.js';
import type { View } from '../../src/core/views/reply.js';
import { CAPS, deleteAsked, makeKit, posts } from '../helpers.js';

const NASTY = '⟦u:U0EVE|eve⟧ ⟦u:100000000000000009|eve⟧ <@U0EVE> <@100000000000000009> @everyone @here <!channel> <!here> <!everyone>';

/** Ids as each platform writes them; the console takes any. */
const IDS = {
  slack: { host: 'U0HOST', ann: 'U0ANN', bob: 'U0BOB' },
  discord: { host: '100000000000000001', ann: '100000000000000002', bob: '100000000000000003' },
} as const;

/** Drives a poll through its life with a nasty title, a nasty host name and a nasty description; returns every view. */
async function nastyViews(ids: Record<'host' | 'ann' | 'bob', string>): Promise<View[]> {
  const kit = makeKit();
  const actor = (who: 'host' | 'ann' | 'bob') => kit.actor(who, { user: { id: ids[who], name: who === 'host' ? NASTY : who }, isAdmin: who === 'host' });
  const views: View[] = [];
  const run = async (who: 'host' | 'ann' | 'bob', text: string) => views.push(...posts(await kit.engine.runText(actor(who), text, CAPS)));
  await run('host', `/yakjeong create "Dinner ${NASTY}" dates:12/1-12/2 time:18:00-20:00 slot:1h deadline:3d with:<@${ids.ann}|ann> <@${ids.bob}|bob> must:<@${ids.ann}|ann> desc:${NASTY}`);
  const poll = (await kit.store.listPolls(actor('host').channel, ['open']))[0]!;
  expect(poll.spec.title).toContain(NASTY);
  await run('host', '/yakjeong answer 12/1 18:00-20:00');
  await run('ann', '/yakjeong answer 12/1 18:00-19:00');
  views.push((await kit.engine.scheduled.reminder(poll))!);
  views.push((await kit.engine.queries.pollMessage(poll.id))!);
  await run('host', '/yakjeong results');
  await run('host', '/yakjeong list');
  await run('host', '/yakjeong history');
  await run('host', '/yakjeong pick 1');
  await run('host', '/yakjeong reopen deadline:24h');
  await run('host', '/yakjeong close');
  views.push(await kit.engine.scheduled.deadlineAnnouncement(poll, false));
  views.push(...posts(await deleteAsked(kit, actor('host'), '/yakjeong delete')));
  return views;
}

/** Every mrkdwn text object in Block Kit blocks. */
function mrkdwnIn(blocks: unknown): string[] {
  if (Array.isArray(blocks)) return blocks.flatMap(mrkdwnIn);
  if (!blocks || typeof blocks !== 'object') return [];
  const node = blocks as Record<string, unknown>;
  const own = node.type === 'mrkdwn' && typeof node.text === 'string' ? [node.text] : [];
  return [...own, ...Object.values(node).flatMap(mrkdwnIn)];
}

describe('user text never pings anyone', () => {
  it('on Slack: escaped text, and mentions only of the people core names', async () => {
    const views = await nastyViews(IDS.slack);
    let mentioned = new Set<string>();
    for (const view of views) {
      const message = renderMessage(view);
      // mrkdwn is where Slack reads <!…> and <@…>; plain_text (headers, buttons) never pings.
      const out = [message.text, ...mrkdwnIn(message.blocks), attachmentComment(view)].join('\n');
      for (const special of out.match(/<![^^>]*[>^]/g) ?? []) expect(special).toBe('<!date^');
      mentioned = new Set([...mentioned, ...(out.match(/<@[^>]*>/g) ?? [])]);
    }
    // The typed forms are shown as they were typed.
    const shown = views.flatMap((v) => mrkdwnIn(renderMessage(v).blocks)).join('\n');
    expect(shown).toContain('⟦u:U0EVE|eve⟧ ⟦u:100000000000000009|eve⟧ &lt;@U0EVE&gt; &lt;@100000000000000009&gt; @everyone @here &lt;!channel&gt;');
    // Only the expected people (waiting, required), the answerers of a pick and the reminder's missing are mentioned.
    expect([...mentioned].sort()).toEqual(['<@U0ANN>', '<@U0BOB>', '<@U0HOST>']);
  });

  it('on Discord: markdown escaped, @everyone broken, mentions only of real people', async () => {
    const views = await nastyViews(IDS.discord);
    let mentioned = new Set<string>();
    const shown: string[] = [];
    for (const view of views) {
      const { body } = renderView(view);
      const texts = [body.content ?? '', ...(body.embeds ?? []).flatMap((e) => [e.title ?? '', e.description ?? '', ...(e.fields ?? []).flatMap((f) => [f.name, f.value])])];
      const here = new Set<string>();
      for (const text of texts) {
        expect(text).not.toMatch(/@(everyone|here)/);
        // An escaped "\<@…>" shows as text; only an unescaped one is a mention.
        for (const m of text.match(/(?<!\\)<@\d+>/g) ?? []) here.add(m);
      }
      // Only the people this message mentions may ping; nothing is parsed out of the text.
      expect(body.allowed_mentions?.parse).toEqual([]);
      expect([...(body.allowed_mentions?.users ?? [])].sort()).toEqual([...here].map((m) => m.slice(2, -1)).sort());
      mentioned = new Set([...mentioned, ...here]);
      shown.push(...texts);
    }
    expect(shown.join('\n')).toContain('⟦u:100000000000000009\\|eve⟧ \\<@U0EVE\\> \\<@100000000000000009\\> @\u200beveryone @\u200bhere \\<!channel\\>');
    expect([...mentioned].sort()).toEqual(['<@100000000000000001>', '<@100000000000000002>', '<@100000000000000003>']);
  });

  it('on the console: shown exactly as typed, not turned into a name', async () => {
    const views = await nastyViews({ host: 'host', ann: 'ann', bob: 'bob' });
    const text = views.map((v) => viewText(v, (ms) => new Date(ms).toISOString())).join('\n');
    expect(text).toContain(`Dinner ${NASTY}`);
    expect(text).not.toMatch(/@eve\b/);
  });
});
