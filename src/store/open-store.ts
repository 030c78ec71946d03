import { openRedisStore, type RedisStatusListener } from './redis-store.js';
import { openSqliteStore } from './sqlite-store.js';
import type { Store } from './store.js';
import { StoreError } from './store.js';

/**
 * Opens the configured store: `sqlite://<path>` (the embedded default) or `redis://…` (shared by
 * several instances). `status` hears of Redis outages and recoveries.
 */
export async function openStore(url: string, options: { status?: RedisStatusListener } = {}): Promise<Store> {
  if (url.startsWith('sqlite://')) return openSqliteStore(url.slice('sqlite://'.length));
  if (url.startsWith('redis://') || url.startsWith('rediss://')) return openRedisStore(url, options.status);
  throw new StoreError(`store.url "${url}" is not supported: use sqlite://<file path> or redis://host:port`);
}
