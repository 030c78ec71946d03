/**
 * What the running parts count, as one small typed object the composition root passes to each part
 * (the poller, the ingest, delivery, the platforms, the LLM engine). Each part calls one method where
 * something happens; none knows how the counts are exported. Label values come from closed lists
 * (a poll's result, an error's kind, a platform): never a chat id, a URL or any other free text.
 */

/** A poll's result, as the poller reports it (`elsewhere`: another instance polled it). */
export type PollResult = 'new' | 'unchanged' | 'failed' | 'waiting' | 'elsewhere';

/** How a delivery attempt to one chat ended (see SendOutcome; `stopped`: by a shutdown, between messages). */
export type DeliveryResult = 'sent' | 'failed' | 'gone' | 'moved' | 'stopped';

/** The chat platforms that send messages. */
export type SendingPlatform = 'telegram' | 'discord';

/** Why a poll failed: a fetch error's own kind, or one of the reader's. */
export type FailureKind =
  | 'timeout'
  | 'too-large'
  | 'too-many-redirects'
  | 'redirect-loop'
  | 'http-status'
  | 'network'
  | 'forbidden-address'
  | 'bad-url'
  | 'parse'
  | 'extract'
  | 'file'
  | 'other';

export interface Metrics {
  /** One source polled (or skipped while it backs off). */
  polled(result: PollResult): void;
  /** A poll failed with this error. */
  pollFailed(error: unknown): void;
  /** Articles newly stored, each with the quotes found in it. */
  stored(articles: readonly { quotes: readonly unknown[] }[]): void;
  /** One attempt to deliver a digest to a chat ended; `attempt` counts from 1 for the day. */
  delivered(result: DeliveryResult, attempt: number): void;
  /** A platform answered 429 Too Many Requests. */
  rateLimited(platform: SendingPlatform): void;
  /** Messages waiting for their turn to be sent, read when the metrics are collected. */
  watchQueue(platform: SendingPlatform, depth: () => number): void;
  /** One chat completion request. */
  llmCall(): void;
  /** Tokens one call used. */
  llmTokens(prompt: number, completion: number): void;
  /** A story got the offline summary instead of the model's. */
  llmFallback(): void;
}

/** The parts' views: each takes only what it counts. */
export type PollMetrics = Pick<Metrics, 'polled' | 'pollFailed'>;
export type DeliveryMetrics = Pick<Metrics, 'delivered'>;
export type RateLimitMetrics = Pick<Metrics, 'rateLimited'>;
export type LlmMetrics = Pick<Metrics, 'llmCall' | 'llmTokens' | 'llmFallback'>;

/** Counts nothing: for one-shot commands, which are gone before anyone could read a count. */
export const noMetrics: Metrics = {
  polled: () => undefined,
  pollFailed: () => undefined,
  stored: () => undefined,
  delivered: () => undefined,
  rateLimited: () => undefined,
  watchQueue: () => undefined,
  llmCall: () => undefined,
  llmTokens: () => undefined,
  llmFallback: () => undefined,
};

const FETCH_KINDS: ReadonlySet<string> = new Set<FailureKind>([
  'timeout',
  'too-large',
  'too-many-redirects',
  'redirect-loop',
  'http-status',
  'network',
  'forbidden-address',
  'bad-url',
]);

/**
 * The kind of a poll's failure, from a closed list. Errors are recognised by name rather than class,
 * so that counting never loads the fetcher or the parsers.
 */
export function failureKind(error: unknown): FailureKind {
  if (!(error instanceof Error)) return 'other';
  const kind = (error as { kind?: unknown }).kind;
  if (error.name === 'FetchError' && typeof kind === 'string' && FETCH_KINDS.has(kind)) {
    return kind as FailureKind;
  }
  if (error.name === 'FeedParseError') return 'parse';
  if (error.name === 'PageExtractionError') return 'extract';
  const code = (error as NodeJS.ErrnoException).code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return 'file';
  return 'other';
}
