/** Composition root: config → database → engine → adapters → graceful shutdown. */
import type { ChatAdapter } from '../adapters/shared/chat-adapter.js';
import type { Platform } from './core/domain/types.js';
import type { Notifier } from './core/ports.js';
import { HttpServer } from './infra/http/http-server.js';
import { ConfigError, loadConfig, secretValues, type Config } from './config.js';
import { Engine } from './core/engine.js';
import { openStore, StoreOpenError, withoutPassword, type Store } from './infra/db/open-store.js';
import { SharedRenders } from './infra/heatmap/shared-renders.js';
import { WorkerPoolHeatmapRenderer } from './infra/heatmap/worker-pool-renderer.js';
import { monotonicMs, OffsetClock } from './infra/clock.js';
import { IcsCalendarFiles } from './infra/calendar/ics-calendar-files.js';
import { DeadlineScheduler } from './infra/scheduler/deadline-scheduler.js';
import { configureLogger, createLogger, redactSecretValues, withoutSecrets } from './logger.js';
import { countingStoreErrors, noMetrics, type OutboxStats } from './infra/metrics/metrics.js';
import { METRICS_PATH, metricsRoute } from './infra/http/metrics-route.js';

/** Under the 30 s an orchestrator waits between SIGTERM and SIGKILL (the drain itself takes up to 25 s). */
const SHUTDOWN_CAP_MS = 28_000;
/** How long after start-up the calendar library is loaded (see IcsCalendarFiles.preload). */
const CALENDAR_PRELOAD_DELAY_MS = 1_000;

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\nSee .env.example for every setting.\n`);
      process.exit(1);
    }
    throw err;
  }
  redactSecretValues(secretValues(config));
  const args = process.argv.slice(2);
  const useConsole = args.includes('--console') || (!config.slack && !config.discord);
  // In the terminal the console is the interface: keep routine logs out of the way unless asked.
  configureLogger(config.logLevel ?? (useConsole ? 'warn' : 'info'));
  const logger = createLogger('main');
  // What the process actually runs with, for LOG_LEVEL=debug; the logger censors the secrets in it,
  // but a database password too short to be searched for by value is taken out of its URL here.
  logger.debug({ config: config.databaseUrl ? { ...config, databaseUrl: withoutPassword(config.databaseUrl) } : config }, 'configuration');

  let opened: Store;
  try {
    opened = await openStore(config);
  } catch (err) {
    if (err instanceof StoreOpenError) {
      process.stderr.write(`${withoutSecrets(err.message)}\n`);
      process.exit(1);
    }
    throw err;
  }
  const clock = new OffsetClock();
  const renderPool = new WorkerPoolHeatmapRenderer();

  // Slack's HTTP mode and Discord's interactions endpoint share one server (with /healthz, /metrics).
  const chatOverHttp = !useConsole && Boolean(config.discord?.publicKey || (config.slack && !config.slack.appToken));
  // prom-client loads only where there is a server to scrape it.
  const metrics = chatOverHttp
    ? new (await import('./infra/metrics/prometheus-metrics.js')).PrometheusMetrics({
        outbox: async () => outboxStats(await opened.dueWork.outboxBacklog(clock.now()), clock.now()),
        renderQueueLength: () => renderPool.queued,
      })
    : undefined;
  const counted = <T extends object>(part: T, name: string): T => countingStoreErrors(part, name, metrics ?? noMetrics);
  const store = counted(opened.polls, 'polls');
  // Ids of platform objects the bot made, seen by every instance.
  const records = counted(opened.records, 'records');
  // Several instances share PostgreSQL: they pace their poll-message edits together. Alone on
  // SQLite, each adapter's own coalescer is enough.
  const editPacing = opened.dialect === 'postgres' ? { editPacing: opened.editPacing } : {};
  // The web grid: the console links to this machine; Slack and Discord only to a public address.
  // Imported only where it is served, like the adapters below.
  const web = useConsole || config.web.publicUrl ? await (await import('../adapters/web/index.js')).createWebLinks({ ...config.web, records, clock }) : undefined;
  const calendar = new IcsCalendarFiles();
  const engine = new Engine({
    ...(web ? { webLinks: web.links } : {}),
    store,
    clock,
    heatmap: new SharedRenders(renderPool, { monotonic: monotonicMs }),
    calendar,
    defaultTimezone: config.defaultTimezone,
    defaultLocale: config.locale,
    // The scheduler is made below; nothing is created before it exists.
    onDueWorkChanged: () => scheduler.rearm(),
  });

  const stops: Array<() => Promise<void> | void> = [() => renderPool.close()];
  const shutdown = async (code: number) => {
    // Orchestrators kill at 30 s: whatever a stop step still waits on by then is given up, so the
    // exit (and the store's close) comes before the SIGKILL rather than after it.
    const giveUp = setTimeout(() => {
      logger.warn({ afterMs: SHUTDOWN_CAP_MS }, 'shutdown took too long; exiting without waiting further');
      process.exit(code);
    }, SHUTDOWN_CAP_MS);
    giveUp.unref();
    for (const stop of stops.reverse()) {
      try {
        await stop();
      } catch (err) {
        logger.warn({ err }, 'error while stopping');
      }
    }
    await opened.close();
    process.exit(code);
  };
  process.once('SIGINT', () => void shutdown(0));
  process.once('SIGTERM', () => void shutdown(0));

  const scheduler = new DeadlineScheduler({
    store: counted(opened.dueWork, 'dueWork'),
    engine,
    clock,
    logger: createLogger('scheduler'),
    ...(metrics ? { metrics } : {}),
  });

  // The web grid shares that server; in the console it is the only thing on it.
  const needsHttp = chatOverHttp || web !== undefined;
  const http = needsHttp ? new HttpServer(createLogger('http'), { ping: () => opened.ping(), ...(metrics ? { metrics } : {}) }) : undefined;
  if (http && metrics) http.route('GET', METRICS_PATH, metricsRoute(metrics, config.metricsToken));
  const notifiers = new Map<Platform, Notifier>();
  const adapters: ChatAdapter[] = [];
  // Each adapter is imported only when configured: Bolt and discord.js take most of a second to load.
  if (useConsole) {
    const { ConsoleAdapter } = await import('../adapters/console/console-adapter.js');
    adapters.push(
      new ConsoleAdapter({
        engine,
        input: process.stdin,
        output: process.stdout,
        outDir: config.outDir,
        locale: config.locale,
        json: args.includes('--json'),
        advanceClock: (ms) => scheduler.passTime(ms, (step) => clock.advance(step)),
        logger: createLogger('console'),
        prompt: Boolean(process.stdin.isTTY),
      }),
    );
  } else {
    if (config.slack) {
      const { createSlackAdapter } = await import('../adapters/slack/index.js');
      adapters.push(createSlackAdapter({ engine, clock, records, ...editPacing, config: config.slack, logger: createLogger('slack'), ...(http ? { http } : {}), ...(metrics ? { metrics } : {}) }));
    }
    if (config.discord) {
      const { createDiscordAdapter } = await import('../adapters/discord/index.js');
      adapters.push(createDiscordAdapter({ engine, clock, records, ...editPacing, config: config.discord, store, logger: createLogger('discord'), ...(http ? { http } : {}), ...(metrics ? { metrics } : {}) }));
    }
  }
  /** Mounts the web grid and listens. */
  const serveHttp = async (server: HttpServer): Promise<void> => {
    if (web) {
      const { startWebGrid } = await import('../adapters/web/index.js');
      const grid = await startWebGrid({
        engine,
        clock,
        tokens: web.tokens,
        http: server,
        // A save on the page redraws the chat's poll message through the platform's coalesced refresh.
        refreshPoll: (poll) => void notifiers.get(poll.channel.platform)?.refreshPoll(poll),
        // …and a note it made for someone else (the creator's "everyone answered") goes as after a button press.
        notify: async (poll, userId, view) => notifiers.get(poll.channel.platform)?.notify?.(poll, userId, view),
        defaultLocale: config.locale,
        logger: createLogger('web'),
      });
      // Stopped before the server closes (stops run last-first): open live pages would hold it open.
      stops.push(() => server.close(), () => grid.stop());
    } else {
      stops.push(() => server.close());
    }
    // The console serves only this machine, on PORT when free and otherwise on any free port.
    const port = useConsole ? await listenLocal(server, config.port) : await server.listen(config.port);
    if (useConsole) web?.links.setLocalBase(`http://127.0.0.1:${port}`);
    logger.info({ port }, 'http listening');
  };
  // The console's first command may already show a link: its server listens before input is read.
  if (http && useConsole) await serveHttp(http);
  for (const adapter of adapters) {
    scheduler.register(adapter.platform, adapter.notifier);
    notifiers.set(adapter.platform, adapter.notifier);
    // Before the server listens: Slack's HTTP mode mounts /slack/events and Discord's endpoint
    // its route here, so the first request (Discord's verification PING) finds them.
    await adapter.start();
    stops.push(() => adapter.stop());
  }
  if (http && !useConsole) await serveHttp(http);
  scheduler.start();
  // Stopped first (stops run last-first): a scheduled post's picture follows its text, and the
  // adapters' stop waits for such pictures only if nothing sends after it.
  stops.push(() => scheduler.stop());
  logger.info({ adapters: adapters.map((a) => a.platform) }, 'yakjeong is running');
  // Once the start-up burst (and a piped console's first command) is over, not inside someone's first pick.
  setTimeout(() => {
    calendar.preload().catch((err: unknown) => logger.warn({ err }, 'could not load the calendar library; a pick will try again'));
  }, CALENDAR_PRELOAD_DELAY_MS).unref();

  // Adapters that finish by themselves (the console at the end of its input) end the process
  // once all have, after the scheduler sent what became due meanwhile.
  const finishing = adapters.map((a) => a.done);
  if (finishing.every((done) => done !== undefined)) {
    await Promise.all(finishing);
    await scheduler.tick();
    await shutdown(0);
  }
}

/** The outbox figures operators watch: what waits to be sent, and how long the oldest due item has waited. */
function outboxStats(backlog: { pending: number; oldestDueAt?: number }, now: number): OutboxStats {
  return { depth: backlog.pending, oldestDueAgeSeconds: backlog.oldestDueAt === undefined ? 0 : Math.max(0, (now - backlog.oldestDueAt) / 1000) };
}

async function listenLocal(http: HttpServer, port: number): Promise<number> {
  try {
    return await http.listen(port, '127.0.0.1');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    return http.listen(0, '127.0.0.1');
  }
}

main().catch((err: unknown) => {
  createLogger('main').fatal({ err }, 'failed to start');
  process.exit(1);
});
