/**
 * Slack's Web API errors in the program's own words (DeliveryError): the refusals a person can
 * fix by inviting the bot, the ones no retry cures, and rate limits with their Retry-After.
 */
import { DeliveryError } from '../../src/core/errors.js';

/** The `error` string of a Slack Web API refusal ("not_in_channel"), if that is what `err` is. */
export function slackErrorCode(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  if (!('code' in err) || err.code !== 'slack_webapi_platform_error') return undefined;
  if (!('data' in err) || typeof err.data !== 'object' || err.data === null) return undefined;
  const data = err.data;
  return 'error' in data && typeof data.error === 'string' ? data.error : undefined;
}

/** Refusals that mean "the bot cannot write here", which the person can fix by inviting it. */
const CHANNEL_ERRORS = new Set(['not_in_channel', 'channel_not_found', 'is_archived', 'restricted_action']);

/** Refusals about the app itself: nobody in the channel can fix them, and no retry will. */
const PERMANENT_ERRORS = new Set(['invalid_auth', 'account_inactive', 'token_revoked', 'missing_scope']);

/** The WebClient's rate-limit error (with rejectRateLimitedCalls) carries Retry-After in seconds. */
function retryAfterSeconds(err: unknown): number | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  if (!('code' in err) || err.code !== 'slack_webapi_rate_limited_error') return undefined;
  return 'retryAfter' in err && typeof err.retryAfter === 'number' ? err.retryAfter : undefined;
}

export function classifySlackError(err: unknown): DeliveryError | undefined {
  if (err instanceof DeliveryError) return err;
  const seconds = retryAfterSeconds(err);
  if (seconds !== undefined) return new DeliveryError('rate-limited', { retryAfterMs: seconds * 1000, platformCode: 'ratelimited', cause: err });
  const code = slackErrorCode(err);
  if (code === undefined) return undefined;
  if (CHANNEL_ERRORS.has(code)) return new DeliveryError('refused', { platformCode: code, cause: err });
  if (PERMANENT_ERRORS.has(code)) return new DeliveryError('permanent', { platformCode: code, cause: err });
  return undefined;
}

/** Refusals of the bot token itself. */
const TOKEN_REFUSALS = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired']);

/**
 * A start that Slack refused the bot token for, as one line an operator can act on (Bolt's own
 * error reads "An API error occurred: invalid_auth" under a stack); anything else as it was.
 */
export function startError(err: unknown): unknown {
  const code = slackErrorCode(err);
  if (code === undefined || !TOKEN_REFUSALS.has(code)) return err;
  return new Error(`Slack refused SLACK_BOT_TOKEN (${code}): copy the Bot User OAuth Token (xoxb-…) from your app's OAuth & Permissions page.`, { cause: err });
}

export function isChannelRefusal(err: unknown): boolean {
  return classifySlackError(err)?.kind === 'refused';
}
