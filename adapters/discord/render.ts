/**
 * Neutral views → Discord messages: an embed (or plain content for short notices), button rows
 * and, for results, the heatmap as the attachment heatmap.png shown inside the embed.
 */
import type { RawFile } from '@discordjs/rest';
import {
  AllowedMentionsTypes,
  ButtonStyle as DiscordButtonStyle,
  ComponentType,
  MessageFlags,
  type APIActionRowComponent,
  type APIAllowedMentions,
  type APIButtonComponentWithCustomId,
  type APIEmbed,
  type APIEmbedField,
  type RESTAPIAttachment,
  type RESTAPIMessageReference,
} from 'discord-api-types/v10';
import { renderTokens } from '../../src/core/views/format.js';
import type { Button, ButtonStyle, FileSpec, ImageSpec, View, ViewRole } from '../../src/core/views/reply.js';

/** The fields Yakjeong sends in any message body (interaction response, webhook, channel message). */
export interface MessageBody {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIButtonComponentWithCustomId>[];
  flags?: number;
  attachments?: RESTAPIAttachment[];
  allowed_mentions?: APIAllowedMentions;
  message_reference?: RESTAPIMessageReference;
}

export interface RenderedView {
  body: MessageBody;
  /** Drawn later (after the interaction is acknowledged) by `attachUploads`. */
  image?: ImageSpec;
  /** Other files (a picked meeting's .ics), made by `attachUploads` too. */
  files?: FileSpec[];
}

/** True when the message carries files, which are made after the acknowledgement. */
export function hasUploads(rendered: RenderedView): boolean {
  return Boolean(rendered.image) || Boolean(rendered.files?.length);
}

export interface OutgoingMessage {
  body: MessageBody;
  files: RawFile[];
}

export const HEATMAP_FILENAME = 'heatmap.png';

/** Discord's own limits; anything longer is refused with a 400, so it is cut here. */
const LIMITS = {
  content: 2000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  rows: 5,
  buttonsPerRow: 5,
  label: 80,
  altText: 1024,
} as const;

const ROLE_COLOUR: Record<ViewRole, number> = {
  poll: 0x5865f2,
  grid: 0x5865f2,
  results: 0x57f287,
  notice: 0x99aab5,
  error: 0xed4245,
  help: 0x99aab5,
  list: 0x99aab5,
  history: 0x99aab5,
  usage: 0x99aab5,
};

type ActionButtonStyle = DiscordButtonStyle.Primary | DiscordButtonStyle.Secondary | DiscordButtonStyle.Success | DiscordButtonStyle.Danger;

const STYLE: Record<ButtonStyle, ActionButtonStyle> = {
  primary: DiscordButtonStyle.Primary,
  success: DiscordButtonStyle.Success,
  danger: DiscordButtonStyle.Danger,
  default: DiscordButtonStyle.Secondary,
};

/** Mentions may ping people; never @everyone or roles, whatever a poll title says. */
const ALLOWED_MENTIONS: APIAllowedMentions = { parse: [AllowedMentionsTypes.User] };

export interface RenderOptions {
  /** Only the person who acted sees it (flag 64). */
  ephemeral?: boolean;
  /**
   * The body edits an existing message: every part is written, even empty, so nothing of the
   * previous content (embeds, buttons, an old heatmap) survives.
   */
  edit?: boolean;
}

export function renderView(view: View, options: RenderOptions = {}): RenderedView {
  const body: MessageBody = { allowed_mentions: ALLOWED_MENTIONS };
  const hasHeader = view.blocks.some((b) => b.type === 'header');
  const hasFields = view.blocks.some((b) => b.type === 'fields');
  if (hasHeader || hasFields || view.image) {
    body.embeds = [renderEmbed(view)];
    if (options.edit) body.content = '';
  } else {
    body.content = truncate(describe(view), LIMITS.content) || view.fallback.slice(0, LIMITS.content);
    if (options.edit) body.embeds = [];
  }
  const components = renderButtons(view.buttons);
  if (components.length || options.edit) body.components = components;
  if (options.edit && !view.image && !view.files?.length) body.attachments = [];
  if (options.ephemeral && !options.edit) body.flags = MessageFlags.Ephemeral;
  const rendered: RenderedView = { body };
  if (view.image) rendered.image = view.image;
  if (view.files?.length) rendered.files = view.files;
  return rendered;
}

/**
 * Draws the image (heatmap.png, shown inside the embed) and makes the other files, and lists
 * them as the message's attachments.
 */
export async function attachUploads(rendered: RenderedView): Promise<OutgoingMessage> {
  if (!hasUploads(rendered)) return { body: rendered.body, files: [] };
  const files: RawFile[] = [];
  const attachments: RESTAPIAttachment[] = [];
  if (rendered.image) {
    const png = await rendered.image.render();
    attachments.push({ id: files.length, filename: HEATMAP_FILENAME, description: truncate(rendered.image.alt, LIMITS.altText) });
    files.push({ name: HEATMAP_FILENAME, data: Buffer.from(png), contentType: 'image/png' });
  }
  for (const file of rendered.files ?? []) {
    const data = await file.render();
    attachments.push({ id: files.length, filename: file.filename });
    files.push({ name: file.filename, data: Buffer.from(data), contentType: file.contentType });
  }
  return { body: { ...rendered.body, attachments }, files };
}

function renderEmbed(view: View): APIEmbed {
  const embed: APIEmbed = { color: ROLE_COLOUR[view.role] };
  const header = view.blocks.find((b) => b.type === 'header');
  if (header) embed.title = truncate(discordText(header.text).replace(/\*\*/g, ''), LIMITS.title);
  const description = describe(view);
  if (description) embed.description = truncate(description, LIMITS.description);
  const fields: APIEmbedField[] = [];
  for (const block of view.blocks) {
    if (block.type !== 'fields') continue;
    for (const field of block.fields) {
      fields.push({
        name: truncate(discordText(field.label), LIMITS.fieldName) || '\u200b',
        value: truncate(discordText(field.value), LIMITS.fieldValue) || '\u200b',
        inline: true,
      });
    }
  }
  if (fields.length) embed.fields = fields.slice(0, LIMITS.fields);
  if (view.image) embed.image = { url: `attachment://${HEATMAP_FILENAME}` };
  return embed;
}

/** Text, context and dividers in order; the header and fields have their own places in an embed. */
function describe(view: View): string {
  const parts: string[] = [];
  for (const block of view.blocks) {
    switch (block.type) {
      case 'text':
        parts.push(discordText(block.text));
        break;
      case 'context':
        // "-# " is Discord's subtext: small grey lines, the closest thing to Slack's context block.
        parts.push(
          discordText(block.text)
            .split('\n')
            .filter((line) => line.trim())
            .map((line) => `-# ${line}`)
            .join('\n'),
        );
        break;
      case 'divider':
        parts.push('───');
        break;
      case 'header':
      case 'fields':
        break;
    }
  }
  return parts.filter(Boolean).join('\n\n');
}

function renderButtons(rows: Button[][]): APIActionRowComponent<APIButtonComponentWithCustomId>[] {
  // The core view already paginates to the capabilities we declared; the cut is a last guard.
  return rows
    .filter((row) => row.length > 0)
    .slice(0, LIMITS.rows)
    .map((row) => ({
      type: ComponentType.ActionRow,
      components: row.slice(0, LIMITS.buttonsPerRow).map((button) => {
        const component: APIButtonComponentWithCustomId = {
          type: ComponentType.Button,
          style: STYLE[button.style ?? 'default'],
          custom_id: button.id,
          label: truncate(button.label, LIMITS.label),
        };
        if (button.disabled) component.disabled = true;
        return component;
      }),
    }));
}

/** Core text → Discord markdown: markers become <t:…> and <@…>, Slack's *bold* becomes **bold**. */
export function discordText(text: string): string {
  const withTokens = renderTokens(text, {
    time: (ms) => `<t:${Math.floor(ms / 1000)}:f>`,
    // Only snowflakes are Discord users; a plain "@ana" typed in with: stays readable text.
    user: (id, name) => (/^\d{15,21}$/.test(id) ? `<@${id}>` : `@${name || id}`),
  });
  return slackBoldToDiscord(withTokens);
}

/** `*x*` → `**x**` outside code spans; `**x**` and lone asterisks are left alone. */
export function slackBoldToDiscord(text: string): string {
  return text
    .split(/(`[^`\n]*`)/)
    .map((part, i) =>
      i % 2 === 1 ? part : part.replace(/(^|[^*\w])\*(?=[^\s*])([^*\n]*?[^\s*]|[^\s*])\*(?![*\w])/g, '$1**$2**'),
    )
    .join('');
}

function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
