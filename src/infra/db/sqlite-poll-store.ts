/** PollStore on SQLite (better-sqlite3 + drizzle). Writes that read-modify-write run in IMMEDIATE transactions. */
import { and, desc, eq, inArray } from 'drizzle-orm';
import { UserError } from '../../core/errors.js';
import { stateAt } from '../../core/domain/availability.js';
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
  UserPrefs,
  UserRef,
} from '../../core/domain/types.js';
import type { AnswerChange, NewPoll, PollPatch, PollStore, SaveAnswerOptions } from '../../core/ports.js';
import type { OpenedDatabase } from './open-database.js';
import { answerHistory, participants, polls, userPrefs } from './schema.js';

type PollRow = typeof polls.$inferSelect;

function toPoll(row: PollRow): Poll {
  const poll: Poll = {
    id: row.id,
    code: row.code,
    channel: { platform: row.platform as Platform, workspaceId: row.workspaceId, channelId: row.channelId },
    creator: { id: row.creatorId, name: row.creatorName },
    spec: JSON.parse(row.spec) as PollSpec,
    status: row.status as PollStatus,
    createdAt: row.createdAt,
  };
  if (row.closedAt !== null) poll.closedAt = row.closedAt;
  if (row.messageRef !== null) poll.messageRef = row.messageRef;
  if (row.picked !== null) poll.picked = JSON.parse(row.picked) as Poll['picked'] & object;
  return poll;
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
          spec: JSON.stringify(input.spec),
          status: 'open',
          deadline: input.spec.deadline ?? null,
          createdAt: input.createdAt,
        })
        .onConflictDoNothing({ target: polls.code })
        .returning()
        .get();
      if (row) return toPoll(row);
    }
    throw new Error('could not find a free poll code');
  }

  async getPoll(id: number): Promise<Poll | undefined> {
    const row = this.db.select().from(polls).where(eq(polls.id, id)).get();
    return row ? toPoll(row) : undefined;
  }

  async findPollByCode(code: string): Promise<Poll | undefined> {
    const row = this.db.select().from(polls).where(eq(polls.code, code)).get();
    return row ? toPoll(row) : undefined;
  }

  async newestOpenPoll(channel: ChannelRef): Promise<Poll | undefined> {
    const row = this.db
      .select()
      .from(polls)
      .where(and(channelWhere(channel), eq(polls.status, 'open')))
      .orderBy(desc(polls.id))
      .limit(1)
      .get();
    return row ? toPoll(row) : undefined;
  }

  async listPolls(channel: ChannelRef, statuses: PollStatus[]): Promise<Poll[]> {
    return this.db
      .select()
      .from(polls)
      .where(and(channelWhere(channel), inArray(polls.status, statuses)))
      .orderBy(desc(polls.id))
      .limit(50)
      .all()
      .map(toPoll);
  }

  async updatePoll(id: number, patch: PollPatch): Promise<void> {
    const values: Partial<typeof polls.$inferInsert> = {};
    if (patch.status !== undefined) values.status = patch.status;
    if (patch.closedAt !== undefined) values.closedAt = patch.closedAt;
    if (patch.messageRef !== undefined) values.messageRef = patch.messageRef;
    if (patch.picked !== undefined) values.picked = patch.picked === null ? null : JSON.stringify(patch.picked);
    if (patch.spec !== undefined) {
      values.spec = JSON.stringify(patch.spec);
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
        const count = this.db.select({ userId: participants.userId }).from(participants).where(eq(participants.pollId, pollId)).all().length;
        if (count >= options.maxParticipants) throw new UserError('POLL_FULL', {});
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
