import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { StoreError } from '../../src/store/store.js';
import { hasRedisServer, startRedisServer } from '../helpers/redis-server.js';
import { storeContract } from './store-contract.js';

// CI installs redis-server (.ci/run); on a developer machine without it this file is skipped.
describe.runIf(hasRedisServer())('the Redis store', () => {
  let redis: Awaited<ReturnType<typeof startRedisServer>>;
  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(() => redis?.stop());

  storeContract(() => openStore(redis.url));

  it('says clearly when Redis is not there', async () => {
    await expect(openStore('redis://127.0.0.1:1')).rejects.toThrow(StoreError);
    await expect(openStore('redis://127.0.0.1:1')).rejects.toThrow(/is Redis running\?/);
  });

  it('reports a Redis missing at start once, as the error, not also as an outage', async () => {
    const outages: string[] = [];
    const status = { down: (why: string) => outages.push(why), up: () => undefined };
    await expect(openStore('redis://127.0.0.1:1', { status })).rejects.toThrow(StoreError);
    expect(outages).toEqual([]);
  });
});
