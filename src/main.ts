/** Composition root: config → database → engine → adapters → graceful shutdown. */
import { ConsoleAdapter } from '../adapters/console/console-adapter.js';
import { createDiscordAdapter } from '../adapters/discord/index.js';
import type { ChatAdapter } from '../adapters/shared/chat-adapter.js';
import { createSlackAdapter } from '../adapters/slack/index.js';
import { createWebLinks, startWebGrid } from '../adapters/web/index.js';
import type { Platform } from './core/domain/types.js';
import type { Notifier } from './core/ports.js';
import { SqliteSharedRecords } from './infra/db/sqlite-shared-records.js';
import { HttpServer } from './infra/http/http-server.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { Engine } from './core/engine.js';
import { openDatabase } from './infra/db/open-database.js';
import { SqlitePollStore } from './infra/db/sqlite-poll-store.js';
import { CanvasHeatmapRenderer } from './infra/heatmap/canvas-heatmap-renderer.js';
import { OffsetClock } from './infra/clock.js';
import { IcsCalendarFiles } from './infra/calendar/ics-calendar-files.js';
import { SqliteDueWorkStore } from './infra/db/sqlite-due-work-store.js';
import { DeadlineScheduler } from './infra/scheduler/deadline-scheduler.js';
import { configureLogger, createLogger } from './logger.js';

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
  const args = process.argv.slice(2);
  const useConsole = args.includes('--console') || (!config.slack && !config.discord);
  // In the terminal the console is the interface: keep routine logs out of the way unless asked.
  configureLogger(config.logLevel ?? (useConsole ? 'warn' : 'info'));
  const logger = createLogger('main');

  const database = openDatabase(config.databasePath);
  const clock = new OffsetClock();
  const store = new SqlitePollStore(database);
  // The web grid: the console links to this machine; Slack and Discord only to a public address.
  const web = useConsole || config.web.publicUrl ? await createWebLinks({ ...config.web, records: new SqliteSharedRecords(database), clock }) : undefined;
  const engine = new Engine({
    ...(web ? { webLinks: web.links } : {}),
    store,
    clock,
    heatmap: new CanvasHeatmapRenderer(),
    calendar: new IcsCalendarFiles(),
    defaultTimezone: config.defaultTimezone,
    defaultLocale: config.locale,
    // The scheduler is made below; nothing is created before it exists.
    onDueWorkChanged: () => scheduler.rearm(),
  });

  const stops: Array<() => Promise<void> | void> = [];
  const shutdown = async (code: number) => {
    for (const stop of stops.reverse()) {
      try {
        await stop();
      } catch (err) {
        logger.warn({ err }, 'error while stopping');
      }
    }
    database.close();
    process.exit(code);
  };
  process.once('SIGINT', () => void shutdown(0));
  process.once('SIGTERM', () => void shutdown(0));

  const scheduler = new DeadlineScheduler({
    store: new SqliteDueWorkStore(database),
    engine,
    clock,
    logger: createLogger('scheduler'),
  });
  stops.push(() => scheduler.stop());

  // Slack's HTTP mode and Discord's interactions endpoint share one server (with /healthz).
  const needsHttp = web !== undefined || (!useConsole && Boolean(config.discord?.publicKey || (config.slack && !config.slack.appToken)));
  const http = needsHttp ? new HttpServer(createLogger('http')) : undefined;
  const notifiers = new Map<Platform, Notifier>();
  const adapters: ChatAdapter[] = [];
  if (useConsole) {
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
    if (config.slack) adapters.push(createSlackAdapter({ engine, clock, config: config.slack, logger: createLogger('slack'), ...(http ? { http } : {}) }));
    if (config.discord) adapters.push(createDiscordAdapter({ engine, clock, config: config.discord, store, logger: createLogger('discord'), ...(http ? { http } : {}) }));
  }
  /** Mounts the web grid and listens. */
  const serveHttp = async (server: HttpServer): Promise<void> => {
    if (web) {
      const grid = await startWebGrid({
        engine,
        clock,
        tokens: web.tokens,
        http: server,
        // A save on the page redraws the chat's poll message through the platform's coalesced refresh.
        refreshPoll: (poll) => void notifiers.get(poll.channel.platform)?.refreshPoll(poll),
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
  logger.info({ adapters: adapters.map((a) => a.platform) }, 'yakjeong is running');

  // Adapters that finish by themselves (the console at the end of its input) end the process
  // once all have, after the scheduler sent what became due meanwhile.
  const finishing = adapters.map((a) => a.done);
  if (finishing.every((done) => done !== undefined)) {
    await Promise.all(finishing);
    await scheduler.tick();
    await shutdown(0);
  }
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
