import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'libsql';
import Keyv from 'keyv';
import { PLAIN_JSON } from './envelope.js';
import { keyvCollection, wrapCollection } from './keyv-collection.js';
import { LibsqlKeyvAdapter } from './libsql-keyv-adapter.js';
import { runTransaction, type TransactionBackend } from './optimistic-transaction.js';
import { SqliteTables, type CommitFaults } from './sqlite-tables.js';
import { walCheckpoints, type WalCheckpointOptions } from './wal-checkpoints.js';
import type { Collection, CollectionName, CounterCollection, SetCollection, Store } from './store.js';
import { StoreError, StoreUnavailableError } from './store.js';

/** How long a write waits for another process (a `quotewire poll` beside the service) to finish its own. */
const BUSY_TIMEOUT_MS = 10_000;
/** Page size of a newly created file. */
const NEW_PAGE_BYTES = 16_384;

/**
 * The embedded store: one SQLite file through libsql, whose prebuilt engine ships inside npm
 * packages (nothing is compiled or downloaded at install). WAL lets the CLI read while the service
 * writes; synchronous=NORMAL is durable across process crashes (only an OS crash can lose the last
 * commits) while making each commit far cheaper.
 */
export function openSqliteStore(
  path: string,
  options: { faults?: CommitFaults; checkpoints?: WalCheckpointOptions } = {},
): Store {
  prepareFolder(path);
  let db: InstanceType<typeof Database>;
  try {
    db = new Database(path);
    db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // A new file gets 16 KB pages (an existing one keeps its own): an article of a few KB then fits
    // in its page instead of spilling to overflow pages, and a commit writes a quarter as many WAL
    // frames; on the ingest bench the main thread spent about half as long in COMMIT.
    db.exec(`PRAGMA page_size = ${NEW_PAGE_BYTES}`);
    if (path !== ':memory:') db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = NORMAL');
  } catch (error) {
    throw new StoreError(`cannot open the SQLite store at ${path}: ${reason(error)}; ${remedy(error)}`);
  }
  // Checkpoint the WAL every ~40 MB rather than every 4 MB (ingest writes tens of MB in bursts), and
  // on a thread of its own once the store writes in bulk.
  const checkpoints = walCheckpoints(path, db, options.checkpoints);
  const tables = new SqliteTables(db, options.faults, () => checkpoints.afterCommit());
  const collections = new Map<CollectionName, Collection<unknown>>();
  const backend: TransactionBackend = {
    readRaw: async (name, keys) => tables.readRaw(tableOf(name), keys),
    commit: async (reads, writes) => tables.commit(tableOf, reads, writes),
  };
  let open = true;
  const guard = async <T>(work: () => T | Promise<T>): Promise<T> => {
    if (!open) throw closed();
    return work();
  };
  return {
    description: `SQLite file ${path}`,
    shared: false,
    collection<T>(name: CollectionName): Collection<T> {
      let collection = collections.get(name);
      if (!collection) {
        const adapter = new LibsqlKeyvAdapter(tables, tableOf(name));
        const keyv = new Keyv({ store: adapter, useKeyPrefix: false, throwOnErrors: true, ...PLAIN_JSON });
        collection = wrapCollection(keyvCollection(keyv), guard);
        collections.set(name, collection);
      }
      return collection as Collection<T>;
    },
    sets(name: CollectionName): SetCollection {
      const table = tableOf(name);
      return {
        add: async (key, members) => guard(() => tables.addMembers(table, key, members)),
        remove: async (key, members) => guard(() => tables.removeMembers(table, key, members)),
        members: async (key) => guard(() => tables.members(table, key)),
        size: async (key) => guard(() => tables.memberCount(table, key)),
      };
    },
    counters(name: CollectionName): CounterCollection {
      const table = tableOf(name);
      return {
        increment: async (key, counts) => guard(() => tables.increment(table, key, counts)),
        get: async (key) => guard(() => tables.counts(table, key)),
        getMany: async (keys) => guard(() => keys.map((key) => tables.counts(table, key))),
      };
    },
    transact: (work) => guard(() => runTransaction(backend, work)),
    async ping() {
      await guard(() => db.prepare('SELECT 1').raw().get());
    },
    async close() {
      if (!open) return;
      open = false;
      await checkpoints.close();
      db.close();
    },
  };
}

/** `article-keys` → `article_keys`: collection names are fixed in code, so this is safe SQL. */
function tableOf(name: string): string {
  return name.replace(/-/g, '_');
}

/**
 * Calls after close() would meet libsql's "database is closed"; this says instead that Quotewire is
 * stopping, which is what a reply or log line should tell.
 */
function closed(): StoreError {
  return new StoreUnavailableError('the store is closed (Quotewire is shutting down)');
}

/** Creates the store's folder and checks it is writable, so the user gets one clear sentence. */
function prepareFolder(path: string): void {
  if (path === ':memory:') return;
  const folder = dirname(path);
  try {
    mkdirSync(folder, { recursive: true });
    accessSync(folder, constants.W_OK);
    if (existsSync(path)) accessSync(path, constants.W_OK | constants.R_OK);
  } catch (error) {
    throw new StoreError(
      `cannot write the store at ${path}: ${reason(error)}; set store.url in the config (or QUOTEWIRE_STORE) to a writable location`,
    );
  }
}

/**
 * What to do about a store that will not open: a damaged file is not fixed by pointing elsewhere,
 * and moving it aside keeps it for recovery.
 */
function remedy(error: unknown): string {
  const code = (error as { code?: string } | undefined)?.code;
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return 'the file is damaged: restore it from a backup, or move it aside (Quotewire then starts with an empty store)';
  }
  return 'set store.url in the config (or QUOTEWIRE_STORE) to a writable file';
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'permission denied';
  return error instanceof Error ? (error.message.split('\n')[0] ?? String(error)) : String(error);
}
