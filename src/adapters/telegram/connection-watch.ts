import { GrammyError, HttpError, type Transformer } from 'grammy';
import { describeError } from '../../kernel/describe-error.js';
import type { Logger } from '../../kernel/logger.js';
import type { PlatformStatusListener } from '../platform-status.js';

/**
 * A grammY API transformer that watches every Bot API call for the state of the connection: the
 * first network failure is logged once as a network problem (grammY itself retries quietly), and
 * the first success after it as the recovery. A refused token is reported as such.
 */
export function connectionWatch(
  logger: Logger,
  onStatus: PlatformStatusListener,
  /** False until the first getMe answered: while connecting, the adapter logs its own retries. */
  connected: () => boolean,
): Transformer {
  let unreachable: string | null = null;
  return async (prev, method, payload, signal) => {
    if (!connected()) return prev(method, payload, signal);
    try {
      const result = await prev(method, payload, signal);
      if (!result.ok && result.error_code === 401) {
        onStatus('down', TOKEN_REFUSED);
      } else if (unreachable !== null) {
        unreachable = null;
        logger.info('telegram: connection to the Bot API restored');
        onStatus('up', null);
      }
      return result;
    } catch (error) {
      if (error instanceof HttpError && !signal?.aborted) {
        const why = networkReason(error);
        if (unreachable === null) {
          logger.warn(`telegram: cannot reach the Bot API (${why}); retrying`);
          onStatus('down', `cannot reach the Bot API: ${why}`);
        }
        unreachable = why;
      }
      throw error;
    }
  };
}

/** The refusal of a token, with where to get a good one. */
export const TOKEN_REFUSED =
  'Telegram refused the bot token (401 Unauthorized): check TELEGRAM_BOT_TOKEN (from @BotFather: /mybots → your bot → API Token)';

/** Whether a failed call means the token itself is wrong (Telegram answers 401, or 404 for a malformed one). */
export function isTokenRefusal(error: unknown): boolean {
  return error instanceof GrammyError && (error.error_code === 401 || error.error_code === 404);
}

/**
 * "ECONNREFUSED 127.0.0.1:8081", "ENOTFOUND api.telegram.org", "timed out": the network cause,
 * without the request URL, which carries the bot token.
 */
export function networkReason(error: HttpError): string {
  const inner = error.error as (Error & { code?: string; cause?: { code?: string } }) | undefined;
  const code = inner?.code ?? inner?.cause?.code;
  const message = describeError(inner ?? error);
  const detail = /reason: (.*)$/.exec(message)?.[1] ?? message;
  const text = code && !detail.includes(code) ? `${code}: ${detail}` : detail;
  return text.replace(/\/bot[^/\s]+/g, '/bot***').replace(/^(connect|getaddrinfo) /, '');
}
