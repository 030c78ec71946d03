/**
 * Entry point of the WAL checkpoint thread (see wal-checkpoints.ts): its own connection to the
 * store's file copies the WAL back into the database every half second when there were commits,
 * so that the main thread never waits for that copy and its fsync.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'libsql';

export interface CheckpointRequest {
  path: string;
  /** One Int32: the store's connection adds one per commit. */
  commits: SharedArrayBuffer;
}

const CHECKPOINT_EVERY_MS = 500;

const { path, commits } = workerData as CheckpointRequest;
const counter = new Int32Array(commits);
const db = new Database(path);
// This connection only checkpoints: it never writes pages of its own, and never waits for a writer.
db.exec('PRAGMA wal_autocheckpoint = 0');
// Not a number: the first look always checkpoints (the thread starts because the WAL has grown).
let seen = Number.NaN;
const timer = setInterval(() => {
  const now = Atomics.load(counter, 0);
  if (now === seen) return;
  try {
    db.exec('PRAGMA wal_checkpoint(PASSIVE)');
    seen = now;
  } catch (error) {
    // Another process's connection is checkpointing (a `quotewire poll` beside the service): the
    // next look tries again. Anything else ends this thread, and the main connection takes over.
    if (!/^SQLITE_(BUSY|LOCKED)/.test(String((error as { code?: unknown }).code))) throw error;
  }
}, CHECKPOINT_EVERY_MS);

parentPort?.on('message', (message: string) => {
  if (message !== 'close') return;
  clearInterval(timer);
  db.close();
  parentPort?.close();
});
parentPort?.postMessage('ready');
