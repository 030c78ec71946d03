/**
 * Groups articles into stories: every report of one event, from any number of sources, becomes one
 * story with all its articles.
 *
 * Two tests decide, in this order:
 * 1. Copies: bodies whose shingle sketches (see article-features.ts) say they are mostly the same
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
import { articleFeatures, sketchSimilarity, type ArticleFeatures } from './article-features.js';
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
const MAX_POSTINGS = 100;
/**
 * Longer sketch-value lists are skipped: a shingle in that many articles is boilerplate (a story
 * carried more widely still merges, by the same-event test).
 */
const MAX_COPY_POSTINGS = 40;
/** Candidate stories scored exactly per article, the ones sharing the most rare words. */
const MAX_CANDIDATES = 4;
/**
 * Documents assumed to exist besides the ones clustered, none holding any of their words: with a
 * handful of articles every word would otherwise look common, and with thousands this is noise.
 */
const PRIOR_DOCUMENTS = 50;

interface Cluster {
  members: number[];
  /** Sum of the members' unit vectors: a vector's dot product with it, over the count, is the mean cosine. */
  centroid: Map<number, number>;
  /** How many members name each entity. */
  entities: Map<string, number>;
  latest: number;
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
  const speakerNames = new Map<string, string[]>();
  const features = sorted.map((article) => articleFeatures(article, speakerNames));
  const vectors = weightVectors(features);
  const copies = findCopies(features, settings.copySimilarity);
  const order = features.map((_, i) => i).sort((a, b) => features[a]!.time - features[b]!.time || a - b);
  const index: StoryIndex = {
    clusters: [],
    postings: new Map(),
    hits: new Int32Array(features.length),
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
    let target = storyOfCopies.get(copyGroup) ?? bestCluster(features[i]!, vectors[i]!, index);
    if (target < 0) {
      target = index.clusters.length;
      index.clusters.push({ members: [], centroid: new Map(), entities: new Map(), latest: 0 });
    }
    join(index, target, i, features[i]!, vectors[i]!);
    storyOfCopies.set(copyGroup, target);
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
    // Rarest first, ties in term order (the order `terms` is in): one native numeric sort of
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
  settings: ClusterOptions;
  /** The lowest of the similarity bars: below it, names need not be compared. */
  lowestBar: number;
  maxGap: number;
}

/** The cluster an article belongs to, or -1 when it starts a new story. */
function bestCluster(article: ArticleFeatures, vector: Vector, index: StoryIndex): number {
  const { clusters, postings, hits, settings } = index;
  const touched: number[] = [];
  let probed = 0;
  for (let k = 0; k < vector.terms.length && probed < PROBE_TERMS; k++) {
    const list = postings.get(vector.terms[k]!);
    if (!list) continue;
    probed++;
    if (list.length > MAX_POSTINGS) continue;
    for (const c of list) if (hits[c]!++ === 0) touched.push(c);
  }
  if (touched.length === 0) return -1;
  touched.sort((a, b) => hits[b]! - hits[a]! || a - b);
  // Stories sharing far fewer rare words than the best-placed one are not worth scoring.
  const enough = Math.ceil(hits[touched[0]!]! / 2);
  const candidates: number[] = [];
  for (const c of touched) if (candidates.length < MAX_CANDIDATES && hits[c]! >= enough) candidates.push(c);
  for (const c of touched) hits[c] = 0;

  let best = -1;
  let bestScore = 0;
  for (const c of candidates) {
    const cluster = clusters[c]!;
    if (article.time - cluster.latest > index.maxGap) continue;
    let dot = 0;
    for (let k = 0; k < vector.terms.length; k++) {
      dot += vector.weights[k]! * (cluster.centroid.get(vector.terms[k]!) ?? 0);
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
 * Whether an article names what a story names: "shared" when at least half of its names (or of
 * the story's main names, if fewer) are main names of the story, those that a third or more of
 * its reports use. Two reports of one event share the place and the people; two events that
 * share one famous name share little else.
 */
function compareNames(article: ArticleFeatures, cluster: Cluster): 'shared' | 'other' | 'unknown' {
  const core = Math.max(1, cluster.members.length / 3);
  let coreNames = 0;
  for (const count of cluster.entities.values()) if (count >= core) coreNames++;
  let shared = 0;
  for (const name of article.entities) if ((cluster.entities.get(name) ?? 0) >= core) shared++;
  const smaller = Math.min(article.entities.length, coreNames);
  if (smaller === 0) return 'unknown';
  return shared * 2 >= smaller ? 'shared' : 'other';
}

function join(index: StoryIndex, id: number, member: number, article: ArticleFeatures, vector: Vector): void {
  const cluster = index.clusters[id]!;
  cluster.members.push(member);
  cluster.latest = Math.max(cluster.latest, article.time);
  for (let k = 0; k < vector.terms.length; k++) {
    const term = vector.terms[k]!;
    const before = cluster.centroid.get(term);
    cluster.centroid.set(term, (before ?? 0) + vector.weights[k]!);
    if (before === undefined) {
      const list = index.postings.get(term);
      if (list) list.push(id);
      else index.postings.set(term, [id]);
    }
  }
  for (const name of article.entities) cluster.entities.set(name, (cluster.entities.get(name) ?? 0) + 1);
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

/**
 * Finds the articles whose bodies are copies of one another (union-find over candidate pairs from
 * an inverted index on sketch values) and returns, for each article, the id of its copy group.
 */
function findCopies(features: readonly ArticleFeatures[], threshold: number): (i: number) => number {
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
