/**
 * The Telegram adapter on grammY: one Bot with our throttle as an API transformer, the update
 * handlers (commands, "More" buttons, migrations), the command menu, and either long polling (the
 * default; works behind any firewall) or a webhook server (for deployments behind HTTPS). Its
 * `sender` is Telegram's half of daily delivery; the rest of delivery is platform-neutral.
 */
import { Bot, HttpError } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { Logger } from '../../kernel/logger.js';
import type { RateLimitMetrics } from '../../metrics/metrics.js';
import type { Services } from '../../chat/services.js';
import { describeError } from '../../kernel/describe-error.js';
import type { Store } from '../../store/store.js';
import {
  pause,
  PlatformLoginError,
  reconnectDelayMs,
  type PlatformStatusListener,
} from '../platform-status.js';
import { connectionWatch, isTokenRefusal, networkReason, TOKEN_REFUSED } from './connection-watch.js';
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
  /** Hears when the connection is up, down (and why), for health and the service's decisions. */
  onStatus?: PlatformStatusListener;
  /** Counts Telegram's 429 answers. */
  metrics?: RateLimitMetrics;
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
  private readonly status: PlatformStatusListener;

  constructor(private readonly options: TelegramAdapterOptions) {
    const { services, logger } = options;
    this.bot = new Bot(options.token, {
      // grammY waits 500 s for an answer by default; a long poll holds 30 s, so 75 s means a dead
      // connection is noticed (and logged) within a couple of minutes rather than ten.
      client: { timeoutSeconds: 75, ...(options.apiRoot ? { apiRoot: options.apiRoot } : {}) },
      ...(options.botInfo ? { botInfo: options.botInfo } : {}),
    });
    this.throttle = new SendThrottle(options.limits, options.timers ?? realTimers);
    this.status = options.onStatus ?? (() => undefined);
    this.bot.api.config.use(connectionWatch(logger, this.status, () => this.bot.isInited()));
    this.bot.api.config.use(throttleTransformer(this.throttle, options.limits, logger, options.metrics));
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
   * Connects (getMe, retried with growing pauses while Telegram cannot be reached, until stop()),
   * registers the command menu if it changed, then receives updates. Resolves once updates are
   * flowing; polling goes on in the background until stop(). Rejects with a
   * {@link PlatformLoginError} when Telegram refuses the token: retrying cannot help.
   */
  async start(): Promise<void> {
    const { logger } = this.options;
    this.status('starting', 'connecting to Telegram');
    if (!(await this.connect())) return;
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
      this.status('up', null);
      logger.info(`telegram: @${me.username} receiving updates by webhook on port ${this.webhookPort}`);
      return;
    }
    await new Promise<void>((resolve, reject) => {
      this.polling = this.bot.start({ onStart: () => resolve() }).catch((error: unknown) => {
        // grammY gives up only on a refused token (401) or a second poller on the same token (409).
        const why = isTokenRefusal(error)
          ? TOKEN_REFUSED
          : `polling stopped: ${describeError(error)}; is another copy of this bot polling with the same token?`;
        logger.error(`telegram: ${why}`);
        this.status('down', why);
        reject(isTokenRefusal(error) ? new PlatformLoginError(TOKEN_REFUSED) : error);
      });
    });
    this.status('up', null);
    logger.info(`telegram: @${me.username} receiving updates by long polling`);
  }

  /** getMe until it answers: false when stopped meanwhile. */
  private async connect(): Promise<boolean> {
    // grammY types its signal with the abort-controller shim; Node's own is what it uses at run time.
    const signal = this.abort.signal as Parameters<Bot['init']>[0] & AbortSignal;
    for (let attempt = 0; ; attempt++) {
      try {
        // getMe by hand rather than bot.init(), which retries network failures silently for up to an
        // hour between attempts; here each failure is logged and retried within a minute.
        if (!this.bot.isInited()) this.bot.botInfo = await this.bot.api.getMe(signal);
        return true;
      } catch (error) {
        if (signal.aborted) return false;
        if (isTokenRefusal(error)) {
          this.status('down', TOKEN_REFUSED);
          throw new PlatformLoginError(TOKEN_REFUSED);
        }
        if (!(error instanceof HttpError)) throw error;
        const delay = reconnectDelayMs(attempt);
        const why = networkReason(error);
        this.status('down', `cannot reach the Bot API: ${why}`);
        this.options.logger.warn(
          `telegram: cannot reach the Bot API (${why}); trying again in ${Math.round(delay / 1000)} s`,
        );
        await pause(delay, signal);
        if (signal.aborted) return false;
      }
    }
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
