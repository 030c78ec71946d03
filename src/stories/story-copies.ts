/**
 * Copies of one text among a window's articles: a wire story run by several outlets, a lightly
 * edited update. Candidate pairs come from an inverted index on sketch values (see
 * article-features.ts), so nothing compares all pairs.
 */
import { sketchSimilarity, type ArticleFeatures } from './article-features.js';

/**
 * Longer sketch-value lists are skipped: a shingle in that many articles is boilerplate (a story
 * carried more widely still merges, by the same-event test).
 */
const MAX_COPY_POSTINGS = 40;

/**
 * Finds the articles whose leads are copies of one another (union-find over candidate pairs from
 * an inverted index on sketch values) and returns, for each article, the id of its copy group.
 */
export function findCopies(features: readonly ArticleFeatures[], threshold: number): (i: number) => number {
  const parent = Int32Array.from(features.keys());
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const index = new Map<number, number[]>();
  const hits = new Int32Array(features.length);
  const touched: number[] = [];
  features.forEach((article, i) => {
    for (const value of article.sketch) {
      const list = index.get(value);
      if (!list) {
        index.set(value, [i]);
        continue;
      }
      if (list.length <= MAX_COPY_POSTINGS) for (const j of list) if (hits[j]!++ === 0) touched.push(j);
      list.push(i);
    }
    // Two copies share at least a few of their smallest shingles; one shared value is chance.
    const needed = Math.min(2, article.sketch.length);
    for (const j of touched) {
      const count = hits[j]!;
      hits[j] = 0;
      if (count < needed || find(i) === find(j)) continue;
      if (sketchSimilarity(article.sketch, features[j]!.sketch) < threshold) continue;
      if (sharedNames(article, features[j]!)) parent[find(i)] = find(j);
    }
    touched.length = 0;
  });
  return find;
}

/**
 * Copies of one story name the same people and places. Two texts made from one template (a results
 * table, a boilerplate-heavy press release) share shingles but not names.
 */
function sharedNames(a: ArticleFeatures, b: ArticleFeatures): boolean {
  const smaller = a.entities.length <= b.entities.length ? a : b;
  const larger = new Set((smaller === a ? b : a).entities);
  if (smaller.entities.length === 0) return true;
  const shared = smaller.entities.filter((name) => larger.has(name)).length;
  return shared * 2 >= smaller.entities.length;
}
