/**
 * The chat half of the composition root: the platforms with a token (Telegram, Discord, or both in
 * one process), and daily delivery to them through one shared ledger and schedule. Each platform
 * connects in the background and reports its state to the health monitor; deliveries tick every
 * minute; stop() ends everything, and chats not yet sent stay due in the ledger for the next run.
 */
import type { DiscordAdapter } from '../adapters/discord/discord-adapter.js';
import { PlatformLoginError } from '../adapters/platform-status.js';
import type { TelegramAdapter } from '../adapters/telegram/telegram-adapter.js';
import type { AppConfig } from '../config/load-config.js';
import { DeliveryService } from '../delivery/delivery-service.js';
import { DeliveryTicker } from '../delivery/delivery-ticker.js';
import type { DigestSender } from '../delivery/digest-sender.js';
import { topicDigestProvider } from '../delivery/topic-digest.js';
import type { HealthPart } from '../health/health-monitor.js';
import { describeError } from '../kernel/describe-error.js';
import type { Logger } from '../kernel/logger.js';
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
  const platforms: { name: HealthPart; adapter: TelegramAdapter | DiscordAdapter }[] = [];
  const onStatus = (part: HealthPart) => (state: 'starting' | 'up' | 'down', detail: string | null) => {
    app.health.report(part, state, detail);
    void app.heartbeat.beat().catch(() => undefined);
  };
  const senders: DigestSender[] = [];
  let telegram: TelegramAdapter | null = null;
  const token = config.secrets.telegramBotToken;
  if (token) {
    // Each platform's library is loaded only when its token is set: a Telegram-only bot skips the
    // second or so discord.js takes to load, and the other way round.
    const { TelegramAdapter } = await import('../adapters/telegram/telegram-adapter.js');
    telegram = new TelegramAdapter({
      token,
      apiRoot: config.endpoints.telegramApiRoot,
      services,
      store: app.store,
      logger,
      operators: config.telegram.operators,
      limits: config.telegram,
      mode: config.telegram.mode,
      webhook: { ...config.telegram.webhook, secretToken: config.secrets.telegramWebhookSecret },
      onChatMoved: (from, to) => delivery.moveChat('telegram', from, to),
      onStatus: onStatus('telegram'),
      metrics: app.metrics,
    });
    const throttle = telegram.throttle;
    app.metrics.watchQueue('telegram', () => throttle.waiting);
    platforms.push({ name: 'telegram', adapter: telegram });
    senders.push(telegram.sender);
  }
  if (config.secrets.discordToken) {
    const { DiscordAdapter } = await import('../adapters/discord/discord-adapter.js');
    const discord = new DiscordAdapter({
      token: config.secrets.discordToken,
      apiUrl: config.endpoints.discordApiUrl,
      applicationId: config.endpoints.discordApplicationId,
      guildId: config.discord.guildId,
      services,
      store: app.store,
      logger,
      operators: config.discord.operators,
      onStatus: onStatus('discord'),
    });
    // discord.js waits out 429s itself; its REST client reports each response, so they are counted here.
    discord.client.rest.on('response', (_request, response) => {
      if (response.status === 429) app.metrics.rateLimited('discord');
    });
    platforms.push({ name: 'discord', adapter: discord });
    senders.push(discord.sender);
  }
  const delivery = new DeliveryService({
    store: app.store,
    subscriptions: services.subscriptions,
    digests: topicDigestProvider(services.digests, config.digest.maxStories),
    senders,
    clock: services.clock,
    logger,
    options: {
      concurrency: config.digest.deliveryConcurrency,
      languages: config.digest.languages,
      instanceId: app.instanceId,
    },
    metrics: app.metrics,
  });
  const ticker = new DeliveryTicker(delivery, logger);

  const refused: string[] = [];
  let reportUnusable: (reason: string) => void = () => undefined;
  const unusable = new Promise<string>((resolve) => (reportUnusable = resolve));
  const started = platforms.map(({ name, adapter }) =>
    adapter.start().catch((error: unknown) => {
      if (error instanceof PlatformLoginError) {
        logger.error(`${name}: ${error.message}`);
        refused.push(error.message);
        if (refused.length === platforms.length) reportUnusable(refused.join('; '));
      } else {
        const why = describeError(error);
        logger.error(`${name}: could not start: ${why}`);
        app.health.report(name, 'down', `could not start: ${why}`);
      }
    }),
  );
  const ticking = ticker.start();
  return {
    unusable,
    async stop() {
      await ticking;
      await ticker.stop();
      await Promise.all(platforms.map(({ adapter }) => adapter.stop()));
      await Promise.all(started);
    },
  };
}
