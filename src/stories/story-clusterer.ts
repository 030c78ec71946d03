/**
 * Groups articles into stories: every report of one event, from any number of sources, becomes one
 * story with all its articles.
 *
 * Two tests decide, in this order:
 * 1. Copies: leads whose shingle sketches (story-copies.ts) say they are mostly the same
 *    text (a wire story run by several outlets, a lightly edited update) are one story.
 * 2. Same event: articles are read oldest first; each joins the story it is most similar to on
 *    average (the mean cosine of TF-IDF vectors over title and lead with the story's articles,
 *    computed in one step from their sum), if that story is recent enough and the similarity is
 *    high enough: a low bar when the article names the story's main people, places and
 *    organisations, a higher one when there are no names to compare, and near-copy similarity
 *    when the names differ (two towns' budget votes read alike, but are two stories). Or it
 *    starts a new story. Average rather than best-match similarity keeps a chain of loosely
 *    related reports from growing into a catch-all.
 *
 * Nothing compares all pairs. Candidate copies come from an inverted index on sketch values and
 * candidate stories from an inverted index on the rarest words of the article; both indexes skip
 * lists that grow too long (boilerplate, words every story uses), so the cost stays near-linear in
 * the number of articles.
 */
import type { StoredArticle } from '../articles/stored-article.js';
import { readFeatures, type FeatureTable } from './article-features.js';
import { DenseLists } from './int-lists.js';
import { findCopies } from './story-copies.js';
import { TermWeights } from './term-weights.js';
import { storyId } from './story-id.js';
import type { Story } from './story.js';

/** Tuning of the clustering; every field has a default that suits daily news. */
export interface ClusterOptions {
  /** An article more than this long after a story's latest article starts a new story. */
  maxGapHours: number;
  /** Estimated shingle overlap (Jaccard) from which two bodies are copies of one text. */
  copySimilarity: number;
  /** Mean cosine similarity to a story's articles from which an article that names its people and places joins it. */
  sameEventSimilarity: number;
  /** The same, when there are no names to compare (the article or the story names nobody). */
  unnamedSimilarity: number;
  /** The same, when the article's names are mostly not the story's: only a near-copy joins. */
  otherNamesSimilarity: number;
}

export const defaultClusterOptions: ClusterOptions = {
  maxGapHours: 36,
  copySimilarity: 0.5,
  sameEventSimilarity: 0.25,
  unnamedSimilarity: 0.4,
  otherNamesSimilarity: 0.6,
};

/** An article's rarest words that are looked up in the story index. */
const PROBE_TERMS = 8;
/** Longer index lists are skipped: a word in that many stories does not single one out. */
const MAX_POSTINGS = 50;
/** Candidate stories scored exactly per article, the ones sharing the most rare words. */
const MAX_CANDIDATES = 4;
/**
 * Documents assumed to exist besides the ones clustered, none holding any of their words: with a
 * handful of articles every word would otherwise look common, and with thousands this is noise.
 */
const PRIOR_DOCUMENTS = 50;

interface Cluster {
  members: number[];
  latest: number;
  /** The first article: its vector and names are all there is to compare with while the story has one. */
  first: number;
  /**
   * Built when a second article joins (most stories never get one, and this saves thousands of
   * tables): the sum of the members' unit vectors (a vector's dot product with it, over the count,
   * is the mean cosine), and how many members name each entity.
   */
  sums: { centroid: TermWeights; entities: Map<number, number> } | null;
}

/**
 * Clusters articles into stories. Each story lists its articles lead first (the most complete
 * telling: the longest text, the newest on a tie), then the rest newest first. Stories come back
 * newest first. Deterministic for a given set of articles, whatever their order.
 */
export function clusterStories(
  articles: readonly StoredArticle[],
  options: Partial<ClusterOptions> = {},
): Story[] {
  const settings = { ...defaultClusterOptions, ...options };
  // Sorting by id first makes the result independent of the order the store returned.
  const sorted = [...articles].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const table = readFeatures(sorted);
  const vectors = weightVectors(table);
  const copies = findCopies(table, settings.copySimilarity);
  const order = Array.from(sorted.keys()).sort((a, b) => table.time[a]! - table.time[b]! || a - b);
  const index: StoryIndex = {
    table,
    vectors,
    clusters: [],
    postings: new DenseLists(table.distinctTerms, table.terms.length),
    hits: new Int32Array(table.count),
    weights: new Float64Array(table.distinctTerms),
    settings,
    lowestBar: Math.min(
      settings.sameEventSimilarity,
      settings.unnamedSimilarity,
      settings.otherNamesSimilarity,
    ),
    maxGap: settings.maxGapHours * 3_600_000,
  };
  // The story of each group of copies, once its first member is placed.
  const storyOfCopies = new Map<number, number>();

  for (const i of order) {
    const copyGroup = copies(i);
    const target = storyOfCopies.get(copyGroup) ?? bestCluster(i, index);
    if (target >= 0) join(index, target, i);
    else {
      index.clusters.push({ members: [i], latest: table.time[i]!, first: i, sums: null });
      const id = index.clusters.length - 1;
      for (let k = table.termStart[i]!; k < table.termStart[i + 1]!; k++)
        index.postings.add(vectors.terms[k]!, id);
    }
    storyOfCopies.set(copyGroup, target >= 0 ? target : index.clusters.length - 1);
  }

  return index.clusters
    .map((cluster) => toStory(cluster, sorted, table))
    .sort((a, b) => b.latest - a.latest || (a.story.id < b.story.id ? -1 : 1))
    .map(({ story }) => story);
}

/**
 * The articles' TF-IDF vectors, unit length, with each article's terms ordered rarest first. Article
 * `i`'s vector sits where its terms do in the feature table (from `termStart[i]`).
 */
interface Vectors {
  terms: Int32Array;
  weights: Float64Array;
}

function weightVectors(table: FeatureTable): Vectors {
  const { termStart, terms, counts, count } = table;
  const frequency = new Int32Array(table.distinctTerms);
  for (const term of terms) frequency[term]!++;
  const total = count + PRIOR_DOCUMENTS;
  // Each word's inverse document frequency, and the log of small counts, computed once.
  const idf = new Float64Array(table.distinctTerms);
  for (let term = 0; term < idf.length; term++) idf[term] = Math.log(total / frequency[term]!);
  const countWeight = Float64Array.from({ length: 64 }, (_, n) => 1 + Math.log(n));
  const sortedTerms = new Int32Array(terms.length);
  const weights = new Float64Array(terms.length);
  // Scratch, reused for every article: only the finished vectors are kept.
  let keys = new Float64Array(256);
  let raw = new Float64Array(256);
  for (let i = 0; i < count; i++) {
    const from = termStart[i]!;
    const n = termStart[i + 1]! - from;
    if (n > keys.length) {
      keys = new Float64Array(n * 2);
      raw = new Float64Array(n * 2);
    }
    // Rarest first, ties in the order `terms` is in: one native numeric sort of
    // packed (document frequency, position) keys.
    let norm = 0;
    for (let k = 0; k < n; k++) {
      const term = terms[from + k]!;
      const df = frequency[term]!;
      const occurrences = counts[from + k]!;
      const countPart = occurrences < 64 ? countWeight[occurrences]! : 1 + Math.log(occurrences);
      const weight = countPart * idf[term]!;
      raw[k] = weight;
      norm += weight * weight;
      keys[k] = df * POSITIONS + k;
    }
    const sorted = keys.subarray(0, n).sort();
    norm = Math.sqrt(norm) || 1;
    for (let k = 0; k < n; k++) {
      // The low 16 bits of the key: ToInt32 keeps them exactly for any key below 2^53.
      const position = sorted[k]! & (POSITIONS - 1);
      sortedTerms[from + k] = terms[from + position]!;
      weights[from + k] = raw[position]! / norm;
    }
  }
  return { terms: sortedTerms, weights };
}

/** More distinct terms than a title and lead can hold, for packing positions into sort keys. */
const POSITIONS = 1 << 16;

/** The stories so far, and the inverted index from words to the stories that use them. */
interface StoryIndex {
  table: FeatureTable;
  vectors: Vectors;
  clusters: Cluster[];
  /** The stories that use each word. */
  postings: DenseLists;
  /** Scratch: rare words shared with each cluster, for the article being placed (kept zeroed). */
  hits: Int32Array;
  /** Scratch: the weights of the article being placed, by word id (kept zeroed otherwise). */
  weights: Float64Array;
  settings: ClusterOptions;
  /** The lowest of the similarity bars: below it, names need not be compared. */
  lowestBar: number;
  maxGap: number;
}

/** The cluster article `i` belongs to, or -1 when it starts a new story. */
function bestCluster(i: number, index: StoryIndex): number {
  const candidates = candidateClusters(i, index);
  if (candidates.length === 0) return -1;
  const { clusters, settings, weights, table, vectors } = index;
  const from = table.termStart[i]!;
  const to = table.termStart[i + 1]!;
  for (let k = from; k < to; k++) weights[vectors.terms[k]!] = vectors.weights[k]!;
  let best = -1;
  let bestScore = 0;
  for (const c of candidates) {
    const cluster = clusters[c]!;
    if (table.time[i]! - cluster.latest > index.maxGap) continue;
    let dot = 0;
    if (cluster.sums) {
      const { centroid } = cluster.sums;
      for (let k = from; k < to; k++) dot += vectors.weights[k]! * centroid.get(vectors.terms[k]!);
    } else {
      const first = cluster.first;
      for (let k = table.termStart[first]!; k < table.termStart[first + 1]!; k++)
        dot += vectors.weights[k]! * weights[vectors.terms[k]!]!;
    }
    // Mean similarity to the members: unlike the cosine with the centroid, it does not grow as a
    // story gathers unrelated members, so a story cannot snowball into a catch-all.
    const similarity = dot / cluster.members.length;
    if (similarity <= bestScore || similarity < index.lowestBar) continue;
    const names = compareNames(i, cluster, table);
    const bar =
      names === 'shared'
        ? settings.sameEventSimilarity
        : names === 'unknown'
          ? settings.unnamedSimilarity
          : settings.otherNamesSimilarity;
    if (similarity >= bar) {
      best = c;
      bestScore = similarity;
    }
  }
  for (let k = from; k < to; k++) weights[vectors.terms[k]!] = 0;
  return best;
}

/**
 * The few stories worth scoring exactly for article `i`: those sharing the most of its rarest
 * words (at least half as many as the best), found through the inverted index.
 */
function candidateClusters(i: number, index: StoryIndex): number[] {
  const { postings, hits, table, vectors } = index;
  const touched: number[] = [];
  let probed = 0;
  for (let k = table.termStart[i]!; k < table.termStart[i + 1]! && probed < PROBE_TERMS; k++) {
    const term = vectors.terms[k]!;
    const size = postings.size(term);
    if (size === 0) continue;
    probed++;
    if (size > MAX_POSTINGS) continue;
    for (let entry = postings.first(term); entry !== -1; entry = postings.next(entry)) {
      const c = postings.id(entry);
      if (hits[c]!++ === 0) touched.push(c);
    }
  }
  let most = 0;
  for (const c of touched) most = Math.max(most, hits[c]!);
  // The MAX_CANDIDATES with the most hits (the oldest story first on a tie), kept in order by insertion.
  const best: number[] = [];
  for (const c of touched) {
    if (hits[c]! * 2 < most) continue;
    let at = best.length;
    while (
      at > 0 &&
      (hits[best[at - 1]!]! < hits[c]! || (hits[best[at - 1]!] === hits[c] && best[at - 1]! > c))
    )
      at--;
    if (at < MAX_CANDIDATES) {
      best.splice(at, 0, c);
      if (best.length > MAX_CANDIDATES) best.pop();
    }
  }
  for (const c of touched) hits[c] = 0;
  return best;
}

/**
 * Whether article `i` names what a story names: "shared" when at least half of its names (or of
 * the story's main names, if fewer) are main names of the story, those that a third or more of
 * its reports use. Two reports of one event share the place and the people; two events that
 * share one famous name share little else.
 */
function compareNames(i: number, cluster: Cluster, table: FeatureTable): 'shared' | 'other' | 'unknown' {
  const { entityStart, entities } = table;
  let coreNames = 0;
  let shared = 0;
  if (cluster.sums) {
    const { entities: counts } = cluster.sums;
    const core = Math.max(1, cluster.members.length / 3);
    for (const count of counts.values()) if (count >= core) coreNames++;
    for (let k = entityStart[i]!; k < entityStart[i + 1]!; k++)
      if ((counts.get(entities[k]!) ?? 0) >= core) shared++;
  } else {
    const first = cluster.first;
    coreNames = entityStart[first + 1]! - entityStart[first]!;
    for (let k = entityStart[i]!; k < entityStart[i + 1]!; k++) {
      for (let m = entityStart[first]!; m < entityStart[first + 1]!; m++) {
        if (entities[m] === entities[k]) {
          shared++;
          break;
        }
      }
    }
  }
  const smaller = Math.min(entityStart[i + 1]! - entityStart[i]!, coreNames);
  if (smaller === 0) return 'unknown';
  return shared * 2 >= smaller ? 'shared' : 'other';
}

function join(index: StoryIndex, id: number, member: number): void {
  const { table, vectors } = index;
  const cluster = index.clusters[id]!;
  cluster.members.push(member);
  cluster.latest = Math.max(cluster.latest, table.time[member]!);
  if (!cluster.sums) {
    const first = cluster.first;
    const from = table.termStart[first]!;
    const to = table.termStart[first + 1]!;
    const centroid = new TermWeights((to - from) * 2);
    for (let k = from; k < to; k++) centroid.add(vectors.terms[k]!, vectors.weights[k]!);
    const entities = new Map<number, number>();
    for (let k = table.entityStart[first]!; k < table.entityStart[first + 1]!; k++)
      entities.set(table.entities[k]!, 1);
    cluster.sums = { centroid, entities };
  }
  const { centroid, entities } = cluster.sums;
  // A word new to the story lists the story under it.
  for (let k = table.termStart[member]!; k < table.termStart[member + 1]!; k++) {
    const term = vectors.terms[k]!;
    if (centroid.add(term, vectors.weights[k]!)) index.postings.add(term, id);
  }
  for (let k = table.entityStart[member]!; k < table.entityStart[member + 1]!; k++) {
    const name = table.entities[k]!;
    entities.set(name, (entities.get(name) ?? 0) + 1);
  }
}

function toStory(
  cluster: Cluster,
  articles: readonly StoredArticle[],
  table: FeatureTable,
): { story: Story; latest: number } {
  const members = cluster.members.map((i) => ({ article: articles[i]!, time: table.time[i]! }));
  const newestFirst = (a: (typeof members)[0], b: (typeof members)[0]) =>
    b.time - a.time || (a.article.id < b.article.id ? -1 : 1);
  const lead = [...members].sort(
    (a, b) => b.article.text.length - a.article.text.length || newestFirst(a, b),
  )[0]!;
  const rest = members.filter((member) => member !== lead).sort(newestFirst);
  const ordered = [lead, ...rest].map((member) => member.article);
  return { story: { id: storyId(ordered), articles: ordered }, latest: cluster.latest };
}
