/** Domain vocabulary shared by every part of core. Pure data, no behaviour. */

export type Platform = 'console' | 'slack' | 'discord';
export type Locale = 'ko' | 'en';
export type PollKind = 'time' | 'block' | 'date';
export type AnswerState = 'yes' | 'maybe' | 'no';
export type PollStatus = 'open' | 'closed' | 'deleted';

/** Monday = 0 … Sunday = 6 (ISO order, as people list weekdays). */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** Where a poll lives; nothing crosses these lines. */
export interface ChannelRef {
  platform: Platform;
  workspaceId: string;
  channelId: string;
}

export interface UserRef {
  id: string;
  name: string;
}

export interface NamedBlock {
  name: string;
  /** Optional wall-clock times in the poll's zone, "HH:MM". */
  start?: string;
  end?: string;
}

export type DaySpec =
  | { type: 'dates'; dates: string[] }
  /** A weekly poll: weekdays, no dates. Slots get instants in a reference week. */
  | { type: 'weekly'; weekdays: Weekday[]; referenceDates: string[] };

/** Everything that defines a poll's slots and rules; stored as JSON, validated on the way in. */
export interface PollSpec {
  kind: PollKind;
  title: string;
  description?: string;
  timezone: string;
  days: DaySpec;
  /** time kind: the daily window, "HH:MM"; end may be "24:00" or earlier than start (crosses midnight). */
  window?: { start: string; end: string };
  slotMinutes?: number;
  blocks?: NamedBlock[];
  deadline?: number;
  /** Meeting length counted in slots (time: slots, block: blocks, date: days). */
  durationSlots: number;
  maxParticipants?: number;
  expected: UserRef[];
  required: UserRef[];
  /** Reminder offsets before the deadline, minutes. */
  remindMinutes: number[];
  /**
   * When the poll last reopened (with or without a new deadline): a reminder whose moment came
   * before it never fires. Absent: the poll's creation.
   */
  remindersFrom?: number;
  hidden: boolean;
  /** The channel's language for messages nobody asked for in person (redraws, deadlines, reminders). */
  locale?: Locale;
}

/** One answerable cell of a poll. Derived from the spec, never stored. */
export interface Slot {
  index: number;
  /** Index of the poll day (column) this slot belongs to. */
  day: number;
  /** Calendar date of the column in the poll's zone (the reference date for weekly polls). */
  date: string;
  /** Instants (epoch ms) for time slots and timed blocks; absent for floating slots. */
  start?: number;
  end?: number;
  /** Local start minute-of-day in the poll's zone (time kind). */
  minute?: number;
  /**
   * Wall-clock start and end in the poll's zone as minutes since 1970-01-01 00:00 local (time
   * kind). They differ from the instants on DST days: the adjacency rule needs both readings.
   */
  wallStart?: number;
  wallEnd?: number;
  /** Block name (block kind). */
  block?: string;
}

export interface PollDay {
  index: number;
  date: string;
  weekday: Weekday;
  /** First slot index and count of this day's slots. */
  first: number;
  count: number;
}

export interface Poll {
  id: number;
  code: string;
  channel: ChannelRef;
  creator: UserRef;
  spec: PollSpec;
  status: PollStatus;
  createdAt: number;
  /** Raised with every change to answers, spec, status or pick: equal versions render alike. */
  version: number;
  closedAt?: number;
  /** Platform reference of the channel poll message, set by the adapter that posted it. */
  messageRef?: string;
  picked?: PickedWindow;
}

/**
 * A stored poll whose spec (or pick) failed validation: only what its plain columns still say,
 * enough to name it, check who may delete it, and delete it.
 */
export interface UnreadablePoll {
  id: number;
  code: string;
  channel: ChannelRef;
  creator: UserRef;
  /** The title column, a copy kept beside the spec. */
  title: string;
  status: PollStatus;
  /** What failed, for logs only: it may quote stored data. */
  problem: string;
}

export interface PickedWindow {
  firstSlot: number;
  slotCount: number;
  pickedBy: UserRef;
  pickedAt: number;
}

/**
 * A participant's answer: one character per slot, 'y' yes, 'm' maybe, '.' no.
 * Compact, one row per person, and turns straight into bitsets for ranking.
 */
export interface Participant {
  user: UserRef;
  states: string;
  answeredAt: number;
}

export interface HistoryEntry {
  user: UserRef;
  at: number;
  /** Changed slots: [slot index, before, after]. */
  changes: Array<[number, AnswerState, AnswerState]>;
  /** Why, when the change was automatic; absent for a person's own change. */
  reason?: ChangeReason;
  /** Where it was given: a chat button or menu, typed text, or the web grid (absent for older entries and clears). */
  source?: 'button' | 'text' | 'web';
}

/**
 * Why an answer changed without the person pressing a slot: filled from their usual week, set
 * unavailable because another poll's meeting was picked at that time, or given back (undone by
 * them, or released when that meeting was re-picked or deleted).
 */
export type ChangeReason =
  | { kind: 'usual-week' }
  | { kind: 'blocked' | 'unblocked' | 'released'; pollId: number; code: string; title: string };

/** One person on one platform and team: the scope of their usual week and of blocking. */
export interface PersonRef {
  platform: Platform;
  workspaceId: string;
  userId: string;
}

export interface UserPrefs {
  timezone?: string;
  locale?: Locale;
}
