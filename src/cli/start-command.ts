import { runTerminalChat } from '../adapters/terminal/terminal-chat.js';
import { createApp } from '../app/container.js';
import { createStderrLogger } from '../kernel/logger.js';
import { ConfigError, type AppConfig } from '../config/load-config.js';
import type { DiscordAdapter } from '../adapters/discord/discord-adapter.js';
import { TelegramAdapter } from '../adapters/telegram/telegram-adapter.js';
import type { App } from '../app/container.js';
import type { Logger } from '../kernel/logger.js';
import { DeliveryService } from '../delivery/delivery-service.js';
import { DeliveryTicker } from '../delivery/delivery-ticker.js';
import type { DigestSender } from '../delivery/digest-sender.js';
import { topicDigestProvider } from '../delivery/topic-digest.js';
import { describeError } from '../kernel/describe-error.js';
import type { CliArguments } from './arguments.js';

/** After SIGTERM, work in flight gets this long to finish before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 20_000;

/**
 * `quotewire start`: polls the sources once, then keeps polling on schedule. Without a bot token it
 * is the terminal chat and ends with its input; with one it is a service that runs until SIGTERM.
 */
export async function runStartCommand(config: AppConfig, _args: CliArguments): Promise<number> {
  const service = Boolean(config.secrets.telegramBotToken || config.secrets.discordToken);
  if (
    config.secrets.telegramBotToken &&
    config.telegram.mode === 'webhook' &&
    !config.secrets.telegramWebhookSecret
  ) {
    throw new ConfigError(
      'telegram.mode is webhook but TELEGRAM_WEBHOOK_SECRET is not set: set it (1-256 characters: letters, digits, _ and -) or use mode: polling',
    );
  }
  // In the terminal chat, routine lines would interleave with answers; warnings still show.
  const logger = createStderrLogger({ quiet: !service });
  const app = await createApp(config, { logger });
  const { services } = app;

  let stopping = false;
  const stopped = new Promise<string>((resolveStop) => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.once(signal, () => {
        stopping = true;
        resolveStop(signal);
      });
    }
  });

  await services.poller.pollAll();
  await app.scheduler.start();
  await app.heartbeat.start();
  logger.info(
    `Quotewire started: ${(await services.catalog.list()).length} source(s), store ${config.store.url.replace(/\/\/[^@/]*@/, '//***@')}`,
  );

  if (!service) {
    const chat = runTerminalChat({
      services,
      input: process.stdin,
      output: process.stdout,
      interactive: Boolean(process.stdin.isTTY),
    });
    await Promise.race([chat, stopped]);
    if (stopping) process.stdin.destroy();
  } else {
    const platforms = await startChatPlatforms(config, app, logger);
    const signal = await stopped;
    logger.info(`${signal} received: finishing work in flight, then stopping`);
    await platforms.stop();
  }

  const grace = setTimeout(() => {
    logger.warn('work in flight did not finish in time: abandoning it (nothing half-written is kept)');
    process.exit(0);
  }, SHUTDOWN_GRACE_MS);
  grace.unref();
  await app.close();
  clearTimeout(grace);
  return 0;
}

/**
 * The chat platforms with a token (Telegram, Discord, or both in one process), and daily delivery
 * to them through one shared ledger and schedule. The bots connect in the background (Telegram may
 * be unreachable for a while; grammY keeps trying), deliveries tick every minute, and stop() ends
 * everything: chats not yet started stay due in the ledger for the next run.
 */
async function startChatPlatforms(
  config: AppConfig,
  app: App,
  logger: Logger,
): Promise<{ stop(): Promise<void> }> {
  const { services } = app;
  const senders: DigestSender[] = [];
  let telegram: TelegramAdapter | null = null;
  const token = config.secrets.telegramBotToken;
  if (token) {
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
    });
    senders.push(telegram.sender);
  }
  let discord: DiscordAdapter | null = null;
  if (config.secrets.discordToken) {
    // discord.js takes about a second to load: a Telegram-only bot and the terminal chat skip it.
    const { DiscordAdapter } = await import('../adapters/discord/discord-adapter.js');
    discord = new DiscordAdapter({
      token: config.secrets.discordToken,
      apiUrl: config.endpoints.discordApiUrl,
      applicationId: config.endpoints.discordApplicationId,
      guildId: config.discord.guildId,
      services,
      store: app.store,
      logger,
      operators: config.discord.operators,
    });
    senders.push(discord.sender);
  }
  const delivery = new DeliveryService({
    store: app.store,
    subscriptions: services.subscriptions,
    digests: topicDigestProvider(services.digests, config.digest.maxStories),
    senders,
    clock: services.clock,
    logger,
    options: { concurrency: config.digest.deliveryConcurrency, languages: config.digest.languages },
  });
  const ticker = new DeliveryTicker(delivery, logger);
  const started = telegram?.start().catch((error: unknown) => {
    logger.error(`telegram: could not start: ${describeError(error)}`);
  });
  const discordStarted = discord?.start().catch((error: unknown) => {
    logger.error(`discord: could not start: ${describeError(error)}`);
  });
  const ticking = ticker.start();
  return {
    async stop() {
      await ticking;
      await ticker.stop();
      await Promise.all([telegram?.stop(), discord?.stop()]);
      await Promise.all([started, discordStarted]);
    },
  };
}
