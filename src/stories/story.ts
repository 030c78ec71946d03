import type { StoredArticle } from '../articles/stored-article.js';

/** One event as told by one or more articles (from one or more sources). */
export interface Story {
  /** Stable for the same set of articles: a hash of their ids. */
  id: string;
  /** The articles that tell it; the first is the lead (the most complete telling). */
  articles: StoredArticle[];
}
