/**
 * Renders core's neutral View as a Block Kit message. Slack limits are enforced here so
 * no view can produce an `invalid_blocks` error: 50 blocks per message, 25 elements per
 * actions block, 10 fields per section, 3000 characters per text, 75 per button label
 * (counted in UTF-16 units, as conservatively as Slack could count them).
 */
import type { types as SlackTypes } from '@slack/bolt';
import type { Button, ButtonIntent, View, ViewBlock } from '../../src/core/views/reply.js';
import { firstLine, type RichInput } from '../../src/core/views/rich.js';
import { escapeMrkdwn, splitText, toMrkdwn, truncate, truncateKeepingTail } from './text.js';

type KnownBlock = SlackTypes.KnownBlock;
type SlackButton = SlackTypes.Button;

export const LIMITS = {
  blocksPerMessage: 50,
  elementsPerActions: 25,
  fieldsPerSection: 10,
  sectionText: 3000,
  fieldText: 2000,
  contextText: 3000,
  headerText: 150,
  buttonText: 75,
  fallbackText: 3000,
} as const;

export interface SlackMessage {
  /** Notification and screen-reader text; Slack shows it where blocks cannot be shown. */
  text: string;
  blocks: KnownBlock[];
}

export interface RenderOptions {
  /** Extra context lines appended after the view's own blocks (adapter notes). */
  notes?: string[];
}

export function renderMessage(view: View, options: RenderOptions = {}): SlackMessage {
  const content = view.blocks.flatMap(renderBlock);
  for (const note of options.notes ?? []) content.push(context(note));
  const controls = renderButtons(view.buttons);
  return {
    text: truncate(notificationText(view), LIMITS.fallbackText),
    blocks: fit(content, controls),
  };
}

/**
 * The message's `text`, which notifications and previews show: the first line of a notice as
 * mrkdwn, so its times read in each reader's zone and its people are mentioned as in the body;
 * the plain summary for views that open with a header.
 */
function notificationText(view: View): string {
  const first = view.blocks[0];
  return first?.type === 'text' ? toMrkdwn(firstLine(first.text)) : escapeMrkdwn(view.fallback);
}

function renderBlock(block: ViewBlock): KnownBlock[] {
  switch (block.type) {
    case 'header':
      // The poll code at the end is what people type: a long title is cut before it, never the code.
      return [{ type: 'header', text: { type: 'plain_text', text: truncateKeepingTail(block.text, LIMITS.headerText), emoji: true } }];
    case 'text':
      return splitText(toMrkdwn(block.text), LIMITS.sectionText).map((text) => ({
        type: 'section',
        text: { type: 'mrkdwn', text },
      }));
    case 'fields': {
      const out: KnownBlock[] = [];
      for (let i = 0; i < block.fields.length; i += LIMITS.fieldsPerSection) {
        out.push({
          type: 'section',
          fields: block.fields.slice(i, i + LIMITS.fieldsPerSection).map((f) => ({
            type: 'mrkdwn' as const,
            text: truncate(`*${escapeMrkdwn(f.label)}*\n${toMrkdwn(f.value)}`, LIMITS.fieldText),
          })),
        });
      }
      return out;
    }
    case 'context':
      return [context(block.text)];
    case 'divider':
      return [{ type: 'divider' }];
  }
}

function context(text: RichInput): KnownBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: truncate(toMrkdwn(text), LIMITS.contextText) }] };
}

/**
 * Slack buttons cannot be disabled. A row that is entirely disabled (a closed poll's grid)
 * is shown as text, so people still see their answers; a disabled button in a live row
 * (the "Previous" of the first page) is left out.
 */
function renderButtons(rows: Button[][]): KnownBlock[] {
  const seen = new Set<string>();
  const out: KnownBlock[] = [];
  rows.forEach((row, rowIndex) => {
    const enabled = row.filter((b) => !b.disabled);
    if (enabled.length === 0) {
      if (row.length > 0) out.push(context(row.map((b) => b.label).join('   ')));
      return;
    }
    // Slack rejects a message whose action ids repeat.
    const unique = enabled.filter((b) => (seen.has(b.id) ? false : (seen.add(b.id), true)));
    for (let i = 0; i < unique.length; i += LIMITS.elementsPerActions) {
      out.push({
        type: 'actions',
        block_id: `y_r${rowIndex}_${i / LIMITS.elementsPerActions}`,
        elements: unique.slice(i, i + LIMITS.elementsPerActions).map(renderButton),
      });
    }
  });
  return out;
}

function renderButton(button: Button): SlackButton {
  const element: SlackButton = {
    type: 'button',
    action_id: button.id,
    text: { type: 'plain_text', text: truncate(button.label, LIMITS.buttonText, 'plain'), emoji: true },
  };
  const style = button.intent && STYLE[button.intent];
  if (style) element.style = style;
  return element;
}

/**
 * Slack has two colours: primary (green) and danger (red). Green marks a call to action and
 * a "free" slot; an "if needed" slot stays plain and is told apart by its 🤔 label, so a
 * grid never shows two states in the same colour.
 */
const STYLE: Record<ButtonIntent, SlackButton['style']> = {
  primary: 'primary',
  danger: 'danger',
  free: 'primary',
  maybe: undefined,
};

/** Keeps all controls and as much content as fits in 50 blocks, marking what was cut. */
function fit(content: KnownBlock[], controls: KnownBlock[]): KnownBlock[] {
  const room = LIMITS.blocksPerMessage - Math.min(controls.length, LIMITS.blocksPerMessage);
  if (content.length + controls.length <= LIMITS.blocksPerMessage) return [...content, ...controls];
  const kept = content.slice(0, Math.max(0, room - 1));
  kept.push({ type: 'context', elements: [{ type: 'mrkdwn', text: '…' }] });
  return [...kept, ...controls].slice(0, LIMITS.blocksPerMessage);
}
