import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BotError, webhookCallback, type Bot } from 'grammy';
import { UpdateHandedBack } from './update-lifecycle.js';
import type { Logger } from '../../kernel/logger.js';
import { describeError } from '../../kernel/describe-error.js';

/** Where the webhook server listens, and the secret Telegram sends with every update. */
export interface WebhookOptions {
  host: string;
  port: number;
  path: string;
  secretToken: string;
}

/** How long close() waits for answers already being written once the handlers are done. */
const ANSWER_GRACE_MS = 2_000;

/** A running webhook server. */
export interface WebhookServer {
  /** The port actually listened on (differs from the option when it was 0). */
  port: number;
  /**
   * Stops accepting connections, waits for `drain` (the updates in progress), then closes the
   * connections left, so that a request being handled is answered rather than cut off.
   */
  close(drain?: () => Promise<unknown>): Promise<void>;
}

/**
 * Webhook mode: a node:http server that hands POSTs on `path` to grammY. grammY checks the
 * X-Telegram-Bot-Api-Secret-Token header and answers 401 without the right one, so only Telegram
 * (which got the secret with setWebhook) can post updates. Everything else is 404.
 */
export async function startWebhookServer(
  bot: Bot,
  options: WebhookOptions,
  logger: Logger,
): Promise<WebhookServer> {
  const handle = webhookCallback(bot, 'http', { secretToken: options.secretToken, onTimeout: 'return' });
  let answering = 0;
  const server: Server = createServer((req, res) => {
    answering++;
    res.once('close', () => answering--);
    const path = new URL(req.url ?? '/', 'http://webhook.invalid').pathname;
    if (req.method !== 'POST' || path !== options.path) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    handle(req, res).catch((error: unknown) => {
      // A 500 makes Telegram send the update again later: right for one handed back at shutdown.
      const cause = error instanceof BotError ? error.error : error;
      if (cause instanceof UpdateHandedBack) logger.info(`telegram webhook: ${cause.message}`);
      else logger.error(`telegram webhook: ${describeError(error)}`);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: async (drain) => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await drain?.();
      // The handlers are done; their 200s may still be on the way out.
      const deadline = Date.now() + ANSWER_GRACE_MS;
      while (answering > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
      server.closeAllConnections();
      await closed;
    },
  };
}
