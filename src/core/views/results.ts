/** The results view: numbered best windows with who is free, maybe, unavailable and missing. */
import { catalog } from '../i18n/index.js';
import { actionButton } from './buttons.js';
import type { PollLayout } from '../domain/slots.js';
import type { RankedWindow } from '../domain/ranking.js';
import type { Locale, Participant, Poll, UserRef } from '../domain/types.js';
import { formatRun } from './format.js';
import { describeLength } from './poll-message.js';
import type { Button, ImageSpec, View, ViewBlock } from './reply.js';
import { bold, italic, joinCapped, joinRich, mention, rich, type Rich } from './rich.js';

export interface ResultsInput {
  poll: Poll;
  layout: PollLayout;
  /** Who answered, from the same read as `best`, so the count and the best times agree. */
  participants: ReadonlyArray<Pick<Participant, 'user'>>;
  best: RankedWindow[];
  locale: Locale;
  /** Zone the times are written in (the poll's in the channel, the viewer's in private). */
  tz: string;
  image?: ImageSpec;
  /** Offer "Pick #n" buttons (channel results of a poll without a final pick). */
  pickButtons: boolean;
  note?: Rich;
  /** People whose slots here another poll's picked meeting took (their name, never a mention). */
  otherMeetings?: ReadonlyArray<{ user: UserRef; slots: readonly number[]; named?: { title: string; code: string } }>;
}

const MAX_NAMES = 30;

/** Up to MAX_NAMES people, named or (`mentioned`) pinged, and how many more. */
function names(users: UserRef[], mentioned: boolean): Rich {
  return joinCapped(users.map((u) => (mentioned ? mention(u) : u.name)), ', ', MAX_NAMES);
}

export function resultsView(input: ResultsInput): View {
  const { poll, layout, participants, best, locale, tz } = input;
  const c = catalog(locale);
  const spec = poll.spec;
  const blocks: ViewBlock[] = [{ type: 'header', text: `📊 ${c.results.title(spec.title)} · ${poll.code}` }];
  if (input.note) blocks.push({ type: 'context', text: input.note });
  const lines: string[] = [];
  if (participants.length === 0) {
    blocks.push({ type: 'text', text: [c.results.none] });
  } else if (best.length === 0) {
    blocks.push({ type: 'text', text: [c.results.noWindow] });
  } else {
    best.forEach((w, i) => {
      const when = formatRun({ spec, layout, first: w.firstSlot, count: w.stretch, locale, tz });
      // "Everyone" and "most" must never be confused: only a full house gets the party mark.
      const allAnswered = w.yes.length === w.respondents && w.pending.length > 0;
      const badge = w.everyone
        ? ` · 🎉 ${c.results.everyone}`
        : allAnswered
          ? ` · ${c.results.allWhoAnswered(w.pending.length)}`
          : w.yes.length * 2 > w.respondents
            ? ` · ${c.results.most}`
            : // Ranked for its "if needed" answers alone: an option, but not one to recommend.
              w.yes.length === 0
              ? ` · ${c.nobodyFree.results}`
              : '';
      const head = rich`${bold(`${i + 1}. ${when}`)} — ${w.yes.length}/${w.respondents}${badge}`;
      const who: Rich[] = [];
      if (w.stretch > w.slotCount) who.push([italic(c.results.fitsAnywhere(spec.kind, describeLength(spec, locale), w.slotCount))]);
      if (w.yes.length) who.push(rich`✅ ${c.results.free}: ${names(w.yes, false)}`);
      if (w.maybe.length) who.push(rich`🤔 ${c.results.maybe}: ${names(w.maybe, false)}`);
      if (w.unavailable.length) who.push(rich`❌ ${c.results.unavailable}: ${names(w.unavailable, false)}`);
      for (const other of input.otherMeetings ?? []) {
        const inWindow = other.slots.some((slot) => slot >= w.firstSlot && slot < w.firstSlot + w.stretch);
        if (!inWindow || !w.unavailable.some((u) => u.id === other.user.id)) continue;
        who.push([`📅 ${other.named ? c.blocking.anotherMeetingNamed(other.user.name, other.named.title, other.named.code) : c.blocking.anotherMeeting(other.user.name)}`]);
      }
      if (w.pending.length) who.push(rich`⏳ ${c.results.pending}: ${names(w.pending, true)}`);
      blocks.push({ type: 'text', text: joinRich([head, ...who], '\n') });
      lines.push(`${i + 1}. ${when} ${w.yes.length}/${w.respondents}`);
    });
  }
  const answered = new Set(participants.map((p) => p.user.id));
  const requiredMissing = spec.required.filter((u) => !answered.has(u.id));
  if (requiredMissing.length) blocks.push({ type: 'context', text: c.results.requiredMissing(names(requiredMissing, true)) });
  blocks.push({ type: 'context', text: [`${c.results.respondents(participants.length)} · ${tz}`] });

  const buttons: Button[][] = [];
  if (input.pickButtons && best.length) {
    buttons.push(best.map((w, i) => actionButton({ verb: 'pick', code: poll.code, slot: w.firstSlot }, `📌 ${c.buttons.pick(i + 1)}`)));
  }
  const view: View = {
    role: 'results',
    fallback: `${c.results.title(spec.title)} (${poll.code})${lines.length ? `: ${lines[0]}` : ''}`,
    blocks,
    buttons,
    pollCode: poll.code,
  };
  if (input.image) view.image = input.image;
  return view;
}
