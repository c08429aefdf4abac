/** Composition root: config → database → engine → adapters → graceful shutdown. */
import { ConsoleAdapter } from '../adapters/console/console-adapter.js';
import { createDiscordAdapter } from '../adapters/discord/index.js';
import type { ChatAdapter } from '../adapters/shared/chat-adapter.js';
import { createSlackAdapter } from '../adapters/slack/index.js';
import { HttpServer } from './infra/http/http-server.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { Engine } from './core/engine.js';
import { openDatabase, type OpenedDatabase } from './infra/db/open-database.js';
import { SqlitePollStore } from './infra/db/sqlite-poll-store.js';
import { SqliteSharedRecords } from './infra/db/sqlite-shared-records.js';
import { CanvasHeatmapRenderer } from './infra/heatmap/canvas-heatmap-renderer.js';
import { OffsetClock } from './infra/clock.js';
import { IcsCalendarFiles } from './infra/calendar/ics-calendar-files.js';
import { SqliteDueWorkStore } from './infra/db/sqlite-due-work-store.js';
import { DeadlineScheduler } from './infra/scheduler/deadline-scheduler.js';
import { configureLogger, createLogger } from './logger.js';
import { countingStoreErrors, noMetrics, PrometheusMetrics, type OutboxStats } from './infra/metrics/metrics.js';
import { METRICS_PATH, metricsRoute } from './infra/http/metrics-route.js';

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

  // ── platform-scale: metrics, the store's health and outbox figures ──────────────────────
  // Slack's HTTP mode and Discord's interactions endpoint share one server (with /healthz, /metrics).
  const needsHttp = !useConsole && Boolean(config.discord?.publicKey || (config.slack && !config.slack.appToken));
  const metrics = needsHttp ? new PrometheusMetrics({ outbox: async () => sqliteOutboxStats(database.sqlite, clock.now()) }) : undefined;
  const counted = <T extends object>(part: T, name: string): T => countingStoreErrors(part, name, metrics ?? noMetrics);
  // The lead moves these onto openStore(config): `ping()` and the outbox query belong to the store.
  const ping = async (): Promise<void> => {
    database.sqlite.prepare('select 1').get();
  };
  const store = counted(new SqlitePollStore(database), 'polls');
  // Ids of platform objects the bot made, seen by every instance (openStore's `records`).
  const records = counted(new SqliteSharedRecords(database), 'records');
  // ─────────────────────────────────────────────────────────────────────────────────────────
  const engine = new Engine({
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
    store: counted(new SqliteDueWorkStore(database), 'dueWork'),
    engine,
    clock,
    logger: createLogger('scheduler'),
    ...(metrics ? { metrics } : {}),
  });
  stops.push(() => scheduler.stop());

  const http = needsHttp ? new HttpServer(createLogger('http'), { ping, ...(metrics ? { metrics } : {}) }) : undefined;
  if (http && metrics) http.route('GET', METRICS_PATH, metricsRoute(metrics, config.metricsToken));
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
    if (config.slack) adapters.push(createSlackAdapter({ engine, clock, records, config: config.slack, logger: createLogger('slack'), ...(http ? { http } : {}), ...(metrics ? { metrics } : {}) }));
    if (config.discord) adapters.push(createDiscordAdapter({ engine, clock, records, config: config.discord, store, logger: createLogger('discord'), ...(http ? { http } : {}), ...(metrics ? { metrics } : {}) }));
  }
  for (const adapter of adapters) {
    scheduler.register(adapter.platform, adapter.notifier);
    // Before the server listens: Slack's HTTP mode mounts /slack/events and Discord's endpoint
    // its route here, so the first request (Discord's verification PING) finds them.
    await adapter.start();
    stops.push(() => adapter.stop());
  }
  if (http) {
    const port = await http.listen(config.port);
    stops.push(() => http.close());
    logger.info({ port }, 'http listening');
  }
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

/** platform-scale: pending outbox items and the wait of the oldest due one (the lead moves this into the store). */
function sqliteOutboxStats(sqlite: OpenedDatabase['sqlite'], now: number): OutboxStats {
  const row = sqlite
    .prepare(
      "select count(*) as depth, min(case when next_attempt_at <= ? then next_attempt_at end) as oldest from outbox where status in ('pending', 'sending')",
    )
    .get(now) as { depth: number; oldest: number | null };
  return { depth: row.depth, oldestDueAgeSeconds: row.oldest === null ? 0 : Math.max(0, (now - row.oldest) / 1000) };
}

main().catch((err: unknown) => {
  createLogger('main').fatal({ err }, 'failed to start');
  process.exit(1);
});
