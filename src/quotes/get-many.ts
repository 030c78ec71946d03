import type { Collection } from '../store/store.js';

/**
 * `collection.getMany` in chunks: @keyv/sqlite matches the rows it reads to the keys asked in
 * quadratic time, so a few hundred keys per call keeps a read of thousands cheap.
 */
export async function getManyInChunks<T>(
  collection: Collection<T>,
  keys: readonly string[],
  chunk = 400,
): Promise<(T | undefined)[]> {
  if (keys.length <= chunk) return collection.getMany(keys);
  const results: (T | undefined)[] = [];
  for (let i = 0; i < keys.length; i += chunk) {
    results.push(...(await collection.getMany(keys.slice(i, i + chunk))));
  }
  return results;
}
