// The background checkpointer's thread (see background-checkpoints.ts). Plain JavaScript: it needs
// nothing but better-sqlite3, so it starts without the TypeScript runner and stays small.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const { path, busyMs, idleMs } = workerData;
let db;
let timer;

function stop() {
  clearTimeout(timer);
  try {
    // The last connection to close checkpoints what is left and removes the -wal file.
    db?.close();
  } catch {
    // Already closed, or the file is gone: nothing left to keep.
  }
  parentPort.close();
}

function checkpointSoon(delay) {
  timer = setTimeout(() => {
    let next = idleMs;
    try {
      // PASSIVE never waits for the writer or readers: it copies what it can and returns.
      const [result] = db.pragma('wal_checkpoint(PASSIVE)');
      // Frames were written since the last look: look again soon, while the writer is busy.
      if (result && (result.log !== lastLog || result.checkpointed < result.log)) next = busyMs;
      lastLog = result?.log ?? 0;
    } catch {
      // Another process's checkpoint holds the lock, or the disk is full: the next round retries,
      // and the writer's own automatic checkpoint is the net if this thread never catches up.
    }
    checkpointSoon(next);
  }, delay);
}

let lastLog = -1;
parentPort.on('message', (message) => {
  if (message === 'stop') stop();
});
try {
  db = new Database(path, { fileMustExist: true });
  db.pragma('busy_timeout = 0');
  // The same durability as the writer's connection: a checkpoint syncs the database file.
  db.pragma('synchronous = NORMAL');
  checkpointSoon(busyMs);
} catch {
  stop();
}
