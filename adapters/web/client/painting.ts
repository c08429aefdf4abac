/**
 * Painting: press and drag across cells (mouse, pen or touch); starting on a marked cell
 * erases, otherwise the brush paints. A stroke ends when the pointer is released and is then
 * saved as one change. The keyboard moves with the arrow keys and paints one cell with space.
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
  /** The state character a slot shows now. */
  shownAt(slot: number): string;
  /** Shows a cell's new state during a stroke. */
  preview(slot: number, c: string): void;
  commit(changes: Map<number, string>): void;
  /** A cell was pointed at or focused (the group view names who is free there). */
  inspect(slot: number): void;
}

function slotOf(el: Element | null): number | undefined {
  const cell = el?.closest('td[data-slot]');
  return cell ? Number(cell.getAttribute('data-slot')) : undefined;
}

export function attachPainting(host: PaintHost): void {
  const table = host.grid.table;
  let stroke: { target: string; changes: Map<number, string>; pointer: number } | undefined;

  const paint = (slot: number): void => {
    if (!stroke || stroke.changes.has(slot)) return;
    stroke.changes.set(slot, stroke.target);
    host.preview(slot, stroke.target);
  };

  table.addEventListener('pointerdown', (e) => {
    const slot = slotOf(e.target as Element);
    if (slot === undefined) return;
    host.inspect(slot);
    if (!host.canPaint() || (e.pointerType === 'touch' && !host.touchPaints()) || e.button > 0) return;
    e.preventDefault();
    const start = host.shownAt(slot);
    stroke = { target: start === '.' ? host.brush() : '.', changes: new Map(), pointer: e.pointerId };
    // Touch pointers are captured by the cell they start on; moves are found by position instead.
    (e.target as Element).releasePointerCapture?.(e.pointerId);
    paint(slot);
    host.grid.cells[slot]?.focus({ preventScroll: true });
  });

  table.addEventListener('pointermove', (e) => {
    if (!stroke || e.pointerId !== stroke.pointer) {
      const hovered = slotOf(e.target as Element);
      if (hovered !== undefined && e.pointerType === 'mouse') host.inspect(hovered);
      return;
    }
    const slot = slotOf(document.elementFromPoint(e.clientX, e.clientY));
    if (slot !== undefined) paint(slot);
  });

  const end = (e: PointerEvent): void => {
    if (!stroke || e.pointerId !== stroke.pointer) return;
    const changes = stroke.changes;
    stroke = undefined;
    host.commit(changes);
  };
  window.addEventListener('pointerup', end);
  window.addEventListener('pointercancel', end);

  table.addEventListener('focusin', (e) => {
    const slot = slotOf(e.target as Element);
    if (slot !== undefined) host.inspect(slot);
  });

  table.addEventListener('keydown', (e) => {
    const slot = slotOf(e.target as Element);
    if (slot === undefined) return;
    const move: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const step = move[e.key];
    if (step) {
      e.preventDefault();
      const next = neighbour(host.grid, slot, step[0], step[1]);
      if (next !== undefined) focusSlot(host.grid, slot, next);
      return;
    }
    if ((e.key === ' ' || e.key === 'Enter') && host.canPaint()) {
      e.preventDefault();
      const target = host.shownAt(slot) === '.' ? host.brush() : '.';
      host.preview(slot, target);
      host.commit(new Map([[slot, target]]));
    }
  });
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

function focusSlot(grid: Grid, from: number, to: number): void {
  const a = grid.cells[from];
  const b = grid.cells[to];
  if (!b) return;
  if (a) a.tabIndex = -1;
  b.tabIndex = 0;
  b.focus();
}
