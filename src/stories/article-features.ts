/**
 * What story clustering knows about one article: when it happened, the words of its title and
 * lead, the names in it, and a sketch of its lead for spotting copies.
 *
 * The title and the first paragraphs say what the event is (news is written top-down), so they are
 * what two reports of one event share; the rest of an article drifts into background that other
 * stories share too. Names (capitalised words, quoted speakers) tell events apart that use the same
 * words. The sketch is a bottom-k MinHash of the lead's word 4-shingles: two copies of one wire
 * story share most shingles, so their sketches share most values whatever their headlines say.
 * Only a bounded prefix of each text is read, so the cost per article is bounded too.
 */
import type { StoredArticle } from '../articles/stored-article.js';
import { STOP_WORDS } from '../text/stop-words.js';
import { isWordChar, scanWords } from './word-hashes.js';

/**
 * Characters of the body read as the lead, after the title: its words are compared for the same
 * event, and shingled for the copy sketch (copies of a story share their opening paragraphs).
 */
const LEAD_CHARS = 800;
/** Words per shingle. */
const SHINGLE_WORDS = 4;
/** Values kept in a sketch. */
export const SKETCH_SIZE = 16;
/** Title words count this many times: the headline is the densest statement of the event. */
const TITLE_WEIGHT = 2;
/** Characters of a title that are read: a "title" longer than this is junk, not a headline. */
const TITLE_CHARS = 300;
/** Slots of the scratch table that counts an article's distinct words (a power of two). */
const TABLE_SIZE = 1 << 11;

/** Capitalised words that are not names. */
const NOT_NAMES: ReadonlySet<string> = new Set(
  (
    'monday tuesday wednesday thursday friday saturday sunday january february march april june july ' +
    'august september october november december today yesterday tomorrow mr mrs ms dr sir'
  ).split(' '),
);

/** An article as story clustering compares it. */
export interface ArticleFeatures {
  /** When it happened (ms): the publication time, or first seen when that is unknown or later. */
  time: number;
  /** Distinct content-word hashes of the title and lead. */
  terms: number[];
  /** How often each of `terms` occurs (title words counted double). */
  counts: number[];
  /** Names in it, lowercased words: capitalised words of the lead and the quoted speakers. */
  entities: string[];
  /** Bottom-k MinHash of the lead's word shingles, ascending; fewer values for a short lead. */
  sketch: number[];
}

/** Reused across the articles of one clustering: caches and scratch space. */
export interface FeatureContext {
  /** The name words of each speaker's spelling. */
  speakerNames: Map<string, string[]>;
  /** Scratch word list, read and dropped within one call. */
  words: number[];
  /** Scratch open-addressing table (word hash + 1, 0 when free) and its counts. */
  slots: Int32Array;
  slotCounts: Int32Array;
}

/** A fresh context for the articles of one clustering. */
export function featureContext(): FeatureContext {
  return {
    speakerNames: new Map(),
    words: [],
    slots: new Int32Array(TABLE_SIZE),
    slotCounts: new Int32Array(TABLE_SIZE),
  };
}

/** Reads an article's features; linear in the title plus a bounded prefix of the text. */
export function articleFeatures(
  article: StoredArticle,
  context: FeatureContext = featureContext(),
): ArticleFeatures {
  const title = article.title.length > TITLE_CHARS ? article.title.slice(0, TITLE_CHARS) : article.title;
  const { text } = article;
  const entities = new Set<string>();
  const { words, speakerNames } = context;
  words.length = 0;
  scanWords(title, 0, title.length, words, isTitleCase(title) ? undefined : nameCollector(title, entities));
  const titleWords = words.length;
  const leadEnd = wordEnd(text, LEAD_CHARS);
  scanWords(text, 0, leadEnd, words, nameCollector(text, entities));
  const { terms, counts } = countTerms(words, titleWords, context);

  for (const quote of article.quotes) {
    if (!quote.speaker) continue;
    let names = speakerNames.get(quote.speaker);
    if (!names) {
      names = quote.speaker
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter((name) => name.length >= 2 && !STOP_WORDS.has(name) && !NOT_NAMES.has(name));
      speakerNames.set(quote.speaker, names);
    }
    for (const name of names) entities.add(name);
  }

  return {
    time: articleTime(article),
    terms,
    counts,
    entities: [...entities],
    sketch: shingleSketch(words, titleWords),
  };
}

/**
 * The distinct words of title and lead in order of first use, with their counts (the title's
 * TITLE_WEIGHT times), counted in a reused hash table: cheaper than a Map or a sort per article.
 */
function countTerms(
  words: readonly number[],
  titleWords: number,
  context: FeatureContext,
): { terms: number[]; counts: number[] } {
  const { slots, slotCounts } = context;
  const mask = TABLE_SIZE - 1;
  const used: number[] = [];
  const limit = Math.min(words.length, TABLE_SIZE / 2);
  for (let k = 0; k < limit; k++) {
    const key = words[k]! + 1;
    let slot = Math.imul(key, 0x9e3779b1) >>> 21;
    while (slots[slot] !== 0 && slots[slot] !== key) slot = (slot + 1) & mask;
    if (slots[slot] === 0) {
      slots[slot] = key;
      used.push(slot);
    }
    slotCounts[slot]! += k < titleWords ? TITLE_WEIGHT : 1;
  }
  const terms = new Array<number>(used.length);
  const counts = new Array<number>(used.length);
  used.forEach((slot, i) => {
    terms[i] = slots[slot]! - 1;
    counts[i] = slotCounts[slot]!;
    slots[slot] = 0;
    slotCounts[slot] = 0;
  });
  return { terms, counts };
}

/**
 * When an article's news happened (ms): its publication time, or when it was first seen if that
 * is unknown or later (a feed's clock in the future must not make an item look fresh forever).
 */
export function articleTime(article: Pick<StoredArticle, 'published' | 'seenAt'>): number {
  const seen = Date.parse(article.seenAt);
  const published = article.published ? Date.parse(article.published) : NaN;
  return Number.isFinite(published) && !(published > seen) ? published : seen;
}

/** The end of the word at `at` (or `at` itself between words), so that no word is cut in two. */
function wordEnd(text: string, at: number): number {
  if (at >= text.length) return text.length;
  let end = at;
  while (end < text.length && isWordChar(text.charCodeAt(end))) end++;
  return end;
}

/** True for characters that may stand between a sentence's end and its first word. */
function isOpener(code: number): boolean {
  return (
    code === 0x20 ||
    code === 0x0a ||
    code === 0x09 ||
    code === 0x0d ||
    code === 0x22 ||
    code === 0x27 ||
    code === 0x28 ||
    code === 0xa0 ||
    code === 0xab ||
    code === 0x201c ||
    code === 0x2018
  );
}

/** True for characters that end a sentence (or a heading's clause). */
function isSentenceEnd(code: number): boolean {
  return code === 0x2e || code === 0x21 || code === 0x3f || code === 0x3a || code === 0x3b || code === 0x2026;
}

/**
 * Collects the capitalised words of `text` that are names rather than sentence openings. A word
 * that opens a sentence is only taken when it is an acronym ("NATO"); a name there is usually
 * repeated later in the text anyway.
 */
function nameCollector(text: string, out: Set<string>): (start: number, end: number) => void {
  return (start, end) => {
    let before = start - 1;
    while (before >= 0 && isOpener(text.charCodeAt(before))) before--;
    const word = text.slice(start, end);
    if ((before < 0 || isSentenceEnd(text.charCodeAt(before))) && word !== word.toUpperCase()) return;
    const name = word.toLowerCase();
    if (!NOT_NAMES.has(name)) out.add(name);
  };
}

/** A headline In Which Most Words Are Capitalised says nothing about which ones are names. */
function isTitleCase(title: string): boolean {
  let words = 0;
  let capitalised = 0;
  let i = 0;
  while (i < title.length) {
    if (!isWordChar(title.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < title.length && isWordChar(title.charCodeAt(i))) i++;
    if (i - start < 4) continue;
    words++;
    const first = title[start]!;
    if (first !== first.toLowerCase()) capitalised++;
  }
  return words >= 3 && capitalised / words >= 0.6;
}

/** The SKETCH_SIZE smallest distinct hashes of the shingles of `words` from `from`, ascending. */
function shingleSketch(words: readonly number[], from: number): number[] {
  const sketch: number[] = [];
  for (let i = from; i + SHINGLE_WORDS <= words.length; i++) {
    let hash = 0x9e3779b1 | 0;
    for (let j = 0; j < SHINGLE_WORDS; j++) hash = Math.imul(hash ^ words[i + j]!, 0x85ebca6b);
    hash ^= hash >>> 13;
    hash = Math.imul(hash, 0xc2b2ae35);
    hash = (hash ^ (hash >>> 16)) & 0x3fffffff;
    insertSmallest(sketch, hash);
  }
  // A lead shorter than one shingle still deserves a fingerprint of the words it has.
  if (sketch.length === 0 && words.length > from) {
    let hash = 0;
    for (let i = from; i < words.length; i++) hash ^= words[i]!;
    insertSmallest(sketch, hash);
  }
  return sketch;
}

/** Keeps `sketch` the ascending list of the SKETCH_SIZE smallest distinct values seen. */
function insertSmallest(sketch: number[], value: number): void {
  if (sketch.length === SKETCH_SIZE && value >= sketch[SKETCH_SIZE - 1]!) return;
  let at = sketch.length;
  while (at > 0 && sketch[at - 1]! > value) at--;
  if (at > 0 && sketch[at - 1] === value) return;
  sketch.splice(at, 0, value);
  if (sketch.length > SKETCH_SIZE) sketch.pop();
}

/**
 * Estimated Jaccard similarity of two leads' shingle sets from their sketches: the share of the
 * SKETCH_SIZE smallest values of the union that both sketches hold.
 */
export function sketchSimilarity(a: readonly number[], b: readonly number[]): number {
  let i = 0;
  let j = 0;
  let union = 0;
  let both = 0;
  while (union < SKETCH_SIZE && (i < a.length || j < b.length)) {
    const x = i < a.length ? a[i]! : Infinity;
    const y = j < b.length ? b[j]! : Infinity;
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
