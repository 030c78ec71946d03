/**
 * Summaries the LLM engine has written, kept in the store by story content, so that a restart, a
 * second subscriber or another instance on the same store never pays for the same story twice.
 */
import type { Story } from '../stories/story.js';
import type { Collection, Store } from '../store/store.js';
import { PROMPT_VERSION } from './llm-prompt.js';
import { storyContentHash, type StorySummary, type SummaryOptions } from './story-summarizer.js';

/**
 * A cached entry: a summary that passed every check, or a note that the model's answer for this
 * content was unusable (refused, cut off, malformed or failed the checks), so that it is not asked
 * again for every subscriber's digest until the note expires.
 */
export type CachedSummary = { kind: 'summary'; summary: StorySummary } | { kind: 'rejected'; reason: string };

/** Longer than the longest digest window (14 days), so a summary outlives its story's relevance. */
const SUMMARY_TTL_MS = 15 * 24 * 3_600_000;
/** Long enough to spare the day's other digests, short enough to try again the same day. */
export const REJECTION_TTL_MS = 3_600_000;

/** Where a story's summary by `model` is cached: a new prompt or model gets new summaries. */
export function summaryCacheKey(model: string, story: Story, options: SummaryOptions): string {
  return `${PROMPT_VERSION}:${model}:${storyContentHash(story, options)}`;
}

export class SummaryCache {
  private readonly entries: Collection<CachedSummary>;

  constructor(store: Store) {
    this.entries = store.collection<CachedSummary>('summaries');
  }

  get(key: string): Promise<CachedSummary | undefined> {
    return this.entries.get(key);
  }

  remember(key: string, summary: StorySummary): Promise<void> {
    return this.entries.set(key, { kind: 'summary', summary }, SUMMARY_TTL_MS);
  }

  rememberRejection(key: string, reason: string): Promise<void> {
    return this.entries.set(key, { kind: 'rejected', reason }, REJECTION_TTL_MS);
  }
}
