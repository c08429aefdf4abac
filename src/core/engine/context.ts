/**
 * What every use case shares: the ports, the defaults, and the small decisions written once
 * (which poll a command means, who may manage it, which language and zone a person reads in).
 */
import { UserError } from '../errors.js';
import { catalog } from '../i18n/index.js';
import type { Actor } from '../actor.js';
import { answersOf, emptyStates, fitStates, type PollAnswers } from '../domain/availability.js';
import { answersFromBands, bandCount, withBands, type AnswerShape, type AnswerSummary, type BandReader } from '../domain/kept-answers.js';
import { rankWindows, type RankedWindow } from '../domain/ranking.js';
import { layoutKey, layoutPoll, type PollLayout } from '../domain/slots.js';
import { canonicalTimezone, todayIn } from '../domain/time.js';
import type { ChannelRef, Locale, Participant, PersonRef, Poll, PollSpec, UnreadablePoll, UserPrefs, UserRef } from '../domain/types.js';
import type { CalendarFiles, Clock, HeatmapRenderer, PollStore, RequestKey, WebLinks } from '../ports.js';
import { isClosed, pollMessageView } from '../views/poll-message.js';
import type { ImageSpec, Reply, View } from '../views/reply.js';
import { joinRich, type Rich } from '../views/rich.js';
import { resultsView } from '../views/results.js';

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
  /** Private links to the web grid; without it no view offers one. */
  webLinks?: WebLinks;
}

export type ManagerAction = 'close' | 'reopen' | 'delete' | 'pick';

/** What a results view shows, and for whom. */
export interface ResultsRequest {
  poll: Poll;
  locale: Locale;
  /** The zone its times are written in. */
  tz: string;
  /** Draws this person's own answers over the group. */
  viewer?: UserRef;
  note?: Rich;
  /** A manager sees a hidden poll's answers before it closes. */
  revealHidden?: boolean;
}

/**
 * Slots kept in cached layouts at once (about 100 bytes each): the least recently used layouts go
 * first past it. Layouts are shared by every poll of the same days and slots (layoutKey), so this
 * holds the shapes of thousands of active polls; one 2,000-slot layout never pushes out the rest.
 */
const LAYOUT_CACHE_SLOTS = 200_000;
/** Kept-answer reads to try while clicks keep moving the poll's version under them; each needs a click landing between two statements. */
const KEPT_READ_ROUNDS = 20;
/** Polls a refusal that asks which one names, each with its command; the rest are only counted. */
const WHICH_POLL_SHOWN = 3;
/**
 * After a poll closes, how long a pick or a reopen without a code still counts it among the polls
 * it may mean: both mostly follow a deadline within days.
 */
const RECENTLY_CLOSED_MS = 7 * 86_400_000;
/**
 * How long a request key is kept: past the 5 minutes either platform lets a signed request be
 * delivered, with room for clock skew, so every replay that passes a signature check is caught.
 */
export const REQUEST_KEY_KEEP_MS = 10 * 60_000;

export class EngineContext {
  readonly store: PollStore;
  readonly clock: Clock;
  readonly heatmap: HeatmapRenderer;
  readonly calendar: CalendarFiles | undefined;
  readonly defaultTimezone: string;
  readonly defaultLocale: Locale;
  readonly random: () => number;
  readonly onDueWorkChanged: () => void;
  readonly webLinks: WebLinks | undefined;
  /** Layouts are pure functions of the spec; caching keeps zone maths off the click path. In recency order, oldest first. */
  private readonly layouts = new Map<string, PollLayout>();
  private layoutSlots = 0;
  /** Each spec's layout key, worked out once per spec object (the store shares the object of a spec it has read). */
  private readonly layoutKeys = new WeakMap<PollSpec, string>();

  constructor(options: EngineOptions) {
    this.store = options.store;
    this.clock = options.clock;
    this.heatmap = options.heatmap;
    this.calendar = options.calendar;
    this.defaultTimezone = options.defaultTimezone;
    this.defaultLocale = options.defaultLocale;
    this.random = options.random ?? Math.random;
    this.onDueWorkChanged = options.onDueWorkChanged ?? (() => undefined);
    this.webLinks = options.webLinks;
  }

  async localeOf(actor: Pick<Actor, 'locale' | 'channel' | 'user'>): Promise<Locale> {
    if (actor.locale) return actor.locale;
    return this.readerFrom(actor, await this.store.userPrefs(actor.channel.platform, actor.user.id)).locale;
  }

  async zoneOf(actor: Pick<Actor, 'platformTimezone' | 'channel' | 'user'>): Promise<string> {
    return this.readerFrom(actor, await this.store.userPrefs(actor.channel.platform, actor.user.id)).tz;
  }

  /** The person's language and zone together, from one read of their settings (views need both). */
  async reader(actor: Actor): Promise<{ locale: Locale; tz: string }> {
    return this.readerFrom(actor, await this.store.userPrefs(actor.channel.platform, actor.user.id));
  }

  private readerFrom(actor: Pick<Actor, 'locale' | 'platformTimezone'>, prefs: UserPrefs): { locale: Locale; tz: string } {
    return {
      locale: actor.locale ?? prefs.locale ?? this.defaultLocale,
      tz: prefs.timezone ?? (actor.platformTimezone && canonicalTimezone(actor.platformTimezone)) ?? this.defaultTimezone,
    };
  }

  /** The language a poll was created in, for posts not aimed at one person. */
  channelLocale(poll: Poll): Locale {
    return poll.spec.locale ?? this.defaultLocale;
  }

  /** The actor's request key as the store keeps it, or nothing when the platform gave none. */
  requestKey(actor: Pick<Actor, 'requestKey'>): RequestKey | undefined {
    return actor.requestKey ? { key: actor.requestKey, expiresAt: this.clock.now() + REQUEST_KEY_KEEP_MS } : undefined;
  }

  layout(poll: Poll): PollLayout {
    let key = this.layoutKeys.get(poll.spec);
    if (key === undefined) this.layoutKeys.set(poll.spec, (key = layoutKey(poll.spec)));
    let layout = this.layouts.get(key);
    if (layout) {
      // Most recently used last: a hit moves it to the end.
      if (this.layouts.size > 1) {
        this.layouts.delete(key);
        this.layouts.set(key, layout);
      }
      return layout;
    }
    layout = layoutPoll(poll.spec);
    this.layouts.set(key, layout);
    this.layoutSlots += layout.slots.length;
    for (const [oldKey, old] of this.layouts) {
      if (this.layoutSlots <= LAYOUT_CACHE_SLOTS || old === layout) break;
      this.layouts.delete(oldKey);
      this.layoutSlots -= old.slots.length;
    }
    return layout;
  }

  async participants(poll: Poll): Promise<Participant[]> {
    const n = this.layout(poll).slots.length;
    return (await this.store.participants(poll.id)).map((p) => ({ ...p, states: fitStates(p.states, n) }));
  }

  /** What the store keeps answers for: the poll's slots and its duration. */
  private answerShape(poll: Poll): AnswerShape {
    return { slots: this.layout(poll).slots.length, windowSlots: Math.max(1, poll.spec.durationSlots) };
  }

  /**
   * Reads kept answers at one version until a read is whole: `read` gets the summary and its
   * bands, and gives undefined when the poll moved past that version meanwhile (every click moves
   * it), so the next round starts from the new one.
   */
  private async keptRead<T>(poll: Poll, read: (summary: AnswerSummary, bands: BandReader) => Promise<T | undefined>): Promise<T> {
    const shape = this.answerShape(poll);
    for (let round = 1; ; round++) {
      const summary = await this.store.answerSummary(poll.id, shape);
      const done = await read(summary, (first, last) => this.store.answerBands(poll.id, summary, first, last));
      if (done !== undefined) return done;
      if (round >= KEPT_READ_ROUNDS) throw new Error(`the answers of poll ${poll.id} moved on during ${round} reads in a row`);
    }
  }

  /** Who answered and their bits, every band of one kept version: for pictures and whole-matrix questions. */
  answers(poll: Poll): Promise<PollAnswers> {
    return this.keptRead(poll, async (summary, readBands) => {
      // Nobody answered (or the poll is gone): no bits to read.
      if (summary.people.length === 0) return answersOf([], summary.slots);
      const last = bandCount(summary) - 1;
      const bands = last < 0 ? new Map() : await readBands(0, last);
      return bands && answersFromBands(summary, bands);
    });
  }

  /**
   * Who answered and the best windows, from the kept counts and only the bands the picks look at
   * (all of them when someone is required: that filter reads every window's rows).
   */
  bestWindows(poll: Poll, options: { limit?: number; rank?: boolean } = {}): Promise<{ people: readonly UserRef[]; best: RankedWindow[] }> {
    const layout = this.layout(poll);
    return this.keptRead(poll, async (summary, readBands) => {
      if (options.rank === false || summary.people.length === 0) return { people: summary.people, best: [] };
      const ranking = { now: this.clock.now(), ...(options.limit === undefined ? {} : { limit: options.limit }) };
      const best = await withBands(summary, readBands, (kept) => rankWindows(poll.spec, layout, kept, ranking), poll.spec.required.length > 0);
      return best && { people: summary.people, best };
    });
  }

  /** The poll's live channel message. */
  async pollView(poll: Poll, locale: Locale): Promise<View> {
    const layout = this.layout(poll);
    // One read for who answered and the best times: a click between two reads would make them disagree.
    const now = this.clock.now();
    const { people, best } = await this.bestWindows(poll, { rank: !(poll.spec.hidden && !isClosed(poll, now)) });
    const participants = people.map((user) => ({ user }));
    const webButton = this.webLinks?.inPollMessage(poll.channel.platform) ?? false;
    return pollMessageView({ poll, layout, participants, best, locale, now, webButton });
  }

  /** Results view with the heatmap; a viewer gets their own answers drawn over the group. */
  async resultsView(request: ResultsRequest): Promise<View> {
    const { poll, locale, tz, viewer, note, revealHidden } = request;
    const layout = this.layout(poll);
    // One read for who answered, the best times and the picture (see pollView).
    const answers = await this.answers(poll);
    const participants = answers.people.map((user) => ({ user }));
    const now = this.clock.now();
    const best = rankWindows(poll.spec, layout, answers, { now });
    const c = catalog(locale);
    const mine = viewer ? answers.people.findIndex((u) => u.id === viewer.id) : -1;
    const queued = this.heatmap.busy?.() === true;
    const image: ImageSpec = {
      ...(queued ? { followsUp: true } : {}),
      filename: `yakjeong-${poll.code}${viewer ? '-mine' : ''}.png`,
      alt: viewer ? c.results.overlayAlt : c.results.heatmapAlt(poll.spec.title),
      render: () =>
        this.heatmap.render({
          locale,
          poll,
          layout,
          participants: answers.people.map((user, i) => ({ user, states: answers.matrix.statesOf(i) })),
          best,
          timezone: tz,
          now,
          ...(viewer ? { overlay: { user: viewer, states: mine >= 0 ? answers.matrix.statesOf(mine) : emptyStates(layout.slots.length) } } : {}),
          ...(revealHidden ? { revealHidden: true } : {}),
        }),
    };
    return resultsView({
      poll,
      layout,
      participants,
      best,
      locale,
      tz,
      image,
      otherMeetings: await this.otherMeetings(poll),
      pickButtons: !viewer && !poll.picked && poll.status !== 'deleted',
      ...(note || queued ? { note: joinRich([note, queued ? c.results.pictureComing : undefined].filter((n) => n !== undefined), '\n') } : {}),
    });
  }

  /** Who in `poll` has another meeting then, and which (named only when it is in the same channel). */
  async otherMeetings(poll: Poll): Promise<OtherMeeting[]> {
    const out: OtherMeeting[] = [];
    for (const block of await this.store.activeBlocks({ blockedPollId: poll.id })) {
      const picked = await this.store.getPoll(block.pickedPollId);
      if (!picked) continue;
      const named = sameChannel(picked.channel, poll.channel) ? { named: { title: picked.spec.title, code: picked.code } } : {};
      out.push({ user: block.user, slots: block.slots.map(([slot]) => slot), ...named });
    }
    return out;
  }

  /** A poll named by code (must live in the actor's channel) or the channel's newest open poll, else its latest closed one. */
  async resolvePoll(actor: Actor, code: string | undefined): Promise<Poll> {
    if (code) return this.pollByCode(actor, code);
    const poll = await this.store.newestOpenPoll(actor.channel);
    if (poll) return poll;
    const recent = (await this.store.listPolls(actor.channel, ['closed']))[0];
    if (recent) return recent;
    throw new UserError('NO_OPEN_POLL');
  }

  /**
   * The poll a command that closes, reopens, deletes or picks names. Without a code, the one poll
   * it can mean here among those the person may manage (couldMean). With several, "the newest"
   * could change the one the person did not mean: refused, with the command for each. With none
   * the person may manage, the newest of them all, so the refusal names it. With none at all, a
   * delete, reopen or pick looks at every closed poll the same way (closedFor), but while other
   * polls are open a reopen never takes one with a picked time without its code; a reopen where
   * every poll is open says there is nothing to reopen; anything else takes the channel's newest
   * open poll, as every command does. (The store lists a channel's 50 newest polls of a status:
   * candidates beyond them are not seen.)
   */
  resolveToChange(actor: Actor, code: string | undefined, action: 'close' | 'reopen' | 'pick', command: (code: string) => string): Promise<Poll>;
  resolveToChange(actor: Actor, code: string | undefined, action: 'delete', command: (code: string) => string): Promise<Poll | UnreadablePoll>;
  async resolveToChange(actor: Actor, code: string | undefined, action: ManagerAction, command: (code: string) => string): Promise<Poll | UnreadablePoll> {
    if (code) return (action === 'delete' && (await this.unreadableInChannel(actor, code))) || this.pollByCode(actor, code);
    // Read once: both steps below look at the same open and closed polls.
    const [open, closedPolls] = await Promise.all([this.store.listPolls(actor.channel, ['open']), this.store.listPolls(actor.channel, ['closed'])]);
    const meant = this.onlyOne(actor, await this.couldMean(actor, action, open, closedPolls), action, command);
    if (meant) return meant;
    const closed = this.onlyOne(actor, await this.closedFor(actor, action, closedPolls), action, command);
    const othersOpen = action === 'reopen' && open.length > 0;
    // Reopening drops the pick and frees everyone's calendar: with other polls about, not done on a guess.
    if (closed && othersOpen && 'spec' in closed && closed.picked && this.mayManage(actor, closed)) {
      throw new UserError('REOPEN_NEEDS_CODE', { code: closed.code, title: closed.spec.title.replace(/\s+/g, ' '), command: command(closed.code) });
    }
    if (closed) return closed;
    if (othersOpen) throw new UserError('NOTHING_TO_REOPEN');
    return this.resolvePoll(actor, code);
  }

  /**
   * The one of `polls` the person may manage; with several, which is asked (WHICH_POLL); with
   * none theirs, the newest, so the refusal names it; undefined when `polls` is empty.
   */
  private onlyOne<P extends Poll | UnreadablePoll>(actor: Actor, polls: P[], action: ManagerAction, command: (code: string) => string): P | undefined {
    const meant = [...polls].sort((a, b) => b.id - a.id);
    const candidates = meant.filter((p) => this.mayManage(actor, p));
    if (candidates.length > 1) {
      const shown = candidates.slice(0, WHICH_POLL_SHOWN);
      throw new UserError('WHICH_POLL', {
        action,
        more: candidates.length - shown.length,
        commands: shown.map((p) => command(p.code)).join('\n'),
        // One line each: the list travels as lines.
        titles: shown.map((p) => ('problem' in p ? p.title : p.spec.title).replace(/\s+/g, ' ')).join('\n'),
      });
    }
    return candidates[0] ?? meant[0];
  }

  /**
   * When nothing is plainly meant, a delete, reopen or pick may still mean a closed poll, older or
   * with a pick already: taken when it is the only one, asked about when there are several (each
   * of these undoes something). A close never means a closed poll.
   */
  private async closedFor(actor: Actor, action: ManagerAction, closed: Poll[]): Promise<Array<Poll | UnreadablePoll>> {
    if (action === 'close') return [];
    return action === 'delete' ? [...closed, ...(await this.store.unreadablePolls(actor.channel, ['closed']))] : closed;
  }

  /**
   * The polls a command without a code may mean, by what it does: close, an open poll not past
   * its deadline; delete, any open poll, damaged ones too; pick, an open poll or one closed lately
   * without a pick; reopen, a poll past its deadline or closed lately, but never one with a picked
   * time (reopening drops the pick and frees everyone's calendar: not done on a guess).
   */
  private async couldMean(actor: Actor, action: ManagerAction, open: Poll[], closed: Poll[]): Promise<Array<Poll | UnreadablePoll>> {
    const now = this.clock.now();
    const closedLately = closed.filter((p) => (p.closedAt ?? 0) >= now - RECENTLY_CLOSED_MS);
    switch (action) {
      case 'close':
        return open.filter((p) => !isClosed(p, now));
      case 'delete':
        return [...open, ...(await this.store.unreadablePolls(actor.channel, ['open']))];
      case 'pick':
        return [...open, ...closedLately.filter((p) => !p.picked)];
      case 'reopen':
        return [...open.filter((p) => isClosed(p, now)), ...closedLately].filter((p) => !p.picked);
    }
  }

  async pollByCode(actor: Actor, code: string): Promise<Poll> {
    const poll = await this.store.findPollByCode(code.toUpperCase());
    // Another channel's poll is reported exactly like a missing one: nothing leaks across.
    if (!poll || poll.status === 'deleted' || !sameChannel(poll.channel, actor.channel)) {
      const damaged = poll ? undefined : await this.unreadableInChannel(actor, code);
      if (damaged) throw new UserError('POLL_UNREADABLE', { code: damaged.code });
      throw new UserError('POLL_NOT_FOUND', { code: code.toUpperCase().slice(0, 12) });
    }
    return poll;
  }

  /**
   * A poll named by a button pressed outside its channel (a private notice in a DM): any live
   * poll of the presser's platform. The handler must still check the button is theirs.
   */
  async pollOnPlatform(actor: Actor, code: string): Promise<Poll> {
    const poll = await this.store.findPollByCode(code.toUpperCase());
    if (!poll || poll.status === 'deleted' || poll.channel.platform !== actor.channel.platform) {
      throw new UserError('POLL_NOT_FOUND', { code: code.toUpperCase().slice(0, 12) });
    }
    return poll;
  }

  /** The person acting, as the scope of their usual week and of blocking: their platform and team. */
  personOf(actor: Pick<Actor, 'channel' | 'user'>): PersonRef {
    return { platform: actor.channel.platform, workspaceId: actor.channel.workspaceId, userId: actor.user.id };
  }

  /** A damaged poll of the actor's channel named by code; other channels' stay unseen, as with readable ones. */
  async unreadableInChannel(actor: Actor, code: string): Promise<UnreadablePoll | undefined> {
    const poll = await this.store.unreadablePoll({ code: code.toUpperCase() });
    return poll && poll.status !== 'deleted' && sameChannel(poll.channel, actor.channel) ? poll : undefined;
  }

  /**
   * Runs a person's request. A UserError it raises carries their today (in their zone), so the
   * examples its message shows start from it and never name a past date or deadline.
   */
  async datedErrors<T>(actor: Actor, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      if (!(err instanceof UserError) || err.params.today !== undefined) throw err;
      const dated = new UserError(err.code, { ...err.params, today: todayIn(this.clock.now(), await this.zoneOf(actor)) });
      if (err.newestOf) dated.newestOf = err.newestOf;
      throw dated;
    }
  }

  assertOpen(poll: Poll): void {
    if (isClosed(poll, this.clock.now())) throw new UserError('POLL_CLOSED', { code: poll.code });
  }

  mayManage(actor: Actor, poll: Pick<Poll, 'creator'>): boolean {
    return actor.isAdmin || actor.user.id === poll.creator.id;
  }

  assertManager(actor: Actor, poll: Pick<Poll, 'creator' | 'code'>, action: ManagerAction): void {
    if (this.mayManage(actor, poll)) return;
    throw new UserError('NOT_ALLOWED', { code: poll.code, creator: poll.creator.name, action });
  }

  /** A reply only the actor sees. */
  toActor(actor: Actor, view: View): Reply {
    return { type: 'post', audience: { kind: 'user', userId: actor.user.id }, view };
  }
}

/** Someone's slots in a poll that another poll's picked meeting took, and that poll when it may be named. */
export interface OtherMeeting {
  user: UserRef;
  slots: number[];
  named?: { title: string; code: string };
}

function sameChannel(a: ChannelRef, b: ChannelRef): boolean {
  return a.platform === b.platform && a.workspaceId === b.workspaceId && a.channelId === b.channelId;
}
