/**
 * A button carries what it means, and each platform colours that meaning its own way: every
 * button a view builds has the intent of its verb (a slot's, the answer it shows), and Slack and
 * Discord show it as they always have, without reading the id.
 */
import { ButtonStyle } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { renderView } from '../../adapters/discord/render.js';
import { renderMessage } from '../../adapters/slack/blocks.js';
import { decodeAction, encodeAction, verbIntent, type Action, type Verb } from '../../src/core/actions.js';
import type { AdapterCapabilities, Button, ButtonIntent, Reply, View } from '../../src/core/views/reply.js';
import { makeKit, posts } from '../helpers.js';

/** Every verb a button can carry; `pickslots` names a select menu, never a button. */
const BUTTON_VERBS = {
  respond: true, results: true, close: true, closenow: true, reopen: true, deletenow: true, keep: true, pick: true,
  done: true, page: true, all: true, clear: true, copy: true, set: true, web: true, fill: true, fillsave: true, unblock: true,
} as const satisfies Record<Exclude<Verb, 'pickslots'>, true>;

/** What a button means, read from the verb and, for a slot, from the answer its label shows. */
function meaning(action: Action, label: string): ButtonIntent | undefined {
  switch (action.verb) {
    case 'respond':
    case 'done':
    case 'fillsave':
      return 'primary';
    case 'close':
    case 'closenow':
    case 'deletenow':
      return 'danger';
    case 'set':
      return label.endsWith('✅') ? 'free' : label.endsWith('🤔') ? 'maybe' : undefined;
    default:
      return undefined;
  }
}

type Meaning = ButtonIntent | 'neutral';

/** How each platform has always shown each meaning: Slack keeps if-needed plain (its 🤔 tells it apart). */
const LOOK: Record<Meaning, { slack: string | undefined; discord: ButtonStyle }> = {
  primary: { slack: 'primary', discord: ButtonStyle.Primary },
  danger: { slack: 'danger', discord: ButtonStyle.Danger },
  free: { slack: 'primary', discord: ButtonStyle.Success },
  maybe: { slack: undefined, discord: ButtonStyle.Primary },
  neutral: { slack: undefined, discord: ButtonStyle.Secondary },
};

/** Every view a poll shows with buttons: its message open and closed, grid pages, channel results, the everyone-answered note. */
async function viewsWithButtons(): Promise<View[]> {
  // Web links on, so the poll message carries its "Open the big grid" button.
  const kit = makeKit({ webLinks: { linkFor: () => 'https://yakjeong.example/w/K/t', inPollMessage: () => true } });
  const views: View[] = [];
  const keep = (replies: Reply[]) => views.push(...posts(replies));
  const host = kit.actor('host');
  // Rows of five, as on Discord, so every button is on both platforms; a page of four slots to page through.
  const caps: AdapterCapabilities = { maxSlotButtons: 20, maxButtonsPerRow: 5 };
  const paged: AdapterCapabilities = { maxSlotButtons: 4, maxButtonsPerRow: 5 };
  keep(await kit.engine.runText(host, '/yakjeong create Dinner dates:12/1-12/2 time:09:00-12:00 slot:30m with:@ann', caps));
  const poll = (await kit.store.listPolls(host.channel, ['open']))[0]!;
  const { code } = poll;
  const click = async (action: Action, on = caps) => keep(await kit.engine.click(host, encodeAction(action), on));
  await click({ verb: 'respond', code });
  await click({ verb: 'set', code, slot: 0, state: 'yes' });
  await click({ verb: 'set', code, slot: 1, state: 'yes' });
  await click({ verb: 'set', code, slot: 1, state: 'maybe' });
  await click({ verb: 'page', code, page: 1 }, paged);
  keep(await kit.engine.runText(kit.actor('ann'), '/yakjeong answer 12/1 09:00-11:00', caps));
  views.push((await kit.engine.queries.pollMessage(poll.id))!);
  keep(await kit.engine.runText(host, '/yakjeong results', caps));
  keep(await kit.engine.runText(host, '/yakjeong close', caps));
  views.push((await kit.engine.queries.pollMessage(poll.id))!);
  // The usual week's preview (Save) and a picked meeting's private notice (Undo).
  await kit.engine.runText(host, '/yakjeong usual set mon-sun 09:00-12:00', caps);
  keep(await kit.engine.runText(host, '/yakjeong create Lunch dates:12/1 time:09:00-12:00 slot:1h', caps));
  keep(await kit.engine.runText(host, '/yakjeong create Brunch dates:12/1 time:09:00-12:00 slot:1h', caps));
  const [brunch, lunch] = await kit.store.listPolls(host.channel, ['open']);
  await click({ verb: 'fill', code: lunch!.code, page: 0 });
  await click({ verb: 'fillsave', code: lunch!.code, page: 0 });
  await kit.engine.runText(host, `/yakjeong answer ${brunch!.code} 12/1 09:00-12:00`, caps);
  for (const reply of await kit.engine.runText(host, `/yakjeong pick ${lunch!.code} 1`, caps)) if (reply.type === 'direct') views.push(reply.view);
  // Delete asks first: Delete or Keep it.
  keep(await kit.engine.runText(host, `/yakjeong delete ${brunch!.code}`, caps));
  return views.filter((v) => v.buttons.some((row) => row.length > 0));
}

function slackStyles(view: View): Map<string, string | undefined> {
  const blocks = renderMessage(view).blocks as unknown as Array<{ type: string; elements?: Array<{ action_id?: string; style?: string }> }>;
  const elements = blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []);
  return new Map(elements.map((e) => [e.action_id!, e.style]));
}

function discordStyles(view: View): Map<string, ButtonStyle> {
  const rows = renderView(view).body.components ?? [];
  const buttons = rows.flatMap((row) => row.components).flatMap((c) => ('custom_id' in c && 'style' in c ? [c] : []));
  return new Map(buttons.map((b) => [b.custom_id, b.style]));
}

describe('button intents', () => {
  it('every button a view builds means what its verb means, and each platform shows that meaning as before', async () => {
    const views = await viewsWithButtons();
    const seen = new Set<string>();
    for (const view of views) {
      const slack = slackStyles(view);
      const discord = discordStyles(view);
      for (const button of view.buttons.flat()) {
        const action = decodeAction(button.id);
        expect(action, button.id).toBeDefined();
        const expected = meaning(action!, button.label);
        expect(button.intent, `${button.label} (${button.id})`).toBe(expected);
        if (action!.verb !== 'set') expect(button.intent).toBe(verbIntent(action!.verb));
        const look = LOOK[expected ?? 'neutral'];
        // Slack shows a closed grid's slots as text, so only the buttons it renders are checked there.
        if (slack.has(button.id)) expect(slack.get(button.id), `Slack: ${button.label}`).toBe(look.slack);
        expect(discord.get(button.id), `Discord: ${button.label}`).toBe(look.discord);
        seen.add(action!.verb === 'set' ? `set:${expected ?? 'neutral'}` : action!.verb);
      }
    }
    // The views above reach every button verb and every look a slot can have.
    const all = [...Object.keys(BUTTON_VERBS).filter((v) => v !== 'set'), 'set:free', 'set:maybe', 'set:neutral'];
    expect([...seen].sort()).toEqual(all.sort());
  });

  it('a renderer colours by intent alone: the same id means nothing to it', () => {
    const id = encodeAction({ verb: 'set', code: 'AB12', slot: 0, state: 'maybe' });
    const looks = (['free', 'maybe', undefined] as const).map((intent) => {
      const button: Button = { id, label: '09:00', ...(intent ? { intent } : {}) };
      const view: View = { role: 'grid', fallback: 'grid', blocks: [], buttons: [[button]] };
      return [slackStyles(view).get(id), discordStyles(view).get(id)];
    });
    expect(looks).toEqual([
      ['primary', ButtonStyle.Success],
      [undefined, ButtonStyle.Primary],
      [undefined, ButtonStyle.Secondary],
    ]);
  });
});
