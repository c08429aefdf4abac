/**
 * Rows and columns of a grid heatmap (time and block polls, and weekly date polls).
 *
 * Columns are the poll's days. Rows of a time poll are the union of the clock times the slots
 * have in the viewer's zone, counted from their column's midnight: days can differ (a DST day has
 * fewer slots, and in another zone a DST change shifts a whole day or repeats an hour), so each
 * slot is placed in the row of its own time and a day without that time shows "not offered".
 */
import { catalog } from '../../core/i18n/index.js';
import { addDays, dayNumber, formatHm, parseIsoDate, wallClock, weekdayOf } from '../../core/domain/time.js';
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
  /** The slot's local date on the viewer's clock, as a day number; NaN where a floating slot has none. */
  const localDays = new Float64Array(slots.length).fill(NaN);
  for (const slot of slots) {
    if (ownZone && slot.minute !== undefined) {
      minutes[slot.index] = slot.minute;
      if (slot.wallStart !== undefined) localDays[slot.index] = Math.floor(slot.wallStart / 1440);
    } else if (slot.start !== undefined) {
      const w = wallClock(slot.start, request.timezone);
      minutes[slot.index] = w.minute;
      localDays[slot.index] = dayNumber(w.date);
    } else {
      minutes[slot.index] = slot.minute ?? 0;
    }
  }

  const base = rowBase(request, minutes);
  // Each column is named after a date; a slot sits at its clock time counted from that date's
  // midnight (past 24:00 on the next day), so a day seen from another zone reads in time order.
  const columnDays: Array<number | undefined> = days.map((day) => {
    const local = localDays[day.first]!;
    if (ownZone) return dayNumber(day.date);
    if (day.count === 0 || Number.isNaN(local)) return undefined;
    // The date whose row-start time is nearest its first slot: a day that starts an hour before
    // the others (23:00 against 00:00, across the viewer's clock change) is still the next date's.
    return Math.round((local * 1440 + minutes[day.first]! - base) / 1440);
  });
  // A day with no slot (its hours all skipped) is shifted as the day before it, or the first one after it.
  const shifts = days.map((day, i) => (columnDays[i] === undefined ? undefined : columnDays[i]! - dayNumber(day.date)));
  let shift = shifts.find((s) => s !== undefined) ?? 0;
  const columnDay = days.map((day, i) => dayNumber(day.date) + (shift = shifts[i] ?? shift));
  const columns: GridColumn[] = days.map((day) => ({ day: day.index, lines: columnLines(request, ownZone ? day.date : addDays('1970-01-01', columnDay[day.index]!)) }));
  const positions = new Int32Array(slots.length);
  for (const slot of slots) {
    const m = minutes[slot.index]!;
    const local = localDays[slot.index]!;
    positions[slot.index] = m + 1440 * (Number.isNaN(local) ? (m < base ? 1 : 0) : local - columnDay[slot.day]!);
  }

  const keyOfSlot = slots.map((slot) => `${positions[slot.index]!}`);
  const repeats = markRepeats(request, positions, keyOfSlot);
  const plain = new Set<number>();
  for (const slot of slots) if (!keyOfSlot[slot.index]!.includes('#')) plain.add(positions[slot.index]!);
  const rows: TimeRow[] = [...plain].sort((a, b) => a - b).map((position) => ({ key: `${position}`, position }));
  // Each repeated time right after the row of the slot before it, in the order the column shows them.
  for (const { key, position, after } of repeats) {
    if (rows.some((row) => row.key === key)) continue;
    rows.splice(rows.findIndex((row) => row.key === after) + 1, 0, { key, position, repeat: true });
  }
  const rowByKey = new Map(rows.map((row, i) => [row.key, i]));
  const rowOfSlot = new Int32Array(slots.length);
  for (let i = 0; i < slots.length; i++) rowOfSlot[i] = rowByKey.get(keyOfSlot[i]!) ?? -1;

  const hour = (row: TimeRow) => Math.floor(row.position / 60);
  const gridRows: GridRow[] = rows.map((row, i) => {
    const before = rows[i - 1];
    // A repeated hour starts afresh, with its own label, even within the same clock hour.
    const hourStart = before === undefined || hour(row) !== hour(before) || row.repeat !== before.repeat;
    return { label: clockLabel(row.position), hourStart };
  });
  const last = rows[rows.length - 1];
  const endLabel = last === undefined ? undefined : clockLabel(endPosition(request, last, keyOfSlot, columnDay), true);
  return { kind: 'time', columns, rows: gridRows, rowOfSlot, endLabel };
}

/**
 * Where the grid's last row ends, counted as its positions are: the latest real end of its slots on
 * the viewer's clock (a slot across the clock change ends at 01:00 or 03:30, not an hour on).
 */
function endPosition(request: HeatmapRequest, last: TimeRow, keyOfSlot: readonly string[], columnDay: readonly number[]): number {
  const step = request.poll.spec.slotMinutes ?? 60;
  const ownZone = request.timezone === request.poll.spec.timezone;
  let end = -Infinity;
  for (const slot of request.layout.slots) {
    if (keyOfSlot[slot.index] !== last.key) continue;
    const dayStart = 1440 * columnDay[slot.day]!;
    if (ownZone && slot.wallEnd !== undefined) end = Math.max(end, slot.wallEnd - dayStart);
    else if (!ownZone && slot.end !== undefined) {
      const w = wallClock(slot.end, request.timezone);
      end = Math.max(end, 1440 * dayNumber(w.date) + w.minute - dayStart);
    }
  }
  return Number.isFinite(end) ? end : last.position + step;
}

/** A clock time counted from a column's midnight: "09:00", "01:00 +1" past the next midnight, "24:00" for an end at it. */
function clockLabel(position: number, end = false): string {
  if (end && position === 1440) return '24:00';
  const ahead = Math.floor(position / 1440);
  const time = formatHm(((position % 1440) + 1440) % 1440);
  return ahead === 0 ? time : ahead === 1 ? `${time} ${NEXT_DAY}` : `${time} ${ahead > 0 ? '+' : ''}${ahead}`;
}

interface TimeRow {
  /** The clock position, and for a repeat its turn ("1500", "1500#1"). */
  key: string;
  /** Minutes from the column's midnight. */
  position: number;
  /** A clock time its column shows a second time: the hour a clock turned back repeats. */
  repeat?: true;
}

/**
 * Marks the slots at a clock time their column already showed, giving each a row key of its own
 * ("1500#1"): seen from another zone, a day can hold the same clock time twice (01:00 on the night
 * the viewer's clock goes back). Sharing the row would lose one of the two slots. Returns the
 * repeated rows in column order, each with the key of the row it follows.
 */
function markRepeats(request: HeatmapRequest, positions: Int32Array, keyOfSlot: string[]): Array<{ key: string; position: number; after: string }> {
  const repeats: Array<{ key: string; position: number; after: string }> = [];
  for (const day of request.layout.days) {
    // Once the clock has gone back, every slot up to the latest time already shown is a repeat,
    // even one at a time the column has not shown (its first slot may fall inside the repeated hour).
    let latest = -Infinity;
    let turn = 0;
    for (let i = day.first; i < day.first + day.count; i++) {
      const position = positions[i]!;
      if (i > day.first && position < positions[i - 1]!) turn++;
      if (position > latest) {
        latest = position;
        continue;
      }
      keyOfSlot[i] = `${position}#${turn}`;
      repeats.push({ key: keyOfSlot[i]!, position, after: keyOfSlot[i - 1]! });
    }
  }
  return repeats;
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
  const mode = usualFirst(request, minutes, sorted[0]!);
  // A gap no wider than a clock change (at most an hour) past the slot step is a day's skipped
  // hour seen from another zone, not where the poll's days start.
  if (bestGap <= smallestGap + 60) return mode;
  // Days that start up to an hour early, across the viewer's clock change, leave the rows at the usual start.
  const late = (mode - base + 1440) % 1440;
  return late > 0 && late <= 60 ? mode : base;
}

/** The minute most days start at. */
function usualFirst(request: HeatmapRequest, minutes: Int32Array, fallback: number): number {
  const firsts = new Map<number, number>();
  for (const day of request.layout.days) {
    if (day.count === 0) continue;
    const m = minutes[day.first]!;
    firsts.set(m, (firsts.get(m) ?? 0) + 1);
  }
  let mode = fallback;
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
