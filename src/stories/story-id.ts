import { createHash } from 'node:crypto';
import type { StoredArticle } from '../articles/stored-article.js';

/** A story's id: a hash of its article ids, the same for the same set of articles in any order. */
export function storyId(articles: readonly Pick<StoredArticle, 'id'>[]): string {
  const hash = createHash('sha256');
  for (const id of articles.map((article) => article.id).sort()) hash.update(`${id}\u0000`);
  return hash.digest('hex').slice(0, 16);
}
