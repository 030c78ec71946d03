/**
 * How the web page summarizes a story: with the summary the LLM engine already wrote for it (for a
 * delivery or /digest, cached in the store), else offline. A page view never calls the model, so
 * visitors (or a crawler walking every past day) cannot spend the daily token budget that
 * deliveries need.
 */
import type { Store } from '../store/store.js';
import type { Story } from '../stories/story.js';
import { SummaryCache, summaryCacheKey } from '../summaries/summary-cache.js';
import {
  OfflineStorySummarizer,
  type StorySummarizer,
  type StorySummary,
  type SummaryOptions,
} from '../summaries/story-summarizer.js';

export class StoredSummaries implements StorySummarizer {
  private readonly cache: SummaryCache;
  private readonly offline = new OfflineStorySummarizer();

  /** @param model - the LLM's model name when the LLM engine is on; null for the offline engine */
  constructor(
    store: Store,
    private readonly model: string | null,
  ) {
    this.cache = new SummaryCache(store);
  }

  async summarize(story: Story, options: SummaryOptions): Promise<StorySummary> {
    if (this.model !== null && story.articles.length > 0) {
      const cached = await this.cache.get(summaryCacheKey(this.model, story, options));
      if (cached?.kind === 'summary') return cached.summary;
    }
    return this.offline.summarize(story, options);
  }
}
