import type { Article } from './article.js';

/** An article as kept in the store: the public shape plus bookkeeping. */
export interface StoredArticle extends Article {
  /** When Quotewire first stored it; digests cover articles first seen in their window. */
  seenAt: string;
  /** Id of the source it came from. */
  sourceId: string;
  categories: string[];
}
