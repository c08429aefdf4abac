/** The channel's open polls, one line each. */
import { catalog } from '../i18n/index.js';
import type { Locale, Poll } from '../domain/types.js';
import { formatInstant } from './format.js';
import { noticeView } from './notices.js';
import type { View } from './reply.js';
import { bold, rich } from './rich.js';

export interface ListItem {
  poll: Poll;
  /** How many people have answered it. */
  answered: number;
}

/** `tz` is the viewer's zone, which deadlines are written in. */
export function listView(items: readonly ListItem[], locale: Locale, tz: string): View {
  const c = catalog(locale);
  if (items.length === 0) return noticeView(c.list.none, 'list');
  const lines = items.map(({ poll, answered }) => {
    const deadline = poll.spec.deadline ? ` · ${c.poll.deadline} ${formatInstant(poll.spec.deadline, tz, locale)}` : '';
    return `• ${c.list.item(poll.code, poll.spec.title, answered)}${deadline}`;
  });
  return noticeView(rich`${bold(c.list.title)}\n${lines.join('\n')}`, 'list');
}
