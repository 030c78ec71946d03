import type { ArticleRepository } from '../../src/articles/article-repository.js';

/**
 * The part of a repository a story tracker reads, counting the articles read whole (`reads`), and
 * failing while `failing` is set: to see what a digest reads back, and how a store outage is met.
 */
export function countedReads(repository: ArticleRepository) {
  const counted = {
    reads: 0,
    failing: false,
    /** Day counts asked for, and days whose ids were read. */
    counts: 0,
    dayReads: 0,
    countSeenOn: async (days: readonly number[]) => {
      counted.counts += days.length;
      return repository.countSeenOn(days);
    },
    idsSeenOn: async (days: readonly number[]) => {
      counted.dayReads += days.length;
      return repository.idsSeenOn(days);
    },
    getMany: async (ids: readonly string[]) => {
      if (counted.failing) throw new Error('store away');
      counted.reads += ids.length;
      return repository.getMany(ids);
    },
  };
  return counted;
}
