/**
 * Story clustering that takes articles as they come: every report of one event, from any number of
 * sources, ends up in one story. The same code serves a one-off clustering of a window
 * (story-clusterer.ts: all articles in one `add`) and the running one kept up to date at ingest
 * (story-tracker.ts: each stored batch in its own `add`), so that a digest never clusters a whole day.
 *
 * Each article, oldest first, either joins a story or starts one:
 * 1. Copies: an earlier article whose lead sketch (article-features.ts) says it is mostly the same
 *    text (a wire story run by several outlets, a lightly edited update) takes it into its story.
 * 2. Same event: it joins the story it is most similar to on average (the mean cosine of TF-IDF
 *    vectors over title and lead with the story's articles, computed in one step from their sum),
 *    if that story is recent enough and the similarity high enough: a low bar when the article
 *    names the story's main people, places and organisations, a higher one when there are no names
 *    to compare, and near-copy similarity when the names differ (two towns' budget votes read
 *    alike, but are two stories). Average rather than best-match similarity keeps a chain of
 *    loosely related reports from growing into a catch-all.
 *
 * Nothing compares all pairs: candidate copies come from an index on sketch values and candidate
 * stories from an index on the rarest words of the article; both skip lists that grow too long
 * (boilerplate, words every story uses), so each placement costs about the same however many
 * articles are held. Word weights use the document frequencies of everything held when an article
 * is placed; an `add` counts its whole batch first, so a window clustered at once is weighted by
 * the whole window.
 */
import { FEATURES_HEADER, featureCounts, SKETCH_SIZE } from './article-features.js';
import { CopyIndex } from './copy-index.js';
import { IntIds } from './int-lists.js';
import { TermWeights } from './term-weights.js';

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

/** An article to place: its key (the article id), when it happened (ms) and FeatureReader's features. */
export interface ClusterInput {
  key: string;
  time: number;
  /** When it was first seen (ms), if later than `time`: a story is kept while any article is this recent. */
  seen?: number;
  features: Int32Array;
}

/** An article's rarest words that are looked up in the story index. */
const PROBE_TERMS = 8;
/** Longer index lists are skipped: a word in that many stories does not single one out. */
const MAX_POSTINGS = 50;
/** Candidate stories scored exactly per article, the ones sharing the most rare words. */
const MAX_CANDIDATES = 4;
/**
 * A sketch value is compared with at most this many earlier articles: a shingle in more articles
 * than that is boilerplate (a story carried more widely still merges, by the same-event test).
 */
const MAX_COPY_POSTINGS = 40;
/**
 * Documents assumed to exist besides the ones held, none holding any of their words: with a
 * handful of articles every word would otherwise look common, and with thousands this is noise.
 */
const PRIOR_DOCUMENTS = 50;
/** What an article whose packed features do not add up counts as: one with no words. */
const NO_FEATURES = { words: 0, names: 0, sketch: 0 };

/**
 * One placed article. Its words, weights, names and sketch live in the clustering's shared arenas
 * (from `at`): a day of 100,000 articles is a handful of big arrays, not half a million small ones
 * for the garbage collector to track.
 */
interface Item {
  key: string;
  time: number;
  seen: number;
  /** Where its words (dense ids, rarest first when placed) and their unit-vector weights start. */
  termsAt: number;
  termCount: number;
  /** Where its name hashes (each once), then its lead sketch (ascending), start in `ints`. */
  namesAt: number;
  nameCount: number;
  sketchCount: number;
  cluster: number;
}

interface Cluster {
  members: number[];
  latest: number;
  /** The latest time any member was first seen. */
  lastSeen: number;
  /**
   * Built when a second article joins (most stories never get one, and this saves thousands of
   * tables): the sum of the members' unit vectors (a vector's dot product with it, over the count,
   * is the mean cosine), and how many members name each name.
   */
  sums: { centroid: TermWeights; names: Map<number, number> } | null;
}

/**
 * A growable array of 32-bit integers. (Two classes rather than one generic one: code shared by
 * both array types runs several times slower in V8.)
 */
class IntArena {
  length = 0;
  constructor(public items: Int32Array<ArrayBuffer>) {}

  /** Makes room for `count` more values and returns where they go. */
  reserve(count: number): number {
    const at = this.length;
    this.length += count;
    if (this.length > this.items.length) {
      const grown = new Int32Array(Math.max(this.items.length * 2, this.length));
      grown.set(this.items.subarray(0, at));
      this.items = grown;
    }
    return at;
  }
}

/** A growable array of doubles, as IntArena. */
class DoubleArena {
  length = 0;
  constructor(public items: Float64Array<ArrayBuffer>) {}

  reserve(count: number): number {
    const at = this.length;
    this.length += count;
    if (this.length > this.items.length) {
      const grown = new Float64Array(Math.max(this.items.length * 2, this.length));
      grown.set(this.items.subarray(0, at));
      this.items = grown;
    }
    return at;
  }
}

/** The running clustering; see the file comment. */
export class StoryClustering {
  private readonly settings: ClusterOptions;
  private readonly lowestBar: number;
  private readonly maxGap: number;
  private readonly termIds = new IntIds(1 << 12);
  /** Articles held that use each word, by word id. */
  private frequency = new Int32Array(1 << 12);
  private documents = 0;
  /** Word ids with a frequency above zero. */
  private usedTerms = 0;
  private readonly items: (Item | null)[] = [];
  private readonly clusters: (Cluster | null)[] = [];
  /** Words (dense ids) of all items, and their weights, at each item's `termsAt`. */
  private terms = new IntArena(new Int32Array(1 << 14));
  private weights = new DoubleArena(new Float64Array(1 << 14));
  /** Names and sketches of all items, at each item's `namesAt`. */
  private ints = new IntArena(new Int32Array(1 << 13));
  /** Values in the arenas that belong to forgotten items: compacted when they are most of them. */
  private deadValues = 0;
  /** The stories that use each word, by word id (stories forgotten since are skipped). */
  private postings: number[][] = [];
  /** The earlier articles holding each sketch value. */
  private copyIndex = new CopyIndex(MAX_COPY_POSTINGS);
  /** Scratch: rare words shared with each story, for the article being placed (kept zeroed). */
  private hits = new Int32Array(1024);
  /** Scratch: sketch values shared with each earlier article, for the one being placed (kept zeroed). */
  private shared = new Int32Array(1024);
  /** Scratch: the weights of the article being placed, by word id (kept zeroed otherwise). */
  private scratch = new Float64Array(1 << 12);

  constructor(options: Partial<ClusterOptions> = {}) {
    this.settings = { ...defaultClusterOptions, ...options };
    const { sameEventSimilarity, unnamedSimilarity, otherNamesSimilarity } = this.settings;
    this.lowestBar = Math.min(sameEventSimilarity, unnamedSimilarity, otherNamesSimilarity);
    this.maxGap = this.settings.maxGapHours * 3_600_000;
  }

  /**
   * Words given an id so far, and those that articles held still use: ids are never reused, so a
   * clustering kept for weeks should be started again when most of its words are gone.
   */
  get vocabulary(): { ids: number; used: number } {
    return { ids: this.termIds.size, used: this.usedTerms };
  }

  /**
   * Places articles, oldest first (ties by key), and returns each one's story number in the order
   * given. Their words are counted before any is placed.
   */
  add(inputs: readonly ClusterInput[]): number[] {
    const order = Array.from(inputs.keys()).sort(
      (a, b) => inputs[a]!.time - inputs[b]!.time || (inputs[a]!.key < inputs[b]!.key ? -1 : a === b ? 0 : 1),
    );
    // Counted in placement order, so that word ids, and with them everything, follow from the
    // articles alone, not from the order they were given in.
    const counted = new Array<Item>(inputs.length);
    for (const at of order) counted[at] = this.count(inputs[at]!);
    const placed = new Array<number>(inputs.length);
    for (const at of order) {
      const number = this.items.length;
      const item = counted[at]!;
      this.weigh(item, inputs[at]!.features);
      this.items.push(item);
      this.grow(number);
      const target = this.copyOf(number, item) ?? this.bestCluster(item);
      if (target >= 0 && this.clusters[target]) this.join(target, number);
      else this.startCluster(number);
      this.indexCopies(number, item);
      placed[at] = item.cluster;
    }
    return placed;
  }

  /**
   * Every story held, as the keys of its articles in the order they joined. The same array is
   * passed for each story: read it before the next.
   */
  forEachStory(visit: (keys: readonly string[]) => void): void {
    const keys: string[] = [];
    for (const cluster of this.clusters) {
      if (!cluster) continue;
      keys.length = 0;
      for (const i of cluster.members) keys.push(this.items[i]!.key);
      visit(keys);
    }
  }

  /**
   * Forgets the stories whose articles all happened and were seen before `time`, with their
   * articles; returns the keys of the articles forgotten. Given a time a gap and a window before
   * now, those stories can take no new article and no window ending now shows them.
   */
  forgetBefore(time: number): string[] {
    const forgotten: string[] = [];
    for (let c = 0; c < this.clusters.length; c++) {
      const cluster = this.clusters[c];
      if (!cluster || cluster.latest >= time || cluster.lastSeen >= time) continue;
      for (const i of cluster.members) {
        const item = this.items[i]!;
        const { items } = this.terms;
        for (let k = item.termsAt; k < item.termsAt + item.termCount; k++) {
          if (--this.frequency[items[k]!]! === 0) this.usedTerms--;
        }
        this.documents--;
        this.deadValues += item.termCount;
        forgotten.push(item.key);
        this.items[i] = null;
      }
      this.clusters[c] = null;
    }
    if (forgotten.length === 0) return forgotten;
    for (let term = 0; term < this.postings.length; term++) {
      const list = this.postings[term];
      if (list && list.length > 0) this.postings[term] = list.filter((c) => this.clusters[c]);
    }
    // Listed again from the articles kept: forgotten ones would count against the limit.
    this.copyIndex = new CopyIndex(MAX_COPY_POSTINGS);
    this.items.forEach((item, number) => {
      if (item) this.indexCopies(number, item);
    });
    if (this.deadValues * 2 > this.terms.length) this.compact();
    return forgotten;
  }

  /** Copies the live items' values into fresh arenas, dropping the forgotten ones'. */
  private compact(): void {
    const terms = new IntArena(new Int32Array(Math.max(1 << 14, this.terms.length - this.deadValues)));
    const weights = new DoubleArena(new Float64Array(terms.items.length));
    const ints = new IntArena(new Int32Array(Math.max(1 << 13, this.ints.length)));
    for (const item of this.items) {
      if (!item) continue;
      const at = terms.reserve(item.termCount);
      weights.reserve(item.termCount);
      const end = item.termsAt + item.termCount;
      terms.items.set(this.terms.items.subarray(item.termsAt, end), at);
      weights.items.set(this.weights.items.subarray(item.termsAt, end), at);
      item.termsAt = at;
      const count = item.nameCount + item.sketchCount;
      const namesAt = ints.reserve(count);
      ints.items.set(this.ints.items.subarray(item.namesAt, item.namesAt + count), namesAt);
      item.namesAt = namesAt;
    }
    this.terms = terms;
    this.weights = weights;
    this.ints = ints;
    this.deadValues = 0;
  }

  /**
   * The item of packed features (FeatureReader's: counts of words, names and sketch values, then
   * word hashes, their counts, name hashes and sketch), its words counted as documents; its
   * weights come when it is placed. Features that do not add up count as an article with no words.
   */
  private count(input: ClusterInput): Item {
    const packed = input.features;
    const { words, names: nameCount, sketch: sketchCount } = featureCounts(packed) ?? NO_FEATURES;
    this.documents++;
    const termsAt = this.terms.reserve(words);
    this.weights.reserve(words);
    for (let k = 0; k < words; k++) {
      const term = this.termId(packed[FEATURES_HEADER + k]!);
      this.terms.items[termsAt + k] = term;
      if (this.frequency[term]!++ === 0) this.usedTerms++;
    }
    const namesAt = this.ints.reserve(nameCount + sketchCount);
    const from = FEATURES_HEADER + words * 2;
    for (let k = 0; k < nameCount + sketchCount; k++) this.ints.items[namesAt + k] = packed[from + k]!;
    const seen = Math.max(input.time, input.seen ?? input.time);
    return {
      key: input.key,
      time: input.time,
      seen,
      termsAt,
      termCount: words,
      namesAt,
      nameCount,
      sketchCount,
      cluster: -1,
    };
  }

  private termId(hash: number): number {
    const id = this.termIds.idOf(hash);
    if (id >= this.frequency.length) {
      const grown = new Int32Array(this.frequency.length * 2);
      grown.set(this.frequency);
      this.frequency = grown;
      const scratch = new Float64Array(grown.length);
      scratch.set(this.scratch);
      this.scratch = scratch;
    }
    return id;
  }

  /** Scratch tables indexed by item and story number, grown for item `number`. */
  private grow(number: number): void {
    if (number < this.hits.length) return;
    const hits = new Int32Array(this.hits.length * 2);
    hits.set(this.hits);
    this.hits = hits;
    const shared = new Int32Array(this.shared.length * 2);
    shared.set(this.shared);
    this.shared = shared;
  }

  /**
   * The item's TF-IDF vector, unit length, its words reordered rarest first, from the counts in
   * its packed features and the document frequencies of now.
   */
  private weigh(item: Item, packed: Int32Array): void {
    const n = item.termCount;
    const total = this.documents + PRIOR_DOCUMENTS;
    const terms = this.terms.items;
    const weights = this.weights.items;
    const from = item.termsAt;
    const raw = rawWeights.length >= n ? rawWeights : (rawWeights = new Float64Array(n * 2));
    const keys = sortKeys.length >= n ? sortKeys : (sortKeys = new Float64Array(n * 2));
    const original = termScratch.length >= n ? termScratch : (termScratch = new Int32Array(n * 2));
    let norm = 0;
    for (let k = 0; k < n; k++) {
      const term = terms[from + k]!;
      original[k] = term;
      const df = this.frequency[term]!;
      const weight = (1 + Math.log(packed[FEATURES_HEADER + n + k]!)) * Math.log(total / df);
      raw[k] = weight;
      norm += weight * weight;
      // Rarest first, ties in the order of first use: one numeric sort of packed keys.
      keys[k] = df * POSITIONS + k;
    }
    const sorted = keys.subarray(0, n).sort();
    norm = Math.sqrt(norm) || 1;
    for (let k = 0; k < n; k++) {
      // The low 16 bits of the key: ToInt32 keeps them exactly for any key below 2^53.
      const position = sorted[k]! & (POSITIONS - 1);
      terms[from + k] = original[position]!;
      weights[from + k] = raw[position]! / norm;
    }
  }

  /** The story of an earlier article that `item` is a copy of, or null. */
  private copyOf(number: number, item: Item): number | null {
    const { shared, ints } = this;
    const touched: number[] = [];
    const sketchAt = item.namesAt + item.nameCount;
    for (let k = sketchAt; k < sketchAt + item.sketchCount; k++) {
      const { copyIndex } = this;
      for (let entry = copyIndex.first(ints.items[k]!); entry !== 0; entry = copyIndex.next(entry)) {
        const j = copyIndex.article(entry);
        if (shared[j]!++ === 0) touched.push(j);
      }
    }
    // Two copies share at least a few of their smallest shingles; one shared value is chance.
    const needed = Math.min(2, item.sketchCount);
    // The earliest copy's story: where the first of its copies went.
    let best = -1;
    for (const j of touched) {
      const count = shared[j]!;
      shared[j] = 0;
      const other = this.items[j];
      if (!other || count < needed || j === number || (best >= 0 && j > best)) continue;
      if (this.sketchOverlap(item, other) < this.settings.copySimilarity) continue;
      // A copy run again days later is news again, as any report after the gap is.
      if (item.time - this.clusters[other.cluster]!.latest > this.maxGap) continue;
      if (this.sharedNames(item, other)) best = j;
    }
    return best >= 0 ? this.items[best]!.cluster : null;
  }

  private indexCopies(number: number, item: Item): void {
    const sketchAt = item.namesAt + item.nameCount;
    for (let k = sketchAt; k < sketchAt + item.sketchCount; k++)
      this.copyIndex.add(this.ints.items[k]!, number);
  }

  /** The story `item` belongs to, or -1 when it starts a new story. */
  private bestCluster(item: Item): number {
    const candidates = this.candidateClusters(item);
    if (candidates.length === 0) return -1;
    const { settings, scratch } = this;
    const terms = this.terms.items;
    const weights = this.weights.items;
    const from = item.termsAt;
    const to = from + item.termCount;
    for (let k = from; k < to; k++) scratch[terms[k]!] = weights[k]!;
    let best = -1;
    let bestScore = 0;
    for (const c of candidates) {
      const cluster = this.clusters[c]!;
      if (item.time - cluster.latest > this.maxGap) continue;
      let dot = 0;
      if (cluster.sums) {
        const { centroid } = cluster.sums;
        for (let k = from; k < to; k++) dot += weights[k]! * centroid.get(terms[k]!);
      } else {
        const first = this.items[cluster.members[0]!]!;
        for (let k = first.termsAt; k < first.termsAt + first.termCount; k++)
          dot += weights[k]! * scratch[terms[k]!]!;
      }
      // Mean similarity to the members: unlike the cosine with the centroid, it does not grow as a
      // story gathers unrelated members, so a story cannot snowball into a catch-all.
      const similarity = dot / cluster.members.length;
      if (similarity <= bestScore || similarity < this.lowestBar) continue;
      const names = this.compareNames(item, cluster);
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
    for (let k = from; k < to; k++) scratch[terms[k]!] = 0;
    return best;
  }

  /**
   * The few stories worth scoring exactly: those sharing the most of the article's rarest words
   * (at least half as many as the best), found through the word index.
   */
  private candidateClusters(item: Item): number[] {
    const { postings, hits } = this;
    const terms = this.terms.items;
    const touched: number[] = [];
    let probed = 0;
    for (let k = item.termsAt; k < item.termsAt + item.termCount && probed < PROBE_TERMS; k++) {
      const list = postings[terms[k]!];
      if (!list || list.length === 0) continue;
      probed++;
      if (list.length > MAX_POSTINGS) continue;
      for (const c of list) if (hits[c]!++ === 0) touched.push(c);
    }
    let most = 0;
    for (const c of touched) most = Math.max(most, hits[c]!);
    // The MAX_CANDIDATES with the most hits (the oldest story first on a tie), kept in order by insertion.
    const best: number[] = [];
    for (const c of touched) {
      if (hits[c]! * 2 < most || !this.clusters[c]) continue;
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
   * Whether the article names what a story names: "shared" when at least half of its names (or of
   * the story's main names, if fewer) are main names of the story, those that a third or more of
   * its reports use. Two reports of one event share the place and the people; two events that
   * share one famous name share little else.
   */
  private compareNames(item: Item, cluster: Cluster): 'shared' | 'other' | 'unknown' {
    const ints = this.ints.items;
    const namesEnd = item.namesAt + item.nameCount;
    let coreNames = 0;
    let shared = 0;
    if (cluster.sums) {
      const { names: counts } = cluster.sums;
      const core = Math.max(1, cluster.members.length / 3);
      for (const count of counts.values()) if (count >= core) coreNames++;
      for (let k = item.namesAt; k < namesEnd; k++) if ((counts.get(ints[k]!) ?? 0) >= core) shared++;
    } else {
      const first = this.items[cluster.members[0]!]!;
      coreNames = first.nameCount;
      for (let k = item.namesAt; k < namesEnd; k++) {
        for (let m = first.namesAt; m < first.namesAt + first.nameCount; m++) {
          if (ints[m] === ints[k]) {
            shared++;
            break;
          }
        }
      }
    }
    const smaller = Math.min(item.nameCount, coreNames);
    if (smaller === 0) return 'unknown';
    return shared * 2 >= smaller ? 'shared' : 'other';
  }

  private startCluster(number: number): void {
    const item = this.items[number]!;
    const id = this.clusters.length;
    this.clusters.push({ members: [number], latest: item.time, lastSeen: item.seen, sums: null });
    item.cluster = id;
    const terms = this.terms.items;
    for (let k = item.termsAt; k < item.termsAt + item.termCount; k++) this.post(terms[k]!, id);
  }

  private join(id: number, number: number): void {
    const cluster = this.clusters[id]!;
    const item = this.items[number]!;
    const terms = this.terms.items;
    const weights = this.weights.items;
    const ints = this.ints.items;
    item.cluster = id;
    if (!cluster.sums) {
      const first = this.items[cluster.members[0]!]!;
      const centroid = new TermWeights(first.termCount * 2);
      for (let k = first.termsAt; k < first.termsAt + first.termCount; k++)
        centroid.add(terms[k]!, weights[k]!);
      const names = new Map<number, number>();
      for (let k = first.namesAt; k < first.namesAt + first.nameCount; k++) names.set(ints[k]!, 1);
      cluster.sums = { centroid, names };
    }
    cluster.members.push(number);
    cluster.latest = Math.max(cluster.latest, item.time);
    cluster.lastSeen = Math.max(cluster.lastSeen, item.seen);
    const { centroid, names } = cluster.sums;
    // A word new to the story lists the story under it.
    for (let k = item.termsAt; k < item.termsAt + item.termCount; k++) {
      if (centroid.add(terms[k]!, weights[k]!)) this.post(terms[k]!, id);
    }
    for (let k = item.namesAt; k < item.namesAt + item.nameCount; k++)
      names.set(ints[k]!, (names.get(ints[k]!) ?? 0) + 1);
  }

  private post(term: number, cluster: number): void {
    const list = this.postings[term];
    if (!list) this.postings[term] = [cluster];
    // Past the limit a list is skipped by every probe; only its length matters from then on.
    else if (list.length <= MAX_POSTINGS) list.push(cluster);
  }

  /**
   * Estimated Jaccard similarity of two leads' shingle sets from their sketches: the share of the
   * SKETCH_SIZE smallest values of the union that both sketches hold.
   */
  private sketchOverlap(a: Item, b: Item): number {
    const ints = this.ints.items;
    let i = a.namesAt + a.nameCount;
    let j = b.namesAt + b.nameCount;
    const aEnd = i + a.sketchCount;
    const bEnd = j + b.sketchCount;
    let union = 0;
    let both = 0;
    while (union < SKETCH_SIZE && (i < aEnd || j < bEnd)) {
      const x = i < aEnd ? ints[i]! : Infinity;
      const y = j < bEnd ? ints[j]! : Infinity;
      if (x === y) {
        both++;
        i++;
        j++;
      } else if (x < y) i++;
      else j++;
      union++;
    }
    return union > 0 ? both / union : 0;
  }

  /**
   * Copies of one story name the same people and places. Two texts made from one template (a
   * results table, a boilerplate-heavy press release) share shingles but not names.
   */
  private sharedNames(a: Item, b: Item): boolean {
    const ints = this.ints.items;
    const [small, large] = a.nameCount <= b.nameCount ? [a, b] : [b, a];
    if (small.nameCount === 0) return true;
    let shared = 0;
    for (let i = small.namesAt; i < small.namesAt + small.nameCount; i++) {
      for (let j = large.namesAt; j < large.namesAt + large.nameCount; j++) {
        if (ints[i] === ints[j]) {
          shared++;
          break;
        }
      }
    }
    return shared * 2 >= small.nameCount;
  }
}

/** Scratch for weighing one article, shared by every clustering (one runs at a time in a thread). */
let rawWeights = new Float64Array(256);
let sortKeys = new Float64Array(256);
let termScratch = new Int32Array(256);

/** More distinct terms than a title and lead can hold, for packing positions into sort keys. */
const POSITIONS = 1 << 16;
