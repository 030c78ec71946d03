import type { ArticleDraft } from '../articles/article.js';
import type { ArticleRepository } from '../articles/article-repository.js';
import type { StoredArticle } from '../articles/stored-article.js';
import type { QuoteIndex } from '../quotes/quote-index.js';
import type { StoryTracker } from '../stories/story-tracker.js';
import type { DraftProcessor } from '../sources/poller.js';
import type { Store } from '../store/store.js';
import { buildIndexedArticle, type BuildOptions } from './article-builder.js';
import type { TextAnalyzer } from './text-analysis.js';

/**
 * New drafts → articles with quotes and summary → stored and indexed by speaker, in ONE store
 * transaction per batch: the articles, their identity keys, their day, and their quotes filed under
 * each speaker become visible together or not at all. An item therefore counts as "known" (and is
 * skipped by the next poll) only once everything derived from it is durable; a crash at any moment
 * loses at most the batch in flight, which the next poll stores again.
 */
export class ArticlePipeline implements DraftProcessor {
  /**
   * Batches of this process commit one at a time: they would only collide over the same speakers'
   * quote parts and run again. Other instances are kept apart by the transaction itself.
   */
  private committing: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly deps: {
      analyze: TextAnalyzer;
      store: Store;
      repository: ArticleRepository;
      quoteIndex: QuoteIndex;
      /** Places each committed batch in its stories (story-tracker.ts). */
      stories?: Pick<StoryTracker, 'add'>;
      options: BuildOptions;
    },
  ) {}

  async process(drafts: ArticleDraft[], sourceId: string, now: Date): Promise<StoredArticle[]> {
    const termFilters = new Map<string, string>();
    const quoteTerms = new Map<string, string[]>();
    const features = new Map<string, Int32Array>();
    const seenAt = now.toISOString();
    const entries = await Promise.all(
      drafts.map(async (draft) => {
        const built = await buildIndexedArticle(draft, this.deps.analyze, this.deps.options);
        if (built.termFilter !== undefined) termFilters.set(built.article.id, built.termFilter);
        if (built.features) features.set(built.article.id, built.features);
        built.quoteTerms?.forEach((terms, index) => quoteTerms.set(`${built.article.id}#${index}`, terms));
        const article: StoredArticle = {
          ...built.article,
          seenAt,
          sourceId,
          categories: draft.categories ?? [],
        };
        return { draft, article };
      }),
    );
    const commit = this.committing.then(() =>
      this.deps.store.transact(async (tx) => {
        const stored = await this.deps.repository.stageNew(tx, entries);
        return { stored, speakers: await this.deps.quoteIndex.stage(tx, stored, termFilters, quoteTerms) };
      }),
    );
    this.committing = commit.catch(() => undefined);
    const { stored, speakers } = await commit;
    await this.deps.quoteIndex.applyCommitted(speakers);
    this.deps.stories?.add(stored, features);
    return stored;
  }
}
