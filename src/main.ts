/** Composition root: config → database → engine → adapters → graceful shutdown. */
import type { ChatAdapter } from '../adapters/shared/chat-adapter.js';
import { HttpServer } from './infra/http/http-server.js';
import { ConfigError, loadConfig, secretValues, type Config } from './config.js';
import { Engine } from './core/engine.js';
import { openStore, StoreOpenError, type Store } from './infra/db/open-store.js';
import { SharedRenders } from './infra/heatmap/shared-renders.js';
import { WorkerPoolHeatmapRenderer } from './infra/heatmap/worker-pool-renderer.js';
import { monotonicMs, OffsetClock } from './infra/clock.js';
import { IcsCalendarFiles } from './infra/calendar/ics-calendar-files.js';
import { DeadlineScheduler } from './infra/scheduler/deadline-scheduler.js';
import { configureLogger, createLogger, redactSecretValues, withoutSecrets } from './logger.js';

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
  // What the process actually runs with, for LOG_LEVEL=debug; the logger censors the secrets in it.
  logger.debug({ config }, 'configuration');

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
  const store = opened.polls;
  const renderPool = new WorkerPoolHeatmapRenderer();
  const engine = new Engine({
    store,
    clock,
    heatmap: new SharedRenders(renderPool, { monotonic: monotonicMs }),
    calendar: new IcsCalendarFiles(),
    defaultTimezone: config.defaultTimezone,
    defaultLocale: config.locale,
    // The scheduler is made below; nothing is created before it exists.
    onDueWorkChanged: () => scheduler.rearm(),
  });

  const stops: Array<() => Promise<void> | void> = [() => renderPool.close()];
  const shutdown = async (code: number) => {
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
    store: opened.dueWork,
    engine,
    clock,
    logger: createLogger('scheduler'),
  });
  stops.push(() => scheduler.stop());

  // Slack's HTTP mode and Discord's interactions endpoint share one server (with /healthz).
  const needsHttp = !useConsole && Boolean(config.discord?.publicKey || (config.slack && !config.slack.appToken));
  const http = needsHttp ? new HttpServer(createLogger('http')) : undefined;
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
      adapters.push(createSlackAdapter({ engine, clock, config: config.slack, logger: createLogger('slack'), ...(http ? { http } : {}) }));
    }
    if (config.discord) {
      const { createDiscordAdapter } = await import('../adapters/discord/index.js');
      adapters.push(createDiscordAdapter({ engine, clock, config: config.discord, store, logger: createLogger('discord'), ...(http ? { http } : {}) }));
    }
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

main().catch((err: unknown) => {
  createLogger('main').fatal({ err }, 'failed to start');
  process.exit(1);
});
