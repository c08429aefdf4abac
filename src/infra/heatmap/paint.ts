/** Paints a computed layout and the group's answers onto a 2D context (CSS px units). */
import type { SKRSContext2D } from '@napi-rs/canvas';
import { AvailabilityMatrix } from '../../core/domain/availability.js';
import type { HeatmapRequest } from '../../core/ports.js';
import { cssFont } from './fonts.js';
import { mergeRuns } from './geometry.js';
import type { CellBox, HeatmapLayout, LegendSwatch, Rect, TextItem } from './layout-types.js';
import { groupSize } from './audience.js';
import { cellLevel, formatScore, heatmapPalette as P, levelFill, levelInk, type CellLevel } from './palette.js';
import { TEXT_LOOKS, styleFont } from './styles.js';

type Ctx = SKRSContext2D;

const EMPTY_LEVEL: CellLevel = { kind: 'empty' };

export function paintHeatmap(ctx: Ctx, layout: HeatmapLayout, request: HeatmapRequest): void {
  ctx.fillStyle = P.background;
  ctx.fillRect(0, 0, layout.width, layout.height);

  // Hidden polls never even count the group's answers.
  const counts = layout.hidden ? undefined : countsOf(request);
  const n = groupSize(request);
  const levels = counts ? counts.map((c) => cellLevel(c.yes, c.maybe, n)) : layout.cells.map(() => EMPTY_LEVEL);
  paintCells(ctx, layout, levels);
  paintNotOffered(ctx, layout.missing);
  paintOffDays(ctx, layout.offDays);
  paintLines(ctx, layout);
  paintCellContent(ctx, layout, levels, counts);
  if (request.overlay) paintOverlay(ctx, layout, request.overlay.states);
  paintWindows(ctx, layout);
  paintTexts(ctx, layout.texts);
  paintLegend(ctx, layout.legend);
}

function countsOf(request: HeatmapRequest): Array<{ yes: number; maybe: number }> {
  const matrix = new AvailabilityMatrix(request.participants, request.layout.slots.length);
  return request.layout.slots.map((slot) => matrix.slotCounts(slot.index));
}

function paintCells(ctx: Ctx, layout: HeatmapLayout, levels: CellLevel[]): void {
  // Batch by colour: one fill per colour instead of one state change per cell.
  const byFill = new Map<string, Rect[]>();
  layout.cells.forEach((cell, i) => {
    if (!cell) return;
    const fill = levelFill(levels[i] ?? EMPTY_LEVEL);
    let list = byFill.get(fill);
    if (!list) byFill.set(fill, (list = []));
    list.push(cell.rect);
  });
  for (const [fill, rects] of byFill) {
    ctx.fillStyle = fill;
    for (const r of rects) ctx.fillRect(r.x, r.y, r.w, r.h);
  }
}

/** Light grey with diagonal hatching: clearly not a white "nobody free" cell. */
function paintNotOffered(ctx: Ctx, rects: Rect[]): void {
  if (rects.length === 0) return;
  ctx.fillStyle = P.notOffered;
  for (const r of rects) ctx.fillRect(r.x, r.y, r.w, r.h);
  hatch(ctx, rects);
}

/** Calendar days outside the poll: plain grey, quieter than hatching over a whole month. */
function paintOffDays(ctx: Ctx, rects: Rect[]): void {
  ctx.fillStyle = P.notOffered;
  for (const r of rects) ctx.fillRect(r.x, r.y, r.w, r.h);
}

function hatch(ctx: Ctx, rects: Rect[]): void {
  ctx.save();
  ctx.beginPath();
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const r of rects) {
    ctx.rect(r.x, r.y, r.w, r.h);
    minX = Math.min(minX, r.x);
    minY = Math.min(minY, r.y);
    maxX = Math.max(maxX, r.x + r.w);
    maxY = Math.max(maxY, r.y + r.h);
  }
  ctx.clip();
  ctx.strokeStyle = P.hatch;
  ctx.lineWidth = 1;
  ctx.beginPath();
  const spacing = 6;
  // Lines at 45°, anchored to the page so neighbouring cells' hatching lines up.
  const from = Math.floor((minX + minY) / spacing) * spacing;
  for (let k = from; k <= maxX + maxY; k += spacing) {
    ctx.moveTo(k - minY, minY);
    ctx.lineTo(k - maxY, maxY);
  }
  ctx.stroke();
  ctx.restore();
}

function paintLines(ctx: Ctx, layout: HeatmapLayout): void {
  const colours = { grid: P.gridLine, hour: P.hourLine, frame: P.frame } as const;
  for (const kind of ['grid', 'hour', 'frame'] as const) {
    ctx.fillStyle = colours[kind];
    for (const line of layout.lines) {
      if (line.kind === kind) ctx.fillRect(line.rect.x, line.rect.y, line.rect.w, line.rect.h);
    }
  }
}

function paintCellContent(
  ctx: Ctx,
  layout: HeatmapLayout,
  levels: CellLevel[],
  counts: Array<{ yes: number; maybe: number }> | undefined,
): void {
  const { countSize, countY, dayLabelSize } = layout.cellStyle;
  const calendar = dayLabelSize > 0;
  ctx.textBaseline = 'middle';

  if (dayLabelSize > 0) {
    ctx.font = cssFont(600, dayLabelSize);
    ctx.textAlign = 'left';
    for (const cell of layout.cells) {
      if (!cell?.dayLabel) continue;
      ctx.fillStyle = dayInk(levels[cell.slot] ?? EMPTY_LEVEL);
      ctx.fillText(cell.dayLabel, cell.rect.x + 4, cell.rect.y + dayLabelSize * 0.5 + 4);
    }
  }

  if (counts && countSize > 0) {
    ctx.font = cssFont(600, countSize);
    ctx.textAlign = 'center';
    let ink = '';
    for (const cell of layout.cells) {
      if (!cell) continue;
      const level = levels[cell.slot] ?? EMPTY_LEVEL;
      // Zeros would clutter a grid; a calendar shows them so a poll day never looks like an off day.
      if ((level.kind === 'empty' && !calendar) || (level.kind === 'everyone' && !calendar)) continue;
      const c = counts[cell.slot]!;
      const next = levelInk(level);
      if (next !== ink) ctx.fillStyle = ink = next;
      ctx.fillText(formatScore(c.yes, c.maybe), cell.rect.x + cell.rect.w / 2, cell.rect.y + cell.rect.h * countY);
    }
  }

  if (counts) {
    for (const cell of layout.cells) {
      if (!cell || levels[cell.slot]?.kind !== 'everyone') continue;
      everyoneMark(ctx, cell, calendar);
    }
  }
}

/** Day numbers stay readable on dark cells. */
function dayInk(level: CellLevel): string {
  if (level.kind === 'scale' && level.index >= 4) return P.lightInk;
  if (level.kind === 'everyone') return P.accentInk;
  return P.muted;
}

/** A check mark: in the middle of a grid cell, in the top-right corner of a calendar day. */
function everyoneMark(ctx: Ctx, cell: CellBox, calendar: boolean): void {
  const { x, y, w, h } = cell.rect;
  const size = calendar ? Math.min(12, h * 0.3) : clamp(Math.min(w, h) * 0.6, 4, 12);
  const cx = calendar ? x + w - size / 2 - 5 : x + w / 2;
  const cy = calendar ? y + size / 2 + 5 : y + h / 2;
  checkPath(ctx, cx, cy, size);
  ctx.strokeStyle = P.accentInk;
  ctx.lineWidth = Math.max(1, size / 6);
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.stroke();
}

function checkPath(ctx: Ctx, cx: number, cy: number, size: number): void {
  ctx.beginPath();
  ctx.moveTo(cx - size * 0.45, cy + size * 0.02);
  ctx.lineTo(cx - size * 0.12, cy + size * 0.32);
  ctx.lineTo(cx + size * 0.45, cy - size * 0.32);
}

/**
 * The viewer's own answers over the group colours: a thick border for "free", a dashed
 * thin one for "if needed". Very short cells get a bar on their left edge instead, which
 * still reads as a run down the column.
 */
function paintOverlay(ctx: Ctx, layout: HeatmapLayout, states: string): void {
  const yes: Rect[] = [];
  const maybe: Rect[] = [];
  for (const cell of layout.cells) {
    if (!cell) continue;
    const state = states.charAt(cell.slot);
    if (state === 'y') yes.push(cell.rect);
    else if (state === 'm') maybe.push(cell.rect);
  }
  const yesRuns = mergeRuns(yes);
  const maybeRuns = mergeRuns(maybe);
  ctx.save();
  if (layout.hidden) {
    // No group colours underneath: a light tint makes one's own times easy to scan.
    ctx.fillStyle = P.overlayTint;
    for (const r of yesRuns) ctx.fillRect(r.x, r.y, r.w, r.h);
  }
  ctx.strokeStyle = P.overlay;
  ctx.fillStyle = P.overlay;
  for (const run of yesRuns) overlayMark(ctx, run, true);
  for (const run of maybeRuns) overlayMark(ctx, run, false);
  ctx.restore();
}

function overlayMark(ctx: Ctx, r: Rect, yes: boolean): void {
  if (r.h < 10 || r.w < 10) {
    const barW = Math.max(2, Math.min(4, r.w * 0.2));
    ctx.globalAlpha = yes ? 1 : 0.45;
    ctx.fillRect(r.x + 1, r.y, barW, r.h);
    ctx.globalAlpha = 1;
    return;
  }
  const lw = yes ? clamp(Math.min(r.w, r.h) * 0.14, 2, 3) : 2;
  ctx.lineWidth = lw;
  ctx.setLineDash(yes ? [] : [4, 3]);
  const inset = lw / 2 + 1;
  ctx.strokeRect(r.x + inset, r.y + inset, r.w - 2 * inset, r.h - 2 * inset);
  ctx.setLineDash([]);
}

function paintWindows(ctx: Ctx, layout: HeatmapLayout): void {
  if (layout.windows.length === 0) return;
  const best = layout.windows.filter((w) => !w.nobodyFree);
  const plain = layout.windows.filter((w) => w.nobodyFree);
  ctx.save();
  // A white halo keeps the dark outline visible on the darkest cells.
  for (const [colour, width] of [[P.background, 5], [P.best, 2.5]] as const) {
    ctx.strokeStyle = colour;
    ctx.lineWidth = width;
    for (const w of best) {
      for (const r of w.rects) ctx.strokeRect(r.x - 1, r.y - 1, r.w + 2, r.h + 2);
    }
  }
  // Nobody free for all of it: a thin dotted line finds the option without recommending it.
  for (const w of plain) for (const r of w.rects) nobodyFreeOutline(ctx, { x: r.x - 1, y: r.y - 1, w: r.w + 2, h: r.h + 2 });
  ctx.font = cssFont(700, 10);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  for (const w of layout.windows) {
    const { x, y, r } = w.badge;
    ctx.beginPath();
    ctx.arc(x, y, r, 0, Math.PI * 2);
    // The same number either way; only a recommended time gets the solid badge.
    ctx.fillStyle = w.nobodyFree ? P.background : P.best;
    ctx.fill();
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = w.nobodyFree ? P.best : P.background;
    ctx.stroke();
    ctx.fillStyle = w.nobodyFree ? P.best : P.bestInk;
    ctx.fillText(String(w.rank), x, y + 0.5);
  }
  ctx.restore();
}

function nobodyFreeOutline(ctx: Ctx, r: Rect): void {
  ctx.save();
  ctx.lineWidth = 3;
  ctx.strokeStyle = P.background;
  ctx.strokeRect(r.x, r.y, r.w, r.h);
  // Dotted, so it is told apart from the dashed "you: if needed" mark on a private overlay too.
  ctx.lineWidth = 2;
  ctx.lineCap = 'round';
  ctx.strokeStyle = P.best;
  ctx.setLineDash([0, 4]);
  ctx.strokeRect(r.x, r.y, r.w, r.h);
  ctx.restore();
}

function paintTexts(ctx: Ctx, texts: TextItem[]): void {
  ctx.textBaseline = 'middle';
  let font = '';
  let fill = '';
  let align = '';
  for (const t of texts) {
    if (!t.text) continue;
    const f = styleFont(t.style);
    if (f !== font) ctx.font = font = f;
    const colour = TEXT_LOOKS[t.style].color;
    if (colour !== fill) ctx.fillStyle = fill = colour;
    if (t.align !== align) ctx.textAlign = align = t.align;
    ctx.fillText(t.text, t.x, t.y);
  }
}

function paintLegend(ctx: Ctx, swatches: LegendSwatch[]): void {
  for (const s of swatches) {
    const r = s.rect;
    switch (s.kind) {
      case 'fill':
        ctx.fillStyle = s.fill ?? P.empty;
        ctx.fillRect(r.x, r.y, r.w, r.h);
        break;
      case 'everyone':
        ctx.fillStyle = P.accent;
        ctx.fillRect(r.x, r.y, r.w, r.h);
        checkPath(ctx, r.x + r.w / 2, r.y + r.h / 2, 9);
        ctx.strokeStyle = P.accentInk;
        ctx.lineWidth = 1.5;
        ctx.lineCap = 'round';
        ctx.stroke();
        break;
      case 'notOffered':
        paintNotOffered(ctx, [r]);
        break;
      case 'offDay':
        paintOffDays(ctx, [r]);
        break;
      case 'maybe':
        ctx.fillStyle = s.fill ?? P.empty;
        ctx.fillRect(r.x, r.y, r.w, r.h);
        ctx.font = cssFont(600, 10);
        ctx.textAlign = 'center';
        ctx.textBaseline = 'middle';
        ctx.fillStyle = s.ink ?? P.text;
        ctx.fillText('½', r.x + r.w / 2, r.y + r.h / 2 + 0.5);
        break;
      case 'nobodyFree':
        ctx.fillStyle = P.empty;
        ctx.fillRect(r.x, r.y, r.w, r.h);
        nobodyFreeOutline(ctx, { x: r.x + 1, y: r.y + 1, w: r.w - 2, h: r.h - 2 });
        continue;
      case 'best':
        ctx.fillStyle = P.empty;
        ctx.fillRect(r.x, r.y, r.w, r.h);
        ctx.strokeStyle = P.best;
        ctx.lineWidth = 2;
        ctx.strokeRect(r.x + 1, r.y + 1, r.w - 2, r.h - 2);
        continue;
      case 'overlayYes':
      case 'overlayMaybe':
        ctx.fillStyle = P.empty;
        ctx.fillRect(r.x, r.y, r.w, r.h);
        ctx.strokeStyle = P.overlay;
        ctx.fillStyle = P.overlay;
        overlayMark(ctx, r, s.kind === 'overlayYes');
        break;
    }
    ctx.fillStyle = P.frame;
    outline(ctx, r);
  }
}

/** A hairline border of a swatch, as fills so it stays crisp. */
function outline(ctx: Ctx, r: Rect): void {
  const t = 0.5;
  ctx.fillRect(r.x, r.y, r.w, t);
  ctx.fillRect(r.x, r.y + r.h - t, r.w, t);
  ctx.fillRect(r.x, r.y, t, r.h);
  ctx.fillRect(r.x + r.w - t, r.y, t, r.h);
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, n));
}
