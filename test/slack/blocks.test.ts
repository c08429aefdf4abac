/** Block Kit rendering of neutral views: Slack's text rules and limits. */
import { describe, expect, it } from 'vitest';
import { LIMITS, renderMessage } from '../../adapters/slack/blocks.js';
import { encodeAction } from '../../src/core/actions.js';
import { bold, link, localTime, mention, rich } from '../../src/core/views/rich.js';
import type { Button, View } from '../../src/core/views/reply.js';

type Json = Record<string, unknown>;

function view(partial: Partial<View>): View {
  return { role: 'notice', fallback: 'fallback', blocks: [], buttons: [], ...partial };
}

const blocksOf = (v: View) => renderMessage(v).blocks as unknown as Json[];

describe('Block Kit rendering', () => {
  it('escapes what people typed, so a title cannot ping the channel, but renders dates and mentions', () => {
    const instant = Date.UTC(2026, 11, 1, 0, 0);
    const v = view({
      fallback: 'Tom & Jerry <!channel>',
      blocks: [
        { type: 'text', text: rich`${bold('Tom & Jerry <!channel>')} at ${localTime(instant)} with ${mention({ id: 'U0ANA', name: 'ana' })}` },
        { type: 'context', text: rich`${mention({ id: 'bob', name: 'bob' })} <https://evil|click>` },
      ],
    });
    const message = renderMessage(v);
    // Notifications show the first line as mrkdwn: times in each reader's zone, mentions as in the body.
    expect(message.text).toBe('*Tom &amp; Jerry &lt;!channel&gt;* at <!date^1796083200^{date_short_pretty} {time}|2026-12-01 00:00 UTC> with <@U0ANA>');
    const [section, context] = message.blocks as unknown as Json[];
    expect((section!.text as Json).text).toBe(
      '*Tom &amp; Jerry &lt;!channel&gt;* at <!date^1796083200^{date_short_pretty} {time}|2026-12-01 00:00 UTC> with <@U0ANA>',
    );
    // A console-style id is not a Slack user: shown as text, never as a broken mention.
    // A typed "<url|label>" stays visible text: only core's link spans become links.
    expect(((context!.elements as Json[])[0]!).text).toBe('@bob &lt;https://evil|click&gt;');
  });

  it('turns link spans into links, keeping their & escaped as Slack requires', () => {
    const url = 'https://calendar.google.com/calendar/render?action=TEMPLATE&text=Tom+%26+Jerry';
    const [context] = blocksOf(view({ blocks: [{ type: 'context', text: rich`📅 Add to Google Calendar: ${link(url)} & more` }] }));
    expect(((context!.elements as Json[])[0]!).text).toBe(
      '📅 Add to Google Calendar: <https://calendar.google.com/calendar/render?action=TEMPLATE&amp;text=Tom+%26+Jerry> &amp; more',
    );
  });

  it("shows a closed grid's answers as text, since Slack buttons cannot be disabled", () => {
    const slots: Button[] = [
      { id: encodeAction({ verb: 'set', code: 'AB12', slot: 0, state: 'maybe' }), label: '09:00 ✅', disabled: true },
      { id: encodeAction({ verb: 'set', code: 'AB12', slot: 1, state: 'yes' }), label: '09:30 ▫️', disabled: true },
    ];
    const controls: Button[] = [
      { id: encodeAction({ verb: 'page', code: 'AB12', page: 0 }), label: '◀ Previous', disabled: true },
      { id: encodeAction({ verb: 'page', code: 'AB12', page: 1 }), label: 'Next ▶' },
    ];
    const blocks = blocksOf(view({ buttons: [slots, controls] }));
    expect(blocks[0]).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: '09:00 ✅   09:30 ▫️' }] });
    expect(blocks[1]!.type).toBe('actions');
    expect((blocks[1]!.elements as Json[]).map((e) => e.action_id)).toEqual(['y1:AB12:page:1']);
    expect(blocks.some((b) => JSON.stringify(b).includes('"disabled"'))).toBe(false);
  });

  it('colours free slots green, leaves if-needed plain, keeps danger red, from the intent alone', () => {
    // Ids that decode to nothing: the colour comes from what the button means, never its id.
    const buttons: Button[] = [
      { id: 'a', label: 'yes', intent: 'free' },
      { id: 'b', label: 'maybe', intent: 'maybe' },
      { id: 'c', label: 'Respond', intent: 'primary' },
      { id: 'd', label: 'Close', intent: 'danger' },
      { id: 'e', label: 'Results' },
    ];
    const [actions] = blocksOf(view({ buttons: [buttons] }));
    expect((actions!.elements as Json[]).map((e) => e.style)).toEqual(['primary', undefined, 'primary', 'danger', undefined]);
  });

  it("keeps within Slack's limits however large the view", () => {
    const row: Button[] = Array.from({ length: 60 }, (_, i) => ({ id: `y1:AB12:set:${i}:y`, label: `${'x'.repeat(100)} ${i}` }));
    // A repeated id (Slack rejects duplicates in one message).
    row.push({ id: 'y1:AB12:set:0:y', label: 'again' });
    const long = Array.from({ length: 400 }, (_, i) => `line ${i} ${'·'.repeat(20)}`).join('\n');
    const v = view({
      blocks: [
        { type: 'header', text: 'h'.repeat(300) },
        ...Array.from({ length: 60 }, () => ({ type: 'text' as const, text: ['para'] })),
        { type: 'text', text: [long] },
        { type: 'fields', fields: Array.from({ length: 14 }, (_, i) => ({ label: `f${i}`, value: ['v'] })) },
      ],
      buttons: [row],
    });
    const blocks = blocksOf(v);
    expect(blocks.length).toBeLessThanOrEqual(LIMITS.blocksPerMessage);
    const actions = blocks.filter((b) => b.type === 'actions');
    // Every distinct button survives the cut; content gives way first.
    expect(actions.flatMap((b) => b.elements as Json[]).length).toBe(60);
    for (const a of actions) expect((a.elements as Json[]).length).toBeLessThanOrEqual(LIMITS.elementsPerActions);
    const ids = actions.flatMap((b) => (b.elements as Json[]).map((e) => e.action_id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const a of actions) {
      for (const e of a.elements as Json[]) expect([...String((e.text as Json).text)].length).toBeLessThanOrEqual(LIMITS.buttonText);
    }
    expect([...String(((blocks[0]!.text as Json).text))].length).toBeLessThanOrEqual(LIMITS.headerText);
    for (const b of blocks.filter((x) => x.type === 'section' && x.text)) {
      expect(String((b.text as Json).text).length).toBeLessThanOrEqual(LIMITS.sectionText);
    }

    // Without the padding paragraphs the long text is split, not cut, and fields are grouped by 10.
    const split = blocksOf(view({ blocks: [{ type: 'text', text: [long] }, v.blocks.at(-1)!] }));
    const sections = split.filter((b) => b.type === 'section' && b.text).map((b) => String((b.text as Json).text));
    expect(sections.length).toBeGreaterThan(1);
    expect(sections.join('\n')).toBe(long);
    expect(split.filter((b) => b.fields).map((b) => (b.fields as Json[]).length)).toEqual([10, 4]);
  });
});

describe('cutting text at Slack limits', () => {
  it('never cuts inside a date, mention, link or entity, and counts UTF-16 units', async () => {
    const { splitText, truncate, truncateKeepingTail } = await import('../../adapters/slack/text.js');
    const date = '<!date^1796083200^{date_short_pretty} {time}|2026-12-01 00:00 UTC>';
    for (const token of [date, '<@U0ANA>', '<https://example.com/a?b=1&amp;c=2>', '&amp;']) {
      const text = `${'a'.repeat(40)}${token}${'b'.repeat(40)}`;
      for (let max = 41; max < 40 + token.length; max++) {
        const cut = truncate(text, max);
        expect(cut.length).toBeLessThanOrEqual(max);
        expect(cut).toBe(`${'a'.repeat(40)}…`);
        const pieces = splitText(text, max);
        expect(pieces.join('')).toBe(text);
        for (const p of pieces) expect(p.length).toBeLessThanOrEqual(max);
        // A token that fits in a piece is kept whole (one longer than a whole piece cannot be).
        if (token.length <= max) expect(pieces.some((p) => p.includes(token))).toBe(true);
      }
    }
    // An emoji outside the BMP counts as two and is never split.
    const emoji = '😀'.repeat(10);
    expect(truncate(emoji, 6)).toBe('😀😀…');
    expect(splitText(emoji, 5)).toEqual(['😀😀', '😀😀', '😀😀', '😀😀', '😀😀']);
    // A header keeps its poll code whatever the title.
    const header = truncateKeepingTail(`📅 ${'😀'.repeat(120)} · AB12`, 150);
    expect(header.length).toBeLessThanOrEqual(150);
    expect(header.endsWith('… · AB12')).toBe(true);
  });
});
