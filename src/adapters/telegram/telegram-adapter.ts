/**
 * The Telegram adapter on grammY: one Bot with our throttle as an API transformer, the update
 * handlers (commands, "More" buttons, migrations), the command menu, and either long polling (the
 * default; works behind any firewall) or a webhook server (for deployments behind HTTPS). Its
 * `sender` is Telegram's half of daily delivery; the rest of delivery is platform-neutral.
 *
 * Updates are handled concurrently across chats and in order within a chat (the grammY runner and
 * its `sequentialize`, keyed by chat), after a per-user rate limit, so one flooding chat never
 * holds up another. stop() is clean: no new updates, those in progress finished within a grace
 * period, those not started handed back to Telegram, and only then may the store close.
 */
import { sequentialize } from '@grammyjs/runner';
import { Bot, HttpError, type Context } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import { DEFAULT_FLOOD_LIMITS, FloodGuard, type FloodLimits } from '../../chat/flood-guard.js';
import type { Clock } from '../../kernel/clock.js';
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
import type { SendGate } from '../send-gate.js';
import { SendThrottle, realTimers, type SendLimits, type ThrottleTimers } from './send-throttle.js';
import { syncTelegramCommands } from './telegram-command-sync.js';
import { telegramFloodControl } from './telegram-flood.js';
import { ALLOWED_UPDATES, telegramHandlers, wantsAnswer } from './telegram-handlers.js';
import { TelegramDigestSender } from './telegram-sender.js';
import { startWebhookServer, type WebhookServer } from './telegram-webhook.js';
import { throttleTransformer, type RetryOptions } from './throttle-transformer.js';
import { UpdateHandedBack, UpdateLifecycle } from './update-lifecycle.js';
import { UpdatePolling } from './update-polling.js';

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
  /** The per-user rate limit on commands; {@link DEFAULT_FLOOD_LIMITS} when not given. */
  floodLimits?: FloodLimits;
  /** The rate limit's time (tests move it by hand). */
  clock?: Clock;
  /** How long stop() lets updates in progress finish before abandoning them. */
  drainMs?: number;
  /** Paces sends across instances sharing a store; without it, this process keeps the limits alone. */
  gate?: SendGate;
  /**
   * Long polling starts with start() (the default), or only when startPolling() is called: several
   * instances on one token must not poll at once (Telegram answers 409), so a lease decides.
   */
  pollOnStart?: boolean;
  /** Seconds one long poll is held open (tests shorten it). */
  pollSeconds?: number;
}

/** Updates in progress get this long to finish at stop (the process allows 20 s for everything). */
const DRAIN_MS = 10_000;
/**
 * Updates in flight at once, all chats together, those waiting in their chat's queue included (one
 * chat's are always handled one at a time). The runner's default: a waiting update costs little.
 */
const CONCURRENCY = 500;

/**
 * Quotewire on Telegram (see the file comment): built by the composition root (src/app) only when
 * a Telegram token is configured. start() connects and begins polling or serving the webhook (a
 * refused token rejects with a PlatformLoginError saying which variable to fix); stop() ends
 * receiving cleanly; `sender` delivers digests through the same throttle as replies.
 */
export class TelegramAdapter {
  readonly bot: Bot;
  readonly sender: TelegramDigestSender;
  /** What paces sends: the options' shared gate, or this process's own throttle. */
  readonly throttle: SendGate;
  private readonly abort = new AbortController();
  private webhookServer: WebhookServer | null = null;
  private polling: UpdatePolling | null = null;
  private readonly status: PlatformStatusListener;
  private readonly lifecycle = new UpdateLifecycle();

  constructor(private readonly options: TelegramAdapterOptions) {
    const { services, logger } = options;
    this.bot = new Bot(options.token, {
      // grammY waits 500 s for an answer by default; a long poll holds 30 s, so 75 s means a dead
      // connection is noticed (and logged) within a couple of minutes rather than ten.
      client: { timeoutSeconds: 75, ...(options.apiRoot ? { apiRoot: options.apiRoot } : {}) },
      ...(options.botInfo ? { botInfo: options.botInfo } : {}),
    });
    this.throttle = options.gate ?? new SendThrottle(options.limits, options.timers ?? realTimers);
    this.status = options.onStatus ?? (() => undefined);
    this.bot.api.config.use(connectionWatch(logger, this.status, () => this.bot.isInited()));
    this.bot.api.config.use(throttleTransformer(this.throttle, options.limits, logger, options.metrics));
    const flood = telegramFloodControl(
      new FloodGuard(options.floodLimits ?? DEFAULT_FLOOD_LIMITS, options.clock),
      (ctx) => wantsAnswer(ctx, services),
      (ctx) => services.i18n.translator(services.languages.guess(ctx.from?.language_code)),
    );
    // Order matters: counted in first; a flood dropped before it can queue; then one chat's updates
    // one at a time; then, at its turn, an update is handed back if stop has begun.
    this.bot.use(this.lifecycle.track);
    this.bot.use(flood.admit);
    this.bot.use(sequentialize(chatKey));
    this.bot.use(this.lifecycle.gate);
    this.bot.use(flood.answer);
    this.bot.use(
      telegramHandlers({
        services,
        logger,
        operators: new Set(options.operators),
        onChatMoved:
          options.onChatMoved ?? ((from, to) => services.subscriptions.moveChat('telegram', from, to)),
        fileUrl: (path) =>
          `${options.apiRoot ?? 'https://api.telegram.org'}/file/bot${options.token}/${path}`,
      }),
    );
    this.bot.catch((error) => {
      if (error.error instanceof UpdateHandedBack) return;
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
        await syncTelegramCommands(
          this.bot.api,
          me.id,
          this.options.services.commands,
          this.options.store,
          this.options.services.i18n,
        )
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
    // A webhook left set (by an earlier webhook deployment) would make every getUpdates fail.
    if (!(await this.untilAnswered(() => this.bot.api.deleteWebhook()))) return;
    this.status('up', null);
    if (this.options.pollOnStart === false) {
      logger.info(`telegram: @${me.username} connected; polling when this instance holds the lease`);
      return;
    }
    await this.startPolling();
  }

  /** Starts receiving updates by long polling (after start() connected). */
  async startPolling(): Promise<void> {
    if (this.polling || this.abort.signal.aborted) return;
    const { logger } = this.options;
    // Polling may have run and stopped before (the polling lease went to another instance and came back).
    this.lifecycle.resume();
    this.polling = new UpdatePolling(this.bot, {
      lifecycle: this.lifecycle,
      logger,
      memory: this.options.store.collection<number[]>('meta'),
      concurrency: CONCURRENCY,
      ...(this.options.pollSeconds !== undefined ? { pollSeconds: this.options.pollSeconds } : {}),
      onFailure: (error) => {
        // Polling gives up only on a refused token (401) or a second poller on the same token (409).
        const why = isTokenRefusal(error)
          ? TOKEN_REFUSED
          : `polling stopped: ${describeError(error)}; is another copy of this bot polling with the same token?`;
        logger.error(`telegram: ${why}`);
        this.status('down', why);
      },
    });
    await this.polling.start();
    logger.info(`telegram: @${this.bot.botInfo.username} receiving updates by long polling`);
  }

  /** Stops long polling, finishing (or handing back) the updates in progress; the bot stays connected. */
  async stopPolling(): Promise<void> {
    const polling = this.polling;
    this.polling = null;
    await polling?.stop(this.options.drainMs ?? DRAIN_MS);
  }

  /** getMe until it answers: false when stopped meanwhile. */
  private async connect(): Promise<boolean> {
    // grammY types its signal with the abort-controller shim; Node's own is what it uses at run time.
    const signal = this.abort.signal as Parameters<Bot['init']>[0] & AbortSignal;
    // getMe by hand rather than bot.init(), which retries network failures silently for up to an
    // hour between attempts; here each failure is logged and retried within a minute.
    return this.untilAnswered(async () => {
      if (!this.bot.isInited()) this.bot.botInfo = await this.bot.api.getMe(signal);
    });
  }

  /**
   * A call retried with growing pauses while the Bot API cannot be reached (each failure logged),
   * until it answers (true) or stop() (false). A refused token is a {@link PlatformLoginError}.
   */
  private async untilAnswered(call: () => Promise<unknown>): Promise<boolean> {
    const signal = this.abort.signal;
    for (let attempt = 0; ; attempt++) {
      if (signal.aborted) return false;
      try {
        await call();
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

  /**
   * Stops receiving updates, finishes those in progress (within a grace period), hands back those
   * not started, and resolves when no update of this adapter can touch the store any more. Safe to
   * call at any point, also while start() is still connecting.
   */
  async stop(): Promise<void> {
    this.abort.abort();
    const drainMs = this.options.drainMs ?? DRAIN_MS;
    if (this.webhookServer) {
      // Telegram sends a webhook update again until it is answered with 200: hand-back is a 500.
      this.lifecycle.beginStop();
      const server = this.webhookServer;
      this.webhookServer = null;
      await server.close(() => this.lifecycle.drain(drainMs));
    }
    const polling = this.polling;
    this.polling = null;
    await polling?.stop(drainMs);
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
      await this.bot.api.setWebhook(webhook.url, {
        secret_token: webhook.secretToken,
        allowed_updates: [...ALLOWED_UPDATES],
      });
    } else {
      this.options.logger.warn(
        'telegram: webhook mode without telegram.webhook.url: set the webhook yourself',
      );
    }
  }
}

/** The per-chat queue key: one chat's updates are handled one at a time, in order. */
function chatKey(ctx: Context): string | undefined {
  const id = ctx.chat?.id ?? ctx.from?.id;
  return id === undefined ? undefined : String(id);
}
