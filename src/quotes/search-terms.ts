/**
 * The words of `/quotes <name> [words]`: folded the way names are (case and accents ignored), with
 * regular plurals folded onto the singular, so "Sanctions" finds "sanction". Also a small Bloom
 * filter of an article's words, kept per article so that the filter can rule out most articles
 * without loading their text.
 */
import { EXTRA_FOLDS } from './speaker-name.js';

/** Most filter words looked at; more only slows the search without narrowing it usefully. */
const MAX_FILTER_WORDS = 8;
/** Longest filter word kept. */
const MAX_WORD_CHARS = 40;

/**
 * The folded search terms of a text, in order, duplicates included. The whole text is folded at
 * once (one normalisation, not one per word): indexing folds every article's text.
 */
export function searchTerms(text: string): string[] {
  // Most news text is plain ASCII, which needs neither Unicode normalisation nor Unicode classes.
  if (!NON_ASCII.test(text)) {
    return (
      text
        .toLowerCase()
        .replace(/'s\b/g, '')
        .replace(/['`]/g, '')
        .match(/[a-z0-9]+/g) ?? []
    ).map(singular);
  }
  const folded = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[łøæœßđðþı]/g, (letter) => EXTRA_FOLDS[letter] ?? letter)
    // A possessive goes ("Huawei's" is "huawei"); other apostrophes join ("don't" is "dont").
    .replace(/['’]s\b/g, '')
    .replace(/['’`]/g, '');
  return (folded.match(/[\p{L}\p{N}]+/gu) ?? []).map(singular);
}

const NON_ASCII = /[^\u0000-\u007f]/;

/** The distinct terms of a filter typed by a user, bounded in number and length. */
export function filterTerms(words: string | undefined): string[] {
  if (!words) return [];
  const terms = searchTerms(words.slice(0, MAX_FILTER_WORDS * (MAX_WORD_CHARS + 1)));
  return [...new Set(terms.filter((term) => term.length <= MAX_WORD_CHARS))].slice(0, MAX_FILTER_WORDS);
}

/** "parties" → "party", "ships" → "ship"; "glass", "bus" and "crisis" stay. */
function singular(word: string): string {
  const length = word.length;
  if (length <= 3 || word.charCodeAt(length - 1) !== LOWER_S) return word;
  const before = word.charCodeAt(length - 2);
  if (length > 4 && before === LOWER_E && word.charCodeAt(length - 3) === LOWER_I)
    return `${word.slice(0, -3)}y`;
  if (before === LOWER_S || before === LOWER_U || before === LOWER_I) return word;
  return word.slice(0, -1);
}

const LOWER_S = 0x73;
const LOWER_E = 0x65;
const LOWER_I = 0x69;
const LOWER_U = 0x75;

/** Bits per distinct term: with five hashes this gives about one false "maybe" in 200. */
const BITS_PER_TERM = 12;
const HASHES = 5;
const MIN_BITS = 512;
const MAX_BITS = 1 << 16;

/**
 * A Bloom filter of the distinct terms of a text, as a base64 string (its length gives its size).
 * "No" answers are certain; "maybe" answers need the text to confirm.
 */
export function buildTermFilter(text: string): string {
  // Ingest builds one per article: plain ASCII text, nearly all news, is hashed in one pass.
  if (!NON_ASCII.test(text)) return filterOf(asciiTermHashes(text));
  const terms = new Set(searchTerms(text));
  const pairs: number[] = [];
  for (const term of terms) pairs.push(...hashes(term));
  return filterOf({ pairs, count: terms.size });
}

/** The hash pairs of a text's distinct terms, one pair each (flat, h1 then h2). */
interface TermHashes {
  pairs: ArrayLike<number>;
  /** Pairs in `pairs`, which may be longer (a reused buffer): the text's distinct terms. */
  count: number;
}

function filterOf({ pairs, count }: TermHashes): string {
  let bits = MIN_BITS;
  while (bits < count * BITS_PER_TERM && bits < MAX_BITS) bits *= 2;
  const bytes = new Uint8Array(bits / 8);
  // Setting a bit twice changes nothing, so a term seen again needs no check.
  for (let i = 0; i < count * 2; i += 2) {
    const h1 = pairs[i]!;
    const h2 = pairs[i + 1]!;
    for (let k = 0; k < HASHES; k++) {
      const bit = ((h1 + Math.imul(k, h2)) >>> 0) & (bits - 1);
      bytes[bit >>> 3]! |= 1 << (bit & 7);
    }
  }
  return Buffer.from(bytes).toString('base64');
}

/**
 * Two terms count as one when both their hashes agree (52 of their 64 bits compared): for the
 * filter's size only, where a one-in-2^52 merge would shrink it by nothing measurable.
 */
function pairKey(h1: number, h2: number): number {
  return h1 * 0x100000 + (h2 >>> 12);
}

/**
 * The hash pairs of `searchTerms(text)` for an ASCII text, without making a string per word: the
 * same folding (lowercase; "'s" before a word boundary dropped; other apostrophes and backquotes
 * dropped, joining what they separate; runs of letters and digits; the plural folded) done on
 * character codes. Each word is hashed as it is read; the hashes of its first `length` − 1 and
 * `length` − 3 letters are kept for the plural ("ships" is hashed as "ship", "parties" as "party").
 * The distinct terms are found in a reused open-addressing table, not a Set of numbers.
 */
function asciiTermHashes(text: string): TermHashes {
  const stamp = startDistinct(text.length);
  const keys = DISTINCT_KEYS;
  const stamps = DISTINCT_STAMPS;
  const mask = keys.length - 1;
  let pairs = PAIR_BUFFER;
  let count = 0;
  // The word so far: its length, last three letters, and both hashes after it and before each of those.
  let length = 0;
  let c1 = 0;
  let c2 = 0;
  let c3 = 0;
  let a0 = FNV1_OFFSET;
  let a1 = 0;
  let a2 = 0;
  let a3 = 0;
  let b0 = FNV2_OFFSET;
  let b1 = 0;
  let b2 = 0;
  let b3 = 0;
  for (let i = 0; i <= text.length; i++) {
    let code = i < text.length ? text.charCodeAt(i) : -1;
    if (code >= 0x41 && code <= 0x5a) code |= 0x20;
    if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) {
      a3 = a2;
      a2 = a1;
      a1 = a0;
      a0 = Math.imul(a0 ^ code, 0x01000193);
      b3 = b2;
      b2 = b1;
      b1 = b0;
      b0 = Math.imul(b0 ^ code, 0x5bd1e995);
      b0 ^= b0 >>> 15;
      c3 = c2;
      c2 = c1;
      c1 = code;
      length++;
      continue;
    }
    if (code === APOSTROPHE) {
      // "'s" before a word boundary goes; the apostrophe itself goes either way.
      if ((text.charCodeAt(i + 1) | 0x20) === LOWER_S && !isRegexWordChar(text.charCodeAt(i + 2))) i++;
      continue;
    }
    if (code === BACKQUOTE || length === 0) continue;
    // The word ends: its term's hashes, singular() applied.
    let h1 = a0;
    let h2 = b0;
    if (length > 3 && c1 === LOWER_S) {
      if (length > 4 && c2 === LOWER_E && c3 === LOWER_I) {
        h1 = Math.imul(a3 ^ LOWER_Y, 0x01000193);
        h2 = Math.imul(b3 ^ LOWER_Y, 0x5bd1e995);
        h2 ^= h2 >>> 15;
      } else if (c2 !== LOWER_S && c2 !== LOWER_U && c2 !== LOWER_I) {
        h1 = a1;
        h2 = b1;
      }
    }
    h1 >>>= 0;
    h2 |= 1;
    length = 0;
    a0 = FNV1_OFFSET;
    b0 = FNV2_OFFSET;
    const key = pairKey(h1, h2);
    let slot = (Math.imul(h1 ^ h2, 0x9e3779b1) >>> 0) & mask;
    while (stamps[slot] === stamp && keys[slot] !== key) slot = (slot + 1) & mask;
    if (stamps[slot] === stamp) continue; // a term seen before in this text
    stamps[slot] = stamp;
    keys[slot] = key;
    if (count * 2 === pairs.length) {
      const longer = new Float64Array(pairs.length * 2);
      longer.set(pairs);
      pairs = PAIR_BUFFER = longer;
    }
    pairs[count * 2] = h1;
    pairs[count * 2 + 1] = h2;
    count++;
  }
  return { pairs, count };
}

/**
 * Readies the distinct-term table for a text of `chars` characters and returns the stamp that marks
 * this call's slots (older stamps read as empty, so the table is never cleared). It has at least
 * twice as many slots as the text can have words (one per two characters), and keeps its largest size.
 */
function startDistinct(chars: number): number {
  let size = DISTINCT_KEYS.length;
  while (size < chars + 2) size *= 2;
  if (size !== DISTINCT_KEYS.length) {
    DISTINCT_KEYS = new Float64Array(size);
    DISTINCT_STAMPS = new Int32Array(size);
  }
  if (++distinctStamp > 0x3fffffff) {
    DISTINCT_STAMPS.fill(0);
    distinctStamp = 1;
  }
  return distinctStamp;
}

/** Reused between calls (ingest builds a filter per article, on its analysis thread). */
let PAIR_BUFFER = new Float64Array(1024);
let DISTINCT_KEYS = new Float64Array(1024);
let DISTINCT_STAMPS = new Int32Array(1024);
let distinctStamp = 0;
const APOSTROPHE = 0x27;
const BACKQUOTE = 0x60;
const LOWER_Y = 0x79;
const FNV1_OFFSET = 0x811c9dc5;
const FNV2_OFFSET = 0x01000193 ^ 0x5bd1e995;

/** What `\b` counts as a word character: ASCII letters, digits and the underscore (NaN: none). */
function isRegexWordChar(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) ||
    code === 0x5f
  );
}

/** A decoded term filter. */
export class TermFilter {
  private readonly bytes: Uint8Array;

  constructor(encoded: string) {
    this.bytes = Buffer.from(encoded, 'base64');
  }

  /** False when the text certainly lacks the term; true when it may hold it. */
  mayContain(term: string): boolean {
    const bits = this.bytes.length * 8;
    // Sizes are powers of two; anything else is not a filter this code wrote.
    if (bits === 0 || (bits & (bits - 1)) !== 0) return true;
    const [h1, h2] = hashes(term);
    for (let k = 0; k < HASHES; k++) {
      const bit = ((h1 + Math.imul(k, h2)) >>> 0) & (bits - 1);
      if ((this.bytes[bit >>> 3]! & (1 << (bit & 7))) === 0) return false;
    }
    return true;
  }
}

/** Two 32-bit FNV-1a variants of a term, for double hashing (the second made odd). */
function hashes(term: string): [number, number] {
  let h1 = FNV1_OFFSET;
  let h2 = FNV2_OFFSET;
  for (let i = 0; i < term.length; i++) {
    const code = term.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 0x01000193);
    h2 = Math.imul(h2 ^ code, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  return [h1 >>> 0, h2 | 1];
}
