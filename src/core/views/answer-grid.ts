/** The personal answer grid: one poll day per page (split when a day has more slots than fit). */
import { encodeAction } from '../actions.js';
import { catalog } from '../i18n/index.js';
import { stateAt } from '../domain/availability.js';
import type { PollLayout } from '../domain/slots.js';
import type { AnswerState, Locale, Poll } from '../domain/types.js';
import { formatDay, formatDate, slotLabel } from './format.js';
import type { AdapterCapabilities, Button, View } from './reply.js';
import { wallClock } from '../domain/time.js';

export interface GridPage {
  /** Poll day of the page (date polls: the first day shown). */
  day: number;
  /** Slot indexes [from, to). */
  from: number;
  to: number;
}

export function gridPages(poll: Poll, layout: PollLayout, caps: AdapterCapabilities): GridPage[] {
  const per = Math.max(1, caps.maxSlotButtons);
  const pages: GridPage[] = [];
  if (poll.spec.kind === 'date') {
    for (let from = 0; from < layout.slots.length; from += per) {
      pages.push({ day: layout.slots[from]!.day, from, to: Math.min(layout.slots.length, from + per) });
    }
    return pages;
  }
  for (const day of layout.days) {
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

export interface GridInput {
  poll: Poll;
  layout: PollLayout;
  states: string;
  page: number;
  locale: Locale;
  viewerTz: string;
  caps: AdapterCapabilities;
  closed: boolean;
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

  const slotButtons: Button[] = slots.map((slot) => {
    const state = stateAt(states, slot.index);
    const next = NEXT_STATE[state];
    return {
      id: encodeAction({ verb: 'set', code: poll.code, slot: slot.index, state: next }),
      label: `${slotLabel(spec, slot, locale, viewerTz)} ${ICON[state]}`,
      style: state === 'yes' ? 'success' : state === 'maybe' ? 'primary' : 'default',
      disabled: closed,
    };
  });

  const controls: Button[] = [];
  if (!closed) {
    controls.push({ id: encodeAction({ verb: 'all', code: poll.code, page: pageIndex }), label: spec.kind === 'date' ? c.buttons.allDates : c.buttons.allDay });
    controls.push({ id: encodeAction({ verb: 'clear', code: poll.code, page: pageIndex }), label: c.buttons.clear });
    if (spec.kind !== 'date' && layout.days.length > 1) {
      controls.push({ id: encodeAction({ verb: 'copy', code: poll.code, page: pageIndex }), label: c.buttons.copy });
    }
  }
  if (pages.length > 1) {
    controls.push({
      id: encodeAction({ verb: 'page', code: poll.code, page: Math.max(0, pageIndex - 1) }),
      label: c.buttons.prev,
      disabled: pageIndex === 0,
    });
    controls.push({
      id: encodeAction({ verb: 'page', code: poll.code, page: Math.min(pages.length - 1, pageIndex + 1) }),
      label: c.buttons.next,
      disabled: pageIndex === pages.length - 1,
    });
  }
  controls.push({ id: encodeAction({ verb: 'done', code: poll.code }), label: c.buttons.done, style: 'primary' });

  const rows = chunk(slotButtons, caps.maxButtonsPerRow);
  rows.push(...chunk(controls, caps.maxButtonsPerRow));

  const yes = [...states].filter((s) => s === 'y').length;
  const maybe = [...states].filter((s) => s === 'm').length;
  const contextLines = [
    pages.length > 1 ? c.grid.page(pageIndex + 1, pages.length) : '',
    spec.kind === 'time' || slots.some((s) => s.start !== undefined) ? c.grid.zone(viewerTz) : '',
    closed ? c.grid.closed : c.grid.legend,
    c.grid.summary(yes, maybe),
  ].filter(Boolean);

  return {
    role: 'grid',
    fallback: `${c.grid.title(spec.title)} — ${heading}`,
    blocks: [
      { type: 'header', text: `${c.grid.title(spec.title)} · ${poll.code}` },
      { type: 'text', text: `*${heading}*` },
      { type: 'context', text: contextLines.join('\n') },
    ],
    buttons: rows,
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
