import type { Transformer } from 'grammy';
import type { Logger } from '../../kernel/logger.js';
import type { SendGate } from '../send-gate.js';

/** How 429 answers are handled. */
export interface RetryOptions {
  /** Times one request is retried after a 429. */
  maxRetries: number;
  /** A longer retry_after is not waited for: the error goes back to the caller (the ledger retries later). */
  maxRetryAfterSeconds: number;
}

/** Methods that post to a chat and count against Telegram's message limits. */
const SENDING = /^(send(?!ChatAction)|copyMessage|forwardMessage|editMessage)/;

/** Chat ids of groups, supergroups and channels are negative; a channel may also be named @username. */
export function isGroupChat(chatId: string): boolean {
  return chatId.startsWith('-') || chatId.startsWith('@');
}

/**
 * The grammY API transformer (`bot.api.config.use(...)`) that applies the {@link SendThrottle} to every
 * message-sending call, and on 429 waits for `retry_after` (that chat only, so the others go on) and
 * tries again. Only 429 is retried here: Telegram did not process that request, so retrying cannot
 * duplicate a message, whereas a network error or a 5xx may come after the message was posted.
 */
export function throttleTransformer(throttle: SendGate, options: RetryOptions, logger?: Logger): Transformer {
  return async (prev, method, payload, signal) => {
    const chatId = (payload as { chat_id?: unknown } | undefined)?.chat_id;
    if (!SENDING.test(method) || chatId === undefined) return prev(method, payload, signal);
    const chat = String(chatId);
    for (let attempt = 0; ; attempt++) {
      await throttle.acquire(chat, isGroupChat(chat));
      const result = await prev(method, payload, signal);
      if (result.ok || result.error_code !== 429) return result;
      const retryAfter = result.parameters?.retry_after ?? 1;
      if (attempt >= options.maxRetries || retryAfter > options.maxRetryAfterSeconds) return result;
      logger?.warn(`telegram: ${method} to ${chat} rate-limited, retrying after ${retryAfter} s`);
      throttle.pauseChat(chat, retryAfter * 1000);
    }
  };
}
