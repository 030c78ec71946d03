import { mkdirSync, accessSync, constants, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import Keyv, { type StoredData } from 'keyv';
import KeyvSqlite from '@keyv/sqlite';
import KeyvRedis from '@keyv/redis';
import type { Collection, CollectionName, Store } from './store.js';
import { StoreError } from './store.js';

/**
 * Opens the configured keyv store: `sqlite://<path>` (the embedded default) or `redis://...`.
 * Each collection gets its own SQLite table (or Redis namespace), so iterating one collection never
 * scans the others.
 */
export async function openKeyvStore(url: string): Promise<Store> {
  if (url.startsWith('sqlite://')) return openSqlite(url.slice('sqlite://'.length));
  if (url.startsWith('redis://') || url.startsWith('rediss://')) return openRedis(url);
  throw new StoreError(`store.url "${url}" is not supported: use sqlite://<file path> or redis://host:port`);
}

async function openSqlite(path: string): Promise<Store> {
  prepareSqlitePath(path);
  const adapters = new Map<CollectionName, BatchingKeyvSqlite>();
  const collections = new Map<CollectionName, Collection<unknown>>();
  const adapterFor = (name: CollectionName): BatchingKeyvSqlite => {
    let adapter = adapters.get(name);
    if (!adapter) {
      adapter = new BatchingKeyvSqlite({
        uri: `sqlite://${path}`,
        table: name.replace(/-/g, '_'),
        busyTimeout: 10_000,
        // keyv pages through a collection this many rows at a time.
        iterationLimit: 1000,
      } as ConstructorParameters<typeof KeyvSqlite>[0]);
      adapters.set(name, adapter);
    }
    return adapter;
  };
  // WAL lets readers and the writer work at once, and NORMAL sync is durable across process crashes
  // (only an OS crash can lose the last commits) while making each write far cheaper.
  const probe = adapterFor('meta');
  try {
    await probe.query('PRAGMA journal_mode=WAL');
    await probe.query('SELECT 1');
  } catch (error) {
    throw new StoreError(
      `cannot open the SQLite store at ${path}: ${describe(error)}; set store.url in the config (or QUOTEWIRE_STORE) to a writable file`,
    );
  }
  return {
    description: `SQLite file ${path}`,
    collection<T>(name: CollectionName): Collection<T> {
      let collection = collections.get(name);
      if (!collection) {
        const adapter = adapterFor(name);
        void adapter.query('PRAGMA synchronous=NORMAL').catch(() => undefined);
        collection = keyvCollection(new Keyv({ store: adapter, throwOnErrors: true, ...PLAIN_JSON }));
        collections.set(name, collection);
      }
      return collection as Collection<T>;
    },
    async close() {
      await Promise.all([...adapters.values()].map((adapter) => adapter.disconnect().catch(() => undefined)));
    },
  };
}

async function openRedis(url: string): Promise<Store> {
  const collections = new Map<CollectionName, Collection<unknown>>();
  const keyvs: Keyv[] = [];
  const safeUrl = url.replace(/\/\/[^@/]*@/, '//***@');
  const probe = new Keyv({ store: new KeyvRedis(url, redisOptions('meta')), throwOnErrors: true });
  try {
    await probe.get('probe');
  } catch (error) {
    await probe.disconnect().catch(() => undefined);
    throw new StoreError(`cannot reach the Redis store at ${safeUrl}: ${describe(error)}; is Redis running?`);
  }
  keyvs.push(probe);
  return {
    description: `Redis ${safeUrl}`,
    collection<T>(name: CollectionName): Collection<T> {
      let collection = collections.get(name);
      if (!collection) {
        const keyv = new Keyv({
          store: new KeyvRedis(url, redisOptions(name)),
          namespace: name,
          throwOnErrors: true,
          ...PLAIN_JSON,
        });
        keyvs.push(keyv);
        collection = keyvCollection(keyv);
        collections.set(name, collection);
      }
      return collection as Collection<T>;
    },
    async close() {
      await Promise.all(keyvs.map((keyv) => keyv.disconnect().catch(() => undefined)));
    },
  };
}

/**
 * Values are plain JSON data, so plain JSON.stringify/parse: keyv's default serializer also walks every
 * value looking for Buffers, which costs more than the SQLite write itself on large articles. The
 * stored format ({"value":…,"expires":…}) stays keyv's own.
 */
const PLAIN_JSON = {
  serialize: (data: unknown) => JSON.stringify(data),
  deserialize: (data: string) => JSON.parse(data),
};

/**
 * @keyv/sqlite writes a batch one statement at a time, each its own transaction, and reads one with a
 * quadratic match of rows to keys. Ingest and digests move thousands of keys at once, so batches here
 * are one multi-row statement per few hundred entries.
 */
class BatchingKeyvSqlite extends KeyvSqlite {
  /** @keyv/sqlite's own getMany matches rows to keys with a linear search per key: quadratic. */
  override async getMany<Value>(keys: string[]): Promise<StoredData<Value | undefined>[]> {
    const table = (this.opts as { table: string }).table;
    const values = new Map<string, StoredData<Value | undefined>>();
    for (let i = 0; i < keys.length; i += SQLITE_ROWS_PER_STATEMENT) {
      const chunk = keys.slice(i, i + SQLITE_ROWS_PER_STATEMENT);
      const rows = (await this.query(
        `SELECT key, value FROM ${table} WHERE key IN (${chunk.map(() => '?').join(', ')})`,
        ...chunk,
      )) as { key: string; value: StoredData<Value | undefined> }[];
      for (const row of rows) values.set(row.key, row.value);
    }
    return keys.map((key) => values.get(key));
  }

  async setMany(entries: { key: string; value: unknown }[]): Promise<void> {
    const table = (this.opts as { table: string }).table;
    for (let i = 0; i < entries.length; i += SQLITE_ROWS_PER_STATEMENT) {
      const chunk = entries.slice(i, i + SQLITE_ROWS_PER_STATEMENT);
      const rows = chunk.map(() => '(?, ?)').join(', ');
      await this.query(
        `INSERT INTO ${table} (key, value) VALUES ${rows} ON CONFLICT(key) DO UPDATE SET value=excluded.value`,
        ...chunk.flatMap(({ key, value }) => [key, value]),
      );
    }
  }
}

/** Two bound parameters per row; SQLite's default limit is 32,766 parameters per statement. */
const SQLITE_ROWS_PER_STATEMENT = 500;

/** Fail fast with a clear message when Redis is down, instead of keyv's default of no-op answers. */
function redisOptions(namespace: string) {
  return { namespace, throwOnConnectError: true, throwOnErrors: true, connectionTimeout: 5000 };
}

function keyvCollection<T>(keyv: Keyv): Collection<T> {
  return {
    async get(key) {
      return (await keyv.get<T>(key)) ?? undefined;
    },
    async getMany(keys) {
      if (keys.length === 0) return [];
      const values = await keyv.get<T>([...keys]);
      return values.map((value) => value ?? undefined);
    },
    async set(key, value, ttlMs) {
      await keyv.set(key, value, ttlMs);
    },
    async setMany(entries) {
      if (entries.length === 0) return;
      await keyv.setMany(entries.map(({ key, value }) => ({ key, value })));
    },
    async delete(key) {
      return keyv.delete(key);
    },
    async *entries() {
      if (!keyv.iterator) throw new StoreError('this store cannot list its entries');
      for await (const [key, value] of keyv.iterator(undefined)) {
        yield [String(key), value as T];
      }
    },
  };
}

/** Creates the store's folder and checks it is writable, so the user gets one clear sentence. */
function prepareSqlitePath(path: string): void {
  if (path === ':memory:') return;
  const folder = dirname(path);
  try {
    mkdirSync(folder, { recursive: true });
    accessSync(folder, constants.W_OK);
    if (existsSync(path)) accessSync(path, constants.W_OK | constants.R_OK);
  } catch (error) {
    throw new StoreError(
      `cannot write the store at ${path}: ${describe(error)}; set store.url in the config (or QUOTEWIRE_STORE) to a writable location`,
    );
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'permission denied';
    return error.message.split('\n')[0] ?? String(error);
  }
  return String(error);
}
