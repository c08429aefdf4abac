/** What blocking tells the person whose other polls it changed, and what their polls' results say of them. */
import { catalog } from '../i18n/index.js';
import type { PollLayout } from '../domain/slots.js';
import type { Locale, Poll } from '../domain/types.js';
import { actionButton } from './buttons.js';
import { formatRun } from './format.js';
import type { View } from './reply.js';
import { slotRuns } from './runs.js';

/** One poll the meeting changed: which slots, and the record an Undo gives back. */
export interface BlockedPoll {
  poll: Poll;
  layout: PollLayout;
  slots: readonly number[];
  blockId: number;
}

export interface BlockedNoticeInput {
  picked: Poll;
  changed: readonly BlockedPoll[];
  locale: Locale;
  /** The person's zone, which the times are written in. */
  tz: string;
  /** A line said first (after an Undo: what was given back). */
  lead?: string;
}

/** One private notice per person: every poll that changed, its times, and an Undo for each. */
export function blockedNotice(input: BlockedNoticeInput): View {
  const { picked, changed, locale, tz } = input;
  const c = catalog(locale);
  const lines = changed.map(({ poll, layout, slots }) => {
    const runs = slotRuns(poll.spec.kind, layout.slots, slots, () => 'no');
    const when = runs.map((run) => formatRun({ spec: poll.spec, layout, first: run.first, count: run.count, locale, tz })).join(', ');
    return `• “${poll.spec.title}” (${poll.code}): ${when}`;
  });
  const text = [input.lead, changed.length ? c.blocking.notice(picked.spec.title, picked.code) : undefined, ...lines].filter((l): l is string => Boolean(l)).join('\n');
  return {
    role: 'notice',
    fallback: input.lead ?? c.blocking.notice(picked.spec.title, picked.code),
    blocks: [{ type: 'text', text: [text] }, ...(changed.length ? [{ type: 'context' as const, text: [c.blocking.undoHint] }] : [])],
    buttons: rowsOf(changed.map(({ poll, blockId }) => actionButton({ verb: 'unblock', code: poll.code, ref: blockId }, `↩️ ${c.buttons.undo(poll.code)}`))),
    pollCode: picked.code,
  };
}

/** Five to a row, as every platform can show. */
function rowsOf<T>(items: T[]): T[][] {
  const rows: T[][] = [];
  for (let i = 0; i < items.length; i += 5) rows.push(items.slice(i, i + 5));
  return rows;
}
