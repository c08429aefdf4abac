/**
 * The personal answer grid: one poll day per page. A day with more slots than buttons fit is
 * shown whole as select menus when the adapter has them and they suffice, else split in pages.
 */
import { encodeAction, type ActionOf } from '../actions.js';
import { catalog } from '../i18n/index.js';
import { stateAt, stateTotals } from '../domain/availability.js';
import type { PollLayout } from '../domain/slots.js';
import type { AnswerState, Locale, Poll } from '../domain/types.js';
import { formatDay, formatDate, slotLabel } from './format.js';
import { actionButton } from './buttons.js';
import type { AdapterCapabilities, Button, Select, SlotIntent, View } from './reply.js';
import { bold, joinRich } from './rich.js';
import { wallClock } from '../domain/time.js';
import { hasTimedSlots } from '../domain/usual-week.js';

export interface GridPage {
  /** Poll day of the page (date polls: the first day shown). */
  day: number;
  /** Slot indexes [from, to). */
  from: number;
  to: number;
  /** Set when the page shows its slots as select menus of at most this many options each. */
  selectSize?: number;
}

/**
 * Options per select menu when a day of `count` slots is shown as menus, or undefined when it
 * fits as buttons or would need more menus than the adapter has room for. The menus take the
 * rows the slot buttons would (at most ⌈maxSlotButtons / maxButtonsPerRow⌉), so a select page
 * never has more rows than a button page and the control rows below keep their room.
 */
export function selectSize(count: number, caps: AdapterCapabilities): number | undefined {
  const select = caps.slotSelect;
  if (!select || count <= caps.maxSlotButtons) return undefined;
  const slotRows = Math.ceil(Math.max(1, caps.maxSlotButtons) / Math.max(1, caps.maxButtonsPerRow));
  const menus = Math.ceil(count / Math.max(1, select.maxOptions));
  if (menus > Math.min(select.maxSelects, slotRows)) return undefined;
  // Even menus (14 + 14, not 25 + 3) read better.
  return Math.ceil(count / menus);
}

export function gridPages(poll: Poll, layout: PollLayout, caps: AdapterCapabilities): GridPage[] {
  const per = Math.max(1, caps.maxSlotButtons);
  const pages: GridPage[] = [];
  // Date polls page through dates (one slot each): there a "day" never outgrows the buttons.
  if (poll.spec.kind === 'date') {
    for (let from = 0; from < layout.slots.length; from += per) {
      pages.push({ day: layout.slots[from]!.day, from, to: Math.min(layout.slots.length, from + per) });
    }
    return pages;
  }
  for (const day of layout.days) {
    const size = selectSize(day.count, caps);
    if (size !== undefined) {
      pages.push({ day: day.index, from: day.first, to: day.first + day.count, selectSize: size });
      continue;
    }
    for (let from = day.first; from < day.first + day.count; from += per) {
      pages.push({ day: day.index, from, to: Math.min(day.first + day.count, from + per) });
    }
  }
  return pages;
}

export function pageOfSlot(pages: GridPage[], slot: number): number {
  const i = pages.findIndex((p) => slot >= p.from && slot < p.to);
  return i < 0 ? 0 : i;
}

const NEXT_STATE: Record<AnswerState, AnswerState> = { no: 'yes', yes: 'maybe', maybe: 'no' };
const ICON: Record<AnswerState, string> = { yes: '✅', maybe: '🤔', no: '▫️' };
/** A slot button shows the answer it holds (the one it sets is the next). */
const SLOT_INTENT: Record<AnswerState, SlotIntent | undefined> = { yes: 'free', maybe: 'maybe', no: undefined };

export interface GridInput {
  poll: Poll;
  layout: PollLayout;
  states: string;
  page: number;
  locale: Locale;
  viewerTz: string;
  caps: AdapterCapabilities;
  closed: boolean;
  /** The viewer's own link to the web grid, when there is one. */
  webLink?: string;
}

export function answerGridView(input: GridInput): View {
  const { poll, layout, states, locale, viewerTz, caps, closed } = input;
  const c = catalog(locale);
  const spec = poll.spec;
  const pages = gridPages(poll, layout, caps);
  const pageIndex = Math.min(Math.max(0, input.page), pages.length - 1);
  const page = pages[pageIndex]!;
  const slots = layout.slots.slice(page.from, page.to);

  const firstDate = slots[0]!.date;
  const lastDate = slots[slots.length - 1]!.date;
  const heading =
    spec.kind === 'date'
      ? firstDate === lastDate
        ? formatDay(spec, firstDate, locale)
        : `${formatDay(spec, firstDate, locale)} – ${formatDay(spec, lastDate, locale)}`
      : viewerDayHeading(input, page);

  const choices = slots.map((slot) => {
    const state = stateAt(states, slot.index);
    const next = NEXT_STATE[state];
    const action: ActionOf<'set'> = { verb: 'set', code: poll.code, slot: slot.index, state: next };
    return { slot, state, next, action, label: slotLabel(spec, slot, locale, viewerTz) };
  });
  const selects: Select[] = [];
  const slotButtons: Button[] = [];
  if (page.selectSize !== undefined) {
    // The viewer's date on each option only when their zone spreads the day over two dates.
    const dates = slots.map((slot) => (slot.start === undefined ? slot.date : wallClock(slot.start, viewerTz).date));
    const twoDates = new Set(dates).size > 1;
    const dateLabel = (date: string) => (spec.days.type === 'weekly' ? formatDay(spec, date, locale) : formatDate(date, locale));
    chunk(choices, page.selectSize).forEach((group, n) => {
      const select: Select = {
        id: encodeAction({ verb: 'pickslots', code: poll.code, page: pageIndex, n }),
        placeholder: c.grid.choose(group[0]!.label, group[group.length - 1]!.label),
        options: group.map((choice) => ({
          value: encodeAction(choice.action),
          label: `${choice.label} ${ICON[choice.state]} → ${ICON[choice.next]}`,
          ...(twoDates ? { description: dateLabel(dates[choice.slot.index - page.from]!) } : {}),
        })),
      };
      if (closed) select.disabled = true;
      selects.push(select);
    });
  } else {
    for (const choice of choices) {
      slotButtons.push(actionButton(choice.action, `${choice.label} ${ICON[choice.state]}`, { intent: SLOT_INTENT[choice.state], disabled: closed }));
    }
  }

  const controls: Button[] = [];
  if (!closed) {
    controls.push(actionButton({ verb: 'all', code: poll.code, page: pageIndex }, spec.kind === 'date' ? c.buttons.allDates : c.buttons.allDay));
    controls.push(actionButton({ verb: 'clear', code: poll.code, page: pageIndex }, c.buttons.clear));
    if (spec.kind !== 'date' && layout.days.length > 1) {
      controls.push(actionButton({ verb: 'copy', code: poll.code, page: pageIndex }, c.buttons.copy));
    }
  }
  if (pages.length > 1) {
    controls.push(actionButton({ verb: 'page', code: poll.code, page: Math.max(0, pageIndex - 1) }, c.buttons.prev, { disabled: pageIndex === 0 }));
    controls.push(
      actionButton({ verb: 'page', code: poll.code, page: Math.min(pages.length - 1, pageIndex + 1) }, c.buttons.next, { disabled: pageIndex === pages.length - 1 }),
    );
  }
  controls.push(actionButton({ verb: 'done', code: poll.code }, c.buttons.done));
  // Last, so the buttons people already know keep their places.
  if (!closed && hasTimedSlots(layout)) controls.push(actionButton({ verb: 'fill', code: poll.code, page: pageIndex }, c.buttons.fill));

  const rows = chunk(slotButtons, caps.maxButtonsPerRow);
  rows.push(...chunk(controls, caps.maxButtonsPerRow));

  const { yes, maybe } = stateTotals(states);
  const contextLines = [
    pages.length > 1 ? c.grid.page(pageIndex + 1, pages.length) : '',
    spec.kind === 'time' || slots.some((s) => s.start !== undefined) ? c.grid.zone(viewerTz) : '',
    closed ? c.grid.closed : selects.length ? c.grid.selectLegend : spec.kind === 'date' ? c.grid.legendDates : c.grid.legend,
    spec.kind === 'date' ? c.grid.summaryDays(yes, maybe) : c.grid.summary(yes, maybe),
  ].filter(Boolean);

  return {
    role: 'grid',
    fallback: `${c.grid.title(spec.title)} — ${heading}`,
    blocks: [
      { type: 'header', text: `${c.grid.title(spec.title)} · ${poll.code}` },
      { type: 'text', text: [bold(heading)] },
      { type: 'context', text: joinRich(contextLines, '\n') },
      ...(input.webLink ? [{ type: 'context' as const, text: c.grid.webLink(input.webLink) }] : []),
    ],
    buttons: rows,
    ...(selects.length ? { selects } : {}),
    pollCode: poll.code,
  };
}

/** The day as the viewer sees it: the poll day, plus the viewer's own dates when their zone shifts it. */
function viewerDayHeading(input: GridInput, page: GridPage): string {
  const { poll, layout, locale, viewerTz } = input;
  const spec = poll.spec;
  const day = layout.days[page.day]!;
  const label = formatDay(spec, day.date, locale);
  const first = layout.slots[page.from];
  const last = layout.slots[page.to - 1];
  if (first?.start === undefined || last?.start === undefined) return label;
  const a = wallClock(first.start, viewerTz).date;
  const b = wallClock(last.start, viewerTz).date;
  if (a === day.date && b === day.date) return label;
  if (spec.days.type === 'weekly') {
    // A weekly poll has no dates: name the viewer's own weekdays.
    return a === b ? formatDay(spec, a, locale) : `${formatDay(spec, a, locale)} – ${formatDay(spec, b, locale)}`;
  }
  return a === b ? formatDate(a, locale) : `${formatDate(a, locale)} – ${formatDate(b, locale)}`;
}

function chunk<T>(xs: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += Math.max(1, size)) out.push(xs.slice(i, i + size));
  return out;
}
