/**
 * Date polls as month calendars, Monday first: one grid per month that has poll dates,
 * side by side while they fit the width cap, then wrapping to a new row of months.
 */
import { catalog } from '../../core/i18n/index.js';
import { daysInMonth, isoDate, parseIsoDate, weekdayOf } from '../../core/domain/time.js';
import type { HeatmapRequest } from '../../core/ports.js';
import type { Measure } from './fonts.js';
import { frame } from './grid-layout.js';
import type { BodyLayout, CellBox, Line, Rect, TextItem } from './layout-types.js';
import { styleFont } from './styles.js';
import { ellipsize } from './text.js';

const MONTH_GAP = 24;
const TITLE_H = 24;
const WEEKDAY_H = 18;

interface Month {
  y: number;
  m: number;
}

export function layoutCalendar(
  request: HeatmapRequest,
  measure: Measure,
  x0: number,
  y0: number,
  maxWidth: number,
): BodyLayout {
  const c = catalog(request.locale);
  const slotOfDate = new Map<string, number>();
  for (const slot of request.layout.slots) if (!slotOfDate.has(slot.date)) slotOfDate.set(slot.date, slot.index);
  const months = monthsOf([...slotOfDate.keys()]);
  // Many months (dates spread over years) get small cells so the picture stays a sane height.
  const compact = months.length > 6;
  const cellW = compact ? 30 : 56;
  const cellH = compact ? 26 : 46;
  const monthW = 7 * cellW;
  const perRow = Math.max(1, Math.min(months.length, Math.floor((maxWidth + MONTH_GAP) / (monthW + MONTH_GAP))));

  const cells = new Array<CellBox | undefined>(request.layout.slots.length);
  const offDays: Rect[] = [];
  const lines: Line[] = [];
  const texts: TextItem[] = [];

  let y = y0;
  for (let start = 0; start < months.length; start += perRow) {
    const row = months.slice(start, start + perRow);
    let tallest = 0;
    row.forEach((month, i) => {
      const mx = x0 + i * (monthW + MONTH_GAP);
      const title = ellipsize(measure, c.heatmap.month(month.y, month.m), styleFont('month'), monthW);
      texts.push({ text: title, x: mx, y: y + 10, style: 'month', align: 'left' });
      c.weekdaysShort.forEach((wd, col) => {
        const text = ellipsize(measure, wd, styleFont('weekday'), cellW - 2);
        texts.push({ text, x: mx + col * cellW + cellW / 2, y: y + TITLE_H + 8, style: 'weekday', align: 'center' });
      });
      const gy = y + TITLE_H + WEEKDAY_H;
      const lead = weekdayOf(isoDate(month.y, month.m, 1));
      const dim = daysInMonth(month.y, month.m);
      const weeks = Math.ceil((lead + dim) / 7);
      for (let d = 1; d <= dim; d++) {
        const pos = lead + d - 1;
        const rect = { x: mx + (pos % 7) * cellW, y: gy + Math.floor(pos / 7) * cellH, w: cellW, h: cellH };
        // Each day gets its own border, so the blank places before the 1st and after the
        // last day do not look like white "nobody free" cells.
        lines.push(...frame(rect, 'hour', 0));
        const slot = slotOfDate.get(isoDate(month.y, month.m, d));
        if (slot !== undefined) {
          cells[slot] = { slot, rect, dayLabel: String(d) };
        } else {
          offDays.push(rect);
          texts.push({ text: String(d), x: rect.x + 4, y: rect.y + (compact ? 7 : 9), style: 'dayOff', align: 'left' });
        }
      }
      const gh = weeks * cellH;
      tallest = Math.max(tallest, TITLE_H + WEEKDAY_H + gh);
    });
    y += tallest + (start + perRow < months.length ? MONTH_GAP : 0);
  }

  return {
    width: perRow * monthW + (perRow - 1) * MONTH_GAP,
    height: y - y0,
    cells,
    cellStyle: { countSize: compact ? 11 : 16, countY: compact ? 0.62 : 0.6, dayLabelSize: compact ? 9 : 10 },
    missing: [],
    offDays,
    lines,
    texts,
  };
}

function monthsOf(dates: string[]): Month[] {
  const keys = new Set<number>();
  for (const date of dates) {
    const p = parseIsoDate(date);
    if (p) keys.add(p.y * 12 + (p.m - 1));
  }
  return [...keys].sort((a, b) => a - b).map((k) => ({ y: Math.floor(k / 12), m: (k % 12) + 1 }));
}
