import type { StoredArticle } from '../articles/stored-article.js';

/** One event as told by one or more articles (from one or more sources). */
export interface Story {
  /** Stable for the same set of articles: a hash of their ids. */
  id: string;
  /** The articles that tell it; the first is the lead (the most complete telling). */
  articles: StoredArticle[];
}

/**
 * Who carried an article, for counting a story's distinct sources: the source's name as readers
 * know it ("BBC News"), compared without case, or the configured source id when it has none.
 */
export function sourceKey(article: Pick<StoredArticle, 'source' | 'sourceId'>): string {
  return article.source.trim().toLowerCase() || article.sourceId;
}
