/** The channel's open polls, one line each. */
import { catalog } from '../i18n/index.js';
import type { Locale, Poll } from '../domain/types.js';
import { formatInstant } from './format.js';
import { noticeView } from './notices.js';
import type { View } from './reply.js';
import { bold, joinRich, rich, type Rich } from './rich.js';

export interface ListItem {
  poll: Poll;
  /** How many people have answered it. */
  answered: number;
}

/**
 * `tz` is the viewer's zone, which deadlines are written in. Damaged polls are named by code
 * with the way out: nothing else of them can be shown.
 */
export function listView(options: { items: readonly ListItem[]; unreadableCodes: readonly string[]; locale: Locale; tz: string }): View {
  const { items, unreadableCodes, locale, tz } = options;
  const c = catalog(locale);
  if (items.length === 0 && unreadableCodes.length === 0) return noticeView(c.list.none, 'list');
  const lines: Rich[] = items.map(({ poll, answered }) => {
    const deadline = poll.spec.deadline ? ` · ${c.poll.deadline} ${formatInstant(poll.spec.deadline, tz, locale)}` : '';
    return rich`• ${c.list.item(poll.code, poll.spec.title, answered)}${deadline}`;
  });
  for (const code of unreadableCodes) lines.push(rich`• ${c.list.unreadable(code)}`);
  return noticeView(rich`${bold(c.list.title)}\n${joinRich(lines, '\n')}`, 'list');
}
