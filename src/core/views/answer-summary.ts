/** What a person is told after answering: by text, or with the grid's Done button. */
import { catalog } from '../i18n/index.js';
import { stateAt } from '../domain/availability.js';
import type { PollLayout } from '../domain/slots.js';
import type { Locale, Poll } from '../domain/types.js';
import { formatRun } from './format.js';
import { noticeView } from './notices.js';
import type { View } from './reply.js';
import { slotRuns } from './runs.js';

/** "✅ Tue, Dec 1 09:00–11:00" lines summarising an answer, runs merged. */
export function describeAnswer(poll: Poll, layout: PollLayout, states: string, locale: Locale, tz: string): string[] {
  const chosen = layout.slots.filter((slot) => stateAt(states, slot.index) !== 'no').map((slot) => slot.index);
  return slotRuns(poll.spec.kind, layout.slots, chosen, (i) => stateAt(states, i))
    .map((run) => `${run.key === 'yes' ? '✅' : '🤔'} ${formatRun({ spec: poll.spec, layout, first: run.first, count: run.count, locale, tz })}`)
    .slice(0, 30);
}

export interface AnswerSavedInput {
  poll: Poll;
  layout: PollLayout;
  /** The answer as saved, one state character per slot. */
  states: string;
  locale: Locale;
  /** The answerer's zone, which the echoed times are written in. */
  tz: string;
}

/** The echo of an answer given by text, so a misread answer is caught at once. */
export function answerSavedNotice(input: AnswerSavedInput): View {
  const { poll, layout, states, locale, tz } = input;
  const c = catalog(locale);
  const lines = describeAnswer(poll, layout, states, locale, tz);
  return noticeView([c.answerText.saved(poll.spec.title, poll.code), ...lines].join('\n'), 'notice', poll.code);
}

/** The echo of "answer none": the answer is gone (and so is its place in a `max:` poll), or there was none. */
export function answerClearedNotice(input: { poll: Poll; cleared: boolean; locale: Locale }): View {
  const { poll, cleared, locale } = input;
  const c = catalog(locale);
  const { title, maxParticipants } = poll.spec;
  if (!cleared) return noticeView(c.honest.nothingToClear(title, poll.code), 'notice', poll.code);
  const place = maxParticipants ? ` ${c.honest.placeFreed(maxParticipants)}` : '';
  return noticeView(`🧹 ${c.honest.answerCleared(title, poll.code)}${place}`, 'notice', poll.code);
}

/** Replaces the grid when its Done button is pressed: how many slots are free and if needed. */
export function gridDoneNotice(poll: Poll, states: string, locale: Locale): View {
  const c = catalog(locale);
  const yes = [...states].filter((s) => s === 'y').length;
  const maybe = [...states].filter((s) => s === 'm').length;
  return noticeView(`✅ ${c.grid.saved(poll.spec.title)}\n${c.grid.summary(yes, maybe)}`, 'notice', poll.code);
}
