import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DiscordAdapter, type DiscordAdapterOptions } from '../../../src/adapters/discord/discord-adapter.js';
import type { App } from '../../../src/app/container.js';
import { DeliveryService } from '../../../src/delivery/delivery-service.js';
import { SubscriptionStore } from '../../../src/delivery/subscription-store.js';
import { digestFixture, storyFixture } from '../../helpers/digest-fixture.js';
import {
  FAKE_CHANNELS,
  PERMISSIONS,
  slashCommand,
  startFakeDiscord,
  type FakeDiscord,
} from '../../helpers/fake-discord-server.js';
import { REPO_ROOT } from '../../helpers/run-cli.js';
import { startTestApp } from '../../helpers/test-app.js';

const [C1, C2, C3] = FAKE_CHANNELS as [string, string, string];

describe('a Discord channel in its own language (real discord.js, fake Discord)', () => {
  let app: App;
  let fake: FakeDiscord;
  let adapter: DiscordAdapter;

  beforeAll(async () => {
    ({ app } = await startTestApp(`sources:\n  - url: ${REPO_ROOT}samples/pompeo-huawei-2020-02-01.txt\n`));
    await app.services.poller.pollAll();
  });
  afterAll(async () => {
    await app.close();
  });

  const options = (): DiscordAdapterOptions => ({
    token: 'fake-token',
    apiUrl: fake.apiUrl,
    applicationId: null,
    guildId: null,
    services: app.services,
    store: app.store,
    logger: app.services.logger,
    operators: [],
    floodLimits: { burst: 1_000, perMinute: 60_000 },
  });

  beforeEach(async () => {
    fake = await startFakeDiscord();
    adapter = new DiscordAdapter(options());
    await adapter.start();
  });
  afterEach(async () => {
    await adapter.stop();
    await fake.close();
  });

  /** The words of an interaction's answer (sent at once, or into a deferred reply). */
  async function answer(interaction: Record<string, unknown>): Promise<string> {
    const { id, token } = fake.interact(interaction);
    await expect.poll(() => fake.callbacks(id).length).toBeGreaterThan(0);
    const callback = fake.callbacks(id)[0]!;
    if (callback.type === 4) return String(callback.data?.content);
    await expect.poll(() => fake.webhookCalls(token).length).toBeGreaterThan(0);
    return String((fake.webhookCalls(token)[0]!.body as { content?: string }).content);
  }
  /** A slash command from a server whose language is `guildLocale`, by a user whose app speaks `locale`. */
  const from = (interaction: Record<string, unknown>, guildLocale: string, locale: string) => ({
    ...interaction,
    guild_locale: guildLocale,
    locale,
  });

  it('registers German, French and Spanish descriptions on every command and option', () => {
    const list = fake.commands.get('global') as {
      name: string;
      description_localizations?: Record<string, string>;
      options?: { name: string; description_localizations?: Record<string, string> }[];
    }[];
    const digest = list.find((command) => command.name === 'digest')!;
    expect(digest.description_localizations).toEqual({
      de: 'Den heutigen Digest sofort, auf Wunsch zu einem Thema',
      fr: 'Le digest du jour tout de suite, éventuellement sur un sujet',
      'es-ES': 'El resumen de hoy al momento, si quieres sobre un tema',
      'es-419': 'El resumen de hoy al momento, si quieres sobre un tema',
    });
    const time = list.find((command) => command.name === 'time')!;
    expect(time.options!.find((option) => option.name === 'time')!.description_localizations!.de).toBe(
      'HH:MM, 24-Stunden-Format',
    );
    for (const command of list) {
      for (const text of Object.values(command.description_localizations ?? {})) {
        expect(text.length).toBeLessThanOrEqual(100);
      }
    }
  });

  it('answers a German server’s channel in German, whatever the user’s own language', async () => {
    const help = await answer(from(slashCommand('help', {}, { channelId: C2 }), 'de', 'en-US'));
    expect(help).toContain('Was Quotewire macht und welche Befehle es kennt');
    const refused = await answer(
      from(slashCommand('subscribe', {}, { channelId: C2, permissions: PERMISSIONS.member }), 'de', 'fr'),
    );
    expect(refused).toContain('Nur die Administratoren dieser Gruppe');
    const subscribed = await answer(
      from(slashCommand('subscribe', {}, { channelId: C2, permissions: PERMISSIONS.manager }), 'de', 'en-GB'),
    );
    expect(subscribed).toContain('Abonniert: Der Digest kommt ab jetzt jeden Tag hierher.');
    const stored = await app.services.subscriptions.get({ platform: 'discord', chatId: C2, threadId: null });
    expect(stored?.language).toBe('de');
    await app.services.subscriptions.unsubscribe({ platform: 'discord', chatId: C2, threadId: null });
  });

  it('answers a direct message in the user’s language, and /settings language switches it', async () => {
    const dm = (interaction: Record<string, unknown>, locale: string) => {
      const { guild_id: _guild, member, guild_locale: _locale, channel: _channel, ...rest } = interaction;
      const user = (member as { user: unknown }).user;
      return { ...rest, user, locale, channel_id: C3, channel: { id: C3, type: 1 } };
    };
    expect(await answer(dm(slashCommand('topics'), 'es-ES'))).toContain('Este chat aún no está suscrito');
    expect(
      await answer(dm(slashCommand('settings', { setting: 'language', value: 'fr' }), 'es-ES')),
    ).toContain('Langue définie.');
    expect(await answer(dm(slashCommand('unsubscribe'), 'es-ES'))).toBe(
      'Ce chat n’était pas abonné. /subscribe lance le digest quotidien.',
    );
  });

  it('delivers the scheduled digest with the channel’s language', async () => {
    let now = Date.parse('2025-07-01T07:00:00Z');
    const clock = () => new Date(now);
    const subscriptions = new SubscriptionStore(app.store, clock, {
      deliveryTime: '08:00',
      timeZone: 'UTC',
      language: 'en',
    });
    const channel = { platform: 'discord' as const, chatId: C1, threadId: null };
    await subscriptions.subscribe(channel, { language: 'es' });
    now += 2 * 3_600_000;
    const quote = {
      text: 'Entregamos en español.',
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
    const [post] = fake.posted(C1);
    expect(String(post!.content)).toContain('Resumen de Quotewire del 2025-07-01');
    const embeds = post!.embeds as { title?: string; fields?: { name: string }[] }[];
    expect(embeds.map((embed) => embed.title)).toContain('Cita del día');
    expect(embeds[0]!.fields?.[0]?.name).toBe('Fuentes');
    await subscriptions.unsubscribe(channel);
  });
});
