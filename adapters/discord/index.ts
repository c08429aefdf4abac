/**
 * The Discord adapter: slash commands, buttons and the create form over the HTTP interactions
 * endpoint (public key) or the gateway (bot token), both feeding one handler. Everything else
 * (poll message edits, notices, server events) is REST with the bot token, so an HTTP-only
 * instance opens no gateway connection and any number of them can run side by side.
 */
import type { Client } from 'discord.js';
import type { DiscordConfig } from '../../src/config.js';
import type { Engine } from '../../src/core/engine.js';
import type { Clock, EditPacing, PollStore, SharedRecords } from '../../src/core/ports.js';
import type { HttpServer } from '../../src/infra/http/http-server.js';
import type { Logger } from '../../src/logger.js';
import type { Metrics } from '../../src/infra/metrics/metrics.js';
import type { ChatAdapter } from '../shared/chat-adapter.js';
import { DiscordApi } from './api.js';
import { DiscordEvents } from './events.js';
import { FollowUps } from '../shared/follow-ups.js';
import { connectGateway } from './gateway.js';
import { InteractionHandler } from './handler.js';
import { INTERACTIONS_PATH, interactionsEndpoint } from './http-endpoint.js';
import { DiscordPollMessages, REFRESH_INTERVAL_MS } from './notifier.js';
import { editGate } from '../shared/coalescer.js';
import { RestResponder } from './responder.js';

export { commandDefinitions, COMMAND_NAME } from './commands.js';
export { DISCORD_CAPABILITIES } from './handler.js';
export { INTERACTIONS_PATH } from './http-endpoint.js';

export interface DiscordAdapterOptions {
  engine: Engine;
  config: DiscordConfig;
  logger: Logger;
  /** The shared server; needed for the interactions endpoint (config.publicKey). */
  http?: HttpServer;
  /** Lets code autocomplete list the channel's open polls. */
  store?: Pick<PollStore, 'listPolls'>;
  /** Poll message edit coalescing; tests shorten it. */
  refreshIntervalMs?: number;
  /** Domain time: whether a picked meeting is still ahead (server events). */
  clock: Clock;
  /** Where the ids of server events made for picks are kept, seen by every instance. */
  records: SharedRecords;
  /** Paces poll-message edits with the other instances on the same store (PostgreSQL); none alone. */
  editPacing?: EditPacing;
  /** Interactions by outcome and acknowledgement latency. */
  metrics?: Metrics;
  /** Real time for replay checks of HTTP interactions (default: the system's); tests move it. */
  realNow?: () => number;
}

/** stop() disconnects, refuses new HTTP interactions, sends pictures still following their message and writes pending poll message edits. */
export interface DiscordAdapter extends ChatAdapter {
  /** Which transports run, for logs and /healthz. */
  readonly transports: ReadonlyArray<'gateway' | 'http'>;
}

export function createDiscordAdapter(options: DiscordAdapterOptions): DiscordAdapter {
  const { engine, config, logger } = options;
  if (!config.applicationId) throw new Error('Discord needs DISCORD_APPLICATION_ID');
  const api = new DiscordApi({
    applicationId: config.applicationId,
    ...(config.token ? { token: config.token } : {}),
    ...(config.apiUrl ? { apiUrl: config.apiUrl } : {}),
  });
  const refreshMs = options.refreshIntervalMs ?? REFRESH_INTERVAL_MS;
  // Pictures that follow their message run on their own; stop() waits for them.
  const followUps = new FollowUps(logger);
  const polls = new DiscordPollMessages(engine, api, logger, refreshMs, editGate(options.editPacing, options.clock, refreshMs), followUps);
  const handler = new InteractionHandler({
    engine,
    api,
    polls,
    logger,
    followUps,
    events: new DiscordEvents(api, options.clock, options.records),
    clock: options.clock,
    ...(options.store ? { store: options.store } : {}),
    ...(options.metrics ? { metrics: options.metrics } : {}),
  });
  const transports: Array<'gateway' | 'http'> = [];
  let client: Client | undefined;
  let running = false;
  const inFlight = new Set<Promise<void>>();

  return {
    platform: 'discord',
    notifier: polls,
    transports,
    async start() {
      running = true;
      if (config.publicKey) {
        if (options.http) {
          const endpoint = interactionsEndpoint({
            publicKey: config.publicKey,
            handler,
            logger,
            isRunning: () => running,
            ...(options.realNow ? { realNow: options.realNow } : {}),
          });
          options.http.route('POST', INTERACTIONS_PATH, endpoint);
          transports.push('http');
        } else {
          logger.warn('DISCORD_PUBLIC_KEY is set but no HTTP server was given: the interactions endpoint is not served');
        }
      }
      if (config.gateway) {
        if (!config.token) throw new Error('The Discord gateway needs DISCORD_TOKEN');
        client = await connectGateway({
          token: config.token,
          logger,
          ...(config.apiUrl ? { apiUrl: config.apiUrl } : {}),
          onInteraction: (interaction) => {
            // Each interaction runs on its own; the handler is the error boundary, this catch a last guard.
            const work = handler
              .handle(interaction, new RestResponder(api, interaction))
              .catch((err: unknown) => logger.error({ err }, 'discord interaction crashed'))
              .finally(() => inFlight.delete(work));
            inFlight.add(work);
          },
        });
        transports.push('gateway');
      } else if (config.token) {
        // The gateway's login used to be where a bad token showed; without it, ask once here.
        await api.checkBotToken();
      }
      options.http?.setStatus('discord', transports.length ? transports.join('+') : 'idle');
      logger.info({ transports }, 'discord adapter started');
    },
    async stop() {
      running = false;
      await client?.destroy();
      client = undefined;
      await Promise.allSettled([...inFlight]);
      await followUps.idle();
      await polls.flush();
    },
  };
}
