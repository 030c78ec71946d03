/**
 * Picks the summary engine the configuration asks for. The composition root calls this once.
 */
import type { Clock } from '../kernel/clock.js';
import type { Logger } from '../kernel/logger.js';
import { redactingLogger } from '../kernel/redacting-logger.js';
import type { AppConfig } from '../config/load-config.js';
import type { Store } from '../store/store.js';
import { SummaryCache } from './summary-cache.js';
import { OfflineStorySummarizer, type StorySummarizer } from './story-summarizer.js';
import { TokenBudget } from './token-budget.js';

export interface StorySummarizerDependencies {
  config: AppConfig;
  store: Store;
  logger: Logger;
  clock: Clock;
}

/**
 * The offline engine for `summarizer.engine: offline`; for `openai`, the LLM engine with the
 * offline engine as its fallback. The openai package is loaded only then: it adds a few hundred
 * milliseconds to every start that does not use it.
 * loadConfig has already refused the LLM engine with neither an API key nor a server address.
 *
 * @example
 * const summarizer = await createStorySummarizer({ config, store, logger, clock });
 * const summary = await summarizer.summarize(story, { sentences: 3, quotes: 2 });
 */
export async function createStorySummarizer({
  config,
  store,
  logger,
  clock,
}: StorySummarizerDependencies): Promise<StorySummarizer> {
  const offline = new OfflineStorySummarizer();
  if (config.summarizer.engine === 'offline') return offline;
  const [{ createLlmClient, OPENAI_DEFAULT_BASE_URL }, { LlmStorySummarizer }] = await Promise.all([
    import('./llm-client.js'),
    import('./llm-story-summarizer.js'),
  ]);
  const settings = config.summarizer.openai;
  const apiKey = config.secrets.openaiApiKey;
  const baseURL = config.endpoints.openaiBaseUrl;
  const timeoutMs = settings.timeoutSeconds * 1000;
  return new LlmStorySummarizer({
    client: createLlmClient({ apiKey, baseURL, timeoutMs, maxRetries: settings.maxRetries, clock }),
    cache: new SummaryCache(store),
    budget: new TokenBudget(store, clock, settings.dailyTokenBudget),
    fallback: offline,
    // Servers quote what they were sent in their errors: no key or token reaches a log line.
    logger: redactingLogger(logger, [apiKey]),
    clock,
    settings: {
      model: settings.model,
      maxOutputTokens: settings.maxOutputTokens,
      baseURL: baseURL ?? OPENAI_DEFAULT_BASE_URL,
      timeoutMs,
      maxRetries: settings.maxRetries,
    },
  });
}
