/**
 * PollStore on PostgreSQL. A read-modify-write of answers locks the poll row first
 * (SELECT … FOR UPDATE), so concurrent answers, and the participant limit, hold across instances.
 */
import { and, between, count, desc, eq, gte, inArray, lt, lte, ne, sql } from 'drizzle-orm';
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
import type { OpenedPostgres, PgDb } from './open-postgres.js';
import { answerBlocks, answerHistory, answerMatrices, answerMatrixBands, participants, polls, requestKeys, userPrefs, usualWeekSettings } from './schema.js';
import { bandsOfRows, summaryAtVersion, summaryOfRow } from '../answer-matrix-rows.js';
import type { AnswerBand, AnswerShape, AnswerSummary } from '../../../core/domain/kept-answers.js';

type Tx = Parameters<Parameters<PgDb['transaction']>[0]>[0];

const nextVersion = { version: sql`${polls.version} + 1` };

/** Stores the key unless it is there and unexpired at `now`; true when stored. */
async function storeKey(db: PgDb | Tx, key: RequestKey, now: number): Promise<boolean> {
  const stored = await db
    .insert(requestKeys)
    .values(key)
    .onConflictDoUpdate({ target: requestKeys.key, set: { expiresAt: key.expiresAt }, setWhere: lte(requestKeys.expiresAt, now) })
    .returning({ key: requestKeys.key });
  return stored.length > 0;
}

/** Within a transaction: throws ReplayedRequest, rolling it back, when the write's key was seen. */
async function once(tx: Tx, options: Once | undefined, now: number): Promise<void> {
  if (options?.requestKey) refuseReplay(options.requestKey, await storeKey(tx, options.requestKey, now));
}

function channelWhere(channel: ChannelRef) {
  return and(eq(polls.platform, channel.platform), eq(polls.workspaceId, channel.workspaceId), eq(polls.channelId, channel.channelId));
}

/** Waits for the poll row's lock: answers to one poll are written one after another. */
async function lockPoll(tx: Tx, pollId: number): Promise<void> {
  await tx.select({ id: polls.id }).from(polls).where(eq(polls.id, pollId)).for('update');
}

function personWhere(person: PersonRef) {
  return and(eq(usualWeekSettings.platform, person.platform), eq(usualWeekSettings.workspaceId, person.workspaceId), eq(usualWeekSettings.userId, person.userId));
}

/**
 * The reads every click runs outside a transaction, as named prepared statements: drizzle builds
 * their SQL once, and each pooled connection has the server parse and plan them once. (Statements
 * inside a transaction must run on its connection, so saveAnswer's stay as they are.)
 */
function hotReads(db: PgDb) {
  const placeholder = sql.placeholder;
  return {
    pollById: db.select().from(polls).where(eq(polls.id, placeholder('id'))).prepare('yakjeong_poll_by_id'),
    pollByCode: db.select().from(polls).where(eq(polls.code, placeholder('code'))).prepare('yakjeong_poll_by_code'),
    participant: db
      .select()
      .from(participants)
      .where(and(eq(participants.pollId, placeholder('pollId')), eq(participants.userId, placeholder('userId'))))
      .prepare('yakjeong_participant'),
    userPrefs: db
      .select()
      .from(userPrefs)
      .where(and(eq(userPrefs.platform, placeholder('platform')), eq(userPrefs.userId, placeholder('userId'))))
      .prepare('yakjeong_user_prefs'),
    /** The kept summary, only while it is for the poll's current version. */
    keptSummary: db
      .select({
        version: answerMatrices.version,
        slotCount: answerMatrices.slotCount,
        windowSlots: answerMatrices.windowSlots,
        bandSlots: answerMatrices.bandSlots,
        people: answerMatrices.people,
        counts: answerMatrices.counts,
      })
      .from(answerMatrices)
      .innerJoin(polls, and(eq(polls.id, answerMatrices.pollId), eq(polls.version, answerMatrices.version)))
      .where(eq(answerMatrices.pollId, placeholder('pollId')))
      .prepare('yakjeong_kept_summary'),
    bands: db
      .select({ band: answerMatrixBands.band, bits: answerMatrixBands.bits })
      .from(answerMatrixBands)
      .where(
        and(
          eq(answerMatrixBands.pollId, placeholder('pollId')),
          eq(answerMatrixBands.version, placeholder('version')),
          between(answerMatrixBands.band, placeholder('first'), placeholder('last')),
        ),
      )
      .prepare('yakjeong_answer_bands'),
  };
}

export class PgPollStore implements PollStore {
  private readonly purges = new PurgeSchedule();
  private readonly hot: ReturnType<typeof hotReads>;

  constructor(private readonly database: OpenedPostgres) {
    this.hot = hotReads(database.db);
  }

  private get db() {
    return this.database.db;
  }

  async claimRequestKey(key: RequestKey, now: number): Promise<boolean> {
    if (this.purges.due()) await this.db.delete(requestKeys).where(lte(requestKeys.expiresAt, now));
    return storeKey(this.db, key, now);
  }

  async createPoll(input: NewPoll, nextCode: () => string): Promise<Poll> {
    const values = newPollValues(input);
    return this.db.transaction(async (tx) => {
      await once(tx, input, input.createdAt);
      for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
        const [row] = await tx
          .insert(polls)
          .values({ ...values, code: nextCode() })
          .onConflictDoNothing({ target: polls.code })
          .returning();
        // No row: the code is taken; draw another.
        if (row) return storedPoll(row);
      }
      throw new Error('could not find a free poll code');
    });
  }

  async getPoll(id: number): Promise<Poll | undefined> {
    return readablePoll((await this.hot.pollById.execute({ id }))[0]);
  }

  async findPollByCode(code: string): Promise<Poll | undefined> {
    return readablePoll((await this.hot.pollByCode.execute({ code }))[0]);
  }

  async newestOpenPoll(channel: ChannelRef): Promise<Poll | undefined> {
    return readablePolls(await this.channelRows(channel, ['open']))[0];
  }

  async listPolls(channel: ChannelRef, statuses: PollStatus[]): Promise<Poll[]> {
    return readablePolls(await this.channelRows(channel, statuses));
  }

  async unreadablePoll(key: { code: string } | { id: number }): Promise<UnreadablePoll | undefined> {
    const [row] = await this.db
      .select()
      .from(polls)
      .where('code' in key ? eq(polls.code, key.code) : eq(polls.id, key.id));
    return unreadablePollOf(row);
  }

  async unreadablePolls(channel: ChannelRef, statuses: PollStatus[]): Promise<UnreadablePoll[]> {
    return unreadablePollsOf(await this.channelRows(channel, statuses));
  }

  /** The channel's newest rows with these statuses; a channel never has more open polls than this in practice. */
  private channelRows(channel: ChannelRef, statuses: PollStatus[]): Promise<PollRow[]> {
    return this.db
      .select()
      .from(polls)
      .where(and(channelWhere(channel), inArray(polls.status, statuses)))
      .orderBy(desc(polls.id))
      .limit(50);
  }

  async updatePoll(id: number, patch: PollPatch, options?: { requestKey: RequestKey; at: number }): Promise<void> {
    const values = pollPatchValues(patch);
    await this.db.transaction(async (tx) => {
      await once(tx, options, options?.at ?? 0);
      if (Object.keys(values).length === 0) return;
      await tx
        .update(polls)
        .set(changesVersion(values) ? { ...values, ...nextVersion } : values)
        .where(eq(polls.id, id));
    });
  }

  async participants(pollId: number): Promise<Participant[]> {
    const rows = await this.db
      .select()
      .from(participants)
      .where(eq(participants.pollId, pollId))
      .orderBy(participants.firstAnsweredAt, participants.userId);
    return rows.map(participantOf);
  }

  async answerSummary(pollId: number, shape: AnswerShape): Promise<AnswerSummary> {
    const [kept] = await this.hot.keptSummary.execute({ pollId });
    const summary = kept && summaryOfRow(kept, shape);
    if (summary) return summary;
    // The version and the answers in one statement, so they are read from one snapshot.
    const rows = await this.db
      .select({ version: polls.version, userId: participants.userId, userName: participants.userName, states: participants.states })
      .from(polls)
      .leftJoin(participants, eq(participants.pollId, polls.id))
      .where(eq(polls.id, pollId))
      .orderBy(participants.firstAnsweredAt, participants.userId);
    const { summary: read, keep } = summaryAtVersion(rows, shape);
    if (keep) {
      const { matrix, bands } = keep;
      // The row and its bands in one transaction; a slower reader of an older version never overwrites a newer row, nor its bands.
      await this.db.transaction(async (tx) => {
        await tx
          .insert(answerMatrices)
          .values({ pollId, ...matrix })
          .onConflictDoUpdate({ target: answerMatrices.pollId, set: matrix, setWhere: sql`excluded.version >= ${answerMatrices.version}` });
        if (bands.length > 0)
          await tx
            .insert(answerMatrixBands)
            .values(bands.map((band) => ({ pollId, ...band })))
            .onConflictDoUpdate({
              target: [answerMatrixBands.pollId, answerMatrixBands.band],
              set: { version: sql`excluded.version`, bits: sql`excluded.bits` },
              setWhere: sql`excluded.version >= ${answerMatrixBands.version}`,
            });
        await tx.delete(answerMatrixBands).where(and(eq(answerMatrixBands.pollId, pollId), lt(answerMatrixBands.version, matrix.version)));
      });
    }
    return read;
  }

  async answerBands(pollId: number, summary: AnswerSummary, first: number, last: number): Promise<ReadonlyMap<number, AnswerBand> | undefined> {
    return bandsOfRows(await this.hot.bands.execute({ pollId, version: summary.version, first, last }), summary, first, last);
  }

  async participant(pollId: number, userId: string): Promise<Participant | undefined> {
    const [r] = await this.hot.participant.execute({ pollId, userId });
    return r && participantOf(r);
  }

  async saveAnswer(pollId: number, user: UserRef, update: (current: string) => string, at: number, options: SaveAnswerOptions): Promise<AnswerChange> {
    return this.db.transaction(async (tx) => {
      await once(tx, options, at);
      await lockPoll(tx, pollId);
      const mine = and(eq(participants.pollId, pollId), eq(participants.userId, user.id));
      const existing = (await tx.select({ states: participants.states }).from(participants).where(mine))[0]?.states;
      const taken = mustCount(existing, options) ? ((await tx.select({ n: count() }).from(participants).where(eq(participants.pollId, pollId)))[0]?.n ?? 0) : 0;
      const plan = planAnswer(existing, taken, update, options);
      if (plan.write === 'update') await tx.update(participants).set({ states: plan.after, answeredAt: at, userName: user.name }).where(mine);
      if (plan.write === 'insert') {
        await tx.insert(participants).values({ pollId, userId: user.id, userName: user.name, states: plan.after, firstAnsweredAt: at, answeredAt: at });
      }
      if (plan.recorded) {
        await tx.insert(answerHistory).values({ pollId, userId: user.id, userName: user.name, at, changes: JSON.stringify(plan.changes), reason: reasonValue(options.reason), source: options.source ?? null });
        await tx.update(polls).set(nextVersion).where(eq(polls.id, pollId));
      }
      return { after: plan.after };
    });
  }

  async clearAnswer(pollId: number, user: UserRef, at: number, slotCount: number, options?: Once): Promise<ClearedAnswer> {
    return this.db.transaction(async (tx) => {
      await once(tx, options, at);
      await lockPoll(tx, pollId);
      const mine = and(eq(participants.pollId, pollId), eq(participants.userId, user.id));
      const [existing] = await tx.delete(participants).where(mine).returning({ states: participants.states });
      if (!existing) return { cleared: false };
      const changes = clearedChanges(existing.states, slotCount);
      await tx.insert(answerHistory).values({ pollId, userId: user.id, userName: user.name, at, changes: JSON.stringify(changes) });
      await tx.update(polls).set(nextVersion).where(eq(polls.id, pollId));
      return { cleared: true };
    });
  }

  async history(pollId: number, limit: number): Promise<HistoryEntry[]> {
    const rows = await this.db.select().from(answerHistory).where(eq(answerHistory.pollId, pollId)).orderBy(desc(answerHistory.id)).limit(limit);
    return rows.map(historyEntryOf);
  }

  async userPrefs(platform: Platform, userId: string): Promise<UserPrefs> {
    const [r] = await this.hot.userPrefs.execute({ platform, userId });
    return userPrefsOf(r);
  }

  async setUserPrefs(platform: Platform, userId: string, prefs: UserPrefs, now: number): Promise<void> {
    const values = userPrefsValues(prefs, now);
    await this.db
      .insert(userPrefs)
      .values({ platform, userId, ...values })
      .onConflictDoUpdate({ target: [userPrefs.platform, userPrefs.userId], set: values });
  }

  async answersSince(person: PersonRef, since: number): Promise<PastAnswer[]> {
    const rows = await this.db
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
      .limit(PAST_ANSWERS_LIMIT);
    return pastAnswersOf(rows);
  }

  async usualWeekSettings(person: PersonRef): Promise<UsualWeekSettings> {
    const [row] = await this.db.select().from(usualWeekSettings).where(personWhere(person));
    return usualWeekSettingsOf(row);
  }

  async setUsualWeekSettings(person: PersonRef, settings: UsualWeekSettings, now: number): Promise<void> {
    const values = usualWeekSettingsValues(settings, now);
    await this.db
      .insert(usualWeekSettings)
      .values({ platform: person.platform, workspaceId: person.workspaceId, userId: person.userId, ...values })
      .onConflictDoUpdate({ target: [usualWeekSettings.platform, usualWeekSettings.workspaceId, usualWeekSettings.userId], set: values });
  }

  async recordBlock(block: NewAnswerBlock, at: number): Promise<AnswerBlock> {
    const [row] = await this.db.insert(answerBlocks).values(answerBlockValues(block, at)).returning();
    return answerBlockOf(row!);
  }

  async answerBlock(id: number): Promise<AnswerBlock | undefined> {
    const [row] = await this.db.select().from(answerBlocks).where(eq(answerBlocks.id, id));
    return row && answerBlockOf(row);
  }

  async activeBlocks(query: { pickedPollId: number } | { blockedPollId: number }): Promise<AnswerBlock[]> {
    const of = 'pickedPollId' in query ? eq(answerBlocks.pickedPollId, query.pickedPollId) : eq(answerBlocks.blockedPollId, query.blockedPollId);
    const rows = await this.db.select().from(answerBlocks).where(and(of, eq(answerBlocks.status, 'active'))).orderBy(answerBlocks.id);
    return rows.map(answerBlockOf);
  }

  async endBlock(id: number, status: 'undone' | 'released', at: number): Promise<boolean> {
    const ended = await this.db
      .update(answerBlocks)
      .set({ status, endedAt: at })
      .where(and(eq(answerBlocks.id, id), eq(answerBlocks.status, 'active')))
      .returning({ id: answerBlocks.id });
    return ended.length > 0;
  }

  async updatePollIf(id: number, from: PollStatus, patch: PollPatch): Promise<boolean> {
    const values = pollPatchValues(patch);
    const changed = await this.db
      .update(polls)
      .set(changesVersion(values) ? { ...values, ...nextVersion } : values)
      .where(and(eq(polls.id, id), eq(polls.status, from)))
      .returning({ id: polls.id });
    return changed.length > 0;
  }
}
