/**
 * Text answers: "2026-12-01 09:00-11:00, 12/2 7-9pm maybe:12/3 오후 7시~9시", "12/8(화) 저녁",
 * "12/1 lunch", "12/1,12/3", "mon 19:00-21:00", "12/4 종일", "none", and plain words: "next
 * Tuesday evening", "평일 저녁 7시 이후" (plain-days.ts, times.ts). Times are in the viewer's zone
 * and read by the one typed-time grammar. A text answer replaces the person's whole answer; what
 * it was read as comes back as concrete parts (answer-echo.ts writes them).
 */
import { halfWidth } from './half-width.js';
import { readableDays } from './range-words.js';
import { UserError, type ErrorParams } from '../errors.js';
import { checkAnswerLength } from './bounds.js';
import { emptyStates, STATE_CHAR } from '../domain/availability.js';
import { weekdaysSeenIn, type PollLayout } from '../domain/slots.js';
import { addDays, formatHm, todayIn, wallClock, weekdayOf, zonedInstant } from '../domain/time.js';
import type { AnswerState, NamedBlock, PollSpec, Slot, Weekday } from '../domain/types.js';
import { parseDateRange, parseWeekdayWord } from './dates.js';
import { isBareWeekdays, LIST_ENDINGS, LIST_WORDS, parsePlainDays, weekOfPhrase } from './plain-days.js';
import { closeWord, isDayWord } from './close-words.js';
import { dayThenRest } from './compact-korean.js';
import { unknownTimeWord, unknownWordParams } from './unknown-word.js';
import {
  impossibleTime,
  isAllDay,
  isAnyTime,
  parsePartOfDay,
  parseTimePhrase,
  parseTypedClock,
  partWords,
  PARTS_OF_DAY,
  resolveTimePhrase,
  type DayHours,
  type TimeRange,
} from './times.js';

interface AnswerItem {
  state: Exclude<AnswerState, 'no'>;
  /** Poll day indexes this item names. */
  days: number[];
  /** Viewer-local calendar dates the item names (time polls match slots on these). */
  dates: string[];
  /** Weekly time polls: weekdays in the viewer's own zone. */
  weekdays?: Weekday[];
  /** Typed ranges; a part of the day is marked, as it means its hours clipped to the poll's. */
  ranges: Array<TimeRange & { part?: true }>;
  blocks: string[];
  /** "all day" was said: the whole poll day whatever else follows. */
  allDay?: boolean;
  text: string;
  /** The week its day words named ("next week" for "다음 주 화"), which the next days of its list share. */
  week?: { words: string; after: boolean };
  /** It was days of the week alone ("목"), so a week said later in its list ("thu next week") is its week too. */
  bareWeekdays?: boolean;
  /** Dates a weekly poll read as their weekdays. */
  fromDates?: true;
}

/** A word as typed and where it sits, so an error can quote the typed text itself. */
interface Word {
  text: string;
  start: number;
  end: number;
  /** A comma follows it: nothing read across a comma belongs together. */
  comma: boolean;
}

/** What one reader took from the words: its value and the index of the first word it left. */
interface Taken<T> {
  value: T;
  next: number;
  text: string;
}


const CLEAR_WORDS = /^(none|clear|no|없음|지우기|불가)$/i;
/** "none" and its synonyms: the person takes their answer back (it is removed, not saved as all "no"). */
export function isClearAnswer(input: string): boolean {
  return CLEAR_WORDS.test(input.trim());
}
const MODE_PREFIX = /^(yes|maybe|ifneeded|if-needed|가능|가능하면):/i;
/** Longest run of words one date or time may take: "2026년 12월 8일 (화)", "오후 7시 30분 - 9시 30분". */
const MAX_SPAN = 8;

/**
 * Parts of an answer that named something the poll does not offer, beside parts it does: they
 * are dropped from the saved answer, and the reply says so. Spans are instants; dates and
 * weekdays are as the person named them.
 */
export type LeftOut =
  /** Time polls: a stretch outside the poll's hours on a day it offers. */
  | { kind: 'hours'; from: number; to: number }
  /** Time polls: a stretch within the hours that fills no whole slot (18:15 on a 30-minute grid). */
  | { kind: 'part-slot'; from: number; to: number }
  | { kind: 'dates'; dates: string[] }
  | { kind: 'weekdays'; weekdays: Weekday[] };

export interface ReadAnswer {
  /** One state character per slot. */
  states: string;
  leftOut: LeftOut[];
  /** What each part of the answer was read as, in concrete dates and times, for the reply to echo. */
  understood: UnderstoodPart[];
}

/**
 * One part of an answer as understood: concrete dates on the answerer's clock (or, in a weekly
 * poll, weekdays), with concrete times, a part of the day clipped to the poll's hours. No ranges
 * and no blocks means the whole day.
 */
export interface UnderstoodPart {
  state: Exclude<AnswerState, 'no'>;
  dates: string[];
  weekdays?: Weekday[];
  ranges: TimeRange[];
  blocks: string[];
}

export function parseAnswerText(input: string, spec: PollSpec, layout: PollLayout, viewerTz: string, now: number): string {
  return readAnswerText(input, spec, layout, viewerTz, now).states;
}

/** The answer as states, and what it named that the poll does not offer (left out of the states). */
export function readAnswerText(
  input: string,
  spec: PollSpec,
  layout: PollLayout,
  viewerTz: string,
  now: number,
): ReadAnswer {
  checkAnswerLength(input);
  const days = readableDays(halfWidth(input));
  try {
    return readAnswerAs(days.text.trim(), spec, layout, viewerTz, now);
  } catch (err) {
    throw days.quote(withExample(err, spec, layout, viewerTz));
  }
}

/** A refusal of an answer that was thrown where the poll is not known ("13/7" as a date) gets the poll's example too. */
function withExample(err: unknown, spec: PollSpec, layout: PollLayout, viewerTz: string): unknown {
  if (!(err instanceof UserError) || err.code !== 'BAD_ANSWER' || !err.params.input) return err;
  if (err.params.day !== undefined || err.params.weekday !== undefined) return err;
  return new UserError(err.code, { ...err.params, ...answerExample(spec, layout, viewerTz) });
}

/** readAnswerText on the text as read: half width, readableDays, trimmed. */
function readAnswerAs(text: string, spec: PollSpec, layout: PollLayout, viewerTz: string, now: number): ReadAnswer {
  if (!text) throw new UserError('BAD_ANSWER', { input: '' });
  if (CLEAR_WORDS.test(text)) return { states: emptyStates(layout.slots.length), leftOut: [], understood: [] };

  const items: AnswerItem[] = [];
  let state: AnswerItem['state'] = 'yes';
  let current: AnswerItem | undefined;
  const today = todayIn(now, viewerTz);
  const words = splitWords(text);
  const readDay = (span: string) => dayWord(span, spec, layout, today);
  dropFillers(words, (stem) => startsDay(stem, readDay) || parseTimePhrase(stem) !== undefined || isAllDay(stem));
  splitDayJoiners(words, readDay);
  /** A day of the week read again in the week its list named later ("tue" of "tue, thu next week"). */
  const rereadWithWeek = (item: AnswerItem, week: string) => {
    const again = readDay(`${week} ${item.text}`);
    if (!again) return;
    item.days = again.days;
    item.dates = again.dates;
    if (again.weekdays) item.weekdays = again.weekdays;
    else delete item.weekdays;
  };
  const viewed = viewerHours(layout, viewerTz);
  const hours = viewed && { ...viewed, meeting: viewed.slot * Math.max(1, spec.durationSlots) };
  let lastDay: AnswerItem | undefined;
  /** Where the last part of the day ("오후") was read, which may have been a time's first word. */
  let partAt = -1;
  /**
   * The days of a list not yet given a time ("mon wed", "화, 목", "12/8,12/10"): a time that
   * follows is every one's, so "mon wed evening" is Monday evening and Wednesday evening.
   */
  let list: AnswerItem[] = [];
  /** A time read for `item`, given to every day of its list too (none of them has one of its own). */
  const shareTime = (item: AnswerItem, give: (other: AnswerItem) => void) => {
    give(item);
    for (const other of list) if (other !== item) give(other);
  };
  const hasTime = (item: AnswerItem) => item.ranges.length > 0 || item.blocks.length > 0 || item.allDay === true;

  /** The item a time of day belongs to: the current date, the date before a maybe:, or the only day. */
  const dayFor = (part: string): AnswerItem => {
    if (current) return current;
    if (lastDay) {
      current = { ...lastDay, state, ranges: [], blocks: [], allDay: false };
    } else if (layout.days.length === 1) {
      const dates = spec.kind === 'time' ? [viewerDate(layout, 0, viewerTz)] : [];
      current = { state, days: [0], dates, ranges: [], blocks: [], text: '' };
    } else {
      throw new UserError('ANSWER_NEEDS_DAY', { input: part, ...answerExample(spec, layout, viewerTz) });
    }
    items.push(current);
    list = [current];
    return current;
  };

  /** A day after a day with no time yet goes on its list. */
  const listBefore = () => (current && hasTime(current) ? [] : list);
  /** A typed time as the range it means on the poll's hours, with what makes it impossible, if anything. */
  const readTime = (span: string) => {
    const phrase = parseTimePhrase(span);
    return phrase && { range: resolveTimePhrase(phrase, hours), problem: impossibleTime(phrase, hours) };
  };
  /** The range of a time read, or, for "7-5", "before 0", "7-7", the refusal that says so (better than saving a whole day or nothing). */
  const checkedTime = (time: NonNullable<ReturnType<typeof readTime>>, input: string) => {
    const { problem } = time;
    if (!problem) return time.range;
    const code = problem === 'backwards' ? 'BACKWARDS_TIME_RANGE' : 'EMPTY_TIME_RANGE';
    throw new UserError(code, { input, ...(problem === 'same' ? { same: 1 } : {}), ...answerExample(spec, layout, viewerTz) });
  };
  /** Whether a time of day (or a block's name) begins at word `k`, in the same part of the answer. */
  const timeAt = (k: number) => {
    if (k >= words.length || words[k - 1]!.comma) return false;
    if (spec.kind === 'time') return longest(text, words, k, readTime) !== undefined;
    return spec.kind === 'block' && longest(text, words, k, (span) => blockNamed(spec, span)) !== undefined;
  };
  /** Every day of the poll, as the words `taken` ("any time", "언제든") said it. */
  const everyDay = (taken: Taken<unknown>): Taken<DayReading> => ({ value: readDay('every day')!, next: taken.next, text: taken.text });
  /**
   * The day of a time or "all day" said before its day, where it begins a part (`begins`): the
   * day words right after it ("evening tomorrow", "all day 12/9"), or an any-time word, every day
   * of the poll ("저녁 언제든", "evenings any time").
   */
  const dayAfter = (next: number, begins: boolean): Taken<DayReading> | undefined => {
    if (!begins || words[next - 1]!.comma || next >= words.length) return undefined;
    const day = readDayAt(next);
    if (day) return day;
    const anyTime = longest(text, words, next, (span) => (isAnyTime(span) ? true : undefined), 2);
    return anyTime && everyDay(anyTime);
  };
  /** The day words at `i`, read in the week their list named ("다음 주 화, 목" shares its week). */
  const readDayAt = (i: number): Taken<DayReading> | undefined => {
    const listWeek = listBefore().find((item) => item.week)?.week;
    return longest(text, words, i, (span) => (listWeek && isBareWeekdays(span) ? readDay(`${listWeek.words} ${span}`) : readDay(span)));
  };
  /** Day words read: the item they begin, on its list. */
  const takeDay = (day: Taken<DayReading>): AnswerItem => {
    const before = listBefore();
    const listWeek = before.find((item) => item.week)?.week;
    list = before;
    const item: AnswerItem = { state, days: day.value.days, dates: day.value.dates, ranges: [], blocks: [], text: day.text };
    if (day.value.weekdays) item.weekdays = day.value.weekdays;
    if (day.value.fromDates) item.fromDates = true;
    const week = weekOfPhrase(day.text);
    if (week) {
      item.week = week;
      // "tue, thu next week": the week said last is the list's, for the days before it too.
      if (week.after) for (const other of list) if (other.bareWeekdays && !other.week) rereadWithWeek(other, week.words);
    } else if (listWeek) {
      item.week = listWeek;
    } else if (isBareWeekdays(day.text)) {
      item.bareWeekdays = true;
    }
    current = item;
    items.push(item);
    list.push(item);
    return item;
  };

  for (let i = 0; i < words.length; ) {
    const mode = MODE_PREFIX.exec(words[i]!.text);
    if (mode) {
      state = /^(yes|가능)$/i.test(mode[1]!) ? 'yes' : 'maybe';
      // "12/1 maybe:09:00-10:00": a time right after the switch still belongs to the last date.
      lastDay = current ?? lastDay;
      current = undefined;
      // "12/8 maybe:12/10 evening": the evening is the maybe day's alone.
      list = [];
      const word = words[i]!;
      if (word.text.length === mode[0].length) {
        i++;
        continue;
      }
      words[i] = { ...word, text: word.text.slice(mode[0].length), start: word.start + mode[0].length };
    }

    // "tonight", "오늘 밤", "오늘밤": today's evening (a night after 22:00 is rarely what is meant).
    const tonight = TONIGHT.exec(words[i]!.text) ? 1 : isTodayNight(words, i) ? 2 : 0;
    if (tonight) {
      // "오늘 밤 11시", "tonight 11": the night narrows the hour after it (23:00), as "밤 11시" does; it is not a second time.
      const night = /[a-z]/i.test(words[i + tonight - 1]!.text) ? 'night' : '밤';
      const hour =
        spec.kind === 'time' && !words[i + tonight - 1]!.comma && i + tonight < words.length
          ? longest(text, words, i + tonight, (rest) => readTime(`${night} ${rest}`))
          : undefined;
      const span = text.slice(words[i]!.start, words[(hour ? hour.next : i + tonight) - 1]!.end);
      const item = takeDay({ value: todayAs(span, () => readDay('today')!), next: i + tonight, text: span });
      if (hour) {
        item.ranges.push(checkedTime(hour.value, span));
        i = hour.next;
        continue;
      }
      // The evening as each kind has it: its hours, the block of that name, or (a date poll) the day.
      const evening = spec.kind === 'block' ? blockNamed(spec, 'evening') : undefined;
      if (spec.kind === 'time') shareTime(item, (other) => other.ranges.push({ ...PARTS_OF_DAY.get('evening')!, part: true }));
      if (evening) shareTime(item, (other) => other.blocks.push(evening.name));
      i += tonight;
      continue;
    }
    const day = readDayAt(i);
    if (day) {
      takeDay(day);
      i = day.next;
      continue;
    }
    const allDay = longest(text, words, i, (span) => (isAllDay(span) ? true : undefined), 2);
    if (allDay) {
      // "all day tomorrow", "12/8 evening, any time 12/9": said before its day, it is that day's
      // (after a comma too: a whole day cannot be a time the day before goes on with).
      const startsPart = !current || (i > 0 && words[i - 1]!.comma);
      const after = dayAfter(allDay.next, startsPart);
      const anyTime = isAnyTime(allDay.text);
      // With no day said, "any time" (at the start of a part: after "maybe:" or a comma) or "all"
      // (as the answer's first words) is every day of the poll; "12/1 maybe: all day" is 12/1's.
      const whole = !after && (anyTime ? startsPart : !current && !lastDay && layout.days.length > 1) ? everyDay(allDay) : undefined;
      if (after ?? whole) takeDay((after ?? whole)!);
      const next = after ? after.next : allDay.next;
      // A time said after it narrows the days ("any time after 7pm", "언제든 오후"); said right
      // after a day's time, an any-time word keeps that time ("12/8 evening any time").
      const keepsTime = anyTime && !after && !whole && current !== undefined && hasTime(current);
      if (!timeAt(next) && !keepsTime) shareTime(dayFor(allDay.text), (item) => (item.allDay = true));
      i = next;
      continue;
    }
    if (spec.kind === 'time') {
      const range = longest(text, words, i, readTime);
      if (range) {
        const value = checkedTime(range.value, range.text);
        // "evenings this week", "저녁 내일", "저녁 언제든": a time said before its day, at the start of an answer, is that day's.
        const after = dayAfter(range.next, !current);
        if (after) takeDay(after);
        const item = dayFor(range.text);
        shareTime(item, (other) => other.ranges.push(value));
        // Errors then name the date and the time, not just the date.
        item.text = item.text ? `${item.text} ${range.text}` : range.text;
        partAt = parsePartOfDay(range.text) ? i : -1;
        i = after ? after.next : range.next;
        continue;
      }
    }
    if (spec.kind === 'block') {
      const block = longest(text, words, i, (span) => blockNamed(spec, span));
      if (block) {
        shareTime(dayFor(block.text), (item) => item.blocks.push(block.value.name));
        i = block.next;
        continue;
      }
    }
    // "내일저녁", "월수금오전", "12/3저녁": Korean often writes the day and the time as one word.
    const split = splitDayFromTime(words[i]!, readDay);
    if (split) {
      words.splice(i, 1, ...split);
      continue;
    }
    // "tue and thu", "화 및 목", "화요일하고 목요일" (split above): a word that only joins a list.
    if (JOINERS.has(words[i]!.text.toLowerCase()) && items.length > 0 && i + 1 < words.length) {
      i++;
      continue;
    }
    const joined = splitJoiner(words[i]!, (stem) => parseTimePhrase(stem) !== undefined || isAllDay(stem) || (spec.kind === 'block' && blockNamed(spec, stem) !== undefined));
    if (joined) {
      words.splice(i, 1, ...joined);
      continue;
    }
    // "오후 7씨": 오후 was read as the afternoon, but it was the start of a time that failed.
    const from = i > 0 && partAt === i - 1 && !words[i - 1]!.comma && /^\d/.test(words[i]!.text) ? i - 1 : i;
    throw notUnderstood(failedPart(text, words, from, readDay), spec, layout, viewerTz, current !== undefined);
  }

  if (items.length === 0) throw new UserError('BAD_ANSWER', { input: text.slice(0, 80), ...answerExample(spec, layout, viewerTz) });
  // The whole week ("every day", "any time") means the poll's own days: none is left out or echoed.
  for (const item of items) if (item.weekdays?.length === 7) item.weekdays = weekdaysSeenIn(layout, viewerTz);
  const states = [...emptyStates(layout.slots.length)];
  const leftOut: LeftOut[] = [];
  const understood = items.flatMap((item) => savedParts(understoodPart(item, spec, layout, viewerTz, hours), item, spec, layout, viewerTz));
  const outside = (item: AnswerItem) => {
    if (item.fromDates && item.weekdays) return weeklyTakesWeekdays(item.text, item.weekdays, spec);
    // The day is the poll's but the time is not: name the poll's hours, not its dates.
    const timed = spec.kind === 'time' && hours && item.ranges.length > 0 && !item.allDay;
    const daysOffered = timed && itemLeftOut(item, spec, layout, viewerTz).every((l) => l.kind === 'hours' || l.kind === 'part-slot');
    // Nothing is outside a whole day's hours (07:00–07:00): such a time is outside the poll's span.
    if (hours && daysOffered && hours.end - hours.start < 1440) {
      const end = hours.end % 1440;
      // "오늘 밤 11시" on a poll that ends at 23:00: the time said is where the hours stop.
      const atEnd = item.ranges.some((r) => !r.part && r.start === end);
      return new UserError('ANSWER_OUTSIDE_HOURS', {
        input: item.text,
        hours: `${formatHm(hours.start % 1440)}–${end === 0 ? '24:00' : formatHm(end)}`,
        ...(atEnd ? { end: formatHm(end) } : {}),
      });
    }
    // On the poll's own days (only a whole-day window gets here so), its dates alone would not say why.
    const span = pollSpan(spec, layout, viewerTz, daysOffered ? pollTimeRange(layout, viewerTz) : pollRange(layout));
    return new UserError('ANSWER_OUTSIDE_POLL', { input: item.text, of: spec.kind === 'time' ? 'times' : 'dates', ...span });
  };
  let matched = false;
  for (const item of items) {
    const slots = itemSlots(item, spec, layout, viewerTz);
    const missed = itemLeftOut(item, spec, layout, viewerTz);
    // A part wholly outside the poll is left out and named, like a part half outside it; a part
    // that matches nothing for a reason we cannot name is refused.
    // "3/14 2-3" where the clocks skip 02:00–03:00: name the missing hour rather than mark the
    // hour after it or refuse with the poll's range (a list of days keeps the days that have it).
    const skipped = spec.kind === 'time' && (slots.length === 0 || item.dates.length === 1) ? nonexistentTime(item, layout, viewerTz) : undefined;
    if (skipped) throw skipped;
    if (slots.length === 0 && missed.length === 0) throw outside(item);
    matched ||= slots.length > 0;
    for (const slot of slots) states[slot.index] = STATE_CHAR[item.state];
    leftOut.push(...missed);
  }
  // Nothing of the answer is in the poll: saving it would only clear the person's answer.
  if (!matched) throw outside(items[0]!);
  return { states: states.join(''), leftOut: mergeLeftOut(leftOut), understood };
}

const TONIGHT = /^(tonight|오늘밤)$/i;

/** Today read for words that say it another way ("오늘 밤", "tonight"): a refusal quotes the words typed, not "today". */
function todayAs<T>(typed: string, read: () => T): T {
  try {
    return read();
  } catch (err) {
    if (err instanceof UserError && err.params.input === 'today') throw new UserError(err.code, { ...err.params, input: typed });
    throw err;
  }
}

/** "오늘 밤" as two words (written as one, the day is split from the night before it gets here). */
function isTodayNight(words: readonly Word[], i: number): boolean {
  const next = words[i + 1];
  return /^(오늘|today)$/i.test(words[i]!.text) && !words[i]!.comma && next !== undefined && /^(밤|night)$/i.test(next.text);
}

/** Words that only join the days or times of a list: "tue and thu", "화 및 목", "화요일하고 목요일". */
const JOINERS = new Set([...LIST_WORDS, ...LIST_ENDINGS]);
/** A joiner written onto the word before it ("오전하고", "저녁이랑"); days are split from theirs with the day. */
const JOINED = new RegExp(`^(.+?)(${LIST_ENDINGS.join('|')})$`);

/** A word that is a time with a joiner after it, as the two, when `isTime` reads the first. */
function splitJoiner(word: Word, isTime: (stem: string) => boolean): [Word, Word] | undefined {
  const m = JOINED.exec(word.text);
  if (!m || !isTime(m[1]!)) return undefined;
  const k = m[1]!.length;
  return [
    { text: m[1]!, start: word.start, end: word.start + k, comma: false },
    { text: m[2]!, start: word.start + k, end: word.end, comma: word.comma },
  ];
}

/** Words that only lead into a day or a time: "tomorrow at 7pm", "on tuesday evening". */
const FILLERS = new Set(['at', 'on', '@']);
/**
 * A particle written onto a day or a time that adds nothing to it: 에 ("화요일에", "7시에"), the
 * topic 은/는 ("월요일은 오후, 화요일은 오전"), both ("월요일에는", "월요일엔") and 도 ("저녁도").
 */
const AT_PARTICLE = /^(.+?)(에는|에도|에|엔|은|는|도)$/;

/**
 * Fillers people put around days and times, which say nothing the day or time does not: "at" and
 * "on" before them are dropped (a comma after one stays with the word before), and a particle after
 * one (AT_PARTICLE) is cut off when what it is written onto reads by itself (`reads`).
 */
function dropFillers(words: Word[], reads: (stem: string) => boolean): void {
  for (let i = words.length - 1; i >= 0; i--) {
    const word = words[i]!;
    if (FILLERS.has(word.text.toLowerCase()) && i + 1 < words.length) {
      if (word.comma && i > 0) words[i - 1]!.comma = true;
      words.splice(i, 1);
      continue;
    }
    const m = AT_PARTICLE.exec(word.text);
    if (m && reads(m[1]!)) words[i] = { ...word, text: m[1]!, end: word.start + m[1]!.length };
  }
}

/**
 * A day with a joiner written onto it before another word ("화요일과 목요일", "화요일하고",
 * "화요일이랑") ends there as a comma would: the joiner only lists, so "다음 주 화요일과 목요일" is
 * "다음 주 화, 목" (next week's Tuesday and Thursday), not the week and then the weekdays.
 */
function splitDayJoiners(words: Word[], readDay: (span: string) => unknown): void {
  for (let i = 0; i + 1 < words.length; i++) {
    const word = words[i]!;
    const m = JOINED.exec(word.text);
    if (m && startsDay(m[1]!, readDay)) words[i] = { text: m[1]!, start: word.start, end: word.start + m[1]!.length, comma: true };
  }
}

/** Words split at spaces and commas, each with its place in the text. */
function splitWords(text: string): Word[] {
  const words: Word[] = [];
  for (const m of text.matchAll(/[^\s,]+/g)) {
    words.push({ text: m[0], start: m.index, end: m.index + m[0].length, comma: false });
  }
  for (let w = 0; w + 1 < words.length; w++) {
    words[w]!.comma = text.slice(words[w]!.end, words[w + 1]!.start).includes(',');
  }
  return words;
}

/** A word that begins with a day and goes on with something else ("내일저녁", "12/3저녁"), as the day and the rest. */
function splitDayFromTime(word: Word, readDay: (span: string) => unknown): [Word, Word] | undefined {
  const k = dayThenRest(word.text, (start) => readDay(start) !== undefined);
  if (k === undefined) return undefined;
  return [
    { text: word.text.slice(0, k), start: word.start, end: word.start + k, comma: false },
    { text: word.text.slice(k), start: word.start + k, end: word.end, comma: word.comma },
  ];
}

/**
 * The longest run of words from `i` that `read` accepts, read as typed (spaces kept), so
 * "오후 7시 30분 - 9시" is one time and "12월 8일 (화)" one date. Runs never cross a comma.
 */
function longest<T>(text: string, words: Word[], i: number, read: (span: string) => T | undefined, max = MAX_SPAN): Taken<T> | undefined {
  let last = i;
  while (last + 1 < words.length && last + 1 < i + max && !words[last]!.comma) last++;
  for (let j = last; j >= i; j--) {
    const span = text.slice(words[i]!.start, words[j]!.end);
    const value = read(span);
    if (value !== undefined) return { value, next: j + 1, text: span };
  }
  return undefined;
}

/**
 * The whole part that failed: from the word that could not be read up to the next comma,
 * date or maybe:/yes:, so the error quotes "오후 7씨-9시" and not just "오후".
 */
function failedPart(text: string, words: Word[], i: number, readDay: (span: string) => unknown): string {
  let j = i;
  while (j + 1 < words.length && !words[j]!.comma && !MODE_PREFIX.test(words[j + 1]!.text) && !startsDay(words[j + 1]!.text, readDay)) j++;
  return text.slice(words[i]!.start, words[j]!.end);
}

function startsDay(word: string, readDay: (span: string) => unknown): boolean {
  try {
    return readDay(word) !== undefined;
  } catch {
    // A date that is wrong still starts a new part.
    return true;
  }
}

function notUnderstood(part: string, spec: PollSpec, layout: PollLayout, tz: string, afterDay: boolean): UserError {
  if (spec.kind === 'block' && afterDay) {
    // Most likely a block name with a typo: say which blocks there are.
    return new UserError('ANSWER_OUTSIDE_POLL', { input: part, of: 'blocks', range: (spec.blocks ?? []).map((b) => b.name).join(', ') });
  }
  const example = answerExample(spec, layout, tz);
  // "다음 주 화요일 저녁" in a poll of whole days: the day was read, the time has no place.
  if (spec.kind === 'date' && (parsePartOfDay(part) || parseTimePhrase(part) !== undefined)) return new UserError('DATE_POLL_WHOLE_DAYS', { input: part.trim(), ...example });
  // "next Tusday evening": name the one word that is wrong, not the whole phrase.
  const close = closeWord(part);
  // A lone word close to a day word ("tomorow") is a day mistyped, not an unknown part of the day.
  const word = /\s/.test(part.trim()) ? unknownTimeWord(part) : close && isDayWord(close) ? part.trim() : undefined;
  if (word) return new UserError('UNKNOWN_TIME_WORD', { input: part, ...unknownWordParams(word), ...example });
  // A word with no digits where a time goes reads like a block ("dinner", "새벽"): name the parts of the day we know.
  if (spec.kind === 'time' && /^[\p{L}\s'.-]+$/u.test(part) && parseTypedClock(part) === undefined) {
    return new UserError('UNKNOWN_PART_OF_DAY', { input: part, ...(close ? { suggestion: close } : {}), ...example, ...partsInPoll(layout, tz) });
  }
  return new UserError('BAD_ANSWER', { input: part, ...example });
}

/**
 * A block of a block poll by its name, or by a part of the day that names it in the other
 * language ("evening" for a block named 저녁), as the parts of the day are the usual blocks.
 */
function blockNamed(spec: PollSpec, span: string): NamedBlock | undefined {
  const name = span.trim().toLowerCase();
  const exact = spec.blocks?.find((b) => b.name.toLowerCase() === name);
  if (exact) return exact;
  const part = parsePartOfDay(name);
  const words = part ? partWords(part) : [];
  return spec.blocks?.find((b) => words.includes(b.name.toLowerCase()));
}

/**
 * The first poll day's hours as the viewer sees them: from its first slot's start to its last
 * slot's end, in minutes after that day's midnight (past 1440 when the day runs overnight).
 */
function viewerHours(layout: PollLayout, tz: string): (DayHours & { date: string; weekday: Weekday; slot: number }) | undefined {
  const day = layout.days[0];
  const first = day && layout.slots[day.first];
  const last = day && layout.slots[day.first + day.count - 1];
  if (first?.start === undefined || first.end === undefined || last?.end === undefined) return undefined;
  const at = wallClock(first.start, tz);
  const end = at.minute + Math.round((last.end - first.start) / 60_000);
  return { date: at.date, weekday: at.weekday, start: at.minute, end, slot: Math.round((first.end - first.start) / 60_000) };
}

/** Each part of the day that meets the poll's hours, clipped to them: { evening: '18:00–22:00' }. */
function partsInPoll(layout: PollLayout, tz: string): ErrorParams {
  const hours = viewerHours(layout, tz);
  const out: ErrorParams = {};
  if (!hours) return out;
  for (const [part, range] of PARTS_OF_DAY) {
    const clipped = clipTo(range, hours);
    if (clipped) out[part] = `${formatHm(clipped.start)}–${clipped.end === 1440 ? '24:00' : formatHm(clipped.end)}`;
  }
  return out;
}

/**
 * An answer this poll accepts, from its own first day and hours, for error messages: the day
 * ("12/8", or the weekday's number for a weekly poll, which each language names) and, by kind,
 * a range of up to two hours from its first slot or its first block.
 */
export function answerExample(spec: PollSpec, layout: PollLayout, tz: string): ErrorParams {
  const first = layout.days[0];
  if (!first) return {};
  const hours = spec.kind === 'time' ? viewerHours(layout, tz) : undefined;
  const date = hours?.date ?? first.date;
  const day: ErrorParams = spec.days.type === 'weekly' ? { weekday: hours?.weekday ?? first.weekday } : { day: monthDay(date) };
  if (spec.kind === 'block') return { ...day, block: spec.blocks?.[0]?.name ?? '' };
  if (!hours) return day;
  const length = Math.min(hours.end - hours.start, Math.max(hours.slot, Math.floor(120 / hours.slot) * hours.slot));
  return { ...day, hours: `${formatHm(hours.start)}-${formatHm(hours.start + length)}` };
}

function monthDay(date: string): string {
  const [, m, d] = date.split('-').map(Number);
  return `${m}/${d}`;
}

function pollRange(layout: PollLayout): string {
  const first = layout.days[0]?.date ?? '';
  const last = layout.days[layout.days.length - 1]?.date ?? '';
  return first === last ? first : `${first} … ${last}`;
}

/**
 * What ANSWER_OUTSIDE_POLL says the poll offers: its dates, or a weekly poll's weekdays as the
 * viewer sees them (its dates are only the week it was laid out on, never shown).
 */
function pollSpan(spec: PollSpec, layout: PollLayout, tz: string, range = pollRange(layout)): ErrorParams {
  return spec.days.type === 'weekly' ? { range, weekdays: weekdaysSeenIn(layout, tz).join(',') } : { range };
}

/** "2026-12-01 07:00 … 2026-12-03 07:00": from the first slot's start to the last one's end, in the viewer's zone. */
function pollTimeRange(layout: PollLayout, tz: string): string {
  const start = layout.slots.find((s) => s.start !== undefined)?.start;
  const end = layout.slots.findLast((s) => s.end !== undefined)?.end;
  if (start === undefined || end === undefined) return pollRange(layout);
  const at = (instant: number) => {
    const w = wallClock(instant, tz);
    return `${w.date} ${formatHm(w.minute)}`;
  };
  return `${at(start)} … ${at(end)}`;
}

/** The viewer-local date of a poll day: the date its first slot starts on, in the viewer's zone. */
function viewerDate(layout: PollLayout, day: number, tz: string): string {
  const d = layout.days[day]!;
  const first = layout.slots[d.first];
  return first?.start !== undefined ? wallClock(first.start, tz).date : d.date;
}

/** What a day word names: poll day indexes, the dates named, and weekdays when it named days of the week. */
interface DayReading {
  days: number[];
  dates: string[];
  weekdays?: Weekday[];
  /** A weekly poll read dates as their weekdays ("this weekend" as Sat, Sun). */
  fromDates?: true;
}

/**
 * A day word: dates (12/8, 내일, "next Tuesday", "이번 주말") or days of the week ("화요일",
 * "평일", "Mon/Wed/Fri"), which mean the poll's own such days. In a weekly poll a date means
 * its weekday. Relative words count from the answerer's today.
 */
function dayWord(word: string, spec: PollSpec, layout: PollLayout, today: string): DayReading | undefined {
  const weekly = spec.days.type === 'weekly';
  const weekdays = weekdaysOf(word, today);
  if (weekdays) return weekdayReading(word, weekdays, spec, layout);
  const dates = datesOf(word, layout, today);
  if (!dates) return undefined;
  if (weekly) {
    const named = [...new Set(dates.map(weekdayOf))];
    // "this weekend" in a Mon–Fri poll: say that it takes weekdays, not that the dates are outside it.
    if (spec.kind !== 'time' && !layout.days.some((d) => named.includes(d.weekday))) throw weeklyTakesWeekdays(word, named, spec);
    return { ...weekdayReading(word, named, spec, layout), fromDates: true };
  }
  const days = layout.days.filter((d) => dates.includes(d.date)).map((d) => d.index);
  if (spec.kind !== 'time' && days.length === 0) {
    throw new UserError('ANSWER_OUTSIDE_POLL', { input: word, of: 'dates', range: pollRange(layout) });
  }
  return { days, dates };
}

/** A weekly poll answered with dates none of whose weekdays it has: it takes days of the week. */
function weeklyTakesWeekdays(input: string, named: readonly Weekday[], spec: PollSpec): UserError {
  const days = spec.days.type === 'weekly' ? spec.days.weekdays : [];
  const sorted = (ws: readonly number[]) => [...ws].sort((a, b) => a - b).join(',');
  return new UserError('WEEKLY_TAKES_WEEKDAYS', { input, namedWeekdays: sorted(named), pollWeekdays: sorted(days) });
}

/** Days of the week named without a week: "화요일", "평일", "월수금", "Mon/Wed/Fri". */
function weekdaysOf(word: string, today: string): Weekday[] | undefined {
  const plain = parsePlainDays(word, today);
  if (plain?.type === 'weekdays') return plain.weekdays;
  return single(parseWeekdayWord(word));
}

/** Dates a word names: typed dates, or plain-language ones ("next Tuesday"). */
function datesOf(word: string, layout: PollLayout, today: string): string[] | undefined {
  try {
    // Month/day answers mean the poll's dates, so read them relative to the poll's first date.
    const dates = parseDateRange(word, today, dateAnchor(layout, today));
    if (dates) return dates;
  } catch (err) {
    // A weekday that contradicts its date, and a date no month has, say so themselves; other date errors speak of answers.
    if (err instanceof UserError && (err.code === 'WEEKDAY_MISMATCH' || err.code === 'NO_SUCH_DATE')) throw err;
    throw new UserError('BAD_ANSWER', { input: word });
  }
  const plain = parsePlainDays(word, today);
  return plain?.type === 'dates' ? plain.dates : undefined;
}

/** The day month/day answers count from: the poll's first date when it has passed, else today. */
export function dateAnchor(layout: PollLayout, today: string): string {
  const first = layout.days[0]?.date;
  return first && first < today ? first : today;
}

/** Days of the week as the poll's days: time slots match the viewer's own weekday later; floating ones the poll's. */
function weekdayReading(word: string, weekdays: Weekday[], spec: PollSpec, layout: PollLayout): DayReading {
  if (spec.kind === 'time') return { days: [], dates: [], weekdays };
  const days = layout.days.filter((d) => weekdays.includes(d.weekday)).map((d) => d.index);
  if (days.length === 0) throw new UserError('ANSWER_OUTSIDE_POLL', { input: word, of: 'dates', ...pollSpan(spec, layout, spec.timezone) });
  return { days, dates: days.map((d) => layout.days[d]!.date), weekdays };
}

function single(w: Weekday | undefined): Weekday[] | undefined {
  return w === undefined ? undefined : [w];
}

function itemSlots(item: AnswerItem, spec: PollSpec, layout: PollLayout, tz: string): Slot[] {
  if (spec.kind === 'date') {
    if (item.ranges.length || item.blocks.length) return [];
    return layout.slots.filter((s) => item.days.includes(s.day));
  }
  if (spec.kind === 'block') {
    const blocks = item.allDay ? [] : item.blocks;
    return layout.slots.filter((s) => item.days.includes(s.day) && (blocks.length === 0 || blocks.includes(s.block ?? '')));
  }
  // Time polls: match instants in the viewer's zone, so a viewer in another zone types their own clock.
  const localDates = item.weekdays ? sessionDatesOn(item.weekdays, layout, tz) : item.dates;
  if (item.ranges.length === 0 || item.allDay) {
    // A bare date is that poll day's whole session, like the grid's All day (it may run past midnight).
    if (item.days.length && !item.weekdays) return layout.slots.filter((s) => item.days.includes(s.day));
    return layout.slots.filter((s) => s.start !== undefined && localDates.includes(wallClock(s.start, tz).date));
  }
  const out: Slot[] = [];
  for (const date of localDates) {
    for (const range of item.ranges) {
      const span = rangeInstants(date, range, tz);
      if (!span) continue;
      const { from, to } = span;
      for (const s of layout.slots) {
        if (s.start !== undefined && s.end !== undefined && s.start >= from && s.end <= to) out.push(s);
      }
    }
  }
  return out;
}

/** The viewer-local dates on the given weekdays that hold time slots of the poll. */
function sessionDatesOn(weekdays: readonly Weekday[], layout: PollLayout, tz: string): string[] {
  const dates = layout.slots.flatMap((s) => (s.start === undefined ? [] : [wallClock(s.start, tz)])).filter((w) => weekdays.includes(w.weekday));
  return [...new Set(dates.map((w) => w.date))];
}

/**
 * What an item was read as, for the echo: concrete dates (the poll's such days for days of the
 * week, except in a weekly poll), and times with a part of the day clipped to the poll's hours.
 */
function understoodPart(item: AnswerItem, spec: PollSpec, layout: PollLayout, tz: string, hours: DayHours | undefined): UnderstoodPart {
  const wholeDay = item.allDay === true;
  const part: UnderstoodPart = {
    state: item.state,
    dates: item.dates,
    ranges: wholeDay ? [] : item.ranges.map((r) => (r.part && hours && clipTo(r, hours)) || { start: r.start, end: r.end }),
    blocks: wholeDay ? [] : [...new Set(item.blocks)],
  };
  if (spec.days.type === 'weekly' && item.weekdays) return { ...part, dates: [], weekdays: item.weekdays };
  if (item.weekdays) part.dates = spec.kind === 'time' ? sessionDatesOn(item.weekdays, layout, tz) : item.dates;
  return part;
}

/**
 * A part as saved: a part of the day (or an open end) on a date reads back as the slots it marked
 * there, from the first one's start to the last one's end on the viewer's clock, so the echo is
 * what was saved even where the poll's hours fall differently on the viewer's clock ("12/5
 * morning" from New York on a whole-day Seoul poll is 09:00–12:00). Dates whose hours differ are
 * said apart.
 */
function savedParts(part: UnderstoodPart, item: AnswerItem, spec: PollSpec, layout: PollLayout, tz: string): UnderstoodPart[] {
  if (spec.kind !== 'time' || part.weekdays || item.allDay || !item.ranges.some((r) => r.part) || part.dates.length === 0) return [part];
  const byRanges = new Map<string, UnderstoodPart>();
  for (const date of part.dates) {
    const ranges = item.ranges.map((r, k) => (r.part ? markedStretch(date, r, layout, tz) : undefined) ?? part.ranges[k]!);
    const key = ranges.map((r) => `${r.start}-${r.end}`).join(',');
    const group = byRanges.get(key);
    if (group) group.dates.push(date);
    else byRanges.set(key, { ...part, dates: [date], ranges });
  }
  return [...byRanges.values()];
}

/** The viewer-local stretch of a date that a range's marked slots cover, or undefined when it marks none there. */
function markedStretch(date: string, range: TimeRange, layout: PollLayout, tz: string): TimeRange | undefined {
  const span = rangeInstants(date, range, tz);
  if (!span) return undefined;
  const marked = layout.slots.filter((s) => s.start !== undefined && s.end !== undefined && s.start >= span.from && s.end <= span.to);
  if (marked.length === 0) return undefined;
  const from = Math.min(...marked.map((s) => s.start!));
  const to = Math.max(...marked.map((s) => s.end!));
  const end = wallClock(to, tz);
  return { start: wallClock(from, tz).minute, end: end.date > date && end.minute === 0 ? 1440 : end.minute };
}

/**
 * The part of a range within a day's hours, or undefined when it lies wholly outside them. An
 * overnight poll meets the next morning too, a day later on its clock.
 */
function clipTo(range: TimeRange, hours: DayHours): TimeRange | undefined {
  for (const shift of [0, 1440]) {
    const start = Math.max(range.start + shift, hours.start);
    const end = Math.min((range.end > range.start ? range.end : range.end + 1440) + shift, hours.end);
    if (start < end) return { start: start % 1440, end: end % 1440 === 0 ? 1440 : end % 1440 };
  }
  return undefined;
}

/**
 * The instants a typed range spans on a viewer-local date: an end at or before the start is the
 * next day's, and a wall time the clocks skip that day reads an hour later.
 */
function rangeInstants(date: string, range: { start: number; end: number }, tz: string): { from: number; to: number } | undefined {
  const from = zonedInstant(date, range.start, tz) ?? zonedInstant(date, range.start + 60, tz);
  const endDate = range.end > range.start && range.end < 1440 ? date : addDays(date, 1);
  const to = zonedInstant(endDate, range.end % 1440, tz) ?? zonedInstant(endDate, (range.end % 1440) + 60, tz);
  return from === undefined || to === undefined ? undefined : { from, to };
}

/**
 * What an item named beyond the poll: dates or weekdays it does not have, and, in time polls,
 * the stretches of each typed range that no whole slot covers. Mirrors `itemSlots`.
 */
function itemLeftOut(item: AnswerItem, spec: PollSpec, layout: PollLayout, tz: string): LeftOut[] {
  if (item.weekdays) {
    const offered = new Set(
      spec.kind === 'time'
        ? layout.slots.filter((s) => s.start !== undefined).map((s) => wallClock(s.start!, tz).weekday)
        : layout.days.map((d) => d.weekday),
    );
    const missing = item.weekdays.filter((w) => !offered.has(w));
    const out: LeftOut[] = missing.length ? [{ kind: 'weekdays', weekdays: missing }] : [];
    if (spec.kind !== 'time') return out;
    return [...out, ...hoursLeftOut(sessionDatesOn(item.weekdays, layout, tz), item.ranges, layout, tz, spec.timezone)];
  }
  if (spec.kind !== 'time') {
    const offered = new Set(layout.days.map((d) => d.date));
    const missing = item.dates.filter((d) => !offered.has(d));
    return missing.length ? [{ kind: 'dates', dates: missing }] : [];
  }
  // A bare date in a time poll is its poll day's whole session; only dates the poll lacks are left out.
  const sessions = new Set(layout.slots.filter((s) => s.start !== undefined).map((s) => wallClock(s.start!, tz).date));
  const offeredDays = new Set(layout.days.map((d) => d.date));
  const bare = item.ranges.length === 0 || item.allDay === true;
  const missing = item.dates.filter((d) => !(bare && offeredDays.has(d)) && !sessions.has(d));
  const out: LeftOut[] = missing.length ? [{ kind: 'dates', dates: missing }] : [];
  if (bare) return out;
  return [...out, ...hoursLeftOut(item.dates.filter((d) => sessions.has(d)), item.ranges, layout, tz, spec.timezone)];
}

/** The parts of each typed range, on each date, that no slot lies wholly inside. */
function hoursLeftOut(dates: readonly string[], ranges: AnswerItem['ranges'], layout: PollLayout, tz: string, pollTz: string): LeftOut[] {
  const out: LeftOut[] = [];
  for (const date of dates) {
    // A part of the day means its hours within the poll's: nothing of it is left out.
    for (const range of ranges.filter((r) => !r.part)) {
      const span = rangeInstants(date, range, tz);
      if (!span) continue;
      const { from, to } = span;
      const timed = layout.slots.filter((s): s is Slot & { start: number; end: number } => s.start !== undefined && s.end !== undefined);
      const inside = timed.filter((s) => s.start >= from && s.end <= to).sort((a, b) => a.start - b.start);
      let cursor = from;
      const gaps: Array<[number, number]> = [];
      for (const s of inside) {
        if (s.start > cursor) gaps.push([cursor, s.start]);
        cursor = Math.max(cursor, s.end);
      }
      if (cursor < to) gaps.push([cursor, to]);
      for (const [a, b] of gaps) {
        // The second pass of an hour the poll's clocks repeat is offered once, at its first pass,
        // which was marked: it is not left out ("11/7 1-2" on a fall-back day).
        if (secondPass(a, pollTz) && secondPass(b - 60_000, pollTz)) continue;
        // A gap that cuts into a slot is within the hours but short of a whole slot.
        const partial = timed.some((s) => s.start < b && s.end > a);
        out.push({ kind: partial ? 'part-slot' : 'hours', from: a, to: b });
      }
    }
  }
  return out;
}

/** Whether an instant is the second time its zone's clock reads that time that day (the clocks went back). */
function secondPass(instant: number, tz: string): boolean {
  const wall = wallClock(instant, tz);
  const first = zonedInstant(wall.date, wall.minute, tz);
  return first !== undefined && first < instant;
}

/**
 * The stretch of a date's clock that a typed range lies wholly within and that the clocks skip
 * that day (spring forward), as the wall times where the jump starts and ends; else undefined.
 */
function skippedStretch(date: string, range: TimeRange, tz: string): { from: number; to: number } | undefined {
  if (zonedInstant(date, range.start, tz) !== undefined) return undefined;
  let from = range.start;
  while (from > 0 && zonedInstant(date, from - 1, tz) === undefined) from--;
  let to = range.start;
  while (to < 1440 && to - range.start < 240 && zonedInstant(date, to, tz) === undefined) to++;
  const end = range.end > range.start ? range.end : range.end + 1440;
  return end <= to ? { from, to } : undefined;
}

/** A typed range that names only time the viewer's clock skips on a date it names, as the refusal that says so. */
function nonexistentTime(item: AnswerItem, layout: PollLayout, tz: string): UserError | undefined {
  const dates = item.weekdays ? sessionDatesOn(item.weekdays, layout, tz) : item.dates;
  for (const date of dates) {
    for (const range of item.ranges) {
      const skipped = skippedStretch(date, range, tz);
      if (skipped) return new UserError('NONEXISTENT_TIME', { input: item.text, date, from: formatHm(skipped.from), to: formatHm(skipped.to), tz });
    }
  }
  return undefined;
}

/** One entry per kind: dates and weekdays merged, stretches sorted and joined where they touch. */
function mergeLeftOut(list: readonly LeftOut[]): LeftOut[] {
  const out: LeftOut[] = [];
  const dates = [...new Set(list.flatMap((l) => (l.kind === 'dates' ? l.dates : [])))].sort();
  if (dates.length) out.push({ kind: 'dates', dates });
  const weekdays = [...new Set(list.flatMap((l) => (l.kind === 'weekdays' ? l.weekdays : [])))].sort((a, b) => a - b);
  if (weekdays.length) out.push({ kind: 'weekdays', weekdays });
  for (const kind of ['hours', 'part-slot'] as const) {
    const spans = list.flatMap((l) => (l.kind === kind ? [{ from: l.from, to: l.to }] : [])).sort((a, b) => a.from - b.from);
    const joined: Array<{ from: number; to: number }> = [];
    for (const span of spans) {
      const last = joined[joined.length - 1];
      if (last && span.from <= last.to) last.to = Math.max(last.to, span.to);
      else joined.push({ ...span });
    }
    for (const span of joined) out.push({ kind, ...span });
  }
  return out;
}
