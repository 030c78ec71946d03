import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SubscriptionStore } from '../../src/delivery/subscription-store.js';
import { openStore } from '../../src/store/open-store.js';
import { deliveries, startInstance, type Instance } from '../helpers/cluster-harness.js';
import { startFakeTelegram, type FakeTelegram } from '../helpers/fake-telegram-server.js';
import { hasRedisServer, startRedisServer } from '../helpers/redis-server.js';
import { REPO_ROOT } from '../helpers/run-cli.js';

const TOKEN = '778:instant';
const INSTANT_CHATS = 40;
const FOLLOWING_CHATS = 20;

/** The bundled sample as the source, instant batches every minute, delivery checked every 2 s. */
function instantConfig(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'qw-instant-cluster-')), 'quotewire.yaml');
  writeFileSync(
    file,
    [
      'sources:',
      `  - { id: sample, url: "${join(REPO_ROOT, 'samples', 'pompeo-huawei-2020-02-01.txt')}" }`,
      'digest: { checkEverySeconds: 2, deliveryLeaseSeconds: 5 }',
      'instant: { everyMinutes: 1, minEveryMinutes: 1, perHour: 30, maxPerHour: 30 }',
      '',
    ].join('\n'),
  );
  return file;
}

describe.runIf(hasRedisServer())('instant posts with two instances on one Redis', () => {
  let fake: FakeTelegram | undefined;
  let redis: Awaited<ReturnType<typeof startRedisServer>> | undefined;
  const instances: Instance[] = [];
  afterEach(async () => {
    for (const instance of instances.splice(0)) instance.child.kill('SIGKILL');
    await fake?.close();
    redis?.stop();
  });

  it(
    'posts each new story, and each quote of a followed speaker, to each chat once',
    { timeout: 320_000 },
    async () => {
      redis = await startRedisServer();
      fake = await startFakeTelegram({ token: TOKEN });
      // Chats 1-40 want new stories; chats 41-60 (daily digest at a time far from now) follow Pompeo.
      const now = new Date();
      const store = await openStore(redis.url);
      const madeAt = new Date(now.getTime() - 3_600_000);
      const digestAt = new Date(now.getTime() + 12 * 3_600_000).toISOString().slice(11, 16);
      const subscriptions = new SubscriptionStore(store, () => madeAt, {
        deliveryTime: digestAt,
        timeZone: 'UTC',
        language: 'en',
      });
      for (let chat = 1; chat <= INSTANT_CHATS + FOLLOWING_CHATS; chat++) {
        const instant = chat <= INSTANT_CHATS;
        await subscriptions.subscribe(
          { platform: 'telegram', chatId: String(chat), threadId: null },
          instant
            ? { mode: 'instant', instant: { everyMinutes: 1, perHour: 30, since: madeAt.toISOString() } }
            : {
                follows: [
                  {
                    key: 'mike pompeo',
                    name: 'Mike Pompeo',
                    variants: ['mike pompeo', 'pompeo'],
                    since: madeAt.toISOString(),
                  },
                ],
              },
        );
      }
      await store.close();

      const env = { configFile: instantConfig(), storeUrl: redis.url, apiRoot: fake.apiRoot, token: TOKEN };
      instances.push(startInstance('a', env), startInstance('b', env));
      const chatsServed = () => new Set(fake!.sent().map((message) => String(message.chat_id))).size;
      await expect
        .poll(chatsServed, { timeout: 60_000, interval: 500 })
        .toBe(INSTANT_CHATS + FOLLOWING_CHATS);
      // An instance whose speaker registry has not yet read the new spellings matches fewer quotes;
      // its next batch (a minute later) brings the rest. Every follower must end with the same quotes.
      const followerCounts = () => {
        const byChat = deliveries(fake!.callsOf('sendMessage'));
        const counts = new Set<number>();
        for (let chat = INSTANT_CHATS + 1; chat <= INSTANT_CHATS + FOLLOWING_CHATS; chat++) {
          counts.add(byChat.get(String(chat))?.texts.length ?? 0);
        }
        return counts.size;
      };
      await expect.poll(followerCounts, { timeout: 100_000, interval: 1_000 }).toBe(1);
      // The counts can agree for a moment while a stale instance's followers still wait for the rest,
      // so wait for a whole batch interval (a minute) without a new message: then nothing more may come.
      let last = -1;
      let quietSince = Date.now();
      while (Date.now() - quietSince < 65_000) {
        const total = fake.callsOf('sendMessage').length;
        if (total !== last) [last, quietSince] = [total, Date.now()];
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }

      const byChat = deliveries(fake.callsOf('sendMessage'));
      const duplicates = [...byChat.values()].flatMap((entry) => entry.duplicates);
      expect(duplicates).toEqual([]);
      for (let chat = 1; chat <= INSTANT_CHATS; chat++) {
        const texts = byChat.get(String(chat))!.texts;
        expect(texts).toHaveLength(1);
        expect(texts[0]).toMatch(/Pompeo/);
      }
      const quoteCounts = new Set<number>();
      for (let chat = INSTANT_CHATS + 1; chat <= INSTANT_CHATS + FOLLOWING_CHATS; chat++) {
        const texts = byChat.get(String(chat))!.texts;
        expect(texts.every((text) => text.includes('Mike Pompeo'))).toBe(true);
        quoteCounts.add(texts.length);
      }
      // Every follower got the same quotes: as many as the first one, each once.
      expect(quoteCounts.size).toBe(1);
      expect([...quoteCounts][0]).toBeGreaterThan(1);
      for (const instance of instances) expect(instance.stderr()).not.toMatch(/\n\s+at /);
    },
  );
});
