import type Keyv from 'keyv';
import type { Collection } from './store.js';
import { StoreError } from './store.js';

/** A typed {@link Collection} over one keyv instance (one SQLite table, or one Redis namespace). */
export function keyvCollection<T>(keyv: Keyv): Collection<T> {
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

/**
 * A collection whose every call goes through `around` (which may refuse it, or translate its
 * errors), entries included.
 */
export function wrapCollection<T>(
  collection: Collection<T>,
  around: <R>(work: () => Promise<R>) => Promise<R>,
): Collection<T> {
  return {
    get: (key) => around(() => collection.get(key)),
    getMany: (keys) => around(() => collection.getMany(keys)),
    set: (key, value, ttlMs) => around(() => collection.set(key, value, ttlMs)),
    setMany: (entries) => around(() => collection.setMany(entries)),
    delete: (key) => around(() => collection.delete(key)),
    async *entries() {
      const iterator = collection.entries()[Symbol.asyncIterator]();
      for (;;) {
        const next = await around(() => iterator.next());
        if (next.done) return;
        yield next.value;
      }
    },
  };
}
