/**
 * Places a grid model (days across, times or blocks down) on the page. When the days do
 * not fit the width cap at a readable column width, they wrap into several bands stacked
 * top to bottom, each with its own headers and row labels.
 */
import type { Measure } from './fonts.js';
import type { GridModel } from './grid-model.js';
import type { BodyLayout, CellBox, CellStyle, Line, LineKind, Rect, TextItem } from './layout-types.js';
import { styleFont } from './styles.js';
import { ellipsize, fitFirst } from './text.js';


const MIN_COL = 28;
const MAX_COL = 88;
/** Tallest the cell area of all bands together should get before rows shrink. */
const GRID_HEIGHT_BUDGET = 900;
/** Hard cap on the cell area's height, for polls far beyond what the grammar allows. */
const GRID_HEIGHT_LIMIT = 4000;
const BAND_GAP = 22;
/** Closest two time labels may sit, centre to centre. */
const LABEL_SPACING = 12;
const HAIRLINE = 0.5;

/** A grid to lay out, where its top-left goes and how wide it may be. */
export interface GridPlacement {
  model: GridModel;
  slotCount: number;
  measure: Measure;
  x0: number;
  y0: number;
  maxWidth: number;
}

export function layoutGrid(placement: GridPlacement): BodyLayout {
  const { model, slotCount, measure, x0, y0, maxWidth } = placement;
  const labelW = labelColumnWidth(model, measure);
  const available = Math.max(MIN_COL, maxWidth - labelW);
  const nCols = Math.max(1, model.columns.length);
  const perBandMax = Math.max(1, Math.floor(available / MIN_COL));
  const bands = Math.ceil(nCols / perBandMax);
  const perBand = Math.ceil(nCols / bands);
  const colW = clamp(Math.floor(available / perBand), MIN_COL, MAX_COL);
  const nRows = Math.max(1, model.rows.length);
  const rowH = rowHeight(model, nRows * bands);
  const headH = model.columns.some((c) => c.lines.length > 1) ? 36 : 24;
  const footH = model.kind === 'time' ? 12 : 0;

  const cells = new Array<CellBox | undefined>(slotCount);
  const missing: Rect[] = [];
  const lines: Line[] = [];
  const texts: TextItem[] = [];

  // Which slot sits at (column, row), to find the holes.
  const at = new Int32Array(nCols * nRows).fill(-1);
  for (let slot = 0; slot < slotCount; slot++) {
    const row = model.rowOfSlot[slot]!;
    const col = dayColumn(model, slot);
    if (row >= 0 && col >= 0) at[col * nRows + row] = slot;
  }

  let y = y0;
  for (let band = 0; band < bands; band++) {
    const first = band * perBand;
    const cols = model.columns.slice(first, first + perBand);
    if (cols.length === 0) break;
    const gx = x0 + labelW;
    const gy = y + headH;
    const gw = cols.length * colW;
    const gh = nRows * rowH;

    // One abbreviation level for the whole band, so headers do not mix "Dec 10" and "11".
    const mainLevel = sharedLevel(measure, cols.map((c) => c.lines[0] ?? []), styleFont('column'), colW - 4);
    const subLevel = sharedLevel(measure, cols.map((c) => c.lines[1] ?? []), styleFont('columnSub'), colW - 4);
    cols.forEach((column, i) => {
      const cx = gx + i * colW;
      const centre = cx + colW / 2;
      const [main, sub] = column.lines;
      if (main) {
        const text = fitFirst(measure, main.slice(Math.min(mainLevel, main.length - 1)), styleFont('column'), colW - 4);
        texts.push({ text, x: centre, y: y + (column.lines.length === 1 ? 12 : 10), style: 'column', align: 'center' });
      }
      if (sub) {
        const text = fitFirst(measure, sub.slice(Math.min(subLevel, sub.length - 1)), styleFont('columnSub'), colW - 4);
        texts.push({ text, x: centre, y: y + 25, style: 'columnSub', align: 'center' });
      }
      const col = first + i;
      for (let row = 0; row < nRows; row++) {
        const rect = { x: cx, y: gy + row * rowH, w: colW, h: rowH };
        const slot = at[col * nRows + row]!;
        if (slot >= 0) cells[slot] = { slot, rect };
        else missing.push(rect);
      }
      if (i > 0) lines.push({ rect: { x: cx, y: gy, w: HAIRLINE * 2, h: gh }, kind: 'grid' });
    });

    model.rows.forEach((row, r) => {
      if (r === 0) return;
      const ly = gy + r * rowH;
      if (row.hourStart) lines.push({ rect: { x: gx, y: ly, w: gw, h: HAIRLINE }, kind: 'hour' });
      else if (rowH >= 8) lines.push({ rect: { x: gx, y: ly, w: gw, h: HAIRLINE }, kind: 'grid' });
    });
    lines.push(...frame({ x: gx, y: gy, w: gw, h: gh }));

    texts.push(...rowLabels(model, measure, { x0, gx, gy, rowH, labelW }));
    y = gy + gh + footH + (band < bands - 1 ? BAND_GAP : 0);
  }

  const cellStyle: CellStyle = {
    countSize: countSize(model, colW, rowH),
    countY: 0.5,
    dayLabelSize: 0,
  };
  const width = labelW + Math.min(perBand, nCols) * colW;
  return { width, height: y - y0, cells, cellStyle, missing, offDays: [], lines, texts };
}

/** The first candidate index at which every column's label fits. */
function sharedLevel(measure: Measure, lists: string[][], font: string, maxWidth: number): number {
  const levels = Math.max(0, ...lists.map((l) => l.length));
  for (let level = 0; level < levels; level++) {
    if (lists.every((l) => l.length === 0 || measure(l[Math.min(level, l.length - 1)]!, font) <= maxWidth)) return level;
  }
  return Math.max(0, levels - 1);
}

function dayColumn(model: GridModel, slot: number): number {
  return model.colOfSlot[slot] ?? -1;
}

/** The label column's left edge, the grid's top-left, its row height and the label column's width. */
function rowLabels(model: GridModel, measure: Measure, at: { x0: number; gx: number; gy: number; rowH: number; labelW: number }): TextItem[] {
  const { x0, gx, gy, rowH, labelW } = at;
  const texts: TextItem[] = [];
  if (model.kind === 'time') {
    let lastY = -Infinity;
    model.rows.forEach((row, r) => {
      const ly = gy + r * rowH;
      if (!row.hourStart || ly - lastY < LABEL_SPACING) return;
      texts.push({ text: row.label, x: gx - 6, y: ly, style: 'row', align: 'right' });
      lastY = ly;
    });
    const endY = gy + model.rows.length * rowH;
    if (model.endLabel && endY - lastY >= LABEL_SPACING) {
      texts.push({ text: model.endLabel, x: gx - 6, y: endY, style: 'row', align: 'right' });
    }
    return texts;
  }
  if (model.kind === 'block' && rowH >= 12) {
    const maxW = labelW - 10;
    model.rows.forEach((row, r) => {
      const cy = gy + r * rowH + rowH / 2;
      const twoLines = row.sub !== undefined && rowH >= 28;
      const name = ellipsize(measure, row.label, styleFont('column'), maxW);
      texts.push({ text: name, x: x0, y: twoLines ? cy - 6 : cy, style: 'column', align: 'left' });
      if (twoLines && row.sub) {
        const times = ellipsize(measure, row.sub, styleFont('rowSub'), maxW);
        texts.push({ text: times, x: x0, y: cy + 7, style: 'rowSub', align: 'left' });
      }
    });
  }
  return texts;
}

function labelColumnWidth(model: GridModel, measure: Measure): number {
  if (model.kind === 'single') return 0;
  if (model.kind === 'time') {
    let widest = measure(model.endLabel ?? '', styleFont('row'));
    for (const row of model.rows) if (row.hourStart) widest = Math.max(widest, measure(row.label, styleFont('row')));
    return Math.ceil(Math.max(34, widest) + 10);
  }
  let widest = 0;
  for (const row of model.rows) {
    widest = Math.max(widest, measure(row.label, styleFont('column')));
    if (row.sub) widest = Math.max(widest, measure(row.sub, styleFont('rowSub')));
  }
  return Math.ceil(clamp(widest + 12, 48, 200));
}

function rowHeight(model: GridModel, totalRows: number): number {
  const fit = Math.floor(GRID_HEIGHT_BUDGET / totalRows);
  // Whatever the poll, the canvas stays allocatable: rows shrink below their readable
  // minimum (and lose their labels) rather than the image growing without bound.
  const ceiling = Math.max(2, Math.floor(GRID_HEIGHT_LIMIT / totalRows));
  switch (model.kind) {
    case 'time':
      return Math.min(ceiling, clamp(fit, 5, 22));
    case 'block':
      return Math.min(ceiling, clamp(fit, 18, model.rows.some((r) => r.sub) ? 40 : 32));
    case 'single':
      return 44;
  }
}

function countSize(model: GridModel, colW: number, rowH: number): number {
  if (colW < 24 || rowH < 13) return 0;
  if (model.kind === 'single') return 15;
  if (model.kind === 'block') return rowH >= 24 ? 13 : 11;
  return Math.min(11, rowH - 4);
}

/** The four sides of a rectangle, `t` CSS px wide, `out` px outside it. */
export function frame(r: Rect, kind: LineKind = 'frame', out = 1, t = out || 0.5): Line[] {
  return [
    { rect: { x: r.x - out, y: r.y - out, w: r.w + 2 * out, h: t }, kind },
    { rect: { x: r.x - out, y: r.y + r.h + out - t, w: r.w + 2 * out, h: t }, kind },
    { rect: { x: r.x - out, y: r.y, w: t, h: r.h }, kind },
    { rect: { x: r.x + r.w + out - t, y: r.y, w: t, h: r.h }, kind },
  ];
}

export function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, n));
}
