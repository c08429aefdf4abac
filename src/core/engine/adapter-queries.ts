/** Read-only questions adapters ask while rendering and delivering: nothing here changes a poll. */
import type { Actor } from '../actor.js';
import type { PollAnswers } from '../domain/availability.js';
import type { PollLayout } from '../domain/slots.js';
import type { Locale, Participant, Poll, UserRef } from '../domain/types.js';
import type { RankedWindow } from '../domain/ranking.js';
import type { View } from '../views/reply.js';
import type { EngineContext, ResultsRequest } from './context.js';

export class AdapterQueries {
  constructor(private readonly ctx: EngineContext) {}

  /** The live channel message of a poll, for adapters refreshing it. */
  async pollMessage(pollId: number, locale?: Locale): Promise<View | undefined> {
    const poll = await this.ctx.store.getPoll(pollId);
    if (!poll) return undefined;
    return this.ctx.pollView(poll, locale ?? this.ctx.channelLocale(poll));
  }

  getPoll(pollId: number): Promise<Poll | undefined> {
    return this.ctx.store.getPoll(pollId);
  }

  /** The poll's slots and days (cached: a pure function of its spec). */
  layout(poll: Poll): PollLayout {
    return this.ctx.layout(poll);
  }

  participants(poll: Poll): Promise<Participant[]> {
    return this.ctx.participants(poll);
  }

  /** Who answered and their bits, as ranking (rankWindows) reads them, without parsing each answer. */
  answers(poll: Poll): Promise<PollAnswers> {
    return this.ctx.answers(poll);
  }

  /** Who answered and the best windows, as the poll message and results rank them: from kept counts and a few bands of bits. */
  bestWindows(poll: Poll, limit?: number): Promise<{ people: readonly UserRef[]; best: RankedWindow[] }> {
    return this.ctx.bestWindows(poll, limit === undefined ? {} : { limit });
  }

  resultsView(request: ResultsRequest): Promise<View> {
    return this.ctx.resultsView(request);
  }

  localeOf(actor: Pick<Actor, 'locale' | 'channel' | 'user'>): Promise<Locale> {
    return this.ctx.localeOf(actor);
  }

  zoneOf(actor: Pick<Actor, 'platformTimezone' | 'channel' | 'user'>): Promise<string> {
    return this.ctx.zoneOf(actor);
  }

  /** The language a poll was created in, for posts not aimed at one person. */
  channelLocale(poll: Poll): Locale {
    return this.ctx.channelLocale(poll);
  }
}
