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
  'BAD_DURATION',
  'BAD_MAX',
  'BAD_USERS',
  'BAD_REMIND',
  'BAD_HIDDEN',
  'BAD_ANSWER',
  'ANSWER_OUTSIDE_POLL',
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
  'DATES_IN_PAST',
  'DURATION_TOO_LONG',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export type ErrorParams = Record<string, string | number>;

export class UserError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;

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
