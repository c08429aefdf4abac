/** What people do with a poll as a whole: create, read its results, close, reopen, delete, pick; and their own settings. */
import { UserError } from '../errors.js';
import { ExampleDates } from '../i18n/example-dates.js';
import { catalog } from '../i18n/index.js';
import type { Actor } from '../actor.js';
import type { CommandTable } from '../commands/spec.js';
import { googleCalendarLink, meetingFromPick } from '../domain/meeting.js';
import { pollCodeGenerator } from '../domain/poll-code.js';
import { canonicalTimezone, todayIn } from '../domain/time.js';
import type { Poll, UnreadablePoll } from '../domain/types.js';
import { buildPollSpec, parseDeadline } from '../grammar/build-spec.js';
import { asksForCreateForm } from '../grammar/command.js';
import type { CreateOptions } from '../grammar/create-options.js';
import { choosePick, windowAt } from '../grammar/pick-choice.js';
import { helpView } from '../views/help.js';
import { historyView } from '../views/history.js';
import { closedNotice, deletedNotice, deleteQuestion, keptNotice, pickedHeadsUp, pickedNotice, reopenedNotice } from '../views/lifecycle.js';
import { listView, type ListItem } from '../views/list.js';
import { noticeView, usageView } from '../views/notices.js';
import { isClosed } from '../views/poll-message.js';
import type { Reply } from '../views/reply.js';
import type { Rich } from '../views/rich.js';
import type { BlockingUseCases } from './blocking-use-cases.js';
import type { EngineContext } from './context.js';

/** History entries one reply shows. */
const HISTORY_LIMIT = 20;

/** Characters of typed text repeated in the commands offered when it is not clear which poll it is for. */
const ECHOED = 40;

/**
 * Typed text as it can go into a command offered to copy: on one line, short and without a
 * backtick (which no code span can hold); undefined when it cannot, or is empty.
 */
function copyable(typed: string): string | undefined {
  const line = typed.replace(/\s+/g, ' ').trim();
  return line && [...line].length <= ECHOED && !line.includes('`') ? line : undefined;
}

export class PollUseCases {
  /** Each poll's pick or delete in progress in this process: the next waits for it (a button pressed twice). */
  private readonly changing = new Map<number, Promise<unknown>>();

  constructor(
    private readonly ctx: EngineContext,
    private readonly commands: CommandTable,
    private readonly blocking: BlockingUseCases,
  ) {}

  /** Creates a poll from raw options (text grammar, Slack modal, Discord options alike). */
  async create(actor: Actor, options: CreateOptions): Promise<Reply[]> {
    const { ctx } = this;
    const now = ctx.clock.now();
    // The create forms (Slack, Discord) call here directly rather than through the engine's entry points.
    const spec = await ctx.datedErrors(actor, async () => buildPollSpec(options, { now, speakerTimezone: await ctx.zoneOf(actor) }));
    spec.locale = await ctx.localeOf(actor);
    const poll = await ctx.store.createPoll({ channel: actor.channel, creator: actor.user, spec, createdAt: now }, pollCodeGenerator(ctx.random));
    if (spec.deadline !== undefined) ctx.onDueWorkChanged();
    const view = await ctx.pollView(poll, spec.locale);
    return [{ type: 'post', audience: { kind: 'channel' }, view, pollId: poll.id }];
  }

  /** "/yakjeong create" with no options asks for the form; with options it creates. */
  async createOrOpenForm(actor: Actor, options: CreateOptions): Promise<Reply[]> {
    if (!asksForCreateForm({ type: 'create', options })) return this.create(actor, options);
    const { ctx } = this;
    const { locale, tz } = await ctx.reader(actor);
    const usage = usageView(locale, new ExampleDates(todayIn(ctx.clock.now(), tz)));
    return [{ type: 'open-create-form', usage }];
  }

  /**
   * The adapter could not post a new poll's message (the bot is not in the channel): the poll
   * goes away rather than linger unseen, so trying again after inviting the bot makes one poll.
   */
  async discardPoll(pollId: number): Promise<void> {
    await this.ctx.store.updatePoll(pollId, { status: 'deleted' });
  }

  /** Remembers where the adapter posted the poll message so it can be edited later. */
  async attachPollMessage(pollId: number, messageRef: string): Promise<void> {
    await this.ctx.store.updatePoll(pollId, { messageRef });
  }

  async results(actor: Actor, code: string | undefined, where: 'channel' | 'private'): Promise<Reply[]> {
    const { ctx } = this;
    const poll = await ctx.resolvePoll(actor, code);
    const locale = await ctx.localeOf(actor);
    let note: Rich | undefined;
    let audience = where;
    if (poll.spec.hidden && !isClosed(poll, ctx.clock.now())) {
      if (!ctx.mayManage(actor, poll)) throw new UserError('RESULTS_HIDDEN', { code: poll.code });
      note = [catalog(locale).results.hiddenClosedOnly];
      audience = 'private';
    }
    if (audience === 'channel') {
      const view = await ctx.resultsView({ poll, locale, tz: poll.spec.timezone });
      return [{ type: 'post', audience: { kind: 'channel' }, view, pollId: poll.id }];
    }
    const tz = await ctx.zoneOf(actor);
    const view = await ctx.resultsView({ poll, locale, tz, viewer: actor.user, ...(note ? { note, revealHidden: true } : {}) });
    return [ctx.toActor(actor, view)];
  }

  async list(actor: Actor): Promise<Reply[]> {
    const { ctx } = this;
    const polls = await ctx.store.listPolls(actor.channel, ['open']);
    const damaged = await ctx.store.unreadablePolls(actor.channel, ['open']);
    const items: ListItem[] = [];
    for (const poll of polls) items.push({ poll, answered: (await ctx.store.participants(poll.id)).length });
    const view = listView({ items, unreadableCodes: damaged.map((p) => p.code), ...(await ctx.reader(actor)) });
    return [ctx.toActor(actor, view)];
  }

  async history(actor: Actor, code: string | undefined): Promise<Reply[]> {
    const { ctx } = this;
    const poll = await ctx.resolvePoll(actor, code);
    // Who answered what is the group's answers: hidden polls keep it to managers until close.
    if (poll.spec.hidden && !isClosed(poll, ctx.clock.now()) && !ctx.mayManage(actor, poll)) {
      throw new UserError('RESULTS_HIDDEN', { code: poll.code });
    }
    const entries = await ctx.store.history(poll.id, HISTORY_LIMIT + 1);
    const view = historyView({ poll, layout: ctx.layout(poll), entries, limit: HISTORY_LIMIT, ...(await ctx.reader(actor)) });
    return [ctx.toActor(actor, view)];
  }

  async close(actor: Actor, code: string | undefined): Promise<Reply[]> {
    const { ctx } = this;
    const poll = await ctx.resolveToChange(actor, code, 'close', (c) => `/yakjeong close ${c}`);
    ctx.assertManager(actor, poll, 'close');
    if (poll.status !== 'open') throw new UserError('POLL_CLOSED', { code: poll.code });
    const now = ctx.clock.now();
    // Two presses of Close, or a Close racing the deadline: only the one that closes it announces it.
    if (!(await ctx.store.updatePollIf(poll.id, 'open', { status: 'closed', closedAt: now }))) throw new UserError('POLL_CLOSED', { code: poll.code });
    const closed: Poll = { ...poll, status: 'closed', closedAt: now };
    const locale = await ctx.localeOf(actor);
    const results = await ctx.resultsView({ poll: closed, locale, tz: poll.spec.timezone });
    return [
      { type: 'post', audience: { kind: 'channel' }, view: closedNotice(poll, actor.user, locale), pollId: poll.id },
      { type: 'post', audience: { kind: 'channel' }, view: results, pollId: poll.id },
      { type: 'refresh-poll', pollId: poll.id },
    ];
  }

  async reopen(actor: Actor, code: string | undefined, deadlineInput?: string): Promise<Reply[]> {
    const { ctx } = this;
    if (deadlineInput !== undefined && code === undefined) {
      // Read first, in the person's zone: asked which poll, they must not be offered a deadline that cannot be read.
      const tz = await ctx.zoneOf(actor);
      parseDeadline(deadlineInput, tz, ctx.clock.now(), todayIn(ctx.clock.now(), tz));
    }
    const typed = deadlineInput === undefined ? undefined : copyable(deadlineInput);
    // A deadline of several words goes back in quotes, as the option grammar reads it.
    const option = typed === undefined || typed.includes('"') ? '' : typed.includes(' ') ? ` deadline:"${typed}"` : ` deadline:${typed}`;
    const poll = await ctx.resolveToChange(actor, code, 'reopen', (c) => `/yakjeong reopen ${c}${option}`);
    ctx.assertManager(actor, poll, 'reopen');
    const now = ctx.clock.now();
    if (poll.status === 'open' && !isClosed(poll, now)) throw new UserError('POLL_OPEN', { code: poll.code });
    const { deadline: oldDeadline, ...rest } = poll.spec;
    // Reopening past the deadline without a new one would close again at once, or, dropping the
    // deadline, would quietly become a poll that never closes: ask for the new one.
    if (deadlineInput === undefined && oldDeadline !== undefined && oldDeadline <= now) {
      throw new UserError('REOPEN_NEEDS_DEADLINE', { code: poll.code });
    }
    // Reminders whose moment came while the poll was closed, or before its new deadline was
    // set, never fire; the offsets stay, for a later deadline.
    let deadline = oldDeadline !== undefined && oldDeadline > now ? oldDeadline : undefined;
    const lastDay = poll.spec.days.type === 'dates' ? poll.spec.days.dates[poll.spec.days.dates.length - 1] : undefined;
    if (deadlineInput !== undefined) deadline = parseDeadline(deadlineInput, poll.spec.timezone, now, todayIn(now, poll.spec.timezone), lastDay);
    const spec = { ...rest, ...(deadline !== undefined ? { deadline } : {}), remindersFrom: now };
    await ctx.store.updatePoll(poll.id, { status: 'open', closedAt: null, picked: null, spec });
    ctx.onDueWorkChanged();
    // No pick any more: its meeting no longer takes anyone's other times.
    const released = await this.blocking.release(poll);
    const view = reopenedNotice(poll, ctx.layout(poll), actor.user, deadline, await ctx.localeOf(actor));
    return [
      { type: 'post', audience: { kind: 'channel' }, view, pollId: poll.id },
      { type: 'refresh-poll', pollId: poll.id },
      ...released,
    ];
  }

  /**
   * "/yakjeong delete" asks first, privately: a poll and its answers cannot be brought back, and
   * without a code the command means the channel's newest open poll, which may not be the one meant.
   */
  async remove(actor: Actor, code: string | undefined): Promise<Reply[]> {
    const { ctx } = this;
    const poll = await ctx.resolveToChange(actor, code, 'delete', (c) => `/yakjeong delete ${c}`);
    if ('problem' in poll) {
      // A damaged poll cannot be shown in a question, so it goes only when named by its code.
      ctx.assertManager(actor, poll, 'delete');
      if (!code) throw new UserError('DELETE_NEEDS_CODE', { code: poll.code });
      return this.removeUnreadable(actor, poll);
    }
    ctx.assertManager(actor, poll, 'delete');
    const answered = (await ctx.store.participants(poll.id)).length;
    return [ctx.toActor(actor, deleteQuestion(poll, answered, await ctx.localeOf(actor)))];
  }

  /**
   * Delete, pressed on that question: the poll goes, and the channel is told once. Presses of it
   * run one at a time, and the poll goes only from the status it was read in, so a double press
   * (or two instances given one press each) deletes and announces once.
   */
  async removeNow(actor: Actor, found: Poll): Promise<Reply[]> {
    const { ctx } = this;
    ctx.assertManager(actor, found, 'delete');
    return this.oneAtATime(found.id, async () => {
      const notice = deletedNotice(found, await ctx.localeOf(actor));
      const done: Reply = { type: 'replace', view: notice };
      // From open or from closed, whichever it is now (a close may come between): when neither
      // takes, another press deleted it first, and the question only says what was done.
      const patch = { status: 'deleted' } as const;
      if (!(await ctx.store.updatePollIf(found.id, 'open', patch)) && !(await ctx.store.updatePollIf(found.id, 'closed', patch))) return [done];
      const poll = (await ctx.store.getPoll(found.id)) ?? found;
      return [done, { type: 'post', audience: { kind: 'channel' }, view: notice, pollId: poll.id }, { type: 'refresh-poll', pollId: poll.id }, ...(await this.blocking.release(poll))];
    });
  }

  /** Keep it, pressed on that question: nothing changes. */
  async keep(actor: Actor, poll: Poll): Promise<Reply[]> {
    return [{ type: 'replace', view: keptNotice(poll, await this.ctx.localeOf(actor)) }];
  }

  /** A damaged poll goes like any other, by its creator or an admin; there is no poll message to redraw. */
  private async removeUnreadable(actor: Actor, poll: UnreadablePoll): Promise<Reply[]> {
    const { ctx } = this;
    ctx.assertManager(actor, poll, 'delete');
    await ctx.store.updatePoll(poll.id, { status: 'deleted' });
    const c = catalog(await ctx.localeOf(actor));
    return [{ type: 'post', audience: { kind: 'channel' }, view: noticeView(`🗑️ ${c.lifecycle.deleted(poll.title, poll.code)}`, 'notice', poll.code), pollId: poll.id }];
  }

  async pick(actor: Actor, code: string | undefined, choice: { text: string } | { slot: number }): Promise<Reply[]> {
    const { ctx } = this;
    // The choice as typed goes into each command offered; else none: a pick with only the code
    // offers the poll's results by number, or its starts when nobody answered ("1" would be refused).
    const echoed = 'slot' in choice ? undefined : copyable(choice.text);
    const found = await ctx.resolveToChange(actor, code, 'pick', (c) => `/yakjeong pick ${c}${echoed ? ` ${echoed}` : ''}`);
    ctx.assertManager(actor, found, 'pick');
    // One pick of a poll at a time, each reading the poll as the one before left it: a second
    // press of the same Pick then finds the time already picked.
    return this.oneAtATime(found.id, async () => this.pickNow(actor, (await ctx.store.getPoll(found.id)) ?? found, choice));
  }

  private oneAtATime<T>(pollId: number, work: () => Promise<T>): Promise<T> {
    const run = (this.changing.get(pollId) ?? Promise.resolve()).then(work);
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    this.changing.set(pollId, settled);
    void settled.then(() => {
      if (this.changing.get(pollId) === settled) this.changing.delete(pollId);
    });
    return run;
  }

  private async pickNow(actor: Actor, poll: Poll, choice: { text: string } | { slot: number }): Promise<Reply[]> {
    const { ctx } = this;
    const layout = ctx.layout(poll);
    const participants = await ctx.participants(poll);
    const now = ctx.clock.now();
    const tz = await ctx.zoneOf(actor);
    const window =
      'slot' in choice
        ? windowAt({ poll, layout, participants, first: choice.slot, input: String(choice.slot), tz, now })
        : choosePick({ poll, layout, participants, text: choice.text.trim(), tz, today: todayIn(now, tz), now });
    const pickedAlready = (p: Poll | undefined) => p?.picked?.firstSlot === window.firstSlot && p.picked.slotCount === window.slotCount;
    const alreadyPicked = () => new UserError('ALREADY_PICKED', { code: poll.code, title: poll.spec.title, kind: poll.spec.kind });
    if (pickedAlready(poll)) throw alreadyPicked();
    const picked = { firstSlot: window.firstSlot, slotCount: window.slotCount, pickedBy: actor.user, pickedAt: now };
    // The first pick closes the poll only if it is still open: another instance's press of the same
    // Pick (or a close) may have got there first, and then the poll as it is now decides.
    if (poll.status !== 'open' || !(await ctx.store.updatePollIf(poll.id, 'open', { picked, status: 'closed', closedAt: now }))) {
      if (poll.status === 'open' && pickedAlready(await ctx.store.getPoll(poll.id))) throw alreadyPicked();
      await ctx.store.updatePoll(poll.id, { picked });
    }
    // A re-pick first gives back what the earlier pick took, then takes the new time.
    const released = await this.blocking.release(poll);
    const blocked = await this.blocking.afterPick(poll, picked);
    const meeting = meetingFromPick(poll, layout, picked);
    const locale = await ctx.localeOf(actor);
    const view = pickedNotice({ poll, layout, window, locale, ...(meeting ? { calendarUrl: googleCalendarLink(meeting) } : {}) });
    const headsUp = pickedHeadsUp(window, locale);
    const replies: Reply[] = [
      { type: 'post', audience: { kind: 'channel' }, view, pollId: poll.id },
      ...(headsUp ? [ctx.toActor(actor, headsUp)] : []),
      { type: 'refresh-poll', pollId: poll.id },
      ...released,
      ...blocked,
    ];
    if (meeting) {
      const calendar = ctx.calendar;
      if (calendar) view.files = [{ filename: `yakjeong-${poll.code}.ics`, contentType: 'text/calendar', render: () => calendar.ics(meeting) }];
      replies.push({ type: 'meeting-picked', pollId: poll.id, meeting });
    }
    return replies;
  }

  async timezone(actor: Actor, zone: string | undefined): Promise<Reply[]> {
    const { ctx } = this;
    const c = catalog(await ctx.localeOf(actor));
    const prefs = await ctx.store.userPrefs(actor.channel.platform, actor.user.id);
    if (!zone) {
      const source = prefs.timezone ? 'saved' : actor.platformTimezone ? 'platform' : 'default';
      return [ctx.toActor(actor, noticeView(c.tz.current(await ctx.zoneOf(actor), c.tz.sources[source] ?? source)))];
    }
    const tz = canonicalTimezone(zone);
    if (!tz) throw new UserError('BAD_TIMEZONE', { input: zone.slice(0, 60) });
    await ctx.store.setUserPrefs(actor.channel.platform, actor.user.id, { ...prefs, timezone: tz }, ctx.clock.now());
    return [ctx.toActor(actor, noticeView(c.tz.set(tz)))];
  }

  async help(actor: Actor): Promise<Reply[]> {
    const { ctx } = this;
    const { locale, tz } = await ctx.reader(actor);
    return [ctx.toActor(actor, helpView(locale, this.commands, new ExampleDates(todayIn(ctx.clock.now(), tz))))];
  }
}
