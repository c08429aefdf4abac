/**
 * Painting, as on when2meet and Crab Fit: press on a cell and drag (mouse, pen, or touch in
 * paint mode), and the whole rectangle of days × times between the cell pressed and the cell
 * under the pointer is painted, shown live and shrinking back when the pointer goes back.
 * Starting on a marked cell erases the rectangle, otherwise the brush paints it. The cell under
 * the pointer is found from the rows' and columns' positions, so a fast move skips nothing and
 * a pointer past the grid's edge stands for the edge row or column; near the scroller's edge the
 * grid scrolls by itself. The stroke is saved as one change when the pointer is released. The
 * keyboard moves with the arrow keys and paints one cell with space; the grid has one tab stop,
 * the cell last focused, however it was focused (keys, click or drag).
 */
import type { Grid } from './grid.js';

export interface PaintHost {
  grid: Grid;
  /** Painting is possible now (my answer shown, poll open). */
  canPaint(): boolean;
  /** Touch paints only in paint mode (otherwise a drag scrolls). */
  touchPaints(): boolean;
  /** The brush's state character: 'y' or 'm'. */
  brush(): string;
  /** My answer as shown now, a state character per slot. */
  shown(): string;
  /** Shows my answer with a stroke's changes over it (empty: as it is). */
  preview(changes: ReadonlyMap<number, string>): void;
  commit(changes: Map<number, string>): void;
  /** A cell was pointed at or focused (the group view names who is free there). */
  inspect(slot: number): void;
}

interface Cell {
  row: number;
  col: number;
}

interface Stroke {
  pointer: number;
  target: string;
  anchor: Cell;
  current: Cell;
  /** Where the pointer last was, for the cell under it after the grid scrolls. */
  x: number;
  y: number;
  changes: Map<number, string>;
}

/**
 * A stroke scrolls the grid while its pointer is over the sticky headers (up, left), within this
 * many pixels of the scroller's bottom or right edge, or past any edge: never just for pressing
 * a cell of the first row or column in view.
 */
const EDGE = 16;
/** The most it scrolls in one frame. */
const MAX_STEP = 24;

function slotOf(el: Element | null): number | undefined {
  const cell = el?.closest('td[data-slot]');
  return cell ? Number(cell.getAttribute('data-slot')) : undefined;
}

/** The index of the band (row or column) holding `pos`, clamped to the first and last band. */
function bandAt(starts: number[], pos: number): number {
  let i = 0;
  while (i + 1 < starts.length && pos >= starts[i + 1]!) i++;
  return i;
}

/** Wires painting to the grid's table; returns what undoes it (the grid is rebuilt on a new layout). */
export function attachPainting(host: PaintHost): () => void {
  const { grid } = host;
  const table = grid.table;
  const off = new AbortController();
  const listen = { signal: off.signal };
  let stroke: Stroke | undefined;
  let scrolling = 0;

  /** The row and column under a point: rows from the body's rows, columns from the first row's cells. */
  const cellAt = (x: number, y: number): Cell | undefined => {
    const rows = Array.from(table.tBodies[0]?.rows ?? []);
    const first = rows[0];
    if (!first) return undefined;
    const cols = Array.from(first.cells).slice(1);
    if (cols.length === 0) return undefined;
    const row = bandAt(rows.map((r) => r.getBoundingClientRect().top), y);
    const col = bandAt(cols.map((c) => c.getBoundingClientRect().left), x);
    return { row, col };
  };

  /** The stroke's rectangle as changes: every offered cell in it that does not already show the target. */
  const rectangle = (s: Stroke): Map<number, string> => {
    const changes = new Map<number, string>();
    const shown = host.shown();
    const [r0, r1] = [Math.min(s.anchor.row, s.current.row), Math.max(s.anchor.row, s.current.row)];
    const [c0, c1] = [Math.min(s.anchor.col, s.current.col), Math.max(s.anchor.col, s.current.col)];
    for (let r = r0; r <= r1; r++) {
      const line = grid.at[r];
      if (!line) continue;
      for (let c = c0; c <= c1; c++) {
        const slot = line[c] ?? -1;
        if (slot >= 0 && (shown.charAt(slot) || '.') !== s.target) changes.set(slot, s.target);
      }
    }
    return changes;
  };

  /** Moves the stroke's corner to the cell under its pointer, redrawing only when that cell changed. */
  const follow = (force = false): void => {
    if (!stroke) return;
    const cell = cellAt(stroke.x, stroke.y);
    if (!cell) return;
    if (!force && cell.row === stroke.current.row && cell.col === stroke.current.col) return;
    stroke.current = cell;
    stroke.changes = rectangle(stroke);
    host.preview(stroke.changes);
  };

  /** While a stroke's pointer is near or past the scroller's edge, the grid scrolls towards it. */
  const autoScroll = (): void => {
    scrolling = 0;
    const scroller = table.parentElement;
    if (!stroke || !scroller) return;
    const box = scroller.getBoundingClientRect();
    const head = table.tHead?.getBoundingClientRect().height ?? 0;
    const rowHead = table.tBodies[0]?.rows[0]?.cells[0]?.getBoundingClientRect().width ?? 0;
    const speed = (past: number) => Math.min(MAX_STEP, Math.ceil((past / EDGE) * (MAX_STEP / 2)));
    let dx = 0;
    let dy = 0;
    if (stroke.y > box.bottom - EDGE) dy = speed(stroke.y - (box.bottom - EDGE));
    else if (stroke.y < box.top + head) dy = -speed(box.top + head - stroke.y);
    if (stroke.x > box.right - EDGE) dx = speed(stroke.x - (box.right - EDGE));
    else if (stroke.x < box.left + rowHead) dx = -speed(box.left + rowHead - stroke.x);
    const before = [scroller.scrollLeft, scroller.scrollTop];
    if (dx || dy) scroller.scrollBy(dx, dy);
    if (scroller.scrollLeft !== before[0] || scroller.scrollTop !== before[1]) follow();
    if (dx || dy) scrolling = requestAnimationFrame(autoScroll);
  };

  table.addEventListener(
    'pointerdown',
    (e) => {
      const slot = slotOf(e.target as Element);
      if (slot === undefined) return;
      host.inspect(slot);
      if (!host.canPaint() || (e.pointerType === 'touch' && !host.touchPaints()) || e.button > 0) return;
      e.preventDefault();
      const at = grid.where(slot);
      const start = host.shown().charAt(slot) || '.';
      stroke = { pointer: e.pointerId, target: start === '.' ? host.brush() : '.', anchor: at, current: at, x: e.clientX, y: e.clientY, changes: new Map() };
      // Touch pointers are captured by the cell they start on; moves are found by position anyway.
      (e.target as Element).releasePointerCapture?.(e.pointerId);
      stroke.changes = rectangle(stroke);
      host.preview(stroke.changes);
      grid.cells[slot]?.focus({ preventScroll: true });
    },
    listen,
  );

  window.addEventListener(
    'pointermove',
    (e) => {
      if (!stroke || e.pointerId !== stroke.pointer) {
        const hovered = slotOf(e.target as Element);
        if (hovered !== undefined && e.pointerType === 'mouse' && table.contains(e.target as Node)) host.inspect(hovered);
        return;
      }
      stroke.x = e.clientX;
      stroke.y = e.clientY;
      follow();
      if (!scrolling) scrolling = requestAnimationFrame(autoScroll);
    },
    listen,
  );

  const end = (e: PointerEvent): void => {
    if (!stroke || e.pointerId !== stroke.pointer) return;
    const { changes } = stroke;
    stroke = undefined;
    if (scrolling) cancelAnimationFrame(scrolling);
    scrolling = 0;
    // A cancelled stroke (the browser took the touch over) paints nothing.
    if (e.type === 'pointercancel') host.preview(new Map());
    else host.commit(changes);
  };
  window.addEventListener('pointerup', end, listen);
  window.addEventListener('pointercancel', end, listen);

  table.addEventListener(
    'focusin',
    (e) => {
      const slot = slotOf(e.target as Element);
      if (slot === undefined) return;
      rove(grid, slot);
      host.inspect(slot);
    },
    listen,
  );

  table.addEventListener(
    'keydown',
    (e) => {
      const slot = slotOf(e.target as Element);
      if (slot === undefined) return;
      const move: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
      const step = move[e.key];
      if (step) {
        e.preventDefault();
        const next = neighbour(grid, slot, step[0], step[1]);
        if (next !== undefined) grid.cells[next]?.focus();
        return;
      }
      if ((e.key === ' ' || e.key === 'Enter') && host.canPaint() && !stroke) {
        e.preventDefault();
        const target = (host.shown().charAt(slot) || '.') === '.' ? host.brush() : '.';
        const changes = new Map([[slot, target]]);
        host.preview(changes);
        host.commit(changes);
      }
    },
    listen,
  );

  return () => {
    if (scrolling) cancelAnimationFrame(scrolling);
    off.abort();
    // The grid is redrawn under a stroke (a live update changed its layout): keep what was painted
    // so far rather than dropping it; the new grid takes the next stroke.
    if (stroke && stroke.changes.size > 0) host.commit(stroke.changes);
    stroke = undefined;
  };
}

/** The nearest offered cell from `slot` in a direction, skipping cells the poll does not offer. */
function neighbour(grid: Grid, slot: number, dr: number, dc: number): number | undefined {
  let { row, col } = grid.where(slot);
  for (;;) {
    row += dr;
    col += dc;
    const line = grid.at[row];
    if (!line || col < 0 || col >= line.length) return undefined;
    const found = line[col]!;
    if (found >= 0) return found;
  }
}

/** Roving tabindex: the focused cell becomes the grid's one tab stop. */
function rove(grid: Grid, slot: number): void {
  for (const cell of grid.cells) if (cell && cell.tabIndex === 0 && cell !== grid.cells[slot]) cell.tabIndex = -1;
  const cell = grid.cells[slot];
  if (cell) cell.tabIndex = 0;
}
