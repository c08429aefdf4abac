/**
 * An answer written back in concrete dates and times ("Tue 12/8 18:00–22:00", "12/8(화)
 * 18:00–22:00"), in the answer grammar itself: the reply shows it so a misread answer is seen
 * at once, and typing it back gives the same answer.
 */
import { formatHm, parseIsoDate, weekdayOf } from '../domain/time.js';
import { parseDateWord } from './dates.js';
import type { UnderstoodPart } from './answer.js';
import type { TimeRange } from './times.js';

export interface EchoStyle {
  /** Short weekday names, Monday first, in the reader's language (each one the grammar reads). */
  weekdays: readonly string[];
  /** "Tue 12/8" (English) rather than "12/8(화)" (Korean). */
  weekdayFirst: boolean;
  /** The words for a whole day ("all day", "종일"); by default the English or Korean one, as weekdayFirst says. */
  allDay?: string;
}

function clock(minutes: number): string {
  return minutes === 1440 ? '24:00' : formatHm(minutes);
}

function rangeText(range: TimeRange): string {
  return `${clock(range.start)}–${clock(range.end)}`;
}

/**
 * A date as month/day when that reads back as the same date from `anchor` (the day month/day
 * answers count from), else in full, with its weekday.
 */
function dateText(date: string, anchor: string, style: EchoStyle): string {
  const p = parseIsoDate(date);
  if (!p) return date;
  const md = `${p.m}/${p.d}`;
  const written = parseDateWord(md, anchor, anchor) === date ? md : date;
  const weekday = style.weekdays[weekdayOf(date)]!;
  return style.weekdayFirst ? `${weekday} ${written}` : `${written}(${weekday})`;
}

/** Each day of a part with its times or blocks; a day alone is the whole day. */
function partTexts(part: UnderstoodPart, anchor: string, style: EchoStyle): string[] {
  const days = part.weekdays ? part.weekdays.map((w) => style.weekdays[w]!) : part.dates.map((d) => dateText(d, anchor, style));
  const rest = [...part.ranges.map(rangeText), ...part.blocks].join(' ');
  return days.map((day) => (rest ? `${day} ${rest}` : day));
}

/** The whole answer, parts in the order typed, with maybe: and yes: where the state changes. */
export function writeUnderstood(parts: readonly UnderstoodPart[], anchor: string, style: EchoStyle): string {
  const said = parts.flatMap((part) => {
    const timed = part.ranges.length > 0 || part.blocks.length > 0;
    return partTexts(part, anchor, style).map((text) => ({ text, timed, state: part.state }));
  });
  // A day said twice ("thu evening, thu evening") is written once, where it was said last: the
  // last saying of the same times is the one that stands, so the answer reads back the same.
  const last = new Map(said.map((t, i) => [t.text, i]));
  const kept = said.filter((t, i) => last.get(t.text) === i);
  let state: UnderstoodPart['state'] = 'yes';
  const out: Array<{ text: string; timed: boolean; switches: boolean }> = [];
  for (const t of kept) {
    const switches = t.state !== state;
    out.push({ text: switches ? `${t.state}:${t.text}` : t.text, timed: t.timed, switches });
    state = t.state;
  }
  // A day alone right before a day with times would share them when typed back ("12/8, 12/9 18:00–20:00"): it says it is the whole day.
  const allDay = style.allDay ?? (style.weekdayFirst ? 'all day' : '종일');
  return out.map((t, i) => (!t.timed && out[i + 1]?.timed && !out[i + 1]!.switches ? `${t.text} ${allDay}` : t.text)).join(', ');
}
