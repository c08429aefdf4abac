/** Views → Discord message bodies: markdown, markers, embeds, limits and the heatmap attachment. */
import { describe, expect, it } from 'vitest';
import { ButtonStyle, ComponentType, MessageFlags } from 'discord-api-types/v10';
import { attachUploads, discordText, renderView, slackBoldToDiscord } from '../../adapters/discord/render.js';
import { mentionToken, timeToken } from '../../src/core/views/format.js';
import { noticeView } from '../../src/core/views/notices.js';
import type { View } from '../../src/core/views/reply.js';

describe('Discord text', () => {
  it('turns Slack-style *bold* into **bold**, leaving code, double asterisks and arithmetic alone', () => {
    expect(slackBoldToDiscord('*Best so far*\n1. Tue')).toBe('**Best so far**\n1. Tue');
    expect(slackBoldToDiscord('a *b* and *c d*.')).toBe('a **b** and **c d**.');
    expect(slackBoldToDiscord('already **bold**')).toBe('already **bold**');
    expect(slackBoldToDiscord('`/yakjeong *x*` 2 * 3 * 4')).toBe('`/yakjeong *x*` 2 * 3 * 4');
  });

  it('renders time markers as <t:…:f> and Discord users as mentions', () => {
    const at = Date.UTC(2026, 11, 1, 9, 0);
    expect(discordText(`Deadline ${timeToken(at)}`)).toBe(`Deadline <t:${at / 1000}:f>`);
    expect(discordText(mentionToken({ id: '1000000000000000002', name: 'Bob' }))).toBe('<@1000000000000000002>');
    // "with:@ana" typed as plain text is not a Discord id: it must not become a broken <@ana>.
    expect(discordText(mentionToken({ id: 'ana', name: 'ana' }))).toBe('@ana');
  });
});

function pollLikeView(): View {
  return {
    role: 'poll',
    fallback: 'Dinner',
    blocks: [
      { type: 'header', text: 'x'.repeat(300) },
      { type: 'text', text: '*Best so far*' },
      { type: 'fields', fields: [{ label: 'Deadline', value: timeToken(Date.UTC(2026, 11, 1)) }] },
      { type: 'context', text: 'line one\nline two' },
    ],
    buttons: Array.from({ length: 7 }, (_, r) =>
      Array.from({ length: 6 }, (_, b) => ({ id: `y1:AB12:set:${r * 6 + b}:y`, label: 'L'.repeat(90), style: 'success' as const })),
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
        expect(button.label!.length).toBeLessThanOrEqual(80);
      }
    }
    expect(body.flags).toBeUndefined();
    expect(body.allowed_mentions).toEqual({ parse: ['users'] });
  });

  it('sends a short notice as plain content, privately when asked', () => {
    const { body } = renderView(noticeView('Saved *your* answer'), { ephemeral: true });
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
