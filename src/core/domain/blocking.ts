/**
 * Which slots of another poll a picked meeting takes: time slots and timed blocks when they
 * overlap it in real time, a date poll's dates when the meeting covers them (in that poll's
 * zone), never a weekly poll's (a week with no dates), never a block without hours (its time
 * is unknown). A weekly meeting blocks nothing: it names no dates.
 */
import { meetingSpan, type MeetingEvent } from './meeting.js';
import type { PollLayout } from './slots.js';
import { addDays, zonedInstant } from './time.js';
import type { AnswerState, PollSpec, UserRef } from './types.js';

/** One automatic "another meeting" change, as stored. */
export interface AnswerBlock {
  id: number;
  user: UserRef;
  pickedPollId: number;
  blockedPollId: number;
  /** The slots it set to "no", each with the state before. */
  slots: Array<[number, AnswerState]>;
  status: 'active' | 'undone' | 'released';
}

export type NewAnswerBlock = Omit<AnswerBlock, 'id' | 'status'>;

export function slotsTakenBy(meeting: MeetingEvent, spec: PollSpec, layout: PollLayout): number[] {
  if (meeting.weekly || spec.days.type === 'weekly') return [];
  const span = meetingSpan(meeting);
  if (!span) return [];
  if (spec.kind === 'date') {
    return layout.slots
      .filter((slot) => {
        const dayStart = zonedInstant(slot.date, 0, spec.timezone);
        const dayEnd = zonedInstant(addDays(slot.date, 1), 0, spec.timezone);
        return dayStart !== undefined && dayEnd !== undefined && span.start < dayEnd && dayStart < span.end;
      })
      .map((slot) => slot.index);
  }
  return layout.slots.filter((slot) => slot.start !== undefined && slot.end !== undefined && span.start < slot.end && slot.start < span.end).map((slot) => slot.index);
}
