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
  async post(poll, view) {
    const res = await fetch(recorder, { method: 'POST', body: JSON.stringify({ process: name, code: poll.code, text: JSON.stringify(view.blocks) }) });
    if (!res.ok) throw new Error(`recorder answered ${res.status}`);
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
  ...(process.env.OUTBOX_BATCH ? { outboxBatch: Number(process.env.OUTBOX_BATCH) } : {}),
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
