/** Who changed which answers when, newest first. */
import { catalog } from '../i18n/index.js';
import type { PollLayout } from '../domain/slots.js';
import type { ChangeReason, HistoryEntry, Locale, Poll } from '../domain/types.js';
import { formatInstant, formatRun } from './format.js';
import { noticeView } from './notices.js';
import type { View } from './reply.js';
import { bold, joinRich, rich } from './rich.js';
import { slotRuns } from './runs.js';

/** Runs of changed slots named per entry; the rest is counted. */
const RUNS_PER_ENTRY = 4;

export interface HistoryInput {
  poll: Poll;
  layout: PollLayout;
  /** Newest first, at most `limit` of them shown. */
  entries: readonly HistoryEntry[];
  limit: number;
  locale: Locale;
  /** The viewer's zone, which times are written in. */
  tz: string;
}

export function historyView(input: HistoryInput): View {
  const { poll, layout, locale, tz } = input;
  const c = catalog(locale);
  if (input.entries.length === 0) return noticeView(c.history.none, 'history', poll.code);
  const lines = input.entries.slice(0, input.limit).map((e) => {
    const when = formatInstant(e.at, tz, locale);
    const byslot = new Map(e.changes.map(([slot, before, after]) => [slot, `${c.state[before]}→${c.state[after]}`]));
    const runs = slotRuns(poll.spec.kind, layout.slots, [...byslot.keys()], (slot) => byslot.get(slot)!);
    const changes = runs
      .slice(0, RUNS_PER_ENTRY)
      .map((run) => `${formatRun({ spec: poll.spec, layout, first: run.first, count: run.count, locale, tz })} ${run.key}`);
    const more = runs.length > RUNS_PER_ENTRY ? ` ${c.history.more(runs.length - RUNS_PER_ENTRY)}` : '';
    const why = e.reason ? ` ${reasonText(e.reason, locale)}` : '';
    // Typed and web answers say where they came from; buttons are the ordinary way.
    const where = e.source && e.source !== 'button' && !e.reason ? ` ${c.history.sources[e.source]}` : '';
    return rich`• ${when} ${bold(e.user.name)}: ${changes.join(', ') || c.history.cleared}${more}${why}${where}`;
  });
  return noticeView(rich`${bold(c.history.title(poll.spec.title, poll.code))}\n${joinRich(lines, '\n')}`, 'history', poll.code);
}

/** Why an automatic change was made, as the history says it. */
function reasonText(reason: ChangeReason, locale: Locale): string {
  const r = catalog(locale).history.reasons;
  switch (reason.kind) {
    case 'usual-week':
      return r.usualWeek;
    case 'blocked':
      return r.blocked(reason.code);
    case 'unblocked':
      return r.unblocked(reason.code);
    case 'released':
      return r.released(reason.code);
  }
}
