/**
 * The chat half of the composition root: the platforms with a token (Telegram, Discord, or both in
 * one process), and daily delivery to them through one shared ledger and schedule. Each platform
 * connects in the background and reports its state to the health monitor; deliveries tick every
 * minute; stop() ends everything, and chats not yet sent stay due in the ledger for the next run.
 * With several instances on one Redis store, each platform module decides who receives what.
 */
import type { AppConfig } from '../config/load-config.js';
import { DeliveryService } from '../delivery/delivery-service.js';
import { DeliveryTicker } from '../delivery/delivery-ticker.js';
import { InstantService } from '../delivery/instant-service.js';
import { topicDigestProvider } from '../delivery/topic-digest.js';
import type { Logger } from '../kernel/logger.js';
import { chatKey } from '../sources/source-catalog.js';
import type { ChatPlatform, PlatformDeps } from './chat-platform.js';
import type { App } from './container.js';

export interface ChatService {
  /**
   * Settles when no platform can run because each refused its token: the reason, for a one-line
   * error and a non-zero exit. Never settles while at least one platform is up or still trying.
   */
  readonly unusable: Promise<string>;
  stop(): Promise<void>;
}

/** Starts the platforms whose tokens are set, and daily delivery to them. */
export async function startChatService(config: AppConfig, app: App, logger: Logger): Promise<ChatService> {
  const { services } = app;
  const refused: string[] = [];
  let reportUnusable: (reason: string) => void = () => undefined;
  const unusable = new Promise<string>((resolve) => (reportUnusable = resolve));
  const depsFor = (name: ChatPlatform['name']): PlatformDeps => ({
    config,
    app,
    logger,
    onStatus(state, detail) {
      app.health.report(name, state, detail);
      void app.heartbeat.beat().catch(() => undefined);
    },
    onRefused(message) {
      logger.error(`${name}: ${message}`);
      app.health.report(name, 'down', message);
      refused.push(message);
      if (refused.length === platforms.length) reportUnusable(refused.join('; '));
    },
  });

  const platforms: ChatPlatform[] = [];
  // Each platform's code (and library) is loaded only when its token is set.
  if (config.secrets.telegramBotToken) {
    const { createTelegramPlatform } = await import('./telegram-platform.js');
    platforms.push(
      await createTelegramPlatform({
        ...depsFor('telegram'),
        token: config.secrets.telegramBotToken,
        onChatMoved: (platform, from, to) => delivery.moveChat(platform, from, to),
      }),
    );
  }
  if (config.secrets.discordToken) {
    const { createDiscordPlatform } = await import('./discord-platform.js');
    platforms.push(
      await createDiscordPlatform({ ...depsFor('discord'), token: config.secrets.discordToken }),
    );
  }
  const delivery = new DeliveryService({
    store: app.store,
    subscriptions: services.subscriptions,
    digests: topicDigestProvider(services.digests, config.digest.maxStories),
    senders: platforms.map((platform) => platform.sender),
    clock: services.clock,
    logger,
    translations: services.i18n,
    audienceOf: (platform, chatId) => services.chatSources.audienceKey(chatKey(platform, chatId)),
    options: {
      concurrency: config.digest.deliveryConcurrency,
      languages: config.digest.languages,
      instanceId: app.instanceId,
      leaseMs: config.digest.deliveryLeaseSeconds * 1000,
    },
    metrics: app.metrics,
  });
  const instant = new InstantService({
    store: app.store,
    audienceOf: (platform, chatId) => services.chatSources.audienceKey(chatKey(platform, chatId)),
    visibility: (chat) => services.chatSources.visibleTo(chat),
    subscriptions: services.subscriptions,
    articles: services.articles,
    stories: services.stories ?? undefined,
    quotes: services.quotes,
    senders: platforms.map((platform) => platform.sender),
    clock: services.clock,
    logger,
    languages: config.digest.languages,
    translations: services.i18n,
    options: {
      ...config.instant,
      windowHours: config.digest.windowHours,
      instanceId: app.instanceId,
      leaseMs: config.digest.deliveryLeaseSeconds * 1000,
      concurrency: config.digest.deliveryConcurrency,
      maxAttempts: 5,
    },
  });
  const ticker = new DeliveryTicker(delivery, logger, config.digest.checkEverySeconds, [instant]);
  const started = platforms.map((platform) => platform.start());
  const ticking = ticker.start();
  return {
    unusable,
    async stop() {
      await ticking;
      await ticker.stop();
      await Promise.all(platforms.map((platform) => platform.stop()));
      await Promise.all(started);
    },
  };
}
