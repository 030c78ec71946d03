import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SharedRateGate } from '../../src/cluster/shared-rate-gate.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { hasRedisServer, startRedisServer } from '../helpers/redis-server.js';
import { openTempStore } from '../helpers/temp-store.js';

/** The most grants in any window of `ms` milliseconds. */
function busiestWindow(times: readonly number[], ms: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let start = 0, end = 0; end < sorted.length; end++) {
    while (sorted[end]! - sorted[start]! >= ms) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

describe.runIf(hasRedisServer())('a rate limit shared by three instances through Redis', () => {
  let redis: Awaited<ReturnType<typeof startRedisServer>>;
  const stores: Store[] = [];
  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(async () => {
    for (const store of stores) await store.close();
    redis?.stop();
  });

  it('keeps all of them together within the global, per-chat and per-group limits', async () => {
    const limits = { name: 'telegram', globalPerSecond: 20, perChatPerSecond: 2, perGroupPerMinute: 120 };
    const gates = await Promise.all(
      [0, 1, 2].map(async () => {
        const store = await openStore(redis.url);
        stores.push(store);
        return new SharedRateGate(store, limits);
      }),
    );
    const grants: { chat: string; at: number }[] = [];
    // 60 messages from three instances at once: 30 chats, two messages each; chat -7 is a group.
    await Promise.all(
      Array.from({ length: 60 }, async (_, i) => {
        const chat = i % 30 === 7 ? '-7' : String(i % 30);
        await gates[i % 3]!.acquire(chat, chat.startsWith('-'));
        grants.push({ chat, at: Date.now() });
      }),
    );
    expect(grants).toHaveLength(60);
    expect(
      busiestWindow(
        grants.map((grant) => grant.at),
        1000,
      ),
    ).toBeLessThanOrEqual(20);
    for (const chat of new Set(grants.map((grant) => grant.chat))) {
      const [first, second] = grants.filter((grant) => grant.chat === chat).map((grant) => grant.at);
      // 2 per second means 500 ms apart (the gate adds 3%); a little less for timer jitter.
      expect(second! - first!, chat).toBeGreaterThanOrEqual(490);
    }
  });

  it('makes every instance wait out a retry_after that one of them was told', async () => {
    const limits = { name: 'pause-test', globalPerSecond: 100, perChatPerSecond: 100, perGroupPerMinute: 0 };
    const [a, b] = [new SharedRateGate(stores[0]!, limits), new SharedRateGate(stores[1]!, limits)];
    const start = Date.now();
    await a.pause('42', 400);
    await b.acquire('42', false);
    expect(Date.now() - start).toBeGreaterThanOrEqual(390);
    // Other chats are not held back.
    const other = Date.now();
    await b.acquire('43', false);
    expect(Date.now() - other).toBeLessThan(200);
  });
});

describe('the shared gate’s pace when messages leave after their turn', () => {
  /** 31 messages to 31 chats through one gate whose every wait overshoots by `lateMs`; their grant times. */
  async function grantsWhenLate(lateMs: number): Promise<number[]> {
    const { store } = await openTempStore();
    let now = 0;
    const gate = new SharedRateGate(
      store,
      { name: 'late', globalPerSecond: 30, perChatPerSecond: 1, perGroupPerMinute: 0 },
      () => now,
      async (ms) => {
        now += ms + lateMs;
      },
    );
    const grants: number[] = [];
    for (let chat = 0; chat <= 30; chat++) {
      await gate.acquire(String(chat), false);
      grants.push(now);
    }
    await store.close();
    return grants;
  }

  it('keeps its pace through a few milliseconds of lateness, and slows down beyond that', async () => {
    const interval = (1000 / 30) * 1.035;
    // 3 ms late each time: the turns stay where they were, so 31 messages take 30 intervals.
    const slightly = await grantsWhenLate(3);
    expect(slightly.at(-1)!).toBeLessThan(30 * interval + 5);
    // 20 ms late (a starved machine): the lateness beyond the credit is kept, and the pace drops.
    const very = await grantsWhenLate(20);
    expect(very.at(-1)!).toBeGreaterThan(30 * (interval + 14));
    // Never faster than the limit: 31 messages always span more than a second.
    expect(slightly.at(-1)! - slightly[0]!).toBeGreaterThan(1000);
  });
});
