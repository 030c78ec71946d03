import { createHash } from 'node:crypto';
import Keyv from 'keyv';
import KeyvRedis, { createClient } from '@keyv/redis';
import { PLAIN_JSON } from './envelope.js';
import { keyvCollection, wrapCollection } from './keyv-collection.js';
import {
  runTransaction,
  type ReadRecord,
  type TransactionBackend,
  type WriteOp,
} from './optimistic-transaction.js';
import type { Collection, CollectionName, CounterCollection, SetCollection, Store } from './store.js';
import { StoreError, StoreUnavailableError } from './store.js';

/** Told when Redis goes away and when it is back, once per outage. */
export interface RedisStatusListener {
  down(reason: string): void;
  up(): void;
}

/**
 * Checks that every document read still holds what was read (by SHA-1 of its text; '' for none),
 * then applies the writes: all inside Redis, so no other client's command runs in between.
 * KEYS: the documents read, then one key per write. ARGV: the number read, their digests, then per
 * write an op code and its arguments.
 */
const COMMIT_SCRIPT = `
local reads = tonumber(ARGV[1])
for i = 1, reads do
  local current = redis.call('GET', KEYS[i])
  local expected = ARGV[1 + i]
  if current == false then
    if expected ~= '' then return 0 end
  elseif redis.sha1hex(current) ~= expected then
    return 0
  end
end
local a = reads + 2
for k = reads + 1, #KEYS do
  local op = ARGV[a]
  a = a + 1
  if op == 'S' then
    local ttl = tonumber(ARGV[a + 1])
    if ttl > 0 then redis.call('SET', KEYS[k], ARGV[a], 'PX', ttl) else redis.call('SET', KEYS[k], ARGV[a]) end
    a = a + 2
  elseif op == 'D' then
    redis.call('DEL', KEYS[k])
  elseif op == 'A' then
    local n = tonumber(ARGV[a])
    for j = 1, n do redis.call('SADD', KEYS[k], ARGV[a + j]) end
    a = a + n + 1
  elseif op == 'I' then
    local n = tonumber(ARGV[a])
    for j = 0, n - 1 do redis.call('HINCRBY', KEYS[k], ARGV[a + 1 + 2 * j], ARGV[a + 2 + 2 * j]) end
    a = a + 2 * n + 1
  end
end
return 1
`;

/**
 * The shared store: one Redis connection for every collection. Documents go through keyv
 * (`<collection>::<key>`, keyv's envelope); sets and counters are Redis sets and hashes
 * (`<collection>:members:<key>`, `<collection>:counts:<key>`); transactions are one Lua script.
 * Commands fail at once while Redis is unreachable (rather than queueing silently), so callers and
 * the health check see the outage; the client reconnects by itself.
 */
export async function openRedisStore(url: string, status?: RedisStatusListener): Promise<Store> {
  const safeUrl = url.replace(/\/\/[^@/]*@/, '//***@');
  let connected = false;
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 5_000,
      // At start, a Redis that cannot be reached is a configuration problem to report at once;
      // once running, an outage is waited out with pauses growing to a second (not more: every
      // instance of a cluster is back within a second of Redis, rather than up to five).
      reconnectStrategy: (retries: number, cause: Error) =>
        connected ? Math.min(100 * 2 ** retries, 1_000) : cause,
    },
  });
  // Every collection's keyv adapter listens on this one client.
  client.setMaxListeners(100);
  let down: string | null = null;
  /** Errors while Redis is away say so, in words, rather than the client's own ("The client is offline"). */
  const around = async <R>(work: () => Promise<R>): Promise<R> => {
    try {
      return await work();
    } catch (error) {
      if (down === null && client.isReady) throw error;
      throw new StoreUnavailableError(
        `the store (Redis at ${safeUrl}) is unreachable (${down ?? 'reconnecting'}); Quotewire keeps trying to reconnect`,
      );
    }
  };
  client.on('error', (error: unknown) => {
    const why = error instanceof Error ? error.message || error.name : String(error);
    // Before the first connection, the failure is the start's to report (below), in one message.
    if (down === null && connected) status?.down(why);
    down = why;
  });
  client.on('ready', () => {
    if (down !== null) status?.up();
    down = null;
  });
  try {
    await client.connect();
    await client.ping();
    connected = true;
  } catch (error) {
    if (client.isOpen) client.destroy();
    throw new StoreError(
      `cannot reach the Redis store at ${safeUrl}: ${error instanceof Error ? error.message : String(error)}; is Redis running?`,
    );
  }
  const collections = new Map<CollectionName, Collection<unknown>>();
  const docKey = (name: string, key: string) => `${name}::${key}`;
  const backend: TransactionBackend = {
    async readRaw(name, keys) {
      if (keys.length === 0) return [];
      return (await client.mGet(keys.map((key) => docKey(name, key)))).map((raw) => raw ?? null);
    },
    async commit(reads: readonly ReadRecord[], writes: readonly WriteOp[]) {
      const keys = reads.map((read) => docKey(read.name, read.key));
      const args = [String(reads.length), ...reads.map((read) => (read.raw === null ? '' : sha1(read.raw)))];
      for (const write of writes) {
        switch (write.kind) {
          case 'set':
            keys.push(docKey(write.name, write.key));
            args.push('S', write.raw, String(Math.ceil(write.ttlMs ?? 0)));
            break;
          case 'delete':
            keys.push(docKey(write.name, write.key));
            args.push('D');
            break;
          case 'add':
            keys.push(memberKey(write.name, write.key));
            args.push('A', String(write.members.length), ...write.members);
            break;
          case 'increment': {
            const counts = Object.entries(write.counts);
            keys.push(countKey(write.name, write.key));
            args.push('I', String(counts.length), ...counts.flatMap(([field, by]) => [field, String(by)]));
            break;
          }
        }
      }
      return (await client.eval(COMMIT_SCRIPT, { keys, arguments: args })) === 1;
    },
  };
  return {
    description: `Redis ${safeUrl}`,
    shared: true,
    collection<T>(name: CollectionName): Collection<T> {
      let collection = collections.get(name);
      if (!collection) {
        const keyv = new Keyv({
          store: new KeyvRedis(client, { namespace: name, throwOnConnectError: true, throwOnErrors: true }),
          namespace: name,
          useKeyPrefix: false,
          throwOnErrors: true,
          ...PLAIN_JSON,
        });
        collection = wrapCollection(keyvCollection(keyv), around);
        collections.set(name, collection);
      }
      return collection as Collection<T>;
    },
    sets(name: CollectionName): SetCollection {
      return {
        add: (key, members) =>
          around(async () => {
            if (members.length) await client.sAdd(memberKey(name, key), [...members]);
          }),
        remove: (key, members) =>
          around(async () => {
            if (members.length) await client.sRem(memberKey(name, key), [...members]);
          }),
        members: (key) => around(() => client.sMembers(memberKey(name, key))),
        size: (key) => around(() => client.sCard(memberKey(name, key))),
      };
    },
    counters(name: CollectionName): CounterCollection {
      const read = async (key: string) =>
        Object.fromEntries(
          Object.entries(await client.hGetAll(countKey(name, key))).map(([field, n]) => [field, Number(n)]),
        );
      return {
        increment: (key, counts) =>
          around(async () => {
            const multi = client.multi();
            for (const [field, by] of Object.entries(counts)) multi.hIncrBy(countKey(name, key), field, by);
            await multi.exec();
          }),
        get: (key) => around(() => read(key)),
        getMany: (keys) => around(() => Promise.all(keys.map(read))),
      };
    },
    transact: (work) => around(() => runTransaction(backend, work)),
    async ping() {
      try {
        await client.ping();
      } catch (error) {
        throw new StoreError(
          `Redis at ${safeUrl} does not answer: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    },
    async close() {
      if (client.isOpen) await client.close().catch(() => client.destroy());
    },
  };
}

function memberKey(name: string, key: string): string {
  return `${name}:members:${key}`;
}

function countKey(name: string, key: string): string {
  return `${name}:counts:${key}`;
}

function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}
