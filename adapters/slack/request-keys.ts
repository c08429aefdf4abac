/**
 * What identifies one Slack delivery, so the engine can refuse a replay of it (Actor.requestKey):
 * - slash commands and interactivity (block_actions, view_submission) are never redelivered by
 *   Slack, so a second request with the same signed body is a replay: the key is a hash of the
 *   raw body (HTTP mode) or the Socket Mode envelope id;
 * - an Events API delivery is keyed by its event_id: Slack's own retries carry a new signature
 *   (and a new envelope) but the same event_id, and acting on them twice is as wrong.
 */
import { createHash } from 'node:crypto';
import type { App, BufferedIncomingMessage, Context } from '@slack/bolt';
import { isReplayedRequest } from '../../src/core/errors.js';
import type { Logger } from '../../src/logger.js';

/** The custom context property the receivers set; Bolt copies it into every listener's context. */
const DELIVERY_KEY = 'yakjeongDeliveryKey';

/** HTTPReceiver's customPropertiesExtractor: the hash of the bytes whose signature Bolt checked. */
export function keyOfSignedBody(req: BufferedIncomingMessage): Record<string, string> {
  return { [DELIVERY_KEY]: `slack:${createHash('sha256').update(req.rawBody).digest('base64url')}` };
}

/** SocketModeReceiver's customPropertiesExtractor: the envelope id, when the client passes it on. */
export function keyOfEnvelope(args: unknown): Record<string, string> {
  const id = typeof args === 'object' && args !== null && 'envelope_id' in args ? args.envelope_id : undefined;
  return typeof id === 'string' && id ? { [DELIVERY_KEY]: `slack:envelope:${id}` } : {};
}

/** The key of the delivery a listener is handling, or undefined when the receiver gave none. */
export function requestKeyOf(body: unknown, context: Context): string | undefined {
  const key: unknown = eventKeyOf(body) ?? context[DELIVERY_KEY];
  return typeof key === 'string' ? key : undefined;
}

/** An Events API delivery's key, from its event_id; undefined for anything else. */
function eventKeyOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || !('event_id' in body)) return undefined;
  return typeof body.event_id === 'string' && body.event_id ? `slack:event:${body.event_id}` : undefined;
}

/**
 * Events are acknowledged by Bolt before any middleware runs; this global middleware claims each
 * event's key first and stops one already seen before a listener acts on it (an uninstall
 * retried after a reinstall must not remove the new installation).
 */
export function dropReplayedEvents(app: App, claim: (requestKey: string) => Promise<void>, logger: Logger): void {
  app.use(async ({ body, context, next }) => {
    const key = eventKeyOf(body);
    if (!key) return next();
    try {
      await claim(key);
    } catch (err) {
      if (!isReplayedRequest(err)) throw err;
      logger.debug({ requestKey: key, retryNum: context.retryNum }, 'replayed Slack event ignored');
      return;
    }
    await next();
  });
}
