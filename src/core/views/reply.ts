/**
 * The neutral reply model. Core says what to show and to whom; each adapter renders it
 * (Block Kit, Discord components, terminal text).
 */
import type { MeetingEvent } from '../domain/meeting.js';
import { mentionedIds, type Rich } from './rich.js';

/**
 * What a button means, so each renderer picks its own colour for it without reading the id:
 * `primary` a call to act, `danger` a step not to take lightly, `free` and `maybe` a slot
 * showing that answer. No intent is a neutral button.
 */
export type ButtonIntent = 'primary' | 'danger' | SlotIntent;

/** The answer a slot button shows, when it shows one: a slot answered no, or not yet, is neutral. */
export type SlotIntent = 'free' | 'maybe';

export interface Button {
  id: string;
  label: string;
  intent?: ButtonIntent;
  disabled?: boolean;
}

/** One choice of a select menu. */
export interface SelectOption {
  /** An action id from the codec (a slot's `set`), at most 100 characters. */
  value: string;
  label: string;
  description?: string;
}

/**
 * A menu of several choices, used where a day has more slots than buttons fit. It has no
 * pre-selected values: every chosen option is one action to apply (each carries the state it
 * sets, so a repeated submission changes nothing more).
 */
export interface Select {
  /** Unique in the message; decodes as the no-op `pickslots` container, never as a slot. */
  id: string;
  placeholder: string;
  options: SelectOption[];
  disabled?: boolean;
}

/**
 * Text that every platform shows formatted (a section, a field's value, a context line) is
 * `Rich`; text that some platform can only show plain (a header, a field's label, a button or
 * menu label, an image's alt text, the fallback) is a plain string.
 */
export type ViewBlock =
  | { type: 'header'; text: string }
  | { type: 'text'; text: Rich }
  | { type: 'fields'; fields: Array<{ label: string; value: Rich }> }
  | { type: 'context'; text: Rich }
  | { type: 'divider' };

export interface ImageSpec {
  filename: string;
  alt: string;
  /** Rendering is deferred so adapters can acknowledge first and draw after. */
  render: () => Promise<Uint8Array>;
  /**
   * The renderer has a queue: send the text at once and the picture as a follow-up when drawn
   * (the text says it is coming), rather than holding the whole reply for it.
   */
  followsUp?: true;
}

/** A file attached to a message (an .ics calendar entry). */
export interface FileSpec {
  filename: string;
  contentType: string;
  render: () => Promise<Uint8Array>;
}

export type ViewRole = 'poll' | 'grid' | 'results' | 'notice' | 'error' | 'help' | 'list' | 'history' | 'usage';

export interface View {
  role: ViewRole;
  /** Plain one-line summary (notifications, screen readers, fallbacks). */
  fallback: string;
  blocks: ViewBlock[];
  /** Rows of buttons in display order. */
  buttons: Button[][];
  /** Select menus, shown before the button rows, one per row (only for adapters with `slotSelect`). */
  selects?: Select[];
  image?: ImageSpec;
  files?: FileSpec[];
  /** The poll this view is about, if any. */
  pollCode?: string;
  /**
   * Messages that follow this one, in order, when one message cannot say it all (a reminder to
   * more people than one message may mention). Adapters post each; the split is the view's.
   */
  followUps?: View[];
}

/** Ids of everyone a view mentions: whom its message may ping, and nobody else. */
export function viewMentions(view: View): string[] {
  return mentionedIds(
    view.blocks.flatMap((b) => (b.type === 'fields' ? b.fields.map((f) => f.value) : b.type === 'text' || b.type === 'context' ? [b.text] : [])),
  );
}

/** A view and the messages that follow it, in the order they are posted. */
export function messagesOf(view: View): View[] {
  // Each message stands alone: the first no longer carries the others, so posting it posts one.
  const { followUps, ...first } = view;
  return [first, ...(followUps ?? [])];
}

export type Audience = { kind: 'channel' } | { kind: 'user'; userId: string };

export type Reply =
  /** Post a new message. A channel 'poll' view becomes the poll's live message. */
  | { type: 'post'; audience: Audience; view: View; pollId?: number }
  /** Replace the message that carried the pressed button (or the interaction's own reply). */
  | { type: 'replace'; view: View }
  /** The poll's channel message is stale; the adapter re-renders it (coalesced). */
  | { type: 'refresh-poll'; pollId: number }
  /** A final time was picked: platforms that can, add it to their own calendar (Discord events, Slack reminders). */
  | { type: 'meeting-picked'; pollId: number; meeting: MeetingEvent }
  /**
   * A private message to one person wherever they are (their direct messages with the bot), for
   * news about their own answers that no interaction of theirs asked for.
   */
  | { type: 'direct'; userId: string; view: View }
  /** Ask for the create form (Slack/Discord modal); where there is no form (the console), show `usage`. */
  | { type: 'open-create-form'; usage: View };

/** How many buttons an adapter can show in one grid page (Discord 5×5 minus the control rows; Slack more). */
export interface AdapterCapabilities {
  maxSlotButtons: number;
  maxButtonsPerRow: number;
  /**
   * The adapter can show select menus. A day with more slots than `maxSlotButtons` is then
   * shown whole on one page as up to `maxSelects` menus of up to `maxOptions` slots each, in
   * place of the slot-button rows (never more menus than those rows, so the control rows keep
   * their room); a day that needs more menus is split into button pages as without it.
   */
  slotSelect?: { maxOptions: number; maxSelects: number };
}
