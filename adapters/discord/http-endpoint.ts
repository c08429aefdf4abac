/**
 * POST /discord/interactions: Discord's HTTP interactions transport. The signature is checked
 * over the raw bytes before anything is parsed; the initial response is this request's body.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { InteractionResponseType, InteractionType } from 'discord-api-types/v10';
import { realTimeForReplayChecks } from '../../src/infra/clock.js';
import { readBody, type RouteHandler } from '../../src/infra/http/http-server.js';
import type { Logger } from '../../src/logger.js';
import { isInteraction } from './gateway.js';
import type { InteractionHandler } from './handler.js';
import { HttpResponder } from './responder.js';
import { publicKeyFromHex, verifyDiscordSignature } from './signature.js';

export const INTERACTIONS_PATH = '/discord/interactions';

export interface InteractionsEndpointOptions {
  publicKey: string;
  handler: InteractionHandler;
  logger: Logger;
  /** False after stop(): the shared HTTP server keeps running, this route answers 503. */
  isRunning: () => boolean;
  /** Real time (ms) for refusing replays: Discord's clock, not the domain clock. Tests move it. */
  realNow?: () => number;
}

/** A signed request older or newer than this is refused, so a captured one cannot be replayed later. */
export const MAX_TIMESTAMP_SKEW_MS = 5 * 60_000;

export function interactionsEndpoint(options: InteractionsEndpointOptions): RouteHandler {
  const key = publicKeyFromHex(options.publicKey);
  const now = options.realNow ?? realTimeForReplayChecks;
  return async (req: IncomingMessage, res: ServerResponse) => {
    if (!options.isRunning()) return send(res, 503, { error: 'not running' });
    let body: Buffer;
    try {
      body = await readBody(req, 1_000_000);
    } catch {
      return send(res, 413, { error: 'too large' });
    }
    const signature = header(req, 'x-signature-ed25519');
    const timestamp = header(req, 'x-signature-timestamp');
    if (!verifyDiscordSignature(key, timestamp, body, signature)) {
      return send(res, 401, { error: 'invalid request signature' });
    }
    if (!isFresh(timestamp, now())) return send(res, 401, { error: 'stale request timestamp' });
    let payload: unknown;
    try {
      payload = JSON.parse(body.toString('utf8'));
    } catch {
      return send(res, 400, { error: 'bad json' });
    }
    if (!isInteraction(payload)) return send(res, 400, { error: 'not an interaction' });
    if (payload.type === InteractionType.Ping) return send(res, 200, { type: InteractionResponseType.Pong });
    const responder = new HttpResponder(res);
    await options.handler.handle(payload, responder);
    if (!responder.replied) {
      options.logger.error({ interactionId: payload.id }, 'interaction handled without a response');
      send(res, 500, { error: 'no response' });
    }
  };
}

/** X-Signature-Timestamp is Unix seconds; within MAX_TIMESTAMP_SKEW_MS of now either way. */
function isFresh(timestamp: string | undefined, now: number): boolean {
  if (!timestamp || !/^\d{1,12}$/.test(timestamp)) return false;
  return Math.abs(now - Number(timestamp) * 1000) <= MAX_TIMESTAMP_SKEW_MS;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
