/** What a person does with their own answer: open the grid, press its buttons, type their times. */
import { isUserError, UserError, type NewestOfSeveral } from '../errors.js';
import { catalog } from '../i18n/index.js';
import type { Actor } from '../actor.js';
import { fitStates } from '../domain/availability.js';
import { todayIn } from '../domain/time.js';
import type { AnswerChange, AnswerSource, RequestKey } from '../ports.js';
import { STATE_CHAR } from '../domain/availability.js';
import type { AnswerState, ChangeReason, Poll, UserRef } from '../domain/types.js';
import { isClearAnswer, readAnswerText } from '../grammar/answer.js';
import { answerGridView, gridPages, pageOfSlot } from '../views/answer-grid.js';
import { answerClearedNotice, answerSavedNotice, gridDoneNotice } from '../views/answer-summary.js';
import { applyGridAction, type GridAction } from '../views/grid-edit.js';
import { everyoneAnsweredNotice } from '../views/lifecycle.js';
import { isClosed } from '../views/poll-message.js';
import type { AdapterCapabilities, Reply, View } from '../views/reply.js';
import type { EngineContext } from './context.js';
import { newestOfSeveralNote, noticeView } from '../views/notices.js';

/** One slot set to one state: a painted stroke is a list of these, never a whole answer. */
export interface SlotChange {
  slot: number;
  state: AnswerState;
}

/** What a web stroke did: the person's answer as stored, and the replies for the chat (the poll message refresh). */
export interface PaintResult {
  states: string;
  replies: Reply[];
}

/** A stored answer and the notes it calls for (the creator told that everyone has answered). */
/** How an answer came to be stored: its source and, for an automatic change, why; a click's request key. */
interface HowSaved {
  source: AnswerSource;
  reason?: ChangeReason;
  requestKey?: RequestKey | undefined;
}

interface SavedAnswer {
  change: AnswerChange;
  notes: Reply[];
}

export class AnswerUseCases {
  constructor(private readonly ctx: EngineContext) {}

  /** "/yakjeong answer" alone opens the buttons, like Respond on the poll message; with text it saves it. */
  async answer(actor: Actor, code: string | undefined, text: string, caps: AdapterCapabilities): Promise<Reply[]> {
    const poll = await this.ctx.resolvePoll(actor, code);
    let replies: Reply[];
    try {
      this.ctx.assertOpen(poll);
      replies = text.trim() ? await this.answerText(actor, poll, text) : await this.openGrid(actor, poll, caps);
    } catch (err) {
      // A refusal is read against that poll too: it says which, or the person blames another.
      if (!code && isUserError(err)) err.newestOf = await this.newestOfSeveral(actor, poll);
      throw err;
    }
    const newest = code ? undefined : await this.newestOfSeveral(actor, poll);
    const mine = replies[0];
    if (newest && mine?.type === 'post') mine.view.blocks.push({ type: 'context', text: newestOfSeveralNote(newest, await this.ctx.localeOf(actor), 'saved') });
    return replies;
  }

  /**
   * With several polls open in the channel, an answer without a code went to the newest one by a
   * rule the person may not know: the reply (or refusal) says so and how to reach the others.
   */
  private async newestOfSeveral(actor: Actor, poll: Poll): Promise<NewestOfSeveral | undefined> {
    const now = this.ctx.clock.now();
    // A poll past its deadline (refused as closed) is not one of "the open polls" the note counts.
    if (isClosed(poll, now)) return undefined;
    const others = (await this.ctx.store.listPolls(actor.channel, ['open'])).filter((p) => p.id !== poll.id && !isClosed(p, now));
    if (others.length === 0) return undefined;
    return { open: others.length + 1, title: poll.spec.title, code: poll.code, example: `/yakjeong answer ${others[0]!.code} …` };
  }

  async openGrid(actor: Actor, poll: Poll, caps: AdapterCapabilities): Promise<Reply[]> {
    return [this.ctx.toActor(actor, await this.gridView({ actor, poll, caps, page: 0 }))];
  }

  async showGridPage(actor: Actor, poll: Poll, caps: AdapterCapabilities, page: number): Promise<Reply[]> {
    return [{ type: 'replace', view: await this.gridView({ actor, poll, caps, page }) }];
  }

  /**
   * Applies grid actions (one button, or the options of one select menu) in one transaction and
   * shows the page of the first. "All day"/"Clear"/"Copy" act on the page's poll day (date polls:
   * the page's dates).
   */
  async gridEdit(actor: Actor, poll: Poll, caps: AdapterCapabilities, actions: readonly GridAction[]): Promise<Reply[]> {
    const { ctx } = this;
    ctx.assertOpen(poll);
    const layout = ctx.layout(poll);
    const pages = gridPages(poll, layout, caps);
    const pageOf = (action: GridAction): number => (action.verb === 'set' ? pageOfSlot(pages, action.slot) : action.page);
    for (const action of actions) {
      if (!pages[pageOf(action)] || (action.verb === 'set' && action.slot >= layout.slots.length)) throw new UserError('BAD_ACTION');
    }
    const update = (current: string): string =>
      actions.reduce((states, action) => applyGridAction(poll, layout, pages[pageOf(action)]!, action, states), [...fitStates(current, layout.slots.length)]).join('');
    const { change, notes } = await this.saveAnswer(poll, actor.user, update, { source: 'button', requestKey: ctx.requestKey(actor) });
    const view = await this.gridView({ actor, poll, caps, page: pageOf(actions[0]!), states: change.after });
    return [{ type: 'replace', view }, { type: 'refresh-poll', pollId: poll.id }, ...notes];
  }

  /**
   * A stroke on the web grid: the slots it changed, applied to the stored answer in one
   * transaction (so another tab's stroke or a button press in between is kept).
   */
  async paint(actor: Actor, poll: Poll, changes: readonly SlotChange[]): Promise<PaintResult> {
    const { ctx } = this;
    ctx.assertOpen(poll);
    const n = ctx.layout(poll).slots.length;
    if (changes.length === 0 || changes.some((c) => !Number.isInteger(c.slot) || c.slot < 0 || c.slot >= n)) throw new UserError('BAD_PAINT');
    const update = (current: string): string => {
      const states = [...fitStates(current, n)];
      for (const c of changes) states[c.slot] = STATE_CHAR[c.state];
      return states.join('');
    };
    return this.saveFromWeb(actor, poll, update);
  }

  /** Stores an answer given on the web grid (a stroke, or an automatic change with its reason) in one transaction. */
  async saveFromWeb(actor: Actor, poll: Poll, update: (current: string) => string, reason?: ChangeReason): Promise<PaintResult> {
    this.ctx.assertOpen(poll);
    const { change, notes } = await this.saveAnswer(poll, actor.user, update, { source: 'web', ...(reason ? { reason } : {}) });
    return { states: change.after, replies: [{ type: 'refresh-poll', pollId: poll.id }, ...notes] };
  }

  /** The presser's own link to the web grid, privately. */
  async webLink(actor: Actor, poll: Poll): Promise<Reply[]> {
    const { ctx } = this;
    const url = ctx.webLinks?.linkFor(actor, poll);
    if (!url) throw new UserError('WEB_UNAVAILABLE');
    const c = catalog(await ctx.localeOf(actor));
    return [ctx.toActor(actor, noticeView(c.grid.webLink(url), 'notice', poll.code))];
  }

  /**
   * Stores an answer an automatic change made (the reason goes into the history) and shows the
   * grid page with it, as a grid button would.
   */
  async saveAutomatic(actor: Actor, poll: Poll, caps: AdapterCapabilities, page: number, update: (current: string) => string, reason: ChangeReason): Promise<Reply[]> {
    this.ctx.assertOpen(poll);
    const { change, notes } = await this.saveAnswer(poll, actor.user, update, { source: 'button', reason });
    const view = await this.gridView({ actor, poll, caps, page, states: change.after });
    return [{ type: 'replace', view }, { type: 'refresh-poll', pollId: poll.id }, ...notes];
  }

  async gridDone(actor: Actor, poll: Poll): Promise<Reply[]> {
    const states = (await this.ctx.store.participant(poll.id, actor.user.id))?.states ?? '';
    return [{ type: 'replace', view: gridDoneNotice(poll, states, await this.ctx.localeOf(actor)) }];
  }

  private async answerText(actor: Actor, poll: Poll, text: string): Promise<Reply[]> {
    const { ctx } = this;
    if (isClearAnswer(text)) return this.clearAnswer(actor, poll);
    const layout = ctx.layout(poll);
    const { locale, tz } = await ctx.reader(actor);
    const now = ctx.clock.now();
    const { states, leftOut, understood } = readAnswerText(text, poll.spec, layout, tz, now);
    const { notes } = await this.saveAnswer(poll, actor.user, () => states, { source: 'text' });
    const view = answerSavedNotice({ poll, layout, states, locale, tz, leftOut, understood: { parts: understood, today: todayIn(now, tz) } });
    return [ctx.toActor(actor, view), { type: 'refresh-poll', pollId: poll.id }, ...notes];
  }

  /**
   * "none" takes the answer back rather than saving "no" everywhere: a person who cleared their
   * answer is not counted as answered, is waited for again if expected, and leaves their place
   * in a `max:` poll to someone else.
   */
  private async clearAnswer(actor: Actor, poll: Poll): Promise<Reply[]> {
    const { ctx } = this;
    const { cleared } = await ctx.store.clearAnswer(poll.id, actor.user, ctx.clock.now(), ctx.layout(poll).slots.length);
    const view = answerClearedNotice({ poll, cleared, locale: await ctx.localeOf(actor) });
    return cleared ? [ctx.toActor(actor, view), { type: 'refresh-poll', pollId: poll.id }] : [ctx.toActor(actor, view)];
  }

  private async gridView(request: { actor: Actor; poll: Poll; caps: AdapterCapabilities; page: number; states?: string }): Promise<View> {
    const { ctx } = this;
    const { actor, poll, caps, page } = request;
    const layout = ctx.layout(poll);
    const current = request.states ?? (await ctx.store.participant(poll.id, actor.user.id))?.states ?? '';
    const reader = await ctx.reader(actor);
    const webLink = ctx.webLinks?.linkFor(actor, poll);
    return answerGridView({
      ...(webLink ? { webLink } : {}),
      poll,
      layout,
      states: fitStates(current, layout.slots.length),
      page,
      locale: reader.locale,
      viewerTz: reader.tz,
      caps,
      closed: isClosed(poll, ctx.clock.now()),
    });
  }

  /**
   * Saves an answer. When it is the last expected person's first answer, the creator is told
   * privately, with a Close now button.
   */
  private async saveAnswer(poll: Poll, user: UserRef, update: (current: string) => string, how: HowSaved): Promise<SavedAnswer> {
    const { ctx } = this;
    const watched = poll.spec.expected.some((u) => u.id === user.id);
    const wasNew = watched && !(await ctx.store.participant(poll.id, user.id));
    const change = await this.storeAnswer(poll, user, update, how);
    if (!wasNew) return { change, notes: [] };
    const answered = new Set((await ctx.store.participants(poll.id)).map((p) => p.user.id));
    if (!poll.spec.expected.every((u) => answered.has(u.id))) return { change, notes: [] };
    const note: Reply = { type: 'post', audience: { kind: 'user', userId: poll.creator.id }, view: everyoneAnsweredNotice(poll, ctx.channelLocale(poll)) };
    return { change, notes: [note] };
  }

  private async storeAnswer(poll: Poll, user: UserRef, update: (current: string) => string, how: HowSaved): Promise<AnswerChange> {
    const { ctx } = this;
    const options = {
      slotCount: ctx.layout(poll).slots.length,
      source: how.source,
      ...(poll.spec.maxParticipants ? { maxParticipants: poll.spec.maxParticipants } : {}),
      ...(how.requestKey ? { requestKey: how.requestKey } : {}),
      ...(how.reason ? { reason: how.reason } : {}),
    };
    try {
      return await ctx.store.saveAnswer(poll.id, user, update, ctx.clock.now(), options);
    } catch (err) {
      if (err instanceof UserError && err.code === 'POLL_FULL') throw new UserError('POLL_FULL', { code: poll.code, max: poll.spec.maxParticipants ?? 0 });
      throw err;
    }
  }
}
