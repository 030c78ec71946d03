/**
 * What an adapter tells the service about its connection, so that logs, `quotewire health` and the
 * decision to exit all rest on the same facts.
 */
export type PlatformStatusListener = (state: 'starting' | 'up' | 'down', detail: string | null) => void;

/**
 * The platform refused the credentials: retrying cannot help, the operator must change a variable.
 * The message names that variable.
 */
export class PlatformLoginError extends Error {
  override readonly name = 'PlatformLoginError';
}

/** Pauses between connection attempts: 2 s, 4 s, 8 s… up to a minute. */
export function reconnectDelayMs(attempt: number): number {
  return Math.min(2_000 * 2 ** attempt, 60_000);
}

/** Waits `ms`, or less when `signal` aborts. */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    timer.unref();
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
