/**
 * The Slack adapter's error boundary. A UserError is the person's own mistake and is shown
 * to them in their language; a Slack refusal to post in a channel gets a Slack-specific hint;
 * anything else is logged with context and answered with a short apology.
 */
import type { Locale } from '../../src/core/domain/types.js';
import { isUserError } from '../../src/core/errors.js';
import { errorView, noticeView } from '../../src/core/views/notices.js';
import type { View } from '../../src/core/views/reply.js';
import type { Logger } from '../../src/logger.js';
import { slackStrings } from './strings.js';

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

export function isChannelRefusal(err: unknown): boolean {
  const code = slackErrorCode(err);
  return code !== undefined && CHANNEL_ERRORS.has(code);
}

/** What the person sees for `err`; logs what they cannot act on. */
export function errorReply(err: unknown, locale: Locale, logger: Logger, context: Record<string, unknown>): View {
  if (isUserError(err)) {
    logger.debug({ code: err.code, ...context }, 'user error');
    return errorView(err, locale);
  }
  if (isChannelRefusal(err)) {
    logger.warn({ slackError: slackErrorCode(err), ...context }, 'Slack refused to post in the channel');
    return noticeView(`⚠️ ${slackStrings(locale).notInChannel}`, 'error');
  }
  logger.error({ err, ...context }, 'Slack handler failed');
  return errorView(err, locale);
}
