/** Notices about a poll's life: closed, reopened, deleted, a final time picked, reminders. */
import { catalog } from '../i18n/index.js';
import { actionButton } from './buttons.js';
import type { RankedWindow } from '../domain/ranking.js';
import type { PollLayout } from '../domain/slots.js';
import type { Locale, Poll, UserRef } from '../domain/types.js';
import { formatRun, shownTime } from './format.js';
import { noticeView } from './notices.js';
import type { View } from './reply.js';
import { joinCapped, joinRich, link, localTime, mention, rich, type Rich } from './rich.js';

/** Mentions in one announcement; more would flood notifications and overflow messages. */
export const MAX_MENTIONS = 50;

export function closedNotice(poll: Poll, by: UserRef, locale: Locale): View {
  const c = catalog(locale);
  return noticeView(`🔒 ${c.lifecycle.closed(by.name, poll.spec.title, poll.code)}`, 'notice', poll.code);
}

/** `deadline` is the reopened poll's deadline, if it has one. */
/**
 * The channel told a poll is open again; when it had a picked time, that the time announced is no
 * longer final (people may have put it in their calendars).
 */
export function reopenedNotice(poll: Poll, layout: PollLayout, by: UserRef, deadline: number | undefined, locale: Locale): View {
  const c = catalog(locale);
  // Each reader sees the new deadline in their own zone.
  const until = deadline !== undefined ? rich` ${c.poll.deadline}: ${shownTime(deadline, locale)}` : [];
  const view = noticeView(rich`🔓 ${c.lifecycle.reopened(by.name, poll.spec.title, poll.code)}${until}`, 'notice', poll.code);
  if (poll.picked) view.blocks.push({ type: 'text', text: rich`⚠️ ${c.lifecycle.pickDropped(pickedWhen({ poll, layout, window: poll.picked, locale }), poll.spec.kind)}` });
  return view;
}

export function deletedNotice(poll: Poll, locale: Locale): View {
  const c = catalog(locale);
  return noticeView(`🗑️ ${c.lifecycle.deleted(poll.spec.title, poll.code)}`, 'notice', poll.code);
}

/** Asked privately before a poll goes: its name, what goes with it, and Delete or Keep it. */
export function deleteQuestion(poll: Poll, answered: number, locale: Locale): View {
  const c = catalog(locale);
  return {
    ...noticeView(`🗑️ ${c.lifecycle.deleteQuestion(poll.spec.title, poll.code, answered)}`, 'notice', poll.code),
    buttons: [[actionButton({ verb: 'deletenow', code: poll.code }, `🗑️ ${c.buttons.delete}`), actionButton({ verb: 'keep', code: poll.code }, c.buttons.keep)]],
  };
}

export function keptNotice(poll: Poll, locale: Locale): View {
  const c = catalog(locale);
  return noticeView(c.lifecycle.kept(poll.spec.title, poll.code), 'notice', poll.code);
}

export interface PickedInput {
  poll: Poll;
  layout: PollLayout;
  /** The chosen window, with who is free and who only if needed. */
  window: RankedWindow;
  locale: Locale;
  /** A link that adds the meeting to Google Calendar, when the pick makes a meeting. */
  calendarUrl?: string;
}

/** The channel announcement of a final time: when, a calendar link, and who is free (mentioned). */
export function pickedNotice(input: PickedInput): View {
  const { poll, window, locale } = input;
  const c = catalog(locale);
  const view = noticeView(c.lifecycle.picked(poll.spec.title, pickedWhen(input), poll.spec.kind), 'notice', poll.code);
  // The calendar link comes before the list of people, so a long list can never push it out.
  if (input.calendarUrl) view.blocks.push({ type: 'context', text: rich`📅 ${c.lifecycle.addToCalendar}: ${link(input.calendarUrl)}` });
  const mentions = (users: UserRef[]): Rich => joinCapped(users.map(mention), ' ', MAX_MENTIONS);
  const who: Rich[] = [];
  if (window.yes.length) who.push(rich`✅ ${c.results.free}: ${mentions(window.yes)}`);
  if (window.maybe.length) who.push(rich`🤔 ${c.results.maybe}: ${mentions(window.maybe)}`);
  view.blocks.push({ type: 'text', text: who.length ? joinRich(who, '\n') : [`⚠️ ${c.lifecycle.pickedNobody(window.respondents > 0, poll.spec.kind)}`] });
  return view;
}

/**
 * Told privately to the picker: who cannot make the picked time, and who expected has not
 * answered; undefined when everyone who answered can come and nobody is awaited. The picker
 * can act on it (pick again, or talk to them); the channel gets the decision without a list
 * that would ping and single out the people who cannot come.
 */
export function pickedHeadsUp(window: RankedWindow, locale: Locale): View | undefined {
  const c = catalog(locale);
  const lines: Rich[] = [];
  const people = (users: readonly UserRef[]) => [users.slice(0, MAX_MENTIONS).map(mention), Math.max(0, users.length - MAX_MENTIONS)] as const;
  if (window.unavailable.length) lines.push(rich`⚠️ ${c.honest.pickCannot(...people(window.unavailable))}`);
  if (window.pending.length) lines.push(rich`⏳ ${c.honest.pickNoAnswer(...people(window.pending))}`);
  return lines.length ? noticeView(joinRich(lines, '\n'), 'notice') : undefined;
}

/**
 * When the picked meeting is, said once: a time meeting as a local time each reader's platform
 * shows in their own zone (the poll zone's text where none can), anything else in the poll's
 * own terms, with its zone wherever it has hours.
 */
function pickedWhen(input: Pick<PickedInput, 'poll' | 'layout' | 'locale'> & { window: Pick<RankedWindow, 'firstSlot' | 'slotCount'> }): Rich {
  const { poll, layout, window, locale } = input;
  const { spec } = poll;
  const c = catalog(locale);
  const text = formatRun({ spec, layout, first: window.firstSlot, count: window.slotCount, locale, tz: spec.timezone });
  const first = layout.slots[window.firstSlot];
  const last = layout.slots[window.firstSlot + window.slotCount - 1];
  const timed = first?.start !== undefined && last?.end !== undefined;
  const zoned = timed ? `${text} (${spec.timezone})` : text;
  // A weekly meeting is a weekday and a wall time in the poll's zone, kept there across clock
  // changes; one instant cannot say that, so it stays in that zone's words.
  if (spec.days.type === 'weekly') return [c.every(zoned)];
  // Blocks are named, and their hours are the poll zone's.
  if (spec.kind !== 'time' || !timed) return [zoned];
  return [localTime(first.start!, { until: last.end!, fallback: zoned })];
}

/** Told privately to the creator when the last expected person answers, with a Close now button. */
export function everyoneAnsweredNotice(poll: Poll, locale: Locale): View {
  const c = catalog(locale);
  return {
    ...noticeView(`🎉 ${c.lifecycle.everyoneAnswered(poll.spec.title, poll.code)}`, 'notice', poll.code),
    buttons: [[actionButton({ verb: 'closenow', code: poll.code }, `🔒 ${c.buttons.closeNow}`)]],
  };
}

export interface ReminderInput {
  poll: Poll;
  /** The deadline the reminder is about. */
  deadline: number;
  locale: Locale;
  /** How many people have answered. */
  answered: number;
  /** Expected people still to answer; undefined when the poll expects nobody in particular. */
  missing?: UserRef[];
}

/**
 * A reminder before the deadline: who is still missing, or how many have answered. A message
 * mentions at most MAX_MENTIONS people, so a longer list goes on in follow-up messages and
 * nobody expected is left out.
 */
export function reminderNotice(input: ReminderInput): View {
  const { poll, locale, missing } = input;
  const c = catalog(locale);
  const when = shownTime(input.deadline, locale);
  if (!missing) return noticeView(rich`⏰ ${c.lifecycle.reminderCount(poll.spec.title, poll.code, when, input.answered)}`, 'notice', poll.code);
  const [first = [], ...rest] = chunks(missing, MAX_MENTIONS);
  const view = noticeView(rich`⏰ ${c.lifecycle.reminderMissing(poll.spec.title, poll.code, when, first.map(mention))}`, 'notice', poll.code);
  const parts = rest.length + 1;
  if (rest.length) {
    view.followUps = rest.map((people, i) =>
      noticeView(rich`⏰ ${c.lifecycle.reminderMore(poll.spec.title, poll.code, i + 2, parts, people.map(mention))}`, 'notice', poll.code),
    );
  }
  return view;
}

function chunks<T>(xs: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

/** The note over the results posted when a poll closes at its deadline (or late, after downtime). */
export function deadlineNote(poll: Poll, late: boolean, locale: Locale): Rich {
  const c = catalog(locale);
  return [`⏰ ${late ? c.lifecycle.closedLate(poll.spec.title, poll.code) : c.lifecycle.closedOnTime(poll.spec.title, poll.code)}`];
}
