/**
 * JavaScript's built-in property names typed as words: `constructor`, `__proto__`, `toString`…
 * A lookup table that is a plain object answers them with a function or a prototype instead of
 * "no such word". Generated lines run through the text grammar and its readers (commands, create
 * options, answers, typed times, pick choices, deadlines, zones) and generated ids through the
 * button codec, each twice: with a built-in name, and with the same word's letters replaced by
 * `q` (an ordinary unknown word of the same shape). Nothing but a UserError may escape, and both
 * readings must end the same way: the same error code, or both accepted. A catch-all that turns
 * crashes into one generic error would still differ from the ordinary word's specific code.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeAction } from '../../src/core/actions.js';
import type { Command } from '../../src/core/commands/builtin.js';
import { layoutPoll, type PollLayout } from '../../src/core/domain/slots.js';
import { canonicalTimezone, todayIn } from '../../src/core/domain/time.js';
import type { Poll } from '../../src/core/domain/types.js';
import { isUserError } from '../../src/core/errors.js';
import { buildPollSpec, parseDeadline } from '../../src/core/grammar/build-spec.js';
import { parseCommand } from '../../src/core/grammar/command.js';
import { readAnswerText } from '../../src/core/grammar/answer.js';
import { choosePick } from '../../src/core/grammar/pick-choice.js';
import { isAllDay, parsePartOfDay, parseTypedClock, parseTypedRange } from '../../src/core/grammar/times.js';
import { parseDateList, parseWeekdays } from '../../src/core/grammar/dates.js';
import { parseBlocks, parseDurationMinutes, parseUsers } from '../../src/core/grammar/values.js';
import { T0 } from '../helpers.js';

const BUILTIN_NAMES = [
  'constructor',
  '__proto__',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
  'prototype',
  'call',
  'apply',
  'bind',
  'name',
  'caller',
  'arguments',
  'then',
] as const;

/** The placeholder a generated line carries where the name goes. */
const HOLE = '§';

/** The ordinary word of the same shape: letters become q, so length, case and punctuation stay. */
const ordinary = (name: string): string => name.replace(/[A-Za-z]/g, 'q');

const NOW = T0;
const ZONE = 'Asia/Seoul';

const spec = (options: Record<string, string>) => buildPollSpec(options, { now: NOW, speakerTimezone: ZONE });
const poll = (code: string, options: Record<string, string>): { poll: Poll; layout: PollLayout } => {
  const s = spec(options);
  const p: Poll = { id: 1, code, channel: { platform: 'console', workspaceId: 'w', channelId: 'c' }, creator: { id: 'a', name: 'a' }, spec: s, status: 'open', createdAt: NOW, version: 1 };
  return { poll: p, layout: layoutPoll(s) };
};
/** One poll of each kind the answer and pick readers read against. */
const POLLS = [
  poll('K7Q2', { title: 'Dinner', dates: '12/1-12/3', time: '18:00-22:00', slot: '1h' }),
  poll('B3LK', { title: 'Lunch', dates: '12/1,12/2', blocks: 'lunch,dinner=18-21' }),
  poll('D4TE', { title: 'Trip', kind: 'date', dates: '12/1-12/10' }),
  poll('W5EK', { title: 'Weekly', dates: 'mon-fri', time: '9-12' }),
];

/** How a line ends: "ok" or the error code. Anything but a UserError fails the property. */
function outcome(run: () => unknown): string {
  try {
    const value = run();
    return value === undefined ? 'none' : 'ok';
  } catch (err) {
    if (!isUserError(err)) throw err;
    return err.code;
  }
}

/** A whole command line as the engine would take it, through to the reader of its arguments. */
function commandOutcome(line: string, which: number): string {
  return outcome(() => {
    const command: Command = parseCommand(line);
    const { poll: p, layout } = POLLS[which % POLLS.length]!;
    switch (command.type) {
      case 'create':
        return buildPollSpec(command.options, { now: NOW, speakerTimezone: ZONE });
      case 'answer':
        return readAnswerText(command.spec, p.spec, layout, ZONE, NOW);
      case 'pick':
        return choosePick({ poll: p, layout, participants: [], text: command.choice, tz: ZONE, today: todayIn(NOW, ZONE), now: NOW });
      case 'reopen':
        return command.deadline === undefined ? 'ok' : parseDeadline(command.deadline, ZONE, NOW, todayIn(NOW, ZONE));
      case 'tz':
        return command.zone === undefined ? 'ok' : canonicalTimezone(command.zone);
      default:
        return command;
    }
  });
}

/** The smaller readers on their own, each with the word somewhere in its input. */
function readerOutcomes(text: string): string {
  const today = todayIn(NOW, ZONE);
  const readers: Array<() => unknown> = [
    () => parseTypedRange(text),
    () => parseTypedClock(text),
    () => parsePartOfDay(text),
    () => (isAllDay(text) ? true : undefined),
    () => parseDateList(text, today),
    () => parseWeekdays(text),
    () => parseDurationMinutes(text),
    () => parseUsers(text),
    () => parseBlocks(text),
    () => canonicalTimezone(text),
    () => parseDeadline(text, ZONE, NOW, today),
  ];
  return readers.map((read) => outcome(read)).join(',');
}

const HEADS = ['create', 'new', '만들기', 'answer', '응답', 'respond', 'results', 'list', 'close', 'reopen', 'delete', 'pick', '확정', 'tz', '시간대', 'history', 'help', HOLE, `/yakjeong ${HOLE}`];

/** Pieces of lines: options, dates, times and answers as people write them, some holding the name. */
const PIECES = [
  HOLE, `${HOLE}:`, `${HOLE}:x`, `kind:${HOLE}`, `tz:${HOLE}`, `dates:${HOLE}`, `dates:12/1,${HOLE}`, `time:${HOLE}`, `time:${HOLE}-9pm`,
  `slot:${HOLE}`, `blocks:${HOLE}`, `blocks:${HOLE}=9-12`, `blocks:a,${HOLE}`, `deadline:${HOLE}`, `duration:${HOLE}`, `max:${HOLE}`,
  `with:@${HOLE}`, `must:<@${HOLE}>`, `with:<@U1|${HOLE}>`, `remind:${HOLE}`, `hidden:${HOLE}`, `desc:${HOLE}`, `title:${HOLE}`,
  `"${HOLE}"`, `“${HOLE} x”`, `12/${HOLE}`, `${HOLE} 19:00-21:00`, `12/1 ${HOLE}`, `12/2 ${HOLE}-9pm`, `maybe:${HOLE}`, `yes:${HOLE}`,
  `12/1(${HOLE})`, `${HOLE}pm`, `${HOLE}시`, `오후 ${HOLE}`, `12월 ${HOLE}일`, `${HOLE}-fri`, `#${HOLE}`, `${HOLE}번`, `y1:K7Q2:${HOLE}`,
  'Team', 'dates:12/1-12/3', 'time:18:00-22:00', 'slot:1h', 'kind:date', 'kind:block', 'blocks:lunch,dinner', 'deadline:24h', 'remind:1h',
  'with:@ann @bob', '12/1', '12/2 7-9pm', '12/3 19:00-21:00', '오후 7시-9시', 'all day', '종일', 'none', 'evening', '저녁', 'lunch', 'dinner',
  'mon-fri', 'mon', '월', 'K7Q2', 'B3LK', '1', '#2', '2026-12-01 14:00', '12/1 18:00', 'maybe:', ',', '-', 'to', '부터', '까지',
];

const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...PIECES) },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }).map((s) => s.replaceAll(HOLE, '')) },
);

/** A line with at least one hole, the name that goes in it, and which poll its answer is for. */
const line = fc.record({
  head: fc.constantFrom(...HEADS),
  pieces: fc.array(piece, { maxLength: 7 }),
  at: fc.nat(),
  name: fc.constantFrom(...BUILTIN_NAMES),
  upper: fc.boolean(),
  which: fc.nat(),
});

/** Fills the line's holes (adding one if none): the name, and its ordinary twin. */
function fill(l: { head: string; pieces: string[]; at: number; name: string; upper: boolean }): [string, string] {
  const pieces = [...l.pieces];
  if (!l.head.includes(HOLE) && !pieces.some((p) => p.includes(HOLE))) pieces.splice(l.at % (pieces.length + 1), 0, HOLE);
  const text = [l.head, ...pieces].join(' ');
  const name = l.upper ? l.name.toUpperCase() : l.name;
  return [text.replaceAll(HOLE, name), text.replaceAll(HOLE, ordinary(name))];
}

/**
 * Runs a property `total` times, split into tests of `chunk` runs (each test has its own time
 * limit; the grammar takes about 0.1 ms a line, so 25,000 runs of a pair take a few seconds).
 */
function propertyRuns<T>(title: string, arbitrary: fc.Arbitrary<T>, check: (value: T) => void, total: number, chunk: number): void {
  for (let done = 0, part = 1; done < total; done += chunk, part++) {
    it(`${title} (${part} of ${Math.ceil(total / chunk)})`, () => {
      fc.assert(fc.property(arbitrary, check), { numRuns: Math.min(chunk, total - done) });
    });
  }
}

describe('built-in property names are ordinary unknown words', () => {
  propertyRuns(
    'in command lines, through the grammar and the reader of each command',
    line,
    (l) => {
      const [named, plain] = fill(l);
      expect(commandOutcome(named, l.which), named).toBe(commandOutcome(plain, l.which));
    },
    100_000,
    25_000,
  );

  const answer = fc.record({ pieces: fc.array(piece, { minLength: 1, maxLength: 6 }), at: fc.nat(), name: fc.constantFrom(...BUILTIN_NAMES), upper: fc.boolean(), which: fc.nat() });
  propertyRuns(
    'in answers of every poll kind, read on their own',
    answer,
    (a) => {
      const [named, plain] = fill({ ...a, head: '' });
      const { poll: p, layout } = POLLS[a.which % POLLS.length]!;
      const read = (text: string) => outcome(() => readAnswerText(text, p.spec, layout, ZONE, NOW));
      expect(read(named), named).toBe(read(plain));
    },
    60_000,
    // A line here takes ~0.5 ms (four poll kinds, every word tried): 15,000 a test keeps each well inside its time limit.
    15_000,
  );

  const words = fc.record({ pieces: fc.array(piece, { maxLength: 3 }), at: fc.nat(), name: fc.constantFrom(...BUILTIN_NAMES), upper: fc.boolean() });
  propertyRuns(
    'in the time, date, people, block, zone and deadline readers',
    words,
    (w) => {
      const [named, plain] = fill({ ...w, head: '' });
      expect(readerOutcomes(named.trim()), named).toBe(readerOutcomes(plain.trim()));
    },
    40_000,
    20_000,
  );

  const part = fc.oneof(fc.constantFrom('y1', 'K7Q2', 'set', 'page', 'pick', 'respond', 'y', 'm', 'n', '3', '0', HOLE, `${HOLE}1`), fc.string({ maxLength: 4 }));
  const id = fc.record({ parts: fc.array(part, { minLength: 1, maxLength: 6 }), at: fc.nat(), name: fc.constantFrom(...BUILTIN_NAMES), upper: fc.boolean() });
  propertyRuns(
    'in button ids, through the codec',
    id,
    (i) => {
      const parts = i.parts.map((p) => p.replaceAll(':', ''));
      if (!parts.some((p) => p.includes(HOLE))) parts.splice(i.at % (parts.length + 1), 0, HOLE);
      const text = parts.join(':');
      const name = i.upper ? i.name.toUpperCase() : i.name;
      // A code-shaped name ("call1") is a code like its twin ("qqqq1"): compare with the hole put back in the code.
      const decode = (from: string) => {
        const action = decodeAction(text.replaceAll(HOLE, from));
        return action ? { ...action, code: action.code.replaceAll(from, HOLE) } : null;
      };
      expect(decode(name)).toEqual(decode(ordinary(name)));
    },
    40_000,
    40_000,
  );

  it('a verb named by a built-in word never decodes, while a real verb does', () => {
    expect(decodeAction('y1:K7Q2:set:3:y')).toEqual({ verb: 'set', code: 'K7Q2', slot: 3, state: 'yes' });
    for (const name of BUILTIN_NAMES) expect(decodeAction(`y1:K7Q2:${name}`)).toBeUndefined();
    expect(commandOutcome('create Dinner kind:constructor dates:12/1', 0)).toBe('BAD_KIND');
    expect(commandOutcome('create Dinner tz:valueOf dates:12/1', 0)).toBe('BAD_TIMEZONE');
    expect(commandOutcome('create Dinner constructor: dates:12/1', 0)).toBe('UNKNOWN_OPTION');
    expect(commandOutcome('__proto__', 0)).toBe('UNKNOWN_SUBCOMMAND');
  });
});
