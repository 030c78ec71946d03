import type { StoredArticle } from '../articles/stored-article.js';
import type { Quote } from '../quotes/quote.js';

/**
 * What stories are made and ranked from: a whole stored article, or its brief (story-tracker.ts),
 * which a digest ranks instead until it knows which stories it shows.
 */
export interface StoryArticle extends Pick<
  StoredArticle,
  'id' | 'source' | 'sourceId' | 'published' | 'seenAt'
> {
  quotes: readonly Pick<Quote, 'speaker'>[];
}

/** One event as told by one or more articles (from one or more sources). */
export interface Story<A extends StoryArticle = StoredArticle> {
  /** Stable for the same set of articles: a hash of their ids. */
  id: string;
  /** The articles that tell it; the first is the lead (the most complete telling). */
  articles: A[];
}

/**
 * Who carried an article, for counting a story's distinct sources: the source's name as readers
 * know it ("BBC News"), compared without case, or the configured source id when it has none.
 */
export function sourceKey(article: Pick<StoredArticle, 'source' | 'sourceId'>): string {
  return article.source.trim().toLowerCase() || article.sourceId;
}
