import { GrammyError, HttpError, type Transformer } from 'grammy';
import { describeError } from '../../kernel/describe-error.js';
import type { Logger } from '../../kernel/logger.js';
import type { PlatformStatusListener } from '../platform-status.js';

/**
 * A grammY API transformer that watches every Bot API call for the state of the connection: the
 * first network failure is logged once as a network problem (grammY itself retries quietly), and
 * the first success after it as the recovery. A refused token is reported as such.
 */
export function connectionWatch(logger: Logger, onStatus: PlatformStatusListener): Transformer {
  let unreachable: string | null = null;
  return async (prev, method, payload, signal) => {
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

/** "ENOTFOUND api.telegram.org", "ECONNREFUSED", "timed out": the network cause, not the wrapper. */
export function networkReason(error: HttpError): string {
  const inner = error.error as (Error & { cause?: { code?: string; message?: string } }) | undefined;
  const cause = inner?.cause;
  if (cause?.code) return `${cause.code}${cause.message ? `: ${cause.message.replace(/^\w+\s/, '')}` : ''}`;
  return describeError(inner ?? error);
}
