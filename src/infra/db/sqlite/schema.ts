/** The database schema: the source of truth that drizzle-kit turns into migrations/. */
import { sql } from 'drizzle-orm';
import { blob, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const polls = sqliteTable(
  'polls',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull().unique(),
    platform: text('platform').notNull(),
    workspaceId: text('workspace_id').notNull(),
    channelId: text('channel_id').notNull(),
    creatorId: text('creator_id').notNull(),
    creatorName: text('creator_name').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    /** The full PollSpec as JSON; the columns beside it are copies for queries. */
    spec: text('spec').notNull(),
    status: text('status').notNull().default('open'),
    deadline: integer('deadline'),
    createdAt: integer('created_at').notNull(),
    closedAt: integer('closed_at'),
    messageRef: text('message_ref'),
    picked: text('picked'),
    /** Raised in the same transaction as every change to the poll's answers, spec, status or pick, so a render cache can key on it. */
    version: integer('version').notNull().default(0),
  },
  (t) => [
    index('polls_channel_idx').on(t.platform, t.workspaceId, t.channelId, t.status),
    index('polls_deadline_idx').on(t.status, t.deadline),
  ],
);

export const participants = sqliteTable(
  'participants',
  {
    pollId: integer('poll_id')
      .notNull()
      .references(() => polls.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull(),
    userName: text('user_name').notNull(),
    /** One character per slot: y yes, m maybe, . no. */
    states: text('states').notNull(),
    firstAnsweredAt: integer('first_answered_at').notNull(),
    answeredAt: integer('answered_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.pollId, t.userId] })],
);

export const answerHistory = sqliteTable(
  'answer_history',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    pollId: integer('poll_id')
      .notNull()
      .references(() => polls.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull(),
    userName: text('user_name').notNull(),
    at: integer('at').notNull(),
    /** JSON [[slot, before, after], …]. */
    changes: text('changes').notNull(),
    /** JSON ChangeReason when the change was automatic (usual week, another meeting); null for a person's own change. */
    reason: text('reason'),
    /** Where the answer was given: button, text or web (null before this was recorded, and for clears). */
    source: text('source'),
  },
  (t) => [index('answer_history_poll_idx').on(t.pollId, t.id)],
);

export const userPrefs = sqliteTable(
  'user_prefs',
  {
    platform: text('platform').notNull(),
    userId: text('user_id').notNull(),
    timezone: text('timezone'),
    locale: text('locale'),
    updatedAt: integer('updated_at').notNull().default(sql`0`),
  },
  (t) => [primaryKey({ columns: [t.platform, t.userId] })],
);

/** One row per reminder offset that has been claimed, so no offset fires twice. */
export const remindersSent = sqliteTable(
  'reminders_sent',
  {
    pollId: integer('poll_id')
      .notNull()
      .references(() => polls.id, { onDelete: 'cascade' }),
    /** The deadline the reminder was for: a reopened poll with a new deadline is reminded again. */
    deadline: integer('deadline').notNull().default(0),
    offsetMinutes: integer('offset_minutes').notNull(),
    claimedAt: integer('claimed_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.pollId, t.deadline, t.offsetMinutes] })],
);

/**
 * Platform posts that must happen once: recorded in the same transaction that claims the
 * work, then sent, then marked sent. Failures wait with backoff; permanent ones stop.
 */
export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    pollId: integer('poll_id')
      .notNull()
      .references(() => polls.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    payload: text('payload').notNull(),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull(),
    lastError: text('last_error'),
    createdAt: integer('created_at').notNull(),
    /** Who holds the item while it is sent: a fresh random token per claim; only its holder may settle it. */
    lease: text('lease'),
    /** Messages of a multi-part post (a reminder split at 50 mentions) already posted: a retry goes on from there. */
    partsSent: integer('parts_sent').notNull().default(0),
    sentAt: integer('sent_at'),
  },
  (t) => [index('outbox_due_idx').on(t.status, t.nextAttemptAt)],
);

/** SharedRecords: one value per (scope, key). */
export const sharedRecords = sqliteTable(
  'shared_records',
  {
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    value: text('value').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] })],
);

/** Requests already acted on (a platform's signed request id), refused if they come again before they expire. */
export const requestKeys = sqliteTable('request_keys', {
  key: text('key').primaryKey(),
  expiresAt: integer('expires_at').notNull(),
});

/** A person's usual-week settings per platform and team: learning, blocking, and a pattern set by hand. */
export const usualWeekSettings = sqliteTable(
  'usual_week_settings',
  {
    platform: text('platform').notNull(),
    workspaceId: text('workspace_id').notNull(),
    userId: text('user_id').notNull(),
    learn: integer('learn').notNull().default(1),
    /** Answers before this instant are not learned from (learning was turned off, which forgets them). */
    learnFrom: integer('learn_from'),
    block: integer('block').notNull().default(1),
    /** A hand-set pattern as JSON UsualWeek; null when the learned one applies. */
    pattern: text('pattern'),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.platform, t.workspaceId, t.userId] })],
);

/**
 * What one automatic "another meeting" change set: the slots of `blockedPollId` it set to
 * unavailable for one person, each with the state it had, because `pickedPollId` was picked
 * then. Undo and release give back only slots that still hold what it set.
 */
export const answerBlocks = sqliteTable(
  'answer_blocks',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: text('user_id').notNull(),
    userName: text('user_name').notNull(),
    pickedPollId: integer('picked_poll_id')
      .notNull()
      .references(() => polls.id, { onDelete: 'cascade' }),
    blockedPollId: integer('blocked_poll_id')
      .notNull()
      .references(() => polls.id, { onDelete: 'cascade' }),
    /** JSON [[slot, state before], …]; the state set was always "no". */
    slots: text('slots').notNull(),
    /** active, undone (by the person) or released (the meeting was re-picked or deleted). */
    status: text('status').notNull().default('active'),
    createdAt: integer('created_at').notNull(),
    endedAt: integer('ended_at'),
  },
  (t) => [index('answer_blocks_picked_idx').on(t.pickedPollId, t.status), index('answer_blocks_blocked_idx').on(t.blockedPollId, t.status)],
);

/** EditPacing: when each poll's channel message may next be edited, by any instance. */
export const pollEditPacing = sqliteTable('poll_edit_pacing', {
  pollId: integer('poll_id')
    .primaryKey()
    .references(() => polls.id, { onDelete: 'cascade' }),
  nextAt: integer('next_at').notNull(),
});

/**
 * Each poll's answers in the form ranking reads (answer-matrix-rows.ts, kept-answers.ts), kept for
 * one poll version: who answered and the window counts here, the bits in answer_matrix_bands.
 * Every change to answers raises the version in its own transaction, so a kept row whose version
 * is not the poll's is stale and is worked out again from participants on the next read.
 */
export const answerMatrices = sqliteTable('answer_matrices', {
  pollId: integer('poll_id')
    .primaryKey()
    .references(() => polls.id, { onDelete: 'cascade' }),
  version: integer('version').notNull(),
  slotCount: integer('slot_count').notNull(),
  /** The window length the counts are for (the poll's duration in slots). */
  windowSlots: integer('window_slots').notNull(),
  /** Slots in each band of answer_matrix_bands. */
  bandSlots: integer('band_slots').notNull(),
  /** Who each bit is, in answer order. */
  people: text('people').notNull(),
  /** By window start: people free, then people free or "if needed", for the whole window. */
  counts: blob('counts', { mode: 'buffer' }).notNull(),
});

/** The bits of a kept answer_matrices row, a band of slots a row, so a ranking reads only the bands its picks look at. */
export const answerMatrixBands = sqliteTable(
  'answer_matrix_bands',
  {
    pollId: integer('poll_id')
      .notNull()
      .references(() => polls.id, { onDelete: 'cascade' }),
    band: integer('band').notNull(),
    /** The poll version the band was kept for: read only with its answer_matrices row's. */
    version: integer('version').notNull(),
    bits: blob('bits', { mode: 'buffer' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.pollId, t.band] })],
);
