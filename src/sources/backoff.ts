/**
 * How long to leave a failing source alone before trying it again. The wait doubles with each
 * consecutive failure so a dead site is not polled every few minutes for weeks, and is jittered so
 * that many sources which failed together (a network outage) do not all retry at the same instant.
 */

/** Tuning for {@link nextAttemptDelay}; the config gives `polling.backoffBaseSeconds` and `backoffMaxSeconds`. */
export interface BackoffOptions {
  /** Delay after the first failure, before jitter. */
  baseMs: number;
  /** Upper bound on the exponential part, so a long-dead source is still retried now and then. */
  maxMs: number;
  /** Returns a number in [0, 1); defaults to Math.random. Pass a fixed function in tests. */
  random?: () => number;
  /**
   * Upper bound on a server's Retry-After, default 24 hours, so a buggy or hostile header asking for a
   * year's pause cannot silence a source for good.
   */
  retryAfterCapMs?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Milliseconds to wait before the next attempt after `consecutiveFailures` failures in a row (0 means
 * the source is healthy: no wait). The result lies between half and all of
 * `min(maxMs, baseMs * 2^(failures - 1))` ("equal jitter": spread out, but never close to zero).
 * A Retry-After from the server wins when it asks for longer.
 *
 * @example nextAttemptDelay(3, { baseMs: 60_000, maxMs: 3_600_000, random: () => 0.5 }) // 180_000
 */
export function nextAttemptDelay(
  consecutiveFailures: number,
  options: BackoffOptions,
  retryAfterMs?: number,
): number {
  const retryAfter = clampRetryAfter(retryAfterMs, options.retryAfterCapMs ?? DAY_MS);
  if (!(consecutiveFailures >= 1)) return retryAfter;

  // Capping the exponent keeps 2 ** n finite for absurd failure counts.
  const exponent = Math.min(Math.floor(consecutiveFailures) - 1, 52);
  const ceiling = Math.max(0, Math.min(options.maxMs, options.baseMs * 2 ** exponent));
  const random = Math.min(Math.max((options.random ?? Math.random)(), 0), 1);
  const delay = Math.round(ceiling / 2 + (random * ceiling) / 2);
  return Math.max(delay, retryAfter);
}

function clampRetryAfter(retryAfterMs: number | undefined, capMs: number): number {
  if (retryAfterMs === undefined || !Number.isFinite(retryAfterMs) || retryAfterMs <= 0) return 0;
  return Math.round(Math.min(retryAfterMs, capMs));
}
