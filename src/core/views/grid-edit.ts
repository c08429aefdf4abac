/** How grid buttons change a person's answer: one slot, a whole day, or a day copied to every day. */
import type { Action } from '../actions.js';
import { STATE_CHAR } from '../domain/availability.js';
import type { PollLayout } from '../domain/slots.js';
import type { Poll } from '../domain/types.js';
import type { GridPage } from './answer-grid.js';

function slotKey(layout: PollLayout, index: number): string {
  const slot = layout.slots[index]!;
  return slot.block ?? String(slot.minute ?? index);
}

export type GridAction = Extract<Action, { verb: 'set' | 'all' | 'clear' | 'copy' }>;
export type SetAction = Extract<Action, { verb: 'set' }>;

/** The answer's state characters after one grid action; `page` is the action's grid page. */
export function applyGridAction(poll: Poll, layout: PollLayout, page: GridPage, action: GridAction, before: readonly string[]): string[] {
  const states = [...before];
  const day = layout.days[page.day]!;
  const [from, to] = poll.spec.kind === 'date' ? [page.from, page.to] : [day.first, day.first + day.count];
  switch (action.verb) {
    case 'set':
      states[action.slot] = STATE_CHAR[action.state];
      return states;
    case 'all':
      for (let i = from; i < to; i++) states[i] = 'y';
      return states;
    case 'clear':
      for (let i = from; i < to; i++) states[i] = '.';
      return states;
    case 'copy': {
      // Match slots across days by their wall-clock start (or block name), so DST days line up.
      const source = new Map<string, string>();
      for (let i = day.first; i < day.first + day.count; i++) source.set(slotKey(layout, i), states[i]!);
      for (const slot of layout.slots) {
        const value = source.get(slotKey(layout, slot.index));
        if (value !== undefined) states[slot.index] = value;
      }
      return states;
    }
  }
}
