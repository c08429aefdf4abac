/** What a person sees of their own usual week: the week read back, and a poll's answer filled from it before they save it. */
import { catalog } from '../i18n/index.js';
import { addDays, formatHm } from '../domain/time.js';
import { layoutPoll, type PollLayout } from '../domain/slots.js';
import { CELL_MINUTES, fillFromUsualWeek, weekRuns, type DayRun, type UsualWeek } from '../domain/usual-week.js';
import type { Locale, Poll, PollSpec, Weekday } from '../domain/types.js';
import { describeAnswer } from './answer-summary.js';
import { actionButton } from './buttons.js';
import type { ImageSpec, View } from './reply.js';
import { bold, joinRich, type Rich } from './rich.js';

/** Where the week shown comes from. */
export type WeekSource = { kind: 'hand' } | { kind: 'learned'; polls: number } | { kind: 'off' };

export interface UsualWeekViewInput {
  week: UsualWeek;
  source: WeekSource;
  block: boolean;
  locale: Locale;
  image?: ImageSpec;
}

/** "Mon ✅ 19:00–22:00 · 🤔 22:00–24:00", one line per weekday that has anything. */
export function weekLines(week: UsualWeek, locale: Locale): string[] {
  const c = catalog(locale);
  const byDay = new Map<Weekday, DayRun[]>();
  for (const run of weekRuns(week)) byDay.set(run.weekday, [...(byDay.get(run.weekday) ?? []), run]);
  return [...byDay].map(([day, runs]) => `${c.weekdaysShort[day]} ${runs.map((r) => `${r.state === 'y' ? '✅' : '🤔'} ${formatHm(r.from)}–${formatHm(r.to)}`).join(' · ')}`);
}

export function usualWeekView(input: UsualWeekViewInput): View {
  const { week, source, locale } = input;
  const c = catalog(locale);
  const lines = weekLines(week, locale);
  const origin: Rich =
    source.kind === 'hand' ? c.usual.byHand : source.kind === 'learned' ? [c.usual.learned(source.polls)] : c.usual.learningOff;
  const view: View = {
    role: 'notice',
    fallback: c.usual.title(week.tz),
    blocks: [
      { type: 'header', text: `📆 ${c.usual.title(week.tz)}` },
      { type: 'text', text: lines.length ? [lines.join('\n')] : c.usual.empty },
      { type: 'context', text: joinRich([origin, input.block ? c.usual.blockOn : c.usual.blockOff, [c.usual.onlyYou]], '\n') },
    ],
    buttons: [],
  };
  if (input.image && lines.length) view.image = input.image;
  return view;
}

/** The notice after `usual set`: the week as it now reads. */
export function usualWeekSetNotice(week: UsualWeek, locale: Locale): View {
  const c = catalog(locale);
  return { role: 'notice', fallback: c.usual.set, blocks: [{ type: 'text', text: [`📆 ${c.usual.set}\n${weekLines(week, locale).join('\n')}`] }], buttons: [] };
}

export interface FillPreviewInput {
  poll: Poll;
  layout: PollLayout;
  /** The answer as it would be saved. */
  states: string;
  /** The grid page to go back to. */
  page: number;
  locale: Locale;
  tz: string;
}

/** The filled answer, not stored: Save stores it, Cancel goes back to the grid page unchanged. */
export function fillPreviewView(input: FillPreviewInput): View {
  const { poll, layout, states, page, locale, tz } = input;
  const c = catalog(locale);
  return {
    role: 'grid',
    fallback: c.usual.preview(poll.spec.title, poll.code),
    blocks: [
      { type: 'header', text: `${c.grid.title(poll.spec.title)} · ${poll.code}` },
      { type: 'text', text: [bold(c.usual.preview(poll.spec.title, poll.code))] },
      { type: 'text', text: [describeAnswer(poll, layout, states, locale, tz).join('\n')] },
      { type: 'context', text: c.grid.zone(tz) },
    ],
    buttons: [[
      actionButton({ verb: 'fillsave', code: poll.code, page }, `💾 ${c.buttons.save}`, { intent: 'primary' }),
      actionButton({ verb: 'page', code: poll.code, page }, c.buttons.cancel),
    ]],
    pollCode: poll.code,
  };
}

/**
 * The week as a one-person weekly poll in its own zone, so the heatmap renderer draws it like any
 * poll: Monday to Sunday from the earliest to the latest hour that has anything.
 */
export function usualWeekAsPoll(week: UsualWeek, referenceMonday: string, title: string): { poll: Poll; layout: PollLayout; states: string } {
  const runs = weekRuns(week);
  const from = runs.length ? Math.floor(Math.min(...runs.map((r) => r.from)) / 60) * 60 : 9 * 60;
  const to = runs.length ? Math.ceil(Math.max(...runs.map((r) => r.to)) / 60) * 60 : 18 * 60;
  const quarterHours = runs.some((r) => r.from % 30 !== 0 || r.to % 30 !== 0);
  const referenceDates = [0, 1, 2, 3, 4, 5, 6].map((d) => addDays(referenceMonday, d));
  const spec: PollSpec = {
    kind: 'time',
    title,
    timezone: week.tz,
    days: { type: 'weekly', weekdays: [0, 1, 2, 3, 4, 5, 6], referenceDates },
    window: { start: formatHm(from), end: to >= 1440 ? '24:00' : formatHm(to) },
    slotMinutes: quarterHours ? CELL_MINUTES : 30,
    durationSlots: 1,
    expected: [],
    required: [],
    remindMinutes: [],
    hidden: false,
  };
  const layout = layoutPoll(spec);
  const poll: Poll = { id: 0, code: 'WEEK', channel: { platform: 'console', workspaceId: '', channelId: '' }, creator: { id: '', name: '' }, spec, status: 'open', createdAt: 0, version: 0 };
  return { poll, layout, states: fillFromUsualWeek(week, layout, '') };
}
