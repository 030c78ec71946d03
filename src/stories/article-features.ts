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
import { IntBuffer } from './int-lists.js';
import { hashWord, isWordChar, scanWords } from './word-hashes.js';

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
const NOT_NAMES: readonly string[] = (
  'monday tuesday wednesday thursday friday saturday sunday january february march april june july ' +
  'august september october november december today yesterday tomorrow mr mrs ms dr sir'
).split(' ');

/** What features are read from. */
export type FeatureSource = Pick<StoredArticle, 'title' | 'text' | 'quotes'>;

/**
 * One article's features packed into 32-bit integers, as {@link FeatureReader.read} gives them and
 * story-clustering.ts reads them: three counts (words, names, sketch values), then the words' hashes
 * in order of first use, their counts, the names' hashes and the sketch, ascending. This is how
 * many integers come before the words.
 */
export const FEATURES_HEADER = 3;

/**
 * The counts at the head of packed features (words, names, sketch values), or null when they do
 * not add up to the record's length (a damaged record).
 */
export function featureCounts(packed: Int32Array): { words: number; names: number; sketch: number } | null {
  const words = packed[0] ?? 0;
  const names = packed[1] ?? 0;
  const sketch = packed[2] ?? 0;
  const fits =
    words >= 0 &&
    names >= 0 &&
    sketch >= 0 &&
    sketch <= SKETCH_SIZE &&
    FEATURES_HEADER + words * 2 + names + sketch === packed.length;
  return fits ? { words, names, sketch } : null;
}

/**
 * Reads articles' features one at a time (at ingest, or for articles stored without them); the
 * caches it keeps make a batch of articles cheaper than one reader per article.
 */
export class FeatureReader {
  private readonly context = featureContext();
  private readonly names = new Set<number>();
  private readonly sketch: number[] = [];
  private readonly terms = new IntBuffer(256);
  private readonly counts = new IntBuffer(256);

  /** The packed features of one article; linear in its title plus a bounded prefix of its text. */
  read(article: FeatureSource): Int32Array {
    const { context, names, sketch, terms, counts } = this;
    names.clear();
    terms.length = 0;
    counts.length = 0;
    const titleWords = readWords(article, context, names);
    countTerms(context, titleWords, terms, counts);
    shingleSketch(context.words, titleWords, sketch);
    const packed = new Int32Array(FEATURES_HEADER + terms.length * 2 + names.size + sketch.length);
    packed[0] = terms.length;
    packed[1] = names.size;
    packed[2] = sketch.length;
    packed.set(terms.done(), FEATURES_HEADER);
    packed.set(counts.done(), FEATURES_HEADER + terms.length);
    let at = FEATURES_HEADER + terms.length * 2;
    for (const name of names) packed[at++] = name;
    packed.set(sketch, at);
    return packed;
  }
}

/** Reused across the articles of one reader: caches and scratch space. */
interface FeatureContext {
  /** The name word hashes of each speaker's spelling. */
  speakerNames: Map<string, number[]>;
  /** Hashes of the capitalised words that are not names. */
  notNames: ReadonlySet<number>;
  /** Scratch word list (hashes), read and dropped within one article. */
  words: number[];
  /** Scratch open-addressing table (word hash + 1, 0 when free), its counts and used slots. */
  slots: Int32Array;
  slotCounts: Int32Array;
  used: number[];
}

function featureContext(): FeatureContext {
  return {
    speakerNames: new Map(),
    notNames: new Set(NOT_NAMES.map(hashWord)),
    words: [],
    slots: new Int32Array(TABLE_SIZE),
    slotCounts: new Int32Array(TABLE_SIZE),
    used: [],
  };
}

/**
 * Reads the content words of the title and lead into `context.words` and the names into `names`;
 * returns how many of the words are the title's.
 */
function readWords(article: FeatureSource, context: FeatureContext, names: Set<number>): number {
  const title = article.title.length > TITLE_CHARS ? article.title.slice(0, TITLE_CHARS) : article.title;
  const { text } = article;
  const { words, speakerNames, notNames } = context;
  words.length = 0;
  scanWords(
    title,
    0,
    title.length,
    words,
    isTitleCase(title) ? undefined : nameCollector(title, names, notNames),
  );
  const titleWords = words.length;
  scanWords(text, 0, wordEnd(text, LEAD_CHARS), words, nameCollector(text, names, notNames));

  for (const quote of article.quotes) {
    if (!quote.speaker) continue;
    let speaker = speakerNames.get(quote.speaker);
    if (!speaker) {
      speaker = quote.speaker
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter((name) => name.length >= 2 && !STOP_WORDS.has(name))
        .map(hashWord)
        .filter((name) => !notNames.has(name));
      speakerNames.set(quote.speaker, speaker);
    }
    for (const name of speaker) names.add(name);
  }
  return titleWords;
}

/**
 * Appends the distinct words of `context.words` in order of first use, as hashes, to `terms`,
 * and their counts (the title's TITLE_WEIGHT times) to `counts`. Counted in a reused hash table:
 * cheaper than a Map or a sort per article.
 */
function countTerms(context: FeatureContext, titleWords: number, terms: IntBuffer, counts: IntBuffer): void {
  const { slots, slotCounts, words, used } = context;
  const mask = TABLE_SIZE - 1;
  used.length = 0;
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
  for (const slot of used) {
    terms.push(slots[slot]! - 1);
    counts.push(slotCounts[slot]!);
    slots[slot] = 0;
    slotCounts[slot] = 0;
  }
}

/**
 * When an article's news happened (ms): its publication time, or when it was first seen if that
 * is unknown or later (a feed's clock in the future must not make an item look fresh forever).
 * A brief that carries it already (`time`, story-tracker.ts) is not parsed again.
 */
export function articleTime(
  article: Pick<StoredArticle, 'published' | 'seenAt'> & { time?: number },
): number {
  if (article.time !== undefined) return article.time;
  const seen = isoTime(article.seenAt);
  const published = article.published ? isoTime(article.published) : NaN;
  return Number.isFinite(published) && !(published > seen) ? published : seen;
}

/**
 * `Date.parse`, with a fast path for the UTC form the store writes (`2026-11-27T12:00:00.000Z`):
 * clustering and ranking read two timestamps per article, and the general parser costs more than
 * all the rest of an article's arithmetic.
 */
function isoTime(text: string): number {
  if (text.length === 24 && text.charCodeAt(23) === 0x5a /* Z */ && text.charCodeAt(10) === 0x54 /* T */) {
    const year = digits(text, 0, 4);
    const month = digits(text, 5, 2);
    const day = digits(text, 8, 2);
    const hour = digits(text, 11, 2);
    const minute = digits(text, 14, 2);
    const second = digits(text, 17, 2);
    const ms = digits(text, 20, 3);
    // Years below 100 would be read as 19xx by Date.UTC; they take the general path.
    const valid = year >= 100 && month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour <= 23;
    // Date.UTC rolls 31 February into March; Date.parse refuses it. Only a valid date takes the
    // fast path, checked by arithmetic: a Date object per timestamp costs more than the parse.
    if (valid && minute <= 59 && second <= 59 && ms >= 0 && day <= daysInMonth(year, month)) {
      return Date.UTC(year, month - 1, day, hour, minute, second, ms);
    }
  }
  return Date.parse(text);
}

/** Days in `month` (1-12) of `year`, in the proleptic Gregorian calendar that Date uses. */
function daysInMonth(year: number, month: number): number {
  if (month !== 2) return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

/** The decimal number in `text[at, at + length)`, or -1 when any of it is not a digit. */
function digits(text: string, at: number, length: number): number {
  let value = 0;
  for (let i = at; i < at + length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
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
function nameCollector(
  text: string,
  out: Set<number>,
  notNames: ReadonlySet<number>,
): (start: number, end: number, hash: number) => void {
  return (start, end, hash) => {
    let before = start - 1;
    while (before >= 0 && isOpener(text.charCodeAt(before))) before--;
    if ((before < 0 || isSentenceEnd(text.charCodeAt(before))) && !isUpperCase(text, start, end)) return;
    if (!notNames.has(hash)) out.add(hash);
  };
}

/** Whether `text[start, end)` has no lower-case letter ("NATO"), without cutting it out. */
function isUpperCase(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x61 && code <= 0x7a) return false;
    if (code >= 0x80) {
      const word = text.slice(start, end);
      return word === word.toUpperCase();
    }
  }
  return true;
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

/**
 * Fills `sketch` with the SKETCH_SIZE smallest distinct hashes of the shingles of `words` from
 * `from`, ascending.
 */
function shingleSketch(words: readonly number[], from: number, sketch: number[]): void {
  sketch.length = 0;
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
}

/** Keeps `sketch` the ascending list of the SKETCH_SIZE smallest distinct values seen. */
function insertSmallest(sketch: number[], value: number): void {
  if (sketch.length === SKETCH_SIZE && value >= sketch[SKETCH_SIZE - 1]!) return;
  let at = sketch.length;
  while (at > 0 && sketch[at - 1]! > value) at--;
  if (at > 0 && sketch[at - 1] === value) return;
  // Shift the larger values up by one by hand: splice costs more than the whole loop.
  let end = Math.min(sketch.length, SKETCH_SIZE - 1);
  for (; end > at; end--) sketch[end] = sketch[end - 1]!;
  sketch[at] = value;
}
