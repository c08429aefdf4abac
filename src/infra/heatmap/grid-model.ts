/**
 * Rows and columns of a grid heatmap (time and block polls, and weekly date polls).
 *
 * Columns are the poll's days. Rows of a time poll are the union of the wall-clock start
 * minutes the slots have in the viewer's zone: days can differ (a DST day has fewer slots,
 * and in another zone a DST change shifts a whole day), so each slot is placed in the row
 * of its own minute and a day without that minute shows "not offered".
 */
import { catalog } from '../../core/i18n/index.js';
import { addDays, formatHm, parseIsoDate, wallClock, weekdayOf } from '../../core/domain/time.js';
import type { HeatmapRequest } from '../../core/ports.js';

export interface GridColumn {
  day: number;
  /** Header lines, each a list of candidates from longest to shortest. */
  lines: string[][];
}

export interface GridRow {
  label: string;
  /** Second line (a block's times). */
  sub?: string;
  /** Starts a new wall-clock hour: gets a label and a stronger rule above it. */
  hourStart: boolean;
}

export interface GridModel {
  kind: 'time' | 'block' | 'single';
  columns: GridColumn[];
  rows: GridRow[];
  /** Row of each slot, by slot index. */
  rowOfSlot: Int32Array;
  /** Column of each slot, by slot index (its poll day). */
  colOfSlot: Int32Array;
  /** Time grids: the end of the last row ("18:00"), written under the grid. */
  endLabel?: string;
}

const NEXT_DAY = '+1';

export function buildGridModel(request: HeatmapRequest): GridModel {
  const { spec } = request.poll;
  const model =
    spec.kind === 'time' ? timeModel(request) : spec.kind === 'block' ? blockModel(request) : singleRowModel(request);
  const colOfSlot = new Int32Array(request.layout.slots.length);
  for (const slot of request.layout.slots) colOfSlot[slot.index] = slot.day;
  return { ...model, colOfSlot };
}

function columnLines(request: HeatmapRequest, date: string): string[][] {
  const c = catalog(request.locale);
  const weekday = c.weekdaysShort[weekdayOf(date)] ?? '';
  // Narrow columns fall back to two-letter weekdays and numeric dates.
  const weekdays = [weekday, weekday.slice(0, 2), weekday.slice(0, 1)];
  if (request.poll.spec.days.type === 'weekly') return [weekdays];
  const p = parseIsoDate(date);
  if (!p) return [weekdays, [date]];
  const dates = [c.dateShort(p.m, p.d), `${p.m}/${p.d}`];
  // The 1st says which month starts, even where only a day number fits.
  dates.push(p.d === 1 ? c.months[p.m - 1] ?? String(p.d) : String(p.d));
  return [weekdays, dates];
}

function timeModel(request: HeatmapRequest): Omit<GridModel, 'colOfSlot'> {
  const { spec } = request.poll;
  const { days, slots } = request.layout;
  const ownZone = request.timezone === spec.timezone;
  const minutes = new Int32Array(slots.length);
  const dates: string[] = new Array<string>(slots.length);
  for (const slot of slots) {
    if (ownZone && slot.minute !== undefined) {
      minutes[slot.index] = slot.minute;
      dates[slot.index] = slot.date;
    } else if (slot.start !== undefined) {
      const w = wallClock(slot.start, request.timezone);
      minutes[slot.index] = w.minute;
      dates[slot.index] = w.date;
    } else {
      minutes[slot.index] = slot.minute ?? 0;
      dates[slot.index] = slot.date;
    }
  }

  const base = rowBase(request, minutes);
  const rel = (m: number) => (m - base + 1440) % 1440;
  const unique = [...new Set(minutes)].sort((a, b) => rel(a) - rel(b));
  const rowByMinute = new Map<number, number>();
  unique.forEach((m, i) => rowByMinute.set(m, i));
  const rowOfSlot = new Int32Array(slots.length);
  for (let i = 0; i < slots.length; i++) rowOfSlot[i] = rowByMinute.get(minutes[i]!) ?? -1;

  const label = (m: number) => (m < base ? `${formatHm(m)} ${NEXT_DAY}` : formatHm(m));
  const rows: GridRow[] = unique.map((m, i) => ({
    label: label(m),
    hourStart: i === 0 || Math.floor(m / 60) !== Math.floor(unique[i - 1]! / 60),
  }));

  const columns: GridColumn[] = days.map((day) => {
    let date = day.date;
    if (!ownZone && day.count > 0) {
      // Name the column after the local date of its first slot that is not past midnight.
      const firstOnBase = slots.slice(day.first, day.first + day.count).find((s) => minutes[s.index]! >= base);
      date = firstOnBase ? dates[firstOnBase.index]! : addDays(dates[day.first]!, -1);
    }
    return { day: day.index, lines: columnLines(request, date) };
  });

  const step = spec.slotMinutes ?? 60;
  const last = unique[unique.length - 1];
  let endLabel: string | undefined;
  if (last !== undefined) {
    // Minutes from the midnight that starts the first row's day.
    const end = base + rel(last) + step;
    endLabel = end === 1440 ? '24:00' : end > 1440 ? `${formatHm(end)} ${NEXT_DAY}` : formatHm(end);
  }
  return { kind: 'time', columns, rows, rowOfSlot, endLabel };
}

/**
 * The minute the rows start from. Normally the start of the longest stretch of the clock
 * with no slot, so a window across midnight (22:00–02:00) or one seen from a far zone
 * reads top to bottom; when slots cover the whole clock, the usual first slot of a day.
 */
function rowBase(request: HeatmapRequest, minutes: Int32Array): number {
  const sorted = [...new Set(minutes)].sort((a, b) => a - b);
  if (sorted.length === 0) return 0;
  let bestGap = sorted[0]! + 1440 - sorted[sorted.length - 1]!;
  let base = sorted[0]!;
  let smallestGap = bestGap;
  for (let i = 1; i < sorted.length; i++) {
    const gap = sorted[i]! - sorted[i - 1]!;
    smallestGap = Math.min(smallestGap, gap);
    if (gap > bestGap) {
      bestGap = gap;
      base = sorted[i]!;
    }
  }
  if (bestGap > smallestGap) return base;
  const firsts = new Map<number, number>();
  for (const day of request.layout.days) {
    if (day.count === 0) continue;
    const m = minutes[day.first]!;
    firsts.set(m, (firsts.get(m) ?? 0) + 1);
  }
  let mode = sorted[0]!;
  let modeCount = 0;
  for (const [m, n] of firsts) {
    if (n > modeCount) {
      mode = m;
      modeCount = n;
    }
  }
  return mode;
}

function blockModel(request: HeatmapRequest): Omit<GridModel, 'colOfSlot'> {
  const { slots, days } = request.layout;
  const names: string[] = [];
  const times = new Map<string, string>();
  const rowByName = new Map<string, number>();
  const rowOfSlot = new Int32Array(slots.length);
  for (const slot of slots) {
    const name = slot.block ?? '';
    let row = rowByName.get(name);
    if (row === undefined) {
      row = names.length;
      names.push(name);
      rowByName.set(name, row);
    }
    rowOfSlot[slot.index] = row;
    if (!times.has(name) && slot.start !== undefined && slot.end !== undefined) {
      const a = formatHm(wallClock(slot.start, request.timezone).minute);
      const b = formatHm(wallClock(slot.end, request.timezone).minute);
      times.set(name, `${a}–${b}`);
    }
  }
  const rows: GridRow[] = names.map((name) => {
    const sub = times.get(name);
    return sub === undefined ? { label: name, hourStart: true } : { label: name, sub, hourStart: true };
  });
  const columns = days.map((day) => ({ day: day.index, lines: columnLines(request, day.date) }));
  return { kind: 'block', columns, rows, rowOfSlot };
}

/** A weekly date poll: one row of weekdays. */
function singleRowModel(request: HeatmapRequest): Omit<GridModel, 'colOfSlot'> {
  const { slots, days } = request.layout;
  const rowOfSlot = new Int32Array(slots.length);
  const columns = days.map((day) => ({ day: day.index, lines: columnLines(request, day.date) }));
  return { kind: 'single', columns, rows: [{ label: '', hourStart: true }], rowOfSlot };
}
