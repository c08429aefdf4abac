/** What the scheduler posts: the deadline announcement and reminders. */
import type { Poll, UnreadablePoll } from '../domain/types.js';
import { deadlineNote, reminderNotice } from '../views/lifecycle.js';
import type { View } from '../views/reply.js';
import type { EngineContext } from './context.js';

export class ScheduledWork {
  constructor(private readonly ctx: EngineContext) {}

  /** The channel post when a poll closes at its deadline: best times, who is free, the heatmap. */
  async deadlineAnnouncement(poll: Poll, late: boolean): Promise<View> {
    const locale = this.ctx.channelLocale(poll);
    return this.ctx.resultsView({ poll, locale, tz: poll.spec.timezone, note: deadlineNote(poll, late, locale) });
  }

  /** A reminder before the deadline; undefined when nobody expected is missing. */
  async reminder(poll: Poll): Promise<View | undefined> {
    if (poll.status !== 'open' || poll.spec.deadline === undefined) return undefined;
    const participants = await this.ctx.store.participants(poll.id);
    const answered = new Set(participants.map((p) => p.user.id));
    const missing = poll.spec.expected.filter((u) => !answered.has(u.id));
    if (poll.spec.expected.length && missing.length === 0) return undefined;
    return reminderNotice({
      poll,
      deadline: poll.spec.deadline,
      locale: this.ctx.channelLocale(poll),
      answered: participants.length,
      ...(poll.spec.expected.length ? { missing } : {}),
    });
  }

  /** The poll when its stored row is damaged (getPoll says nothing then), so scheduled work can say why it skips it. */
  async unreadablePoll(pollId: number): Promise<UnreadablePoll | undefined> {
    return this.ctx.store.unreadablePoll({ id: pollId });
  }
}
