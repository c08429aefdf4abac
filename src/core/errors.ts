/**
 * A UserError is safe to show: it carries a stable code (tests and translations key on it)
 * and the parameters the message needs. Anything else that escapes is an internal error.
 */
export const ERROR_CODES = [
  'UNKNOWN_SUBCOMMAND',
  'UNKNOWN_OPTION',
  'DUPLICATE_OPTION',
  'MISSING_TITLE',
  'TITLE_TOO_LONG',
  'DESCRIPTION_TOO_LONG',
  'BAD_DATE',
  'BAD_DATE_RANGE',
  'MISSING_DATES',
  'TOO_MANY_DATES',
  'BAD_TIME',
  'BAD_TIME_RANGE',
  'SAME_TIME_WINDOW',
  'MISSING_TIME_RANGE',
  'BAD_SLOT',
  'BAD_BLOCKS',
  'BAD_KIND',
  'OPTION_NOT_FOR_KIND',
  'TOO_MANY_SLOTS',
  'NO_SLOTS',
  'BAD_TIMEZONE',
  'BAD_DEADLINE',
  'DEADLINE_IN_PAST',
  'DEADLINE_TOO_FAR',
  'BAD_DURATION',
  'BAD_MAX',
  'BAD_USERS',
  'BAD_REMIND',
  'REMIND_WITHOUT_DEADLINE',
  // A reminder as long before the deadline as the deadline is away, or longer: it would go out with the poll, or never.
  'REMIND_TOO_EARLY',
  'BAD_HIDDEN',
  'BAD_ANSWER',
  'ANSWER_OUTSIDE_POLL',
  'ANSWER_OUTSIDE_HOURS',
  'POLL_NOT_FOUND',
  'POLL_UNREADABLE',
  'NO_OPEN_POLL',
  'POLL_CLOSED',
  'POLL_OPEN',
  'POLL_FULL',
  'NOT_ALLOWED',
  'BAD_PICK',
  'RESULTS_HIDDEN',
  'BAD_ACTION',
  'NOT_IN_CHANNEL',
  'EXTRA_WORDS',
  // A word after a create option's value that the option cannot read (it used to join the title).
  'OPTION_EXTRA_WORDS',
  'DATES_IN_PAST',
  // Dates of a new poll that start before today: the past days are named, and the rest offered.
  'DATES_START_IN_PAST',
  'DURATION_TOO_LONG',
  // Typed times: a weekday that is not the date's, a block-like word in a time poll, a time with no day.
  'WEEKDAY_MISMATCH',
  'UNKNOWN_PART_OF_DAY',
  'ANSWER_NEEDS_DAY',
  // Plain-language days and times: a word in the phrase that is none of them ("next Tusday").
  'UNKNOWN_TIME_WORD',
  // A typed time that cannot be: an end before its start ("7-5"), an open end that leaves nothing ("before 0").
  'BACKWARDS_TIME_RANGE',
  'EMPTY_TIME_RANGE',
  // A date that no calendar has ("2/30"), named with the month's length.
  'NO_SUCH_DATE',
  // A weekly poll answered with dates it cannot place among its days of the week ("this weekend" in a Mon–Fri poll).
  'WEEKLY_TAKES_WEEKDAYS',
  // A time the clocks skip that day (spring forward), named with the hour that is missing.
  'NONEXISTENT_TIME',
  'DATE_POLL_WHOLE_DAYS',
  'REOPEN_NEEDS_DEADLINE',
  // Caps on typed text (grammar/bounds.ts).
  'TOO_MANY_PEOPLE',
  'OPTION_TOO_LONG',
  'ANSWER_TOO_LONG',
  'COMMAND_TOO_LONG',
  // The web grid: a change of slots that does not fit the poll, or too many saves at once.
  'BAD_PAINT',
  'TOO_MANY_SAVES',
  // A person asked for their web link where no address for it is configured.
  'WEB_UNAVAILABLE',
  // Your usual week: hours typed by hand that do not read, on/off that is neither, a poll with no times of day to fill.
  'BAD_USUAL_WEEK',
  // "usual set" with nothing after it.
  'MISSING_USUAL_WEEK',
  'BAD_ON_OFF',
  'USUAL_WEEK_NO_TIMES',
  // An Undo for another meeting's change that is not the person's, or already undone or released.
  'BLOCK_NOT_FOUND',
  // close, reopen, delete or pick without a code when more than one poll could be meant: which one is asked, not guessed.
  'WHICH_POLL',
  // reopen without a code in a channel whose polls are all open: nothing is closed to reopen.
  'NOTHING_TO_REOPEN',
  // reopen without a code whose only closed poll has a picked time: reopening drops the pick, so the code is asked for.
  'REOPEN_NEEDS_CODE',
  // delete without a code whose only poll is damaged: it cannot be shown in a question, so it goes only when named.
  'DELETE_NEEDS_CODE',
  // A new poll whose every time has already gone by ("dates:today time:morning" typed at night).
  'TIMES_IN_PAST',
  // A pick of the time the poll already has (a Pick button pressed twice): announced once, not again.
  'ALREADY_PICKED',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export type ErrorParams = Record<string, string | number>;

/** An answer without a code went to the newest of several open polls, by a rule the person may not know. */
export interface NewestOfSeveral {
  open: number;
  title: string;
  code: string;
  /** The command that reaches another of them. */
  example: string;
}

export class UserError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;
  /** Set on a refused answer without a code: the refusal says which poll it was read against. */
  newestOf?: NewestOfSeveral;

  constructor(code: ErrorCode, params: ErrorParams = {}) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = 'UserError';
    this.code = code;
    this.params = params;
  }
}

export function isUserError(err: unknown): err is UserError {
  return err instanceof UserError;
}

/** What the stores' engines call a full disk (SQLite's SQLITE_FULL, PostgreSQL's 53100 disk_full): nothing new can be saved. */
const STORAGE_FULL_CODES: ReadonlySet<string> = new Set(['SQLITE_FULL', '53100']);

export function isStorageFull(err: unknown): boolean {
  return typeof err === 'object' && err !== null && 'code' in err && STORAGE_FULL_CODES.has(String(err.code));
}

/** What kind of "no" a platform said to a message the bot tried to deliver. */
export type DeliveryFailure = 'refused' | 'rate-limited' | 'permanent';

const DELIVERY_CODES = {
  refused: 'DELIVERY_REFUSED',
  'rate-limited': 'DELIVERY_RATE_LIMITED',
  permanent: 'DELIVERY_PERMANENT',
} as const satisfies Record<DeliveryFailure, string>;

export type DeliveryErrorCode = (typeof DELIVERY_CODES)[DeliveryFailure];

export interface DeliveryErrorOptions {
  /** How long the platform asked to wait (rate-limited). */
  retryAfterMs?: number;
  /** The platform's own error name or number ("not_in_channel", "50013"), for logs. */
  platformCode?: string;
  cause?: unknown;
}

/**
 * A platform's refusal in words the rest of the program can act on without knowing the platform:
 * `refused`, the bot may not write in that channel (someone there can fix it, a retry cannot);
 * `rate-limited`, try again after `retryAfterMs`; `permanent`, no retry will ever succeed (a
 * revoked token, a deleted channel). Adapters translate their SDK's errors into this; anything
 * they cannot classify stays as it was and counts as transient.
 */
export class DeliveryError extends Error {
  readonly kind: DeliveryFailure;
  readonly code: DeliveryErrorCode;
  readonly retryAfterMs: number | undefined;
  readonly platformCode: string | undefined;

  constructor(kind: DeliveryFailure, options: DeliveryErrorOptions = {}) {
    const detail = options.platformCode ? ` (${options.platformCode})` : '';
    super(`${DELIVERY_CODES[kind]}${detail}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DeliveryError';
    this.kind = kind;
    this.code = DELIVERY_CODES[kind];
    this.retryAfterMs = options.retryAfterMs;
    this.platformCode = options.platformCode;
  }
}

export function isDeliveryError(err: unknown, kind?: DeliveryFailure): err is DeliveryError {
  return err instanceof DeliveryError && (kind === undefined || err.kind === kind);
}

/**
 * A request that was already acted on came again (a replayed signed request): the store changed
 * nothing. Not shown to anyone: the first delivery already answered.
 */
export class ReplayedRequest extends Error {
  readonly code = 'REPLAYED';

  constructor(readonly key: string) {
    super(`REPLAYED ${key}`);
    this.name = 'ReplayedRequest';
  }
}

export function isReplayedRequest(err: unknown): err is ReplayedRequest {
  return err instanceof ReplayedRequest;
}
