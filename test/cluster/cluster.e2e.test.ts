import { afterEach, describe, expect, it } from 'vitest';
import { DeliveryLedger } from '../../src/delivery/delivery-ledger.js';
import { openStore } from '../../src/store/open-store.js';
import {
  busiestWindow,
  clusterConfig,
  deliveries,
  seedSubscriptions,
  startInstance,
  type Instance,
} from '../helpers/cluster-harness.js';
import { startFakeTelegram, type FakeTelegram } from '../helpers/fake-telegram-server.js';
import { hasRedisServer, startRedisServer } from '../helpers/redis-server.js';

const TOKEN = '777:cluster';
const CHATS = 150;

describe.runIf(hasRedisServer())('two instances on one Redis as one bot (the built processes)', () => {
  let fake: FakeTelegram | undefined;
  let redis: Awaited<ReturnType<typeof startRedisServer>> | undefined;
  const instances: Instance[] = [];
  afterEach(async () => {
    for (const instance of instances.splice(0)) instance.child.kill('SIGKILL');
    await fake?.close();
    redis?.stop();
  });

  it(
    'delivers each chat once, with one poller, within the limits, through a kill -9',
    { timeout: 120_000 },
    async () => {
      redis = await startRedisServer();
      fake = await startFakeTelegram({ token: TOKEN, limits: { globalPerSecond: 30, perChatPerSecond: 1 } });
      const day = await seedSubscriptions(redis.url, CHATS);
      const env = {
        configFile: clusterConfig({ checkEverySeconds: 2, deliveryLeaseSeconds: 5 }),
        storeUrl: redis.url,
        apiRoot: fake.apiRoot,
        token: TOKEN,
      };
      const a = startInstance('a', env);
      const b = startInstance('b', env);
      instances.push(a, b);
      // Kill one as soon as the fan-out is under way: its claimed chats must be resumed by the other.
      await expect.poll(() => fake!.sent().length, { timeout: 30_000 }).toBeGreaterThan(30);
      a.child.kill('SIGKILL');
      const killedAt = Date.now();
      expect(await a.exited).toBeNull();

      const store = await openStore(redis.url);
      const ledger = new DeliveryLedger(store, { leaseMs: 5_000, maxAttemptsPerDay: 5 });
      const allSent = async () => {
        const records = await ledger.getMany(
          Array.from({ length: CHATS }, (_, i) => ({ subscriptionId: `telegram:${i + 1}`, day })),
        );
        return records.filter((record) => record?.state === 'sent').length;
      };
      await expect.poll(allSent, { timeout: 60_000, interval: 500 }).toBe(CHATS);
      await store.close();

      const sent = fake.callsOf('sendMessage');
      const byChat = deliveries(sent);
      expect(byChat.size).toBe(CHATS);
      const duplicates = [...byChat.values()].flatMap((entry) => entry.duplicates);
      // At most the one message in flight when the instance was killed, and only from around then.
      expect(duplicates.length).toBeLessThanOrEqual(1);
      for (const duplicate of duplicates) expect(duplicate.at).toBeGreaterThan(killedAt);
      // Without the shared gate the two instances draw dozens of 429s here. With it, none on a quiet
      // machine; on a starved one a message can leave a few hundred ms after its turn and reach the
      // fake in the next one's second, so one or two are tolerated (each is retried after retry_after).
      expect(fake.tooMany).toBeLessThanOrEqual(2);
      expect(
        busiestWindow(
          sent.map((call) => call.at),
          1000,
        ),
      ).toBeLessThanOrEqual(30);
      // Only the lease holder polls: Telegram never saw two getUpdates at once.
      expect(fake.conflicts).toBe(0);
      expect(b.stderr()).not.toMatch(/\n\s+at /);
    },
  );
});
