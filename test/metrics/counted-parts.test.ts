import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as promClient from 'prom-client';
import { describe, expect, it } from 'vitest';
import { SendThrottle } from '../../src/adapters/telegram/send-throttle.js';
import { throttleTransformer } from '../../src/adapters/telegram/throttle-transformer.js';
import { DeliveryService } from '../../src/delivery/delivery-service.js';
import type { DigestSender, SendOutcome } from '../../src/delivery/digest-sender.js';
import { SubscriptionStore } from '../../src/delivery/subscription-store.js';
import { loadConfig } from '../../src/config/load-config.js';
import { createMemoryLogger } from '../../src/kernel/logger.js';
import { createStorySummarizer } from '../../src/summaries/create-story-summarizer.js';
import { failureKind } from '../../src/metrics/metrics.js';
import { createPrometheusMetrics } from '../../src/metrics/prometheus-metrics.js';
import { FeedParseError } from '../../src/sources/feed-error.js';
import { FetchError } from '../../src/sources/http-fetcher.js';
import { PageExtractionError } from '../../src/sources/page-extractor.js';
import { digestFixture, storyFixture } from '../helpers/digest-fixture.js';
import { startFakeOpenAiServer } from '../helpers/fake-openai-server.js';
import { openTempStore } from '../helpers/temp-store.js';
import { testTranslations } from '../helpers/translations.js';
import { GOOD_RAIL_ANSWER, railStory } from '../summaries/llm-fixtures.js';

/** The value of one series in the registry's text, or undefined when it has none. */
async function value(registry: promClient.Registry, series: string): Promise<number | undefined> {
  const line = (await registry.metrics()).split('\n').find((text) => text.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('what the parts count', () => {
  it('names a poll failure’s kind from a closed list', () => {
    expect(failureKind(new FetchError('timeout', 'no answer'))).toBe('timeout');
    expect(failureKind(new FetchError('http-status', '500', { status: 500 }))).toBe('http-status');
    expect(failureKind(new FeedParseError('not a feed'))).toBe('parse');
    expect(failureKind(new PageExtractionError('no article', 'https://x', 'no-article'))).toBe('extract');
    expect(failureKind(Object.assign(new Error('gone'), { code: 'ENOENT' }))).toBe('file');
    expect(failureKind(Object.assign(new Error('x'), { name: 'FetchError', kind: 'https://evil/' }))).toBe(
      'other',
    );
    expect(failureKind('a string')).toBe('other');
  });

  it('counts deliveries by result, and the retries of the day', async () => {
    const { registry, metrics } = createPrometheusMetrics(promClient);
    const { store } = await openTempStore();
    let now = Date.parse('2025-10-24T09:00:00Z');
    const clock = () => new Date(now);
    const subscriptions = new SubscriptionStore(store, clock, {
      deliveryTime: '08:00',
      timeZone: 'UTC',
      language: 'en',
    });
    await subscriptions.subscribe({ platform: 'telegram', chatId: '1', threadId: null }, {});
    // The subscription must exist before today's delivery time for it to be due today.
    now = Date.parse('2025-10-25T09:00:00Z');
    const outcomes: SendOutcome[] = [{ kind: 'failed', reason: 'network' }, { kind: 'sent' }];
    const sender: DigestSender = {
      platform: 'telegram',
      send: async (_target, _digest, progress) => {
        const outcome = outcomes.shift()!;
        if (outcome.kind === 'sent') await progress.partSent(0, true);
        return outcome;
      },
      post: async () => {
        throw new Error('this test delivers digests only');
      },
    };
    const delivery = new DeliveryService({
      store,
      subscriptions,
      digests: async () =>
        digestFixture([storyFixture('Ferry resumes', 'The ferry sails again.', [], 'https://e.com/1')]),
      senders: [sender],
      clock,
      logger: createMemoryLogger(),
      translations: testTranslations(),
      metrics,
    });
    await delivery.tick();
    expect(await value(registry, 'quotewire_deliveries_total{result="failed"}')).toBe(1);
    expect(await value(registry, 'quotewire_delivery_retries_total')).toBe(0);
    now += 60_000;
    await delivery.tick();
    expect(await value(registry, 'quotewire_deliveries_total{result="sent"}')).toBe(1);
    expect(await value(registry, 'quotewire_delivery_retries_total')).toBe(1);
    await store.close();
  });

  it('counts every 429 Telegram answers, and the send queue’s depth', async () => {
    const { registry, metrics } = createPrometheusMetrics(promClient);
    const throttle = new SendThrottle({
      globalPerSecond: 1000,
      perChatPerSecond: 1000,
      perGroupPerMinute: 1000,
    });
    metrics.watchQueue('telegram', () => throttle.waiting + 3);
    const answers = [
      {
        ok: false as const,
        error_code: 429,
        description: 'Too Many Requests',
        parameters: { retry_after: 0 },
      },
      { ok: true as const, result: true },
    ];
    const transformer = throttleTransformer(
      throttle,
      { maxRetries: 2, maxRetryAfterSeconds: 5 },
      undefined,
      metrics,
    );
    const prev = (async () => answers.shift()!) as unknown as Parameters<typeof transformer>[0];
    const result = await transformer(prev, 'sendMessage', { chat_id: 5, text: 'hi' } as never);
    expect(result.ok).toBe(true);
    expect(await value(registry, 'quotewire_rate_limited_total{platform="telegram"}')).toBe(1);
    expect(await value(registry, 'quotewire_send_queue_depth{platform="telegram"}')).toBe(3);
  });

  it('counts LLM calls, tokens and fallbacks, in the LLM engine against a fake server', async () => {
    const { registry, metrics } = createPrometheusMetrics(promClient);
    const fake = await startFakeOpenAiServer();
    const folder = mkdtempSync(join(tmpdir(), 'qw-llm-metrics-'));
    const file = join(folder, 'quotewire.yaml');
    writeFileSync(
      file,
      'summarizer:\n  engine: openai\n  openai:\n    model: fake-model\n    maxRetries: 0\n',
    );
    const config = loadConfig({ file, env: { OPENAI_BASE_URL: fake.baseURL } });
    const { store } = await openTempStore();
    const summarizer = await createStorySummarizer({
      config,
      store,
      logger: createMemoryLogger(),
      clock: () => new Date('2026-03-02T10:00:00Z'),
      metrics,
    });
    try {
      fake.respond({ answer: GOOD_RAIL_ANSWER, usage: { prompt: 480, completion: 90 } }, { status: 500 });
      expect((await summarizer.summarize(railStory('a'), { sentences: 2, quotes: 2 })).engine).toBe('llm');
      expect((await summarizer.summarize(railStory('b', ' again'), { sentences: 2, quotes: 2 })).engine).toBe(
        'offline',
      );
      expect(await value(registry, 'quotewire_llm_calls_total')).toBe(2);
      expect(await value(registry, 'quotewire_llm_tokens_total{kind="prompt"}')).toBe(480);
      expect(await value(registry, 'quotewire_llm_tokens_total{kind="completion"}')).toBe(90);
      expect(await value(registry, 'quotewire_llm_fallbacks_total')).toBe(1);
    } finally {
      await store.close();
      await fake.close();
    }
  });
});
