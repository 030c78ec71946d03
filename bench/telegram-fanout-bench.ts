/**
 * Telegram fan-out benchmark: one digest delivered to 10,000 subscribed chats through the real
 * grammY, our throttle and the real DeliveryService and SQLite ledger, against a local fake Bot API
 * that only counts. First with the rate limit set high (how fast the bot itself is), then with
 * Telegram's real 30 messages/s on a shorter run, extrapolated to 10,000 chats and compared with the
 * floor of 10,000 / 30 s (target: within 5%).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Bot } from 'grammy';
import { SendThrottle, type SendLimits } from '../src/adapters/telegram/send-throttle.js';
import { TelegramDigestSender } from '../src/adapters/telegram/telegram-sender.js';
import { throttleTransformer } from '../src/adapters/telegram/throttle-transformer.js';
import { createMemoryLogger } from '../src/kernel/logger.js';
import { DeliveryService } from '../src/delivery/delivery-service.js';
import type { Subscription } from '../src/delivery/subscription.js';
import { SubscriptionStore } from '../src/delivery/subscription-store.js';
import type { Digest } from '../src/digest/digest.js';
import { openStore } from '../src/store/open-store.js';
import { FAKE_BOT } from '../test/helpers/fake-telegram-server.js';
import { startMemorySampler } from './memory-sampler.js';

const CHATS = 10_000;
const REAL_LIMIT_CHATS = 600;
const BOT = { ...FAKE_BOT, first_name: 'Bench', username: 'bench_bot' };

/** A digest that fits one message, as most days' digests for one chat do. */
const DIGEST: Digest = {
  date: '',
  generatedAt: '2025-01-02T08:00:00.000Z',
  window: { since: '2025-01-01T08:00:00.000Z', until: '2025-01-02T08:00:00.000Z', hours: 24 },
  topic: null,
  topics: [],
  stories: Array.from({ length: 5 }, (_, i) => ({
    id: String(i),
    headline: `Headline number ${i + 1} about the day's events`,
    summary: ['A summary sentence that says what happened and why it matters to the reader.'],
    quotes: [
      {
        text: 'We will keep working on this until it is done,',
        speaker: 'A. Minister',
        source: 'Wire',
        url: 'https://example.com/',
      },
    ],
    links: [{ title: 'Article', url: `https://example.com/story/${i}`, source: 'Wire', published: null }],
    sources: 1,
    articles: 1,
    updated: '2025-01-02T07:00:00.000Z',
    topics: [],
    engine: 'offline' as const,
  })),
  quoteOfTheDay: null,
  stats: { articles: 5, stories: 5 },
};

async function fanOut(chats: number, limits: SendLimits) {
  let received = 0;
  let messageId = 1;
  let firstAt = 0;
  let lastAt = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      lastAt = performance.now();
      if (received++ === 0) firstAt = lastAt;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        `{"ok":true,"result":{"message_id":${messageId++},"date":0,"chat":{"id":1,"type":"private","first_name":"U"},"text":"x"}}`,
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const apiRoot = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const store = await openStore(
    `sqlite://${join(mkdtempSync(join(tmpdir(), 'qw-fanout-')), 'bench.sqlite')}`,
  );
  const created = '2025-01-01T00:00:00.000Z';
  const now = () => new Date('2025-01-02T09:00:00.000Z');
  await store.collection<Subscription>('subscriptions').setMany(
    Array.from({ length: chats }, (_, i) => {
      const chatId = String(100_000 + i);
      const value: Subscription = {
        id: `telegram:${chatId}`,
        platform: 'telegram',
        chatId,
        threadId: null,
        topics: [],
        deliveryTime: '08:00',
        timeZone: 'UTC',
        language: 'en',
        paused: null,
        createdAt: created,
        updatedAt: created,
      };
      return { key: value.id, value };
    }),
  );
  const bot = new Bot('1:bench', { client: { apiRoot }, botInfo: BOT });
  bot.api.config.use(
    throttleTransformer(new SendThrottle(limits), { maxRetries: 5, maxRetryAfterSeconds: 60 }),
  );
  const delivery = new DeliveryService({
    store,
    subscriptions: new SubscriptionStore(store, now, {
      deliveryTime: '08:00',
      timeZone: 'UTC',
      language: 'en',
    }),
    digests: async () => DIGEST,
    senders: [new TelegramDigestSender(bot.api)],
    clock: now,
    logger: createMemoryLogger(),
    options: { concurrency: 64 },
  });

  const memory = startMemorySampler();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const report = await delivery.tick();
  const seconds = (performance.now() - started) / 1000;
  const cpuUsage = process.cpuUsage(cpu);
  const peakMb = memory.stop();
  await store.close();
  server.closeAllConnections();
  server.close();
  return {
    report,
    received,
    seconds,
    /** Before the first message: listing subscriptions, reading the ledger, building the digest. */
    setupSeconds: (firstAt - started) / 1000,
    /** From the first message received to the last. */
    sendingSeconds: (lastAt - firstAt) / 1000,
    cpuMs: (cpuUsage.user + cpuUsage.system) / 1000,
    peakMb,
  };
}

export async function runTelegramFanoutBench(): Promise<void> {
  const fast = await fanOut(CHATS, { globalPerSecond: 1e6, perChatPerSecond: 1e6, perGroupPerMinute: 1e6 });
  console.log(
    `telegram fan-out: one digest to ${CHATS.toLocaleString('en')} chats through a local fake Bot API`,
  );
  console.log(
    `  rate limit high:   ${fast.report.sent} sent, ${fast.received} messages received by the fake`,
  );
  console.log(
    `  time:              ${fast.seconds.toFixed(2)} s, ${(fast.received / fast.seconds).toFixed(0)} messages/s`,
  );
  console.log(
    `  CPU per message:   ${(fast.cpuMs / fast.received).toFixed(3)} ms (bot and fake server share this process)`,
  );
  console.log(`  peak memory:       ${fast.peakMb.toFixed(0)} MB resident`);

  const real = await fanOut(REAL_LIMIT_CHATS, {
    globalPerSecond: 30,
    perChatPerSecond: 1,
    perGroupPerMinute: 20,
  });
  // Sustained rate between the first and the last message; the setup before the first message
  // grows with the number of chats, so it is scaled from the 10,000-chat run above.
  const perSecond = (real.received - 1) / real.sendingSeconds;
  const setup = fast.setupSeconds;
  const extrapolated = setup + (CHATS - 1) / perSecond;
  const floor = CHATS / 30;
  console.log(
    `  real limit 30/s:   ${REAL_LIMIT_CHATS} chats in ${real.seconds.toFixed(2)} s: ${real.setupSeconds.toFixed(2)} s before the first message, then ${perSecond.toFixed(2)} messages/s`,
  );
  console.log(
    `  10,000 chats:      ~${extrapolated.toFixed(0)} s (extrapolated: ${setup.toFixed(1)} s setup measured at 10,000 chats + 9,999 messages at that rate); floor ${floor.toFixed(0)} s; ${(((extrapolated - floor) / floor) * 100).toFixed(2)}% above it (target ≤ 5%)`,
  );
}
