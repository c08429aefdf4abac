/**
 * The grid's select-menu variant: adapters that declare `slotSelect` (Discord) get a long day
 * whole on one page as menus; everyone else keeps today's slot-button pages.
 */
import { describe, expect, it } from 'vitest';
import { decodeAction, encodeAction } from '../../src/core/actions.js';
import type { AdapterCapabilities, View } from '../../src/core/views/reply.js';
import { DISCORD_CAPABILITIES } from '../../adapters/discord/handler.js';
import { SLACK_CAPABILITIES } from '../../adapters/slack/index.js';
import { CONSOLE_CAPABILITIES } from '../../adapters/console/console-adapter.js';
import { CAPS, createPoll, makeKit, posts, textOf, type TestKit, errorCode } from '../helpers.js';

const DISCORD = DISCORD_CAPABILITIES;
const SLOT = /^\d\d:\d\d /;

async function openGrid(kit: TestKit, who: string, code: string, caps: AdapterCapabilities, page = 0): Promise<View> {
  const open = await kit.engine.click(kit.actor(who), encodeAction({ verb: 'respond', code }), caps);
  if (page === 0) return posts(open)[0]!;
  return posts(await kit.engine.click(kit.actor(who), encodeAction({ verb: 'page', code, page }), caps))[0]!;
}

function pageCount(view: View): number {
  const match = /Page \d+ of (\d+)/.exec(textOf(view));
  return match ? Number(match[1]) : 1;
}

/** Action rows a platform with one select per row would need: menus plus button rows. */
function rows(view: View): number {
  return (view.selects?.length ?? 0) + view.buttons.length;
}


/** The id of a grid's first slot menu of a poll. */
const menuOf = (code: string) => encodeAction({ verb: 'pickslots', code, page: 0, n: 0 });

describe('grid select menus (slotSelect)', () => {
  it('Discord declares select menus of 25 options, at most 3 beside the 2 control rows', () => {
    expect(DISCORD.slotSelect).toEqual({ maxOptions: 25, maxSelects: 3 });
    // Six controls in rows of five take two rows; three slot rows remain of Discord's five.
    expect(Math.ceil(DISCORD.maxSlotButtons / DISCORD.maxButtonsPerRow)).toBe(3);
  });

  it('a 09:00–18:00 day of 30-minute slots (18) is one page with one select of 18 options', async () => {
    const kit = makeKit();
    const code = await createPoll(kit, 'host', 'Workshop dates:12/1 time:09:00-18:00 slot:30m');
    const grid = await openGrid(kit, 'ann', code, DISCORD);
    expect(pageCount(grid)).toBe(1);
    expect(grid.selects).toHaveLength(1);
    const select = grid.selects![0]!;
    expect(decodeAction(select.id)).toEqual({ verb: 'pickslots', code, page: 0, n: 0 });
    expect(select.placeholder).toBe('Change 09:00 – 17:30');
    expect(select.disabled).toBeUndefined();
    expect(select.options).toHaveLength(18);
    expect(select.options[0]).toEqual({ value: encodeAction({ verb: 'set', code, slot: 0, state: 'yes' }), label: '09:00 ▫️ → ✅' });
    expect(select.options.at(-1)!.label).toBe('17:30 ▫️ → ✅');
    for (const [i, option] of select.options.entries()) {
      expect(decodeAction(option.value)).toEqual({ verb: 'set', code, slot: i, state: 'yes' });
      expect(option.value.length).toBeLessThanOrEqual(100);
    }
    // No slot buttons: only the controls, in one row.
    expect(grid.buttons.flat().filter((b) => SLOT.test(b.label))).toEqual([]);
    expect(grid.buttons.flat().map((b) => b.label)).toEqual(['All day', 'Clear', 'Done', '📆 Fill from my usual week']);
    expect(textOf(grid)).toContain('Each time you choose in a menu');
  });

  it('a 24-hour day of 15-minute slots (96) needs 4 menus, more than fit: split button pages as before', async () => {
    const kit = makeKit();
    const code = await createPoll(kit, 'host', 'Marathon dates:12/1 time:00:00-24:00 slot:15m');
    const grid = await openGrid(kit, 'ann', code, DISCORD);
    expect(grid.selects).toBeUndefined();
    expect(pageCount(grid)).toBe(7);
    expect(grid.buttons.flat().filter((b) => SLOT.test(b.label))).toHaveLength(15);
    expect(rows(grid)).toBeLessThanOrEqual(5);
    expect(grid.buttons.flat().map((b) => b.label)).toContain('Next ▶');
    // The same as without select menus at all.
    const plain = await openGrid(kit, 'ann', code, { maxSlotButtons: 15, maxButtonsPerRow: 5 });
    expect(grid).toEqual(plain);
  });

  it('even menus, never more than the slot rows: 28 slots → 14 + 14, 72 → three of 24, all within 5 rows', async () => {
    const kit = makeKit();
    const two = await createPoll(kit, 'host', 'Long dates:12/1-12/2 time:08:00-22:00 slot:30m');
    const grid = await openGrid(kit, 'ann', two, DISCORD);
    expect(grid.selects!.map((s) => s.options.length)).toEqual([14, 14]);
    expect(grid.selects!.map((s) => s.placeholder)).toEqual(['Change 08:00 – 14:30', 'Change 15:00 – 21:30']);
    expect(new Set(grid.selects!.map((s) => s.id)).size).toBe(2);
    expect(grid.buttons.flat().map((b) => b.label)).toEqual(['All day', 'Clear', 'Copy to every day', '◀ Previous', 'Next ▶', 'Done', '📆 Fill from my usual week']);
    expect(grid.buttons).toHaveLength(2);
    expect(pageCount(grid)).toBe(2);

    const three = await createPoll(kit, 'host', 'Longer dates:12/1-12/2 time:06:00-24:00 slot:15m');
    for (const page of [0, 1]) {
      const view = await openGrid(kit, 'ann', three, DISCORD, page);
      expect(view.selects!.map((s) => s.options.length)).toEqual([24, 24, 24]);
      expect(view.selects!.map((s) => decodeAction(s.id))).toEqual([0, 1, 2].map((n) => ({ verb: 'pickslots', code: three, page, n })));
      expect(rows(view)).toBe(5);
    }
  });

  it('Slack and console keep slot buttons: no select menus, same pages as before', async () => {
    const kit = makeKit();
    const day = await createPoll(kit, 'host', 'Workshop dates:12/1 time:09:00-18:00 slot:30m');
    const marathon = await createPoll(kit, 'host', 'Marathon dates:12/1 time:00:00-24:00 slot:15m');
    expect(SLACK_CAPABILITIES.slotSelect).toBeUndefined();
    expect(CONSOLE_CAPABILITIES.slotSelect).toBeUndefined();
    for (const caps of [SLACK_CAPABILITIES, CONSOLE_CAPABILITIES, CAPS]) {
      const grid = await openGrid(kit, 'ann', day, caps);
      expect(grid.selects).toBeUndefined();
      expect(grid.buttons.flat().filter((b) => SLOT.test(b.label))).toHaveLength(18);
      const long = await openGrid(kit, 'ann', marathon, caps);
      expect(long.selects).toBeUndefined();
      expect(pageCount(long)).toBe(Math.ceil(96 / caps.maxSlotButtons));
    }
  });

  it('a menu choice applies the chosen options in one transaction, returns one grid and a refresh; a repeat changes nothing', async () => {
    const kit = makeKit();
    const code = await createPoll(kit, 'host', 'Workshop dates:12/1 time:09:00-18:00 slot:30m');
    const ann = kit.actor('ann');
    const options = (await openGrid(kit, 'ann', code, DISCORD)).selects![0]!.options;
    const chosen = [options[0]!.value, options[3]!.value];
    const replies = await kit.engine.chooseFromMenu(ann, menuOf(code), chosen, DISCORD);
    expect(replies.map((r) => r.type)).toEqual(['replace', 'refresh-poll']);
    const poll = (await kit.store.findPollByCode(code))!;
    expect((await kit.store.participant(poll.id, 'ann'))!.states).toBe('y..y' + '.'.repeat(14));
    const history = await kit.store.history(poll.id, 10);
    expect(history).toHaveLength(1);
    expect(history[0]!.changes).toEqual([
      [0, 'no', 'yes'],
      [3, 'no', 'yes'],
    ]);
    // The new grid offers the next step for those two.
    const after = posts(replies)[0]!.selects![0]!.options;
    expect(after[0]!.label).toBe('09:00 ✅ → 🤔');
    expect(after[3]!.label).toBe('10:30 ✅ → 🤔');
    expect(decodeAction(after[0]!.value)).toEqual({ verb: 'set', code, slot: 0, state: 'maybe' });

    // The same submission again (a retry, a double submit): every value carries its state.
    await kit.engine.chooseFromMenu(ann, menuOf(code), chosen, DISCORD);
    expect((await kit.store.participant(poll.id, 'ann'))!.states).toBe('y..y' + '.'.repeat(14));
    expect(await kit.store.history(poll.id, 10)).toHaveLength(1);
  });

  it('a menu choice refuses anything but slot sets of the menu\'s poll, from a grid\'s slot menu', async () => {
    const kit = makeKit();
    const code = await createPoll(kit, 'host', 'A dates:12/1 time:09:00-18:00 slot:30m');
    const other = await createPoll(kit, 'host', 'B dates:12/1 time:09:00-18:00 slot:30m');
    const ann = kit.actor('ann');
    const set = (c: string, slot: number) => encodeAction({ verb: 'set', code: c, slot, state: 'yes' });
    for (const ids of [
      [],
      ['nonsense'],
      [set(code, 0), encodeAction({ verb: 'all', code, page: 0 })],
      [encodeAction({ verb: 'pickslots', code, page: 0, n: 0 })],
      [set(code, 0), set(other, 1)],
      [set(code, 18)],
    ]) {
      expect(await errorCode(kit.engine.chooseFromMenu(ann, menuOf(code), ids, DISCORD))).toBe('BAD_ACTION');
    }
    // Options of the right poll, but not from one of its slot menus.
    for (const menu of ['nonsense', set(code, 0), menuOf(other)]) {
      expect(await errorCode(kit.engine.chooseFromMenu(ann, menu, [set(code, 0)], DISCORD))).toBe('BAD_ACTION');
    }
    expect(await kit.store.participants((await kit.store.findPollByCode(code))!.id)).toEqual([]);
  });

  it('a select id decodes as the no-op container: it shows the page again and stores nothing', async () => {
    const kit = makeKit();
    const code = await createPoll(kit, 'host', 'Long dates:12/1-12/2 time:08:00-22:00 slot:30m');
    const id = encodeAction({ verb: 'pickslots', code, page: 1, n: 1 });
    expect(id).toBe(`y1:${code}:pickslots:1:1`);
    const replies = await kit.engine.click(kit.actor('ann'), id, DISCORD);
    expect(replies.map((r) => r.type)).toEqual(['replace']);
    expect(textOf(posts(replies)[0]!)).toContain('Page 2 of 2');
    expect(await kit.store.participants((await kit.store.findPollByCode(code))!.id)).toEqual([]);
    expect(decodeAction(`y1:${code}:pickslots:1`)).toBeUndefined();
    expect(decodeAction(`y1:${code}:pickslots:x:1`)).toBeUndefined();
  });

  it('All day, Clear and Copy still act on whole days of a select page', async () => {
    const kit = makeKit();
    const code = await createPoll(kit, 'host', 'Long dates:12/1-12/2 time:08:00-22:00 slot:30m');
    const ann = kit.actor('ann');
    await kit.engine.click(ann, encodeAction({ verb: 'all', code, page: 0 }), DISCORD);
    await kit.engine.chooseFromMenu(ann, menuOf(code), [encodeAction({ verb: 'set', code, slot: 1, state: 'maybe' })], DISCORD);
    await kit.engine.click(ann, encodeAction({ verb: 'copy', code, page: 0 }), DISCORD);
    const poll = (await kit.store.findPollByCode(code))!;
    const day = 'ym' + 'y'.repeat(26);
    expect((await kit.store.participant(poll.id, 'ann'))!.states).toBe(day + day);
    const replies = await kit.engine.click(ann, encodeAction({ verb: 'clear', code, page: 1 }), DISCORD);
    expect((await kit.store.participant(poll.id, 'ann'))!.states).toBe(day + '.'.repeat(28));
    expect(textOf(posts(replies)[0]!)).toContain('Page 2 of 2');
  });

  it('a closed poll shows its menus disabled', async () => {
    const kit = makeKit();
    const code = await createPoll(kit, 'host', 'Workshop dates:12/1 time:09:00-18:00 slot:30m');
    await kit.engine.runText(kit.actor('host'), `/yakjeong close ${code}`, CAPS);
    const grid = await openGrid(kit, 'ann', code, DISCORD);
    expect(grid.selects![0]!.disabled).toBe(true);
    expect(grid.buttons.flat().map((b) => b.label)).toEqual(['Done']);
    expect(await errorCode(kit.engine.chooseFromMenu(kit.actor('ann'), grid.selects![0]!.id, [grid.selects![0]!.options[0]!.value], DISCORD))).toBe('POLL_CLOSED');
  });

  it('names the viewer\'s date on each option when their zone spreads the day over two dates', async () => {
    const kit = makeKit();
    const code = await createPoll(kit, 'host', 'Workshop dates:12/1 time:09:00-18:00 slot:30m tz:Asia/Seoul');
    const grid = await openGrid(kit, 'ann', code, DISCORD);
    expect(grid.selects![0]!.options.every((o) => o.description === undefined)).toBe(true);
    const open = await kit.engine.click(kit.actor('la', { platformTimezone: 'America/Los_Angeles' }), encodeAction({ verb: 'respond', code }), DISCORD);
    const options = posts(open)[0]!.selects![0]!.options;
    // 09:00 in Seoul is 16:00 the day before in Los Angeles; 17:30 is 00:30 on Dec 1.
    expect(options[0]).toMatchObject({ label: '16:00 ▫️ → ✅', description: expect.stringContaining('Nov 30') });
    expect(options.at(-1)).toMatchObject({ label: '00:30 ▫️ → ✅', description: expect.stringContaining('Dec 1') });
  });
});
