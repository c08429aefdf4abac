/**
 * A Web API client per workspace: each call speaks with the bot token of the workspace it is
 * about (one SLACK_BOT_TOKEN, or the installation of that workspace). Clients are kept per
 * token, a cache only: a token that changes (a reinstall) simply gets a new client.
 */
import { webApi } from '@slack/bolt';
import type { WorkspaceTokens } from './installations.js';

/**
 * How long one Web API call may take, its retries included, by default: well inside the 60 s the
 * scheduler gives a send, so a call never outlives the send (and its lease) it belongs to.
 */
export const CALL_BOUND_MS = 30_000;

/**
 * The WebClient's timeout and retry policy for calls bounded by `withinMs`: each attempt may take
 * half of it, retries start only in the first half, and the wait before one is at most a tenth, so
 * the last attempt ends by about withinMs. (A 429's Retry-After wait is the WebClient's own and not
 * counted here.) Only failures Slack cannot have acted on are retried (an HTTP error status, a
 * refused connection): an attempt that timed out or lost its connection may already have posted,
 * and Slack has no key to drop a repeated post by.
 */
export function boundedCalls(withinMs: number): Pick<webApi.WebClientOptions, 'timeout' | 'retryConfig'> {
  // The WebClient hands retryConfig to p-retry whole; its type only lacks p-retry's own hook.
  const retryConfig: NonNullable<webApi.WebClientOptions['retryConfig']> & { onFailedAttempt: (error: Error) => void } = {
    retries: 5,
    factor: 2,
    minTimeout: Math.round(withinMs / 30),
    maxTimeout: Math.round(withinMs / 10),
    maxRetryTime: Math.round(withinMs / 2),
    randomize: true,
    onFailedAttempt: (error) => {
      if (!safeToRetry(error)) throw error;
    },
  };
  return { timeout: Math.round(withinMs / 2), retryConfig };
}

/** Connection errors that happen before a request is sent. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);

function safeToRetry(error: Error): boolean {
  if (error instanceof webApi.WebAPIHTTPError || !(error instanceof webApi.WebAPIRequestError)) return true;
  // fetch wraps the socket's error in `cause`: only a connection never made is known not to have posted.
  const cause = (error.original as { cause?: { code?: unknown } }).cause;
  return typeof cause?.code === 'string' && NOT_SENT.has(cause.code);
}

/** Enough clients for every workspace one instance serves at once; the oldest go first. */
const MAX_CLIENTS = 1000;

export type ClientFor = (workspaceId: string) => Promise<webApi.WebClient>;

export class SlackClients {
  private readonly byToken = new Map<string, webApi.WebClient>();

  constructor(
    private readonly tokens: WorkspaceTokens,
    private readonly options: webApi.WebClientOptions,
  ) {}

  readonly forWorkspace: ClientFor = async (workspaceId) => {
    const token = await this.tokens.tokenFor(workspaceId);
    let client = this.byToken.get(token);
    if (!client) {
      client = new webApi.WebClient(token, this.options);
      this.byToken.set(token, client);
      while (this.byToken.size > MAX_CLIENTS) this.byToken.delete(this.byToken.keys().next().value!);
    }
    return client;
  };
}
