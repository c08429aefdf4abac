/**
 * One scheduler process for the multi-process tests: the real DeadlineScheduler on openStore
 * (DATABASE_URL or DATABASE_PATH), on the system clock, posting each view to a loopback
 * recorder (RECORDER_URL) as {process, code, text}. Prints "ready" once its scheduler runs;
 * SIGTERM stops it cleanly.
 */
import pino from 'pino';
import { Engine } from '../../src/core/engine.js';
import type { Notifier } from '../../src/core/ports.js';
import { openStore } from '../../src/infra/db/open-store.js';
import { CanvasHeatmapRenderer } from '../../src/infra/heatmap/canvas-heatmap-renderer.js';
import { systemClock } from '../../src/infra/clock.js';
import { DeadlineScheduler } from '../../src/infra/scheduler/deadline-scheduler.js';

const env = (name: string): string => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is required`);
  return value;
};
const name = env('PROCESS_NAME');
const recorder = env('RECORDER_URL');

const store = await openStore({ databasePath: process.env.DATABASE_PATH ?? '', ...(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : {}) });
const engine = new Engine({ store: store.polls, clock: systemClock, heatmap: new CanvasHeatmapRenderer(), defaultTimezone: 'UTC', defaultLocale: 'en' });
const notifier: Notifier = {
  // Like a platform SDK: a 503 is retried after a pause, until it goes through or the send is aborted.
  async post(poll, view, delivery) {
    const body = JSON.stringify({ process: name, code: poll.code, text: JSON.stringify(view.blocks) });
    for (;;) {
      const res = await fetch(recorder, { method: 'POST', body, ...(delivery ? { signal: delivery.signal } : {}) });
      if (res.status !== 503) {
        if (!res.ok) throw new Error(`recorder answered ${res.status}`);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
      delivery?.signal.throwIfAborted();
    }
  },
  async refreshPoll() {},
};
const scheduler = new DeadlineScheduler({
  store: store.dueWork,
  engine,
  clock: systemClock,
  logger: pino({ level: 'silent' }),
  // Every second: polls are created by another process, so only the sweep finds them.
  sweep: '* * * * * *',
  ...(process.env.LEASE_MS ? { leaseMs: Number(process.env.LEASE_MS) } : {}),
  ...(process.env.SEND_CONCURRENCY ? { sendConcurrency: Number(process.env.SEND_CONCURRENCY) } : {}),
  ...(process.env.SEND_TIMEOUT_MS ? { sendTimeoutMs: Number(process.env.SEND_TIMEOUT_MS) } : {}),
});
scheduler.register('console', notifier);
scheduler.start();
process.stdout.write('ready\n');
process.once('SIGTERM', () => {
  void scheduler
    .stop()
    .then(() => store.close())
    .finally(() => process.exit(0));
});
