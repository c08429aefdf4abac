/** A person's usual week: show it, set it by hand, learn or not, clear it, and fill a poll's answer from it. */
import { UserError } from '../errors.js';
import { catalog } from '../i18n/index.js';
import type { Actor } from '../actor.js';
import { fitStates } from '../domain/availability.js';
import { addDays, todayIn, weekdayOf } from '../domain/time.js';
import type { Poll } from '../domain/types.js';
import {
  emptyWeek,
  fillFromUsualWeek,
  hasTimedSlots,
  isEmptyWeek,
  learnUsualWeek,
  LEARN_WEEKS,
  WEEK_MS,
  weekFromHours,
  type UsualWeek,
  type UsualWeekSettings,
} from '../domain/usual-week.js';
import { parseWeekHours } from '../grammar/usual-week-hours.js';
import { actionButton } from '../views/buttons.js';
import { noticeView } from '../views/notices.js';
import type { AdapterCapabilities, ImageSpec, Reply } from '../views/reply.js';
import { fillPreviewView, usualWeekAsPoll, usualWeekSetNotice, usualWeekView, type WeekSource } from '../views/usual-week.js';
import type { AnswerUseCases, PaintResult } from './answer-use-cases.js';
import type { EngineContext } from './context.js';

/** Whether a poll's grid offers "Fill from my usual week", or why not. */
export type FillOffer = 'ready' | 'no-times' | 'no-week';

/** What `/yakjeong usual` asks for. */
export type UsualWeekRequest =
  | { action: 'show' }
  | { action: 'set'; hours: string }
  | { action: 'learn' | 'block'; on: boolean }
  | { action: 'clear' };

export class UsualWeekUseCases {
  constructor(
    private readonly ctx: EngineContext,
    private readonly answers: AnswerUseCases,
  ) {}

  async run(actor: Actor, request: UsualWeekRequest): Promise<Reply[]> {
    switch (request.action) {
      case 'show':
        return this.show(actor);
      case 'set':
        return this.set(actor, request.hours);
      case 'learn':
        return this.learn(actor, request.on);
      case 'block':
        return this.block(actor, request.on);
      case 'clear':
        return this.clear(actor);
    }
  }

  /** The week that applies to the person now, in their zone (a hand-set week in the zone it was set in), and where it comes from. */
  async weekOf(actor: Actor): Promise<{ week: UsualWeek; source: WeekSource; settings: UsualWeekSettings }> {
    const { ctx } = this;
    const settings = await ctx.store.usualWeekSettings(ctx.personOf(actor));
    if (settings.pattern) return { week: settings.pattern, source: { kind: 'hand' }, settings };
    const tz = await ctx.zoneOf(actor);
    if (!settings.learn) return { week: emptyWeek(tz), source: { kind: 'off' }, settings };
    const now = ctx.clock.now();
    const since = Math.max(now - LEARN_WEEKS * WEEK_MS, settings.learnFrom ?? 0);
    const answers = await ctx.store.answersSince(ctx.personOf(actor), since);
    const learned = learnUsualWeek(answers, tz, now);
    return { week: learned.week, source: { kind: 'learned', polls: learned.polls }, settings };
  }

  private async show(actor: Actor): Promise<Reply[]> {
    const { ctx } = this;
    const { week, source, settings } = await this.weekOf(actor);
    const locale = await ctx.localeOf(actor);
    const c = catalog(locale);
    const today = todayIn(ctx.clock.now(), week.tz);
    const grid = usualWeekAsPoll(week, addDays(today, -weekdayOf(today)), c.usual.imageAlt);
    const now = ctx.clock.now();
    const image: ImageSpec = {
      filename: 'yakjeong-usual-week.png',
      alt: c.usual.imageAlt,
      render: () =>
        ctx.heatmap.render({
          locale,
          poll: grid.poll,
          layout: grid.layout,
          participants: [{ user: actor.user, states: grid.states }],
          best: [],
          timezone: week.tz,
          personal: true,
          now,
        }),
    };
    return [ctx.toActor(actor, usualWeekView({ week, source, block: settings.block, locale, image }))];
  }

  private async set(actor: Actor, hours: string): Promise<Reply[]> {
    const { ctx } = this;
    const week = weekFromHours(parseWeekHours(hours), await ctx.zoneOf(actor));
    await this.update(actor, (s) => ({ ...s, pattern: week }));
    return [ctx.toActor(actor, usualWeekSetNotice(week, await ctx.localeOf(actor)))];
  }

  /** Off forgets what was learned (answers before now no longer count); on learns from the polls answered from now on. */
  private async learn(actor: Actor, on: boolean): Promise<Reply[]> {
    const now = this.ctx.clock.now();
    await this.update(actor, (s) => (on ? { ...s, learn: true, ...(s.learn ? {} : { learnFrom: now }) } : { ...s, learn: false, learnFrom: now }));
    const c = catalog(await this.ctx.localeOf(actor));
    return [this.ctx.toActor(actor, noticeView(`📆 ${on ? c.usual.learnOn : c.usual.learnOff}`))];
  }

  private async block(actor: Actor, on: boolean): Promise<Reply[]> {
    await this.update(actor, (s) => ({ ...s, block: on }));
    const c = catalog(await this.ctx.localeOf(actor));
    return [this.ctx.toActor(actor, noticeView(`📆 ${on ? c.usual.blockOnSet : c.usual.blockOffSet}`))];
  }

  private async clear(actor: Actor): Promise<Reply[]> {
    const now = this.ctx.clock.now();
    await this.update(actor, ({ pattern: _dropped, ...rest }) => ({ ...rest, learnFrom: now }));
    const c = catalog(await this.ctx.localeOf(actor));
    return [this.ctx.toActor(actor, noticeView(`📆 ${c.usual.cleared}`))];
  }

  private async update(actor: Actor, change: (settings: UsualWeekSettings) => UsualWeekSettings): Promise<void> {
    const { ctx } = this;
    const person = ctx.personOf(actor);
    await ctx.store.setUsualWeekSettings(person, change(await ctx.store.usualWeekSettings(person)), ctx.clock.now());
  }

  /**
   * Whether the fill can be offered on this poll: 'no-times' when it has no time of day to fill
   * (whole days, blocks without hours), 'no-week' when the person's usual week is empty.
   */
  async fillOffer(actor: Actor, poll: Poll): Promise<FillOffer> {
    if (!hasTimedSlots(this.ctx.layout(poll))) return 'no-times';
    return isEmptyWeek((await this.weekOf(actor)).week) ? 'no-week' : 'ready';
  }

  /** The answer as stored and as the usual week would fill it, read and never stored (the web grid's preview). */
  async fillStates(actor: Actor, poll: Poll): Promise<{ stored: string; filled: string }> {
    const { before, after } = await this.filled(actor, poll);
    return { stored: before, filled: after };
  }

  /** The web grid's Save: the same rule and history reason as the chat's Save, given on the web. */
  async fillSaveFromWeb(actor: Actor, poll: Poll): Promise<PaintResult> {
    const layout = this.ctx.layout(poll);
    const { before, after } = await this.filled(actor, poll);
    // Nothing to add: storing it would only make an unanswered person count as answered.
    if (before === after) return { states: before, replies: [] };
    const { week } = await this.weekOf(actor);
    return this.answers.saveFromWeb(actor, poll, (current) => fillFromUsualWeek(week, layout, current), { kind: 'usual-week' });
  }

  /** The answer the usual week gives this poll, from the person's current one (the fill only adds). */
  private async filled(actor: Actor, poll: Poll): Promise<{ before: string; after: string }> {
    const { ctx } = this;
    ctx.assertOpen(poll);
    const layout = ctx.layout(poll);
    if (!hasTimedSlots(layout)) throw new UserError('USUAL_WEEK_NO_TIMES', { code: poll.code });
    const before = fitStates((await ctx.store.participant(poll.id, actor.user.id))?.states ?? '', layout.slots.length);
    const { week } = await this.weekOf(actor);
    return { before, after: fillFromUsualWeek(week, layout, before) };
  }

  /** The filled answer, shown and not stored: nobody else sees it and it counts nowhere until Save. */
  async fillPreview(actor: Actor, poll: Poll, _caps: AdapterCapabilities, page: number): Promise<Reply[]> {
    const { ctx } = this;
    const { before, after } = await this.filled(actor, poll);
    const { locale, tz } = await ctx.reader(actor);
    if (before === after) {
      const c = catalog(locale);
      const view = noticeView(`📆 ${c.usual.nothingToFill(poll.spec.title, poll.code)}`, 'grid', poll.code);
      view.buttons = [[actionButton({ verb: 'page', code: poll.code, page }, c.buttons.cancel)]];
      return [{ type: 'replace', view }];
    }
    return [{ type: 'replace', view: fillPreviewView({ poll, layout: ctx.layout(poll), states: after, page, locale, tz }) }];
  }

  /** Save: the fill is worked out again from what is stored now, so a change made meanwhile is kept, and recorded as from the usual week. */
  async fillSave(actor: Actor, poll: Poll, caps: AdapterCapabilities, page: number): Promise<Reply[]> {
    const { ctx } = this;
    const layout = ctx.layout(poll);
    const { before, after } = await this.filled(actor, poll);
    // Nothing to add: storing it would only make an unanswered person count as answered.
    if (before === after) return this.answers.showGridPage(actor, poll, caps, page);
    const { week } = await this.weekOf(actor);
    return this.answers.saveAutomatic(actor, poll, caps, page, (current) => fillFromUsualWeek(week, layout, current), { kind: 'usual-week' });
  }
}
