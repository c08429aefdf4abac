/**
 * One person's page state: the poll's grid in their zone and language, their answer, the group
 * (unless the poll hides it), and the best times in the chat's own words. Built from the
 * engine's read-only queries and the heatmap's grid model, so rows, columns and colours are
 * the PNG's.
 */
import type { Actor, Engine } from '../../src/core/engine.js';
import { fitStates } from '../../src/core/domain/availability.js';
import { wallClock } from '../../src/core/domain/time.js';
import type { PollLayout } from '../../src/core/domain/slots.js';
import type { Poll, PollSpec } from '../../src/core/domain/types.js';
import { catalog } from '../../src/core/i18n/index.js';
import type { HeatmapRequest } from '../../src/core/ports.js';
import { formatRun } from '../../src/core/views/format.js';
import { describeDates, isClosed } from '../../src/core/views/poll-message.js';
import { plainText } from '../../src/core/views/rich.js';
import { buildGridModel } from '../../src/infra/heatmap/grid-model.js';
import { groupSize, isHidden } from '../../src/infra/heatmap/audience.js';
import type { PageState, PageStrings } from './page-state.js';

export interface PageModelInput {
  engine: Engine;
  actor: Actor;
  poll: Poll;
  now: number;
  version: string;
}

export async function buildPageState(input: PageModelInput): Promise<PageState> {
  const { engine, actor, poll, now, version } = input;
  const locale = await engine.queries.localeOf(actor);
  const zone = await engine.queries.zoneOf(actor);
  const layout = engine.queries.layout(poll);
  const participants = await engine.queries.participants(poll);
  const closed = isClosed(poll, now);
  // The heatmap's own request: the same rows in the same zone, the same rule for hiding and counting.
  const request: HeatmapRequest = { locale, poll, layout, participants, best: [], timezone: zone, now };
  const model = buildGridModel(request);
  const hidden = isHidden(request) || (poll.spec.hidden && !closed);
  const mine = participants.find((p) => p.user.id === actor.user.id)?.states ?? '';
  const spec = poll.spec;
  const state: PageState = {
    code: poll.code,
    title: spec.title,
    dates: datesIn(poll, layout, locale, zone, now),
    kind: spec.kind,
    closed,
    version,
    zone,
    locale,
    strings: pageStrings(locale),
    columns: model.columns.map((col) => ({ lines: col.lines.map((candidates) => candidates[0] ?? '') })),
    rows: model.rows.map((row) => ({ label: row.label, hourStart: row.hourStart, ...(row.sub ? { sub: row.sub } : {}) })),
    rowOfSlot: [...model.rowOfSlot],
    colOfSlot: [...model.colOfSlot],
    slotLabels: layout.slots.map((slot) => formatRun({ spec, layout, first: slot.index, count: 1, locale, tz: zone })),
    mine: fitStates(mine, layout.slots.length),
    fill: await engine.usualWeek.fillOffer(actor, poll),
    best: [],
  };
  if (hidden) return state;
  state.group = { size: groupSize(request), people: participants.map((p) => ({ name: p.user.name, states: p.states })) };
  const results = await engine.queries.resultsView({ poll, locale, tz: zone });
  state.best = results.blocks.flatMap((block) => (block.type === 'text' ? [plainText(block.text, { mention: (user) => user.name }).split('\n')] : []));
  return state;
}

/**
 * The poll's dates as the chat writes them, in the zone the page shows times in: seen from
 * another zone, a time poll's days fall on the local dates of their first slots (as the grid's
 * columns are named). Block and date polls are floating: their dates are the same everywhere.
 */
function datesIn(poll: Poll, layout: PollLayout, locale: 'ko' | 'en', zone: string, now: number): string {
  const { spec } = poll;
  if (spec.kind !== 'time' || zone === spec.timezone) return describeDates(spec, locale, now);
  const local = layout.days.flatMap((day) => {
    const start = day.count > 0 ? layout.slots[day.first]?.start : undefined;
    return start === undefined ? [] : [wallClock(start, zone).date];
  });
  const dates = [...new Set(local)].sort();
  if (dates.length === 0) return describeDates(spec, locale, now);
  const days: PollSpec['days'] = spec.days.type === 'weekly' ? { ...spec.days, referenceDates: dates } : { type: 'dates', dates };
  return describeDates({ ...spec, days, timezone: zone }, locale, now);
}

function pageStrings(locale: 'ko' | 'en'): PageStrings {
  const c = catalog(locale);
  return {
    ...c.web,
    stateNames: { yes: c.state['yes'] ?? 'yes', maybe: c.state['maybe'] ?? 'maybe', no: c.state['no'] ?? 'no' },
    free: c.results.free,
    maybe: c.results.maybe,
    best: c.heatmap.best,
    legend: c.heatmap.legend,
    hidden: c.heatmap.hidden,
    notOffered: c.heatmap.notOffered,
    maybeHalf: c.heatmap.maybeHalf,
    answered: c.heatmap.respondents,
  };
}
