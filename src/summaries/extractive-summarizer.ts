/**
 * Offline extractive summaries: the few sentences of an article (or of several articles about
 * one event) that best tell the story, quoted verbatim and kept in reading order.
 *
 * News is written top-down, so the opening sentences are the strongest summary there is ("Lead-3"
 * beats most unsupervised methods on news benchmarks). This summarizer starts from that prior and
 * only departs from it where the lead is visibly weak: site furniture ("Scroll down for video"),
 * captions glued into the text, teaser fragments, quotations, and sentences that repeat what is
 * already chosen. A small centrality term (how much of a sentence's vocabulary recurs in the rest
 * of the text) lets a sentence that carries the story's main words move up a rank or two.
 * Everything is a handful of fixed weights over cheap features: no model, no network, and a cost
 * linear in the text, so the digest can summarize thousands of articles a second.
 */
import { splitSentences } from '../text/sentences.js';
import { STOP_WORDS } from '../text/stop-words.js';
import { hashWord, scanTerms } from '../text/term-hashes.js';
import { isBoilerplate, mentionsPicture, opensWithQuote } from './sentence-cues.js';

/** How fast the position prior decays: sentence i gets exp(-i / POSITION_DECAY). */
const POSITION_DECAY = 3;
/** Weight of centrality (normalized to [0, 1] per call) against the position prior (1 at the top). */
const CENTRALITY_WEIGHT = 0.3;
/** Sentences shorter than this many words are teasers or fragments ("Ferrari, who are Ferrari?"). */
const MIN_WORDS = 10;
/** Sentences longer than this are usually several sentences or captions run together. */
const MAX_WORDS = 60;
const SHORT_FACTOR = 0.1;
const BOILERPLATE_FACTOR = 0.05;
const PICTURE_FACTOR = 0.3;
const QUOTE_FACTOR = 0.5;
/** A candidate sharing more than this share of its (or a chosen sentence's) content words is redundant. */
const REDUNDANCY_OVERLAP = 0.6;
/** At or above this share of the longer sentence's content words, two sentences say the same thing. */
const DUPLICATE_OVERLAP = 0.8;
/** Only this much of a text is read: far beyond any article, it bounds the cost of junk input. */
const MAX_TEXT_CHARS = 100_000;
/** Longer "sentences" are unpunctuated junk (tables, link lists) that no summary should quote. */
const MAX_SENTENCE_CHARS = 2_000;
/** Stop words as `scanTerms` hashes them; a constant table, built once rather than per article. */
const STOP_WORD_HASHES: ReadonlySet<number> = new Set(Array.from(STOP_WORDS, hashWord));

interface Candidate {
  text: string;
  /** Index of the text (article) it comes from. */
  source: number;
  /** Position of the sentence within its text. */
  position: number;
  words: number;
  /** Distinct content-term ids. */
  terms: number[];
  /** Score before the text cues, which can only lower it. */
  bound: number;
  /** Final score; NaN until the cues have been checked. */
  score: number;
}

/** Splits every text into candidates and maps their content words to shared term ids. */
function readCandidates(texts: readonly string[]): { candidates: Candidate[]; termCount: number } {
  const candidates: Candidate[] = [];
  const termOfHash = new Map<number, number>();
  // Which candidate last listed each term (candidate index + 1), to keep a sentence's terms distinct.
  const lastListedBy: number[] = [];
  const hashes: number[] = [];

  texts.forEach((raw, source) => {
    if (typeof raw !== 'string' || raw.length === 0) return;
    const text = raw.length > MAX_TEXT_CHARS ? raw.slice(0, MAX_TEXT_CHARS) : raw;
    const sentences = splitSentences(text);
    // A cut text may end mid-sentence, and that fragment is not a sentence of the article.
    if (text !== raw && sentences.length > 1) sentences.pop();
    sentences.forEach((sentence, position) => {
      if (sentence.end - sentence.start > MAX_SENTENCE_CHARS) return;
      hashes.length = 0;
      const words = scanTerms(text, sentence.start, sentence.end, STOP_WORD_HASHES, hashes);
      const marker = candidates.length + 1;
      const terms: number[] = [];
      for (const hash of hashes) {
        let term = termOfHash.get(hash);
        if (term === undefined) {
          term = termOfHash.size;
          termOfHash.set(hash, term);
          lastListedBy.push(0);
        }
        if (lastListedBy[term] !== marker) {
          lastListedBy[term] = marker;
          terms.push(term);
        }
      }
      candidates.push({ text: sentence.text, source, position, words, terms, bound: 0, score: NaN });
    });
  });
  return { candidates, termCount: termOfHash.size };
}

/**
 * Position prior plus centrality, with the length penalties. Centrality is the mean number of
 * other sentences that share each of the sentence's content terms, so in a multi-article story
 * the facts several sources report rank high.
 */
function scoreBounds(candidates: Candidate[], termCount: number): void {
  const frequency = new Uint32Array(termCount);
  for (const candidate of candidates)
    for (const term of candidate.terms) frequency[term] = (frequency[term] ?? 0) + 1;

  const centrality = new Float64Array(candidates.length);
  let maxCentrality = 0;
  candidates.forEach((candidate, i) => {
    let shared = 0;
    for (const term of candidate.terms) shared += (frequency[term] as number) - 1;
    // The +1 keeps two-word fragments from topping the ranking on a single shared word.
    centrality[i] = shared / (candidate.terms.length + 1);
    maxCentrality = Math.max(maxCentrality, centrality[i] as number);
  });

  candidates.forEach((candidate, i) => {
    const central = maxCentrality > 0 ? (centrality[i] as number) / maxCentrality : 0;
    let score = Math.exp(-candidate.position / POSITION_DECAY) + CENTRALITY_WEIGHT * central;
    if (candidate.words < MIN_WORDS) score *= SHORT_FACTOR;
    if (candidate.words > MAX_WORDS) score *= MAX_WORDS / candidate.words;
    candidate.bound = score;
  });
}

/** Applies the text cues; run lazily, only on sentences that are in contention. */
function finalScore(candidate: Candidate): number {
  if (Number.isNaN(candidate.score)) {
    let score = candidate.bound;
    if (isBoilerplate(candidate.text)) score *= BOILERPLATE_FACTOR;
    if (mentionsPicture(candidate.text)) score *= PICTURE_FACTOR;
    if (opensWithQuote(candidate.text)) score *= QUOTE_FACTOR;
    candidate.score = score;
  }
  return candidate.score;
}

/**
 * Yields candidates in descending final score. Cues only lower a score, so a candidate whose
 * final score beats every unchecked bound can be yielded without checking the rest: on a long
 * article only the handful of sentences in contention pay for the regular expressions.
 */
function* byScore(candidates: readonly Candidate[]): Generator<Candidate> {
  const byBound = [...candidates].sort(
    (a, b) => b.bound - a.bound || a.source - b.source || a.position - b.position,
  );
  const checked: Candidate[] = [];
  let next = 0;
  while (next < byBound.length || checked.length > 0) {
    let best = -1;
    checked.forEach((candidate, i) => {
      if (best < 0 || finalScore(candidate) > finalScore(checked[best] as Candidate)) best = i;
    });
    const nextBound = next < byBound.length ? (byBound[next] as Candidate).bound : -Infinity;
    if (best >= 0 && finalScore(checked[best] as Candidate) >= nextBound) {
      yield checked.splice(best, 1)[0] as Candidate;
    } else {
      const candidate = byBound[next++] as Candidate;
      finalScore(candidate);
      checked.push(candidate);
    }
  }
}

/** Shares of the terms `a` and `b` have in common, relative to the smaller and the larger set. */
function overlap(
  a: Candidate,
  b: Candidate,
  marks: Uint32Array,
  stamp: number,
): { min: number; max: number } {
  for (const term of b.terms) marks[term] = stamp;
  let shared = 0;
  for (const term of a.terms) if (marks[term] === stamp) shared++;
  const smaller = Math.min(a.terms.length, b.terms.length);
  const larger = Math.max(a.terms.length, b.terms.length);
  return { min: smaller > 0 ? shared / smaller : 0, max: larger > 0 ? shared / larger : 0 };
}

/**
 * Greedy selection by score. A first pass skips anything that overlaps a chosen sentence; if that
 * leaves fewer than `count`, a second pass fills up with sentences that are merely related but
 * not duplicates, so a short article still yields `count` sentences without repeating itself.
 */
function select(candidates: readonly Candidate[], termCount: number, count: number): Candidate[] {
  const marks = new Uint32Array(termCount);
  let stamp = 0;
  const chosen: Candidate[] = [];
  const passedOver: Candidate[] = [];
  const fitsWith = (candidate: Candidate, limit: (o: { min: number; max: number }) => boolean): boolean =>
    chosen.every(
      (other) => other.text !== candidate.text && limit(overlap(candidate, other, marks, ++stamp)),
    );

  const ranked = byScore(candidates);
  for (const candidate of ranked) {
    if (fitsWith(candidate, (o) => o.min <= REDUNDANCY_OVERLAP)) chosen.push(candidate);
    else passedOver.push(candidate);
    if (chosen.length >= count) break;
  }
  if (chosen.length < count) {
    // passedOver holds the best of the rest in score order; the generator is exhausted by now.
    for (const candidate of passedOver) {
      if (chosen.length >= count) break;
      if (fitsWith(candidate, (o) => o.max < DUPLICATE_OVERLAP)) chosen.push(candidate);
    }
  }
  return chosen.sort((a, b) => a.source - b.source || a.position - b.position);
}

function normalizeCount(count: number): number {
  return Number.isFinite(count) && count > 0 ? Math.floor(count) : 0;
}

/**
 * Picks the `count` most informative sentences of a story told by several articles, avoiding
 * sentences that two sources share in near-identical words.
 *
 * Sentences are returned verbatim, grouped by article in the order the texts were given and in
 * reading order within each. Fewer than `count` come back when the texts hold fewer distinct
 * sentences. Deterministic; never throws.
 *
 * @example
 * summarizeStory([wireStory.text, localFollowUp.text], 3);
 */
export function summarizeStory(texts: readonly string[], count: number): string[] {
  const wanted = normalizeCount(count);
  if (wanted === 0 || !Array.isArray(texts)) return [];
  const { candidates, termCount } = readCandidates(texts);
  if (candidates.length === 0) return [];
  scoreBounds(candidates, termCount);
  return select(candidates, termCount, wanted).map((candidate) => candidate.text);
}

/**
 * Picks the `count` most informative sentences of one article and returns them verbatim, in
 * article order, without two that say the same thing.
 *
 * Fewer than `count` come back when the article has fewer distinct sentences; empty or
 * non-text input gives `[]`. Deterministic; never throws.
 *
 * @example
 * summarize(article.text, 3); // three sentences, usually from the first paragraphs
 */
export function summarize(text: string, count: number): string[] {
  return summarizeStory([text], count);
}
