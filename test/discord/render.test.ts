/** Views → Discord message bodies: markdown, markers, embeds, limits and the heatmap attachment. */
import { describe, expect, it } from 'vitest';
import { ButtonStyle, ComponentType, MessageFlags, type APIEmbed } from 'discord-api-types/v10';
import { attachPicture, attachUploads, discordText, hasUploads, renderView } from '../../adapters/discord/render.js';
import { truncate } from '../../adapters/discord/text-limits.js';
import { bold, code, italic, link, localTime, mention, rich } from '../../src/core/views/rich.js';
import { noticeView } from '../../src/core/views/notices.js';
import type { View } from '../../src/core/views/reply.js';

describe('Discord text', () => {
  it('writes bold, italic and code spans as Discord markdown, numbered lines left as lists', () => {
    expect(discordText(rich`${bold('Best so far')}\n1. Tue`)).toBe('**Best so far**\n1. Tue');
    expect(discordText(rich`a ${bold('b')} and ${italic('c d')}.`)).toBe('a **b** and _c d_.');
    expect(discordText(rich`${code('/yakjeong *x*')} 2 * 3`)).toBe('`/yakjeong *x*` 2 \\* 3');
  });

  it('renders time spans as <t:…:f> and Discord users as mentions', () => {
    const at = Date.UTC(2026, 11, 1, 9, 0);
    expect(discordText(rich`Deadline ${localTime(at)}`)).toBe(`Deadline <t:${at / 1000}:f>`);
    const until = at + 3_600_000;
    expect(discordText(rich`At ${localTime(at, { until, fallback: 'Tue 18:00–19:00 (Asia/Seoul)' })}`)).toBe(`At <t:${at / 1000}:f>–<t:${until / 1000}:t>`);
    expect(discordText([mention({ id: '1000000000000000002', name: 'Bob' })])).toBe('<@1000000000000000002>');
    // "with:@ana" typed as plain text is not a Discord id: it must not become a broken <@ana>.
    expect(discordText([mention({ id: 'ana', name: 'ana' })])).toBe('@ana');
    expect(discordText([mention({ id: 'a_b', name: '*a_b*' })])).toBe('@\\*a_b\\*');
  });

  it('escapes markdown in literal text so it shows exactly as typed', () => {
    expect(discordText(['**big** _it_ ~~no~~ `x` ||spoiler|| [a](https://e.x) <@1000000000000000002> > q'])).toBe(
      '\\*\\*big\\*\\* \\_it\\_ \\~\\~no\\~\\~ \\`x\\` \\|\\|spoiler\\|\\| \\[a\\](https://e.x) \\<@1000000000000000002\\> \\> q',
    );
    // Headings, quotes and list marks only count at the start of a line.
    expect(discordText(['# head\n- item\n-# small\n+ more a-b #c'])).toBe('\\# head\n\\- item\n\\-# small\n\\+ more a-b #c');
    expect(discordText(rich`${bold('x')}${'# not a heading'}`)).toBe('**x**# not a heading');
    // An underscore inside a word cannot emphasise anything: zone names stay as they are.
    expect(discordText(['America/New_York'])).toBe('America/New_York');
    expect(discordText(['@everyone @here'])).toBe('@\u200beveryone @\u200bhere');
  });

  it('writes links bare or with an escaped label', () => {
    expect(discordText([link('https://calendar.google.com/r?a=1&b=(2)')])).toBe('https://calendar.google.com/r?a=1&b=%282%29');
    expect(discordText([link('https://e.x/a', 'Add *now* [x]')])).toBe('[Add \\*now\\* \\[x\\]](https://e.x/a)');
  });
});

function pollLikeView(): View {
  return {
    role: 'poll',
    fallback: 'Dinner',
    blocks: [
      { type: 'header', text: 'x'.repeat(300) },
      { type: 'text', text: [bold('Best so far')] },
      { type: 'fields', fields: [{ label: 'Deadline', value: [localTime(Date.UTC(2026, 11, 1))] }] },
      { type: 'context', text: ['line one\nline two'] },
    ],
    buttons: Array.from({ length: 7 }, (_, r) =>
      Array.from({ length: 6 }, (_, b) => ({ id: `y1:AB12:set:${r * 6 + b}:y`, label: 'L'.repeat(90), intent: 'free' as const })),
    ),
  };
}

describe('renderView', () => {
  it('puts a view with a header into an embed, cut to Discord limits', () => {
    const { body } = renderView(pollLikeView());
    const embed = body.embeds![0]!;
    expect([...embed.title!].length).toBe(256);
    expect(embed.description).toBe('**Best so far**\n\n-# line one\n-# line two');
    expect(embed.fields).toEqual([{ name: 'Deadline', value: `<t:${Date.UTC(2026, 11, 1) / 1000}:f>`, inline: true }]);
    expect(body.components).toHaveLength(5);
    for (const row of body.components!) {
      expect(row.components).toHaveLength(5);
      for (const button of row.components) {
        expect(button).toMatchObject({ type: ComponentType.Button, style: ButtonStyle.Success });
        expect((button as { label: string }).label.length).toBeLessThanOrEqual(80);
      }
    }
    expect(body.flags).toBeUndefined();
    expect(body.allowed_mentions).toEqual({ parse: [], users: [] });
  });

  it('renders select menus as string selects, one per row before the buttons, within Discord limits', () => {
    const view: View = {
      ...pollLikeView(),
      selects: [
        {
          id: 'y1:AB23:pickslots:0:0',
          placeholder: 'P'.repeat(200),
          options: Array.from({ length: 30 }, (_, i) => ({ value: `y1:AB23:set:${i}:y`, label: `${'L'.repeat(120)}${i}`, description: 'D'.repeat(120) })),
        },
        { id: 'y1:AB23:pickslots:0:1', placeholder: 'Change 15:00 – 21:30', options: [{ value: 'y1:AB23:set:40:m', label: '15:00 ✅ → 🤔' }], disabled: true },
      ],
    };
    const rows = renderView(view).body.components!;
    expect(rows).toHaveLength(5);
    const [first, second] = rows.map((row) => row.components[0]!);
    expect(first).toMatchObject({ type: ComponentType.StringSelect, custom_id: 'y1:AB23:pickslots:0:0', min_values: 1, max_values: 25 });
    const menu = first as { placeholder: string; options: Array<{ label: string; value: string; description: string }> };
    expect([...menu.placeholder].length).toBe(150);
    expect(menu.options).toHaveLength(25);
    expect(menu.options[0]!.value).toBe('y1:AB23:set:0:y');
    for (const option of menu.options) {
      expect([...option.label].length).toBeLessThanOrEqual(100);
      expect([...option.description].length).toBeLessThanOrEqual(100);
    }
    expect(second).toEqual({
      type: ComponentType.StringSelect,
      custom_id: 'y1:AB23:pickslots:0:1',
      placeholder: 'Change 15:00 – 21:30',
      min_values: 1,
      max_values: 1,
      options: [{ value: 'y1:AB23:set:40:m', label: '15:00 ✅ → 🤔' }],
      disabled: true,
    });
    expect(rows[2]!.components[0]!.type).toBe(ComponentType.Button);
  });

  it('escapes the plain header and field labels too, since embed titles and field names render Markdown', () => {
    const { body } = renderView({
      role: 'poll',
      fallback: 'x',
      blocks: [
        { type: 'header', text: '📅 *x* <@100000000000000009> @everyone · AB12' },
        { type: 'fields', fields: [{ label: '_Deadline_', value: ['soon'] }] },
      ],
      buttons: [],
    });
    expect(body.embeds![0]!.title).toBe('📅 \\*x\\* \\<@100000000000000009\\> @\u200beveryone · AB12');
    expect(body.embeds![0]!.fields![0]!.name).toBe('\\_Deadline\\_');
  });

  it('sends a short notice as plain content, privately when asked', () => {
    const { body } = renderView(noticeView(rich`Saved ${bold('your')} answer`), { ephemeral: true });
    expect(body).toMatchObject({ content: 'Saved **your** answer', flags: MessageFlags.Ephemeral });
    expect(body.embeds).toBeUndefined();
  });

  it('clears what an edit replaces: embeds, buttons and an old heatmap', () => {
    const { body } = renderView(noticeView('Done'), { edit: true, ephemeral: true });
    expect(body).toMatchObject({ content: 'Done', embeds: [], components: [], attachments: [] });
    expect(body.flags).toBeUndefined();
  });

  it('draws the image only when asked, as heatmap.png shown in the embed', async () => {
    let drawn = 0;
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const view: View = {
      ...noticeView('Results'),
      role: 'results',
      image: { filename: 'yakjeong-AB12.png', alt: 'Heatmap of who is free', render: async () => (drawn++, png) },
    };
    const rendered = renderView(view);
    expect(drawn).toBe(0);
    expect(rendered.body.embeds![0]!.image).toEqual({ url: 'attachment://heatmap.png' });
    const message = await attachUploads(rendered);
    expect(drawn).toBe(1);
    expect(message.files).toEqual([{ name: 'heatmap.png', data: Buffer.from(png), contentType: 'image/png' }]);
    expect(message.body.attachments).toEqual([{ id: 0, filename: 'heatmap.png', description: 'Heatmap of who is free' }]);
  });

  it('leaves a picture that follows out of the message (no image, no upload, an edit clears an old one) and draws it as its own', async () => {
    let drawn = 0;
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const view: View = {
      role: 'results',
      fallback: 'Best times',
      blocks: [{ type: 'header', text: 'Best times · Lunch · AB12' }, { type: 'text', text: ['1. Tue'] }],
      buttons: [],
      image: { filename: 'yakjeong-AB12.png', alt: 'Heatmap of who is free', render: async () => (drawn++, png), followsUp: true },
    };
    const rendered = renderView(view);
    expect(hasUploads(rendered)).toBe(false);
    expect(rendered.body.embeds![0]!.image).toBeUndefined();
    expect(rendered.body.embeds![0]!.title).toBe('Best times · Lunch · AB12');
    expect(renderView(view, { edit: true }).body.attachments).toEqual([]);
    expect(drawn).toBe(0);

    const picture = await attachPicture(rendered.picture!, { ephemeral: true });
    expect(drawn).toBe(1);
    expect(picture.files).toEqual([{ name: 'heatmap.png', data: Buffer.from(png), contentType: 'image/png' }]);
    expect(picture.body).toEqual({
      embeds: [{ color: 0x57f287, title: 'Best times · Lunch · AB12', image: { url: 'attachment://heatmap.png' } }],
      attachments: [{ id: 0, filename: 'heatmap.png', description: 'Heatmap of who is free' }],
      allowed_mentions: { parse: [] },
      flags: MessageFlags.Ephemeral,
    });
  });

  it('attaches other files (an .ics) after the heatmap, each with its own attachment id', async () => {
    const view: View = {
      ...noticeView('📌 Final time'),
      image: { filename: 'x.png', alt: 'alt', render: async () => Uint8Array.from([1]) },
      files: [{ filename: 'yakjeong-AB12.ics', contentType: 'text/calendar', render: async () => new TextEncoder().encode('BEGIN:VCALENDAR') }],
    };
    const message = await attachUploads(renderView(view));
    expect(message.files.map((f) => [f.name, f.contentType])).toEqual([['heatmap.png', 'image/png'], ['yakjeong-AB12.ics', 'text/calendar']]);
    expect(message.body.attachments?.map((a) => [a.id, a.filename])).toEqual([[0, 'heatmap.png'], [1, 'yakjeong-AB12.ics']]);
  });
});

describe('truncate', () => {
  it('leaves text that fits alone and counts code points, never splitting an emoji', () => {
    expect(truncate('short', 5)).toBe('short');
    expect(truncate('🍕'.repeat(10), 10)).toBe('🍕'.repeat(10));
    expect(truncate(`x${'🍕'.repeat(10)}`, 6)).toBe('x🍕🍕🍕🍕…');
  });

  it('drops a mention, timestamp or URL whole rather than cutting into it', () => {
    const mention = '<@1000000000000000002>';
    expect(truncate(`Hi ${mention} there`, 10)).toBe('Hi…');
    expect(truncate(`Due <t:1764579600:f> sharp`, 12)).toBe('Due…');
    expect(truncate('See https://calendar.google.com/calendar/render?action=TEMPLATE ok', 30)).toBe('See…');
    expect(truncate('See <https://example.com/a> ok', 20)).toBe('See…');
    // A token that ends right at the cut stays.
    expect(truncate(`${mention} and more`, 23)).toBe(`${mention}…`);
  });
});

describe('embed totals', () => {
  const bigView = (fieldCount: number): View => ({
    role: 'poll',
    fallback: 'Big',
    blocks: [
      { type: 'header', text: 'Big poll' },
      { type: 'context', text: [`✋ ${Array.from({ length: 800 }, (_, i) => `Person ${i}`).join(', ')}`] },
      { type: 'text', text: rich`${bold('Best so far')}\n1. Mon 10:00` },
      { type: 'fields', fields: Array.from({ length: fieldCount }, (_, i) => ({ label: `F${i}`, value: ['v'.repeat(1100)] })) },
    ],
    buttons: [],
  });
  const total = (embed: APIEmbed) =>
    [embed.title, embed.description, ...(embed.fields ?? []).flatMap((f) => [f.name, f.value])].reduce((n, t) => n + [...(t ?? '')].length, 0);

  it('keeps an embed within 6000 characters: the description gives way, its short parts stay whole', () => {
    const embed = renderView(bigView(4)).body.embeds![0]!;
    expect(total(embed)).toBeLessThanOrEqual(6000);
    for (const field of embed.fields!) expect([...field.value].length).toBe(1024);
    expect(embed.description).toContain('**Best so far**\n1. Mon 10:00');
    expect(embed.description).toContain('Person 0, Person 1');
  });

  it('shrinks the fields too when they alone pass 6000', () => {
    const embed = renderView(bigView(25)).body.embeds![0]!;
    expect(total(embed)).toBeLessThanOrEqual(6000);
    expect(embed.title).toBe('Big poll');
    expect(embed.fields!.length).toBeGreaterThan(0);
  });
});
