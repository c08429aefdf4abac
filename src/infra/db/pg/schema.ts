/**
 * The PostgreSQL schema: the same tables and columns as sqlite/schema.ts (a test compares them),
 * turned into migrations/pg by drizzle-kit. Millisecond times are bigint read as numbers; no
 * default reads the server's clock, since every time comes from the bot's Clock.
 */
import { bigint, customType, index, integer, pgTable, primaryKey, serial, text } from 'drizzle-orm/pg-core';

const ms = (name: string) => bigint(name, { mode: 'number' });

export const polls = pgTable(
  'polls',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull().unique(),
    platform: text('platform').notNull(),
    workspaceId: text('workspace_id').notNull(),
    channelId: text('channel_id').notNull(),
    creatorId: text('creator_id').notNull(),
    creatorName: text('creator_name').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    /** The full PollSpec as JSON text (not jsonb: a damaged spec must still be stored and read back as such). */
    spec: text('spec').notNull(),
    status: text('status').notNull().default('open'),
    deadline: ms('deadline'),
    createdAt: ms('created_at').notNull(),
    closedAt: ms('closed_at'),
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

export const participants = pgTable(
  'participants',
  {
    pollId: integer('poll_id')
      .notNull()
      .references(() => polls.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull(),
    userName: text('user_name').notNull(),
    states: text('states').notNull(),
    firstAnsweredAt: ms('first_answered_at').notNull(),
    answeredAt: ms('answered_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.pollId, t.userId] })],
);

export const answerHistory = pgTable(
  'answer_history',
  {
    id: serial('id').primaryKey(),
    pollId: integer('poll_id')
      .notNull()
      .references(() => polls.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull(),
    userName: text('user_name').notNull(),
    at: ms('at').notNull(),
    changes: text('changes').notNull(),
    reason: text('reason'),
    /** Where the answer was given: button, text or web (null before this was recorded, and for clears). */
    source: text('source'),
  },
  (t) => [index('answer_history_poll_idx').on(t.pollId, t.id)],
);

export const userPrefs = pgTable(
  'user_prefs',
  {
    platform: text('platform').notNull(),
    userId: text('user_id').notNull(),
    timezone: text('timezone'),
    locale: text('locale'),
    updatedAt: ms('updated_at').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.platform, t.userId] })],
);

export const remindersSent = pgTable(
  'reminders_sent',
  {
    pollId: integer('poll_id')
      .notNull()
      .references(() => polls.id, { onDelete: 'cascade' }),
    deadline: ms('deadline').notNull().default(0),
    offsetMinutes: integer('offset_minutes').notNull(),
    claimedAt: ms('claimed_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.pollId, t.deadline, t.offsetMinutes] })],
);

export const outbox = pgTable(
  'outbox',
  {
    id: serial('id').primaryKey(),
    pollId: integer('poll_id')
      .notNull()
      .references(() => polls.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    payload: text('payload').notNull(),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ms('next_attempt_at').notNull(),
    lastError: text('last_error'),
    createdAt: ms('created_at').notNull(),
    /** Who holds the item while it is sent: a fresh random token per claim; only its holder may settle it. */
    lease: text('lease'),
    /** Messages of a multi-part post (a reminder split at 50 mentions) already posted: a retry goes on from there. */
    partsSent: integer('parts_sent').notNull().default(0),
    sentAt: ms('sent_at'),
  },
  (t) => [index('outbox_due_idx').on(t.status, t.nextAttemptAt)],
);

export const sharedRecords = pgTable(
  'shared_records',
  {
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    value: text('value').notNull(),
    updatedAt: ms('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] })],
);

export const requestKeys = pgTable('request_keys', {
  key: text('key').primaryKey(),
  expiresAt: ms('expires_at').notNull(),
});

export const usualWeekSettings = pgTable(
  'usual_week_settings',
  {
    platform: text('platform').notNull(),
    workspaceId: text('workspace_id').notNull(),
    userId: text('user_id').notNull(),
    learn: integer('learn').notNull().default(1),
    learnFrom: ms('learn_from'),
    block: integer('block').notNull().default(1),
    pattern: text('pattern'),
    updatedAt: ms('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.platform, t.workspaceId, t.userId] })],
);

export const answerBlocks = pgTable(
  'answer_blocks',
  {
    id: serial('id').primaryKey(),
    userId: text('user_id').notNull(),
    userName: text('user_name').notNull(),
    pickedPollId: integer('picked_poll_id')
      .notNull()
      .references(() => polls.id, { onDelete: 'cascade' }),
    blockedPollId: integer('blocked_poll_id')
      .notNull()
      .references(() => polls.id, { onDelete: 'cascade' }),
    slots: text('slots').notNull(),
    status: text('status').notNull().default('active'),
    createdAt: ms('created_at').notNull(),
    endedAt: ms('ended_at'),
  },
  (t) => [index('answer_blocks_picked_idx').on(t.pickedPollId, t.status), index('answer_blocks_blocked_idx').on(t.blockedPollId, t.status)],
);

/** EditPacing: when each poll's channel message may next be edited, by any instance. */
export const pollEditPacing = pgTable('poll_edit_pacing', {
  pollId: integer('poll_id')
    .primaryKey()
    .references(() => polls.id, { onDelete: 'cascade' }),
  nextAt: ms('next_at').notNull(),
});

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/**
 * Each poll's answers in the form ranking reads (answer-matrix-rows.ts, kept-answers.ts), kept for
 * one poll version: who answered and the window counts here, the bits in answer_matrix_bands.
 * Every change to answers raises the version in its own transaction, so a kept row whose version
 * is not the poll's is stale and is worked out again from participants on the next read.
 */
export const answerMatrices = pgTable('answer_matrices', {
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
  counts: bytea('counts').notNull(),
});

/** The bits of a kept answer_matrices row, a band of slots a row, so a ranking reads only the bands its picks look at. */
export const answerMatrixBands = pgTable(
  'answer_matrix_bands',
  {
    pollId: integer('poll_id')
      .notNull()
      .references(() => polls.id, { onDelete: 'cascade' }),
    band: integer('band').notNull(),
    /** The poll version the band was kept for: read only with its answer_matrices row's. */
    version: integer('version').notNull(),
    bits: bytea('bits').notNull(),
  },
  (t) => [primaryKey({ columns: [t.pollId, t.band] })],
);
