/** PollStore on SQLite (better-sqlite3 + drizzle). Writes that read-modify-write run in IMMEDIATE transactions. */
import { and, desc, eq, getTableColumns, gte, inArray, lte, ne, sql } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { ChannelRef, HistoryEntry, Participant, PersonRef, Platform, Poll, PollStatus, UnreadablePoll, UserPrefs, UserRef } from '../../../core/domain/types.js';
import type { AnswerChange, ClearedAnswer, NewPoll, Once, PollPatch, PollStore, RequestKey, SaveAnswerOptions } from '../../../core/ports.js';
import { clearedChanges, mustCount, planAnswer } from '../answer-plan.js';
import { PurgeSchedule, refuseReplay } from '../request-keys.js';
import { answerBlockOf, answerBlockValues, reasonValue, usualWeekSettingsOf, usualWeekSettingsValues } from '../usual-week-rows.js';
import type { AnswerBlock, NewAnswerBlock } from '../../../core/domain/blocking.js';
import type { PastAnswer, UsualWeekSettings } from '../../../core/domain/usual-week.js';
import {
  changesVersion,
  CODE_ATTEMPTS,
  historyEntryOf,
  newPollValues,
  participantOf,
  pollPatchValues,
  readablePoll,
  readablePolls,
  storedPoll,
  unreadablePollOf,
  unreadablePollsOf,
  userPrefsOf,
  userPrefsValues,
  type PollRow,
  pastAnswersOf,
  PAST_ANSWERS_LIMIT,
} from '../poll-rows.js';
import type Database from 'better-sqlite3';
import type { OpenedDatabase } from './open-database.js';
import { answerBlocks, answerHistory, participants, polls, requestKeys, userPrefs, usualWeekSettings } from './schema.js';
import { bandsOfRows, summaryAtVersion, summaryOfRow, type AnswerBandRow, type AnswerMatrixRow, type KeptSummaryRow } from '../answer-matrix-rows.js';
import type { AnswerShape, AnswerSummary, BandsRead } from '../../../core/domain/kept-answers.js';

const nextVersion = { version: sql`${polls.version} + 1` };

function channelWhere(channel: ChannelRef) {
  return and(eq(polls.platform, channel.platform), eq(polls.workspaceId, channel.workspaceId), eq(polls.channelId, channel.channelId));
}

function personWhere(person: PersonRef) {
  return and(eq(usualWeekSettings.platform, person.platform), eq(usualWeekSettings.workspaceId, person.workspaceId), eq(usualWeekSettings.userId, person.userId));
}

/** `"sql_name" AS "jsName"` for each column: raw rows come back shaped as drizzle's selects. */
function columnsOf(table: SQLiteTable): string {
  return Object.entries(getTableColumns(table))
    .map(([field, column]) => `"${column.name}" AS "${field}"`)
    .join(', ');
}

type Mine = { pollId: number; userId: string };
type AnswerRow = Mine & { userName: string; states: string; at: number };

/**
 * The queries every click runs, compiled once per connection and run by better-sqlite3 itself:
 * through drizzle, even prepared, binding the values and mapping the rows cost more than running
 * them (slack-clicks and answer-path profiles, issue #11). The SQL is spelt out here; schema.ts
 * stays the source of truth, and the store's tests run every one of these against the migrations.
 */
function hotStatements(sqlite: Database.Database) {
  const mine = 'poll_id = @pollId AND user_id = @userId';
  return {
    storeKey: sqlite.prepare<{ key: string; expiresAt: number; now: number }, { key: string }>(
      'INSERT INTO request_keys (key, expires_at) VALUES (@key, @expiresAt) ON CONFLICT (key) DO UPDATE SET expires_at = @expiresAt WHERE request_keys.expires_at <= @now RETURNING key',
    ),
    pollById: sqlite.prepare<{ id: number }, PollRow>(`SELECT ${columnsOf(polls)} FROM polls WHERE id = @id`),
    pollByCode: sqlite.prepare<{ code: string }, PollRow>(`SELECT ${columnsOf(polls)} FROM polls WHERE code = @code`),
    participant: sqlite.prepare<Mine, typeof participants.$inferSelect>(`SELECT ${columnsOf(participants)} FROM participants WHERE ${mine}`),
    statesOf: sqlite.prepare<Mine, { states: string }>(`SELECT states FROM participants WHERE ${mine}`),
    countParticipants: sqlite.prepare<{ pollId: number }, { n: number }>('SELECT count(*) AS n FROM participants WHERE poll_id = @pollId'),
    updateAnswer: sqlite.prepare<AnswerRow>(`UPDATE participants SET states = @states, answered_at = @at, user_name = @userName WHERE ${mine}`),
    insertAnswer: sqlite.prepare<AnswerRow>(
      'INSERT INTO participants (poll_id, user_id, user_name, states, first_answered_at, answered_at) VALUES (@pollId, @userId, @userName, @states, @at, @at)',
    ),
    insertHistory: sqlite.prepare<Mine & { userName: string; at: number; changes: string; reason: string | null; source: string | null }>(
      'INSERT INTO answer_history (poll_id, user_id, user_name, at, changes, reason, source) VALUES (@pollId, @userId, @userName, @at, @changes, @reason, @source)',
    ),
    bumpVersion: sqlite.prepare<{ pollId: number }>('UPDATE polls SET version = version + 1 WHERE id = @pollId'),
    /** The kept summary, only while it is for the poll's current version. */
    keptSummary: sqlite.prepare<{ pollId: number }, KeptSummaryRow>(
      'SELECT m.version AS version, m.slot_count AS slotCount, m.window_slots AS windowSlots, m.band_slots AS bandSlots, m.people AS people, m.counts AS counts ' +
        'FROM answer_matrices m JOIN polls p ON p.id = m.poll_id AND p.version = m.version WHERE m.poll_id = @pollId',
    ),
    /** The version and the answers in one statement, so they are read from one snapshot. */
    answersAtVersion: sqlite.prepare<{ pollId: number }, { version: number; userId: string | null; userName: string | null; states: string | null }>(
      'SELECT p.version AS version, a.user_id AS userId, a.user_name AS userName, a.states AS states FROM polls p LEFT JOIN participants a ON a.poll_id = p.id WHERE p.id = @pollId ORDER BY a.first_answered_at, a.user_id',
    ),
    // A slower reader of an older version never overwrites a newer row (nor its bands).
    keepSummary: sqlite.prepare<{ pollId: number } & AnswerMatrixRow>(
      'INSERT INTO answer_matrices (poll_id, version, slot_count, window_slots, band_slots, people, counts) VALUES (@pollId, @version, @slotCount, @windowSlots, @bandSlots, @people, @counts) ' +
        'ON CONFLICT (poll_id) DO UPDATE SET version = excluded.version, slot_count = excluded.slot_count, window_slots = excluded.window_slots, band_slots = excluded.band_slots, ' +
        'people = excluded.people, counts = excluded.counts WHERE excluded.version >= answer_matrices.version',
    ),
    keepBand: sqlite.prepare<{ pollId: number } & AnswerBandRow>(
      'INSERT INTO answer_matrix_bands (poll_id, band, version, bits) VALUES (@pollId, @band, @version, @bits) ' +
        'ON CONFLICT (poll_id, band) DO UPDATE SET version = excluded.version, bits = excluded.bits WHERE excluded.version >= answer_matrix_bands.version',
    ),
    dropOlderBands: sqlite.prepare<{ pollId: number; version: number }>('DELETE FROM answer_matrix_bands WHERE poll_id = @pollId AND version < @version'),
    bands: sqlite.prepare<{ pollId: number; version: number; first: number; last: number }, { band: number; bits: Buffer }>(
      'SELECT band, bits FROM answer_matrix_bands WHERE poll_id = @pollId AND version = @version AND band BETWEEN @first AND @last',
    ),
    userPrefs: sqlite.prepare<{ platform: string; userId: string }, typeof userPrefs.$inferSelect>(
      `SELECT ${columnsOf(userPrefs)} FROM user_prefs WHERE platform = @platform AND user_id = @userId`,
    ),
  };
}

export class SqlitePollStore implements PollStore {
  private readonly purges = new PurgeSchedule();
  private readonly hot: ReturnType<typeof hotStatements>;
  /** saveAnswer's transaction, wrapped once (better-sqlite3 builds four wrappers for each `transaction()`). */
  private readonly saveInTransaction: Database.Transaction<SqlitePollStore['saveAnswerNow']>;
  private readonly keepInTransaction: Database.Transaction<SqlitePollStore['keepSummary']>;

  constructor(private readonly database: OpenedDatabase) {
    this.hot = hotStatements(database.sqlite);
    this.saveInTransaction = database.sqlite.transaction(this.saveAnswerNow.bind(this));
    this.keepInTransaction = database.sqlite.transaction(this.keepSummary.bind(this));
  }

  private get db() {
    return this.database.db;
  }

  /** Stores the key unless it is there and unexpired at `now`; true when stored. */
  private storeKey(key: RequestKey, now: number): boolean {
    return this.hot.storeKey.all({ key: key.key, expiresAt: key.expiresAt, now }).length > 0;
  }

  /** Within a transaction: throws ReplayedRequest, abandoning it, when the write's key was seen. */
  private once(options: Once | undefined, now: number): void {
    if (options?.requestKey) refuseReplay(options.requestKey, this.storeKey(options.requestKey, now));
  }

  async claimRequestKey(key: RequestKey, now: number): Promise<boolean> {
    if (this.purges.due()) this.db.delete(requestKeys).where(lte(requestKeys.expiresAt, now)).run();
    return this.storeKey(key, now);
  }

  async createPoll(input: NewPoll, nextCode: () => string): Promise<Poll> {
    const values = newPollValues(input);
    const create = this.database.sqlite.transaction((): Poll => {
      this.once(input, input.createdAt);
      for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
        const row = this.db
          .insert(polls)
          .values({ ...values, code: nextCode() })
          .onConflictDoNothing({ target: polls.code })
          .returning()
          .get();
        // No row: the code is taken; draw another.
        if (row) return storedPoll(row);
      }
      throw new Error('could not find a free poll code');
    });
    return create.immediate();
  }

  async getPoll(id: number): Promise<Poll | undefined> {
    return readablePoll(this.hot.pollById.get({ id }));
  }

  async findPollByCode(code: string): Promise<Poll | undefined> {
    return readablePoll(this.hot.pollByCode.get({ code }));
  }

  async newestOpenPoll(channel: ChannelRef): Promise<Poll | undefined> {
    return readablePolls(this.channelRows(channel, ['open']))[0];
  }

  async listPolls(channel: ChannelRef, statuses: PollStatus[]): Promise<Poll[]> {
    return readablePolls(this.channelRows(channel, statuses));
  }

  async unreadablePoll(key: { code: string } | { id: number }): Promise<UnreadablePoll | undefined> {
    return unreadablePollOf(
      this.db
        .select()
        .from(polls)
        .where('code' in key ? eq(polls.code, key.code) : eq(polls.id, key.id))
        .get(),
    );
  }

  async unreadablePolls(channel: ChannelRef, statuses: PollStatus[]): Promise<UnreadablePoll[]> {
    return unreadablePollsOf(this.channelRows(channel, statuses));
  }

  /** The channel's newest rows with these statuses; a channel never has more open polls than this in practice. */
  private channelRows(channel: ChannelRef, statuses: PollStatus[]): PollRow[] {
    return this.db
      .select()
      .from(polls)
      .where(and(channelWhere(channel), inArray(polls.status, statuses)))
      .orderBy(desc(polls.id))
      .limit(50)
      .all();
  }

  async updatePoll(id: number, patch: PollPatch, options?: { requestKey: RequestKey; at: number }): Promise<void> {
    const values = pollPatchValues(patch);
    const update = this.database.sqlite.transaction(() => {
      this.once(options, options?.at ?? 0);
      if (Object.keys(values).length === 0) return;
      this.db
        .update(polls)
        .set(changesVersion(values) ? { ...values, ...nextVersion } : values)
        .where(eq(polls.id, id))
        .run();
    });
    update.immediate();
  }

  async participants(pollId: number): Promise<Participant[]> {
    return this.db
      .select()
      .from(participants)
      .where(eq(participants.pollId, pollId))
      .orderBy(participants.firstAnsweredAt, participants.userId)
      .all()
      .map(participantOf);
  }

  async answerSummary(pollId: number, shape: AnswerShape): Promise<AnswerSummary> {
    const kept = this.hot.keptSummary.get({ pollId });
    const summary = kept && summaryOfRow(kept, shape);
    if (summary) return summary;
    const { summary: read, keep } = summaryAtVersion(this.hot.answersAtVersion.all({ pollId }), shape);
    if (keep) this.keepInTransaction(pollId, keep.matrix, keep.bands);
    return read;
  }

  /** Synchronous, as SQLite reads: ranking reads its bands inline, in one pass. */
  answerBands(pollId: number, summary: AnswerSummary, first: number, last: number): BandsRead {
    return bandsOfRows(this.hot.bands.all({ pollId, version: summary.version, first, last }), summary, first, last);
  }

  /** The summary's row and its bands in one transaction, so no reader sees a row without its bands. */
  private keepSummary(pollId: number, matrix: AnswerMatrixRow, bands: readonly AnswerBandRow[]): void {
    const { hot } = this;
    hot.keepSummary.run({ pollId, ...matrix });
    for (const band of bands) hot.keepBand.run({ pollId, ...band });
    hot.dropOlderBands.run({ pollId, version: matrix.version });
  }

  async participant(pollId: number, userId: string): Promise<Participant | undefined> {
    const r = this.hot.participant.get({ pollId, userId });
    return r && participantOf(r);
  }

  async saveAnswer(pollId: number, user: UserRef, update: (current: string) => string, at: number, options: SaveAnswerOptions): Promise<AnswerChange> {
    return this.saveInTransaction.immediate(pollId, user, update, at, options);
  }

  /** saveAnswer's work, inside its IMMEDIATE transaction. */
  private saveAnswerNow(pollId: number, user: UserRef, update: (current: string) => string, at: number, options: SaveAnswerOptions): AnswerChange {
    const { hot } = this;
    this.once(options, at);
    const mine = { pollId, userId: user.id };
    const existing = hot.statesOf.get(mine)?.states;
    // Counted by the database: a full poll of thousands is not read row by row for each newcomer.
    const taken = mustCount(existing, options) ? (hot.countParticipants.get({ pollId })?.n ?? 0) : 0;
    const plan = planAnswer(existing, taken, update, options);
    const row = { ...mine, userName: user.name, states: plan.after, at };
    if (plan.write === 'update') hot.updateAnswer.run(row);
    if (plan.write === 'insert') hot.insertAnswer.run(row);
    if (plan.recorded) {
      hot.insertHistory.run({ ...mine, userName: user.name, at, changes: JSON.stringify(plan.changes), reason: reasonValue(options.reason), source: options.source ?? null });
      hot.bumpVersion.run({ pollId });
    }
    return { after: plan.after };
  }

  async clearAnswer(pollId: number, user: UserRef, at: number, slotCount: number, options?: Once): Promise<ClearedAnswer> {
    const run = this.database.sqlite.transaction((): ClearedAnswer => {
      this.once(options, at);
      const mine = and(eq(participants.pollId, pollId), eq(participants.userId, user.id));
      const existing = this.db.select({ states: participants.states }).from(participants).where(mine).get();
      if (!existing) return { cleared: false };
      this.db.delete(participants).where(mine).run();
      const changes = clearedChanges(existing.states, slotCount);
      this.db.insert(answerHistory).values({ pollId, userId: user.id, userName: user.name, at, changes: JSON.stringify(changes) }).run();
      this.db.update(polls).set(nextVersion).where(eq(polls.id, pollId)).run();
      return { cleared: true };
    });
    return run.immediate();
  }

  async history(pollId: number, limit: number): Promise<HistoryEntry[]> {
    return this.db.select().from(answerHistory).where(eq(answerHistory.pollId, pollId)).orderBy(desc(answerHistory.id)).limit(limit).all().map(historyEntryOf);
  }

  async userPrefs(platform: Platform, userId: string): Promise<UserPrefs> {
    return userPrefsOf(this.hot.userPrefs.get({ platform, userId }));
  }

  async setUserPrefs(platform: Platform, userId: string, prefs: UserPrefs, now: number): Promise<void> {
    const values = userPrefsValues(prefs, now);
    this.db
      .insert(userPrefs)
      .values({ platform, userId, ...values })
      .onConflictDoUpdate({ target: [userPrefs.platform, userPrefs.userId], set: values })
      .run();
  }

  async answersSince(person: PersonRef, since: number): Promise<PastAnswer[]> {
    const rows = this.db
      .select({ poll: polls, states: participants.states })
      .from(participants)
      .innerJoin(polls, eq(polls.id, participants.pollId))
      .where(
        and(
          eq(polls.platform, person.platform),
          eq(polls.workspaceId, person.workspaceId),
          eq(participants.userId, person.userId),
          gte(polls.createdAt, since),
          ne(polls.status, 'deleted'),
        ),
      )
      .orderBy(desc(polls.createdAt))
      .limit(PAST_ANSWERS_LIMIT)
      .all();
    return pastAnswersOf(rows);
  }

  async usualWeekSettings(person: PersonRef): Promise<UsualWeekSettings> {
    const [row] = this.db.select().from(usualWeekSettings).where(personWhere(person)).all();
    return usualWeekSettingsOf(row);
  }

  async setUsualWeekSettings(person: PersonRef, settings: UsualWeekSettings, now: number): Promise<void> {
    const values = usualWeekSettingsValues(settings, now);
    this.db
      .insert(usualWeekSettings)
      .values({ platform: person.platform, workspaceId: person.workspaceId, userId: person.userId, ...values })
      .onConflictDoUpdate({ target: [usualWeekSettings.platform, usualWeekSettings.workspaceId, usualWeekSettings.userId], set: values })
      .run();
  }

  async recordBlock(block: NewAnswerBlock, at: number): Promise<AnswerBlock> {
    return answerBlockOf(this.db.insert(answerBlocks).values(answerBlockValues(block, at)).returning().get());
  }

  async answerBlock(id: number): Promise<AnswerBlock | undefined> {
    const row = this.db.select().from(answerBlocks).where(eq(answerBlocks.id, id)).get();
    return row && answerBlockOf(row);
  }

  async activeBlocks(query: { pickedPollId: number } | { blockedPollId: number }): Promise<AnswerBlock[]> {
    const of = 'pickedPollId' in query ? eq(answerBlocks.pickedPollId, query.pickedPollId) : eq(answerBlocks.blockedPollId, query.blockedPollId);
    return this.db.select().from(answerBlocks).where(and(of, eq(answerBlocks.status, 'active'))).orderBy(answerBlocks.id).all().map(answerBlockOf);
  }

  async endBlock(id: number, status: 'undone' | 'released', at: number): Promise<boolean> {
    const ended = this.db
      .update(answerBlocks)
      .set({ status, endedAt: at })
      .where(and(eq(answerBlocks.id, id), eq(answerBlocks.status, 'active')))
      .returning({ id: answerBlocks.id })
      .all();
    return ended.length > 0;
  }

  async updatePollIf(id: number, from: PollStatus, patch: PollPatch): Promise<boolean> {
    const values = pollPatchValues(patch);
    const changed = this.db
      .update(polls)
      .set(changesVersion(values) ? { ...values, ...nextVersion } : values)
      .where(and(eq(polls.id, id), eq(polls.status, from)))
      .returning({ id: polls.id })
      .all();
    return changed.length > 0;
  }
}
