/** Turns a poll spec into its days and slots. Deterministic: the same spec gives the same slots. */
import { addDays, dayNumber, formatHm, parseHm, wallClock, weekdayOf, zonedInstant, zonedInstants } from './time.js';
import type { PollDay, PollSpec, Slot, Weekday } from './types.js';

export const SLOT_MINUTES = [15, 30, 60, 120] as const;
export const MAX_SLOTS = 2000;
export const MAX_DATES = 62;

export interface PollLayout {
  days: PollDay[];
  slots: Slot[];
}

/**
 * The weekdays a poll's slots fall on as a viewer in `tz` sees them, Monday first: a timed slot
 * by its start there (a Seoul Saturday morning is a Friday evening in Los Angeles), another by its day.
 */
export function weekdaysSeenIn(layout: PollLayout, tz: string): Weekday[] {
  const seen = new Set<Weekday>();
  for (const slot of layout.slots) seen.add(slot.start !== undefined ? wallClock(slot.start, tz).weekday : weekdayOf(slot.date));
  return [...seen].sort((a, b) => a - b);
}

export function pollDates(spec: PollSpec): string[] {
  return spec.days.type === 'dates' ? spec.days.dates : spec.days.referenceDates;
}

/** Window length in minutes; an end at or before the start crosses midnight. */
export function windowMinutes(window: { start: string; end: string }): { start: number; length: number } {
  const start = parseHm(window.start) ?? 0;
  const end = parseHm(window.end) ?? 0;
  const length = end > start ? end - start : end + 1440 - start;
  return { start, length };
}

/**
 * What a layout depends on, as one string: polls that differ only in their title, deadline,
 * people or other settings have the same days and slots, so a cache keyed by this shares them.
 * Keep it in step with layoutPoll (and daySlots) when either reads another field of the spec.
 */
export function layoutKey(spec: PollSpec): string {
  return JSON.stringify([spec.kind, spec.timezone, spec.days, spec.window, spec.slotMinutes, spec.blocks]);
}

export function layoutPoll(spec: PollSpec): PollLayout {
  const dates = pollDates(spec);
  const days: PollDay[] = [];
  const slots: Slot[] = [];
  for (let dayIndex = 0; dayIndex < dates.length; dayIndex++) {
    const date = dates[dayIndex]!;
    const first = slots.length;
    addDaySlots(spec, date, dayIndex, slots);
    days.push({ index: dayIndex, date, weekday: weekdayOf(date), first, count: slots.length - first });
  }
  return { days, slots };
}

/** Adds the slots of one date to `slots`, numbered on from its length. */
function addDaySlots(spec: PollSpec, date: string, day: number, slots: Slot[]): void {
  const first = slots.length;
  switch (spec.kind) {
    case 'date':
      slots.push({ day, date, index: first });
      return;
    case 'block':
      (spec.blocks ?? []).forEach((block, i) => {
        const slot: Omit<Slot, 'index'> = { day, date, block: block.name };
        if (block.start && block.end) {
          const s = parseHm(block.start) ?? 0;
          const e = parseHm(block.end) ?? 0;
          const start = zonedInstant(date, s, spec.timezone);
          const endDate = e > s ? date : addDays(date, 1);
          const end = zonedInstant(endDate, e % 1440, spec.timezone);
          if (start !== undefined && end !== undefined) {
            slot.start = start;
            slot.end = end;
            slot.minute = s;
          }
        }
        slots.push({ ...slot, index: first + i });
      });
      return;
    case 'time': {
      const step = spec.slotMinutes ?? 60;
      const { start, length } = windowMinutes(spec.window ?? { start: '09:00', end: '18:00' });
      // The instant of every step of the window, its end included: a slot ends where the clock
      // reads its end when that comes sooner than the slot's length (01:00 + 2h over a skipped
      // hour ends at 03:00, one real hour later), so it never overlaps the next slot.
      const count = Math.floor(length / step);
      const minutes = new Array<number>(count + 1);
      for (let k = 0; k <= count; k++) minutes[k] = start + k * step;
      const instants = zonedInstants(date, minutes, spec.timezone);
      const wallDay = dayNumber(date) * 1440;
      const stepMs = step * 60_000;
      // Instants rise through a day but where the clocks go back: only one at or before the
      // latest so far can have been offered already, and only that one is looked up.
      let latest = -Infinity;
      for (let k = 0; k < count; k++) {
        const instant = instants[k];
        // Skipped (clocks jump forward) or already offered (clocks go back): leave it out.
        if (instant === undefined || (instant <= latest && offeredSince(slots, first, instant))) continue;
        if (instant > latest) latest = instant;
        const m = minutes[k]!;
        const wallStart = wallDay + m;
        const next = instants[k + 1];
        const end = next !== undefined && next < instant + stepMs ? next : instant + stepMs;
        slots.push({ day, date, start: instant, end, minute: m % 1440, wallStart, wallEnd: wallStart + step, index: slots.length });
      }
      return;
    }
  }
}

/** Count of slots a spec would have, without building them (for limits before creation). */
export function slotCount(spec: PollSpec): number {
  return layoutPoll(spec).slots.length;
}

/** "09:00" style label of a slot start in the poll's zone (time kind). */
export function slotWallLabel(slot: Slot): string {
  return slot.minute === undefined ? '' : formatHm(slot.minute);
}

/** Whether a slot from index `first` on already starts at `instant`. */
function offeredSince(slots: readonly Slot[], first: number, instant: number): boolean {
  for (let i = first; i < slots.length; i++) if (slots[i]!.start === instant) return true;
  return false;
}
