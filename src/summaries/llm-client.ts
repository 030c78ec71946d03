/**
 * The `openai` client as the LLM engine uses it, and what its errors mean for a digest. The same
 * client reaches OpenAI, Ollama, llama.cpp server and vLLM: only `baseURL` (and the key) differ.
 */
import OpenAI, {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
} from 'openai';
import type { Clock } from '../kernel/clock.js';

/** A 429 or 503 that asks for a longer wait than this is not retried: the engine pauses instead. */
export const MAX_RETRY_WAIT_MS = 10_000;

/** Where the package goes when no baseURL is configured. */
export const OPENAI_DEFAULT_BASE_URL = 'https://api.openai.com/v1';

/** Local servers need no key, but the package refuses to start without one. */
export const PLACEHOLDER_API_KEY = 'not-needed';

export interface LlmClientOptions {
  /** Null for a server that needs none (Ollama, llama.cpp, vLLM without --api-key). */
  apiKey: string | null;
  /** Null means OpenAI's API. */
  baseURL: string | null;
  timeoutMs: number;
  maxRetries: number;
  clock: Clock;
}

/**
 * A client with every setting explicit, so the package reads nothing from the environment that
 * load-config.ts did not already read (its own OPENAI_BASE_URL fallback included).
 */
export function createLlmClient(options: LlmClientOptions): OpenAI {
  return new OpenAI({
    apiKey: options.apiKey ?? PLACEHOLDER_API_KEY,
    baseURL: options.baseURL ?? OPENAI_DEFAULT_BASE_URL,
    timeout: options.timeoutMs,
    maxRetries: options.maxRetries,
    adminAPIKey: null,
    organization: null,
    project: null,
    webhookSecret: null,
    // Failures are reported by the engine, one line per story; the package would add its own.
    logLevel: 'off',
    fetch: withBoundedRetryAfter(globalThis.fetch, MAX_RETRY_WAIT_MS, options.clock),
  });
}

/**
 * The package sleeps for whatever Retry-After a server sends before retrying, an hour included,
 * which would hold a digest (and the process) that long. Past `maxWaitMs` this marks the response
 * as not retryable, so the call fails at once and the engine pauses for the requested time instead.
 */
export function withBoundedRetryAfter(
  fetchImpl: typeof fetch,
  maxWaitMs: number,
  clock: Clock,
): typeof fetch {
  return async (input, init) => {
    const response = await fetchImpl(input, init);
    const waitMs = retryAfterMs(response.headers, clock);
    if (waitMs === null || waitMs <= maxWaitMs) return response;
    const headers = new Headers(response.headers);
    headers.set('x-should-retry', 'false');
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
}

/** The wait a response asks for (`retry-after-ms`, or `retry-after` in seconds or as a date), if any. */
export function retryAfterMs(headers: Headers | undefined, clock: Clock): number | null {
  const millis = Number.parseFloat(headers?.get('retry-after-ms') ?? '');
  if (Number.isFinite(millis) && millis >= 0) return millis;
  const value = headers?.get('retry-after')?.trim();
  if (!value) return null;
  if (/^\d+(\.\d+)?$/.test(value)) return Number.parseFloat(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - clock().getTime());
}

/**
 * Why a call failed, for one log line, and how long to leave the server alone: errors of the
 * server or the connection pause the engine (a server that timed out once will likely do it for
 * the next story too), errors of the request do not.
 */
export interface CallFailure {
  message: string;
  /** Milliseconds to use the offline engine before asking the server again; 0 for no pause. */
  pauseMs: number;
}

/** The pause after a failure that gives no Retry-After. */
export const DEFAULT_PAUSE_MS = 120_000;

export function describeCallFailure(
  error: unknown,
  context: { baseURL: string; model: string; timeoutMs: number; clock: Clock },
): CallFailure {
  const pause = (ms: number | null = null) => Math.max(ms ?? DEFAULT_PAUSE_MS, 1_000);
  if (error instanceof APIConnectionTimeoutError)
    return {
      message: `no answer from ${context.baseURL} within ${context.timeoutMs / 1000} s`,
      pauseMs: pause(),
    };
  if (error instanceof APIUserAbortError || (error instanceof Error && error.name === 'AbortError'))
    return { message: `no complete answer from ${context.baseURL} in time`, pauseMs: pause() };
  if (error instanceof APIConnectionError)
    return { message: `cannot reach ${context.baseURL}: is the server running?`, pauseMs: pause() };
  if (error instanceof RateLimitError) {
    const waitMs = retryAfterMs(error.headers, context.clock);
    const wait = waitMs === null ? '' : `, retry after ${Math.ceil(waitMs / 1000)} s`;
    return { message: `rate limited by ${context.baseURL} (429${wait})`, pauseMs: pause(waitMs) };
  }
  if (error instanceof AuthenticationError || error instanceof PermissionDeniedError)
    return {
      message: `${context.baseURL} refused the API key (${error.status}): check OPENAI_API_KEY`,
      pauseMs: pause(),
    };
  if (error instanceof NotFoundError)
    return {
      message: `${context.baseURL} has no model "${context.model}" (404): check summarizer.openai.model and baseURL`,
      pauseMs: pause(),
    };
  if (error instanceof APIError && typeof error.status === 'number' && error.status >= 500)
    return {
      message: `server error ${error.status} from ${context.baseURL}`,
      pauseMs: pause(retryAfterMs(error.headers, context.clock)),
    };
  if (error instanceof APIError)
    return { message: `request refused: ${firstLine(error.message)}`, pauseMs: 0 };
  if (error instanceof SyntaxError)
    return { message: `the response of ${context.baseURL} is not JSON`, pauseMs: pause() };
  return {
    message: `unexpected failure: ${firstLine(error instanceof Error ? error.message : String(error))}`,
    pauseMs: 0,
  };
}

/**
 * The package's timeout ends when the response headers arrive; a server that then stalls in the
 * body would hold the call forever. This bounds the whole call, retries and their waits included.
 */
export function callDeadlineMs(timeoutMs: number, maxRetries: number): number {
  // A second's grace, so that a plain timeout is reported as the package's own, which says more.
  return timeoutMs * (maxRetries + 1) + MAX_RETRY_WAIT_MS * maxRetries + 1_000;
}

/** A 400 or 422: the server did not accept something in the request (often response_format). */
export function isRequestRejection(error: unknown): error is APIError {
  return error instanceof APIError && (error.status === 400 || error.status === 422);
}

function firstLine(text: string): string {
  const line = text.split('\n')[0]!.trim();
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}
