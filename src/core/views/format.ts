/** Human formatting of dates, slots and windows in a locale and a zone. */
import { catalog } from '../i18n/index.js';
import { addDays, formatHm, isShowableInstant, labelEndInstant, parseIsoDate, wallClock, weekdayOf } from '../domain/time.js';
import { localTime, type Span, type TimeOptions } from './rich.js';
import type { PollLayout } from '../domain/slots.js';
import type { Locale, PollSpec, Slot } from '../domain/types.js';

/**
 * A time poll's hours as written, "09:00–18:00". The same time twice is a whole day from then
 * (time:07:00-07:00): said, or it reads as no hours at all.
 */
export function windowText(window: { start: string; end: string }, locale: Locale): string {
  return `${window.start}–${window.end}${window.start === window.end ? ` (${catalog(locale).minutes(1440)})` : ''}`;
}

/** "12월 1일 (화)" / "Tue, Dec 1"; with the year, "2026년 12월 1일 (화)" / "Tue, Dec 1, 2026". */
export function formatDate(date: string, locale: Locale, withYear = false): string {
  const c = catalog(locale);
  const p = parseIsoDate(date);
  if (!p) return date;
  const text = c.date(p.m, p.d, c.weekdaysShort[weekdayOf(date)]!);
  if (!withYear) return text;
  return locale === 'ko' ? `${p.y}년 ${text}` : `${text}, ${p.y}`;
}

export function weekdayName(date: string, locale: Locale): string {
  return catalog(locale).weekdaysShort[weekdayOf(date)]!;
}

/** The label of a poll day: its date, or its weekday for a weekly poll. */
export function formatDay(spec: PollSpec, date: string, locale: Locale): string {
  return spec.days.type === 'weekly' ? weekdayName(date, locale) : formatDate(date, locale);
}

/**
 * Clock labels already written, by zone and instant: every grid a click builds labels the same
 * slots again. Bounded: dropped whole when it holds this many.
 */
const clockLabels = new Map<string, Map<number, string>>();
let clockLabelsKept = 0;
const CLOCK_LABELS_KEPT = 100_000;

/** "HH:MM" of an instant in a zone. */
export function formatClock(instant: number, tz: string): string {
  let zone = clockLabels.get(tz);
  const known = zone?.get(instant);
  if (known !== undefined) return known;
  const label = formatHm(wallClock(instant, tz).minute);
  if (clockLabelsKept >= CLOCK_LABELS_KEPT) {
    clockLabels.clear();
    clockLabelsKept = 0;
    zone = undefined;
  }
  if (!zone) clockLabels.set(tz, (zone = new Map()));
  zone.set(instant, label);
  clockLabelsKept++;
  return label;
}

/** Start label of a slot as the viewer sees it: "09:00", a block name, or a date. */
export function slotLabel(spec: PollSpec, slot: Slot, locale: Locale, tz: string): string {
  if (spec.kind === 'time' && slot.start !== undefined) return formatClock(slot.start, tz);
  if (spec.kind === 'block') return slot.block ?? '';
  // Date buttons lead with the date as people type it in answers; weekly polls with the weekday.
  return spec.days.type === 'weekly' ? weekdayName(slot.date, locale) : `${slot.date} (${weekdayName(slot.date, locale)})`;
}

/** A run of adjacent slots of a poll, and how to write it. */
export interface RunInput {
  spec: PollSpec;
  layout: PollLayout;
  /** Index of the run's first slot. */
  first: number;
  /** Number of slots in the run. */
  count: number;
  locale: Locale;
  /** Zone the times are written in. */
  tz: string;
}

/**
 * A run of slots as text: "12월 1일 (화) 09:00–10:30", "Tue, Dec 1 lunch, dinner", "Dec 1 – Dec 3".
 * Time slots are shown in `tz`, with the viewer's own date when it differs, from the first
 * start to the last end (read after a repeated hour, never backwards). Blocks are named one by
 * one: "lunch–dinner" would suggest the gap between them is included.
 */
export function formatRun(run: RunInput): string {
  const { spec, layout, count, locale, tz } = run;
  const first = layout.slots[run.first];
  const last = layout.slots[run.first + count - 1];
  if (!first || !last) return '';
  if (spec.kind === 'time' && first.start !== undefined && last.end !== undefined) {
    return formatSpan({ from: first.start, to: last.end, locale, tz, weekly: spec.days.type === 'weekly' });
  }
  if (spec.kind === 'block') {
    const blocks = layout.slots.slice(run.first, run.first + count).map((slot) =>
      slot.start !== undefined && slot.end !== undefined
        ? `${slot.block ?? ''} (${formatClock(slot.start, tz)}–${formatClock(slot.end, tz)})`
        : (slot.block ?? ''),
    );
    return `${formatDay(spec, first.date, locale)} ${blocks.join(', ')}`;
  }
  return count === 1
    ? formatDay(spec, first.date, locale)
    : `${formatDay(spec, first.date, locale)} – ${formatDay(spec, last.date, locale)}`;
}

/** A stretch of time between two instants, and how to write it. */
export interface SpanInput {
  from: number;
  to: number;
  locale: Locale;
  /** Zone the times are written in. */
  tz: string;
  /** Named by weekday rather than date (weekly polls). */
  weekly?: boolean;
}

/** "Tue, Dec 1 09:00–10:30": a stretch of time in `tz`, its end read after a repeated hour, never backwards. */
export function formatSpan(span: SpanInput): string {
  const { from, to, locale, tz } = span;
  const a = wallClock(from, tz);
  const b = wallClock(labelEndInstant(from, to, tz), tz);
  const dayOf = (date: string) => (span.weekly ? weekdayName(date, locale) : formatDate(date, locale));
  let endLabel = formatHm(b.minute);
  if (b.date !== a.date) endLabel = b.minute === 0 && b.date === addDays(a.date, 1) ? '24:00' : `${dayOf(b.date)} ${endLabel}`;
  return `${dayOf(a.date)} ${formatHm(a.minute)}–${endLabel}`;
}

/** "2026-12-01 18:00 (Asia/Seoul)" fallback rendering of an instant; a placeholder for one no date can show. */
export function formatInstant(instant: number, tz: string, locale: Locale): string {
  if (!isShowableInstant(instant)) return catalog(locale).unknownTime;
  const w = wallClock(instant, tz);
  return `${formatDate(w.date, locale)} ${formatHm(w.minute)}`;
}

/** A stored instant as a local time each reader sees in their zone, or the placeholder when no date can show it. */
export function shownTime(instant: number, locale: Locale, options: TimeOptions = {}): Span {
  return isShowableInstant(instant) && (options.until === undefined || isShowableInstant(options.until)) ? localTime(instant, options) : catalog(locale).unknownTime;
}
