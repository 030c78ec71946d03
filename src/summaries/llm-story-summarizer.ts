/**
 * The LLM engine: asks an OpenAI-compatible model for a story's headline, summary and key quotes,
 * and trusts none of it. Quotes must stand verbatim in the articles with the speaker our extractor
 * found (quote-verification.ts); headline and summary must pass summary-checks.ts. Whatever goes
 * wrong (timeouts, rate limits, server errors, refusals, truncated or malformed answers, an
 * exhausted daily budget) ends in the offline summary for that story and one log line, so a digest
 * is never missing. Good answers are cached by story content: each story costs one call.
 */
import type OpenAI from 'openai';
import type {
  ChatCompletion,
  ChatCompletionCreateParamsNonStreaming,
} from 'openai/resources/chat/completions';
import type { Clock } from '../kernel/clock.js';
import type { Logger } from '../kernel/logger.js';
import { describeError } from '../kernel/describe-error.js';
import type { Story } from '../stories/story.js';
import { concurrencyLimit } from './concurrency-limit.js';
import { callDeadlineMs, describeCallFailure, isRequestRejection, type CallFailure } from './llm-client.js';
import { LLM_ANSWER_JSON_SCHEMA, parseLlmAnswer } from './llm-answer.js';
import { buildSummaryPrompt, PROMPT_VERSION } from './llm-prompt.js';
import { neutralizeStory } from './prompt-injection.js';
import { verifyKeyQuotes, type DroppedQuote } from './quote-verification.js';
import { REJECTION_TTL_MS, type SummaryCache } from './summary-cache.js';
import { checkHeadline, checkSummary, sourceVocabulary } from './summary-checks.js';
import {
  keyQuotes,
  storyContentHash,
  type StorySummarizer,
  type StorySummary,
  type SummaryOptions,
} from './story-summarizer.js';
import type { Reservation, TokenBudget } from './token-budget.js';

/** Structured output as servers support it, best first; a server that rejects one gets the next. */
const RESPONSE_FORMATS = ['json_schema', 'json_object', 'text'] as const;
type ResponseFormat = (typeof RESPONSE_FORMATS)[number];

/** Local servers answer one or two requests at a time; more would only queue into timeouts. */
const MAX_CONCURRENT_CALLS = 2;

export interface LlmSummarizerSettings {
  model: string;
  maxOutputTokens: number;
  /** For log lines only: the client already knows it. */
  baseURL: string;
  timeoutMs: number;
  maxRetries: number;
}

export interface LlmSummarizerDependencies {
  client: OpenAI;
  cache: SummaryCache;
  budget: TokenBudget;
  /** Writes the summary whenever the model's cannot be used. */
  fallback: StorySummarizer;
  logger: Logger;
  clock: Clock;
  settings: LlmSummarizerSettings;
}

/** Counters since this engine was built, for tests and diagnostics. */
export interface LlmSummarizerStats {
  /** Chat completion requests made (each retry the package makes on its own is not counted). */
  requests: number;
  cacheHits: number;
  llmSummaries: number;
  fallbacks: number;
  /** Quotes the model returned that failed verification (see DropReason). */
  droppedQuotes: number;
}

type Outcome =
  { kind: 'summary'; summary: StorySummary; dropped: DroppedQuote[] } | { kind: 'unusable'; reason: string };

/**
 * A {@link StorySummarizer} backed by a chat completions endpoint, with the offline engine as its
 * fallback. Build it with `createStorySummarizer` (create-story-summarizer.ts).
 */
export class LlmStorySummarizer implements StorySummarizer {
  readonly stats: LlmSummarizerStats = {
    requests: 0,
    cacheHits: 0,
    llmSummaries: 0,
    fallbacks: 0,
    droppedQuotes: 0,
  };
  private formatIndex = 0;
  private tokenParameter: 'max_tokens' | 'max_completion_tokens' = 'max_tokens';
  /** Epoch ms before which the server is left alone after it failed. */
  private pausedUntil = 0;
  private budgetLoggedFor: string | null = null;
  private readonly inFlight = new Map<string, Promise<StorySummary>>();
  private readonly limit = concurrencyLimit(MAX_CONCURRENT_CALLS);

  constructor(private readonly deps: LlmSummarizerDependencies) {}

  async summarize(story: Story, options: SummaryOptions): Promise<StorySummary> {
    if (story.articles.length === 0) return this.deps.fallback.summarize(story, options);
    const key = `${PROMPT_VERSION}:${this.deps.settings.model}:${storyContentHash(story, options)}`;
    // Two digests built at once (two subscribers, a command during the scheduled run) share one call.
    let work = this.inFlight.get(key);
    if (!work) {
      work = this.summarizeOnce(story, options, key).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, work);
    }
    try {
      return await work;
    } catch (error) {
      // Only the store can get here (a cache read or write failed): the digest goes on without it.
      this.deps.logger.warn(
        `llm: story ${describeStory(story)}: ${describeError(error)}; offline summary used`,
      );
      return this.offline(neutralizeStory(story).story, options);
    }
  }

  private async summarizeOnce(original: Story, options: SummaryOptions, key: string): Promise<StorySummary> {
    // Everything below (prompt, checks, and the offline fallback) sees the story without the
    // sentences that address a model: an article cannot steer what the digest says.
    const { story, removed } = neutralizeStory(original);
    const cached = await this.deps.cache.get(key);
    if (cached?.kind === 'summary') {
      this.stats.cacheHits++;
      return cached.summary;
    }
    if (cached?.kind === 'rejected') return this.offline(story, options);
    return this.limit(async () => {
      if (this.deps.clock().getTime() < this.pausedUntil) return this.offline(story, options);
      const about = `llm: story ${describeStory(original)}:`;
      if (removed > 0) {
        this.deps.logger.warn(
          `${about} ${removed} sentence(s) in the articles read as instructions to a model; they are left out of the prompt and of the checks`,
        );
      }
      const { messages, promptChars } = buildSummaryPrompt(story, options);
      const estimate = Math.ceil(promptChars / 4) + this.deps.settings.maxOutputTokens;
      const reservation = await this.deps.budget.reserve(estimate);
      if (!reservation) {
        await this.logBudgetReached();
        return this.offline(story, options);
      }
      let completion: ChatCompletion;
      try {
        completion = await this.complete(messages);
      } catch (error) {
        await this.deps.budget.release(reservation);
        this.reportCallFailure(
          original,
          describeCallFailure(error, { ...this.deps.settings, clock: this.deps.clock }),
        );
        return this.offline(story, options);
      }
      const usage = await this.recordUsage(completion, promptChars, reservation);
      const outcome = this.readAnswer(story, options, completion);
      if (outcome.kind === 'unusable') {
        this.deps.logger.warn(
          `${about} ${outcome.reason}; offline summary used, the model is asked again after ${REJECTION_TTL_MS / 60_000} min (${usage})`,
        );
        await this.deps.cache.rememberRejection(key, outcome.reason);
        return this.offline(story, options);
      }
      await this.deps.cache.remember(key, outcome.summary);
      this.stats.llmSummaries++;
      if (outcome.dropped.length === 0) this.deps.logger.info(`${about} summarized (${usage})`);
      else {
        this.stats.droppedQuotes += outcome.dropped.length;
        this.deps.logger.warn(
          `${about} summarized (${usage}); dropped ${outcome.dropped.length} quote(s) the model returned: ${outcome.dropped.map(describeDrop).join('; ')}`,
        );
      }
      return outcome.summary;
    });
  }

  /**
   * One chat completion, stepping down to what the server accepts when it rejects a parameter. A
   * step is kept for later calls only once it has worked, so a 400 about one story (a prompt too
   * long for the model) does not cost every later story its structured output.
   */
  private async complete(
    messages: ChatCompletionCreateParamsNonStreaming['messages'],
  ): Promise<ChatCompletion> {
    const { model, maxOutputTokens, timeoutMs, maxRetries, baseURL } = this.deps.settings;
    let formatIndex = this.formatIndex;
    let tokenParameter = this.tokenParameter;
    for (;;) {
      const request: ChatCompletionCreateParamsNonStreaming = {
        model,
        messages,
        ...(tokenParameter === 'max_tokens'
          ? { max_tokens: maxOutputTokens }
          : { max_completion_tokens: maxOutputTokens }),
        ...responseFormat(RESPONSE_FORMATS[formatIndex]!),
      };
      this.stats.requests++;
      let completion: ChatCompletion;
      try {
        completion = await this.deps.client.chat.completions.create(request, {
          signal: AbortSignal.timeout(callDeadlineMs(timeoutMs, maxRetries)),
        });
      } catch (error) {
        if (!isRequestRejection(error)) throw error;
        // Newer OpenAI models take only max_completion_tokens; many local servers only max_tokens.
        if (tokenParameter === 'max_tokens' && /max_tokens/.test(error.message)) {
          tokenParameter = 'max_completion_tokens';
        } else if (formatIndex < RESPONSE_FORMATS.length - 1 && /format|schema/i.test(error.message)) {
          formatIndex++;
        } else throw error;
        continue;
      }
      if (formatIndex !== this.formatIndex) {
        this.deps.logger.info(
          `llm: ${baseURL} refused response_format ${RESPONSE_FORMATS[this.formatIndex]}; using ${RESPONSE_FORMATS[formatIndex]} from now on`,
        );
      }
      this.formatIndex = formatIndex;
      this.tokenParameter = tokenParameter;
      return completion;
    }
  }

  /** Settles the call's tokens against today's budget (estimated when the server does not say). */
  private async recordUsage(
    completion: ChatCompletion,
    promptChars: number,
    reservation: Reservation,
  ): Promise<string> {
    const content = (completion.choices ?? [])[0]?.message?.content ?? '';
    const promptTokens = completion.usage?.prompt_tokens ?? Math.ceil(promptChars / 4);
    const completionTokens = completion.usage?.completion_tokens ?? Math.ceil(content.length / 4);
    const total = await this.deps.budget.settle(reservation, promptTokens, completionTokens);
    const estimated = completion.usage ? '' : ', estimated';
    return `${this.deps.settings.model}: ${promptTokens} + ${completionTokens} tokens${estimated}, ${total} of ${this.deps.budget.dailyLimit} today`;
  }

  private readAnswer(story: Story, options: SummaryOptions, completion: ChatCompletion): Outcome {
    const choice = (completion.choices ?? [])[0];
    const content = choice?.message?.content ?? '';
    if (!choice) return { kind: 'unusable', reason: 'the server answered with no choices' };
    if (choice.message?.refusal)
      return { kind: 'unusable', reason: `the model refused: ${clip(choice.message.refusal)}` };
    if (choice.finish_reason === 'length')
      return {
        kind: 'unusable',
        reason: `the answer was cut off at ${this.deps.settings.maxOutputTokens} tokens: raise summarizer.openai.maxOutputTokens`,
      };
    if (choice.finish_reason === 'content_filter')
      return { kind: 'unusable', reason: "the server's content filter stopped the answer" };
    if (!content.trim()) return { kind: 'unusable', reason: 'the answer is empty' };
    const parsed = parseLlmAnswer(content);
    if (!parsed.ok) return { kind: 'unusable', reason: `the answer is ${parsed.problem}` };
    const vocabulary = sourceVocabulary(story);
    const headline = checkHeadline(parsed.answer.headline, vocabulary);
    if (!headline.ok) return { kind: 'unusable', reason: headline.problem };
    const summary = checkSummary(parsed.answer.summary, vocabulary, options.sentences);
    if (!summary.ok) return { kind: 'unusable', reason: summary.problem };
    const quotes = verifyKeyQuotes(story, parsed.answer.quotes, options.quotes);
    return {
      kind: 'summary',
      dropped: quotes.dropped,
      summary: {
        headline: headline.value,
        summary: summary.value,
        // An answer whose every quote failed still has a good summary; the quotes are then ours.
        keyQuotes: quotes.kept.length > 0 ? quotes.kept : keyQuotes(story, options.quotes),
        engine: 'llm',
      },
    };
  }

  private reportCallFailure(story: Story, failure: CallFailure): void {
    let pause = '';
    if (failure.pauseMs > 0) {
      this.pausedUntil = this.deps.clock().getTime() + failure.pauseMs;
      pause = `; offline summaries until ${new Date(this.pausedUntil).toISOString().slice(11, 19)} UTC`;
    }
    this.deps.logger.warn(
      `llm: story ${describeStory(story)}: ${failure.message}; offline summary used${pause}`,
    );
  }

  private async logBudgetReached(): Promise<void> {
    const day = this.deps.budget.today();
    if (this.budgetLoggedFor === day) return;
    this.budgetLoggedFor = day;
    const used = await this.deps.budget.usedToday();
    this.deps.logger.warn(
      `llm: daily token budget reached (${used} of ${this.deps.budget.dailyLimit} used on ${day}, UTC); offline summaries until midnight UTC (summarizer.openai.dailyTokenBudget)`,
    );
  }

  private offline(story: Story, options: SummaryOptions): Promise<StorySummary> {
    this.stats.fallbacks++;
    return this.deps.fallback.summarize(story, options);
  }
}

function responseFormat(
  format: ResponseFormat,
): Pick<ChatCompletionCreateParamsNonStreaming, 'response_format'> {
  if (format === 'json_schema')
    return {
      response_format: {
        type: 'json_schema',
        json_schema: { name: 'story_summary', strict: true, schema: LLM_ANSWER_JSON_SCHEMA },
      },
    };
  if (format === 'json_object') return { response_format: { type: 'json_object' } };
  // Some servers reject even {type: 'text'}; the prompt asks for JSON and the parser finds it.
  return {};
}

function describeStory(story: Story): string {
  return `${story.id} (${clip(story.articles[0]?.title ?? '', 50)})`;
}

function describeDrop(drop: DroppedQuote): string {
  const claim = `${clip(drop.text, 60)} (${clip(drop.speaker, 40)})`;
  switch (drop.reason) {
    case 'wrong-speaker':
      return `${claim}: our extractor found ${drop.ourSpeaker} said it`;
    case 'not-in-articles':
      return `${claim}: not in the articles`;
    case 'not-a-quotation':
      return `${claim}: narration, not a quotation`;
    case 'unattributed':
      return `${claim}: its speaker cannot be confirmed`;
    case 'too-short':
      return `${claim}: too short`;
    case 'duplicate':
      return `${claim}: a duplicate`;
  }
}

function clip(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return JSON.stringify(flat.length > max ? `${flat.slice(0, max)}…` : flat);
}
