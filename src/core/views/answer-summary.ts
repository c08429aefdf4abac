import { stateAt } from '../domain/availability.js';
import type { PollLayout } from '../domain/slots.js';
import type { Locale, Poll } from '../domain/types.js';
import { formatRun } from './format.js';
import { slotRuns } from './runs.js';

/** "✅ Tue, Dec 1 09:00–11:00" lines summarising an answer, runs merged. */
export function describeAnswer(poll: Poll, layout: PollLayout, states: string, locale: Locale, tz: string): string[] {
  const chosen = layout.slots.filter((slot) => stateAt(states, slot.index) !== 'no').map((slot) => slot.index);
  return slotRuns(poll.spec.kind, layout.slots, chosen, (i) => stateAt(states, i))
    .map((run) => `${run.key === 'yes' ? '✅' : '🤔'} ${formatRun({ spec: poll.spec, layout, first: run.first, count: run.count, locale, tz })}`)
    .slice(0, 30);
}
