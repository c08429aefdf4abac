/**
 * The gateway transport: the real discord.js client (Guilds intent only) receives
 * INTERACTION_CREATE; the raw payload goes to the shared handler, so the gateway and the
 * HTTP endpoint answer identically. discord.js's own interaction objects are not used.
 */
import { Client, Events, GatewayDispatchEvents, GatewayIntentBits } from 'discord.js';
import { InteractionType, type APIInteraction } from 'discord-api-types/v10';
import type { Logger } from '../../src/logger.js';
import { REST_BOUNDS } from './api.js';

export interface GatewayOptions {
  token: string;
  apiUrl?: string;
  logger: Logger;
  onInteraction: (interaction: APIInteraction) => void;
}

export async function connectGateway(options: GatewayOptions): Promise<Client> {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { ...REST_BOUNDS, ...(options.apiUrl ? { api: options.apiUrl } : {}) },
  });
  client.ws.on(GatewayDispatchEvents.InteractionCreate, (data: unknown) => {
    if (isInteraction(data)) options.onInteraction(data);
    else options.logger.warn('ignored a malformed INTERACTION_CREATE');
  });
  client.on(Events.Error, (err) => options.logger.error({ err }, 'discord client error'));
  client.on(Events.ShardDisconnect, (event, shardId) => options.logger.warn({ code: event.code, shardId }, 'discord gateway disconnected'));
  client.on(Events.ShardResume, (shardId) => options.logger.info({ shardId }, 'discord gateway resumed'));
  client.once(Events.ClientReady, (ready) => options.logger.info({ user: ready.user.tag }, 'discord gateway ready'));
  try {
    await client.login(options.token);
  } catch (err) {
    await client.destroy();
    throw err;
  }
  return client;
}

const INTERACTION_TYPES = new Set<number>(Object.values(InteractionType).filter((v): v is number => typeof v === 'number'));

/** Enough of a shape check that the handler can trust the discriminant and the token. */
export function isInteraction(data: unknown): data is APIInteraction {
  if (typeof data !== 'object' || data === null) return false;
  const record = data as Record<string, unknown>;
  return (
    typeof record.id === 'string' &&
    typeof record.token === 'string' &&
    typeof record.application_id === 'string' &&
    typeof record.type === 'number' &&
    INTERACTION_TYPES.has(record.type)
  );
}
