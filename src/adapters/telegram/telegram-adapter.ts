/**
 * The Telegram adapter on grammY: one Bot with our throttle as an API transformer, the update
 * handlers (commands, "More" buttons, migrations), the command menu, and either long polling (the
 * default; works behind any firewall) or a webhook server (for deployments behind HTTPS). Its
 * `sender` is Telegram's half of daily delivery; the rest of delivery is platform-neutral.
 */
import { Bot } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { Logger } from '../../kernel/logger.js';
import type { Services } from '../../chat/services.js';
import { describeError } from '../../kernel/describe-error.js';
import type { Store } from '../../store/store.js';
import { SendThrottle, realTimers, type SendLimits, type ThrottleTimers } from './send-throttle.js';
import { syncTelegramCommands } from './telegram-command-sync.js';
import { telegramHandlers } from './telegram-handlers.js';
import { TelegramDigestSender } from './telegram-sender.js';
import { startWebhookServer, type WebhookServer } from './telegram-webhook.js';
import { throttleTransformer, type RetryOptions } from './throttle-transformer.js';

/** Everything the adapter needs, from the config and the composition root. */
export interface TelegramAdapterOptions {
  token: string;
  /** A self-hosted Bot API server (or a test fake); null for Telegram's own. */
  apiRoot: string | null;
  services: Services;
  store: Store;
  logger: Logger;
  operators: readonly string[];
  limits: SendLimits & RetryOptions;
  mode: 'polling' | 'webhook';
  webhook?: { host: string; port: number; path: string; url: string | null; secretToken: string | null };
  /** Moves subscriptions and today's ledger when a group becomes a supergroup. */
  onChatMoved?: (fromChatId: string, toChatId: string) => Promise<unknown>;
  /** Skips getMe (tests that run updates without a server). */
  botInfo?: UserFromGetMe;
  timers?: ThrottleTimers;
}

/** How long stop() waits for Telegram to confirm the last update offset. */
const STOP_TIMEOUT_MS = 5_000;

export class TelegramAdapter {
  readonly bot: Bot;
  readonly sender: TelegramDigestSender;
  readonly throttle: SendThrottle;
  private readonly abort = new AbortController();
  private webhookServer: WebhookServer | null = null;
  private polling: Promise<void> | null = null;

  constructor(private readonly options: TelegramAdapterOptions) {
    const { services, logger } = options;
    this.bot = new Bot(options.token, {
      client: options.apiRoot ? { apiRoot: options.apiRoot } : {},
      ...(options.botInfo ? { botInfo: options.botInfo } : {}),
    });
    this.throttle = new SendThrottle(options.limits, options.timers ?? realTimers);
    this.bot.api.config.use(throttleTransformer(this.throttle, options.limits, logger));
    this.bot.use(
      telegramHandlers({
        services,
        logger,
        operators: new Set(options.operators),
        onChatMoved:
          options.onChatMoved ?? ((from, to) => services.subscriptions.moveChat('telegram', from, to)),
      }),
    );
    this.bot.catch((error) => {
      logger.error(`telegram: update ${error.ctx.update.update_id} failed: ${describeError(error.error)}`);
    });
    this.sender = new TelegramDigestSender(this.bot.api);
  }

  /** The webhook server's port, once started in webhook mode. */
  get webhookPort(): number | null {
    return this.webhookServer?.port ?? null;
  }

  /**
   * Connects (getMe, retried until Telegram answers or stop() is called), registers the command menu
   * if it changed, then receives updates. Resolves once updates are flowing; polling goes on in the
   * background until stop().
   */
  async start(): Promise<void> {
    const { logger } = this.options;
    // grammY types its signal with the abort-controller shim; Node's own is what it uses at run time.
    try {
      await this.bot.init(this.abort.signal as Parameters<Bot['init']>[0]);
    } catch (error) {
      if (this.abort.signal.aborted) return;
      throw error;
    }
    const me = this.bot.botInfo;
    try {
      if (
        await syncTelegramCommands(this.bot.api, me.id, this.options.services.commands, this.options.store)
      ) {
        logger.info('telegram: command menu registered');
      }
    } catch (error) {
      logger.warn(
        `telegram: registering the command menu failed (${describeError(error)}); commands still work`,
      );
    }
    if (this.options.mode === 'webhook') {
      await this.startWebhook();
      logger.info(`telegram: @${me.username} receiving updates by webhook on port ${this.webhookPort}`);
      return;
    }
    await new Promise<void>((resolve, reject) => {
      this.polling = this.bot.start({ onStart: () => resolve() }).catch((error: unknown) => {
        logger.error(`telegram: polling stopped: ${describeError(error)}`);
        reject(error instanceof Error ? error : new Error(String(error)));
      });
    });
    logger.info(`telegram: @${me.username} receiving updates by long polling`);
  }

  /** Stops receiving updates. Safe to call at any point, also while start() is still connecting. */
  async stop(): Promise<void> {
    this.abort.abort();
    await this.webhookServer?.close();
    this.webhookServer = null;
    if (this.bot.isRunning()) {
      const timeout = new Promise<void>((resolve) => setTimeout(resolve, STOP_TIMEOUT_MS).unref());
      await Promise.race([this.bot.stop().catch(() => undefined), timeout]);
    }
    await Promise.race([
      this.polling ?? Promise.resolve(),
      new Promise((r) => setTimeout(r, STOP_TIMEOUT_MS).unref()),
    ]);
  }

  private async startWebhook(): Promise<void> {
    const webhook = this.options.webhook;
    if (!webhook?.secretToken) {
      throw new Error(
        'webhook mode needs TELEGRAM_WEBHOOK_SECRET (letters, digits, _ and -): set it in the environment',
      );
    }
    this.webhookServer = await startWebhookServer(
      this.bot,
      { host: webhook.host, port: webhook.port, path: webhook.path, secretToken: webhook.secretToken },
      this.options.logger,
    );
    if (webhook.url) {
      await this.bot.api.setWebhook(webhook.url, { secret_token: webhook.secretToken });
    } else {
      this.options.logger.warn(
        'telegram: webhook mode without telegram.webhook.url: set the webhook yourself',
      );
    }
  }
}
