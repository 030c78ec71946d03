/**
 * Copies of one text among a window's articles: a wire story run by several outlets, a lightly
 * edited update. Candidate pairs come from sorting the articles' sketch values (see
 * article-features.ts), so nothing compares all pairs, and the work is a few flat sorts.
 */
import { SKETCH_SIZE, sketchSimilarity, type FeatureTable } from './article-features.js';

/**
 * An article is compared through a sketch value with at most this many articles before it: a
 * shingle in more articles than that is boilerplate (a story carried more widely still merges, by
 * the same-event test).
 */
const MAX_COPY_POSTINGS = 40;
/** Article numbers are packed below sketch values in one sort key: room for 8 million articles. */
const ARTICLE_SPACE = 2 ** 23;

/**
 * Finds the articles whose leads are copies of one another (union-find over candidate pairs) and
 * returns, for each article, the id of its copy group.
 */
export function findCopies(table: FeatureTable, threshold: number): (i: number) => number {
  const { count, sketchLength } = table;
  const parent = new Int32Array(count);
  for (let i = 0; i < count; i++) parent[i] = i;
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const { byValue, runStart, positions } = sortedValues(table);
  const hits = new Int32Array(count);
  const touched: number[] = [];
  for (let i = 0; i < count; i++) {
    // The articles before this one that share each of its sketch values (while a value has been
    // seen at most MAX_COPY_POSTINGS times), counted per article.
    for (let k = 0; k < sketchLength[i]!; k++) {
      const at = positions[i * SKETCH_SIZE + k]!;
      const start = runStart[at]!;
      if (at - start > MAX_COPY_POSTINGS) continue;
      for (let q = start; q < at; q++) {
        const j = byValue[q]! % ARTICLE_SPACE;
        if (hits[j]!++ === 0) touched.push(j);
      }
    }
    // Two copies share at least a few of their smallest shingles; one shared value is chance.
    const needed = Math.min(2, sketchLength[i]!);
    for (const j of touched) {
      const shared = hits[j]!;
      hits[j] = 0;
      if (shared < needed || find(i) === find(j)) continue;
      if (sketchSimilarity(table, i, j) < threshold) continue;
      if (sharedNames(table, i, j)) parent[find(i)] = find(j);
    }
    touched.length = 0;
  }
  return find;
}

/**
 * Every article's sketch values as (value, article) keys in one sorted array, so that the articles
 * sharing a value sit side by side in article order; where each value's run starts; and where each
 * article's values ended up (`positions[i * SKETCH_SIZE + k]` for its k-th value).
 */
function sortedValues(table: FeatureTable): {
  byValue: Float64Array;
  runStart: Int32Array;
  positions: Int32Array;
} {
  const { sketches, sketchLength, count } = table;
  let total = 0;
  for (let i = 0; i < count; i++) total += sketchLength[i]!;
  const byValue = new Float64Array(total);
  let at = 0;
  for (let i = 0; i < count; i++) {
    for (let k = 0; k < sketchLength[i]!; k++) {
      byValue[at++] = sketches[i * SKETCH_SIZE + k]! * ARTICLE_SPACE + i;
    }
  }
  byValue.sort();
  const runStart = new Int32Array(total);
  const positions = new Int32Array(count * SKETCH_SIZE);
  const filled = new Uint8Array(count);
  let start = 0;
  for (let p = 0; p < total; p++) {
    const key = byValue[p]!;
    if (p > 0 && Math.floor(key / ARTICLE_SPACE) !== Math.floor(byValue[p - 1]! / ARTICLE_SPACE)) start = p;
    runStart[p] = start;
    const article = key % ARTICLE_SPACE;
    // Values are sorted within an article's sketch too, so the k-th found is its k-th value.
    positions[article * SKETCH_SIZE + filled[article]!++] = p;
  }
  return { byValue, runStart, positions };
}

/**
 * Copies of one story name the same people and places. Two texts made from one template (a results
 * table, a boilerplate-heavy press release) share shingles but not names.
 */
function sharedNames(table: FeatureTable, a: number, b: number): boolean {
  const { entityStart, entities } = table;
  const aSize = entityStart[a + 1]! - entityStart[a]!;
  const bSize = entityStart[b + 1]! - entityStart[b]!;
  const [small, large] = aSize <= bSize ? [a, b] : [b, a];
  const smallSize = Math.min(aSize, bSize);
  if (smallSize === 0) return true;
  let shared = 0;
  for (let i = entityStart[small]!; i < entityStart[small + 1]!; i++) {
    for (let j = entityStart[large]!; j < entityStart[large + 1]!; j++) {
      if (entities[i] === entities[j]) {
        shared++;
        break;
      }
    }
  }
  return shared * 2 >= smallSize;
}
