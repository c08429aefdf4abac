/** What a person is told after answering: by text, or with the grid's Done button. */
import { catalog } from '../i18n/index.js';
import { stateAt, stateTotals } from '../domain/availability.js';
import { weekdaysSeenIn, type PollLayout } from '../domain/slots.js';
import type { Locale, Poll, Weekday } from '../domain/types.js';
import { dateAnchor, type LeftOut, type UnderstoodPart } from '../grammar/answer.js';
import { writeUnderstood } from '../grammar/answer-echo.js';
import { formatDate, formatRun, formatSpan, windowText } from './format.js';
import { noticeView } from './notices.js';
import type { View } from './reply.js';
import { slotRuns } from './runs.js';

/** "✅ Tue, Dec 1 09:00–11:00" lines summarising an answer, runs merged. */
export function describeAnswer(poll: Poll, layout: PollLayout, states: string, locale: Locale, tz: string): string[] {
  const chosen = layout.slots.filter((slot) => stateAt(states, slot.index) !== 'no').map((slot) => slot.index);
  return slotRuns(poll.spec.kind, layout.slots, chosen, (i) => stateAt(states, i))
    .map((run) => `${run.key === 'yes' ? '✅' : '🤔'} ${formatRun({ spec: poll.spec, layout, first: run.first, count: run.count, locale, tz })}`)
    .slice(0, 30);
}

export interface AnswerSavedInput {
  poll: Poll;
  layout: PollLayout;
  /** The answer as saved, one state character per slot. */
  states: string;
  locale: Locale;
  /** The answerer's zone, which the echoed times are written in. */
  tz: string;
  /** What the answer named that the poll does not offer. */
  leftOut?: readonly LeftOut[];
  /** What the typed answer was read as, and the answerer's today its month/day dates count from. */
  understood?: { parts: readonly UnderstoodPart[]; today: string };
}

/** The echo of an answer given by text, so a misread answer is caught at once, with what was left out of it. */
export function answerSavedNotice(input: AnswerSavedInput): View {
  const { poll, layout, states, locale, tz } = input;
  const c = catalog(locale);
  const lines = describeAnswer(poll, layout, states, locale, tz);
  const leftOut = (input.leftOut ?? []).length ? [leftOutLine(input.leftOut ?? [], input)] : [];
  const understood = input.understood ? [understoodLine(input.understood, input)] : [];
  return noticeView([c.answerText.saved(poll.spec.title, poll.code), ...understood, ...lines, ...leftOut].join('\n'), 'notice', poll.code);
}

/** "Understood: Tue 12/8 18:00–22:00": the answer in concrete dates and times, which reads back as the same answer. */
function understoodLine(understood: NonNullable<AnswerSavedInput['understood']>, input: AnswerSavedInput): string {
  const c = catalog(input.locale);
  const anchor = dateAnchor(input.layout, understood.today);
  const style = { weekdays: c.weekdaysShort, weekdayFirst: input.locale === 'en' };
  return c.answerText.understood(writeUnderstood(understood.parts, anchor, style));
}

/** Named dates are listed up to this many; beyond it, the first and last. */
const LISTED_DATES = 7;

/** "⚠️ Left out, …": each kind of part the poll does not offer, with what it does offer. */
function leftOutLine(leftOut: readonly LeftOut[], input: AnswerSavedInput): string {
  const { poll, layout, locale, tz } = input;
  const { spec } = poll;
  const c = catalog(locale);
  const weekly = spec.days.type === 'weekly';
  const spans = (kind: 'hours' | 'part-slot') =>
    leftOut.flatMap((l) => (l.kind === kind ? [formatSpan({ from: l.from, to: l.to, locale, tz, weekly })] : [])).join(', ');
  const dateList = (dates: readonly string[]) =>
    dates.length <= LISTED_DATES ? dates.map((d) => formatDate(d, locale)).join(', ') : `${formatDate(dates[0]!, locale)} – ${formatDate(dates[dates.length - 1]!, locale)}`;
  const parts: string[] = [];
  for (const l of leftOut) {
    if (l.kind === 'dates') parts.push(c.honest.leftOutDates(dateList(l.dates), dateList(layout.days.map((d) => d.date))));
    if (l.kind === 'weekdays') {
      const names = (days: readonly Weekday[]) => days.map((w) => c.weekdaysShort[w]).join(', ');
      // The poll's days as the person sees them: a Seoul Saturday morning is a Friday in Los Angeles.
      parts.push(c.honest.leftOutWeekdays(names(l.weekdays), names(weekdaysSeenIn(layout, tz))));
    }
  }
  if (spans('hours')) {
    const zone = spec.timezone === tz ? '' : spec.timezone;
    const { window: hours } = spec;
    if (hours && hours.start === hours.end) parts.push(c.honest.leftOutDayLong(spans('hours'), hours.start, zone));
    else parts.push(c.honest.leftOutHours(spans('hours'), hours ? `${windowText(hours, locale)}${zone ? ` ${zone}` : ''}` : ''));
  }
  if (spans('part-slot')) parts.push(c.honest.leftOutPartSlot(spans('part-slot'), c.minutes(spec.slotMinutes ?? 30)));
  return parts.map((p) => `⚠️ ${p}`).join('\n');
}

/** The echo of "answer none": the answer is gone (and so is its place in a `max:` poll), or there was none. */
export function answerClearedNotice(input: { poll: Poll; cleared: boolean; locale: Locale }): View {
  const { poll, cleared, locale } = input;
  const c = catalog(locale);
  const { title, maxParticipants } = poll.spec;
  if (!cleared) return noticeView(c.honest.nothingToClear(title, poll.code), 'notice', poll.code);
  const place = maxParticipants ? ` ${c.honest.placeFreed(maxParticipants)}` : '';
  return noticeView(`🧹 ${c.honest.answerCleared(title, poll.code)}${place}`, 'notice', poll.code);
}

/**
 * Replaces the grid when its Done button is pressed: the same confirmation as an answer by text,
 * then how many slots are free and if needed.
 */
export function gridDoneNotice(poll: Poll, states: string, locale: Locale): View {
  const c = catalog(locale);
  const { yes, maybe } = stateTotals(states);
  const summary = poll.spec.kind === 'date' ? c.grid.summaryDays(yes, maybe) : c.grid.summary(yes, maybe);
  return noticeView(`${c.answerText.saved(poll.spec.title, poll.code)}\n${summary}`, 'notice', poll.code);
}
