import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  TelegramAdapter,
  type TelegramAdapterOptions,
} from '../../../src/adapters/telegram/telegram-adapter.js';
import type { App } from '../../../src/app/container.js';
import { DeliveryService } from '../../../src/delivery/delivery-service.js';
import { SubscriptionStore } from '../../../src/delivery/subscription-store.js';
import { digestFixture, storyFixture } from '../../helpers/digest-fixture.js';
import { startFakeTelegram, textUpdate, type FakeTelegram } from '../../helpers/fake-telegram-server.js';
import { REPO_ROOT } from '../../helpers/run-cli.js';
import { FAST_LIMITS } from '../../helpers/telegram-test-api.js';
import { startTestApp } from '../../helpers/test-app.js';

/** A German user's private chat, a French group, and a private chat in a language Quotewire lacks. */
const GERMAN = { id: 601, type: 'private' as const };
const GROUP = { id: -800, type: 'supergroup' as const };
const PORTUGUESE = { id: 602, type: 'private' as const };

describe('a Telegram chat in its own language (real grammY, fake Bot API)', () => {
  let app: App;
  let fake: FakeTelegram;
  let adapter: TelegramAdapter;

  beforeAll(async () => {
    ({ app } = await startTestApp(`sources:\n  - url: ${REPO_ROOT}samples/pompeo-huawei-2020-02-01.txt\n`));
    await app.services.poller.pollAll();
  });
  afterAll(async () => {
    await app.close();
  });

  const options = (): TelegramAdapterOptions => ({
    token: '123:test',
    apiRoot: fake.apiRoot,
    services: app.services,
    store: app.store,
    logger: app.services.logger,
    operators: [],
    limits: { ...FAST_LIMITS, maxRetries: 3, maxRetryAfterSeconds: 5 },
    mode: 'polling',
    floodLimits: { burst: 1_000, perMinute: 60_000 },
  });

  beforeEach(async () => {
    fake = await startFakeTelegram();
    fake.admins.set(String(GROUP.id), new Set([71]));
    adapter = new TelegramAdapter(options());
    await adapter.start();
  });
  afterEach(async () => {
    await adapter.stop();
    await fake.close();
  });

  async function say(update: Record<string, unknown>): Promise<string> {
    const before = fake.sent().length;
    fake.pushUpdate(update);
    await expect.poll(() => fake.sent().length).toBeGreaterThan(before);
    return fake
      .sent()
      .slice(before)
      .map((message) => String(message.text))
      .join('\n');
  }

  it('registers the command menu in German, French and Spanish, with English as the default', () => {
    const calls = fake.callsOf('setMyCommands');
    expect(calls.map((call) => call.payload.language_code ?? 'default').sort()).toEqual([
      'de',
      'default',
      'es',
      'fr',
    ]);
    const describe = (code: string | undefined, name: string) =>
      (
        calls.find((call) => call.payload.language_code === code)!.payload.commands as {
          command: string;
          description: string;
        }[]
      ).find((command) => command.command === name)!.description;
    expect(describe('de', 'digest')).toBe('Den heutigen Digest sofort, auf Wunsch zu einem Thema');
    expect(describe('fr', 'unsubscribe')).toBe('Arrêter le digest quotidien ici');
    expect(describe('es', 'help')).toBe('Qué hace Quotewire y qué comandos conoce');
    expect(describe(undefined, 'digest')).toBe("Today's digest now, optionally for one topic");
  });

  it('answers a German user in German from the first message, and subscribes the chat in German', async () => {
    const from = { id: 601, language_code: 'de' };
    expect(await say(textUpdate('/start', GERMAN, from))).toContain('Ein täglicher Digest');
    expect(await say(textUpdate('hallo', GERMAN, from))).toBe(
      'Befehle beginnen mit "/": Versuche /help, /digest oder /quotes <name>.',
    );
    expect(await say(textUpdate('/qoutes merkel', GERMAN, from))).toContain('Meintest du /quotes?');
    const subscribed = await say(textUpdate('/subscribe klima', GERMAN, from));
    expect(subscribed).toContain('Abonniert: Der Digest kommt ab jetzt jeden Tag hierher.');
    expect(subscribed).toMatch(/Digest: jeden Tag um 08:00 UTC/);
    const stored = await app.services.subscriptions.get({
      platform: 'telegram',
      chatId: String(GERMAN.id),
      threadId: null,
    });
    expect(stored?.language).toBe('de');
    expect(await say(textUpdate('/digest', GERMAN, from))).toMatch(/Quotewire-Digest für \d{4}-\d\d-\d\d/);
  });

  it('keeps a group in the language of its first contact, and /settings language changes it', async () => {
    expect(await say(textUpdate('/help', GROUP, { id: 72, language_code: 'fr' }))).toContain(
      'Ce que fait Quotewire',
    );
    // A member whose app speaks English gets the group's language, not their own.
    expect(await say(textUpdate('/topics', GROUP, { id: 73, language_code: 'en' }))).toContain(
      'n’est pas encore abonné',
    );
    // Only an administrator may change it; the refusal comes in the group's language too.
    expect(await say(textUpdate('/settings language es', GROUP, { id: 73, language_code: 'en' }))).toContain(
      'Seuls les administrateurs',
    );
    expect(await say(textUpdate('/settings language es', GROUP, { id: 71, language_code: 'fr' }))).toContain(
      'Idioma fijado.',
    );
    expect(await say(textUpdate('/help', GROUP, { id: 72, language_code: 'fr' }))).toContain(
      'Qué hace Quotewire',
    );
    expect(await say(textUpdate('/settings language xx', GROUP, { id: 71 }))).toBe(
      'Elige un idioma que el bot conozca: en, de, fr, es.',
    );
  });

  it('speaks English to a language it lacks', async () => {
    const answer = await say(textUpdate('/unsubscribe', PORTUGUESE, { id: 602, language_code: 'pt-br' }));
    expect(answer).toBe('This chat was not subscribed. /subscribe starts the daily digest.');
  });

  it('sends the scheduled digest with the words of the chat’s stored language', async () => {
    let now = Date.parse('2025-06-02T07:00:00Z');
    const clock = () => new Date(now);
    const subscriptions = new SubscriptionStore(app.store, clock, {
      deliveryTime: '08:00',
      timeZone: 'UTC',
      language: 'en',
    });
    const chat = { platform: 'telegram' as const, chatId: '603', threadId: null };
    await subscriptions.subscribe(chat, { language: 'fr' });
    now += 2 * 3_600_000;
    const quote = {
      text: 'We deliver in French.',
      speaker: 'A. Speaker',
      source: 'Wire',
      url: 'https://e.com/q',
    };
    const stories = [1, 2].map((n) =>
      storyFixture(`Story ${n}`, 'A summary.', [quote], `https://e.com/${n}`),
    );
    const delivery = new DeliveryService({
      store: app.store,
      subscriptions,
      digests: async () => digestFixture(stories, null, quote),
      senders: [adapter.sender],
      clock,
      logger: app.services.logger,
      translations: app.services.i18n,
      options: { instanceId: 'language-test' },
    });
    expect(await delivery.tick()).toMatchObject({ sent: 1 });
    const text = fake
      .sent('603')
      .map((message) => String(message.text))
      .join('\n');
    expect(text).toContain('Digest Quotewire du 2025-06-02');
    expect(text).toContain('Citation du jour');
    await subscriptions.unsubscribe(chat);
  });
});
