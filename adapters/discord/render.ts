/**
 * Neutral views → Discord messages: an embed (or plain content for short notices), select-menu
 * rows then button rows and, for results, the heatmap as the attachment heatmap.png shown inside
 * the embed; or, when the heatmap is to follow the message (ImageSpec.followsUp), the message
 * without it and the heatmap as a message of its own, drawn after.
 */
import type { RawFile } from '@discordjs/rest';
import {
  ButtonStyle as DiscordButtonStyle,
  ComponentType,
  MessageFlags,
  type APIActionRowComponent,
  type APIAllowedMentions,
  type APIButtonComponentWithCustomId,
  type APIEmbed,
  type APIStringSelectComponent,
  type APIEmbedField,
  type RESTAPIAttachment,
  type RESTAPIMessageReference,
} from 'discord-api-types/v10';
import { viewMentions, type Button, type ButtonIntent, type FileSpec, type ImageSpec, type Select, type View, type ViewRole } from '../../src/core/views/reply.js';
import { renderRich, type RichInput } from '../../src/core/views/rich.js';
import { codePointLength, truncate } from './text-limits.js';

/** The fields Yakjeong sends in any message body (interaction response, webhook, channel message). */
export interface MessageBody {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIButtonComponentWithCustomId | APIStringSelectComponent>[];
  flags?: number;
  attachments?: RESTAPIAttachment[];
  allowed_mentions?: APIAllowedMentions;
  message_reference?: RESTAPIMessageReference;
  /** With enforce_nonce, a second create with this nonce within minutes returns the first message. */
  nonce?: string;
  enforce_nonce?: boolean;
}

export interface RenderedView {
  body: MessageBody;
  /** Drawn later (after the interaction is acknowledged) by `attachUploads`. */
  image?: ImageSpec;
  /** Other files (a picked meeting's .ics), made by `attachUploads` too. */
  files?: FileSpec[];
  /**
   * A picture that follows the message (ImageSpec.followsUp): not in `body`, not an upload of
   * it; sent once drawn, as its own message, by `attachPicture`.
   */
  picture?: FollowingPicture;
}

/** A picture sent after its message, shown in an embed of the message's colour and title. */
export interface FollowingPicture {
  image: ImageSpec;
  embed: APIEmbed;
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
  /** Title, description, field names and values together, over all embeds of a message. */
  embedTotal: 6000,
  rows: 5,
  buttonsPerRow: 5,
  label: 80,
  options: 25,
  optionText: 100,
  placeholder: 150,
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

/** Discord has green besides blurple, so a free slot and an if-needed one never share a colour; no intent is grey. */
const STYLE: Record<ButtonIntent, ActionButtonStyle> = {
  primary: DiscordButtonStyle.Primary,
  danger: DiscordButtonStyle.Danger,
  free: DiscordButtonStyle.Success,
  maybe: DiscordButtonStyle.Primary,
};

/** Discord pings at most this many listed users of one message. */
const MAX_ALLOWED_USERS = 100;

/**
 * Only the people core mentioned may be pinged: never @everyone, a role or a user id that
 * came in through typed text, whatever a title or name says (the escaping is the first guard,
 * this the second).
 */
function allowedMentions(view: View): APIAllowedMentions {
  return { parse: [], users: viewMentions(view).filter((id) => SNOWFLAKE.test(id)).slice(0, MAX_ALLOWED_USERS) };
}

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
  const body: MessageBody = { allowed_mentions: allowedMentions(view) };
  const hasHeader = view.blocks.some((b) => b.type === 'header');
  const hasFields = view.blocks.some((b) => b.type === 'fields');
  const following = view.image?.followsUp ? view.image : undefined;
  const inline = following ? undefined : view.image;
  if (hasHeader || hasFields || view.image) {
    body.embeds = [renderEmbed(view, inline)];
    if (options.edit) body.content = '';
  } else {
    body.content = joinWithin(describeParts(view), LIMITS.content) || truncate(escapeMarkdown(view.fallback), LIMITS.content);
    if (options.edit) body.embeds = [];
  }
  // The core sized the grid to our capabilities (menus take the slot rows); the cut is a last guard.
  const components = [...renderSelects(view.selects ?? []), ...renderButtons(view.buttons)].slice(0, LIMITS.rows);
  if (components.length || options.edit) body.components = components;
  if (options.edit && !inline && !view.files?.length) body.attachments = [];
  if (options.ephemeral && !options.edit) body.flags = MessageFlags.Ephemeral;
  const rendered: RenderedView = { body };
  if (inline) rendered.image = inline;
  if (view.files?.length) rendered.files = view.files;
  if (following) rendered.picture = { image: following, embed: pictureEmbed(view) };
  return rendered;
}

/** The embed a following picture is shown in: the message's colour and, for context, its title. */
function pictureEmbed(view: View): APIEmbed {
  const embed: APIEmbed = { color: ROLE_COLOUR[view.role], image: { url: `attachment://${HEATMAP_FILENAME}` } };
  const header = view.blocks.find((b) => b.type === 'header');
  if (header) embed.title = truncate(escapeMarkdown(header.text), LIMITS.title);
  return embed;
}

/**
 * Draws a picture that follows its message, as a message of its own: heatmap.png shown in its
 * embed, pinging nobody; private (flag 64) when the message it follows was.
 */
export async function attachPicture(picture: FollowingPicture, options: { ephemeral?: boolean } = {}): Promise<OutgoingMessage> {
  const png = await picture.image.render();
  const body: MessageBody = {
    embeds: [picture.embed],
    attachments: [{ id: 0, filename: HEATMAP_FILENAME, description: truncate(picture.image.alt, LIMITS.altText) }],
    allowed_mentions: { parse: [] },
  };
  if (options.ephemeral) body.flags = MessageFlags.Ephemeral;
  return { body, files: [{ name: HEATMAP_FILENAME, data: Buffer.from(png), contentType: 'image/png' }] };
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

/** The view's embed; `image`, when given, is shown in it as heatmap.png. */
function renderEmbed(view: View, image: ImageSpec | undefined): APIEmbed {
  const embed: APIEmbed = { color: ROLE_COLOUR[view.role] };
  const header = view.blocks.find((b) => b.type === 'header');
  // Embed titles and field names render Markdown too: plain text is escaped there as well.
  if (header) embed.title = truncate(escapeMarkdown(header.text), LIMITS.title);
  const fields: APIEmbedField[] = [];
  for (const block of view.blocks) {
    if (block.type !== 'fields') continue;
    for (const field of block.fields) {
      fields.push({
        name: truncate(escapeMarkdown(field.label), LIMITS.fieldName) || '\u200b',
        value: truncate(discordText(field.value), LIMITS.fieldValue) || '\u200b',
        inline: true,
      });
    }
  }
  if (fields.length) embed.fields = fields.slice(0, LIMITS.fields);
  // Discord also refuses embeds over 6000 characters in all: the description gets what the
  // title and fields leave, and only when that is nothing do the fields give way too.
  const room = Math.min(LIMITS.description, LIMITS.embedTotal - embedLength(embed));
  const description = joinWithin(describeParts(view), room);
  if (description) embed.description = description;
  shrinkFields(embed);
  if (image) embed.image = { url: `attachment://${HEATMAP_FILENAME}` };
  return embed;
}

function embedLength(embed: APIEmbed): number {
  let total = codePointLength(embed.title ?? '') + codePointLength(embed.description ?? '');
  for (const field of embed.fields ?? []) total += codePointLength(field.name) + codePointLength(field.value);
  return total;
}

/** Cuts the longest field values to one common length (dropping fields from the end if need be) until the embed is within 6000. */
function shrinkFields(embed: APIEmbed): void {
  const fields = embed.fields ?? [];
  while (fields.length && embedLength(embed) > LIMITS.embedTotal) {
    const values = fields.reduce((n, f) => n + codePointLength(f.value), 0);
    const room = LIMITS.embedTotal - (embedLength(embed) - values);
    // Every field keeps at least one character ("…"); when even that cannot fit, the last goes.
    if (room < fields.length) {
      fields.pop();
      continue;
    }
    const cap = commonCap(fields.map((f) => codePointLength(f.value)), room);
    for (const field of fields) field.value = truncate(field.value, cap);
  }
  if (embed.fields && !embed.fields.length) delete embed.fields;
}

const PART_SEPARATOR = '\n\n';

/**
 * The parts joined, within `max` characters. When they do not fit, the longest parts are cut
 * to one common length (short ones, such as the best times under a long list of names, stay
 * whole); if even that cannot fit, parts go from the end.
 */
function joinWithin(parts: string[], max: number): string {
  let kept = parts.filter(Boolean);
  if (!kept.length) return '';
  const joinedLength = (list: string[]) => list.reduce((n, p) => n + codePointLength(p), 0) + PART_SEPARATOR.length * Math.max(0, list.length - 1);
  if (joinedLength(kept) <= max) return kept.join(PART_SEPARATOR);
  // Each part needs a few characters to say anything; drop from the end until that fits.
  const MIN_PART = 16;
  while (kept.length > 1 && kept.length * MIN_PART + PART_SEPARATOR.length * (kept.length - 1) > max) kept = kept.slice(0, -1);
  const room = max - PART_SEPARATOR.length * (kept.length - 1);
  if (room <= 0) return '';
  const cap = commonCap(kept.map(codePointLength), room);
  const cut = kept.map((p) => truncate(p, cap));
  return cut.join(PART_SEPARATOR);
}

/** The largest length L such that the lengths, each capped at L, sum to at most `room`. */
function commonCap(lengths: number[], room: number): number {
  const sorted = [...lengths].sort((a, b) => a - b);
  let left = room;
  for (let i = 0; i < sorted.length; i++) {
    const share = Math.floor(left / (sorted.length - i));
    if (sorted[i]! > share) return share;
    left -= sorted[i]!;
  }
  return Math.max(...sorted);
}

/** Text, context and dividers in order; the header and fields have their own places in an embed. */
function describeParts(view: View): string[] {
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
  return parts.filter(Boolean);
}

/**
 * One string select per row. Nothing is pre-selected: every chosen option is one change, so any
 * 1 to all of them may be chosen at once.
 */
function renderSelects(selects: Select[]): APIActionRowComponent<APIStringSelectComponent>[] {
  return selects
    .filter((select) => select.options.length > 0)
    .map((select) => {
      const options = select.options.slice(0, LIMITS.options).map((option) => ({
        // Values are codec ids (≤ 100 by construction); never cut, a cut id would not decode.
        value: option.value,
        label: truncate(option.label, LIMITS.optionText),
        ...(option.description ? { description: truncate(option.description, LIMITS.optionText) } : {}),
      }));
      const component: APIStringSelectComponent = {
        type: ComponentType.StringSelect,
        custom_id: select.id,
        placeholder: truncate(select.placeholder, LIMITS.placeholder),
        min_values: 1,
        max_values: options.length,
        options,
      };
      if (select.disabled) component.disabled = true;
      return { type: ComponentType.ActionRow, components: [component] };
    });
}

function renderButtons(rows: Button[][]): APIActionRowComponent<APIButtonComponentWithCustomId>[] {
  // The core view already paginates to the capabilities we declared.
  return rows
    .filter((row) => row.length > 0)
    .slice(0, LIMITS.rows)
    .map((row) => ({
      type: ComponentType.ActionRow,
      components: row.slice(0, LIMITS.buttonsPerRow).map((button) => {
        const component: APIButtonComponentWithCustomId = {
          type: ComponentType.Button,
          style: button.intent ? STYLE[button.intent] : DiscordButtonStyle.Secondary,
          custom_id: button.id,
          label: truncate(button.label, LIMITS.label),
        };
        if (button.disabled) component.disabled = true;
        return component;
      }),
    }));
}

/** A Discord user id (a snowflake); anything else (a plain "@ana" typed in with:) is shown as text. */
const SNOWFLAKE = /^\d{15,21}$/;

/**
 * Literal text as Discord markdown that shows exactly that text: emphasis, code, spoiler and
 * quote marks, mention and link brackets escaped; heading and list marks escaped where they
 * start a line; @everyone and @here broken so they stay words. An underscore inside a word
 * (America/New_York) cannot emphasise anything and is left alone.
 */
export function escapeMarkdown(text: string, lineStart = true): string {
  return text
    .replace(/[\\*~`|<>[\]]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\$&')
    .replace(/(^|\n)([ \t]*)([#+-])/g, (whole: string, newline: string, space: string, mark: string) =>
      newline || lineStart ? `${newline}${space}\\${mark}` : whole,
    )
    .replace(/@(everyone|here)\b/g, '@\u200b$1');
}

/**
 * Core rich text → Discord markdown: literal text escaped, times as <t:…:f> (each reader's own
 * zone), mentions only for real Discord user ids, links as Discord writes them.
 */
export function discordText(text: RichInput): string {
  return renderRich(text, {
    text: escapeMarkdown,
    bold: (inner) => (inner ? `**${inner}**` : ''),
    italic: (inner) => (inner ? `_${inner}_` : ''),
    // Inline code has no escape for a backtick; a look-alike keeps the code span whole.
    code: (code) => (code ? `\`${code.replace(/`/g, 'ˋ')}\`` : ''),
    mention: (user) => (SNOWFLAKE.test(user.id) ? `<@${user.id}>` : `@${escapeMarkdown(user.name || user.id, false)}`),
    time: (ms, { until }) => `<t:${Math.floor(ms / 1000)}:f>${until === undefined ? '' : `–<t:${Math.floor(until / 1000)}:t>`}`,
    link: (url, label) => {
      // encodeURIComponent keeps parentheses, and ")" would end a labelled link early.
      const target = url.replace(/[\s()<>]/g, (ch) => (ch === '(' ? '%28' : ch === ')' ? '%29' : encodeURIComponent(ch)));
      return label ? `[${escapeMarkdown(label, false)}](${target})` : target;
    },
  });
}
