import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TelegramDigestSender } from '../../src/adapters/telegram/telegram-sender.js';
import { createMemoryLogger } from '../../src/kernel/logger.js';
import { DeliveryLedger } from '../../src/delivery/delivery-ledger.js';
import { DeliveryService, type DeliveryOptions } from '../../src/delivery/delivery-service.js';
import type { DigestSender } from '../../src/delivery/digest-sender.js';
import { SubscriptionStore } from '../../src/delivery/subscription-store.js';
import type { DigestProvider } from '../../src/delivery/topic-digest.js';
import type { Digest } from '../../src/digest/digest.js';
import type { Store } from '../../src/store/store.js';
import { startFakeTelegram, type FakeTelegram } from '../helpers/fake-telegram-server.js';
import { fakeTelegramApi } from '../helpers/telegram-test-api.js';
import { openTempStore } from '../helpers/temp-store.js';
import { digestFixture, storyFixture } from '../helpers/digest-fixture.js';
import { testTranslations } from '../helpers/translations.js';

const MINUTE = 60_000;

/** A digest of `stories` stories of about `size` characters each. */
function makeDigest(topics: readonly string[], stories = 1, size = 200): Digest {
  return digestFixture(
    Array.from({ length: stories }, (_, i) =>
      storyFixture(
        `Story ${i + 1} <about> ${topics.join(' ') || 'everything'}`,
        'x'.repeat(size),
        [
          {
            text: 'We will deliver exactly once',
            speaker: 'A. Speaker',
            source: 'Wire',
            url: 'https://example.com/a',
          },
        ],
        `https://example.com/${i}`,
      ),
    ),
    topics.length ? topics.join(', ') : null,
  );
}

describe('DeliveryService with the Telegram sender against a fake Bot API', () => {
  let fake: FakeTelegram;
  let store: Store;
  let now: number;
  const clock = () => new Date(now);
  let subscriptions: SubscriptionStore;
  let builds: string[];
  const digests: DigestProvider = async (_at, topics) => {
    builds.push(topics.join(','));
    return makeDigest(topics);
  };
  const logger = createMemoryLogger();
  const translations = testTranslations();

  const service = (options: Partial<DeliveryOptions> = {}, sender?: DigestSender, provider = digests) =>
    new DeliveryService({
      store,
      subscriptions,
      digests: provider,
      senders: [sender ?? new TelegramDigestSender(fakeTelegramApi(fake))],
      clock,
      logger,
      translations,
      options: { instanceId: 'host-a', ...options },
    });

  const subscribe = (
    chatId: string,
    settings: { deliveryTime?: string; timeZone?: string; topics?: string[] } = {},
  ) => subscriptions.subscribe({ platform: 'telegram', chatId, threadId: null }, settings);

  beforeEach(async () => {
    now = Date.parse('2025-10-24T12:00:00Z');
    fake = await startFakeTelegram({ now: () => now });
    ({ store } = await openTempStore());
    subscriptions = new SubscriptionStore(store, clock, {
      deliveryTime: '08:00',
      timeZone: 'UTC',
      language: 'en',
    });
    builds = [];
  });

  afterEach(async () => {
    await fake.close();
    await store.close();
  });

  it('delivers once a day at the local time across the end of British summer time', async () => {
    now = Date.parse('2025-10-24T23:00:00Z');
    await subscribe('1001', { deliveryTime: '08:00', timeZone: 'Europe/London' });
    // 01:30 happens twice on 26 October 2025 in London: the digest goes out at the first one only.
    await subscribe('1002', { deliveryTime: '01:30', timeZone: 'Europe/London' });
    await subscribe('1003', { deliveryTime: '08:00', timeZone: 'America/New_York' });
    const delivery = service();
    for (now = Date.parse('2025-10-24T23:00:00Z'); now <= Date.parse('2025-10-26T14:00:00Z'); now += MINUTE) {
      await delivery.tick();
    }
    const times = (chat: string) =>
      fake.calls
        .filter((call) => call.method === 'sendMessage' && call.payload.chat_id === chat)
        .map((call) => new Date(call.at).toISOString());
    expect(times('1001')).toEqual(['2025-10-25T07:00:00.000Z', '2025-10-26T08:00:00.000Z']);
    expect(times('1002')).toEqual(['2025-10-25T00:30:00.000Z', '2025-10-26T00:30:00.000Z']);
    expect(times('1003')).toEqual(['2025-10-25T12:00:00.000Z', '2025-10-26T12:00:00.000Z']);
    expect(String(fake.sent('1001')[0]!.text)).toContain('Quotewire digest for 2025-10-25');
    expect(String(fake.sent('1001')[1]!.text)).toContain('Quotewire digest for 2025-10-26');
  }, 60_000);

  it('builds the digest once per distinct topic set and sends each chat its own', async () => {
    now = Date.parse('2025-10-24T07:00:00Z');
    await subscribe('1', {});
    await subscribe('2', {});
    await subscribe('3', { topics: ['climate'] });
    await subscribe('4', { topics: ['climate'] });
    now = Date.parse('2025-10-24T08:00:00Z');
    const report = await service().tick();
    expect(report).toMatchObject({ due: 4, sent: 4, digestsBuilt: 2 });
    expect(builds.sort()).toEqual(['', 'climate']);
    expect(String(fake.sent('3')[0]!.text)).toContain('(topics: climate)');
    // The headline's "<about>" arrives escaped, as HTML parse mode needs.
    expect(String(fake.sent('1')[0]!.text)).toContain('Story 1 &lt;about&gt; everything');
  });

  it('a crash between two chats: after the restart each chat has exactly one digest', async () => {
    now = Date.parse('2025-10-24T07:00:00Z');
    await subscribe('2001');
    await subscribe('2002');
    now = Date.parse('2025-10-24T08:00:00Z');
    const real = new TelegramDigestSender(fakeTelegramApi(fake));
    let delivered = 0;
    const crashing: DigestSender = {
      platform: 'telegram',
      post: (target, post) => real.post(target, post),
      async send(target, digest, progress) {
        if (delivered++ === 1) throw new Error('process killed');
        return real.send(target, digest, progress);
      },
    };
    const first = await service({ concurrency: 1 }, crashing).tick();
    expect(first.sent).toBe(1);
    expect(fake.sent()).toHaveLength(1);

    now += MINUTE;
    const second = await service({ concurrency: 1 }).tick();
    expect(second).toMatchObject({ due: 1, sent: 1 });
    expect(fake.sent('2001')).toHaveLength(1);
    expect(fake.sent('2002')).toHaveLength(1);
    now += MINUTE;
    expect((await service().tick()).due).toBe(0);
  });

  it('a crash in the middle of a long digest resumes with the first unconfirmed message, same digest', async () => {
    now = Date.parse('2025-10-24T07:00:00Z');
    await subscribe('3001');
    now = Date.parse('2025-10-24T08:00:00Z');
    let version = 0;
    const changing: DigestProvider = async (_at, topics) => {
      version++;
      return { ...makeDigest(topics, 3, 1800), topic: `v${version}` };
    };
    const real = new TelegramDigestSender(fakeTelegramApi(fake));
    const dying: DigestSender = {
      platform: 'telegram',
      post: (target, post) => real.post(target, post),
      send: (target, digest, progress) =>
        real.send(target, digest, {
          fromPart: progress.fromPart,
          async partSent(index, last) {
            const goOn = await progress.partSent(index, last);
            // The process dies right after the first message was confirmed: nothing more happens.
            if (index === 0) await new Promise(() => undefined);
            return goOn;
          },
        }),
    };
    void service({}, dying, changing).tick();
    await expect.poll(() => fake.sent('3001').length).toBe(1);
    await expect
      .poll(
        async () =>
          (
            await new DeliveryLedger(store, { leaseMs: 120_000, maxAttemptsPerDay: 5 }).get(
              'telegram:3001',
              '2025-10-24',
            )
          )?.partsSent,
      )
      .toBe(1);

    now += MINUTE;
    // Every other instance (or this one restarted) leaves it alone while the dead one's lease holds...
    expect((await service({ instanceId: 'host-b' }, undefined, changing).tick()).due).toBe(0);
    // ...and resumes it once the lease has lapsed, with the snapshot of the same digest.
    now += 2 * MINUTE;
    const report = await service({ instanceId: 'host-b' }, undefined, changing).tick();
    expect(report).toMatchObject({ due: 1, sent: 1, digestsBuilt: 0 });
    const texts = fake.sent('3001').map((payload) => String(payload.text));
    expect(texts).toHaveLength(2);
    expect(texts[0]).toContain('1. Story 1');
    expect(texts[0]).not.toContain('3. Story 3');
    expect(texts[1]).toContain('3. Story 3');
    expect(texts[1]).not.toContain('1. Story 1');
    expect(texts.join('')).not.toContain('v2');
  });

  it('honours 429 retry_after in a storm: every chat still gets exactly one digest', async () => {
    now = Date.parse('2025-10-24T07:00:00Z');
    for (let chat = 1; chat <= 10; chat++) await subscribe(String(4000 + chat));
    now = Date.parse('2025-10-24T08:00:00Z');
    fake.fail({
      method: 'sendMessage',
      when: (payload) => payload.chat_id === '4001',
      times: 1,
      error: {
        error_code: 429,
        description: 'Too Many Requests: retry after 1',
        parameters: { retry_after: 1 },
      },
    });
    // A storm: the next 12 sends are refused too, whoever they are for.
    fake.fail({
      method: 'sendMessage',
      when: (payload) => payload.chat_id !== '4001',
      times: 12,
      error: {
        error_code: 429,
        description: 'Too Many Requests: retry after 1',
        parameters: { retry_after: 1 },
      },
    });
    const report = await service().tick();
    expect(report).toMatchObject({ due: 10, sent: 10, failed: 0 });
    for (let chat = 1; chat <= 10; chat++) {
      const accepted = fake.calls.filter(
        (call) => call.method === 'sendMessage' && call.payload.chat_id === String(4000 + chat),
      );
      expect(accepted.length).toBeGreaterThanOrEqual(1);
    }
    // Every chat got one message accepted: 10 successes after 13 refusals.
    expect(fake.sent()).toHaveLength(23);
  });

  it('pauses a chat that blocked the bot, moves a migrated group, and falls back to plain text', async () => {
    now = Date.parse('2025-10-24T07:00:00Z');
    await subscribe('5001');
    await subscribe('5002');
    await subscribe('-500');
    await subscribe('5003');
    now = Date.parse('2025-10-24T08:00:00Z');
    fake.fail({
      method: 'sendMessage',
      when: (payload) => payload.chat_id === '5001',
      times: 99,
      error: { error_code: 403, description: 'Forbidden: bot was blocked by the user' },
    });
    fake.fail({
      method: 'sendMessage',
      when: (payload) => payload.chat_id === '-500',
      times: 99,
      error: {
        error_code: 400,
        description: 'Bad Request: group chat was upgraded to a supergroup chat',
        parameters: { migrate_to_chat_id: -100500 },
      },
    });
    fake.fail({
      method: 'sendMessage',
      when: (payload) => payload.chat_id === '5003' && payload.parse_mode === 'HTML',
      times: 1,
      error: { error_code: 400, description: "Bad Request: can't parse entities: unsupported start tag" },
    });
    const report = await service().tick();
    expect(report).toMatchObject({ sent: 3, paused: 1, moved: 1, failed: 0 });

    const blocked = await subscriptions.get({ platform: 'telegram', chatId: '5001', threadId: null });
    expect(blocked?.paused?.reason).toBe('bot was blocked by the user');
    expect(logger.lines.some((line) => line.includes('paused telegram:5001: bot was blocked'))).toBe(true);
    expect(await subscriptions.get({ platform: 'telegram', chatId: '-500', threadId: null })).toBeUndefined();
    expect(
      await subscriptions.get({ platform: 'telegram', chatId: '-100500', threadId: null }),
    ).toBeDefined();
    expect(fake.sent('-100500')).toHaveLength(1);
    const plain = fake.sent('5003').at(-1)!;
    expect(plain.parse_mode).toBeUndefined();
    expect(String(plain.text)).toContain('Story 1 <about> everything');

    // The next day: the blocked chat is not tried again, the others get one digest each.
    fake.calls.length = 0;
    now = Date.parse('2025-10-25T08:00:00Z');
    expect(await service().tick()).toMatchObject({ due: 3, sent: 3 });
    expect(fake.sent('5001')).toHaveLength(0);
  });

  it('retries a failing chat on later ticks and gives up after the daily attempt limit', async () => {
    now = Date.parse('2025-10-24T07:00:00Z');
    await subscribe('6001');
    now = Date.parse('2025-10-24T08:00:00Z');
    fake.fail({
      method: 'sendMessage',
      times: 99,
      error: { error_code: 500, description: 'Internal Server Error' },
    });
    const delivery = service({ maxAttemptsPerDay: 3 });
    for (let i = 0; i < 5; i++, now += MINUTE) await delivery.tick();
    expect(fake.callsOf('sendMessage')).toHaveLength(3);
    expect(
      (
        await new DeliveryLedger(store, { leaseMs: 120_000, maxAttemptsPerDay: 5 }).get(
          'telegram:6001',
          '2025-10-24',
        )
      )?.state,
    ).toBe('gave-up');
  });

  it('sends a digest missed while the bot was down when it comes back the same day, not the next', async () => {
    now = Date.parse('2025-10-24T07:00:00Z');
    await subscribe('7001', { deliveryTime: '08:00', timeZone: 'Europe/London' });
    now = Date.parse('2025-10-24T21:30:00Z');
    expect((await service().tick()).sent).toBe(1);
    await subscribe('7002', { deliveryTime: '08:00', timeZone: 'Europe/London' });
    expect((await service().tick()).due).toBe(0);
    now = Date.parse('2025-10-25T23:30:00Z');
    // Down all of 25 October (local): that day is gone, 26 October's time has not come yet.
    expect((await service().tick()).due).toBe(0);
  });

  it('two instances on one store ticking at once send each chat its digest exactly once', async () => {
    now = Date.parse('2025-10-24T07:00:00Z');
    for (let chat = 1; chat <= 40; chat++) await subscribe(String(8000 + chat));
    now = Date.parse('2025-10-24T08:00:00Z');
    // A second connection to the same file stands in for a second process.
    const { openStore } = await import('../../src/store/open-store.js');
    const url = (store.description.match(/SQLite file (.*)$/) ?? [])[1]!;
    const other = await openStore(`sqlite://${url}`);
    const b = new DeliveryService({
      store: other,
      subscriptions: new SubscriptionStore(other, clock, {
        deliveryTime: '08:00',
        timeZone: 'UTC',
        language: 'en',
      }),
      digests,
      senders: [new TelegramDigestSender(fakeTelegramApi(fake))],
      clock,
      logger,
      translations,
      options: { instanceId: 'host-b', concurrency: 4 },
    });
    const [first, second] = await Promise.all([service({ concurrency: 4 }).tick(), b.tick()]);
    expect(first.sent + second.sent).toBe(40);
    // Both did some of the work: the claims, not luck, kept them apart.
    expect(first.sent).toBeGreaterThan(0);
    expect(second.sent).toBeGreaterThan(0);
    for (let chat = 1; chat <= 40; chat++) expect(fake.sent(String(8000 + chat))).toHaveLength(1);
    await other.close();
  });

  it('stops a long digest between two messages on shutdown, and the restart sends only the rest', async () => {
    now = Date.parse('2025-10-24T07:00:00Z');
    await subscribe('9001');
    now = Date.parse('2025-10-24T08:00:00Z');
    const long: DigestProvider = async (_at, topics) => makeDigest(topics, 6, 1800);
    const real = new TelegramDigestSender(fakeTelegramApi(fake));
    let stopping: Promise<void> | null = null;
    const sigterm: DigestSender = {
      platform: 'telegram',
      post: (target, post) => real.post(target, post),
      send: (target, digest, progress) =>
        real.send(target, digest, {
          fromPart: progress.fromPart,
          async partSent(index, last) {
            // SIGTERM arrives while the first message is being recorded.
            if (index === 0) stopping = first.stop();
            return progress.partSent(index, last);
          },
        }),
    };
    const first = service({}, sigterm, long);
    await first.tick();
    await stopping;
    expect(fake.sent('9001')).toHaveLength(1);
    const record = await new DeliveryLedger(store, { leaseMs: 120_000, maxAttemptsPerDay: 5 }).get(
      'telegram:9001',
      '2025-10-24',
    );
    // Handed back at once, without counting an attempt, so the restart need not wait for the lease.
    expect(record).toMatchObject({ state: 'sending', partsSent: 1, attempts: 0 });
    expect(Date.parse(record!.leaseUntil!)).toBeLessThanOrEqual(now);

    const restarted = await service({ instanceId: 'host-a-restarted' }, undefined, long).tick();
    expect(restarted).toMatchObject({ sent: 1, digestsBuilt: 0 });
    const texts = fake.sent('9001').map((payload) => String(payload.text));
    expect(texts.length).toBeGreaterThan(2);
    expect(new Set(texts).size).toBe(texts.length);
    expect(texts[1]).not.toContain('1. Story 1');
  });

  it('an instance that stalled past its lease stops when it finds its claim taken over', async () => {
    now = Date.parse('2025-10-24T07:00:00Z');
    await subscribe('9101');
    now = Date.parse('2025-10-24T08:00:00Z');
    const long: DigestProvider = async (_at, topics) => makeDigest(topics, 6, 1800);
    const real = new TelegramDigestSender(fakeTelegramApi(fake));
    let release: () => void = () => undefined;
    const stalled = new Promise<void>((resolve) => (release = resolve));
    const stalling: DigestSender = {
      platform: 'telegram',
      post: (target, post) => real.post(target, post),
      send: (target, digest, progress) =>
        real.send(target, digest, {
          fromPart: progress.fromPart,
          async partSent(index, last) {
            const goOn = await progress.partSent(index, last);
            // A long pause (a stuck event loop, a suspended VM) after the first message.
            if (index === 0) await stalled;
            return goOn && (await progress.partSent(index, last));
          },
        }),
    };
    const slowTick = service({ instanceId: 'slow' }, stalling, long).tick();
    await expect.poll(() => fake.sent('9101').length).toBe(1);
    now += 3 * MINUTE;
    const takeover = await service({ instanceId: 'fast' }, undefined, long).tick();
    expect(takeover).toMatchObject({ sent: 1 });
    const afterTakeover = fake.sent('9101').length;
    release();
    await slowTick;
    // The stalled instance found a newer claim at its next write and sent nothing more.
    expect(fake.sent('9101')).toHaveLength(afterTakeover);
    expect(logger.lines.some((line) => line.includes('another instance took it over'))).toBe(true);
  });

  /** A sender that waits (as at a busy rate gate) until `go()` before sending each digest. */
  const waitingSender = () => {
    const real = new TelegramDigestSender(fakeTelegramApi(fake));
    let go: () => void = () => undefined;
    const turn = new Promise<void>((resolve) => (go = resolve));
    const sender: DigestSender = {
      platform: 'telegram',
      post: (target, post) => real.post(target, post),
      send: async (target, digest, progress) => {
        await turn;
        return real.send(target, digest, progress);
      },
    };
    return { sender, go };
  };
  const ledgerRecord = (chat: string, leaseMs: number) =>
    new DeliveryLedger(store, { leaseMs, maxAttemptsPerDay: 5 }).get(`telegram:${chat}`, '2025-10-24');

  it('renews the claims it holds while they wait, so a short lease only frees a dead instance’s', async () => {
    now = Date.parse('2025-10-24T07:00:00Z');
    await subscribe('9201');
    now = Date.parse('2025-10-24T08:00:00Z');
    const { sender, go } = waitingSender();
    const waiting = service({ instanceId: 'busy', leaseMs: 1000 }, sender).tick();
    await expect.poll(async () => (await ledgerRecord('9201', 1000))?.state).toBe('sending');
    // Three leases go by while the message waits its turn: the heartbeat keeps the claim.
    now += 3000;
    await expect
      .poll(async () => Date.parse((await ledgerRecord('9201', 1000))?.leaseUntil ?? '0'))
      .toBeGreaterThan(now);
    expect((await service({ instanceId: 'other', leaseMs: 1000 }).tick()).due).toBe(0);
    go();
    expect(await waiting).toMatchObject({ sent: 1 });
    expect(fake.sent('9201')).toHaveLength(1);
  });

  it('stops renewing a claim whose sender is stuck, so another instance resumes the chat', async () => {
    now = Date.parse('2025-10-24T07:00:00Z');
    await subscribe('9202');
    now = Date.parse('2025-10-24T08:00:00Z');
    const { sender } = waitingSender();
    void service({ instanceId: 'stuck', leaseMs: 1000 }, sender).tick();
    await expect.poll(async () => (await ledgerRecord('9202', 1000))?.state).toBe('sending');
    const leaseUntil = (await ledgerRecord('9202', 1000))!.leaseUntil;
    now += 3 * MINUTE;
    // Several heartbeats (every 200 ms) pass without renewing it...
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect((await ledgerRecord('9202', 1000))!.leaseUntil).toBe(leaseUntil);
    // ...and the chat goes out from another instance.
    expect(await service({ instanceId: 'other', leaseMs: 1000 }).tick()).toMatchObject({ due: 1, sent: 1 });
    expect(fake.sent('9202')).toHaveLength(1);
  });

  it('resumes a dead instance’s chat in the same fan-out once its lease lapses, without waiting for a tick', async () => {
    now = Date.parse('2025-10-24T07:00:00Z');
    await subscribe('9301');
    await subscribe('9302');
    now = Date.parse('2025-10-24T08:00:00Z');
    // An instance claimed chat 9301 and died: nothing renews its claim.
    const ledger = new DeliveryLedger(store, { leaseMs: 1000, maxAttemptsPerDay: 5 });
    expect(await ledger.claim('telegram:9301', '2025-10-24', 'dead', new Date(now), 'x')).not.toBeNull();
    // Time moves on for real from here, half a lease later.
    const start = Date.now() - 500;
    const base = now;
    const moving = setInterval(() => (now = base + Date.now() - start), 5);
    try {
      now = base + 500;
      const report = await service({ instanceId: 'alive', leaseMs: 1000 }).tick();
      // One tick sent both: 9302 at once, 9301 as soon as the dead claim lapsed.
      expect(report).toMatchObject({ sent: 2 });
      expect(fake.sent('9301')).toHaveLength(1);
      expect(fake.sent('9302')).toHaveLength(1);
    } finally {
      clearInterval(moving);
    }
  });
});
