import { DiscordAPIError, HTTPError, RateLimitError } from 'discord.js';
import type { SendOutcome } from '../../delivery/digest-sender.js';
import { describeError } from '../../kernel/describe-error.js';
import { PAUSE_HINTS } from '../../delivery/pause-reasons.js';

/** What the channel's owner should do, for the errors that mean the bot cannot post there. */
const GONE_HINTS: Record<number, string> = {
  10003: PAUSE_HINTS.channelDeleted.text,
  50001: PAUSE_HINTS.cannotSee.text,
  50013: PAUSE_HINTS.noPermission.text,
};

/**
 * What a failed channel post means for the subscription: 403 (Missing Access, Missing
 * Permissions) and 404 (Unknown Channel) will not get better by retrying, so they pause it with a
 * reason that /settings shows; anything else is retried by the next delivery tick. Rate limits
 * never get here: discord.js's REST queue waits them out.
 */
export function classifyDiscordError(error: unknown): Exclude<SendOutcome, { kind: 'sent' | 'moved' }> {
  if (error instanceof DiscordAPIError) {
    const code = typeof error.code === 'number' ? error.code : 0;
    const what = `${error.message} (Discord ${error.status}${code ? `/${code}` : ''})`;
    if (error.status === 403 || error.status === 404) {
      const hint = GONE_HINTS[code] ?? PAUSE_HINTS.checkAccess.text;
      return { kind: 'gone', reason: `${what}: ${hint}` };
    }
    return { kind: 'failed', reason: what };
  }
  if (error instanceof HTTPError)
    return { kind: 'failed', reason: `Discord ${error.status} ${error.message}` };
  if (error instanceof RateLimitError) {
    return { kind: 'failed', reason: `rate-limited for ${error.retryAfter} ms` };
  }
  return { kind: 'failed', reason: describeError(error) };
}
