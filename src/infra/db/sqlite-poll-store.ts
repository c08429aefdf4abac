/** PollStore on SQLite (better-sqlite3 + drizzle). Writes that read-modify-write run in IMMEDIATE transactions. */
import { and, count, desc, eq, inArray } from 'drizzle-orm';
import { UserError } from '../../core/errors.js';
import { stateAt } from '../../core/domain/availability.js';
import { pickedWindowSchema, pollSpecSchema, readStoredJson } from '../../core/domain/poll-schema.js';
import type {
  AnswerState,
  ChannelRef,
  HistoryEntry,
  Locale,
  Participant,
  Platform,
  Poll,
  PollSpec,
  PollStatus,
  UnreadablePoll,
  UserPrefs,
  UserRef,
} from '../../core/domain/types.js';
import type { AnswerChange, ClearedAnswer, NewPoll, PollPatch, PollStore, SaveAnswerOptions } from '../../core/ports.js';
import type { OpenedDatabase } from './open-database.js';
import { answerHistory, participants, polls, userPrefs } from './schema.js';

type PollRow = typeof polls.$inferSelect;

/** A row as a poll, or, when its spec or pick fails validation, as the unreadable poll its plain columns describe. */
function readRow(row: PollRow): Poll | UnreadablePoll {
  const channel: ChannelRef = { platform: row.platform as Platform, workspaceId: row.workspaceId, channelId: row.channelId };
  const creator: UserRef = { id: row.creatorId, name: row.creatorName };
  const status = row.status as PollStatus;
  const unreadable = (problem: string): UnreadablePoll => ({ id: row.id, code: row.code, channel, creator, title: row.title, status, problem });
  const spec = readStoredJson(row.spec, pollSpecSchema);
  if (!spec.ok) return unreadable(`spec ${spec.problem}`);
  const picked = row.picked === null ? undefined : readStoredJson(row.picked, pickedWindowSchema);
  if (picked && !picked.ok) return unreadable(`picked ${picked.problem}`);
  const poll: Poll = { id: row.id, code: row.code, channel, creator, spec: spec.value, status, createdAt: row.createdAt };
  if (row.closedAt !== null) poll.closedAt = row.closedAt;
  if (row.messageRef !== null) poll.messageRef = row.messageRef;
  if (picked?.ok) poll.picked = picked.value;
  return poll;
}

function isUnreadable(poll: Poll | UnreadablePoll): poll is UnreadablePoll {
  return 'problem' in poll;
}

function readable(row: PollRow | undefined): Poll | undefined {
  const poll = row && readRow(row);
  return poll && !isUnreadable(poll) ? poll : undefined;
}

/** A spec is checked on the way in too, so a bug can never store a poll that reads back as damaged. */
function storedSpec(spec: PollSpec): string {
  const checked = pollSpecSchema.safeParse(spec);
  if (!checked.success) throw new Error(`refusing to store an invalid poll spec: ${checked.error.message}`);
  return JSON.stringify(spec);
}

function channelWhere(channel: ChannelRef) {
  return and(
    eq(polls.platform, channel.platform),
    eq(polls.workspaceId, channel.workspaceId),
    eq(polls.channelId, channel.channelId),
  );
}

export class SqlitePollStore implements PollStore {
  constructor(private readonly database: OpenedDatabase) {}

  private get db() {
    return this.database.db;
  }

  async createPoll(input: NewPoll, nextCode: () => string): Promise<Poll> {
    for (let attempt = 0; attempt < 50; attempt++) {
      const code = nextCode();
      const row = this.db
        .insert(polls)
        .values({
          code,
          platform: input.channel.platform,
          workspaceId: input.channel.workspaceId,
          channelId: input.channel.channelId,
          creatorId: input.creator.id,
          creatorName: input.creator.name,
          kind: input.spec.kind,
          title: input.spec.title,
          spec: storedSpec(input.spec),
          status: 'open',
          deadline: input.spec.deadline ?? null,
          createdAt: input.createdAt,
        })
        .onConflictDoNothing({ target: polls.code })
        .returning()
        .get();
      // No row: the code is taken; draw another.
      if (!row) continue;
      const poll = readRow(row);
      if (isUnreadable(poll)) throw new Error(`a poll just stored reads back as damaged: ${poll.problem}`);
      return poll;
    }
    throw new Error('could not find a free poll code');
  }

  async getPoll(id: number): Promise<Poll | undefined> {
    return readable(this.db.select().from(polls).where(eq(polls.id, id)).get());
  }

  async findPollByCode(code: string): Promise<Poll | undefined> {
    return readable(this.db.select().from(polls).where(eq(polls.code, code)).get());
  }

  async newestOpenPoll(channel: ChannelRef): Promise<Poll | undefined> {
    for (const row of this.channelRows(channel, ['open'])) {
      const poll = readRow(row);
      if (!isUnreadable(poll)) return poll;
    }
    return undefined;
  }

  async listPolls(channel: ChannelRef, statuses: PollStatus[]): Promise<Poll[]> {
    return this.channelRows(channel, statuses)
      .map(readRow)
      .filter((poll): poll is Poll => !isUnreadable(poll));
  }

  async unreadablePoll(key: { code: string } | { id: number }): Promise<UnreadablePoll | undefined> {
    const row = this.db
      .select()
      .from(polls)
      .where('code' in key ? eq(polls.code, key.code) : eq(polls.id, key.id))
      .get();
    const poll = row && readRow(row);
    return poll && isUnreadable(poll) ? poll : undefined;
  }

  async unreadablePolls(channel: ChannelRef, statuses: PollStatus[]): Promise<UnreadablePoll[]> {
    return this.channelRows(channel, statuses).map(readRow).filter(isUnreadable);
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

  async updatePoll(id: number, patch: PollPatch): Promise<void> {
    const values: Partial<typeof polls.$inferInsert> = {};
    if (patch.status !== undefined) values.status = patch.status;
    if (patch.closedAt !== undefined) values.closedAt = patch.closedAt;
    if (patch.messageRef !== undefined) values.messageRef = patch.messageRef;
    if (patch.picked !== undefined) values.picked = patch.picked === null ? null : JSON.stringify(patch.picked);
    if (patch.spec !== undefined) {
      values.spec = storedSpec(patch.spec);
      values.deadline = patch.spec.deadline ?? null;
      values.title = patch.spec.title;
    }
    if (Object.keys(values).length === 0) return;
    this.db.update(polls).set(values).where(eq(polls.id, id)).run();
  }

  async participants(pollId: number): Promise<Participant[]> {
    return this.db
      .select()
      .from(participants)
      .where(eq(participants.pollId, pollId))
      .orderBy(participants.firstAnsweredAt, participants.userId)
      .all()
      .map((r) => ({ user: { id: r.userId, name: r.userName }, states: r.states, answeredAt: r.answeredAt }));
  }

  async participant(pollId: number, userId: string): Promise<Participant | undefined> {
    const r = this.db
      .select()
      .from(participants)
      .where(and(eq(participants.pollId, pollId), eq(participants.userId, userId)))
      .get();
    return r ? { user: { id: r.userId, name: r.userName }, states: r.states, answeredAt: r.answeredAt } : undefined;
  }

  async saveAnswer(
    pollId: number,
    user: UserRef,
    update: (current: string) => string,
    at: number,
    options: SaveAnswerOptions,
  ): Promise<AnswerChange> {
    const run = this.database.sqlite.transaction((): AnswerChange => {
      const existing = this.db
        .select({ states: participants.states })
        .from(participants)
        .where(and(eq(participants.pollId, pollId), eq(participants.userId, user.id)))
        .get();
      if (!existing && options.maxParticipants !== undefined) {
        // Counted by the database: a full poll of thousands is not read row by row for each newcomer.
        const taken = this.db.select({ n: count() }).from(participants).where(eq(participants.pollId, pollId)).get()?.n ?? 0;
        if (taken >= options.maxParticipants) throw new UserError('POLL_FULL', {});
      }
      const before = (existing?.states ?? '').padEnd(options.slotCount, '.').slice(0, options.slotCount);
      const after = update(before).padEnd(options.slotCount, '.').slice(0, options.slotCount);
      const changes: Array<[number, AnswerState, AnswerState]> = [];
      for (let i = 0; i < options.slotCount; i++) {
        if (before[i] !== after[i]) changes.push([i, stateAt(before, i), stateAt(after, i)]);
      }
      if (existing) {
        if (changes.length > 0) {
          this.db
            .update(participants)
            .set({ states: after, answeredAt: at, userName: user.name })
            .where(and(eq(participants.pollId, pollId), eq(participants.userId, user.id)))
            .run();
        }
      } else {
        this.db
          .insert(participants)
          .values({ pollId, userId: user.id, userName: user.name, states: after, firstAnsweredAt: at, answeredAt: at })
          .run();
      }
      if (changes.length > 0 || !existing) {
        this.db
          .insert(answerHistory)
          .values({ pollId, userId: user.id, userName: user.name, at, changes: JSON.stringify(changes) })
          .run();
      }
      return { after };
    });
    return run.immediate();
  }

  async clearAnswer(pollId: number, user: UserRef, at: number, slotCount: number): Promise<ClearedAnswer> {
    const run = this.database.sqlite.transaction((): ClearedAnswer => {
      const mine = and(eq(participants.pollId, pollId), eq(participants.userId, user.id));
      const existing = this.db.select({ states: participants.states }).from(participants).where(mine).get();
      if (!existing) return { cleared: false };
      this.db.delete(participants).where(mine).run();
      const changes: Array<[number, AnswerState, AnswerState]> = [];
      for (let i = 0; i < slotCount; i++) {
        const before = stateAt(existing.states, i);
        if (before !== 'no') changes.push([i, before, 'no']);
      }
      this.db.insert(answerHistory).values({ pollId, userId: user.id, userName: user.name, at, changes: JSON.stringify(changes) }).run();
      return { cleared: true };
    });
    return run.immediate();
  }

  async history(pollId: number, limit: number): Promise<HistoryEntry[]> {
    return this.db
      .select()
      .from(answerHistory)
      .where(eq(answerHistory.pollId, pollId))
      .orderBy(desc(answerHistory.id))
      .limit(limit)
      .all()
      .map((r) => ({
        user: { id: r.userId, name: r.userName },
        at: r.at,
        changes: JSON.parse(r.changes) as HistoryEntry['changes'],
      }));
  }

  async userPrefs(platform: Platform, userId: string): Promise<UserPrefs> {
    const r = this.db
      .select()
      .from(userPrefs)
      .where(and(eq(userPrefs.platform, platform), eq(userPrefs.userId, userId)))
      .get();
    const prefs: UserPrefs = {};
    if (r?.timezone) prefs.timezone = r.timezone;
    if (r?.locale) prefs.locale = r.locale as Locale;
    return prefs;
  }

  async setUserPrefs(platform: Platform, userId: string, prefs: UserPrefs, now: number): Promise<void> {
    const values = { timezone: prefs.timezone ?? null, locale: prefs.locale ?? null, updatedAt: now };
    this.db
      .insert(userPrefs)
      .values({ platform, userId, ...values })
      .onConflictDoUpdate({ target: [userPrefs.platform, userPrefs.userId], set: values })
      .run();
  }
}
