/**
 * The web grid page: my answer or the group, a brush, paint mode for touch, the zone, the
 * best times, and live updates from the server (server-sent events; EventSource reconnects by
 * itself). "Now" is never read here: everything dated comes from the server.
 */
import { legendSteps } from '../../../src/infra/heatmap/palette.js';
import type { PageState } from '../page-state.js';
import { applyPalette, countGroup, Grid, h, type Mode } from './grid.js';
import { attachPainting } from './painting.js';
import { Saver, type SaveStatus } from './saver.js';
import { previewFill, saveFill, type FillResult } from './usual-fill.js';

function fill(template: string, zone: string): string {
  return template.replace('{zone}', zone);
}

class App {
  private state: PageState;
  private mode: Mode = 'mine';
  /** The cell the group view last named people for, kept across live updates. */
  private inspected: number | undefined;
  private brushChar = 'y';
  private touchPaint = true;
  private grid!: Grid;
  private detachPainting: (() => void) | undefined;
  private readonly saver: Saver;
  private readonly root: HTMLElement;
  private readonly url: string;
  private readOnly: boolean;
  /**
   * Why the page is read-only: the poll is closed (undone when a live update says it is open
   * again), it is full, or the link was refused (both for good).
   */
  private lock: 'closed' | 'full' | 'refused' | undefined;
  /** The answer filled from the usual week, shown and not stored, while previewing. */
  private preview: { filled: string; stored: string } | undefined;
  /** A fill request is on its way: its buttons wait. */
  private fillBusy = false;
  private readonly el = {
    status: h('span', { class: 'status', role: 'status', 'aria-live': 'polite' }),
    live: h('span', { class: 'live', 'aria-live': 'polite' }),
    who: h('p', { class: 'who', 'aria-live': 'polite' }),
    scroller: h('div', { class: 'scroller' }),
    legend: h('div', { class: 'legend' }),
    best: h('section', { class: 'best' }),
    zone: h('p', { class: 'zone' }),
    notice: h('p', { class: 'notice', role: 'alert' }),
    mineBtn: h('button', { type: 'button', class: 'tab' }),
    groupBtn: h('button', { type: 'button', class: 'tab' }),
    yesBtn: h('button', { type: 'button', class: 'brush-yes' }),
    maybeBtn: h('button', { type: 'button', class: 'brush-maybe' }),
    paintToggle: h('input', { type: 'checkbox', id: 'paint-mode' }),
    brushes: h('div', { class: 'seg', role: 'group' }),
    paintLabel: h('label', { class: 'paint-mode', for: 'paint-mode' }),
    fillBtn: h('button', { type: 'button', class: 'fill', 'aria-describedby': 'fill-reason' }),
    fillReason: h('span', { class: 'fill-reason', id: 'fill-reason' }),
    fillNote: h('p', { class: 'fill-note', role: 'status', 'aria-live': 'polite' }),
    banner: h('section', { class: 'preview-banner', 'aria-labelledby': 'preview-title' }),
    saveBtn: h('button', { type: 'button', class: 'preview-save', 'aria-describedby': 'preview-title preview-help' }),
    cancelBtn: h('button', { type: 'button', class: 'preview-cancel' }),
  };

  constructor(root: HTMLElement, state: PageState) {
    this.root = root;
    this.state = state;
    this.url = location.pathname.replace(/\/+$/, '');
    this.readOnly = state.closed;
    this.lock = state.closed ? 'closed' : undefined;
    this.saver = new Saver(this.url, state.mine, {
      changed: () => this.paintCells(),
      status: (status, message, code) => this.showStatus(status, message, code),
    });
    applyPalette(document.documentElement);
    this.build();
    this.connect();
  }

  private build(): void {
    const s = this.state.strings;
    const { el } = this;
    el.mineBtn.textContent = s.mine;
    el.groupBtn.textContent = s.group;
    el.mineBtn.addEventListener('click', () => this.setMode('mine'));
    el.groupBtn.addEventListener('click', () => this.setMode('group'));
    el.yesBtn.textContent = `✓ ${s.brushYes}`;
    el.maybeBtn.textContent = `? ${s.brushMaybe}`;
    el.yesBtn.addEventListener('click', () => this.setBrush('y'));
    el.maybeBtn.addEventListener('click', () => this.setBrush('m'));
    el.brushes.setAttribute('aria-label', s.brush);
    el.brushes.append(el.yesBtn, el.maybeBtn);
    el.paintToggle.checked = this.touchPaint;
    el.paintToggle.addEventListener('change', () => {
      this.touchPaint = el.paintToggle.checked;
      this.grid.table.classList.toggle('touch-paint', this.touchPaint);
    });
    el.paintLabel.append(el.paintToggle, ` ${s.paintMode}`);
    el.paintLabel.title = s.paintModeHelp;
    const tabs = h('div', { class: 'seg', role: 'group' }, el.mineBtn, el.groupBtn);
    const bar = h('div', { class: 'bar' }, tabs, el.brushes, el.paintLabel, el.fillBtn, el.status);
    const help = h('p', { class: 'help' }, s.help);
    this.buildFill();
    this.root.append(bar, el.fillReason, el.banner, el.fillNote, el.notice, el.zone, help, el.scroller, el.who, el.legend, el.best, h('p', { class: 'foot' }, el.live));
    el.notice.hidden = true;
    this.rebuildGrid();
    this.setBrush('y');
    this.setMode('mine');
    this.showStatus(this.readOnly ? 'closed' : 'saved');
    this.root.setAttribute('aria-busy', 'false');
  }

  private buildFill(): void {
    const s = this.state.strings;
    const { el } = this;
    el.fillBtn.textContent = s.fill;
    el.fillReason.textContent = s.fillNoWeek;
    el.fillBtn.addEventListener('click', () => void this.startPreview());
    el.saveBtn.textContent = s.save;
    el.cancelBtn.textContent = s.cancel;
    el.saveBtn.addEventListener('click', () => void this.savePreview());
    el.cancelBtn.addEventListener('click', () => this.endPreview(s.previewCancelled));
    el.banner.append(
      h('strong', { id: 'preview-title' }, s.previewTitle),
      h('p', { id: 'preview-help' }, s.previewHelp),
      h('div', { class: 'preview-actions' }, el.saveBtn, el.cancelBtn),
    );
    // Escape leaves the preview, from anywhere on the page.
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && this.preview && !this.fillBusy) this.endPreview(s.previewCancelled);
    });
  }

  /** The fill button: hidden where there is no time of day to fill or nothing may change; disabled, with the reason, on an empty usual week. */
  private renderFill(): void {
    const { el } = this;
    const offered = !this.readOnly && this.state.fill !== 'no-times';
    const noWeek = this.state.fill === 'no-week';
    el.fillBtn.hidden = !offered || this.preview !== undefined || this.mode !== 'mine';
    // aria-disabled rather than disabled: the button stays focusable, so its reason is read out.
    el.fillBtn.setAttribute('aria-disabled', String(noWeek || this.fillBusy));
    el.fillReason.hidden = el.fillBtn.hidden || !noWeek;
    el.banner.hidden = this.preview === undefined;
    el.saveBtn.disabled = this.fillBusy;
    el.cancelBtn.disabled = this.fillBusy;
  }

  private async startPreview(): Promise<void> {
    if (this.state.fill !== 'ready' || this.fillBusy || this.readOnly) return;
    this.fillBusy = true;
    this.el.fillNote.textContent = '';
    this.renderFill();
    // Strokes still on their way are stored first, so the fill starts from them.
    await this.saver.whenIdle();
    const result = await previewFill(this.url);
    this.fillBusy = false;
    if (!this.fillFailed(result)) {
      const { mine, filled } = result.value;
      if (filled === mine) this.el.fillNote.textContent = this.state.strings.fillNothing;
      else this.preview = { filled, stored: mine };
    }
    this.setMode('mine');
    if (this.preview) this.el.saveBtn.focus();
  }

  /** A live update changed my stored answer under the preview: the preview is worked out again from it. */
  private async refreshPreview(): Promise<void> {
    if (!this.preview || this.fillBusy) return;
    const result = await previewFill(this.url);
    if (!this.preview || result.ok === false) return;
    this.preview = { filled: result.value.filled, stored: result.value.mine };
    this.paintCells();
  }

  private async savePreview(): Promise<void> {
    if (!this.preview || this.fillBusy) return;
    this.fillBusy = true;
    this.renderFill();
    this.showStatus('saving');
    const result = await saveFill(this.url);
    this.fillBusy = false;
    if (this.fillFailed(result)) {
      if (!this.readOnly) this.showStatus('saved');
      this.renderFill();
      return;
    }
    this.saver.setStored(result.value.mine);
    this.showStatus('saved');
    this.endPreview(this.state.strings.filledSaved);
  }

  private endPreview(note: string): void {
    this.preview = undefined;
    this.el.fillNote.textContent = note;
    this.setMode(this.mode);
    if (!this.el.fillBtn.hidden) this.el.fillBtn.focus();
  }

  /** Shows why a fill request failed; a closed poll makes the page read-only as a refused stroke does. */
  private fillFailed<T>(result: FillResult<T>): result is Extract<FillResult<T>, { ok: false }> {
    if (result.ok) return false;
    const s = this.state.strings;
    const message = result.status === 0 ? s.fillFailed : result.error.message;
    if (result.status === 403 || result.status === 409) {
      this.preview = undefined;
      this.showStatus(result.status === 403 ? 'refused' : 'closed', message, result.error.code);
    } else {
      this.el.notice.textContent = message;
      this.el.notice.hidden = false;
    }
    return true;
  }

  private rebuildGrid(): void {
    this.grid = new Grid(this.state);
    this.grid.table.classList.toggle('touch-paint', this.touchPaint);
    this.el.scroller.replaceChildren(this.grid.table);
    this.detachPainting?.();
    this.detachPainting = attachPainting({
      grid: this.grid,
      // Painting is off during a preview: the preview is the usual week's, Save or Cancel it first.
      canPaint: () => this.mode === 'mine' && !this.readOnly && !this.preview,
      touchPaints: () => this.touchPaint,
      brush: () => this.brushChar,
      shown: () => this.saver.shown(),
      preview: (changes) => {
        const shown = [...this.saver.shown()];
        for (const [slot, c] of changes) shown[slot] = c;
        this.grid.showMine(shown.join(''), this.readOnly);
      },
      commit: (changes) => this.saver.add(changes),
      inspect: (slot) => this.inspect(slot),
    });
    this.renderZone();
    this.renderBest();
    this.paintCells();
  }

  private setMode(mode: Mode): void {
    const before = this.mode;
    // A hidden poll has no group to show.
    this.mode = mode === 'group' && this.state.group ? 'group' : 'mine';
    this.el.mineBtn.setAttribute('aria-pressed', String(this.mode === 'mine'));
    this.el.groupBtn.setAttribute('aria-pressed', String(this.mode === 'group'));
    this.el.groupBtn.disabled = !this.state.group;
    if (!this.state.group) this.el.groupBtn.title = this.state.strings.hidden;
    this.el.brushes.hidden = this.mode !== 'mine' || this.readOnly || this.preview !== undefined;
    this.el.paintLabel.hidden = this.mode !== 'mine' || this.readOnly || this.preview !== undefined;
    if (this.mode !== before) this.inspected = undefined;
    this.el.who.textContent = '';
    this.renderFill();
    this.paintCells();
    // A live update while someone points at a cell names who is free there now, rather than nobody.
    if (this.inspected !== undefined) this.inspect(this.inspected);
  }

  private setBrush(c: string): void {
    this.brushChar = c;
    this.el.yesBtn.setAttribute('aria-pressed', String(c === 'y'));
    this.el.maybeBtn.setAttribute('aria-pressed', String(c === 'm'));
  }

  private paintCells(): void {
    const { group } = this.state;
    if (this.mode === 'group' && group) {
      this.grid.showGroup(countGroup(group.people, this.state.slotLabels.length), group.size);
      this.renderLegend(group.size);
    } else if (this.preview) {
      this.grid.showMine(this.preview.filled, true, this.preview.stored);
      this.el.legend.replaceChildren();
    } else {
      this.grid.showMine(this.saver.shown(), this.readOnly);
      this.el.legend.replaceChildren();
    }
  }

  private renderLegend(size: number): void {
    const s = this.state.strings;
    const steps = legendSteps(size).map((step) => {
      const swatch = h('i');
      // Set through the style object: the page's policy refuses style attributes, not this.
      swatch.style.background = step.fill;
      return h('span', { class: step.everyone ? 'step everyone' : 'step' }, swatch, step.label);
    });
    this.el.legend.replaceChildren(h('span', { class: 'legend-title' }, `${s.legend}:`), ...steps, h('span', { class: 'half' }, s.maybeHalf));
  }

  private renderBest(): void {
    const s = this.state.strings;
    const list = h('ol');
    for (const lines of this.state.best) {
      const li = h('li');
      lines.forEach((line, i) => li.append(i === 0 ? h('strong', {}, line) : h('span', {}, line)));
      list.append(li);
    }
    this.el.best.replaceChildren(h('h2', {}, s.best), this.state.group ? list : h('p', {}, s.hidden));
    this.el.best.hidden = this.state.group !== undefined && this.state.best.length === 0;
  }

  private renderZone(): void {
    const s = this.state.strings;
    const parts: Array<Node | string> = [fill(s.zone, this.state.zone)];
    const browser = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (browser && browser !== this.state.zone && this.state.kind !== 'date') {
      const use = h('button', { type: 'button', class: 'use-zone' }, fill(s.useZone, browser));
      use.addEventListener('click', () => void this.changeZone(browser));
      parts.push(' ', h('span', { class: 'offer' }, fill(s.zoneOffer, browser), ' ', use));
    }
    this.el.zone.replaceChildren(...parts);
  }

  private async changeZone(zone: string): Promise<void> {
    const res = await fetch(`${this.url}/zone`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ zone }),
      credentials: 'omit',
    });
    if (res.ok) this.apply((await res.json()) as PageState);
  }

  /** Who is free at a slot, in the group view. */
  private inspect(slot: number): void {
    const { group } = this.state;
    if (this.mode !== 'group' || !group) return;
    this.inspected = slot;
    const s = this.state.strings;
    const yes = group.people.filter((p) => p.states.charAt(slot) === 'y').map((p) => p.name);
    const maybe = group.people.filter((p) => p.states.charAt(slot) === 'm').map((p) => p.name);
    const parts = [`${this.state.slotLabels[slot]} — ✓ ${s.free}: ${yes.join(', ') || s.nobody}`];
    if (maybe.length) parts.push(`? ${s.maybe}: ${maybe.join(', ')}`);
    this.el.who.textContent = parts.join(' · ');
  }

  private showStatus(status: SaveStatus, message?: string, code?: string): void {
    const s = this.state.strings;
    const text: Record<SaveStatus, string> = { saved: s.saved, saving: s.saving, retrying: s.retrying, closed: s.closed, refused: s.refused };
    this.el.status.textContent = text[status];
    this.el.status.dataset['status'] = status;
    if (message) {
      this.el.notice.textContent = message;
      this.el.notice.hidden = false;
    }
    if (status === 'closed' || status === 'refused') {
      this.readOnly = true;
      // A 409 is a closed poll unless the server says it is full.
      if (this.lock !== 'refused') this.lock = status === 'refused' ? 'refused' : code === 'POLL_FULL' ? 'full' : 'closed';
      this.preview = undefined;
      this.setMode(this.mode);
    }
  }

  /** The poll is open again (reopened while the page was open): painting and saving come back. */
  private reopened(): void {
    this.lock = undefined;
    this.readOnly = false;
    this.saver.resume();
    this.el.notice.hidden = true;
    this.el.notice.textContent = '';
    this.showStatus('saved');
  }

  /** A newer state from the server. */
  private apply(next: PageState): void {
    const relayout =
      next.zone !== this.state.zone ||
      next.locale !== this.state.locale ||
      next.rows.length !== this.state.rows.length ||
      next.columns.length !== this.state.columns.length ||
      next.slotLabels.join('\n') !== this.state.slotLabels.join('\n');
    const mineChanged = next.mine !== this.state.mine;
    // The header above the app names the dates in the zone times are shown in.
    const dates = document.getElementById('dates');
    if (dates && next.dates !== this.state.dates) dates.textContent = next.dates;
    this.state = next;
    if (next.closed && !this.readOnly) this.showStatus('closed');
    else if (!next.closed && this.lock === 'closed') this.reopened();
    if (relayout) this.rebuildGrid();
    else this.renderBest();
    this.setMode(this.mode);
    this.saver.setStored(next.mine);
    if (mineChanged) void this.refreshPreview();
  }

  private connect(): void {
    const s = this.state.strings;
    const source = new EventSource(`${this.url}/events`);
    source.addEventListener('open', () => {
      this.el.live.textContent = `● ${s.live}`;
      this.el.live.dataset['live'] = 'on';
    });
    source.addEventListener('state', (e) => this.apply(JSON.parse((e as MessageEvent<string>).data) as PageState));
    source.addEventListener('gone', () => source.close());
    // The link expired: the server ends the stream, and reconnecting would only be refused.
    source.addEventListener('expired', () => {
      source.close();
      this.el.live.textContent = '';
      this.el.live.dataset['live'] = 'off';
      this.showStatus('refused', s.refused);
    });
    source.addEventListener('error', () => {
      this.el.live.textContent = s.reconnecting;
      this.el.live.dataset['live'] = 'off';
    });
  }
}

const data = document.getElementById('state');
const root = document.getElementById('app');
if (data && root) new App(root, JSON.parse(data.textContent ?? '{}') as PageState);
