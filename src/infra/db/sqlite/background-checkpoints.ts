/**
 * WAL checkpoints on a thread of their own. SQLite's automatic checkpoint runs inside the commit
 * that crosses 1,000 WAL pages: every few hundred clicks, one click paid for copying 4 MB into the
 * database file and syncing it (answer-path's p99 was mostly those clicks). SQLite's guidance for
 * this is to turn the automatic checkpoint down and checkpoint from another thread; a PASSIVE
 * checkpoint there never blocks the writer.
 *
 * A thread costs ~15 MB, which a bot that writes a few answers an hour should not pay: the thread
 * starts only once the WAL has grown past WRITES_BEGIN_BYTES, and until then SQLite's automatic
 * checkpoint does the work as it always has.
 *
 * Once the thread runs, the writer keeps an automatic checkpoint as a net, at a size the thread
 * normally keeps the WAL well under: should the thread die or fall behind under a long burst of
 * writes, the WAL still stays bounded, and what the net then copies is only what the thread had
 * not yet copied.
 */
import { statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/** WAL pages (4 KB each) after which the writer checkpoints itself once the thread runs: ~40 MB. */
export const SAFETY_NET_PAGES = 10_000;
/** WAL size that shows sustained writes (a quarter of what the automatic checkpoint lets it reach). */
export const WRITES_BEGIN_BYTES = 1_000_000;
/** How often the WAL's size is looked at until the thread starts. */
const WATCH_MS = 1_000;
/** How soon the thread looks again while writes keep coming, and when they have stopped. */
const BUSY_MS = 100;
const IDLE_MS = 1_000;

const WORKER = new URL('./checkpoint-worker.mjs', import.meta.url);

export interface BackgroundCheckpoints {
  /** Lets the file go; resolves when the thread, if it started, has closed its connection. */
  stop(): Promise<void>;
}

export function startBackgroundCheckpoints(sqlite: Database.Database, path: string): BackgroundCheckpoints {
  let worker: Worker | undefined;
  let exited = Promise.resolve();
  const start = () => {
    clearInterval(watch);
    sqlite.pragma(`wal_autocheckpoint = ${SAFETY_NET_PAGES}`);
    worker = new Worker(WORKER, { workerData: { path, busyMs: BUSY_MS, idleMs: IDLE_MS } });
    // The thread is housekeeping: it never keeps a finished process alive.
    worker.unref();
    exited = new Promise<void>((resolve) => worker!.once('exit', () => resolve()));
    // A thread that fails (it cannot open the file) leaves the net in charge; it must not crash the bot.
    worker.on('error', () => undefined);
  };
  const watch = setInterval(() => {
    try {
      if (sqlite.open && statSync(`${path}-wal`).size > WRITES_BEGIN_BYTES) start();
    } catch {
      // No WAL yet: nothing written since the last connection closed.
    }
  }, WATCH_MS);
  watch.unref();
  let stopping: Promise<void> | undefined;
  return {
    stop: () =>
      (stopping ??= (() => {
        clearInterval(watch);
        worker?.postMessage('stop');
        return exited;
      })()),
  };
}
