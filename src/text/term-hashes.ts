/**
 * Content words of a text as integer hashes, read in one pass over its characters.
 *
 * The summarizer only needs to know which sentences share which words. Hashing the characters in
 * place avoids allocating and re-hashing a string for every word occurrence, which was most of the
 * summarizer's cost. Two words of one article colliding on a 30-bit hash is about a one-in-a-billion
 * event per pair and at worst nudges a centrality score, so no equality check follows the hash.
 */

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
/**
 * Hashes are cut to 30 bits: V8 stores such integers unboxed, which keeps `Set` and `Map` lookups
 * on them several times faster than on full 32-bit values.
 */
const SMALL_INT = 0x3fffffff;
const LOWER_S = 0x73;
const LOWER_Y = 0x79;
const LOWER_E = 0x65;
const LOWER_I = 0x69;
const LOWER_U = 0x75;

/** Lowercase code of an ASCII letter or digit, or -1 for any other character (a word separator). */
function wordCode(code: number): number {
  if (code >= 0x61 && code <= 0x7a) return code;
  if (code >= 0x41 && code <= 0x5a) return code | 0x20;
  if (code >= 0x30 && code <= 0x39) return code;
  return -1;
}

function step(hash: number, code: number): number {
  return Math.imul(hash ^ code, FNV_PRIME);
}

/**
 * The hash `scanTerms` gives a word, for building the set of words it should skip.
 *
 * @example
 * const skip = new Set(['the', 'a'].map(hashWord));
 */
export function hashWord(word: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) {
    const code = wordCode(word.charCodeAt(i));
    if (code >= 0) hash = step(hash, code);
  }
  return hash & SMALL_INT;
}

/**
 * Scans `text[from, to)` for words (runs of ASCII letters and digits, lowercased, as `wordTokens`
 * splits them), appends the hash of each content word to `out` and returns the number of words
 * seen, content or not. Words of one character and words whose hash is in `skip` are not content.
 * Regular plurals are folded onto the singular: "ships" and "ship", "parties" and "party" hash alike.
 */
export function scanTerms(
  text: string,
  from: number,
  to: number,
  skip: ReadonlySet<number>,
  out: number[],
): number {
  let words = 0;
  let i = from;
  while (i < to) {
    let code = wordCode(text.charCodeAt(i));
    if (code < 0) {
      i++;
      continue;
    }
    const start = i;
    let hash = FNV_OFFSET;
    do {
      hash = step(hash, code);
      i++;
    } while (i < to && (code = wordCode(text.charCodeAt(i))) >= 0);
    words++;
    const length = i - start;
    if (length < 2 || skip.has(hash & SMALL_INT)) continue;
    if (length > 3 && wordCode(text.charCodeAt(i - 1)) === LOWER_S)
      hash = foldedPluralHash(text, start, i, hash);
    out.push(hash & SMALL_INT);
  }
  return words;
}

/**
 * The hash of the plural word `text[start, end)` (ending in a lowercase s) folded onto its
 * singular: "-ies" becomes "-y" ("parties"), "-s" is dropped ("ships"), "-ss", "-us" and "-is" stay
 * ("glass", "bus", "crisis").
 */
function foldedPluralHash(text: string, start: number, end: number, hash: number): number {
  const beforeS = wordCode(text.charCodeAt(end - 2));
  if (end - start > 4 && beforeS === LOWER_E && wordCode(text.charCodeAt(end - 3)) === LOWER_I) {
    return step(hashRange(text, start, end - 3), LOWER_Y);
  }
  if (beforeS === LOWER_S || beforeS === LOWER_U || beforeS === LOWER_I) return hash;
  return hashRange(text, start, end - 1);
}

function hashRange(text: string, start: number, end: number): number {
  let hash = FNV_OFFSET;
  for (let i = start; i < end; i++) hash = step(hash, wordCode(text.charCodeAt(i)));
  return hash;
}
