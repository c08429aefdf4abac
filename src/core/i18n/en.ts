/** English catalog. The Korean catalog must have exactly these keys (the type checker enforces it). */
import type { ErrorCode } from '../errors.js';
import { ExampleDates } from './example-dates.js';
import { code, joinRich, link, rich, type Rich, type RichInput } from '../views/rich.js';
import { answerExampleText, partsOfDayText } from './grammar-examples.js';

type P = Record<string, string | number>;

const ACTIONS: Record<string, string> = { close: 'close', reopen: 'reopen', delete: 'delete', pick: 'pick the final time of' };
/** The same actions after "the one to …". */
const WHICH_ACTIONS: Record<string, string> = { ...ACTIONS, pick: 'pick the final time for' };
const KINDS: Record<string, string> = { time: 'time poll', block: 'block poll', date: 'date poll' };
const MONTHS_LONG = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS_LONG = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const PART_NAMES: ReadonlyArray<[string, string]> = [
  ['morning', 'morning'],
  ['lunch', 'lunch'],
  ['afternoon', 'afternoon'],
  ['evening', 'evening'],
  ['night', 'night'],
];

/** The participant limit, said the same in the poll message and when the poll is full. */
const participantLimit = (n: number): string => (n === 1 ? 'Only 1 person can take part' : `Up to ${n} people can take part`);

/** "1 hour", "30 minutes", "1 hour 30 minutes". */
function minutesText(n: number): string {
  const h = Math.floor(n / 60);
  const m = n % 60;
  const hours = h === 1 ? '1 hour' : `${h} hours`;
  const minutes = m === 1 ? '1 minute' : `${m} minutes`;
  return h === 0 ? minutes : m === 0 ? hours : `${hours} ${minutes}`;
}

/** Every create option as typed, for the usage text of both languages. */
export const CREATE_OPTIONS_LINE = joinRich(
  ['desc:', 'kind:', 'dates:', 'time:', 'slot:15m|30m|1h|2h', 'blocks:', 'deadline:', 'tz:', 'duration:', 'max:', 'with:@a @b', 'must:@a', 'remind:24h,1h', 'hidden:yes'].map(code),
  ' ',
);

const noOpenPoll = rich`There is no open poll in this channel. Start one with ${code('/yakjeong create')}.`;

/** "@a, @b +2": people named in a sentence. */
const people = (who: readonly RichInput[], more: number): Rich => rich`${joinRich(who, ', ')}${more ? ` +${more}` : ''}`;

/** Example dates from the asker's today, which the engine adds to every error it raises. */
const on = (p: P): ExampleDates => ExampleDates.from(p.today);

/** A parameter holding a list, one item a line (a parameter is one string). */
const lines = (param: string | number | undefined): string[] => String(param ?? '').split('\n').filter(Boolean);

/** " Did you mean “tomorrow”?" when a word was close to one we know; nothing otherwise. */
const didYouMean = (p: P): string => (p.suggestion ? ` Did you mean “${p.suggestion}”?` : '');

/** Weekdays typed in answers, Monday first. */
const EN_TYPED = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** "5,6" (a parameter holds one string) as the names of those weekdays. */
export const weekdayNames = (param: string | number | undefined, names: readonly string[]): string[] =>
  String(param ?? '').split(',').filter(Boolean).map((w) => names[Number(w)]!);

/** "30-minute", "1-hour": a slot size in a sentence. */
const slotWords = (minutes: number): string => (minutes % 60 === 0 ? `${minutes / 60}-hour` : `${minutes}-minute`);

const errors: Record<ErrorCode, (p: P) => string | Rich> = {
  UNKNOWN_SUBCOMMAND: (p) =>
    `I don't know the command “${p.input}”. Try one of: ${p.commands}.`,
  UNKNOWN_OPTION: (p) =>
    `I don't know the option “${p.option}”. The options are: ${p.options}.`,
  DUPLICATE_OPTION: (p) => `The option “${p.option}:” appears twice. Give each option once.`,
  MISSING_TITLE: (p) => rich`A poll needs a title, e.g. ${code(`/yakjeong create Team dinner dates:${on(p).md(0)}-${on(p).md(4)} time:18:00-22:00`)}.`,
  TITLE_TOO_LONG: (p) => `The title is ${p.length} characters long; it can have at most ${p.max}.`,
  DESCRIPTION_TOO_LONG: (p) => `The description is ${p.length} characters long; it can have at most ${p.max}.`,
  BAD_DATE: (p) => `“${p.input}” is not a date. Write ${on(p).iso(0)}, ${on(p).md(0)} or ${on(p).koreanMd(0)}.`,
  BAD_DATE_RANGE: (p) =>
    `“${p.input}” is not a date range: the end must not be before the start. Write ${on(p).iso(0)}..${on(p).iso(4)} or ${on(p).md(0)}-${on(p).md(4)}.`,
  MISSING_DATES: (p) =>
    rich`Which dates? Add ${code(`dates:${on(p).iso(0)}..${on(p).iso(4)}`)}, ${code(`dates:${on(p).md(0)},${on(p).md(2)}`)} or, for a weekly poll, ${code('dates:mon-fri')}.`,
  TOO_MANY_DATES: (p) => `That is ${p.count} dates; a poll can have at most ${p.max}.`,
  BAD_TIME: (p) => `“${p.input}” is not a time. Write it in 24-hour time, like 09:00 or 18:30.`,
  BAD_TIME_RANGE: (p) =>
    p.words
      ? rich`“${p.input}” is not a time range.${didYouMean(p)} Write the hours, like ${code('time:09:00-18:00')}, or a part of the day: ${code('time:morning')} (09–12), ${code('time:lunch')} (12–13), ${code('time:afternoon')} (13–18), ${code('time:evening')} (18–22) or ${code('time:night')} (22–24).`
      : rich`“${p.input}” is not a time range. Write it like ${code('time:09:00-18:00')}.`,
  SAME_TIME_WINDOW: (p) =>
    rich`“${p.input}” starts and ends at the same time (${p.at}). For the 24 hours from then, write the minutes too: ${code(`time:${p.at}-${p.at}`)}; for part of the day, write two different times, like ${code('time:09:00-18:00')}.`,
  MISSING_TIME_RANGE: () => rich`A time poll needs its daily hours, e.g. ${code('time:09:00-18:00')}.`,
  BAD_SLOT: (p) => rich`“${p.input}” is not a slot size. Use ${code('slot:15m')}, ${code('slot:30m')}, ${code('slot:1h')} or ${code('slot:2h')}.`,
  BAD_BLOCKS: (p) =>
    rich`I could not read “${p.input}” as blocks. Write ${code('blocks:morning,afternoon,evening')} or ${code('blocks:lunch=12:00-13:00,dinner=18:00-21:00')}.`,
  BAD_KIND: (p) => rich`“${p.input}” is not a poll kind. Use ${code('kind:time')}, ${code('kind:block')} or ${code('kind:date')}.`,
  OPTION_NOT_FOR_KIND: (p) => `The option “${p.option}:” does not fit a ${KINDS[String(p.kind)] ?? p.kind}.`,
  TOO_MANY_SLOTS: (p) =>
    `That poll would have ${p.count} time slots; it can have at most ${p.max}. Use fewer dates, shorter hours or a longer slot.`,
  NO_SLOTS: () => 'That poll would have no time slots. Check the dates and hours.',
  BAD_TIMEZONE: (p) => `“${p.input}” is not a time zone. Use an IANA name like Asia/Seoul or America/New_York, a city like Seoul, or UTC.`,
  BAD_DEADLINE: (p) =>
    rich`“${p.input}” is not a deadline. Write a date and time, like ${code(`deadline:${on(p).deadline()}`)} (an offset such as ${code('+09:00')} may follow), or how long from now, like ${code('deadline:90m')}, ${code('deadline:24h')} or ${code('deadline:3d')}.`,
  DEADLINE_TOO_FAR: (p) => rich`The deadline “${p.input}” is too far away: it can be at most ${p.days} days from now, like ${code('deadline:30d')}.`,
  DEADLINE_IN_PAST: (p) => `The deadline “${p.input}” has already passed. Choose a time in the future.`,
  BAD_DURATION: (p) => {
    const like = joinRich(lines(p.examples).map(code), ' or ');
    if (p.kind === 'date') return rich`“${p.input}” is not a length for this date poll: give whole days, like ${like}.`;
    if (p.kind === 'block') return rich`“${p.input}” is not a length for this block poll: give a number of blocks, like ${like}.`;
    return rich`“${p.input}” is not a meeting length for this poll: give a whole number of its ${slotWords(Number(p.slotMinutes))} slots, like ${like}.`;
  },
  BAD_MAX: (p) => rich`“${p.input}” is not a participant limit. Use a whole number from 1 to 1000, like ${code('max:8')}.`,
  BAD_USERS: (p) => rich`“${p.input}” is not a list of people. Mention them: ${code('with:@alice @bob')}.`,
  REMIND_TOO_EARLY: (p) =>
    p.example
      ? rich`A reminder ${en.minutes(Number(p.before))} before the deadline comes too early: the deadline is only ${en.minutes(Number(p.left))} from now. Give reminders closer to it, like ${code(`remind:${p.example}`)}.`
      : `A reminder ${en.minutes(Number(p.before))} before the deadline comes too early: the deadline is only ${en.minutes(Number(p.left))} from now, too soon for any reminder. Leave reminders out, or give a later deadline.`,
  REMIND_WITHOUT_DEADLINE: () => rich`Reminders come before a deadline, and this poll has none. Add one, like ${code('deadline:24h remind:1h')}.`,
  BAD_REMIND: (p) => rich`“${p.input}” is not a list of reminders. Reminders need a deadline; say how long before it each one comes, like ${code('remind:24h,1h')}.`,
  BAD_HIDDEN: (p) => rich`“${p.input}” is not yes or no. Write ${code('hidden:yes')} or ${code('hidden:no')}.`,
  BAD_ANSWER: (p) => {
    const example = answerExampleText(p, en.weekdaysShort);
    if (example === undefined) return `I could not read “${p.input}”.`;
    return rich`I could not read “${p.input}”. Write it like ${code(example)} (${code('maybe:')} before the times that work if needed), or ${code('none')} to clear your answer.`;
  },
  ANSWER_OUTSIDE_HOURS: (p) =>
    p.end
      ? `“${p.input}”: ${p.end} is when this poll's hours end (${p.hours}); pick a start before ${p.end}.`
      : `“${p.input}” is outside this poll's hours ${p.hours}.`,
  ANSWER_OUTSIDE_POLL: (p) => `“${p.input}” is not one of this poll's ${p.weekdays !== undefined ? 'days' : p.of === 'dates' ? 'dates' : p.of === 'blocks' ? 'blocks' : 'times'}: ${p.weekdays !== undefined ? weekdayNames(p.weekdays, en.weekdaysShort).join(', ') : p.range}.`,
  POLL_NOT_FOUND: (p) => rich`There is no poll ${p.code} in this channel. ${code('/yakjeong list')} shows this channel's polls.`,
  POLL_UNREADABLE: (p) =>
    rich`Poll ${p.code} could not be read: its stored data is damaged. Its creator or an admin can remove it with ${code(`/yakjeong delete ${p.code}`)}.`,
  NO_OPEN_POLL: () => noOpenPoll,
  POLL_CLOSED: (p) => rich`Poll ${p.code} is closed. Its creator or an admin can reopen it with ${code(`/yakjeong reopen ${p.code}`)}.`,
  POLL_OPEN: (p) => `Poll ${p.code} is already open.`,
  NOTHING_TO_REOPEN: () => rich`No poll in this channel is closed, so there is none to reopen. ${code('/yakjeong list')} shows this channel's polls.`,
  POLL_FULL: (p) => `Poll ${p.code} is full. ${participantLimit(Number(p.max))}.`,
  WHICH_POLL: (p) => {
    const titles = lines(p.titles);
    const each = joinRich(lines(p.commands).map((command, i) => rich`${code(command)} for “${titles[i] ?? ''}”`), ', ');
    const rest = Number(p.more) > 0 ? `, and ${p.more} more (each poll's message shows its code)` : '';
    return rich`Without a code, more than one poll here could be the one to ${WHICH_ACTIONS[String(p.action)] ?? p.action}. Say which: ${each}${rest}.`;
  },
  NOT_ALLOWED: (p) => `Only the poll's creator (${p.creator}) or an admin can ${ACTIONS[String(p.action)] ?? p.action} poll ${p.code}.`,
  BAD_PICK: (p) => {
    const what = p.kind === 'date' ? 'date' : p.kind === 'block' ? 'block' : 'time';
    const starts = lines(p.starts).map(code);
    const head = p.input ? `“${p.input}” is not a choice.` : `Which ${what}?`;
    const from = rich`a start from this poll, like ${joinRich(starts, ', ')}`;
    // Without answers there are no results to number: only starts are offered.
    if (!Number(p.ranked)) return starts.length ? rich`${head} Give ${from}.` : head;
    return rich`${head} Give a result number, like ${code(`pick ${p.code} 1`)}${starts.length ? rich`, or ${from}` : ''}.`;
  },
  RESULTS_HIDDEN: (p) => `The results of poll ${p.code} are hidden until it closes.`,
  BAD_ACTION: () => rich`That button is out of date. Use ${code('/yakjeong results')} or the poll's Respond button instead.`,
  NOT_IN_CHANNEL: () => 'Use this in a server channel, not in a direct message.',
  OPTION_EXTRA_WORDS: (p) =>
    rich`I can't read “${p.input}” after ${code(`${p.option}${p.value}`)}. Put the title first and each option after it, like ${code('/yakjeong create Dinner dates:tomorrow time:evening')}; quote a title that holds a colon.`,
  EXTRA_WORDS: (p) => rich`I did not expect “${p.input}” there. Write ${code(`/yakjeong ${p.command} [CODE]`)}, e.g. ${code(`/yakjeong ${p.command} K7Q2`)}.`,
  DURATION_TOO_LONG: (p) => {
    const n = Number(p.longest);
    if (p.kind === 'date') return `A stay of “${p.input}” does not fit this poll's dates: the most days in a row it has is ${n}.`;
    if (p.kind === 'block') return `A meeting of ${p.input} blocks does not fit any day of this poll: the most blocks in a row it has is ${n}.`;
    return `A meeting of “${p.input}” does not fit in any one day of this poll: the longest it holds is ${en.minutes(n * Number(p.slotMinutes))}. Make it shorter or widen the hours.`;
  },
  DATES_IN_PAST: (p) =>
    p.nextYear === undefined
      ? `All of “${p.input}” is in the past. Choose dates from today on.`
      : rich`All of “${p.input}” has already gone by. Choose dates from today on, or, if you meant next year's, write the year: ${code(String(p.nextYear))}.`,
  TIMES_IN_PAST: (p) => rich`Every time of “${p.input}” has already gone by, and a poll is for times to come. Choose later ones, like ${code(`dates:tomorrow${p.time}`)}.`,
  DATES_START_IN_PAST: (p) =>
    rich`“${p.input}” starts in the past: ${p.past} ${Number(p.count) === 1 ? 'has' : 'have'} gone by, and a poll is for days to come. Start from today: ${code(String(p.dates))}.`,
  // Typed times (grammar/times.ts, grammar/dates.ts).
  WEEKDAY_MISMATCH: (p) => {
    const [y, m, d] = String(p.date).split('-').map(Number) as [number, number, number];
    return `“${p.input}”: ${en.months[m - 1]} ${d}, ${y} is a ${WEEKDAYS_LONG[Number(p.actual)]}, not a ${WEEKDAYS_LONG[Number(p.typed)]}. Check the date or the day.`;
  },
  UNKNOWN_PART_OF_DAY: (p) => {
    const parts = partsOfDayText(p, PART_NAMES);
    const example = answerExampleText(p, en.weekdaysShort) ?? '';
    return rich`“${p.input}” is not a part of the day I know.${didYouMean(p)}${parts ? ` This poll has ${parts}. Or write` : ' Write'} the hours, like ${code(example)}.`;
  },
  UNKNOWN_TIME_WORD: (p) =>
    rich`I don't know the word “${p.word}” in “${p.input}”.${didYouMean(p)} Write days like ${code('tomorrow')}, ${code('next Tuesday')}, ${code('this weekend')}, ${code('weekdays')} or ${code(on(p).md(0))}, and times like ${code('evening')}, ${code('after 7pm')} or ${code('3-5pm')}: for example ${code(answerExampleText(p, en.weekdaysShort) ?? `${on(p).md(0)} evening`)} or ${code('next Tuesday 7-9pm')}.`,
  BACKWARDS_TIME_RANGE: (p) =>
    rich`“${p.input}” ends before it starts. Write the start first, with am/pm or a 24-hour clock: ${code('7am-5pm')}, ${code('19:00-21:00')}, or ${code('22:00-02:00')} for a night; for example ${code(answerExampleText(p, en.weekdaysShort) ?? '12/8 19:00-21:00')}.`,
  EMPTY_TIME_RANGE: (p) =>
    rich`“${p.input}” leaves no time: ${p.same ? 'it starts and ends at the same time' : 'nothing comes before 00:00 or after 24:00'}. Write a time within the day, like ${code('before 4pm')}, ${code('after 7pm')} or ${code(answerExampleText(p, en.weekdaysShort) ?? '12/8 19:00-21:00')}.`,
  NO_SUCH_DATE: (p) =>
    `There is no ${MONTHS_LONG[Number(p.month) - 1]} ${p.mday}${p.year ? `, ${p.year}` : ''} (“${p.input}”): ${MONTHS_LONG[Number(p.month) - 1]} has ${Number(p.month) === 2 && !p.year ? '28 days, 29 in a leap year' : `${p.max} days`}. Check the date.`,
  WEEKLY_TAKES_WEEKDAYS: (p) =>
    rich`This is a weekly poll: it takes days of the week, not dates, and its days are ${weekdayNames(p.pollWeekdays, en.weekdaysShort).join(', ')}. “${p.input}” means ${weekdayNames(p.namedWeekdays, en.weekdaysShort).join(', ')}, which it does not have. Write days of the week, like ${code(weekdayNames(p.namedWeekdays, EN_TYPED).join(' '))} in a poll that has them, or ${code(weekdayNames(p.pollWeekdays, EN_TYPED).slice(0, 2).join(' '))} here.`,
  NONEXISTENT_TIME: (p) =>
    `“${p.input}” does not exist on ${p.date}: in ${p.tz} the clocks jump from ${p.from} to ${p.to} that day, so ${p.from}–${p.to} is missing. Write a time from ${p.to} on.`,
  DATE_POLL_WHOLE_DAYS: (p) =>
    rich`This poll asks for whole days, not times: “${p.input}” is a time. Write just the days, like ${code(answerExampleText(p, en.weekdaysShort) ?? on(p).md(0))}.`,
  ANSWER_NEEDS_DAY: (p) => rich`Which day is “${p.input}”? Put the day first, like ${code(answerExampleText(p, en.weekdaysShort) ?? '')}.`,
  BAD_PAINT: () => 'That change does not fit this poll’s times. Reload the page and try again.',
  TOO_MANY_SAVES: () => 'Too many saves at once. Wait a moment; your last changes will be saved.',
  WEB_UNAVAILABLE: () => 'The big grid is not available here: the bot has no public web address (YAKJEONG_PUBLIC_URL).',
  ALREADY_PICKED: (p) => `That is already the final ${p.kind === 'date' ? 'dates' : 'time'} of “${p.title}” (${p.code}), so it was not announced again.`,
  REOPEN_NEEDS_CODE: (p) =>
    rich`“${p.title}” (${p.code}) has a picked time, and reopening it drops that pick; with other polls open here, say it is this one: ${code(String(p.command))}.`,
  DELETE_NEEDS_CODE: (p) =>
    rich`Poll ${p.code} could not be read (its stored data is damaged), so it is not deleted on a guess. To delete it, name it: ${code(`/yakjeong delete ${p.code}`)}.`,
  REOPEN_NEEDS_DEADLINE: (p) =>
    rich`The deadline of poll ${p.code} has passed, so reopening it needs a new one, like ${code(`/yakjeong reopen ${p.code} deadline:24h`)} or ${code(`deadline:${on(p).deadline()}`)}.`,
  TOO_MANY_PEOPLE: (p) =>
    rich`${code(`${p.option}:`)} names ${p.count} people; one list can name at most ${p.max}. Name fewer, like ${code(`${p.option}:@alice @bob`)}.`,
  OPTION_TOO_LONG: (p) => rich`The option ${code(`${p.option}:`)} is ${p.length} characters long; it can have at most ${p.max}.`,
  ANSWER_TOO_LONG: (p) =>
    rich`Your answer is ${p.length} characters long; an answer can have at most ${p.max}. Write the days and times in short, like ${code('12/1 19:00-21:00, 12/2 evening')}.`,
  COMMAND_TOO_LONG: (p) => rich`That command is ${p.length} characters long; a command can have at most ${p.max}. ${code('/yakjeong help')} shows the short forms.`,
  MISSING_USUAL_WEEK: () =>
    rich`Which days and hours? Write the days first, then the hours, like ${code('/yakjeong usual set mon-fri 19:00-22:00')} or ${code('/yakjeong usual set sat,sun 10-18, mon evening')}.`,
  BAD_USUAL_WEEK: (p) =>
    rich`I couldn't read “${p.input}” as weekdays and hours. Write the days first, then the hours, like ${code('/yakjeong usual set mon-fri 19:00-22:00')} or ${code('/yakjeong usual set sat,sun 10-18, mon evening maybe:fri 22:00-24:00')}.`,
  BAD_ON_OFF: (p) => rich`${p.input ? `“${p.input}” is neither on nor off.` : 'On or off?'} Write ${code(`/yakjeong usual ${p.setting} on`)} or ${code(`/yakjeong usual ${p.setting} off`)}.`,
  USUAL_WEEK_NO_TIMES: (p) =>
    `Poll ${p.code} offers whole days or blocks without hours, so there is no time of day your usual week could fill. Choose with the buttons instead.`,
  BLOCK_NOT_FOUND: () => 'There is nothing to undo here: that change was already undone, or given back when its meeting was re-picked or deleted.',
};

export const en = {
  errors,
  /** Where a stored date or time is past what any date can show. */
  unknownTime: '(date unknown)',
  notSaved: () => 'Sorry, that was not saved: the bot cannot store anything right now (its storage is full). Your earlier answers are safe; the operator has been told. Please try again later.',
  internalError: () => 'Sorry, something went wrong on my side. Your earlier answers are safe; please try again.',
  kind: { time: 'Time poll', block: 'Block poll', date: 'Date poll' } as Record<string, string>,
  weekdaysShort: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
  months: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  /** "Tue, Dec 1" */
  date: (m: number, d: number, wd: string) => `${wd}, ${en.months[m - 1]} ${d}`,
  dateShort: (m: number, d: number) => `${en.months[m - 1]} ${d}`,
  minutes: minutesText,
  days: (n: number) => (n === 1 ? '1 day' : `${n} days`),
  blocksCount: (n: number) => (n === 1 ? '1 block' : `${n} blocks`),
  every: (days: string) => `every ${days}`,
  /** "30-minute slots", "1-hour slots". */
  slotEvery: (minutes: number) => (minutes % 60 === 0 ? `${minutes / 60}-hour slots` : `${minutes}-minute slots`),
  poll: {
    deadline: 'Deadline',
    noDeadline: 'None',
    closed: 'Closed',
    answered: (n: number) => (n === 1 ? '1 person answered' : `${n} people answered`),
    answeredOf: (n: number, of: number) => `${n} of ${of} answered`,
    waitingFor: 'Waiting for',
    nobodyYet: 'Nobody has answered yet. Press Respond to add your times.',
    best: 'Best so far',
    hidden: 'Results stay hidden until the poll closes.',
    length: 'Meeting length',
    hours: 'Hours',
    blocks: 'Blocks',
    zone: 'Time zone',
    required: 'Required',
    max: participantLimit,
    picked: 'Final time',
    code: 'Code',
  },
  buttons: {
    respond: 'Respond',
    results: 'Results',
    close: 'Close',
    closeNow: 'Close now',
    delete: 'Delete',
    keep: 'Keep it',
    reopen: 'Reopen',
    pick: (n: number) => `Pick #${n}`,
    allDay: 'All day',
    allDates: 'All dates',
    clear: 'Clear',
    copy: 'Copy to every day',
    prev: '◀ Previous',
    next: 'Next ▶',
    done: 'Done',
    web: 'Open the big grid',
    fill: '📆 Fill from my usual week',
    save: 'Save',
    cancel: 'Cancel',
    undo: (pollCode: string) => `Undo ${pollCode}`,
  },
  grid: {
    title: (title: string) => `Your answers · ${title}`,
    zone: (tz: string) => rich`Times in your zone, ${tz}. Change it with ${code('/yakjeong tz')}.`,
    legend: 'Click a time to cycle it: ✅ free → 🤔 if needed → ▫️ no.',
    legendDates: 'Click a date to cycle it: ✅ free → 🤔 if needed → ▫️ no.',
    summaryDays: (yes: number, maybe: number) => `✅ free on ${en.days(yes)} · 🤔 ${maybe} if needed`,
    selectLegend: 'Each time you choose in a menu moves one step: ✅ free → 🤔 if needed → ▫️ no.',
    choose: (from: string, to: string) => (from === to ? `Change ${from}` : `Change ${from} – ${to}`),
    page: (n: number, of: number) => `Page ${n} of ${of}`,
    summary: (yes: number, maybe: number) => `✅ ${yes === 1 ? '1 slot' : `${yes} slots`} free · 🤔 ${maybe} if needed`,
    closed: 'This poll is closed: you can see your answers but not change them.',
    webLink: (url: string) => rich`🖌️ ${link(url, 'Open the big grid')}: paint your times by dragging. The link is yours alone; do not share it.`,
  },
  /** The web grid page (adapters/web); plain strings, sent to the browser as they are. */
  web: {
    lang: 'en',
    mine: 'My answer',
    group: 'Group',
    brush: 'Brush',
    brushYes: 'Free',
    brushMaybe: 'If needed',
    paintMode: 'Paint mode',
    paintModeHelp: 'On: dragging paints. Off: dragging scrolls.',
    help: 'Drag across times to mark them; start on a marked time to erase. Keys: arrows move, space paints.',
    saving: 'Saving…',
    saved: 'Saved',
    retrying: 'Not saved yet, trying again…',
    closed: 'This poll is closed: your answers are shown read-only.',
    live: 'Live',
    reconnecting: 'Reconnecting…',
    zone: 'Times in {zone}.',
    zoneOffer: 'Your browser is in {zone}.',
    useZone: 'Use {zone}',
    gridLabel: 'Your availability',
    groupLabel: 'Who is free',
    nobody: 'Nobody yet',
    fill: '📆 Fill from my usual week',
    fillNoWeek: 'Your usual week is empty, so there is nothing to fill from. It is learned from the polls you answer, or set it in the chat with /yakjeong usual set.',
    fillNothing: 'Your usual week has nothing at this poll\'s times, so there is nothing to fill.',
    previewTitle: 'Preview — not saved',
    previewHelp: 'This is your answer filled from your usual week, shown only to you. Nobody sees it and it counts nowhere until you press Save. Painting is off until you Save or Cancel.',
    previewCell: 'preview, not saved',
    save: 'Save',
    cancel: 'Cancel',
    filledSaved: 'Filled from your usual week and saved.',
    previewCancelled: 'Preview cancelled: your answer is as it was.',
    fillFailed: 'Could not reach Yakjeong. Nothing was changed; try again.',
    refused: 'This link is not valid or has expired. Open your grid in the chat again for a fresh link.',
  },
  results: {
    title: (title: string) => `Best times · ${title}`,
    pictureComing: 'Many pictures are being drawn right now: this one follows in a moment.',
    none: 'No answers yet.',
    noWindow: 'No time works yet for the people who answered.',
    everyone: 'Everyone is free',
    fitsAnywhere: (kind: string, length: string, n: number) =>
      kind === 'block'
        ? n === 1
          ? 'Everyone answered these blocks alike: any one of them works.'
          : `Everyone answered these blocks alike: any ${n} blocks in a row work.`
        : `Everyone answered this whole stretch alike: a ${kind === 'date' ? 'trip' : 'meeting'} of ${length} fits anywhere in it.`,
    anyWithin: (length: string) => `any ${length} within`,
    allWhoAnswered: (waiting: number) => `Everyone who answered is free · ${waiting} not yet`,
    most: 'Most are free',
    free: 'Free',
    maybe: 'If needed',
    unavailable: "Can't",
    pending: 'No answer yet',
    requiredMissing: (names: RichInput) => rich`Required people who have not answered yet: ${names}`,
    respondents: (n: number) => (n === 1 ? '1 answer' : `${n} answers`),
    heatmapAlt: (title: string) => `Heatmap of who is free for ${title}`,
    overlayAlt: 'Your answers over the group heatmap',
    hiddenClosedOnly: 'Results are hidden until the poll closes; you see them because you created the poll.',
  },
  lifecycle: {
    created: (who: string) => `${who} started a poll.`,
    closed: (who: string, title: string, code: string) => `${who} closed “${title}” (${code}).`,
    reopened: (who: string, title: string, code: string) => `${who} reopened “${title}” (${code}).`,
    pickDropped: (when: RichInput, _kind: string) => rich`The earlier pick, ${when}, is no longer final.`,
    deleted: (title: string, code: string) => `Deleted “${title}” (${code}).`,
    deleteQuestion: (title: string, code: string, answered: number) =>
      `Delete “${title}” (${code})? ${answered === 0 ? 'Nobody has answered it yet.' : answered === 1 ? 'Its 1 answer goes with it.' : `Its ${answered} answers go with it.`} A deleted poll cannot be brought back.`,
    kept: (title: string, code: string) => `Kept “${title}” (${code}): nothing was deleted.`,
    picked: (title: string, when: RichInput, kind: string) => rich`📌 Final ${kind === 'date' ? 'dates' : 'time'} for “${title}”: ${when}`,
    closedOnTime: (title: string, code: string) => `“${title}” (${code}) closed at its deadline.`,
    closedLate: (title: string, code: string) => `“${title}” (${code}) closed late: its deadline passed while I was offline.`,
    reminderMissing: (title: string, pollCode: string, when: RichInput, people: readonly RichInput[]) =>
      rich`“${title}” (${pollCode}) closes ${when}. Still waiting for ${joinRich(people, ', ')}: press Respond on the poll.`,
    /** The rest of a reminder's list, in a message of its own: part `part` of `parts`. */
    reminderMore: (title: string, pollCode: string, part: number, parts: number, people: readonly RichInput[]) =>
      rich`“${title}” (${pollCode}), reminder ${part} of ${parts}: also still waiting for ${joinRich(people, ', ')}.`,
    reminderCount: (title: string, pollCode: string, when: RichInput, n: number) =>
      rich`“${title}” (${pollCode}) closes ${when}. ${n === 1 ? '1 person has' : `${n} people have`} answered so far.`,
    everyoneAnswered: (title: string, code: string) => `Everyone you expected has answered “${title}” (${code}). Close it now?`,
    addToCalendar: 'Add to Google Calendar',
    pickedNobody: (anyAnswers: boolean, kind: string) =>
      anyAnswers ? `Nobody who answered is free ${kind === 'date' ? 'on those dates' : 'then'}.` : 'Nobody has answered yet.',
  },
  list: {
    title: 'Open polls in this channel',
    none: noOpenPoll,
    item: (code: string, title: string, answered: number) => `${code} · ${title} · ${answered} answered`,
    unreadable: (pollCode: string) => rich`${pollCode} · this poll could not be read (stored data is damaged); ${code(`/yakjeong delete ${pollCode}`)} removes it`,
  },
  history: {
    title: (title: string, code: string) => `Answer history · ${title} (${code})`,
    none: 'No answers yet.',
    cleared: 'cleared',
    more: (n: number) => `…and ${n} more ${n === 1 ? 'change' : 'changes'}`,
    reasons: {
      usualWeek: '(from the usual week)',
      blocked: (code: string) => `(another meeting, ${code}, was picked)`,
      unblocked: (code: string) => `(undone: another meeting, ${code})`,
      released: (code: string) => `(given back: ${code} was re-picked, reopened or deleted)`,
    },
    sources: { text: '(typed)', web: '(on the big grid)' },
  },
  tz: {
    current: (tz: string, source: string) => `Your time zone is ${tz} (${source}).`,
    set: (tz: string) => `Your time zone is now ${tz}. Times you see and type use it.`,
    sources: { saved: 'set by you', platform: 'from your profile', default: 'the default' } as Record<string, string>,
  },
  answerText: {
    /** Said after an answer by text and after the grid's Done button alike. */
    saved: (title: string, code: string) => `Saved your answer to “${title}” (${code}).`,
    understood: (answer: string) => `Understood: ${answer}`,
  },
  /** Issue #13, honest replies: what a reply adds so it never hides what happened. */
  honest: {
    answerCleared: (title: string, code: string) => `Cleared your answer to “${title}” (${code}): you no longer count as answered.`,
    placeFreed: (max: number) => `Your place is free again (the poll takes ${max === 1 ? '1 person' : `${max} people`}).`,
    nothingToClear: (title: string, code: string) => `You have no answer to “${title}” (${code}), so there was nothing to clear.`,
    leftOutHours: (spans: string, hours: string) => `Left out, outside this poll's hours (${hours}): ${spans}.`,
    /** A 24-hour poll: its hours are every hour, so what is left out is outside its days (which start at `from`). */
    leftOutDayLong: (spans: string, from: string, tz: string) => `Left out, outside this poll's days (each from ${from} to ${from} the next day${tz ? `, ${tz}` : ''}): ${spans}.`,
    leftOutPartSlot: (spans: string, slot: string) => `Left out, shorter than a whole slot (${slot}): ${spans}.`,
    leftOutDates: (dates: string, offered: string) => `Left out, not among this poll's dates (${offered}): ${dates}.`,
    leftOutWeekdays: (days: string, offered: string) => `Left out, not among this poll's days (${offered}): ${days}.`,
    pickCannot: (persons: readonly RichInput[], more: number) => rich`${people(persons, more)} cannot make all of the time you picked.`,
    pickNoAnswer: (persons: readonly RichInput[], more: number) => rich`Not answered yet: ${people(persons, more)}.`,
    readForNewest: (open: number, title: string, pollCode: string, example: string) =>
      rich`${open} polls are open in this channel; without a code, this was read for the newest, “${title}” (${pollCode}). To answer another, start with its code: ${code(example)}`,
    wentToNewest: (open: number, title: string, pollCode: string, example: string) =>
      rich`${open} polls are open in this channel; without a code, this went to the newest, “${title}” (${pollCode}). To answer another, start with its code: ${code(example)}`,
  },
  state: { yes: 'free', maybe: 'if needed', no: 'no' } as Record<string, string>,
  /** Issue #16: your usual week, and picked meetings blocking your other polls. */
  usual: {
    title: (tz: string) => `Your usual week · ${tz}`,
    learned: (n: number) =>
      `Learned from your answers to ${n === 1 ? '1 poll' : `${n} polls`} of the last 8 weeks: a time is in it when you were free there in at least 60% of the polls that offered it, newer polls counting more.`,
    byHand: rich`Set by you. ${code('/yakjeong usual clear')} goes back to learning from your answers.`,
    learningOff: rich`Learning from your answers is off. ${code('/yakjeong usual learn on')} starts it again.`,
    empty: rich`Nothing in it yet. It fills in as you answer polls with times, or set it yourself: ${code('/yakjeong usual set mon-fri 19:00-22:00')}`,
    blockOn: rich`When a meeting you are free for is picked, the same time in your other open polls here becomes unavailable, and you get an Undo. ${code('/yakjeong usual block off')} stops it.`,
    blockOff: rich`Picked meetings leave your other polls as they are. ${code('/yakjeong usual block on')} changes that.`,
    onlyYou: 'Only you see this.',
    set: 'Your usual week is set by hand:',
    learnOn: 'Learning from your answers is on: polls you answer from now on teach your usual week.',
    learnOff: 'Learning is off, and what was learned from your answers is deleted.',
    blockOnSet: 'From now on, a picked meeting you are free for marks the same time unavailable in your other open polls here.',
    blockOffSet: 'Picked meetings no longer change your other polls.',
    cleared: 'Your usual week is cleared: what you set and what was learned are gone. It learns again from the polls you answer next.',
    imageAlt: 'Your usual week',
    preview: (title: string, code: string) => `Preview of your answer to “${title}” (${code}) from your usual week. Not saved, and nobody sees it until you press Save.`,
    nothingToFill: (title: string, code: string) => `Your usual week has nothing at the times of “${title}” (${code}), so there is nothing to fill.`,
    filled: (title: string, code: string) => `Filled your answer to “${title}” (${code}) from your usual week.`,
    sameAsNow: 'That is your answer already.',
  },
  blocking: {
    notice: (title: string, code: string) => `“${title}” (${code}) was picked at a time you were free, so the same time is now unavailable in your other open polls:`,
    undoHint: 'Undo gives a poll those times back, wherever you have not changed them since. Only you see this.',
    undone: (title: string, code: string) => `Gave back your times in “${title}” (${code}), wherever you had not changed them since.`,
    undoneNothing: (title: string, code: string) => `Nothing to give back in “${title}” (${code}): you have changed each of those times yourself since.`,
    anotherMeeting: (who: string) => `${who} has another meeting then`,
    anotherMeetingNamed: (who: string, title: string, code: string) => `${who} has another meeting then: “${title}” (${code})`,
  },
  heatmap: {
    answered: (n: number) => `${n} answered`,
    answeredOf: (n: number, of: number) => `${n} of ${of} answered`,
    deadline: 'Deadline',
    closed: 'Closed',
    open: 'Open',
    zone: (tz: string) => `Times in ${tz}`,
    legend: 'People free',
    everyone: 'Everyone',
    respondents: 'Answered',
    notYet: 'Not yet',
    yours: 'Your answers',
    hidden: 'Hidden until the poll closes',
    maybeHalf: 'if needed counts ½',
    best: 'Best times',
    notOffered: 'Not offered',
    yourYes: 'You: free',
    yourMaybe: 'You: if needed',
    free: 'Free',
    ifNeeded: 'If needed',
    month: (y: number, m: number) => `${en.months[m - 1]} ${y}`,
  },
  /** An option where nobody is free for all of it, only "if needed": the results and the heatmap say so. */
  nobodyFree: {
    results: 'nobody is free for all of it, only if needed',
    legend: 'Nobody fully free',
  },
  createUsage: (examples: ExampleDates) =>
    joinRich(
      [
        rich`Create a poll: ${code('/yakjeong create TITLE dates:… [options]')}`,
        rich`Kinds: time (the default when ${code('time:')} is given), block (with ${code('blocks:')}), date (whole days, ${code('kind:date')}).`,
        'Examples:',
        rich`  ${code(`/yakjeong create Team dinner dates:${examples.md(0)}-${examples.md(4)} time:18:00-22:00 slot:1h`)}`,
        rich`  ${code('/yakjeong create 스터디 dates:월-금 time:19:00-23:00 slot:30m duration:2h')}`,
        rich`  ${code(`/yakjeong create Workshop dates:${examples.iso(0)},${examples.iso(2)} blocks:morning,afternoon`)}`,
        rich`  ${code(`/yakjeong create Trip kind:date dates:${examples.iso(0)}..${examples.iso(19)} duration:3d deadline:3d`)}`,
        rich`Options: ${CREATE_OPTIONS_LINE}`,
      ],
      '\n',
    ),
  help: {
    title: 'Yakjeong — find a time that works for everyone',
    footer: (_koreanWords: string) => ["Without a CODE, a command acts on the channel's newest open poll; reopen takes the poll that closed lately, and close, reopen, delete and pick ask which when more than one could be meant."],
  },
};

export type Catalog = typeof en;
