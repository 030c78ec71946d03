import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TelegramDigestSender } from '../../../src/adapters/telegram/telegram-sender.js';
import { visibleLength } from '../../../src/adapters/telegram/split-html.js';
import { testTranslations } from '../../helpers/translations.js';
import { DeliveryService } from '../../../src/delivery/delivery-service.js';
import { SubscriptionStore } from '../../../src/delivery/subscription-store.js';
import type { Digest } from '../../../src/digest/digest.js';
import { createMemoryLogger } from '../../../src/kernel/logger.js';
import type { Store } from '../../../src/store/store.js';
import { digestFixture, storyFixture } from '../../helpers/digest-fixture.js';
import { startFakeTelegram, type FakeTelegram } from '../../helpers/fake-telegram-server.js';
import { fakeTelegramApi } from '../../helpers/telegram-test-api.js';
import { openTempStore } from '../../helpers/temp-store.js';

const IMAGE = 'https://img.example.com/lead.jpg';

/** Three stories, the top one with an image and a summary longer than a caption. */
function digest(image: string | null = IMAGE): Digest {
  const quote = {
    text: 'We will rebuild the bridge',
    speaker: 'Ann Lee',
    source: 'Wire',
    url: 'https://w.example/q',
  };
  const stories = [1, 2, 3].map((n) =>
    storyFixture(
      `Story ${n} & more`,
      `Sentence ${n} of a summary. `.repeat(n === 1 ? 60 : 3),
      [quote],
      `https://w.example/${n}`,
    ),
  );
  stories[0]!.image = image;
  return digestFixture(stories);
}

describe('digests with images and forum topics on Telegram (real grammY, fake Bot API)', () => {
  let fake: FakeTelegram;
  let store: Store;
  let subscriptions: SubscriptionStore;
  let now = Date.parse('2025-10-24T08:00:00Z');
  const clock = () => new Date(now);
  const logger = createMemoryLogger();
  let current: Digest;
  const translations = testTranslations();
  // The notice a chat reads in General when its digest's forum topic is gone, in English.
  const TOPIC_GONE_NOTICE = translations.translator('en')('digest-topic-gone');

  const service = () =>
    new DeliveryService({
      store,
      subscriptions,
      digests: async () => current,
      senders: [new TelegramDigestSender(fakeTelegramApi(fake))],
      clock,
      logger,
      translations,
      options: { instanceId: 'test' },
    });

  beforeEach(async () => {
    now = Date.parse('2025-10-24T07:00:00Z');
    fake = await startFakeTelegram({ now: () => now });
    ({ store } = await openTempStore());
    subscriptions = new SubscriptionStore(store, clock, {
      deliveryTime: '08:00',
      timeZone: 'UTC',
      language: 'en',
    });
    current = digest();
  });
  afterEach(async () => {
    await fake.close();
    await store.close();
  });

  it('sends the top story as a photo with a caption within 1,024 characters, the rest as messages', async () => {
    await subscriptions.subscribe({ platform: 'telegram', chatId: '-100', threadId: null });
    now = Date.parse('2025-10-24T08:00:00Z');
    expect(await service().tick()).toMatchObject({ sent: 1 });
    const [first, ...rest] = fake.calls.filter((call) => /^send/.test(call.method));
    expect(first!.method).toBe('sendPhoto');
    expect(first!.payload).toMatchObject({ chat_id: '-100', photo: IMAGE, parse_mode: 'HTML' });
    const caption = String(first!.payload.caption);
    expect(visibleLength(caption)).toBeLessThanOrEqual(1024);
    expect(caption).toMatch(/^<b>Quotewire digest for 2025-10-24<\/b>\n\n<b>1\. Story 1 &amp; more<\/b>/);
    // The top story's summary did not fit: it goes on in the next message, then the other stories.
    expect(rest.map((call) => call.method)).toEqual(rest.map(() => 'sendMessage'));
    const text = rest.map((call) => String(call.payload.text)).join('\n');
    expect(text.startsWith('Sentence 1 of a summary.') || text.startsWith('<blockquote>')).toBe(true);
    expect(text).toContain('2. Story 2 &amp; more');
    expect(text).toContain('https://w.example/1');
  });

  it('delivers silently on every message, the photo included', async () => {
    await subscriptions.subscribe({ platform: 'telegram', chatId: '-107', threadId: null }, { silent: true });
    await subscriptions.subscribe({ platform: 'telegram', chatId: '-108', threadId: null });
    now = Date.parse('2025-10-24T08:00:00Z');
    expect(await service().tick()).toMatchObject({ sent: 2 });
    const to = (chat: string) =>
      fake.calls.filter((call) => /^send/.test(call.method) && call.payload.chat_id === chat);
    expect(to('-107')[0]!.method).toBe('sendPhoto');
    expect(to('-107').length).toBeGreaterThan(1);
    expect(to('-107').every((call) => call.payload.disable_notification === true)).toBe(true);
    expect(to('-108').some((call) => 'disable_notification' in call.payload)).toBe(false);
    // A photo Telegram cannot fetch becomes text, silent still.
    fake.fail({
      method: 'sendPhoto',
      when: (payload) => payload.chat_id === '-107',
      times: 1,
      error: { error_code: 400, description: 'Bad Request: failed to get HTTP URL content' },
    });
    now = Date.parse('2025-10-25T08:00:00Z');
    const before = to('-107').length;
    await service().tick();
    const today = to('-107').slice(before);
    expect(today.map((call) => call.method).slice(0, 2)).toEqual(['sendPhoto', 'sendMessage']);
    expect(today.every((call) => call.payload.disable_notification === true)).toBe(true);
  });

  it('sends text only when the chat turned images off, or the story has none', async () => {
    await subscriptions.subscribe(
      { platform: 'telegram', chatId: '-101', threadId: null },
      { images: false },
    );
    await subscriptions.subscribe({ platform: 'telegram', chatId: '-102', threadId: null });
    current = digest();
    now = Date.parse('2025-10-24T08:00:00Z');
    await service().tick();
    expect(fake.callsOf('sendPhoto').map((call) => call.payload.chat_id)).toEqual(['-102']);
    expect(String(fake.sent('-101')[0]!.text)).toContain('<b>1. Story 1 &amp; more</b>');
  });

  it('never loses the story when Telegram cannot fetch the image: the caption goes out as text', async () => {
    fake.fail({
      method: 'sendPhoto',
      times: 1,
      error: { error_code: 400, description: 'Bad Request: wrong file identifier/HTTP URL specified' },
    });
    await subscriptions.subscribe({ platform: 'telegram', chatId: '-103', threadId: null });
    now = Date.parse('2025-10-24T08:00:00Z');
    expect(await service().tick()).toMatchObject({ sent: 1, failed: 0 });
    expect(fake.callsOf('sendPhoto')).toHaveLength(1);
    // A group that forbids photos gets the text too, and stays subscribed.
    fake.fail({
      method: 'sendPhoto',
      when: (payload) => payload.chat_id === '-106',
      times: 1,
      error: { error_code: 400, description: 'Bad Request: not enough rights to send photos to the chat' },
    });
    await subscriptions.subscribe({ platform: 'telegram', chatId: '-106', threadId: null });
    now = Date.parse('2025-10-25T08:00:00Z');
    expect(await service().tick()).toMatchObject({ sent: 2, paused: 0 });
    expect(String(fake.sent('-106')[0]!.text)).toMatch(/^<b>Quotewire digest for 2025-10-25<\/b>/);
    const [first] = fake.sent('-103');
    expect(String(first!.text)).toMatch(/^<b>Quotewire digest for 2025-10-24<\/b>\n\n<b>1\. Story 1/);
    expect(
      fake
        .sent('-103')
        .map((m) => String(m.text))
        .join('\n'),
    ).toContain('3. Story 3 &amp; more');
  });

  it('a deleted forum topic: the digest goes to General after one notice, and stays there', async () => {
    fake.fail({
      method: 'sendPhoto',
      when: (payload) => payload.message_thread_id === 77,
      times: 100,
      error: { error_code: 400, description: 'Bad Request: message thread not found' },
    });
    fake.fail({
      method: 'sendMessage',
      when: (payload) => payload.message_thread_id === 77,
      times: 100,
      error: { error_code: 400, description: 'Bad Request: message thread not found' },
    });
    await subscriptions.subscribe(
      { platform: 'telegram', chatId: '-104', threadId: '77' },
      { topics: ['bridges'] },
    );
    now = Date.parse('2025-10-24T08:00:00Z');
    expect(await service().tick()).toMatchObject({ sent: 1, paused: 0 });
    const sends = fake.calls.filter((call) => /^send/.test(call.method));
    expect(sends[0]!.payload.message_thread_id).toBe(77);
    expect(sends.slice(1).every((call) => call.payload.message_thread_id === undefined)).toBe(true);
    expect(String(sends[1]!.payload.text)).toContain(TOPIC_GONE_NOTICE);
    expect(sends[2]!.method).toBe('sendPhoto');
    // The subscription is now the chat's own, settings kept, and today is not sent twice.
    expect(await subscriptions.get({ platform: 'telegram', chatId: '-104', threadId: '77' })).toBeUndefined();
    expect(await subscriptions.get({ platform: 'telegram', chatId: '-104', threadId: null })).toMatchObject({
      topics: ['bridges'],
      paused: null,
    });
    const count = fake.calls.length;
    expect(await service().tick()).toMatchObject({ due: 0 });
    expect(fake.calls.length).toBe(count);
    // Tomorrow: straight to General, no second notice.
    now = Date.parse('2025-10-25T08:00:00Z');
    expect(await service().tick()).toMatchObject({ sent: 1 });
    const tomorrow = fake.calls.slice(count);
    expect(tomorrow.every((call) => call.payload.message_thread_id === undefined)).toBe(true);
    expect(tomorrow.some((call) => String(call.payload.text).includes(TOPIC_GONE_NOTICE))).toBe(false);
  });

  it('posts into the forum topic it was subscribed in, on every message', async () => {
    await subscriptions.subscribe({ platform: 'telegram', chatId: '-105', threadId: '9' });
    now = Date.parse('2025-10-24T08:00:00Z');
    await service().tick();
    const sends = fake.calls.filter((call) => /^send/.test(call.method));
    expect(sends.length).toBeGreaterThan(1);
    expect(sends.every((call) => call.payload.message_thread_id === 9)).toBe(true);
  });
});
