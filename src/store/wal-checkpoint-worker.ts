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
const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)').raw();
// Not a number: the first look always checkpoints (the thread starts because the WAL has grown).
let seen = Number.NaN;
const timer = setInterval(() => {
  const now = Atomics.load(counter, 0);
  if (now === seen) return;
  // SQLite reports, rather than throws, a checkpoint it could not run because another connection
  // was checkpointing (a `quotewire poll` beside the service): that one is tried again next look.
  const [busy] = checkpoint.get() as [number, number, number];
  if (busy === 0) seen = now;
}, CHECKPOINT_EVERY_MS);

parentPort?.on('message', (message: string) => {
  if (message !== 'close') return;
  clearInterval(timer);
  db.close();
  parentPort?.close();
});
parentPort?.postMessage('ready');
