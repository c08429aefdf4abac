/**
 * Where everything goes, as plain data: the renderer paints exactly this, and tests read
 * it to find the pixel of a slot's cell without guessing. Deterministic in the request.
 */
import { catalog } from '../../core/i18n/index.js';
import { formatInstant } from '../../core/views/format.js';
import type { HeatmapRequest } from '../../core/ports.js';
import { groupSize, isHidden } from './audience.js';
import { layoutCalendar } from './calendar-layout.js';
import { measureText, type Measure } from './fonts.js';
import { buildGridModel } from './grid-model.js';
import { clamp, layoutGrid } from './grid-layout.js';
import type {
  BodyLayout,
  CellBox,
  HeatmapLayout,
  LegendSwatch,
  LegendSwatchKind,
  Rect,
  TextItem,
  TextStyle,
  WindowMark,
} from './layout-types.js';
import { mergeRuns } from './geometry.js';
import { cellLevel, legendSteps, levelFill, levelInk } from './palette.js';
import { styleFont } from './styles.js';
import { cleanText, ellipsize } from './text.js';

export const PIXEL_RATIO = 2;
/** Chat clients shrink or reject huge images; the PNG is never wider than this. */
export const MAX_PIXEL_WIDTH = 2000;

const PAD = 20;
const MIN_WIDTH = 560;
const MAX_WIDTH = Math.floor(MAX_PIXEL_WIDTH / PIXEL_RATIO);
const SWATCH = 14;
const LEGEND_LINE = 22;
const FOOT_LINE = 20;
const FOOT_MAX_LINES = 2;
const NAME_MAX_WIDTH = 160;
const MAX_WINDOWS = 3;

export function computeHeatmapLayout(request: HeatmapRequest, measure: Measure = measureText): HeatmapLayout {
  const hidden = isHidden(request);
  const spec = request.poll.spec;
  const contentMax = MAX_WIDTH - 2 * PAD;

  const headerLines = request.personal ? 2 : hidden ? 4 : 3;
  const bodyY = PAD + 28 + 20 * (headerLines - 1) + 16;
  const body: BodyLayout =
    spec.kind === 'date' && spec.days.type === 'dates'
      ? layoutCalendar(request, measure, PAD, bodyY, contentMax)
      : layoutGrid({ model: buildGridModel(request), slotCount: request.layout.slots.length, measure, x0: PAD, y0: bodyY, maxWidth: contentMax });

  const width = clamp(Math.ceil(body.width) + 2 * PAD, MIN_WIDTH, MAX_WIDTH);
  const inner = width - 2 * PAD;
  const texts: TextItem[] = [...headerTexts(request, measure, inner, hidden), ...body.texts];

  const windows = hidden ? [] : windowMarks(request, body.cells, body.cellStyle.dayLabelSize > 0);

  let y = bodyY + body.height + 18;
  const legend = legendFlow(request, measure, {
    inner,
    top: y,
    hidden,
    body,
    hasBest: windows.some((w) => !w.nobodyFree),
    hasNobodyFree: windows.some((w) => w.nobodyFree),
  });
  texts.push(...legend.texts);
  y = legend.bottom + 10;

  const foot = footerTexts(request, measure, inner, y, hidden);
  texts.push(...foot.texts);
  const height = Math.ceil(foot.bottom + PAD - 6);

  return {
    scale: PIXEL_RATIO,
    width,
    height,
    pixelWidth: width * PIXEL_RATIO,
    pixelHeight: height * PIXEL_RATIO,
    hidden,
    respondents: groupSize(request),
    cells: body.cells,
    cellStyle: body.cellStyle,
    missing: body.missing,
    offDays: body.offDays,
    lines: body.lines,
    texts,
    windows,
    legend: legend.swatches,
  };
}

function headerTexts(request: HeatmapRequest, measure: Measure, inner: number, hidden: boolean): TextItem[] {
  const c = catalog(request.locale);
  const { poll, participants } = request;
  const spec = poll.spec;
  const texts: TextItem[] = [];
  const line = (text: string, y: number, style: TextStyle) =>
    texts.push({ text: ellipsize(measure, text, styleFont(style), inner), x: PAD, y, style, align: 'left' });

  line(spec.title, PAD + 12, 'title');
  if (request.personal) {
    line(c.heatmap.zone(request.timezone), PAD + 38, 'meta');
    return texts;
  }
  line([c.kind[spec.kind] ?? spec.kind, poll.code, c.heatmap.zone(request.timezone)].join(' · '), PAD + 38, 'meta');

  const known = spec.expected.length + participants.filter((p) => !spec.expected.some((e) => e.id === p.user.id)).length;
  const answered =
    spec.expected.length > 0 ? c.heatmap.answeredOf(participants.length, known) : c.heatmap.answered(participants.length);
  let status: string;
  if (poll.status === 'closed') status = c.heatmap.closed;
  else if (spec.deadline !== undefined) {
    status = `${c.heatmap.deadline} ${formatInstant(spec.deadline, request.timezone, request.locale)}`;
  }
  else status = c.heatmap.open;
  const parts = [answered, status];
  if (request.overlay) parts.push(`${c.heatmap.yours}: ${cleanText(request.overlay.user.name)}`);
  line(parts.join(' · '), PAD + 58, 'metaStrong');
  if (hidden) line(c.heatmap.hidden, PAD + 78, 'note');
  return texts;
}

interface Flow {
  texts: TextItem[];
  swatches: LegendSwatch[];
  bottom: number;
}

interface LegendItem {
  swatch?: { kind: LegendSwatchKind; fill?: string; ink?: string };
  text: string;
  style: TextStyle;
}

/** Where the legend goes and what it has to explain. */
interface LegendPlace {
  inner: number;
  top: number;
  hidden: boolean;
  body: BodyLayout;
  /** Some windows are recommended (outlined), some only numbered: each kind is explained when shown. */
  hasBest: boolean;
  hasNobodyFree: boolean;
}

function legendFlow(request: HeatmapRequest, measure: Measure, place: LegendPlace): Flow {
  const { inner, top, hidden, body, hasBest, hasNobodyFree } = place;
  const c = catalog(request.locale).heatmap;
  const items: LegendItem[] = [];
  if (request.personal) {
    // One person: a cell is free or if needed, never a count of people.
    const alone = cellLevel(0, 1, 1);
    items.push({ swatch: { kind: 'everyone' }, text: c.free, style: 'legend' });
    items.push({ swatch: { kind: 'maybe', fill: levelFill(alone), ink: levelInk(alone) }, text: c.ifNeeded, style: 'legend' });
  } else if (!hidden) {
    const n = groupSize(request);
    items.push({ text: c.legend, style: 'legendStrong' });
    for (const step of legendSteps(n)) {
      items.push(
        step.everyone
          ? { swatch: { kind: 'everyone' }, text: `${step.label} · ${c.everyone}`, style: 'legend' }
          : { swatch: { kind: 'fill', fill: step.fill }, text: step.label, style: 'legend' },
      );
    }
    if (n > 0) {
      // The look of one "if needed" alone, so the ½ in the cells is recognised at a glance.
      const alone = cellLevel(0, 1, n);
      items.push({ swatch: { kind: 'maybe', fill: levelFill(alone), ink: levelInk(alone) }, text: c.maybeHalf, style: 'legend' });
    }
    if (body.missing.length > 0) {
      items.push({ swatch: { kind: 'notOffered' }, text: c.notOffered, style: 'legend' });
    } else if (body.offDays.length > 0) {
      items.push({ swatch: { kind: 'offDay' }, text: c.notOffered, style: 'legend' });
    }
    if (hasBest) items.push({ swatch: { kind: 'best' }, text: c.best, style: 'legend' });
    if (hasNobodyFree) items.push({ swatch: { kind: 'nobodyFree' }, text: catalog(request.locale).nobodyFree.legend, style: 'legend' });
  }
  if (request.overlay) {
    items.push({ swatch: { kind: 'overlayYes' }, text: c.yourYes, style: 'legend' });
    items.push({ swatch: { kind: 'overlayMaybe' }, text: c.yourMaybe, style: 'legend' });
  }

  const texts: TextItem[] = [];
  const swatches: LegendSwatch[] = [];
  let x = PAD;
  let y = top;
  for (const item of items) {
    const text = ellipsize(measure, item.text, styleFont(item.style), inner - SWATCH - 6);
    const w = (item.swatch ? SWATCH + 5 : 0) + measure(text, styleFont(item.style));
    if (x > PAD && x + w > PAD + inner) {
      x = PAD;
      y += LEGEND_LINE;
    }
    const cy = y + SWATCH / 2;
    if (item.swatch) {
      const rect = { x, y, w: SWATCH, h: SWATCH };
      const { kind, fill, ink } = item.swatch;
      swatches.push({ kind, rect, ...(fill ? { fill } : {}), ...(ink ? { ink } : {}) });
      x += SWATCH + 5;
    }
    texts.push({ text, x, y: cy, style: item.style, align: 'left' });
    x += measure(text, styleFont(item.style)) + (item.swatch ? 12 : 8);
  }
  return { texts, swatches, bottom: items.length > 0 ? y + SWATCH : top - 10 };
}

function footerTexts(
  request: HeatmapRequest,
  measure: Measure,
  inner: number,
  top: number,
  hidden: boolean,
): { texts: TextItem[]; bottom: number } {
  const c = catalog(request.locale).heatmap;
  const texts: TextItem[] = [];
  let y = top;
  if (hidden || request.personal) return { texts, bottom: y };
  const answered = request.participants.map((p) => p.user.name);
  const answeredIds = new Set(request.participants.map((p) => p.user.id));
  const respondents = nameList(measure, { label: `${c.respondents} ${answered.length}`, names: answered, inner, top: y });
  texts.push(...respondents.texts);
  y = respondents.bottom;
  if (request.poll.spec.expected.length > 0) {
    const pending = request.poll.spec.expected.filter((u) => !answeredIds.has(u.id)).map((u) => u.name);
    if (pending.length > 0) {
      const waiting = nameList(measure, { label: `${c.notYet} ${pending.length}`, names: pending, inner, top: y });
      texts.push(...waiting.texts);
      y = waiting.bottom;
    }
  }
  return { texts, bottom: y };
}

/**
 * "Answered 6  Ana, 민수, …, +3" over at most two lines. Each name is its own text item so
 * a right-to-left name never reorders its neighbours.
 */
function nameList(measure: Measure, list: { label: string; names: readonly string[]; inner: number; top: number }): { texts: TextItem[]; bottom: number } {
  const { label, names, inner, top } = list;
  const texts: TextItem[] = [];
  const labelFont = styleFont('footLabel');
  const font = styleFont('foot');
  const right = PAD + inner;
  texts.push({ text: label, x: PAD, y: top + FOOT_LINE / 2, style: 'footLabel', align: 'left' });
  const indent = PAD + Math.ceil(measure(label, labelFont)) + 10;
  const comma = ', ';
  const commaW = measure(comma, font);
  let x = indent;
  let line = 0;
  for (let i = 0; i < names.length; i++) {
    const name = ellipsize(measure, names[i]!, font, NAME_MAX_WIDTH) || '?';
    const nameW = measure(name, font);
    const last = i === names.length - 1;
    const rest = names.length - i - 1;
    // On the last allowed line, keep room for "+N" after this name.
    const reserve = last || line < FOOT_MAX_LINES - 1 ? 0 : commaW + measure(`+${rest}`, font);
    if (x + nameW + reserve > right) {
      if (x > indent && line < FOOT_MAX_LINES - 1) {
        line++;
        x = indent;
        i--;
        continue;
      }
      const cy = top + line * FOOT_LINE + FOOT_LINE / 2;
      texts.push({ text: `+${names.length - i}`, x, y: cy, style: 'footLabel', align: 'left' });
      break;
    }
    const cy = top + line * FOOT_LINE + FOOT_LINE / 2;
    texts.push({ text: name, x, y: cy, style: 'foot', align: 'left' });
    x += nameW;
    if (!last) {
      texts.push({ text: ',', x, y: cy, style: 'foot', align: 'left' });
      x += commaW;
    }
  }
  return { texts, bottom: top + (line + 1) * FOOT_LINE };
}

function windowMarks(request: HeatmapRequest, cells: Array<CellBox | undefined>, calendar: boolean): WindowMark[] {
  return request.best.slice(0, MAX_WINDOWS).flatMap((window, i): WindowMark[] => {
    const nobodyFree = window.yes.length === 0;
    const boxes: Rect[] = [];
    // The whole stretch where the same people are free is outlined: the meeting fits anywhere in it.
    for (let s = window.firstSlot; s < window.firstSlot + window.stretch; s++) {
      const cell = cells[s];
      if (cell) boxes.push(cell.rect);
    }
    const rects = mergeRuns(boxes);
    const first = rects[0];
    if (!first) return [];
    // Calendar days keep their top-left for the day number: the badge sits on the corner.
    if (calendar) return [{ rank: i + 1, rects, badge: { x: first.x - 1, y: first.y - 1, r: 7 }, nobodyFree }];
    // Grid cells: inside the window's first row, at its left, sized to the row, so it never
    // covers the hour labels to the left of the grid.
    const r = Math.max(5, Math.min(7, Math.floor(first.h / 2) - 2));
    const badge =
      first.w >= 4 * r + 8
        ? { x: first.x + r + 3, y: first.y + (first.h >= 2 * r + 12 ? r + 3 : first.h / 2), r }
        : { x: first.x + first.w, y: first.y, r };
    return [{ rank: i + 1, rects, badge, nobodyFree }];
  });
}
