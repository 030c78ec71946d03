/**
 * The {@link Metrics} counted in a prom-client registry, for the web server's /metrics. Built by the
 * composition root only when the web page is on: prom-client takes a few hundred milliseconds to
 * load, which one-shot commands should not pay.
 */
import type * as PromClient from 'prom-client';
import {
  failureKind,
  type DeliveryResult,
  type FailureKind,
  type Metrics,
  type PollResult,
  type SendingPlatform,
} from './metrics.js';

/**
 * Every value of each label, so that each series is exported from the start at 0: a failure that has
 * not happened yet reads as 0 (and rate() works from the first scrape) rather than as no data.
 * Written as records so that the compiler insists on a new value being listed here.
 */
const POLL_RESULTS = labels<PollResult>({ new: 1, unchanged: 1, failed: 1, waiting: 1, elsewhere: 1 });
const FAILURE_KINDS = labels<FailureKind>({
  timeout: 1,
  'too-large': 1,
  'too-many-redirects': 1,
  'redirect-loop': 1,
  'http-status': 1,
  network: 1,
  'forbidden-address': 1,
  'bad-url': 1,
  parse: 1,
  extract: 1,
  file: 1,
  other: 1,
});
const DELIVERY_RESULTS = labels<DeliveryResult>({ sent: 1, failed: 1, gone: 1, moved: 1, stopped: 1 });
const PLATFORMS = labels<SendingPlatform>({ telegram: 1, discord: 1 });

function labels<T extends string>(all: Record<T, 1>): T[] {
  return Object.keys(all) as T[];
}

/** The registry to serve, and the counting object to hand to the parts. */
export interface PrometheusMetrics {
  registry: PromClient.Registry;
  metrics: Metrics;
}

/**
 * Registers Quotewire's counters, and Node's own figures (event-loop lag, memory, garbage
 * collection), in a new registry.
 *
 * @param client - the prom-client module, loaded by the caller
 */
export function createPrometheusMetrics(client: typeof PromClient): PrometheusMetrics {
  const registry = new client.Registry();
  const registers = [registry];
  client.collectDefaultMetrics({ register: registry });
  const counter = <L extends string>(name: string, help: string, labelNames: readonly L[] = []) =>
    new client.Counter<L>({ name, help, labelNames, registers });

  const polls = counter('quotewire_polls_total', 'Sources polled, by result', ['result']);
  const pollErrors = counter('quotewire_fetch_errors_total', 'Failed polls, by kind of failure', ['kind']);
  const articles = counter('quotewire_articles_stored_total', 'New articles stored');
  const quotes = counter('quotewire_quotes_extracted_total', 'Quotations found in new articles');
  const deliveries = counter('quotewire_deliveries_total', 'Digest deliveries to a chat, by result', [
    'result',
  ]);
  const retries = counter(
    'quotewire_delivery_retries_total',
    'Delivery attempts after an earlier failed one the same day',
  );
  const rateLimits = counter('quotewire_rate_limited_total', '429 answers from a chat platform', [
    'platform',
  ]);
  const llmCalls = counter('quotewire_llm_calls_total', 'Chat completion requests to the LLM');
  const llmTokens = counter('quotewire_llm_tokens_total', 'LLM tokens used, by kind', ['kind']);
  const llmFallbacks = counter(
    'quotewire_llm_fallbacks_total',
    'Stories summarized offline because the model could not be used',
  );
  for (const result of POLL_RESULTS) polls.inc({ result }, 0);
  for (const kind of FAILURE_KINDS) pollErrors.inc({ kind }, 0);
  for (const result of DELIVERY_RESULTS) deliveries.inc({ result }, 0);
  for (const platform of PLATFORMS) rateLimits.inc({ platform }, 0);
  for (const kind of ['prompt', 'completion']) llmTokens.inc({ kind }, 0);
  const queues = new Map<SendingPlatform, () => number>();
  new client.Gauge({
    name: 'quotewire_send_queue_depth',
    help: 'Messages waiting for their turn under the platform rate limits',
    labelNames: ['platform'],
    registers,
    collect() {
      for (const [platform, depth] of queues) this.set({ platform }, depth());
    },
  });

  const metrics: Metrics = {
    polled: (result) => polls.inc({ result }),
    pollFailed: (error) => pollErrors.inc({ kind: failureKind(error) }),
    stored: (stored) => {
      articles.inc(stored.length);
      quotes.inc(stored.reduce((sum, article) => sum + article.quotes.length, 0));
    },
    delivered: (result, attempt) => {
      deliveries.inc({ result });
      if (attempt > 1) retries.inc();
    },
    rateLimited: (platform) => rateLimits.inc({ platform }),
    watchQueue: (platform, depth) => void queues.set(platform, depth),
    llmCall: () => llmCalls.inc(),
    llmTokens: (prompt, completion) => {
      llmTokens.inc({ kind: 'prompt' }, prompt);
      llmTokens.inc({ kind: 'completion' }, completion);
    },
    llmFallback: () => llmFallbacks.inc(),
  };
  return { registry, metrics };
}
