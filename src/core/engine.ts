/**
 * The use cases. Adapters turn platform events into calls here and render the neutral
 * replies that come back. No platform words, no I/O but the ports.
 */
import { decodeAction, handleAction, type Action } from './actions.js';
import { UserError } from './errors.js';
import { catalog } from './i18n/index.js';
import { emptyStates, fitStates } from './domain/availability.js';
import { rankWindows } from './domain/ranking.js';
import { layoutPoll, type PollLayout } from './domain/slots.js';
import { canonicalTimezone, todayIn } from './domain/time.js';
import type { ChannelRef, Locale, Participant, Poll, UnreadablePoll, UserRef } from './domain/types.js';
import { parseAnswerText } from './grammar/answer.js';
import { buildPollSpec, parseDeadline } from './grammar/build-spec.js';
import { parseCommand } from './grammar/command.js';
import { COMMANDS, type Command } from './commands/builtin.js';
import type { CommandTable, Invocation } from './commands/spec.js';
import type { CreateOptions } from './grammar/create-options.js';
import type { CalendarFiles, Clock, HeatmapRenderer, PollStore } from './ports.js';
import { googleCalendarLink, meetingFromPick } from './domain/meeting.js';
import { answerGridView, gridPages, pageOfSlot } from './views/answer-grid.js';
import { noticeView } from './views/notices.js';
import { helpView } from './views/help.js';
import { isClosed, pollMessageView } from './views/poll-message.js';
import type { AdapterCapabilities, ImageSpec, Reply, View } from './views/reply.js';
import type { Rich } from './views/rich.js';
import { resultsView } from './views/results.js';
import { answerSavedNotice, gridDoneNotice } from './views/answer-summary.js';
import { applyGridAction, type GridAction, type SetAction } from './views/grid-edit.js';
import { choosePick, windowAt } from './grammar/pick-choice.js';
import { pollCodeGenerator } from './domain/poll-code.js';
import { closedNotice, deadlineNote, deletedNotice, everyoneAnsweredNotice, pickedNotice, reminderNotice, reopenedNotice } from './views/lifecycle.js';
import { historyView } from './views/history.js';
import { listView, type ListItem } from './views/list.js';

/** Who is acting, where, and what the platform tells about them. */
export interface Actor {
  channel: ChannelRef;
  user: UserRef;
  /** The adapter's word that this person administers the workspace/guild. */
  isAdmin: boolean;
  /** Language the platform reports for the person. */
  locale?: Locale;
  /** Zone the platform reports for the person (Slack's users.info tz). */
  platformTimezone?: string;
}

export interface EngineOptions {
  store: PollStore;
  clock: Clock;
  heatmap: HeatmapRenderer;
  defaultTimezone: string;
  defaultLocale: Locale;
  /** Makes .ics files for picked meetings; without it a pick posts no file. */
  calendar?: CalendarFiles;
  /** Source of randomness for poll codes (tests pass a seeded one). */
  random?: () => number;
  /** Called when a deadline or reminder was created or moved, so the scheduler aims its timer again. */
  onDueWorkChanged?: () => void;
  /** The commands it answers (tests add made-up ones); the built-in table by default. */
  commands?: CommandTable;
}

export class Engine {
  private readonly store: PollStore;
  private readonly clock: Clock;
  private readonly heatmap: HeatmapRenderer;
  private readonly defaultTimezone: string;
  private readonly defaultLocale: Locale;
  private readonly random: () => number;
  private readonly calendar: CalendarFiles | undefined;
  private readonly onDueWorkChanged: () => void;
  readonly commands: CommandTable;
  /** Layouts are pure functions of the spec; caching keeps zone maths off the click path. */
  private readonly layouts = new Map<string, PollLayout>();

  constructor(options: EngineOptions) {
    this.store = options.store;
    this.clock = options.clock;
    this.heatmap = options.heatmap;
    this.defaultTimezone = options.defaultTimezone;
    this.defaultLocale = options.defaultLocale;
    this.random = options.random ?? Math.random;
    this.calendar = options.calendar;
    this.onDueWorkChanged = options.onDueWorkChanged ?? (() => undefined);
    this.commands = options.commands ?? COMMANDS;
  }

  // ── entry points ────────────────────────────────────────────────────────────

  /** "/yakjeong …" text from any platform. */
  async runText(actor: Actor, text: string, caps: AdapterCapabilities): Promise<Reply[]> {
    return this.run(actor, parseCommand(text, this.commands), caps);
  }

  async run(actor: Actor, command: Command | Invocation, caps: AdapterCapabilities): Promise<Reply[]> {
    const entry = this.commands.byId(command.type);
    if (!entry) throw new UserError('UNKNOWN_SUBCOMMAND', this.commands.unknownCommandParams(command.type));
    return entry.run({ engine: this, actor, caps }, command);
  }

  /** "/yakjeong create" with no options asks for the form; with options it creates. */
  async createOrOpenForm(actor: Actor, options: CreateOptions): Promise<Reply[]> {
    return Object.keys(options).length === 0 ? [{ type: 'open-create-form' }] : this.create(actor, options);
  }

  /** "/yakjeong answer" alone opens the buttons, like Respond on the poll message; with text it saves it. */
  async answer(actor: Actor, code: string | undefined, spec: string, caps: AdapterCapabilities): Promise<Reply[]> {
    return spec.trim() ? this.answerText(actor, code, spec) : this.openGrid(actor, await this.openPoll(actor, code), caps);
  }

  async help(actor: Actor): Promise<Reply[]> {
    return [this.toUser(actor, helpView(await this.localeOf(actor), this.commands))];
  }

  /** A button press. Ids that are not ours decode to nothing and are refused. */
  async click(actor: Actor, actionId: string, caps: AdapterCapabilities): Promise<Reply[]> {
    const action = decodeAction(actionId);
    if (!action) throw new UserError('BAD_ACTION');
    return this.act(actor, action, caps);
  }

  /**
   * Several slot actions at once (the options chosen in one select menu of the grid): applied
   * in one transaction, answered with one grid. Every id must be a slot `set` of one poll.
   */
  async clickMany(actor: Actor, actionIds: readonly string[], caps: AdapterCapabilities): Promise<Reply[]> {
    const actions = actionIds.map(decodeAction);
    const code = actions[0]?.code;
    const sets = actions.filter((a): a is SetAction => a?.verb === 'set' && a.code === code);
    if (!code || sets.length !== actions.length) throw new UserError('BAD_ACTION');
    const poll = await this.pollByCode(actor, code);
    return this.gridEdit(actor, poll, caps, sets);
  }

  /** Creates a poll from raw options (text grammar, Slack modal, Discord options alike). */
  async create(actor: Actor, options: CreateOptions): Promise<Reply[]> {
    const now = this.clock.now();
    const spec = buildPollSpec(options, { now, defaultTimezone: await this.zoneOf(actor) });
    spec.locale = await this.localeOf(actor);
    const poll = await this.store.createPoll(
      { channel: actor.channel, creator: actor.user, spec, createdAt: now },
      pollCodeGenerator(this.random),
    );
    if (spec.deadline !== undefined) this.onDueWorkChanged();
    const view = await this.pollView(poll, await this.localeOf(actor));
    return [{ type: 'post', audience: { kind: 'channel' }, view, pollId: poll.id }];
  }

  /** The live channel message of a poll, for adapters refreshing it. */
  async pollMessage(pollId: number, locale?: Locale): Promise<View | undefined> {
    const poll = await this.store.getPoll(pollId);
    if (!poll) return undefined;
    return this.pollView(poll, locale ?? this.channelLocale(poll));
  }

  async getPoll(pollId: number): Promise<Poll | undefined> {
    return this.store.getPoll(pollId);
  }

  /** The poll when its stored row is damaged (getPoll says nothing then), so scheduled work can say why it skips it. */
  async unreadablePoll(pollId: number): Promise<UnreadablePoll | undefined> {
    return this.store.unreadablePoll({ id: pollId });
  }

  /**
   * The adapter could not post a new poll's message (the bot is not in the channel): the poll
   * goes away rather than linger unseen, so trying again after inviting the bot makes one poll.
   */
  async discardPoll(pollId: number): Promise<void> {
    await this.store.updatePoll(pollId, { status: 'deleted' });
  }

  /** Remembers where the adapter posted the poll message so it can be edited later. */
  async attachPollMessage(pollId: number, messageRef: string): Promise<void> {
    await this.store.updatePoll(pollId, { messageRef });
  }

  async localeOf(actor: Pick<Actor, 'locale' | 'channel' | 'user'>): Promise<Locale> {
    if (actor.locale) return actor.locale;
    const prefs = await this.store.userPrefs(actor.channel.platform, actor.user.id);
    return prefs.locale ?? this.defaultLocale;
  }

  async zoneOf(actor: Pick<Actor, 'platformTimezone' | 'channel' | 'user'>): Promise<string> {
    const prefs = await this.store.userPrefs(actor.channel.platform, actor.user.id);
    return prefs.timezone ?? (actor.platformTimezone && canonicalTimezone(actor.platformTimezone)) ?? this.defaultTimezone;
  }

  // ── use cases ───────────────────────────────────────────────────────────────

  private async act(actor: Actor, action: Action, caps: AdapterCapabilities): Promise<Reply[]> {
    const poll = await this.pollByCode(actor, action.code);
    return handleAction({ engine: this, actor, caps, poll }, action);
  }

  private async openPoll(actor: Actor, code: string | undefined): Promise<Poll> {
    const poll = await this.resolvePoll(actor, code, true);
    this.assertOpen(poll);
    return poll;
  }

  async openGrid(actor: Actor, poll: Poll, caps: AdapterCapabilities): Promise<Reply[]> {
    const view = await this.gridView(actor, poll, caps, 0);
    return [this.toUser(actor, view)];
  }

  async showGridPage(actor: Actor, poll: Poll, caps: AdapterCapabilities, page: number): Promise<Reply[]> {
    return [{ type: 'replace', view: await this.gridView(actor, poll, caps, page) }];
  }

  private async gridView(actor: Actor, poll: Poll, caps: AdapterCapabilities, page: number, states?: string): Promise<View> {
    const layout = this.layout(poll);
    const current = states ?? (await this.store.participant(poll.id, actor.user.id))?.states ?? '';
    return answerGridView({
      poll,
      layout,
      states: fitStates(current, layout.slots.length),
      page,
      locale: await this.localeOf(actor),
      viewerTz: await this.zoneOf(actor),
      caps,
      closed: isClosed(poll, this.clock.now()),
    });
  }

  /**
   * Applies grid actions (one button, or the options of one select menu) in one transaction and
   * shows the page of the first. "All day"/"Clear"/"Copy" act on the page's poll day (date polls:
   * the page's dates).
   */
  async gridEdit(actor: Actor, poll: Poll, caps: AdapterCapabilities, actions: GridAction[]): Promise<Reply[]> {
    this.assertOpen(poll);
    const layout = this.layout(poll);
    const pages = gridPages(poll, layout, caps);
    const pageOf = (action: GridAction): number => (action.verb === 'set' ? pageOfSlot(pages, action.slot) : action.page);
    for (const action of actions) {
      if (!pages[pageOf(action)] || (action.verb === 'set' && action.slot >= layout.slots.length)) throw new UserError('BAD_ACTION');
    }
    const update = (current: string): string => {
      const states = [...fitStates(current, layout.slots.length)];
      for (const action of actions) applyGridAction(poll, layout, pages[pageOf(action)]!, action, states);
      return states.join('');
    };
    const extra: Reply[] = [];
    const change = await this.saveAnswer(poll, actor.user, update, extra);
    const view = await this.gridView(actor, poll, caps, pageOf(actions[0]!), change.after);
    return [{ type: 'replace', view }, { type: 'refresh-poll', pollId: poll.id }, ...extra];
  }

  async gridDone(actor: Actor, poll: Poll): Promise<Reply[]> {
    const states = (await this.store.participant(poll.id, actor.user.id))?.states ?? '';
    return [{ type: 'replace', view: gridDoneNotice(poll, states, await this.localeOf(actor)) }];
  }

  private async answerText(actor: Actor, code: string | undefined, text: string): Promise<Reply[]> {
    const poll = await this.resolvePoll(actor, code, true);
    this.assertOpen(poll);
    const layout = this.layout(poll);
    const tz = await this.zoneOf(actor);
    const states = parseAnswerText(text, poll.spec, layout, tz, this.clock.now());
    const extra: Reply[] = [];
    await this.saveAnswer(poll, actor.user, () => states, extra);
    const view = answerSavedNotice({ poll, layout, states, locale: await this.localeOf(actor), tz });
    return [
      this.toUser(actor, view),
      { type: 'refresh-poll', pollId: poll.id },
      ...extra,
    ];
  }

  /**
   * Saves an answer. When it is the last expected person's first answer, the creator is told
   * privately, with a Close now button.
   */
  private async saveAnswer(poll: Poll, user: UserRef, update: (current: string) => string, extra?: Reply[]) {
    const watched = poll.spec.expected.some((u) => u.id === user.id);
    const wasNew = watched && !(await this.store.participant(poll.id, user.id));
    const change = await this.storeAnswer(poll, user, update);
    if (wasNew && extra) {
      const answered = new Set((await this.store.participants(poll.id)).map((p) => p.user.id));
      if (poll.spec.expected.every((u) => answered.has(u.id))) {
        extra.push({ type: 'post', audience: { kind: 'user', userId: poll.creator.id }, view: everyoneAnsweredNotice(poll, this.channelLocale(poll)) });
      }
    }
    return change;
  }

  private async storeAnswer(poll: Poll, user: UserRef, update: (current: string) => string) {
    const layout = this.layout(poll);
    const options = { slotCount: layout.slots.length, ...(poll.spec.maxParticipants ? { maxParticipants: poll.spec.maxParticipants } : {}) };
    try {
      return await this.store.saveAnswer(poll.id, user, update, this.clock.now(), options);
    } catch (err) {
      if (err instanceof UserError && err.code === 'POLL_FULL') throw new UserError('POLL_FULL', { code: poll.code, max: poll.spec.maxParticipants ?? 0 });
      throw err;
    }
  }

  async results(actor: Actor, code: string | undefined, where: 'channel' | 'private'): Promise<Reply[]> {
    const poll = await this.resolvePoll(actor, code, true);
    const locale = await this.localeOf(actor);
    const closed = isClosed(poll, this.clock.now());
    let note: Rich | undefined;
    if (poll.spec.hidden && !closed) {
      if (!this.mayManage(actor, poll)) throw new UserError('RESULTS_HIDDEN', { code: poll.code });
      note = [catalog(locale).results.hiddenClosedOnly];
      where = 'private';
    }
    const tz = where === 'channel' ? poll.spec.timezone : await this.zoneOf(actor);
    const view = await this.resultsFor(poll, locale, tz, where === 'private' ? actor.user : undefined, note, note !== undefined);
    return [where === 'channel' ? { type: 'post', audience: { kind: 'channel' }, view, pollId: poll.id } : this.toUser(actor, view)];
  }

  /** Results view with the heatmap; `viewer` gets their own answers drawn over the group. */
  async resultsFor(poll: Poll, locale: Locale, tz: string, viewer?: UserRef, note?: Rich, revealHidden = false): Promise<View> {
    const layout = this.layout(poll);
    const participants = await this.participants(poll);
    const best = rankWindows(poll.spec, layout, participants);
    const c = catalog(locale);
    const mine = viewer ? participants.find((p) => p.user.id === viewer.id) : undefined;
    const now = this.clock.now();
    const image: ImageSpec = {
      filename: `yakjeong-${poll.code}${viewer ? '-mine' : ''}.png`,
      alt: viewer ? c.results.overlayAlt : c.results.heatmapAlt(poll.spec.title),
      render: () =>
        this.heatmap.render({
          locale,
          poll,
          layout,
          participants,
          best,
          timezone: tz,
          now,
          ...(viewer ? { overlay: { user: viewer, states: mine?.states ?? emptyStates(layout.slots.length) } } : {}),
          ...(revealHidden ? { revealHidden: true } : {}),
        }),
    };
    const input = {
      poll,
      layout,
      participants,
      best,
      locale,
      tz,
      image,
      pickButtons: !viewer && !poll.picked && poll.status !== 'deleted',
      ...(note ? { note } : {}),
    };
    return resultsView(input);
  }

  async list(actor: Actor): Promise<Reply[]> {
    const polls = await this.store.listPolls(actor.channel, ['open']);
    const damaged = await this.store.unreadablePolls(actor.channel, ['open']);
    const items: ListItem[] = [];
    for (const poll of polls) items.push({ poll, answered: (await this.store.participants(poll.id)).length });
    const view = listView({ items, unreadableCodes: damaged.map((p) => p.code), locale: await this.localeOf(actor), tz: await this.zoneOf(actor) });
    return [this.toUser(actor, view)];
  }

  async close(actor: Actor, code: string | undefined): Promise<Reply[]> {
    const poll = await this.resolvePoll(actor, code, true);
    this.assertManager(actor, poll, 'close');
    if (poll.status !== 'open') throw new UserError('POLL_CLOSED', { code: poll.code });
    const now = this.clock.now();
    await this.store.updatePoll(poll.id, { status: 'closed', closedAt: now });
    const closed: Poll = { ...poll, status: 'closed', closedAt: now };
    const locale = await this.localeOf(actor);
    const notice = closedNotice(poll, actor.user, locale);
    const results = await this.resultsFor(closed, locale, poll.spec.timezone);
    return [
      { type: 'post', audience: { kind: 'channel' }, view: notice, pollId: poll.id },
      { type: 'post', audience: { kind: 'channel' }, view: results, pollId: poll.id },
      { type: 'refresh-poll', pollId: poll.id },
    ];
  }

  async reopen(actor: Actor, code: string | undefined, deadlineInput?: string): Promise<Reply[]> {
    const poll = await this.resolvePoll(actor, code, true);
    this.assertManager(actor, poll, 'reopen');
    const now = this.clock.now();
    if (poll.status === 'open' && !isClosed(poll, now)) throw new UserError('POLL_OPEN', { code: poll.code });
    const patch: { status: 'open'; closedAt: null; picked: null; spec?: Poll['spec'] } = { status: 'open', closedAt: null, picked: null };
    const { deadline: oldDeadline, ...rest } = poll.spec;
    // Reminders whose moment came while the poll was closed, or before its new deadline was
    // set, never fire; the offsets stay, for a later deadline.
    let deadline = oldDeadline !== undefined && oldDeadline > now ? oldDeadline : undefined;
    if (deadlineInput !== undefined) deadline = parseDeadline(deadlineInput, poll.spec.timezone, now, todayIn(now, poll.spec.timezone));
    patch.spec = { ...rest, ...(deadline !== undefined ? { deadline } : {}), remindersFrom: now };
    await this.store.updatePoll(poll.id, patch);
    this.onDueWorkChanged();
    const view = reopenedNotice(poll, actor.user, deadline, await this.localeOf(actor));
    return [
      { type: 'post', audience: { kind: 'channel' }, view, pollId: poll.id },
      { type: 'refresh-poll', pollId: poll.id },
    ];
  }

  async remove(actor: Actor, code: string | undefined): Promise<Reply[]> {
    const damaged = code ? await this.unreadableInChannel(actor, code) : await this.newestOpenIfUnreadable(actor);
    if (damaged) return this.removeUnreadable(actor, damaged);
    const poll = await this.resolvePoll(actor, code, true);
    this.assertManager(actor, poll, 'delete');
    await this.store.updatePoll(poll.id, { status: 'deleted' });
    return [
      { type: 'post', audience: { kind: 'channel' }, view: deletedNotice(poll, await this.localeOf(actor)), pollId: poll.id },
      { type: 'refresh-poll', pollId: poll.id },
    ];
  }

  /** A damaged poll goes like any other, by its creator or an admin; there is no poll message to redraw. */
  private async removeUnreadable(actor: Actor, poll: UnreadablePoll): Promise<Reply[]> {
    this.assertManager(actor, poll, 'delete');
    await this.store.updatePoll(poll.id, { status: 'deleted' });
    const c = catalog(await this.localeOf(actor));
    return [{ type: 'post', audience: { kind: 'channel' }, view: noticeView(`🗑️ ${c.lifecycle.deleted(poll.title, poll.code)}`, 'notice', poll.code), pollId: poll.id }];
  }

  async pick(actor: Actor, code: string | undefined, choice: { text: string } | { slot: number }): Promise<Reply[]> {
    const poll = await this.resolvePoll(actor, code, true);
    this.assertManager(actor, poll, 'pick');
    const layout = this.layout(poll);
    const participants = await this.participants(poll);
    const window =
      'slot' in choice
        ? windowAt(poll, layout, participants, choice.slot, String(choice.slot))
        : choosePick(poll, layout, participants, choice.text.trim(), await this.zoneOf(actor), todayIn(this.clock.now(), poll.spec.timezone));
    const now = this.clock.now();
    const picked = { firstSlot: window.firstSlot, slotCount: window.slotCount, pickedBy: actor.user, pickedAt: now };
    const patch = poll.status === 'open' ? { picked, status: 'closed' as const, closedAt: now } : { picked };
    await this.store.updatePoll(poll.id, patch);
    const meeting = meetingFromPick(poll, layout, picked);
    const view = pickedNotice({
      poll,
      layout,
      window,
      locale: await this.localeOf(actor),
      ...(meeting ? { calendarUrl: googleCalendarLink(meeting) } : {}),
    });
    const replies: Reply[] = [{ type: 'post', audience: { kind: 'channel' }, view, pollId: poll.id }, { type: 'refresh-poll', pollId: poll.id }];
    if (meeting) {
      const calendar = this.calendar;
      if (calendar) {
        view.files = [{ filename: `yakjeong-${poll.code}.ics`, contentType: 'text/calendar', render: () => calendar.ics(meeting) }];
      }
      replies.push({ type: 'meeting-picked', pollId: poll.id, meeting });
    }
    return replies;
  }

  async timezone(actor: Actor, zone: string | undefined): Promise<Reply[]> {
    const locale = await this.localeOf(actor);
    const c = catalog(locale);
    if (!zone) {
      const prefs = await this.store.userPrefs(actor.channel.platform, actor.user.id);
      const source = prefs.timezone ? 'saved' : actor.platformTimezone ? 'platform' : 'default';
      return [this.toUser(actor, noticeView(c.tz.current(await this.zoneOf(actor), c.tz.sources[source] ?? source)))];
    }
    const tz = canonicalTimezone(zone);
    if (!tz) throw new UserError('BAD_TIMEZONE', { input: zone.slice(0, 60) });
    const prefs = await this.store.userPrefs(actor.channel.platform, actor.user.id);
    await this.store.setUserPrefs(actor.channel.platform, actor.user.id, { ...prefs, timezone: tz }, this.clock.now());
    return [this.toUser(actor, noticeView(c.tz.set(tz)))];
  }

  async history(actor: Actor, code: string | undefined): Promise<Reply[]> {
    const poll = await this.resolvePoll(actor, code, true);
    // Who answered what is the group's answers: hidden polls keep it to managers until close.
    if (poll.spec.hidden && !isClosed(poll, this.clock.now()) && !this.mayManage(actor, poll)) {
      throw new UserError('RESULTS_HIDDEN', { code: poll.code });
    }
    const limit = 20;
    const entries = await this.store.history(poll.id, limit + 1);
    const view = historyView({ poll, layout: this.layout(poll), entries, limit, locale: await this.localeOf(actor), tz: await this.zoneOf(actor) });
    return [this.toUser(actor, view)];
  }

  // ── scheduled work ──────────────────────────────────────────────────────────

  /** The channel post when a poll closes at its deadline: best times, who is free, the heatmap. */
  async deadlineAnnouncement(poll: Poll, late: boolean): Promise<View> {
    const locale = this.channelLocale(poll);
    return this.resultsFor(poll, locale, poll.spec.timezone, undefined, deadlineNote(poll, late, locale));
  }

  /** A reminder before the deadline; undefined when nobody expected is missing. */
  async reminder(poll: Poll): Promise<View | undefined> {
    if (poll.status !== 'open' || poll.spec.deadline === undefined) return undefined;
    const participants = await this.store.participants(poll.id);
    const answered = new Set(participants.map((p) => p.user.id));
    const missing = poll.spec.expected.filter((u) => !answered.has(u.id));
    if (poll.spec.expected.length && missing.length === 0) return undefined;
    return reminderNotice({
      poll,
      deadline: poll.spec.deadline,
      locale: this.channelLocale(poll),
      answered: participants.length,
      ...(poll.spec.expected.length ? { missing } : {}),
    });
  }

  // ── helpers ─────────────────────────────────────────────────────────────────

  private async pollView(poll: Poll, locale: Locale): Promise<View> {
    const layout = this.layout(poll);
    const participants = await this.participants(poll);
    const best = poll.spec.hidden && !isClosed(poll, this.clock.now()) ? [] : rankWindows(poll.spec, layout, participants);
    return pollMessageView({ poll, layout, participants, best, locale, now: this.clock.now() });
  }

  /** The language a poll was created in, for posts not aimed at one person. */
  channelLocale(poll: Poll): Locale {
    return poll.spec.locale ?? this.defaultLocale;
  }

  layout(poll: Poll): PollLayout {
    const key = JSON.stringify(poll.spec);
    let layout = this.layouts.get(key);
    if (!layout) {
      layout = layoutPoll(poll.spec);
      if (this.layouts.size > 500) this.layouts.delete(this.layouts.keys().next().value!);
      this.layouts.set(key, layout);
    }
    return layout;
  }

  async participants(poll: Poll): Promise<Participant[]> {
    const n = this.layout(poll).slots.length;
    return (await this.store.participants(poll.id)).map((p) => ({ ...p, states: fitStates(p.states, n) }));
  }

  /** A poll named by code (must live in the actor's channel) or the channel's newest open poll. */
  private async resolvePoll(actor: Actor, code: string | undefined, includeClosed = false): Promise<Poll> {
    if (code) return this.pollByCode(actor, code);
    const poll = await this.store.newestOpenPoll(actor.channel);
    if (poll) return poll;
    if (includeClosed) {
      const recent = (await this.store.listPolls(actor.channel, ['closed']))[0];
      if (recent) return recent;
    }
    throw new UserError('NO_OPEN_POLL');
  }

  private async pollByCode(actor: Actor, code: string): Promise<Poll> {
    const poll = await this.store.findPollByCode(code.toUpperCase());
    // Another channel's poll is reported exactly like a missing one: nothing leaks across.
    if (!poll || poll.status === 'deleted' || !sameChannel(poll.channel, actor.channel)) {
      const damaged = poll ? undefined : await this.unreadableInChannel(actor, code);
      if (damaged) throw new UserError('POLL_UNREADABLE', { code: damaged.code });
      throw new UserError('POLL_NOT_FOUND', { code: code.toUpperCase().slice(0, 12) });
    }
    return poll;
  }

  /** A damaged poll of the actor's channel named by code; other channels' stay unseen, as with readable ones. */
  private async unreadableInChannel(actor: Actor, code: string): Promise<UnreadablePoll | undefined> {
    const poll = await this.store.unreadablePoll({ code: code.toUpperCase() });
    return poll && poll.status !== 'deleted' && sameChannel(poll.channel, actor.channel) ? poll : undefined;
  }

  /**
   * The channel's newest open poll when it is the damaged one. A bare delete takes it rather than
   * the newest readable poll: removing a damaged poll loses nothing, removing the wrong one would.
   */
  private async newestOpenIfUnreadable(actor: Actor): Promise<UnreadablePoll | undefined> {
    const damaged = (await this.store.unreadablePolls(actor.channel, ['open']))[0];
    if (!damaged) return undefined;
    const readable = await this.store.newestOpenPoll(actor.channel);
    return !readable || damaged.id > readable.id ? damaged : undefined;
  }

  private assertOpen(poll: Poll): void {
    if (isClosed(poll, this.clock.now())) throw new UserError('POLL_CLOSED', { code: poll.code });
  }

  private mayManage(actor: Actor, poll: Pick<Poll, 'creator'>): boolean {
    return actor.isAdmin || actor.user.id === poll.creator.id;
  }

  private assertManager(actor: Actor, poll: Pick<Poll, 'creator' | 'code'>, action: 'close' | 'reopen' | 'delete' | 'pick'): void {
    if (this.mayManage(actor, poll)) return;
    throw new UserError('NOT_ALLOWED', { code: poll.code, creator: poll.creator.name, action });
  }

  private toUser(actor: Actor, view: View): Reply {
    return { type: 'post', audience: { kind: 'user', userId: actor.user.id }, view };
  }
}

function sameChannel(a: ChannelRef, b: ChannelRef): boolean {
  return a.platform === b.platform && a.workspaceId === b.workspaceId && a.channelId === b.channelId;
}
