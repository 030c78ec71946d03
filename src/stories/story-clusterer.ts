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
import { articleFeatures, featureContext, type ArticleFeatures } from './article-features.js';
import { findCopies } from './story-copies.js';
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
  /** The first article's vector and names: all there is to compare with while the story has one. */
  first: { vector: Vector; entities: readonly string[] };
  /**
   * Built when a second article joins (most stories never get one, and this saves thousands of
   * maps): the sum of the members' unit vectors (a vector's dot product with it, over the count,
   * is the mean cosine), and how many members name each entity.
   */
  sums: { centroid: Map<number, number>; entities: Map<string, number> } | null;
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
  const context = featureContext();
  const features = sorted.map((article) => articleFeatures(article, context));
  const vectors = weightVectors(features);
  const copies = findCopies(features, settings.copySimilarity);
  const order = features.map((_, i) => i).sort((a, b) => features[a]!.time - features[b]!.time || a - b);
  const index: StoryIndex = {
    clusters: [],
    postings: new Map(),
    hits: new Int32Array(features.length),
    weights: new Map(),
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
    const target = storyOfCopies.get(copyGroup) ?? bestCluster(features[i]!, vectors[i]!, index);
    if (target >= 0) join(index, target, i, features[i]!, vectors[i]!);
    else {
      index.clusters.push({
        members: [i],
        latest: features[i]!.time,
        first: { vector: vectors[i]!, entities: features[i]!.entities },
        sums: null,
      });
      addPostings(index, index.clusters.length - 1, vectors[i]!.terms, null);
    }
    storyOfCopies.set(copyGroup, target >= 0 ? target : index.clusters.length - 1);
  }

  return index.clusters
    .map((cluster) => toStory(cluster, sorted, features))
    .sort((a, b) => b.latest - a.latest || (a.story.id < b.story.id ? -1 : 1))
    .map(({ story }) => story);
}

/** An article's TF-IDF vector, unit length, with its terms ordered rarest first. */
interface Vector {
  terms: Int32Array;
  weights: Float64Array;
}

function weightVectors(features: readonly ArticleFeatures[]): Vector[] {
  const frequency = new Map<number, number>();
  for (const article of features)
    for (const term of article.terms) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  const total = features.length + PRIOR_DOCUMENTS;
  return features.map((article) => {
    const { terms, counts } = article;
    const n = terms.length;
    // Rarest first, ties in the order `terms` is in: one native numeric sort of
    // packed (document frequency, position) keys.
    const keys = new Float64Array(n);
    const raw = new Float64Array(n);
    let norm = 0;
    for (let k = 0; k < n; k++) {
      const df = frequency.get(terms[k]!)!;
      const weight = (1 + Math.log(counts[k]!)) * Math.log(total / df);
      raw[k] = weight;
      norm += weight * weight;
      keys[k] = df * POSITIONS + k;
    }
    keys.sort();
    norm = Math.sqrt(norm) || 1;
    const sortedTerms = new Int32Array(n);
    const weights = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      const position = keys[k]! % POSITIONS;
      sortedTerms[k] = terms[position]!;
      weights[k] = raw[position]! / norm;
    }
    return { terms: sortedTerms, weights };
  });
}

/** More distinct terms than a title and lead can hold, for packing positions into sort keys. */
const POSITIONS = 1 << 16;

/** The stories so far, and the inverted index from words to the stories that use them. */
interface StoryIndex {
  clusters: Cluster[];
  postings: Map<number, number[]>;
  /** Scratch: rare words shared with each cluster, for the article being placed (kept zeroed). */
  hits: Int32Array;
  /** Scratch: the weights of the article being placed, by term. */
  weights: Map<number, number>;
  settings: ClusterOptions;
  /** The lowest of the similarity bars: below it, names need not be compared. */
  lowestBar: number;
  maxGap: number;
}

/** The cluster an article belongs to, or -1 when it starts a new story. */
function bestCluster(article: ArticleFeatures, vector: Vector, index: StoryIndex): number {
  const candidates = candidateClusters(vector, index);
  if (candidates.length === 0) return -1;
  const { clusters, settings, weights } = index;
  weights.clear();
  let best = -1;
  let bestScore = 0;
  for (const c of candidates) {
    const cluster = clusters[c]!;
    if (article.time - cluster.latest > index.maxGap) continue;
    let dot = 0;
    if (cluster.sums) {
      const { centroid } = cluster.sums;
      for (let k = 0; k < vector.terms.length; k++)
        dot += vector.weights[k]! * (centroid.get(vector.terms[k]!) ?? 0);
    } else {
      if (weights.size === 0)
        for (let k = 0; k < vector.terms.length; k++) weights.set(vector.terms[k]!, vector.weights[k]!);
      const other = cluster.first.vector;
      for (let k = 0; k < other.terms.length; k++)
        dot += other.weights[k]! * (weights.get(other.terms[k]!) ?? 0);
    }
    // Mean similarity to the members: unlike the cosine with the centroid, it does not grow as a
    // story gathers unrelated members, so a story cannot snowball into a catch-all.
    const similarity = dot / cluster.members.length;
    if (similarity <= bestScore || similarity < index.lowestBar) continue;
    const names = compareNames(article, cluster);
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
  return best;
}

/**
 * The few stories worth scoring exactly for an article: those sharing the most of its rarest
 * words (at least half as many as the best), found through the inverted index.
 */
function candidateClusters(vector: Vector, index: StoryIndex): number[] {
  const { postings, hits } = index;
  const touched: number[] = [];
  let probed = 0;
  for (let k = 0; k < vector.terms.length && probed < PROBE_TERMS; k++) {
    const list = postings.get(vector.terms[k]!);
    if (!list) continue;
    probed++;
    if (list.length > MAX_POSTINGS) continue;
    for (const c of list) if (hits[c]!++ === 0) touched.push(c);
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
 * Whether an article names what a story names: "shared" when at least half of its names (or of
 * the story's main names, if fewer) are main names of the story, those that a third or more of
 * its reports use. Two reports of one event share the place and the people; two events that
 * share one famous name share little else.
 */
function compareNames(article: ArticleFeatures, cluster: Cluster): 'shared' | 'other' | 'unknown' {
  let coreNames = 0;
  let shared = 0;
  if (cluster.sums) {
    const { entities } = cluster.sums;
    const core = Math.max(1, cluster.members.length / 3);
    for (const count of entities.values()) if (count >= core) coreNames++;
    for (const name of article.entities) if ((entities.get(name) ?? 0) >= core) shared++;
  } else {
    coreNames = cluster.first.entities.length;
    for (const name of article.entities) if (cluster.first.entities.includes(name)) shared++;
  }
  const smaller = Math.min(article.entities.length, coreNames);
  if (smaller === 0) return 'unknown';
  return shared * 2 >= smaller ? 'shared' : 'other';
}

function join(index: StoryIndex, id: number, member: number, article: ArticleFeatures, vector: Vector): void {
  const cluster = index.clusters[id]!;
  cluster.members.push(member);
  cluster.latest = Math.max(cluster.latest, article.time);
  if (!cluster.sums) {
    const { vector: first, entities: firstNames } = cluster.first;
    const centroid = new Map<number, number>();
    for (let k = 0; k < first.terms.length; k++) centroid.set(first.terms[k]!, first.weights[k]!);
    cluster.sums = { centroid, entities: new Map(firstNames.map((name) => [name, 1])) };
  }
  const { centroid, entities } = cluster.sums;
  addPostings(index, id, vector.terms, centroid);
  for (let k = 0; k < vector.terms.length; k++) {
    const term = vector.terms[k]!;
    centroid.set(term, (centroid.get(term) ?? 0) + vector.weights[k]!);
  }
  for (const name of article.entities) entities.set(name, (entities.get(name) ?? 0) + 1);
}

/** Lists a story under the words of a new member that it did not use yet (`known`: its centroid). */
function addPostings(
  index: StoryIndex,
  id: number,
  terms: Int32Array,
  known: Map<number, number> | null,
): void {
  for (const term of terms) {
    if (known?.has(term)) continue;
    const list = index.postings.get(term);
    if (list) list.push(id);
    else index.postings.set(term, [id]);
  }
}

function toStory(
  cluster: Cluster,
  articles: readonly StoredArticle[],
  features: readonly ArticleFeatures[],
): { story: Story; latest: number } {
  const members = cluster.members.map((i) => ({ article: articles[i]!, time: features[i]!.time }));
  const newestFirst = (a: (typeof members)[0], b: (typeof members)[0]) =>
    b.time - a.time || (a.article.id < b.article.id ? -1 : 1);
  const lead = [...members].sort(
    (a, b) => b.article.text.length - a.article.text.length || newestFirst(a, b),
  )[0]!;
  const rest = members.filter((member) => member !== lead).sort(newestFirst);
  const ordered = [lead, ...rest].map((member) => member.article);
  return { story: { id: storyId(ordered), articles: ordered }, latest: cluster.latest };
}
