import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openKeyvStore } from '../../src/store/keyv-store.js';
import { StoreError } from '../../src/store/store.js';
import { hasRedisServer, startRedisServer } from '../helpers/redis-server.js';

// CI installs redis-server (.ci/run); on a developer machine without it this file is skipped.
describe.runIf(hasRedisServer())('the Redis keyv store', () => {
  let redis: Awaited<ReturnType<typeof startRedisServer>>;
  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(() => redis?.stop());

  it('keeps collections apart, batches, lists and expires entries', async () => {
    const store = await openKeyvStore(redis.url);
    const articles = store.collection<{ title: string }>('articles');
    const keys = store.collection<string>('article-keys');
    await articles.setMany([
      { key: 'a', value: { title: 'First' } },
      { key: 'b', value: { title: 'Second' } },
    ]);
    await keys.set('a', 'other collection');
    expect(await articles.getMany(['b', 'missing', 'a'])).toEqual([
      { title: 'Second' },
      undefined,
      { title: 'First' },
    ]);
    const listed = [];
    for await (const entry of articles.entries()) listed.push(entry);
    expect(listed.sort()).toEqual([
      ['a', { title: 'First' }],
      ['b', { title: 'Second' }],
    ]);
    await store.collection<string>('pages').set('short-lived', 'x', 50);
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(await store.collection<string>('pages').get('short-lived')).toBeUndefined();
    await store.close();

    const again = await openKeyvStore(redis.url);
    expect(await again.collection<{ title: string }>('articles').get('a')).toEqual({ title: 'First' });
    await again.close();
  });

  it('says clearly when Redis is not there', async () => {
    await expect(openKeyvStore('redis://127.0.0.1:1')).rejects.toThrow(StoreError);
  });
});
