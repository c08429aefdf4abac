/**
 * The grid as a table with grid roles: a column per day, a row per time (or block), a cell per
 * slot. Cells show either my answer or the group's colours (the heatmap's palette), and each is
 * labelled with its date, time and state for screen readers.
 */
import { cellFill, formatScore, heatmapPalette, levelInk, cellLevel } from '../../../src/infra/heatmap/palette.js';
import type { PageState } from '../page-state.js';

export type Mode = 'mine' | 'group';

export interface GroupCounts {
  yes: Uint16Array;
  maybe: Uint16Array;
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  for (const child of children) el.append(child);
  return el;
}

export class Grid {
  readonly table: HTMLTableElement;
  /** Cell of each slot, by slot index. */
  readonly cells: HTMLTableCellElement[] = [];
  /** Slot at each [row][col], or -1. */
  readonly at: number[][];

  constructor(private readonly state: PageState) {
    const rows = state.rows.length;
    const cols = state.columns.length;
    this.at = Array.from({ length: rows }, () => new Array<number>(cols).fill(-1));
    state.rowOfSlot.forEach((row, slot) => {
      const col = state.colOfSlot[slot]!;
      if (row >= 0 && row < rows && col >= 0 && col < cols) this.at[row]![col] = slot;
    });
    this.table = h('table', { role: 'grid', class: 'grid', 'aria-label': state.strings.gridLabel, 'aria-rowcount': String(rows + 1) });
    const head = h('tr', { role: 'row' }, h('th', { role: 'columnheader', class: 'corner' }));
    for (const col of state.columns) {
      head.append(h('th', { role: 'columnheader', scope: 'col' }, ...col.lines.flatMap((line, i) => (i ? [h('br'), line] : [line]))));
    }
    const thead = h('thead', {}, head);
    const tbody = h('tbody');
    state.rows.forEach((row, r) => {
      const tr = h('tr', { role: 'row', class: row.hourStart ? 'hour' : '' });
      const label = h('th', { role: 'rowheader', scope: 'row' }, row.label);
      if (row.sub) label.append(h('br'), h('small', {}, row.sub));
      tr.append(label);
      for (let c = 0; c < cols; c++) {
        const slot = this.at[r]![c]!;
        if (slot < 0) {
          tr.append(h('td', { role: 'gridcell', class: 'off', 'aria-disabled': 'true', 'aria-label': state.strings.notOffered }));
          continue;
        }
        const td = h('td', { role: 'gridcell', tabindex: '-1', 'data-slot': String(slot) });
        this.cells[slot] = td;
        tr.append(td);
      }
      tbody.append(tr);
    });
    this.table.append(thead, tbody);
    // A weekly date poll has one row with no name: no row-header column then, the days take the width.
    if (state.rows.every((row) => !row.label && !row.sub)) this.table.classList.add('no-row-heads');
    const first = this.cells.find(Boolean);
    if (first) first.tabIndex = 0;
  }

  /** Position of a slot's cell. */
  where(slot: number): { row: number; col: number } {
    return { row: this.state.rowOfSlot[slot]!, col: this.state.colOfSlot[slot]! };
  }

  /**
   * My answer. With `stored`, `states` is a preview that is not stored: the table says so, and
   * every cell it changes is marked (outlined and hatched) and named as a preview.
   */
  showMine(states: string, readOnly: boolean, stored?: string): void {
    const s = this.state.strings;
    this.table.setAttribute('aria-readonly', String(readOnly));
    this.table.setAttribute('aria-label', stored === undefined ? s.gridLabel : `${s.gridLabel} · ${s.previewTitle}`);
    this.table.classList.toggle('previewing', stored !== undefined);
    this.cells.forEach((td, slot) => {
      if (!td) return;
      const c = states.charAt(slot);
      const state = c === 'y' ? 'yes' : c === 'm' ? 'maybe' : 'no';
      const previewed = stored !== undefined && (stored.charAt(slot) || '.') !== (c || '.');
      td.className = `s-${c === 'y' ? 'y' : c === 'm' ? 'm' : 'n'}${previewed ? ' preview' : ''}`;
      td.style.background = '';
      td.style.color = '';
      td.textContent = c === 'y' ? '✓' : c === 'm' ? '?' : '';
      td.setAttribute('aria-label', `${this.state.slotLabels[slot]}, ${s.stateNames[state]}${previewed ? ` (${s.previewCell})` : ''}`);
      td.setAttribute('aria-selected', String(c === 'y' || c === 'm'));
    });
  }

  showGroup(counts: GroupCounts, size: number): void {
    const s = this.state.strings;
    this.table.setAttribute('aria-readonly', 'true');
    this.table.setAttribute('aria-label', s.groupLabel);
    this.table.classList.remove('previewing');
    this.cells.forEach((td, slot) => {
      if (!td) return;
      const yes = counts.yes[slot]!;
      const maybe = counts.maybe[slot]!;
      td.className = 'g';
      td.style.background = cellFill(yes, maybe, size);
      td.style.color = levelInk(cellLevel(yes, maybe, size));
      td.textContent = yes + maybe > 0 ? formatScore(yes, maybe) : '';
      td.setAttribute('aria-label', `${this.state.slotLabels[slot]}, ${s.free} ${yes}, ${s.maybe} ${maybe}`);
      td.removeAttribute('aria-selected');
    });
  }
}

/** Counts per slot of the people who answered. */
export function countGroup(people: ReadonlyArray<{ states: string }>, slots: number): GroupCounts {
  const yes = new Uint16Array(slots);
  const maybe = new Uint16Array(slots);
  for (const p of people) {
    for (let i = 0; i < slots && i < p.states.length; i++) {
      const c = p.states.charCodeAt(i);
      if (c === 121) yes[i]!++;
      else if (c === 109) maybe[i]!++;
    }
  }
  return { yes, maybe };
}

/** The palette as CSS variables, so the stylesheet and the PNG never disagree. */
export function applyPalette(root: HTMLElement): void {
  root.style.setProperty('--mine', heatmapPalette.overlay);
  root.style.setProperty('--mine-maybe', heatmapPalette.overlayTint);
  root.style.setProperty('--grid-line', heatmapPalette.gridLine);
  root.style.setProperty('--hour-line', heatmapPalette.hourLine);
  root.style.setProperty('--off', heatmapPalette.notOffered);
  root.style.setProperty('--hatch', heatmapPalette.hatch);
  root.style.setProperty('--text', heatmapPalette.text);
  root.style.setProperty('--muted', heatmapPalette.muted);
  root.style.setProperty('--accent', heatmapPalette.accent);
}
