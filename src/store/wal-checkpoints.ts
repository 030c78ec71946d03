import { statSync } from 'node:fs';
import type { Worker } from 'node:worker_threads';
import type Database from 'libsql';
import { startWorkerNextTo } from '../kernel/start-worker.js';
import type { CheckpointRequest } from './wal-checkpoint-worker.js';

type Db = InstanceType<typeof Database>;

export interface WalCheckpointOptions {
  /** WAL file size at which checkpoints move to their own thread. */
  threadAtBytes?: number;
  /** WAL size at which the main connection checkpoints by itself (before the thread, or without it). */
  mainThreadBytes?: number;
  /** Tells why checkpoints went back to the main thread. */
  warn?: (message: string) => void;
  /** Starts the checkpoint thread; tests pass one that fails. */
  startWorker?: (request: CheckpointRequest) => Worker;
}

/** What the store tells the checkpoints; see {@link walCheckpoints}. */
export interface WalCheckpoints {
  /** After each commit of the store's connection. */
  afterCommit(): void;
  /** Stops the thread, which closes its connection (before the store closes its own). */
  close(): Promise<void>;
}

const DEFAULT_THREAD_AT_BYTES = 16 * 1024 * 1024;
const DEFAULT_MAIN_THREAD_BYTES = 40 * 1024 * 1024;
/** Commits between two looks at the WAL file's size (a stat each). */
const COMMITS_PER_LOOK = 8;
/** How long a stopping checkpoint thread may take to close its connection. */
const CLOSE_TIMEOUT_MS = 5_000;

/**
 * SQLite copies the WAL back into the database file (a checkpoint) on the commit that finds the WAL
 * past a size, in the committing thread, with an fsync. Ingest writes in bursts (tens of MB a
 * minute), so those checkpoints stopped Quotewire's main thread, which also answers chats, for a
 * tenth of the time: on the ingest bench, 2,700–2,930 items/s with them, 2,920–3,150 without.
 *
 * So once the WAL file has grown past `threadAtBytes` (a store that writes in bulk; small stores and
 * tests never start it), a worker thread with its own connection checkpoints every half second
 * when there were commits, and the main connection stops checkpointing by itself. Passive
 * checkpoints never block a writer. If the thread cannot start or dies, the main connection
 * checkpoints again as before: the WAL never grows without bound.
 */
export function walCheckpoints(path: string, db: Db, options: WalCheckpointOptions = {}): WalCheckpoints {
  const mainPages = Math.ceil((options.mainThreadBytes ?? DEFAULT_MAIN_THREAD_BYTES) / pageBytes(db));
  db.exec(`PRAGMA wal_autocheckpoint = ${mainPages}`);
  if (path === ':memory:') return { afterCommit() {}, close: async () => undefined };
  const threadAtBytes = options.threadAtBytes ?? DEFAULT_THREAD_AT_BYTES;
  const startWorker =
    options.startWorker ??
    ((request: CheckpointRequest) =>
      startWorkerNextTo(import.meta.url, 'wal-checkpoint-worker', { workerData: request }));
  // The thread reads this counter of commits to know whether there is anything to copy.
  const commits = new Int32Array(new SharedArrayBuffer(4));
  let worker: Worker | null = null;
  let state: 'main' | 'starting' | 'thread' | 'closed' = 'main';
  let sinceLook = 0;

  const backToMain = (why: string) => {
    if (state === 'closed' || state === 'main') return;
    state = 'closed';
    worker = null;
    db.exec(`PRAGMA wal_autocheckpoint = ${mainPages}`);
    options.warn?.(`store: ${why}; SQLite's WAL is checkpointed by the main thread again`);
  };

  const start = () => {
    state = 'starting';
    try {
      worker = startWorker({ path, commits: commits.buffer as SharedArrayBuffer });
    } catch (error) {
      return backToMain(`the checkpoint thread did not start (${(error as Error).message})`);
    }
    // A checkpoint thread must never keep the process alive.
    worker.unref();
    worker.on('message', (message: string) => {
      if (message !== 'ready' || state !== 'starting') return;
      state = 'thread';
      db.exec('PRAGMA wal_autocheckpoint = 0');
    });
    worker.on('error', (error) => backToMain(`the checkpoint thread failed: ${error.message}`));
    worker.on('exit', (code) => backToMain(`the checkpoint thread stopped (exit code ${code})`));
  };

  return {
    afterCommit() {
      Atomics.add(commits, 0, 1);
      if (state !== 'main' || ++sinceLook < COMMITS_PER_LOOK) return;
      sinceLook = 0;
      if (walSize(path) >= threadAtBytes) start();
    },
    async close() {
      const stopping = worker;
      state = 'closed';
      worker = null;
      if (!stopping) return;
      const exited = new Promise<void>((resolve) => stopping.once('exit', () => resolve()));
      stopping.postMessage('close');
      const timer = setTimeout(() => void stopping.terminate(), CLOSE_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    },
  };
}

function pageBytes(db: Db): number {
  return Number((db.prepare('PRAGMA page_size').raw().get() as [number])[0]) || 4096;
}

function walSize(path: string): number {
  try {
    return statSync(`${path}-wal`).size;
  } catch {
    return 0;
  }
}
