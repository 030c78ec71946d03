import type { RedisStatusListener } from './redis-store.js';
import type { Store } from './store.js';
import { StoreError } from './store.js';

/**
 * Opens the configured store: `sqlite://<path>` (the embedded default) or `redis://…` (shared by
 * several instances). `status` hears of Redis outages and recoveries; `warn` of SQLite's trouble
 * that does not stop it (see wal-checkpoints.ts). Only the driver in use is
 * loaded: each costs a few hundred milliseconds of start-up.
 */
export async function openStore(
  url: string,
  options: { status?: RedisStatusListener; warn?: (message: string) => void } = {},
): Promise<Store> {
  if (url.startsWith('sqlite://')) {
    const { openSqliteStore } = await import('./sqlite-store.js');
    return openSqliteStore(url.slice('sqlite://'.length), { checkpoints: { warn: options.warn } });
  }
  if (url.startsWith('redis://') || url.startsWith('rediss://')) {
    const { openRedisStore } = await import('./redis-store.js');
    return openRedisStore(url, options.status);
  }
  throw new StoreError(`store.url "${url}" is not supported: use sqlite://<file path> or redis://host:port`);
}
