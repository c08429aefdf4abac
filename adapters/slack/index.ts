/**
 * The Slack adapter: a Bolt app in Socket Mode (with an app-level token) or behind the
 * shared HTTP server at POST /slack/events (with a signing secret), plus the Notifier the
 * scheduler uses for Slack polls.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { App, HTTPReceiver, SocketModeReceiver, webApi, type Receiver } from '@slack/bolt';
import type { SlackConfig } from '../../src/config.js';
import type { Engine } from '../../src/core/engine.js';
import type { Clock, EditPacing, SharedRecords } from '../../src/core/ports.js';
import type { AdapterCapabilities } from '../../src/core/views/reply.js';
import type { HttpServer } from '../../src/infra/http/http-server.js';
import { createLogger, type Logger } from '../../src/logger.js';
import { monotonicMs } from '../../src/infra/clock.js';
import type { Metrics } from '../../src/infra/metrics/metrics.js';
import type { ChatAdapter } from '../shared/chat-adapter.js';
import { DeliveryPolicy } from '../shared/delivery.js';
import { AnswersFirst } from '../shared/answers-first.js';
import { SecretBox } from '../../src/infra/crypto/secret-box.js';
import { boltLogger } from './bolt-logger.js';
import { CALL_BOUND_MS, SlackClients, boundedCalls } from './clients.js';
import { SharedRecordsInstallationStore, singleWorkspaceToken, type WorkspaceTokens } from './installations.js';
import { registerUninstallHandlers } from './uninstall.js';
import { SlackConversation, type SlackConversationDeps } from './conversation.js';
import { registerHandlers } from './handlers.js';
import { dropReplayedEvents, keyOfEnvelope, keyOfSignedBody } from './request-keys.js';
import { startError } from './errors.js';
import { SlackMeetingReminders } from './meeting-reminders.js';
import { FollowUps } from '../shared/follow-ups.js';
import { SlackMessenger } from './messenger.js';
import { createModal } from './modal.js';
import { SlackPollMessages } from './poll-messages.js';
import { editGate } from '../shared/coalescer.js';
import { SlackUserDirectory } from './users.js';

export { COMMAND } from './handlers.js';

/**
 * A grid page of 48 slots in two rows of 24 plus a control row: 6 blocks of the 50 Slack
 * allows, and under the 25 elements an actions block holds. 48 half-hour slots cover a
 * whole day on one page.
 */
export const SLACK_CAPABILITIES: AdapterCapabilities = { maxSlotButtons: 48, maxButtonsPerRow: 24 };

export const SLACK_EVENTS_PATH = '/slack/events';
/** Where a workspace admin starts installing the app (OAuth mode), and where Slack sends them back. */
export const SLACK_INSTALL_PATH = '/slack/install';
export const SLACK_OAUTH_REDIRECT_PATH = '/slack/oauth_redirect';

/** What the bot asks each workspace for; the manifests list the same (a test compares). */
export const SLACK_BOT_SCOPES = ['commands', 'chat:write', 'chat:write.public', 'files:write', 'users:read', 'im:write'] as const;

export interface SlackAdapterOptions {
  engine: Engine;
  config: SlackConfig;
  /** The domain clock: meeting reminders and the users.info cache read it. */
  clock: Clock;
  /** Where the ids of scheduled meeting reminders are kept, seen by every instance. */
  records: SharedRecords;
  /** Paces poll-message edits with the other instances on the same store (PostgreSQL); none alone. */
  editPacing?: EditPacing;
  /** The shared server; required in HTTP mode (no app token). */
  http?: HttpServer;
  logger?: Logger;
  /** Minimum time between two edits of one poll message (default 2 s). */
  refreshIntervalMs?: number;
  /** How long users.info answers are reused (default 10 min). */
  userCacheTtlMs?: number;
  /** How long one Web API call may take, retries included (default CALL_BOUND_MS); tests shorten it. */
  callBoundMs?: number;
  /** Replaces the bounded retry policy; tests pass { retries: 0 }. */
  retryConfig?: webApi.RetryOptions;
  capabilities?: AdapterCapabilities;
  /** Interactions by outcome and acknowledgement latency. */
  metrics?: Metrics;
}

export interface SlackAdapter extends ChatAdapter {
  readonly mode: 'socket' | 'http';
}

/** "http://host/api" and "http://host/api/" both work as SLACK_API_URL. */
function apiBase(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

export function createSlackAdapter(options: SlackAdapterOptions): SlackAdapter {
  const { engine, config, http } = options;
  const logger = options.logger ?? createLogger('slack');
  const mode = config.appToken ? 'socket' : 'http';
  if (mode === 'http' && !config.signingSecret) throw new Error('Slack HTTP mode needs SLACK_SIGNING_SECRET (or set SLACK_APP_TOKEN for Socket Mode).');
  if (mode === 'http' && !http) throw new Error('Slack HTTP mode needs the shared HTTP server.');

  const slackLogger = boltLogger(logger);
  // Bolt's per-request clients and ours alike: a call (retries included) ends well inside a scheduled send.
  const clientOptions: webApi.WebClientOptions = {
    ...boundedCalls(options.callBoundMs ?? CALL_BOUND_MS),
    ...(options.retryConfig ? { retryConfig: options.retryConfig } : {}),
    ...(config.apiUrl ? { slackApiUrl: apiBase(config.apiUrl) } : {}),
  };

  const installations = config.oauth ? new SharedRecordsInstallationStore(options.records, new SecretBox(config.oauth.secretKey), options.clock) : undefined;
  if (config.oauth && mode === 'socket') throw new Error('Installing into workspaces (SLACK_CLIENT_ID) runs in HTTP mode: remove SLACK_APP_TOKEN.');
  if (!installations && !config.botToken) throw new Error('Slack needs SLACK_BOT_TOKEN, or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET.');
  const tokens: WorkspaceTokens = installations ?? singleWorkspaceToken(config.botToken!);

  let receiver: Receiver;
  let httpReceiver: HTTPReceiver | undefined;
  if (config.appToken) {
    receiver = new SocketModeReceiver({
      appToken: config.appToken,
      logger: slackLogger,
      customPropertiesExtractor: keyOfEnvelope,
      // The Socket Mode client makes its own Web API calls (apps.connections.open) and takes
      // its base URL from here, not from the App's clientOptions. Its own retry default
      // (keep reconnecting) is right for a long-lived connection, so only a test's policy is passed.
      installerOptions: {
        clientOptions: {
          ...(config.apiUrl ? { slackApiUrl: apiBase(config.apiUrl) } : {}),
          ...(options.retryConfig ? { retryConfig: options.retryConfig } : {}),
        },
      },
    });
  } else {
    httpReceiver = new HTTPReceiver({
      signingSecret: config.signingSecret!,
      endpoints: SLACK_EVENTS_PATH,
      logger: slackLogger,
      customPropertiesExtractor: keyOfSignedBody,
      ...(config.oauth && installations
        ? {
            clientId: config.oauth.clientId,
            clientSecret: config.oauth.clientSecret,
            // Signs the OAuth state itself (no server-side state), so any instance can finish an install another began.
            stateSecret: config.oauth.stateSecret,
            scopes: [...SLACK_BOT_SCOPES],
            installationStore: installations,
            installerOptions: {
              installPath: SLACK_INSTALL_PATH,
              redirectUriPath: SLACK_OAUTH_REDIRECT_PATH,
              // /slack/install goes straight to Slack's consent page.
              directInstall: true,
              ...(config.apiUrl ? { clientOptions: { slackApiUrl: apiBase(config.apiUrl) } } : {}),
            },
          }
        : {}),
    });
    receiver = httpReceiver;
  }

  const app = new App({
    // With OAuth, Bolt's receiver authorizes each request from the installation of its workspace.
    ...(installations ? {} : { token: config.botToken }),
    receiver,
    logger: slackLogger,
    clientOptions,
    // auth.test runs in start(), where a bad token fails start-up instead of floating as a rejection.
    deferInitialization: true,
    convoStore: false,
  });

  // Every Web API call speaks for the workspace it is about, with that workspace's bot token.
  const clients = new SlackClients(tokens, { ...clientOptions, logger: slackLogger });
  // Pictures that follow their message run on their own; stop() waits for them.
  const followUps = new FollowUps(logger);
  const messengerFor = (workspaceId: string) => new SlackMessenger(() => clients.forWorkspace(workspaceId), logger, followUps);
  const users = new SlackUserDirectory(clients.forWorkspace, logger, options.clock, options.userCacheTtlMs !== undefined ? { ttlMs: options.userCacheTtlMs } : {});
  const refreshMs = options.refreshIntervalMs ?? 2000;
  const polls = new SlackPollMessages(engine, messengerFor, logger, refreshMs, editGate(options.editPacing, options.clock, refreshMs));
  const meetings = new SlackMeetingReminders({ clientFor: clients.forWorkspace, logger, minutesBefore: config.meetingReminderMinutes, clock: options.clock, records: options.records });
  const conversationDeps: Omit<SlackConversationDeps, 'messenger'> = {
    engine,
    polls,
    meetings,
    logger,
    // The trigger_id lives 3 s: the target was built without waiting long on users.info (see
    // handlers), and the zone comes from the cache, the person's settings or the default.
    openCreateForm: async (target) => {
      if (!target.triggerId) return;
      const view = createModal({
        locale: target.locale,
        channelId: target.channelId,
        timezone: await engine.queries.zoneOf(target.actor),
        ...(target.responseUrl ? { responseUrl: target.responseUrl } : {}),
      });
      await (await clients.forWorkspace(target.actor.channel.workspaceId)).views.open({ trigger_id: target.triggerId, view });
    },
  };
  const answersFirst = new AnswersFirst(monotonicMs);
  const handlers = registerHandlers(app, {
    answersFirst,
    engine,
    users,
    policy: new DeliveryPolicy({ engine, logger, clock: options.clock }),
    conversation: (target, context) => new SlackConversation({ ...conversationDeps, messenger: messengerFor(target.actor.channel.workspaceId) }, target, context),
    logger,
    caps: options.capabilities ?? SLACK_CAPABILITIES,
    ...(options.metrics ? { metrics: options.metrics } : {}),
  });
  if (installations) registerUninstallHandlers(app, installations, logger);
  dropReplayedEvents(app, (key) => engine.claimRequest(key), logger);

  let running = false;
  let mounted = false;

  return {
    platform: 'slack',
    mode,
    notifier: polls,
    async start() {
      await app.init().catch((err: unknown) => {
        throw startError(err);
      });
      if (httpReceiver && http) {
        const listener = httpReceiver.requestListener;
        if (!mounted) {
          // Bolt's receiver verifies the signature (401 on a bad one or a timestamp older than 5 minutes) and acks.
          const serve = (req: IncomingMessage, res: ServerResponse) => {
            if (!running) {
              res.writeHead(503);
              res.end();
              return;
            }
            // Counted once its body is in (a request still trickling in carries no answer yet).
            let closed = false;
            res.once('close', () => (closed = true));
            req.once('end', () => {
              if (!closed) res.once('close', answersFirst.arrived());
            });
            listener(req, res);
          };
          http.route('POST', SLACK_EVENTS_PATH, serve);
          // Bolt's installer answers these two: the consent redirect and the return with the code.
          if (installations) for (const path of [SLACK_INSTALL_PATH, SLACK_OAUTH_REDIRECT_PATH]) http.route('GET', path, serve);
          mounted = true;
        }
        http.setStatus('slack', installations ? 'http+oauth' : 'http');
      } else {
        await app.start();
        http?.setStatus('slack', 'socket');
      }
      running = true;
      logger.info({ mode }, 'Slack adapter started');
    },
    async stop() {
      if (!running) return;
      running = false;
      // Interactions already acknowledged finish their replies (and the edits they ask for),
      // and pictures promised to follow a message are sent.
      await handlers.idle();
      await followUps.idle();
      await polls.flush();
      if (mode === 'socket') await app.stop();
      http?.setStatus('slack', 'stopped');
      logger.info('Slack adapter stopped');
    },
  };
}
