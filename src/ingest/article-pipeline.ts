import type { ArticleDraft } from '../articles/article.js';
import { buildArticle, type BuildOptions } from './article-builder.js';
import type { TextAnalyzer } from './text-analysis.js';
import type { ArticleRepository } from '../articles/article-repository.js';
import type { StoredArticle } from '../articles/stored-article.js';
import type { DraftProcessor } from '../sources/poller.js';
import type { QuoteIndex } from '../quotes/quote-index.js';

/** New drafts → articles with quotes and summary → stored, indexed by speaker. */
export class ArticlePipeline implements DraftProcessor {
  constructor(
    private readonly deps: {
      analyze: TextAnalyzer;
      repository: ArticleRepository;
      quoteIndex: QuoteIndex;
      options: BuildOptions;
    },
  ) {}

  async process(drafts: ArticleDraft[], sourceId: string, now: Date): Promise<StoredArticle[]> {
    const entries = await Promise.all(
      drafts.map(async (draft) => ({
        draft,
        article: {
          ...(await buildArticle(draft, this.deps.analyze, this.deps.options)),
          seenAt: now.toISOString(),
          sourceId,
          categories: draft.categories ?? [],
        },
      })),
    );
    const stored = await this.deps.repository.saveMany(entries);
    await this.deps.quoteIndex.add(stored);
    return stored;
  }
}
