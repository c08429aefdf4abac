/** What core needs from the outside world. Implementations live in src/infra and adapters. */
import type { AnswerShape, AnswerSummary, BandsRead } from './domain/kept-answers.js';
import type { PollLayout } from './domain/slots.js';
import type { MeetingEvent } from './domain/meeting.js';
import type { RankedWindow } from './domain/ranking.js';
import type { View } from './views/reply.js';
import type { Actor } from './actor.js';
import type { PastAnswer, UsualWeekSettings } from './domain/usual-week.js';
import type { AnswerBlock, NewAnswerBlock } from './domain/blocking.js';
import type {
  ChangeReason,
  ChannelRef,
  HistoryEntry,
  Locale,
  PickedWindow,
  Platform,
  Poll,
  PollSpec,
  PollStatus,
  Participant,
  PersonRef,
  UnreadablePoll,
  UserPrefs,
  UserRef,
} from './domain/types.js';

export interface Clock {
  now(): number;
}

/**
 * A request already acted on, kept until `expiresAt` so a replay of it (the same signed platform
 * request delivered again) changes nothing.
 */
export type RequestKey = { key: string; expiresAt: number };

/** Options of a write that may come from a replayable request. */
export interface Once {
  /** Stored in the same transaction as the write; when it is already there (unexpired) nothing is written and ReplayedRequest is thrown. */
  requestKey?: RequestKey;
}

export interface NewPoll extends Once {
  channel: ChannelRef;
  creator: UserRef;
  spec: PollSpec;
  createdAt: number;
}

export interface PollPatch {
  status?: PollStatus;
  closedAt?: number | null;
  messageRef?: string;
  picked?: PickedWindow | null;
  spec?: PollSpec;
}

export interface AnswerChange {
  /** The answer as stored, one character per slot. */
  after: string;
}

/** What clearing an answer did. */
export interface ClearedAnswer {
  /** False when the person had no answer to clear. */
  cleared: boolean;
}

/** Where an answer was given: a chat button or menu, typed text, or the web grid. */
export type AnswerSource = NonNullable<HistoryEntry['source']>;

export interface SaveAnswerOptions extends Once {
  /** Refuse a new participant once the poll has this many (POLL_FULL). */
  maxParticipants?: number;
  slotCount: number;
  /** For the history; a store without the column may ignore it. */
  source?: AnswerSource;
  /** Why, when the change is automatic: kept in the history entry. */
  reason?: ChangeReason;
}

/**
 * Persistence of polls, answers, history and per-user settings.
 * Async so that a networked store (PostgreSQL) fits the same port.
 *
 * Every poll read is validated; the poll reads pass over a row that fails as if it were not
 * there, and only `unreadablePoll`/`unreadablePolls` return it, so nothing else ever uses it.
 */
export interface PollStore {
  /** Stores a poll under a fresh unique code drawn from `nextCode`. */
  createPoll(input: NewPoll, nextCode: () => string): Promise<Poll>;
  getPoll(id: number): Promise<Poll | undefined>;
  findPollByCode(code: string): Promise<Poll | undefined>;
  /** The channel's newest open poll that can be read. */
  newestOpenPoll(channel: ChannelRef): Promise<Poll | undefined>;
  listPolls(channel: ChannelRef, statuses: PollStatus[]): Promise<Poll[]>;
  /** The poll row with this code or id when it exists but fails validation. */
  unreadablePoll(key: { code: string } | { id: number }): Promise<UnreadablePoll | undefined>;
  /** A channel's rows with these statuses that fail validation, newest first. */
  unreadablePolls(channel: ChannelRef, statuses: PollStatus[]): Promise<UnreadablePoll[]>;
  /** A change to the spec, status or pick raises the poll's version; the message reference alone does not. A request key expires by `at`. */
  updatePoll(id: number, patch: PollPatch, options?: { requestKey: RequestKey; at: number }): Promise<void>;
  /**
   * The same change, made only while the poll still has status `from`: false when it no longer has
   * (someone else closed it meanwhile, on this instance or another), and then nothing changed.
   */
  updatePollIf(id: number, from: PollStatus, patch: PollPatch): Promise<boolean>;
  participants(pollId: number): Promise<Participant[]>;
  /**
   * Who answered (in the order of participants()) and the window counts ranking starts from, for
   * the poll's current version (kept-answers.ts). Kept beside the answers; a read after a change
   * raised the version, or for another shape, works them out again from the answers and keeps them.
   */
  answerSummary(pollId: number, shape: AnswerShape): Promise<AnswerSummary>;
  /**
   * Bands `first`..`last` of the bits kept with `summary`; undefined once the poll has moved past
   * its version. A store that reads synchronously answers at once (see BandReader).
   */
  answerBands(pollId: number, summary: AnswerSummary, first: number, last: number): BandsRead | Promise<BandsRead>;
  participant(pollId: number, userId: string): Promise<Participant | undefined>;
  /**
   * Reads the person's current answer, applies `update` and writes the result and a history
   * entry in one transaction, so two clicks at once never lose an update; a change raises the
   * poll's version in the same transaction.
   */
  saveAnswer(
    pollId: number,
    user: UserRef,
    update: (current: string) => string,
    at: number,
    options: SaveAnswerOptions,
  ): Promise<AnswerChange>;
  /**
   * Removes the person's answer, so they no longer count as answered or hold a place in a
   * `max:` poll; the history keeps what was cleared (every chosen slot back to no).
   */
  clearAnswer(pollId: number, user: UserRef, at: number, slotCount: number, options?: Once): Promise<ClearedAnswer>;
  /**
   * Records a request as acted on: false when the key is already there and unexpired at `now`
   * (a replay). Expired keys may be purged meanwhile.
   */
  claimRequestKey(key: RequestKey, now: number): Promise<boolean>;
  history(pollId: number, limit: number): Promise<HistoryEntry[]>;
  userPrefs(platform: Platform, userId: string): Promise<UserPrefs>;
  setUserPrefs(platform: Platform, userId: string, prefs: UserPrefs, now: number): Promise<void>;
  /** The person's answers to readable polls of their platform and team made at or after `since`, newest first. */
  answersSince(person: PersonRef, since: number): Promise<PastAnswer[]>;
  usualWeekSettings(person: PersonRef): Promise<UsualWeekSettings>;
  setUsualWeekSettings(person: PersonRef, settings: UsualWeekSettings, now: number): Promise<void>;
  /** Records an automatic "another meeting" change; returns it with its id. */
  recordBlock(block: NewAnswerBlock, at: number): Promise<AnswerBlock>;
  answerBlock(id: number): Promise<AnswerBlock | undefined>;
  /** The active changes a picked poll made, or that were made to a poll's answers. */
  activeBlocks(query: { pickedPollId: number } | { blockedPollId: number }): Promise<AnswerBlock[]>;
  /** Ends an active change (undone or released); false when it was not active, so two presses give back once. */
  endBlock(id: number, status: 'undone' | 'released', at: number): Promise<boolean>;
}

/** What the heatmap is drawn from. */
export interface HeatmapRequest {
  locale: Locale;
  poll: Poll;
  layout: PollLayout;
  participants: ReadonlyArray<Pick<Participant, 'user' | 'states'>>;
  /** Best windows in rank order; drawn outlined and numbered. */
  best: RankedWindow[];
  /** The zone the grid's times are labelled in (the poll's, or the viewer's for an overlay). */
  timezone: string;
  /** Private view: this person's own answers marked on top of the group. */
  overlay?: { user: UserRef; states: string };
  /** The engine checked that this viewer may see a hidden poll's group answers before close. */
  revealHidden?: boolean;
  /** One person's own week (the usual week), not a poll: no poll kind, code, counts or names, and a free / if needed legend. */
  personal?: true;
  now: number;
}

export interface HeatmapRenderer {
  /** A PNG. */
  render(request: HeatmapRequest): Promise<Uint8Array>;
  /** True when a render asked for now would wait behind a long queue: replies then say the picture follows. */
  busy?(): boolean;
}

/**
 * How work that is not an answer to someone's click reaches a channel (deadline
 * announcements, reminders). Each adapter implements it for its platform.
 */
/** What the scheduler tells a notifier about one send of an outbox item. */
export interface ScheduledDelivery {
  /**
   * Stable across every attempt at the same item (at most 20 characters): a platform that can
   * drop a repeated post by a key (Discord's `nonce` with `enforce_nonce`) is given this.
   */
  key: string;
  /** Aborted when the send must stop: it took too long, or this process lost the item's lease. */
  signal: AbortSignal;
}

export interface Notifier {
  /** Posts a view in the poll's channel (as a thread reply to the poll message where the platform has threads). */
  post(poll: Poll, view: View, delivery?: ScheduledDelivery): Promise<void>;
  /** Re-renders the poll's channel message. */
  refreshPoll(poll: Poll): Promise<void>;
  /**
   * A note for one person about the poll that no interaction on this platform is there to carry
   * (an answer saved on the web grid made the creator's "everyone answered"): delivered the way
   * a button press delivers a note for someone other than the presser.
   */
  notify?(poll: Poll, userId: string, view: View): Promise<void>;
}

/** Scheduled work for a poll: its deadline announcement or one reminder. */
export type DueWork = { kind: 'deadline'; late: boolean } | { kind: 'reminder'; offsetMinutes: number };

export interface OutboxItem {
  id: number;
  pollId: number;
  work: DueWork;
  attempts: number;
  /** This claim's token: only its holder may settle or extend the item. */
  lease: string;
  /** Messages of its post already posted by earlier attempts. */
  partsSent: number;
}

/**
 * Deadlines, reminders and the outbox. Claiming is transactional so that, with any number of
 * processes or restarts, each deadline and each reminder is recorded exactly once.
 */
export interface DueWorkStore {
  /** Closes polls past their deadline and records due reminders, each with its outbox row, in one transaction. */
  claimDue(now: number, lateAfterMs: number): Promise<number>;
  /** The next instant something becomes due (a deadline, a reminder or an outbox retry). */
  nextDueAt(): Promise<number | undefined>;
  /**
   * Takes due outbox items for sending, leasing them for `leaseMs` so no other process sends
   * them meanwhile; a lease that runs out (the sender died) makes the item due again, and its
   * next claim gets a new lease token. Every call below succeeds (returns true) only for the
   * holder of the item's current lease: false means the lease ran out and the item is someone
   * else's now, so the caller must not act on it further.
   */
  claimOutbox(now: number, limit: number, leaseMs: number): Promise<OutboxItem[]>;
  markSent(id: number, lease: string, now: number): Promise<boolean>;
  /** Gives a claimed item back untouched, due again at `now` (its platform is not connected here). */
  release(id: number, lease: string, now: number): Promise<boolean>;
  /** Schedules a retry at `retryAt`, or gives up for good when it is null. */
  markFailed(id: number, lease: string, error: string, retryAt: number | null): Promise<boolean>;
  /** Keeps the lease until `until` (a heartbeat while a slow send goes on). */
  extendLease(id: number, lease: string, until: number): Promise<boolean>;
  /** Records that the first `partsSent` messages of the item's post went out, so a retry posts only the rest. */
  markPartsSent(id: number, lease: string, partsSent: number): Promise<boolean>;
  /** Items still to send, and when the oldest of those already due became due (for operators' metrics). */
  outboxBacklog(now: number): Promise<{ pending: number; oldestDueAt?: number }>;
}

/** Calendar files for a picked meeting. */
export interface CalendarFiles {
  ics(meeting: MeetingEvent): Promise<Uint8Array>;
}

/**
 * Small named values that must survive a restart and be seen by every instance: secrets
 * generated at first start, and the platform ids of things the bot created (a Slack scheduled
 * reminder, a Discord server event) so a later change finds them.
 */
export interface SharedRecords {
  /** The value under (scope, key), storing `make()` first when there is none; every concurrent caller gets the one stored. */
  getOrCreate(scope: string, key: string, make: () => string, now: number): Promise<string>;
  get(scope: string, key: string): Promise<string | undefined>;
  put(scope: string, key: string, value: string, now: number): Promise<void>;
  remove(scope: string, key: string): Promise<void>;
  /**
   * Stores `value` under (scope, key) and returns what it replaced, as one step: of several
   * concurrent callers each gets back a different earlier value, so whatever one displaces is
   * known to exactly one of them (to undo it: the reminder a re-pick moves).
   */
  swap(scope: string, key: string, value: string, now: number): Promise<string | undefined>;
  /** Removes the record and returns its value, as one step: of concurrent callers only one gets it. */
  take(scope: string, key: string): Promise<string | undefined>;
}

/**
 * Private links to the web grid (adapters/web): a signed address per person and poll. Each call
 * makes a fresh link, so its expiry is renewed whenever the person opens their grid.
 */
export interface WebLinks {
  /** The person's own link to the poll's page, or undefined when this platform's people cannot reach it. */
  linkFor(actor: Actor, poll: Poll): string | undefined;
  /**
   * Whether the poll's shared channel message offers a button that answers privately with the
   * presser's link (where people can reach the page and the channel message is seen by many).
   */
  inPollMessage(platform: Platform): boolean;
}

/**
 * Paces the edits of each poll's channel message across every instance sharing the store, so N
 * instances behind a load balancer make no more edits than one (platforms rate-limit them).
 */
export interface EditPacing {
  /**
   * 0 when the caller may edit now (the next edit, by anyone, then waits `intervalMs`), else how
   * many milliseconds until an edit is allowed.
   */
  claimEdit(pollId: number, now: number, intervalMs: number): Promise<number>;
}
