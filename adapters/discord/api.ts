/**
 * The few Discord REST calls Yakjeong makes, on @discordjs/rest (which queues per route and
 * waits out 429s). Interaction callbacks and webhooks authenticate by the interaction token,
 * so they work without a bot token (HTTP-only mode); channel messages need the bot token.
 */
import { createHash } from 'node:crypto';
import { DiscordAPIError, RateLimitError, REST, type RawFile } from '@discordjs/rest';
import { Routes, type APIInteractionResponse, type RESTPostAPIGuildScheduledEventJSONBody } from 'discord-api-types/v10';
import { DeliveryError } from '../../src/core/errors.js';
import type { MessageBody } from './render.js';

/** What Yakjeong needs back from a created or edited message. */
export interface MessageRef {
  id: string;
  channelId: string;
}

/** Discord error codes that mean "this interaction can no longer be answered". */
export const ALREADY_ACKNOWLEDGED = 40060;
export const UNKNOWN_INTERACTION = 10062;

export function discordErrorCode(err: unknown): number | undefined {
  return err instanceof DiscordAPIError && typeof err.code === 'number' ? err.code : undefined;
}

/** 50001 Missing Access, 50013 Missing Permissions. */
const MISSING_ACCESS = 50001;
const MISSING_PERMISSIONS = 50013;

/**
 * Discord's errors in the program's own words. A refusal (403: the bot cannot see the channel,
 * or lacks Send Messages, Embed Links or Attach Files) is for someone with Manage Channels to
 * fix; other 4xx answers will never succeed (408 and 429 are worth another try); a rate limit
 * surfaces only when @discordjs/rest is told not to wait it out itself.
 */
export function classifyDiscordError(err: unknown): DeliveryError | undefined {
  if (err instanceof DeliveryError) return err;
  if (err instanceof RateLimitError) return new DeliveryError('rate-limited', { retryAfterMs: err.retryAfter, platformCode: '429', cause: err });
  if (!(err instanceof DiscordAPIError)) return undefined;
  const platformCode = String(err.code);
  if (err.status === 403 || err.code === MISSING_ACCESS || err.code === MISSING_PERMISSIONS) return new DeliveryError('refused', { platformCode, cause: err });
  if (err.status === 429) return new DeliveryError('rate-limited', { platformCode, cause: err });
  if (err.status >= 400 && err.status < 500 && err.status !== 408) return new DeliveryError('permanent', { platformCode, cause: err });
  return undefined;
}

export interface DiscordApiOptions {
  applicationId: string;
  token?: string;
  /** REST base such as https://discord.com/api (tests point it at a fake). */
  apiUrl?: string;
}

/**
 * @discordjs/rest's own retries (of 5xx answers and timeouts) and per-attempt timeout: three
 * attempts of at most 10 s each, so one call ends well inside the 60 s the scheduler gives a send.
 */
export const REST_BOUNDS = { retries: 2, timeout: 10_000 } as const;

/** Discord keeps a message nonce at most this long. */
const MAX_NONCE = 25;

/**
 * The nonce of part `part` of a scheduled post: the same on every attempt at it, so with
 * `enforce_nonce` Discord returns the first message instead of posting it again.
 */
export function scheduledNonce(deliveryKey: string, part: number): string {
  const nonce = `${deliveryKey}.${part}`;
  // Keys are short ("yj123"); a longer one is hashed rather than cut, so two never collide by truncation.
  return nonce.length <= MAX_NONCE ? nonce : createHash('sha256').update(nonce).digest('base64url').slice(0, MAX_NONCE);
}

export function createRest(options: Pick<DiscordApiOptions, 'token' | 'apiUrl'>): REST {
  const rest = new REST({ version: '10', ...REST_BOUNDS, ...(options.apiUrl ? { api: options.apiUrl } : {}) });
  if (options.token) rest.setToken(options.token);
  return rest;
}

export class DiscordApi {
  readonly rest: REST;
  readonly applicationId: string;
  readonly hasBotToken: boolean;

  constructor(options: DiscordApiOptions) {
    this.rest = createRest(options);
    this.applicationId = options.applicationId;
    this.hasBotToken = Boolean(options.token);
  }

  /**
   * Fails start-up with a message an operator can act on when Discord refuses the bot token
   * (in HTTP-only mode nothing else would use it before the first poll message edit).
   */
  async checkBotToken(): Promise<void> {
    try {
      await this.rest.get(Routes.user('@me'));
    } catch (err) {
      if (err instanceof DiscordAPIError && err.status === 401) {
        throw new Error('Discord refused DISCORD_TOKEN (401): copy a fresh bot token from the developer portal (Bot → Reset Token).');
      }
      throw err;
    }
  }

  /** The initial response to an interaction (gateway transport). */
  async callback(interactionId: string, token: string, response: APIInteractionResponse): Promise<void> {
    await this.rest.post(Routes.interactionCallback(interactionId, token), { body: response, auth: false });
  }

  async editOriginal(token: string, body: MessageBody, files: RawFile[] = []): Promise<MessageRef> {
    const message = await this.rest.patch(Routes.webhookMessage(this.applicationId, token, '@original'), {
      body,
      files,
      auth: false,
    });
    return messageRef(message);
  }

  async deleteOriginal(token: string): Promise<void> {
    await this.rest.delete(Routes.webhookMessage(this.applicationId, token, '@original'), { auth: false });
  }

  /** A follow-up message; Discord always returns the created message for interaction webhooks. */
  async followUp(token: string, body: MessageBody, files: RawFile[] = []): Promise<MessageRef> {
    const message = await this.rest.post(Routes.webhook(this.applicationId, token), { body, files, auth: false });
    return messageRef(message);
  }

  /** `signal` stops the call, also while it waits in @discordjs/rest's queue. */
  async createMessage(channelId: string, body: MessageBody, files: RawFile[] = [], signal?: AbortSignal): Promise<MessageRef> {
    return messageRef(await this.rest.post(Routes.channelMessages(channelId), { body, files, ...(signal ? { signal } : {}) }));
  }

  /** The bot's DM channel with a person (POST /users/@me/channels; needs the bot token). */
  async directChannel(userId: string): Promise<string> {
    return idOf(await this.rest.post(Routes.userChannels(), { body: { recipient_id: userId } }));
  }

  /** A guild scheduled event; returns its id. */
  async createScheduledEvent(guildId: string, body: RESTPostAPIGuildScheduledEventJSONBody): Promise<string> {
    return idOf(await this.rest.post(Routes.guildScheduledEvents(guildId), { body }));
  }

  async editScheduledEvent(guildId: string, eventId: string, body: RESTPostAPIGuildScheduledEventJSONBody): Promise<string> {
    return idOf(await this.rest.patch(Routes.guildScheduledEvent(guildId, eventId), { body }));
  }

  async editMessage(channelId: string, messageId: string, body: MessageBody, files: RawFile[] = []): Promise<MessageRef> {
    return messageRef(await this.rest.patch(Routes.channelMessage(channelId, messageId), { body, files }));
  }
}

function idOf(value: unknown): string {
  if (typeof value === 'object' && value !== null && 'id' in value && typeof value.id === 'string') return value.id;
  throw new Error('Discord returned no id where one was expected');
}

function messageRef(value: unknown): MessageRef {
  if (typeof value === 'object' && value !== null && 'id' in value && 'channel_id' in value) {
    const { id, channel_id: channelId } = value;
    if (typeof id === 'string' && typeof channelId === 'string') return { id, channelId };
  }
  throw new Error('Discord returned no message where one was expected');
}

/** "channelId:messageId", the form stored as a poll's messageRef. */
export function formatMessageRef(ref: MessageRef): string {
  return `${ref.channelId}:${ref.id}`;
}

export function parseMessageRef(text: string | undefined): MessageRef | undefined {
  const m = /^(\d+):(\d+)$/.exec(text ?? '');
  return m ? { channelId: m[1]!, id: m[2]! } : undefined;
}
