/**
 * The one typed-time grammar: every form people write, in answers, pick starts and create's
 * `time:`, on polls whose dates come from the fixed clock T0 (so the suite passes on any day).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layoutPoll } from '../../src/core/domain/slots.js';
import { addDays, formatHm, todayIn, wallClock, weekdayOf } from '../../src/core/domain/time.js';
import type { PollSpec } from '../../src/core/domain/types.js';
import { UserError } from '../../src/core/errors.js';
import { parseAnswerText } from '../../src/core/grammar/answer.js';
import { parseDateRange, parseDateWord } from '../../src/core/grammar/dates.js';
import { buildPollSpec } from '../../src/core/grammar/build-spec.js';
import { parseCommand } from '../../src/core/grammar/command.js';
import { parseTypedClock, parseTypedRange } from '../../src/core/grammar/times.js';
import { errorView } from '../../src/core/views/notices.js';
import { allText, CAPS, createPoll, errorCode, makeKit, T0, textOf, userErrorOf } from '../helpers.js';

const SEOUL = 'Asia/Seoul';
const TODAY = todayIn(T0, SEOUL);
/** The polls' first and second dates, twelve and thirteen days after the fixed "today". */
const DAY1 = addDays(TODAY, 12);
const DAY2 = addDays(TODAY, 13);
const EN_WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const KO_WEEKDAYS = ['월', '화', '수', '목', '금', '토', '일'];

/** "12/8" */
function md(date: string): string {
  const [, m, d] = date.split('-').map(Number);
  return `${m}/${d}`;
}
/** "12월 8일" */
function koDate(date: string): string {
  const [, m, d] = date.split('-').map(Number);
  return `${m}월 ${d}일`;
}
const D1 = md(DAY1);
const D2 = md(DAY2);
const KO1 = KO_WEEKDAYS[weekdayOf(DAY1)]!;
const EN1 = EN_WEEKDAYS[weekdayOf(DAY1)]!;
const WRONG_KO1 = KO_WEEKDAYS[(weekdayOf(DAY1) + 1) % 7]!;

function spec(options: string): PollSpec {
  const cmd = parseCommand(`/yakjeong create T ${options}`);
  if (cmd.type !== 'create') throw new Error('not create');
  return buildPollSpec(cmd.options, { now: T0, speakerTimezone: SEOUL });
}

/** The slots an answer chooses, as "12/8 19:00" (or "12/8 lunch", "12/8"), with m for maybe. */
function chosen(options: string, answer: string, viewerTz = SEOUL): string[] {
  const s = spec(options);
  const layout = layoutPoll(s);
  const states = parseAnswerText(answer, s, layout, viewerTz, T0);
  return layout.slots.flatMap((slot) => {
    const state = states[slot.index];
    if (state === '.') return [];
    const label =
      slot.start !== undefined ? `${md(wallClock(slot.start, viewerTz).date)} ${formatHm(wallClock(slot.start, viewerTz).minute)}` : [md(slot.date), slot.block].filter(Boolean).join(' ');
    return [state === 'm' ? `${label} m` : label];
  });
}

/** The half-hour slot starts from `from` up to (not including) `to` on a date, as `chosen` writes them. */
function halfHours(date: string, from: string, to: string, suffix = ''): string[] {
  const [fh, fm] = from.split(':').map(Number) as [number, number];
  const [th, tm] = to.split(':').map(Number) as [number, number];
  const out: string[] = [];
  for (let m = fh * 60 + fm; m < th * 60 + tm; m += 30) out.push(`${md(date)} ${formatHm(m)}${suffix}`);
  return out;
}

/** A two-day time poll over most of the day, in half hours. */
const WIDE = `dates:${D1}-${D2} time:09:00-24:00 slot:30m tz:${SEOUL}`;

function errorOf(fn: () => unknown): UserError {
  try {
    fn();
  } catch (err) {
    if (err instanceof UserError) return err;
    throw err;
  }
  throw new Error('expected a UserError');
}

describe('typed ranges', () => {
  it.each<[string, string, string]>([
    ['7pm-9pm', '19:00', '21:00'],
    ['7-9pm', '19:00', '21:00'],
    ['7-9am', '07:00', '09:00'],
    ['11-1pm', '11:00', '13:00'],
    ['12-2pm', '12:00', '14:00'],
    ['9-5pm', '09:00', '17:00'],
    ['9-12pm', '09:00', '12:00'],
    ['11am-1', '11:00', '13:00'],
    ['7pm-9', '19:00', '21:00'],
    ['7:30pm-9', '19:30', '21:00'],
    ['10pm-2am', '22:00', '02:00'],
    ['11-1am', '23:00', '01:00'],
    ['12am-2am', '00:00', '02:00'],
    ['7:30 pm - 9 pm', '19:30', '21:00'],
    ['7 p.m.-9 p.m.', '19:00', '21:00'],
    ['19:30-21', '19:30', '21:00'],
    ['9-18', '09:00', '18:00'],
    ['07:00-9pm', '07:00', '21:00'],
    ['20:00-02:00', '20:00', '02:00'],
    ['7pm to 9pm', '19:00', '21:00'],
    ['오후 7시-9시', '19:00', '21:00'],
    ['오후 7시 30분-9시', '19:30', '21:00'],
    ['오후 7시반-9시', '19:30', '21:00'],
    ['오후 7시 반-9시', '19:30', '21:00'],
    ['19시 30분-21시', '19:30', '21:00'],
    ['19시30분~21시', '19:30', '21:00'],
    ['저녁 7시~9시', '19:00', '21:00'],
    ['오전 11시-1시', '11:00', '13:00'],
    ['오후 11시-새벽 1시', '23:00', '01:00'],
    ['밤 11시-1시', '23:00', '01:00'],
    ['낮 12시-2시', '12:00', '14:00'],
    ['오후 7시부터 9시까지', '19:00', '21:00'],
    ['noon-2pm', '12:00', '14:00'],
    ['10pm-midnight', '22:00', '24:00'],
  ])('%s → %s–%s', (input, start, end) => {
    const range = parseTypedRange(input)!;
    expect(range).toBeDefined();
    expect([formatHm(range.start), range.end === 1440 ? '24:00' : formatHm(range.end)]).toEqual([start, end]);
  });

  it.each(['7pm', '13pm', '0am', '오후 13시', '오후 7pm-9pm', '7:61-9', '25-26', '9-9', 'seven-nine'])('%s is not a range', (input) => {
    expect(parseTypedRange(input)).toBeUndefined();
  });

  it('12am and 12pm are midnight and noon', () => {
    expect(parseTypedClock('12am')).toBe(0);
    expect(parseTypedClock('12pm')).toBe(12 * 60);
    expect(parseTypedClock('12:30am')).toBe(30);
    expect(parseTypedClock('오전 12시')).toBe(0);
    expect(parseTypedClock('오후 12시 30분')).toBe(12 * 60 + 30);
  });

  it('a bare start takes the end’s half of the day unless that puts it after the end', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }), fc.constantFrom('am', 'pm'), (a, b, half) => {
        fc.pre(a !== b);
        const range = parseTypedRange(`${a}-${b}${half}`)!;
        const end = ((b % 12) + (half === 'pm' ? 12 : 0)) * 60;
        expect(range.end).toBe(end);
        const same = ((a % 12) + (half === 'pm' ? 12 : 0)) * 60;
        const other = (same + 720) % 1440;
        // The same half when it comes first; otherwise the other ("1-12am" is 13:00 to midnight).
        expect(range.start).toBe(same < end ? same : other);
      }),
    );
  });

  it("create's time: reads the same ranges", () => {
    expect(spec(`dates:${D1} time:7-11pm`).window).toEqual({ start: '19:00', end: '23:00' });
    expect(spec(`dates:${D1} time:오후 6시-10시`).window).toEqual({ start: '18:00', end: '22:00' });
    expect(spec(`dates:${D1} blocks:lunch=12-1pm,dinner=6-9pm`).blocks).toEqual([
      { name: 'lunch', start: '12:00', end: '13:00' },
      { name: 'dinner', start: '18:00', end: '21:00' },
    ]);
  });
});

describe('dates with their weekday', () => {
  it.each([`${D1}(${KO1})`, `${D1} (${EN1})`, `${DAY1}(${KO1})`, `${DAY1}（${KO1}요일）`, `${koDate(DAY1)} (${KO1})`])('%s is the date', (input) => {
    expect(parseDateWord(input, TODAY)).toBe(DAY1);
  });

  it('a range may carry weekdays at both ends', () => {
    expect(parseDateRange(`${DAY1}(${KO1})-${DAY2}(${KO_WEEKDAYS[weekdayOf(DAY2)]})`, TODAY)).toEqual([DAY1, DAY2]);
  });

  it('a weekday that is not the date’s is refused, naming both', () => {
    const err = errorOf(() => parseDateWord(`${D1}(${WRONG_KO1})`, TODAY));
    expect(err.code).toBe('WEEKDAY_MISMATCH');
    expect(err.params).toMatchObject({ date: DAY1, actual: weekdayOf(DAY1), typed: (weekdayOf(DAY1) + 1) % 7 });
    // Create reads dates through the same words.
    expect(errorOf(() => spec(`dates:${D1}(${WRONG_KO1})`)).code).toBe('WEEKDAY_MISMATCH');
  });
});

describe('typed answers choose the slots people meant', () => {
  const evening = halfHours(DAY1, '19:00', '21:00');
  it.each<[string, string[]]>([
    [`${D1} 7pm-9pm`, evening],
    [`${D1} 7-9pm`, evening],
    [`${D1} 11-1pm`, halfHours(DAY1, '11:00', '13:00')],
    [`${D1} 12-2pm`, halfHours(DAY1, '12:00', '14:00')],
    [`${D1} 19:30-21`, halfHours(DAY1, '19:30', '21:00')],
    [`${D1} 오후 7시-9시`, evening],
    [`${D1} 오후 7시 30분-9시`, halfHours(DAY1, '19:30', '21:00')],
    [`${D1} 19시 30분-21시`, halfHours(DAY1, '19:30', '21:00')],
    [`${D1} 저녁 7시~9시`, evening],
    [`${D1} 7pm - 9pm`, evening],
    [`${D1} 7 pm-9 pm`, evening],
    [`${koDate(DAY1)} 오후 7시-9시`, evening],
    [`${koDate(DAY1)} (${KO1}) 저녁 7시~9시`, evening],
    [`${D1}(${KO1}) 7-9pm`, evening],
    [`${D1} (${EN1}) 7-9pm`, evening],
    [`${DAY1}(${KO1}) 7-9pm`, evening],
    [`${D1} all day`, halfHours(DAY1, '09:00', '24:00')],
    [`${D1} 종일`, halfHours(DAY1, '09:00', '24:00')],
    [`${D1} 하루 종일`, halfHours(DAY1, '09:00', '24:00')],
    [`${D1} 오전`, halfHours(DAY1, '09:00', '12:00')],
    [`${D1} morning`, halfHours(DAY1, '09:00', '12:00')],
    [`${D1} 점심`, halfHours(DAY1, '12:00', '13:00')],
    [`${D1} lunch`, halfHours(DAY1, '12:00', '13:00')],
    [`${D1} 오후`, halfHours(DAY1, '13:00', '18:00')],
    [`${D1} afternoon`, halfHours(DAY1, '13:00', '18:00')],
    [`${D1} 저녁`, halfHours(DAY1, '18:00', '22:00')],
    [`${D1} evening`, halfHours(DAY1, '18:00', '22:00')],
    [`${D1} 밤`, halfHours(DAY1, '22:00', '24:00')],
    [`${D1} night`, halfHours(DAY1, '22:00', '24:00')],
    [`${D1} 7-9pm, ${D2} 오전`, [...evening, ...halfHours(DAY2, '09:00', '12:00')]],
    [`${D1} 7-9pm maybe:11-1pm`, [...halfHours(DAY1, '11:00', '13:00', ' m'), ...evening]],
    [`maybe:${D2} 저녁 7시~9시`, halfHours(DAY2, '19:00', '21:00', ' m')],
  ])('%s', (answer, slots) => {
    expect(chosen(WIDE, answer)).toEqual(slots);
  });

  it("parts of the day are clipped to the poll's hours", () => {
    const narrow = `dates:${D1}-${D2} time:10:00-23:00 slot:30m`;
    expect(chosen(narrow, `${D1} morning`)).toEqual(halfHours(DAY1, '10:00', '12:00'));
    expect(chosen(narrow, `${D1} 밤`)).toEqual(halfHours(DAY1, '22:00', '23:00'));
  });

  it('a one-day poll needs no date, and all day alone is that day', () => {
    const oneDay = `dates:${D1} time:18:00-23:00 slot:1h`;
    expect(chosen(oneDay, '7-9pm')).toEqual([`${D1} 19:00`, `${D1} 20:00`]);
    expect(chosen(oneDay, '종일')).toHaveLength(5);
  });

  it("times are the viewer's own: 10am-noon in UTC is 19:00-21:00 in Seoul", () => {
    const s = spec(WIDE);
    const layout = layoutPoll(s);
    const utc = parseAnswerText(`${D1} 10am-noon`, s, layout, 'UTC', T0);
    expect(utc).toBe(parseAnswerText(`${D1} 7-9pm`, s, layout, SEOUL, T0));
    expect(utc).toContain('y');
  });

  it('weekly polls take a weekday with any typed range', () => {
    expect(chosen(`dates:mon-fri time:18:00-22:00 slot:1h`, `${EN_WEEKDAYS[2]} 7-9pm`).map((l) => l.replace(/^\S+ /, ''))).toEqual(['19:00', '20:00']);
    expect(chosen(`dates:월-금 time:18:00-22:00 slot:1h`, `수요일 오후 7시-9시`)).toHaveLength(2);
  });

  it('block polls take block names of several words, and all day', () => {
    const blocks = `dates:${D1}-${D2} blocks:early morning,late night`;
    expect(chosen(blocks, `${D1} early morning, ${D2} 종일`)).toEqual([`${D1} early morning`, `${D2} early morning`, `${D2} late night`]);
    expect(chosen(`dates:${D1}-${D2}`, `${D1}(${KO1}), ${D2}`)).toEqual([D1, D2]);
  });
});

describe('typed answers that are not understood', () => {
  const EXAMPLE = `${D1} 09:00-11:00`;

  it.each<[string, string, string]>([
    // A number alone is no time (with am/pm, 시 or a colon it is: "7pm" is the meeting starting then).
    [`${D1} 7`, 'BAD_ANSWER', '7'],
    [`${D1} 오후 7씨`, 'BAD_ANSWER', '오후 7씨'],
    [`${D1} 오후 7씨-9시, ${D2} 저녁`, 'BAD_ANSWER', '오후 7씨-9시'],
    [`${D1} 7-9pm 8:61-9pm ${D2} 저녁`, 'BAD_ANSWER', '8:61-9pm'],
    [`7-9pm`, 'ANSWER_NEEDS_DAY', '7-9pm'],
    [`저녁, ${D1} 7-9pm`, 'ANSWER_NEEDS_DAY', '저녁'],
    [`${D1} dinner`, 'UNKNOWN_PART_OF_DAY', 'dinner'],
    [`${D1} 새벽`, 'UNKNOWN_PART_OF_DAY', '새벽'],
  ])('%s → %s quoting “%s” with an example from the poll', (answer, code, part) => {
    const err = errorOf(() => chosen(WIDE, answer));
    expect(err.code).toBe(code);
    expect(err.params.input).toBe(part);
    for (const locale of ['en', 'ko'] as const) {
      const text = textOf(errorView(err, locale));
      expect(text).toContain(`“${part}”`);
      expect(text).toContain(`\`${EXAMPLE}\``);
      expect(text).not.toMatch(/undefined|\$\{|2026-12-01/);
    }
    // The example is itself an answer the poll takes.
    expect(chosen(WIDE, EXAMPLE)).toEqual(halfHours(DAY1, '09:00', '11:00'));
  });

  it('the hint lists the parts of the day this poll has, clipped to its hours', () => {
    const err = errorOf(() => chosen(`dates:${D1}-${D2} time:18:00-23:00 slot:1h`, `${D1} dinner`));
    expect(textOf(errorView(err, 'en'))).toContain('This poll has evening 18:00–22:00, night 22:00–23:00.');
    expect(textOf(errorView(err, 'ko'))).toContain('저녁(18:00–22:00), 밤(22:00–23:00)');
    expect(textOf(errorView(err, 'en'))).toContain(`\`${D1} 18:00-20:00\``);
  });

  it('a weekday that is not the date’s names both', () => {
    const err = errorOf(() => chosen(WIDE, `${D1}(${WRONG_KO1}) 7-9pm`));
    expect(err.code).toBe('WEEKDAY_MISMATCH');
    const ko = textOf(errorView(err, 'ko'));
    expect(ko).toContain(`${D1}(${WRONG_KO1})`);
    expect(ko).toContain(`${KO_WEEKDAYS[(weekdayOf(DAY1) + 1) % 7]}요일이 아니라 ${KO1}요일이에요`);
    const long = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
    expect(textOf(errorView(err, 'en'))).toContain(`is a ${long[weekdayOf(DAY1)]}, not a ${long[(weekdayOf(DAY1) + 1) % 7]}`);
  });

  it('weekly and block polls build their examples from their own days', () => {
    const weekly = errorOf(() => chosen(`dates:wed,fri time:19:00-22:00 slot:1h`, 'wed 7'));
    expect(textOf(errorView(weekly, 'en'))).toContain('`Wed 19:00-21:00`');
    expect(textOf(errorView(weekly, 'ko'))).toContain('`수 19:00-21:00`');
    const blocks = errorOf(() => chosen(`dates:${D1}-${D2} blocks:lunch,dinner`, `7pm ${D1}`));
    expect(textOf(errorView(blocks, 'en'))).toContain(`\`${D1} lunch\``);
  });
});

describe('typed times through the engine', () => {
  it('an answer and a pick in Korean, in the viewer’s zone', async () => {
    const kit = makeKit({ locale: 'ko' });
    const code = await createPoll(kit, 'host', `회식 dates:${D1}-${D2} time:18:00-22:00 slot:1h`);
    await kit.engine.runText(kit.actor('민지'), `/yakjeong 응답 ${koDate(DAY1)} (${KO1}) 저녁 7시~9시`, CAPS);
    const poll = (await kit.store.findPollByCode(code))!;
    expect((await kit.store.participant(poll.id, '민지'))!.states).toBe('.yy.....');
    const picked = allText(await kit.engine.runText(kit.actor('host'), `/yakjeong 확정 ${D1}(${KO1}) 오후 7시`, CAPS));
    expect(picked).toContain('시간이 정해졌어요');
    // 19:00 on the first day: the second hour slot.
    expect((await kit.store.findPollByCode(code))!.picked?.firstSlot).toBe(1);
  });

  it('a pick start typed as 7pm, and a wrong weekday refused by name', async () => {
    const kit = makeKit();
    const code = await createPoll(kit, 'host', `Dinner dates:${D1}-${D2} time:18:00-22:00 slot:1h`);
    await kit.engine.runText(kit.actor('host'), `/yakjeong pick ${D2} 8pm`, CAPS);
    // 20:00 on the second day: four hour slots a day, the third of the second.
    expect((await kit.store.findPollByCode(code))!.picked?.firstSlot).toBe(6);
    const err = await userErrorOf(kit.engine.runText(kit.actor('host'), `/yakjeong pick ${D1}(${WRONG_KO1}) 7pm`, CAPS));
    expect(err.code).toBe('WEEKDAY_MISMATCH');
  });
});

describe('any well-formed answer is read or refused, never crashes', () => {
  const clock = fc.oneof(
    fc.tuple(fc.integer({ min: 0, max: 24 }), fc.constantFrom('', ':00', ':30', ':15')).map(([h, m]) => `${h}${m}`),
    fc.tuple(fc.integer({ min: 1, max: 12 }), fc.constantFrom('am', 'pm', ' pm', 'a.m.', ':30pm')).map(([h, m]) => `${h}${m}`),
    fc.tuple(fc.constantFrom('', '오전 ', '오후 ', '저녁 ', '밤 ', '새벽 '), fc.integer({ min: 1, max: 12 }), fc.constantFrom('시', '시 30분', '시반')).map(([p, h, u]) => `${p}${h}${u}`),
    fc.constantFrom('noon', 'midnight', '정오'),
  );
  const range = fc.tuple(clock, fc.constantFrom('-', '~', ' - ', ' to ', '부터 '), clock).map(([a, s, b]) => `${a}${s}${b}`);
  const day = fc.oneof(
    fc.integer({ min: 0, max: 20 }).map((n) => md(addDays(TODAY, n))),
    fc.integer({ min: 0, max: 20 }).map((n) => koDate(addDays(TODAY, n))),
    fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 6 })).map(([n, w]) => `${md(addDays(TODAY, n))}(${KO_WEEKDAYS[w]})`),
    fc.constantFrom('mon', '화', 'today', '내일', '12/40', '2026-02-30'),
  );
  const piece = fc.oneof(day, range, clock, fc.constantFrom('all day', '종일', '하루 종일', '저녁', 'morning', 'lunch', 'dinner', 'maybe:', 'yes:', ',', 'early morning'));
  const answer = fc.array(piece, { minLength: 1, maxLength: 6 }).map((xs) => xs.join(' '));
  const polls = [WIDE, `dates:${D1} time:20:00-02:00 slot:1h`, `dates:mon-fri time:09:00-12:00 slot:30m`, `dates:${D1}-${D2} blocks:early morning,lunch`, `dates:${D1}-${D2}`].map((o) => {
    const s = spec(o);
    return { spec: s, layout: layoutPoll(s) };
  });

  it('returns one state per slot or throws a UserError', () => {
    fc.assert(
      fc.property(answer, fc.integer({ min: 0, max: polls.length - 1 }), fc.constantFrom(SEOUL, 'UTC', 'America/Los_Angeles'), (text, which, tz) => {
        const poll = polls[which]!;
        try {
          expect(parseAnswerText(text, poll.spec, poll.layout, tz, T0)).toHaveLength(poll.layout.slots.length);
        } catch (err) {
          if (!(err instanceof UserError)) throw err;
          for (const locale of ['en', 'ko'] as const) expect(textOf(errorView(err, locale))).not.toMatch(/undefined|NaN/);
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('a time that is shaped like a poll code', () => {
  it('is read as a time when it starts an answer or a pick', () => {
    expect(parseCommand('/yakjeong answer 11am - 1pm')).toEqual({ type: 'answer', spec: '11am - 1pm' });
    expect(parseCommand('/yakjeong answer 10am to noon')).toEqual({ type: 'answer', spec: '10am to noon' });
    expect(parseCommand('/yakjeong pick 1130pm')).toEqual({ type: 'pick', choice: '1130pm' });
    // A real code still leads.
    expect(parseCommand('/yakjeong answer K7Q2 11am - 1pm')).toEqual({ type: 'answer', code: 'K7Q2', spec: '11am - 1pm' });
  });
});

describe('create options written the way people write them', () => {
  it('a length in two words stays one option, and an empty blocks: is refused', async () => {
    const kit = makeKit();
    const code = await createPoll(kit, 'host', `회의 dates:${D1} time:18:00-22:00 duration:1시간 30분`);
    const poll = (await kit.store.findPollByCode(code))!;
    expect(poll.spec.title).toBe('회의');
    expect(poll.spec.durationSlots * (poll.spec.slotMinutes ?? 0)).toBe(90);
    expect(await errorCode(kit.engine.runText(kit.actor('host'), `/yakjeong create x dates:${D1} blocks:`, CAPS))).toBe('BAD_BLOCKS');
  });
});
