/** The poll's live channel message: what it is, who answered, best times so far, buttons. */
import { catalog } from '../i18n/index.js';
import { actionButton } from './buttons.js';
import { addDays, todayIn } from '../domain/time.js';
import { pollDates, type PollLayout } from '../domain/slots.js';
import type { RankedWindow } from '../domain/ranking.js';
import type { Locale, Participant, Poll, PollSpec } from '../domain/types.js';
import { formatDate, formatDay, formatRun, shownTime, windowText } from './format.js';
import type { View, ViewBlock } from './reply.js';
import { bold, joinRich, mention, rich, type Rich } from './rich.js';

export interface PollMessageInput {
  poll: Poll;
  layout: PollLayout;
  /** Who answered, from the same read as `best`, so the count and the best times agree. */
  participants: ReadonlyArray<Pick<Participant, 'user'>>;
  best: RankedWindow[];
  locale: Locale;
  now: number;
  /** Offer a button that answers the presser privately with their link to the web grid. */
  webButton?: boolean;
}

export function describeDates(spec: PollSpec, locale: Locale, now?: number): string {
  const c = catalog(locale);
  if (spec.days.type === 'weekly') {
    return c.every(spec.days.referenceDates.map((d) => formatDay(spec, d, locale)).join(', '));
  }
  const dates = pollDates(spec);
  const first = dates[0]!;
  const last = dates[dates.length - 1]!;
  const contiguous = dates.every((d, i) => i === 0 || addDays(dates[i - 1]!, 1) === d);
  // The year shows when the dates cross into another year or are not in this one.
  const thisYear = now === undefined ? first.slice(0, 4) : todayIn(now, spec.timezone).slice(0, 4);
  const year = first.slice(0, 4) !== last.slice(0, 4) || first.slice(0, 4) !== thisYear;
  if (dates.length === 1) return formatDate(first, locale, year);
  if (contiguous) return `${formatDate(first, locale, year)} – ${formatDate(last, locale, year)}`;
  const shown = dates.slice(0, 6).map((d) => formatDate(d, locale, year));
  return dates.length > 6 ? `${shown.join(', ')} +${dates.length - 6}` : shown.join(', ');
}

export function describeSlots(spec: PollSpec, locale: Locale): string {
  const c = catalog(locale);
  if (spec.kind === 'time' && spec.window) {
    return `${windowText(spec.window, locale)} · ${c.slotEvery(spec.slotMinutes ?? 30)}`;
  }
  if (spec.kind === 'block') {
    return (spec.blocks ?? []).map((b) => (b.start ? `${b.name} ${b.start}–${b.end}` : b.name)).join(' · ');
  }
  return '';
}

export function describeLength(spec: PollSpec, locale: Locale): string {
  const c = catalog(locale);
  if (spec.kind === 'time') return c.minutes(spec.durationSlots * (spec.slotMinutes ?? 30));
  if (spec.kind === 'date') return c.days(spec.durationSlots);
  return c.blocksCount(spec.durationSlots);
}

export function isClosed(poll: Poll, now: number): boolean {
  return poll.status !== 'open' || (poll.spec.deadline !== undefined && poll.spec.deadline <= now);
}

export function pollMessageView(input: PollMessageInput): View {
  const { poll, layout, participants, best, locale, now } = input;
  const c = catalog(locale);
  const spec = poll.spec;
  const closed = isClosed(poll, now);
  // Headers are short on every platform (Slack: 150): a long title is cut here, whole below, and the code always shows.
  const shortTitle = [...spec.title].length > 100 ? `${[...spec.title].slice(0, 99).join('')}…` : spec.title;
  const blocks: ViewBlock[] = [{ type: 'header', text: `📅 ${shortTitle} · ${poll.code}` }];
  if (shortTitle !== spec.title) blocks.push({ type: 'text', text: [bold(spec.title)] });
  if (spec.description) blocks.push({ type: 'text', text: [spec.description] });

  const fields: Array<{ label: string; value: Rich }> = [
    { label: c.kind[spec.kind] ?? spec.kind, value: [describeDates(spec, locale, now)] },
  ];
  const slots = describeSlots(spec, locale);
  if (slots) fields.push({ label: spec.kind === 'time' ? c.poll.hours : c.poll.blocks, value: [spec.kind === 'time' ? `${slots} (${spec.timezone})` : slots] });
  fields.push({
    label: c.poll.deadline,
    value: [poll.status === 'deleted' ? '—' : closed ? `🔒 ${c.poll.closed}` : spec.deadline ? shownTime(spec.deadline, locale) : c.poll.noDeadline],
  });
  if (spec.durationSlots > 1 || spec.kind === 'time') fields.push({ label: c.poll.length, value: [describeLength(spec, locale)] });
  if (spec.required.length) fields.push({ label: c.poll.required, value: joinRich(spec.required.map(mention), ' ') });
  if (spec.maxParticipants) fields.push({ label: '👥', value: [c.poll.max(spec.maxParticipants)] });
  blocks.push({ type: 'fields', fields });

  const answeredIds = new Set(participants.map((p) => p.user.id));
  const waiting = spec.expected.filter((u) => !answeredIds.has(u.id));
  if (participants.length === 0) {
    blocks.push({ type: 'context', text: [c.poll.nobodyYet] });
  } else {
    const count = spec.expected.length
      ? c.poll.answeredOf(participants.filter((p) => spec.expected.some((e) => e.id === p.user.id)).length, spec.expected.length)
      : c.poll.answered(participants.length);
    blocks.push({ type: 'context', text: [`✋ ${count}: ${participants.map((p) => p.user.name).join(', ')}`] });
  }
  if (waiting.length) blocks.push({ type: 'context', text: rich`⏳ ${c.poll.waitingFor}: ${joinRich(waiting.map(mention), ' ')}` });

  if (poll.picked) {
    blocks.push({
      type: 'text',
      text: [`📌 ${c.poll.picked}: ${formatRun({ spec, layout, first: poll.picked.firstSlot, count: poll.picked.slotCount, locale, tz: spec.timezone })}`],
    });
  } else if (spec.hidden && !closed) {
    blocks.push({ type: 'context', text: [`🙈 ${c.poll.hidden}`] });
  } else if (best.length) {
    blocks.push({ type: 'text', text: rich`${bold(closed ? c.results.title(spec.title) : c.poll.best)}\n${bestLines(input).join('\n')}` });
  }

  const buttons =
    poll.status === 'deleted'
      ? []
      : closed
        ? [[
            actionButton({ verb: 'results', code: poll.code }, `📊 ${c.buttons.results}`),
            ...(poll.status === 'closed' ? [actionButton({ verb: 'reopen', code: poll.code }, `🔓 ${c.buttons.reopen}`)] : []),
          ]]
        : [[
            actionButton({ verb: 'respond', code: poll.code }, `🗓️ ${c.buttons.respond}`),
            actionButton({ verb: 'results', code: poll.code }, `📊 ${c.buttons.results}`),
            actionButton({ verb: 'close', code: poll.code }, `🔒 ${c.buttons.close}`),
            ...(input.webButton ? [actionButton({ verb: 'web', code: poll.code }, `🖌️ ${c.buttons.web}`)] : []),
          ]];
  return {
    role: 'poll',
    fallback: `${spec.title} (${poll.code}) — ${describeDates(spec, locale)}`,
    blocks,
    buttons,
    pollCode: poll.code,
  };
}

/** "1. Tue, Dec 1 09:00–10:00 — 3/3 🎉" lines, in the poll's zone. */
export function bestLines(input: Pick<PollMessageInput, 'poll' | 'layout' | 'best' | 'locale'>, tz?: string): string[] {
  const { poll, layout, best, locale } = input;
  const c = catalog(locale);
  return best.map((w, i) => {
    const when = formatRun({ spec: poll.spec, layout, first: w.firstSlot, count: w.stretch, locale, tz: tz ?? poll.spec.timezone });
    // A stretch longer than the meeting says so, or it reads as one long meeting.
    const within = w.stretch > w.slotCount ? ` (${c.results.anyWithin(describeLength(poll.spec, locale))})` : '';
    const mark = w.everyone ? ` 🎉 ${c.results.everyone}` : '';
    const maybe = w.maybe.length ? ` (+${w.maybe.length} ${c.state.maybe})` : '';
    return `${i + 1}. ${when}${within} — ${w.yes.length}/${w.respondents}${maybe}${mark}`;
  });
}

