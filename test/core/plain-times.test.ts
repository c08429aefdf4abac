/**
 * Plain-language days and times in answers ("다음 주 화요일 저녁", "weekdays after 7pm"): a held-out
 * table of phrases with the answer each means written out in ISO dates and 24-hour times, run
 * for seven "todays" in a row (every weekday, the weekend too); phrases generated from day ×
 * part of day × time in both languages against a small model of their meaning; and the echo,
 * which must read back as the same answer. Every date is counted from the test's today.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layoutPoll } from '../../src/core/domain/slots.js';
import { addDays, todayIn, weekdayOf, zonedInstant } from '../../src/core/domain/time.js';
import type { PollSpec } from '../../src/core/domain/types.js';
import { UserError } from '../../src/core/errors.js';
import { readAnswerText, dateAnchor } from '../../src/core/grammar/answer.js';
import { writeUnderstood } from '../../src/core/grammar/answer-echo.js';
import { buildPollSpec } from '../../src/core/grammar/build-spec.js';
import { parseCommand } from '../../src/core/grammar/command.js';
import { parsePlainDays } from '../../src/core/grammar/plain-days.js';
import { en } from '../../src/core/i18n/en.js';
import { ko } from '../../src/core/i18n/ko.js';
import { errorView } from '../../src/core/views/notices.js';
import { T0, textOf } from '../helpers.js';

const SEOUL = 'Asia/Seoul';
const EN_WD = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const STYLES = { en: { weekdays: en.weekdaysShort, weekdayFirst: true }, ko: { weekdays: ko.weekdaysShort, weekdayFirst: false } };

/** Noon of a date in Seoul: the instant "now" is when today is that date. */
function noonOf(date: string): number {
  return zonedInstant(date, 12 * 60, SEOUL)!;
}

/** Dates and weeks counted from one today. */
class Today {
  constructor(readonly date: string) {}
  /** `n` days from today. */
  d(n: number): string {
    return addDays(this.date, n);
  }
  /** Weekday `w` (0 = Monday) of this week (k = 0) or next week (k = 1). */
  week(k: number, w: number): string {
    return addDays(this.date, 7 * k - weekdayOf(this.date) + w);
  }
  /** The poll's dates: this week's Monday and the twenty days after it. */
  pollDates(): string[] {
    return Array.from({ length: 21 }, (_, i) => this.week(0, i));
  }
  /** The poll's dates on the given weekdays. */
  on(weekdays: readonly number[]): string[] {
    return this.pollDates().filter((d) => weekdays.includes(weekdayOf(d)));
  }
  /** This week's days among `weekdays` from today on (all of them when none are left). */
  thisWeek(weekdays: readonly number[]): string[] {
    const all = weekdays.map((w) => this.week(0, w));
    const ahead = all.filter((d) => d >= this.date);
    return ahead.length ? ahead : all;
  }
}

type Kind = 'time' | 'block' | 'date' | 'weekly';

const specs = new Map<string, { spec: PollSpec; layout: ReturnType<typeof layoutPoll> }>();

/** The poll of a kind on a today, made once. */
function poll(kind: Kind, t: Today): { spec: PollSpec; layout: ReturnType<typeof layoutPoll> } {
  const key = `${kind} ${t.date}`;
  let made = specs.get(key);
  if (!made) {
    const spec = pollSpec(kind, t);
    made = { spec, layout: layoutPoll(spec) };
    specs.set(key, made);
  }
  return made;
}

function pollSpec(kind: Kind, t: Today): PollSpec {
  const dates = `dates:${t.week(0, 0)}..${t.week(0, 20)}`;
  const options = {
    time: `${dates} time:08:00-23:00 slot:1h`,
    block: `${dates} blocks:오전,오후,저녁`,
    date: `${dates} kind:date`,
    weekly: 'dates:mon-sun time:08:00-23:00 slot:1h',
  }[kind];
  const cmd = parseCommand(`/yakjeong create T ${options} tz:${SEOUL}`);
  if (cmd.type !== 'create') throw new Error('not create');
  return buildPollSpec(cmd.options, { now: noonOf(t.date), speakerTimezone: SEOUL });
}

/** An answer read on `today`: its states and its echo. */
function read(kind: Kind, t: Today, answer: string, locale: 'en' | 'ko' = 'en'): { states: string; echo: string } {
  const { spec, layout } = poll(kind, t);
  const got = readAnswerText(answer, spec, layout, SEOUL, noonOf(t.date));
  return { states: got.states, echo: writeUnderstood(got.understood, dateAnchor(layout, t.date), STYLES[locale]) };
}

/** "2026-12-01 18:00-22:00, 2026-12-02 18:00-22:00": each date with the same times. */
function each(dates: readonly string[], rest = ''): string {
  return dates.map((d) => (rest ? `${d} ${rest}` : d)).join(', ');
}

/** The held-out phrases: [phrase, poll kind, the same answer in ISO dates and 24-hour times]. */
const PHRASES: Array<[string, Kind, (t: Today) => string]> = [
  // Korean, time polls (08:00–23:00).
  ['다음 주 화요일 저녁', 'time', (t) => `${t.week(1, 1)} 18:00-22:00`],
  ['이번 주말 오후', 'time', (t) => each(t.thisWeek([5, 6]), '13:00-18:00')],
  ['평일 저녁 7시 이후', 'time', (t) => each(t.on([0, 1, 2, 3, 4]), '19:00-23:00')],
  ['월수금 오전', 'time', (t) => each(t.on([0, 2, 4]), '09:00-12:00')],
  ['내일 점심', 'time', (t) => `${t.d(1)} 12:00-13:00`],
  ['모레 3시~5시', 'time', (t) => `${t.d(2)} 15:00-17:00`],
  ['다음 주 월요일', 'time', (t) => t.week(1, 0)],
  ['다음주 금요일 밤', 'time', (t) => `${t.week(1, 4)} 22:00-23:00`],
  ['이번 주 토요일 오전', 'time', (t) => `${t.week(0, 5)} 09:00-12:00`],
  ['다음 주 평일 저녁', 'time', (t) => each([0, 1, 2, 3, 4].map((w) => t.week(1, w)), '18:00-22:00')],
  ['다음 주말', 'time', (t) => each([t.week(1, 5), t.week(1, 6)])],
  ['오늘 저녁', 'time', (t) => `${t.d(0)} 18:00-22:00`],
  ['내일 오후 2시-4시', 'time', (t) => `${t.d(1)} 14:00-16:00`],
  ['내일 저녁 7시부터 9시까지', 'time', (t) => `${t.d(1)} 19:00-21:00`],
  ['모레 저녁', 'time', (t) => `${t.d(2)} 18:00-22:00`],
  ['다음 주 수요일 오후 3시 이후', 'time', (t) => `${t.week(1, 2)} 15:00-23:00`],
  ['화목 저녁', 'time', (t) => each(t.on([1, 3]), '18:00-22:00')],
  ['주말 오전', 'time', (t) => each(t.on([5, 6]), '09:00-12:00')],
  ['매주 수요일 밤', 'time', (t) => each(t.on([2]), '22:00-23:00')],
  ['다음 주 화요일 9시-11시', 'time', (t) => `${t.week(1, 1)} 21:00-23:00`],
  ['내일 10시-12시', 'time', (t) => `${t.d(1)} 10:00-12:00`],
  ['내일 오전 10시-12시', 'time', (t) => `${t.d(1)} 10:00-12:00`],
  ['다음 주 목요일 저녁 8시 이후', 'time', (t) => `${t.week(1, 3)} 20:00-23:00`],
  ['내일 4시 이전', 'time', (t) => `${t.d(1)} 08:00-16:00`],
  ['이번주 금요일 점심', 'time', (t) => `${t.week(0, 4)} 12:00-13:00`],
  ['다음 주 월-수 저녁', 'time', (t) => each([0, 1, 2].map((w) => t.week(1, w)), '18:00-22:00')],
  ['내일모레 오후', 'time', (t) => `${t.d(2)} 13:00-18:00`],
  ['평일 점심, 주말 저녁', 'time', (t) => `${each(t.on([0, 1, 2, 3, 4]), '12:00-13:00')}, ${each(t.on([5, 6]), '18:00-22:00')}`],
  ['내일 저녁, maybe:모레 저녁', 'time', (t) => `${t.d(1)} 18:00-22:00, maybe:${t.d(2)} 18:00-22:00`],
  ['다음 주 화요일 오후 7시-9시', 'time', (t) => `${t.week(1, 1)} 19:00-21:00`],
  ['월수금 7시-9시', 'time', (t) => each(t.on([0, 2, 4]), '19:00-21:00')],
  ['일요일 오후', 'time', (t) => each(t.on([6]), '13:00-18:00')],
  ['다음주화요일 저녁', 'time', (t) => `${t.week(1, 1)} 18:00-22:00`],
  ['다음 주 금요일 6시 이후', 'time', (t) => `${t.week(1, 4)} 18:00-23:00`],
  // English, time polls.
  ['next Tuesday evening', 'time', (t) => `${t.week(1, 1)} 18:00-22:00`],
  ['weekdays after 7pm', 'time', (t) => each(t.on([0, 1, 2, 3, 4]), '19:00-23:00')],
  ['this weekend', 'time', (t) => each(t.thisWeek([5, 6]))],
  ['Mon/Wed/Fri mornings', 'time', (t) => each(t.on([0, 2, 4]), '09:00-12:00')],
  ['tomorrow 3-5pm', 'time', (t) => `${t.d(1)} 15:00-17:00`],
  ['tomorrow lunch', 'time', (t) => `${t.d(1)} 12:00-13:00`],
  ['next week', 'time', (t) => each([0, 1, 2, 3, 4, 5, 6].map((w) => t.week(1, w)))],
  ['next Friday night', 'time', (t) => `${t.week(1, 4)} 22:00-23:00`],
  ['next weekend afternoon', 'time', (t) => each([t.week(1, 5), t.week(1, 6)], '13:00-18:00')],
  ['this weekend evening', 'time', (t) => each(t.thisWeek([5, 6]), '18:00-22:00')],
  ['weekdays next week evening', 'time', (t) => each([0, 1, 2, 3, 4].map((w) => t.week(1, w)), '18:00-22:00')],
  ['Tuesday this week lunch', 'time', (t) => `${t.week(0, 1)} 12:00-13:00`],
  ['next Monday 9-11', 'time', (t) => `${t.week(1, 0)} 21:00-23:00`],
  ['next Monday 9-11am', 'time', (t) => `${t.week(1, 0)} 09:00-11:00`],
  ['the day after tomorrow 3-5', 'time', (t) => `${t.d(2)} 15:00-17:00`],
  ['Mondays evenings', 'time', (t) => each(t.on([0]), '18:00-22:00')],
  ['tue/thu after 6pm', 'time', (t) => each(t.on([1, 3]), '18:00-23:00')],
  ['weekends morning', 'time', (t) => each(t.on([5, 6]), '09:00-12:00')],
  ['every Wednesday afternoon', 'time', (t) => each(t.on([2]), '13:00-18:00')],
  ['next Thursday after 8', 'time', (t) => `${t.week(1, 3)} 20:00-23:00`],
  ['tomorrow before 4', 'time', (t) => `${t.d(1)} 08:00-16:00`],
  ['next Wednesday 7pm to 9pm', 'time', (t) => `${t.week(1, 2)} 19:00-21:00`],
  ['tomorrow 2pm-4pm, maybe:next Friday evening', 'time', (t) => `${t.d(1)} 14:00-16:00, maybe:${t.week(1, 4)} 18:00-22:00`],
  ['weekdays lunch, weekends evening', 'time', (t) => `${each(t.on([0, 1, 2, 3, 4]), '12:00-13:00')}, ${each(t.on([5, 6]), '18:00-22:00')}`],
  ["next week's Tuesday evening", 'time', (t) => `${t.week(1, 1)} 18:00-22:00`],
  ['next tue evening', 'time', (t) => `${t.week(1, 1)} 18:00-22:00`],
  ['next week Monday 7-9pm', 'time', (t) => `${t.week(1, 0)} 19:00-21:00`],
  ['fri evening, sat afternoon', 'time', (t) => `${each(t.on([4]), '18:00-22:00')}, ${each(t.on([5]), '13:00-18:00')}`],
  ['tomorrow noon-2pm', 'time', (t) => `${t.d(1)} 12:00-14:00`],
  ['tomorrow morning', 'time', (t) => `${t.d(1)} 09:00-12:00`],
  ['Mon-Fri evening', 'time', (t) => each(t.on([0, 1, 2, 3, 4]), '18:00-22:00')],
  ['next week weekdays after 7pm', 'time', (t) => each([0, 1, 2, 3, 4].map((w) => t.week(1, w)), '19:00-23:00')],
  ['today after 9', 'time', (t) => `${t.d(0)} 21:00-23:00`],
  // Days in a list share the time that follows them, and the week said for one of them.
  ['mon wed evening', 'time', (t) => `${each(t.on([0]), '18:00-22:00')}, ${each(t.on([2]), '18:00-22:00')}`],
  ['Tuesday, Thursday 7-9pm', 'time', (t) => `${each(t.on([1]), '19:00-21:00')}, ${each(t.on([3]), '19:00-21:00')}`],
  ['화, 목 저녁', 'time', (t) => `${each(t.on([1]), '18:00-22:00')}, ${each(t.on([3]), '18:00-22:00')}`],
  ['토 일 오후', 'time', (t) => `${each(t.on([5]), '13:00-18:00')}, ${each(t.on([6]), '13:00-18:00')}`],
  ['다음 주 화, 목 저녁', 'time', (t) => `${t.week(1, 1)} 18:00-22:00, ${t.week(1, 3)} 18:00-22:00`],
  ['next tue, thu evening', 'time', (t) => `${t.week(1, 1)} 18:00-22:00, ${t.week(1, 3)} 18:00-22:00`],
  ['tue, thu next week evening', 'time', (t) => `${t.week(1, 1)} 18:00-22:00, ${t.week(1, 3)} 18:00-22:00`],
  ['mon wed 9-11am 2-4pm', 'time', (t) => `${each(t.on([0]), '09:00-11:00 14:00-16:00')}, ${each(t.on([2]), '09:00-11:00 14:00-16:00')}`],
  ['tomorrow, 모레 저녁', 'time', (t) => `${t.d(1)} 18:00-22:00, ${t.d(2)} 18:00-22:00`],
  ['mon 9-11am, wed evening', 'time', (t) => `${each(t.on([0]), '09:00-11:00')}, ${each(t.on([2]), '18:00-22:00')}`],
  ['mon maybe:wed evening', 'time', (t) => `${each(t.on([0]))}, maybe:${each(t.on([2]), '18:00-22:00')}`],
  ['내일 종일, 모레 저녁', 'time', (t) => `${t.d(1)} all day, ${t.d(2)} 18:00-22:00`],
  // A part of the day before a time narrows it, as 저녁 before 7시 does.
  ['weekday evenings after 7', 'time', (t) => each(t.on([0, 1, 2, 3, 4]), '19:00-23:00')],
  ['tomorrow evening 7-9', 'time', (t) => `${t.d(1)} 19:00-21:00`],
  ['tomorrow morning before 11', 'time', (t) => `${t.d(1)} 08:00-11:00`],
  ['tomorrow after 7 before 9', 'time', (t) => `${t.d(1)} 19:00-21:00`],
  ['tomorrow from 7 to 9', 'time', (t) => `${t.d(1)} 19:00-21:00`],
  ['내일 7시 이후 9시 이전', 'time', (t) => `${t.d(1)} 19:00-21:00`],
  // Korean written without spaces: the day and the time apart.
  ['내일저녁', 'time', (t) => `${t.d(1)} 18:00-22:00`],
  ['주말오후', 'time', (t) => each(t.on([5, 6]), '13:00-18:00')],
  ['월수금오전', 'time', (t) => each(t.on([0, 2, 4]), '09:00-12:00')],
  ['평일저녁7시이후', 'time', (t) => each(t.on([0, 1, 2, 3, 4]), '19:00-23:00')],
  ['다음주화요일저녁', 'time', (t) => `${t.week(1, 1)} 18:00-22:00`],
  ['내일오후2시-4시', 'time', (t) => `${t.d(1)} 14:00-16:00`],
  // One time said alone is the meeting that starts then: one slot of this one-hour poll.
  ['tomorrow 7pm', 'time', (t) => `${t.d(1)} 19:00-20:00`],
  ['내일 저녁 7시', 'time', (t) => `${t.d(1)} 19:00-20:00`],
  ['next Tuesday 19:00', 'time', (t) => `${t.week(1, 1)} 19:00-20:00`],
  ['tue 7pm', 'time', (t) => each(t.on([1]), '19:00-20:00')],
  ['화요일 오후 3시', 'time', (t) => each(t.on([1]), '15:00-16:00')],
  ['내일 3시', 'time', (t) => `${t.d(1)} 15:00-16:00`],
  ['tomorrow 9am', 'time', (t) => `${t.d(1)} 09:00-10:00`],
  ['tomorrow noon', 'time', (t) => `${t.d(1)} 12:00-13:00`],
  ['내일저녁7시', 'time', (t) => `${t.d(1)} 19:00-20:00`],
  // "and", 및, 하고, 랑, 와/과 join a list as a comma does.
  ['tue and thu evening', 'time', (t) => `${each(t.on([1]), '18:00-22:00')}, ${each(t.on([3]), '18:00-22:00')}`],
  ['화요일하고 목요일 저녁', 'time', (t) => `${each(t.on([1]), '18:00-22:00')}, ${each(t.on([3]), '18:00-22:00')}`],
  ['화요일이랑 목요일', 'time', (t) => `${each(t.on([1]))}, ${each(t.on([3]))}`],
  ['화 및 목 저녁', 'time', (t) => `${each(t.on([1]), '18:00-22:00')}, ${each(t.on([3]), '18:00-22:00')}`],
  ['월요일과 수요일 오전', 'time', (t) => `${each(t.on([0]), '09:00-12:00')}, ${each(t.on([2]), '09:00-12:00')}`],
  ['내일 오전하고 저녁', 'time', (t) => `${t.d(1)} 09:00-12:00 18:00-22:00`],
  ['next Monday and Wednesday 7-9pm', 'time', (t) => `${t.week(1, 0)} 19:00-21:00, ${t.week(1, 2)} 19:00-21:00`],
  // Tonight is today's evening; a time may come before its day.
  ['tonight', 'time', (t) => `${t.d(0)} 18:00-22:00`],
  ['오늘 밤', 'time', (t) => `${t.d(0)} 18:00-22:00`],
  ['오늘밤', 'time', (t) => `${t.d(0)} 18:00-22:00`],
  ['tomorrow, maybe:tonight', 'time', (t) => `${t.d(1)}, maybe:${t.d(0)} 18:00-22:00`],
  ['evenings this week', 'time', (t) => each(t.thisWeek([0, 1, 2, 3, 4, 5, 6]), '18:00-22:00')],
  ['this week evenings', 'time', (t) => each(t.thisWeek([0, 1, 2, 3, 4, 5, 6]), '18:00-22:00')],
  ['evening tomorrow', 'time', (t) => `${t.d(1)} 18:00-22:00`],
  ['after 7pm next Friday', 'time', (t) => `${t.week(1, 4)} 19:00-23:00`],
  ['저녁 다음 주 화요일', 'time', (t) => `${t.week(1, 1)} 18:00-22:00`],
  // Short forms that mean nothing else.
  ['tmrw evening', 'time', (t) => `${t.d(1)} 18:00-22:00`],
  ['낼 저녁', 'time', (t) => `${t.d(1)} 18:00-22:00`],
  ['담주 화요일 저녁', 'time', (t) => `${t.week(1, 1)} 18:00-22:00`],
  // A day said twice is one answer, echoed once.
  ['thu evening, thu evening', 'time', (t) => each(t.on([3]), '18:00-22:00')],
  ['mon wed evening', 'block', (t) => `${each(t.on([0]), '저녁')}, ${each(t.on([2]), '저녁')}`],
  ['tonight', 'block', (t) => `${t.d(0)} 저녁`],
  ['화요일하고 목요일 저녁', 'block', (t) => `${each(t.on([1]), '저녁')}, ${each(t.on([3]), '저녁')}`],
  // Block polls (오전, 오후, 저녁): parts of the day name the blocks, in either language.
  ['다음 주 화요일 저녁', 'block', (t) => `${t.week(1, 1)} 저녁`],
  ['next Tuesday evening', 'block', (t) => `${t.week(1, 1)} 저녁`],
  ['this weekend afternoon', 'block', (t) => each(t.thisWeek([5, 6]), '오후')],
  ['Mon/Wed/Fri mornings', 'block', (t) => each(t.on([0, 2, 4]), '오전')],
  ['내일 오전 저녁', 'block', (t) => `${t.d(1)} 오전 저녁`],
  // Date polls.
  ['다음 주 평일', 'date', (t) => each([0, 1, 2, 3, 4].map((w) => t.week(1, w)))],
  ['this weekend', 'date', (t) => each(t.thisWeek([5, 6]))],
  ['월수금', 'date', (t) => each(t.on([0, 2, 4]))],
  ['tomorrow, next Friday', 'date', (t) => `${t.d(1)}, ${t.week(1, 4)}`],
  // Weekly polls: dates mean their weekdays.
  ['내일 저녁', 'weekly', (t) => `${EN_WD[weekdayOf(t.d(1))]} 18:00-22:00`],
  ['next Tuesday 7-9pm', 'weekly', () => 'Tue 19:00-21:00'],
  ['평일 저녁 7시 이후', 'weekly', () => 'mon-fri 19:00-23:00'],
  ['주말 3시-5시', 'weekly', () => 'sat-sun 15:00-17:00'],
  ['tonight', 'weekly', (t) => `${EN_WD[weekdayOf(t.d(0))]} 18:00-22:00`],
  ['wed 8pm', 'weekly', () => 'Wed 20:00-21:00'],
];

/** Seven todays in a row from the fixed clock's: each weekday once, Saturday and Sunday among them. */
const TODAYS = Array.from({ length: 7 }, (_, i) => new Today(addDays(todayIn(T0, SEOUL), i)));

describe('plain-language answers: the held-out phrases', () => {
  it('hold more than 60 phrases in both languages, and the todays cover every weekday', () => {
    expect(PHRASES.length).toBeGreaterThanOrEqual(60);
    expect(PHRASES.filter(([p]) => /[가-힣]/.test(p)).length).toBeGreaterThanOrEqual(25);
    expect(PHRASES.filter(([p]) => !/[가-힣]/.test(p)).length).toBeGreaterThanOrEqual(25);
    expect(new Set(TODAYS.map((t) => weekdayOf(t.date)))).toEqual(new Set([0, 1, 2, 3, 4, 5, 6]));
  });

  for (const t of TODAYS) {
    describe(`today ${EN_WD[weekdayOf(t.date)]} (day ${TODAYS.indexOf(t)})`, () => {
      it.each(PHRASES)('%s (%s poll)', (phrase, kind, expected) => {
        const want = read(kind, t, expected(t));
        const got = read(kind, t, phrase);
        expect(want.states).toMatch(/[ym]/);
        expect(got.states).toBe(want.states);
        expect(got.echo).toBe(want.echo);
      });
    });
  }
});

describe('plain-language days', () => {
  it('"next Tuesday" and "다음 주 화요일" are the Tuesday of next week, whatever today is; weeks start on Monday', () => {
    fc.assert(
      fc.property(fc.integer({ min: -4000, max: 4000 }), (offset) => {
        const today = addDays(todayIn(T0, SEOUL), offset);
        const next = parsePlainDays('next Tuesday', today);
        expect(next).toEqual(parsePlainDays('다음 주 화요일', today));
        const [tuesday] = next?.type === 'dates' ? next.dates : [];
        expect(weekdayOf(tuesday!)).toBe(1);
        // Next week's Monday comes after today and at most seven days later.
        const monday = addDays(tuesday!, -1);
        expect(monday > today && monday <= addDays(today, 7)).toBe(true);
      }),
    );
  });

  it('"this weekend" said on a weekend is the current one, from today on; said on a weekday, the coming one', () => {
    fc.assert(
      fc.property(fc.integer({ min: -4000, max: 4000 }), (offset) => {
        const today = addDays(todayIn(T0, SEOUL), offset);
        const got = parsePlainDays('this weekend', today);
        const dates = got?.type === 'dates' ? got.dates : [];
        expect(parsePlainDays('이번 주말', today)).toEqual(got);
        const wd = weekdayOf(today);
        const saturday = addDays(today, 5 - wd);
        const want = wd === 6 ? [today] : [saturday, addDays(saturday, 1)];
        expect(dates).toEqual(want);
      }),
    );
  });

  it('a day of the week without a week stays days of the week for the poll to map', () => {
    const today = todayIn(T0, SEOUL);
    expect(parsePlainDays('화요일', today)).toEqual({ type: 'weekdays', weekdays: [1] });
    expect(parsePlainDays('Mon/Wed/Fri', today)).toEqual({ type: 'weekdays', weekdays: [0, 2, 4] });
    expect(parsePlainDays('next', today)).toBeUndefined();
    expect(parsePlainDays('다음', today)).toBeUndefined();
  });
});

/** Generated phrases: a day, then a time, each with what it means, in either language. */
interface Piece {
  text: string;
}
interface DayPiece extends Piece {
  /** The ISO dates meant, on a today. */
  dates: (t: Today) => string[];
}
interface TimePiece extends Piece {
  /** The 24-hour range meant on the 08:00–23:00 poll, or '' for the whole day. */
  range: string;
}

const weekdayArb = fc.integer({ min: 0, max: 6 });
const KO_WD = ['월', '화', '수', '목', '금', '토', '일'];
const EN_LONG = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

const dayArb: fc.Arbitrary<DayPiece> = fc.oneof(
  fc.constantFrom<DayPiece>(
    { text: '오늘', dates: (t) => [t.d(0)] },
    { text: 'today', dates: (t) => [t.d(0)] },
    { text: '내일', dates: (t) => [t.d(1)] },
    { text: 'tomorrow', dates: (t) => [t.d(1)] },
    { text: '모레', dates: (t) => [t.d(2)] },
    { text: '이번 주말', dates: (t) => t.thisWeek([5, 6]) },
    { text: 'this weekend', dates: (t) => t.thisWeek([5, 6]) },
    { text: '다음 주말', dates: (t) => [t.week(1, 5), t.week(1, 6)] },
    { text: 'next weekend', dates: (t) => [t.week(1, 5), t.week(1, 6)] },
    { text: '평일', dates: (t) => t.on([0, 1, 2, 3, 4]) },
    { text: 'weekdays', dates: (t) => t.on([0, 1, 2, 3, 4]) },
    { text: '다음 주 평일', dates: (t) => [0, 1, 2, 3, 4].map((w) => t.week(1, w)) },
    { text: 'tmrw', dates: (t) => [t.d(1)] },
    { text: '낼', dates: (t) => [t.d(1)] },
  ),
  // Two days joined by a word: each day in the order said.
  fc.uniqueArray(weekdayArb, { minLength: 2, maxLength: 2 }).chain(([a, b]) =>
    fc.constantFrom<DayPiece>(
      { text: `${EN_LONG[a!]} and ${EN_LONG[b!]}`, dates: (t) => [...t.on([a!]), ...t.on([b!])] },
      { text: `${KO_WD[a!]}요일하고 ${KO_WD[b!]}요일`, dates: (t) => [...t.on([a!]), ...t.on([b!])] },
      { text: `${KO_WD[a!]}요일이랑 ${KO_WD[b!]}요일`, dates: (t) => [...t.on([a!]), ...t.on([b!])] },
      { text: `${KO_WD[a!]} 및 ${KO_WD[b!]}`, dates: (t) => [...t.on([a!]), ...t.on([b!])] },
    ),
  ),
  weekdayArb.map((w): DayPiece => ({ text: `다음 주 ${KO_WD[w]}요일`, dates: (t) => [t.week(1, w)] })),
  weekdayArb.map((w): DayPiece => ({ text: `next ${EN_LONG[w]}`, dates: (t) => [t.week(1, w)] })),
  weekdayArb.map((w): DayPiece => ({ text: `${KO_WD[w]}요일`, dates: (t) => t.on([w]) })),
  fc.uniqueArray(weekdayArb, { minLength: 2, maxLength: 3 }).map((ws): DayPiece => {
    const sorted = [...ws].sort((a, b) => a - b);
    return { text: sorted.map((w) => KO_WD[w]).join(''), dates: (t) => t.on(sorted) };
  }),
  fc.uniqueArray(weekdayArb, { minLength: 2, maxLength: 3 }).map((ws): DayPiece => ({ text: ws.map((w) => EN_WD[w]).join('/'), dates: (t) => t.on(ws) })),
);

const PARTS: Array<[string, string, string]> = [
  ['오전', 'morning', '09:00-12:00'],
  ['점심', 'lunch', '12:00-13:00'],
  ['오후', 'afternoon', '13:00-18:00'],
  ['저녁', 'evening', '18:00-22:00'],
  ['밤', 'night', '22:00-23:00'],
];
const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;

const timeArb: fc.Arbitrary<TimePiece> = fc.oneof(
  fc.constant<TimePiece>({ text: '', range: '' }),
  fc.constantFrom(...PARTS).chain(([k, e, range]) => fc.constantFrom<TimePiece>({ text: k, range }, { text: e, range })),
  // A bare range inside the poll's hours both ways is the afternoon's; else the one that fits.
  fc.integer({ min: 1, max: 9 }).chain((h) =>
    fc.constantFrom(`${h}시~${h + 2}시`, `${h}-${h + 2}`).map((text): TimePiece => {
      const pm = h + 12 + 2 <= 23;
      return { text, range: `${hh(pm ? h + 12 : h)}-${hh(pm ? h + 14 : h + 2)}` };
    }),
  ),
  fc.integer({ min: 1, max: 9 }).chain((h) =>
    fc.constantFrom<TimePiece>({ text: `${h}-${h + 2}pm`, range: `${hh(h + 12)}-${hh(h + 14)}` }, { text: `오후 ${h}시-${h + 2}시`, range: `${hh(h + 12)}-${hh(h + 14)}` }),
  ),
  fc.integer({ min: 1, max: 10 }).chain((h) =>
    fc.constantFrom<TimePiece>({ text: `after ${h}pm`, range: `${hh(h + 12)}-23:00` }, { text: `저녁 ${h}시 이후`, range: `${hh(h + 12)}-23:00` }),
  ),
  // One time: the one-hour slot that starts then.
  fc.integer({ min: 1, max: 10 }).chain((h) =>
    fc.constantFrom<TimePiece>(
      { text: `${h}pm`, range: `${hh(h + 12)}-${hh(h + 13)}` },
      { text: `오후 ${h}시`, range: `${hh(h + 12)}-${hh(h + 13)}` },
      { text: `${h + 12}:00`, range: `${hh(h + 12)}-${hh(h + 13)}` },
    ),
  ),
);

/** "오늘 밤", "today night": tonight, which is today's evening, not the night part after 22:00 (as in the table above). */
function tonight(day: DayPiece, time: TimePiece): boolean {
  return /^(오늘|today)$/.test(day.text) && /^(밤|night)$/.test(time.text);
}

const phraseArb = fc.record({ day: dayArb, time: timeArb, today: fc.integer({ min: 0, max: 6 }), locale: fc.constantFrom<'en' | 'ko'>('en', 'ko') });

describe('plain-language answers: generated phrases', () => {
  it('day × part of the day × time, in both languages, read as the model says', () => {
    fc.assert(
      fc.property(phraseArb, ({ day, time, today }) => {
        const t = TODAYS[today]!;
        const phrase = `${day.text} ${time.text}`.trim();
        const expected = each(day.dates(t), tonight(day, time) ? '18:00-22:00' : time.range);
        const got = read('time', t, phrase);
        const want = read('time', t, expected);
        expect(got.states).toBe(want.states);
        expect(got.echo).toBe(want.echo);
      }),
      { numRuns: 120 },
    );
  });

  it('the echo reads back as the same answer: parse(format(parse(p))) = parse(p), in both languages', () => {
    fc.assert(
      fc.property(phraseArb, fc.constantFrom<Kind>('time', 'weekly'), fc.boolean(), ({ day, time, today, locale }, kind, maybe) => {
        const t = TODAYS[today]!;
        const phrase = `${day.text} ${time.text}`.trim();
        const first = read(kind, t, maybe ? `maybe:${phrase}` : phrase, locale);
        const again = read(kind, t, first.echo, locale);
        expect(again).toEqual(first);
      }),
      { numRuns: 120 },
    );
  });

  it('reads the same on any today, across years', () => {
    fc.assert(
      fc.property(fc.integer({ min: -3000, max: 3000 }), fc.constantFrom('next Tuesday evening', '다음 주 화요일 저녁', '이번 주말 오후', 'weekdays after 7pm'), (offset, phrase) => {
        const t = new Today(addDays(todayIn(T0, SEOUL), offset));
        const got = read('time', t, phrase);
        expect(read('time', t, got.echo)).toEqual(got);
        expect(got.states).toMatch(/y/);
      }),
      { numRuns: 40 },
    );
  });
});

describe('plain-language refusals', () => {
  it('an unknown word in a day or time phrase is named, with the accepted forms and an answer from the poll’s own dates', () => {
    const t = TODAYS[0]!;
    const [, m, d] = t.week(0, 0).split('-').map(Number);
    for (const [phrase, word, code, locale] of [
      ['next Tusday evening', 'Tusday', 'UNKNOWN_TIME_WORD', 'en'],
      ['tomorrow evning 7-9pm', 'evning', 'UNKNOWN_TIME_WORD', 'en'],
      ['다음주 펑일 저녁', '펑일', 'UNKNOWN_TIME_WORD', 'ko'],
      // One word after a day reads as a part of the day: the parts this poll has are listed.
      ['다음 주 화요일 저녘', '저녘', 'UNKNOWN_PART_OF_DAY', 'ko'],
    ] as const) {
      let error: unknown;
      try {
        read('time', t, phrase);
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(UserError);
      expect((error as UserError).code).toBe(code);
      const text = textOf(errorView(error as UserError, locale));
      expect(text).toContain(`“${word}”`);
      expect(text).toContain(`${m}/${d} 08:00-10:00`);
    }
  });

  it('a day of the week the poll does not have is refused by name in a date poll', () => {
    const t = TODAYS[0]!;
    const spec = buildPollSpec(
      { title: 'T', dates: `${t.week(1, 0)}..${t.week(1, 4)}`, kind: 'date', tz: SEOUL },
      { now: noonOf(t.date), speakerTimezone: SEOUL },
    );
    expect(() => readAnswerText('주말', spec, layoutPoll(spec), SEOUL, noonOf(t.date))).toThrow(UserError);
  });
});


