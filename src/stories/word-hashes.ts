/**
 * Words as integer hashes, read in one pass over a text's characters, in any script.
 *
 * Story clustering compares thousands of articles by the words of their title and lead; hashing
 * characters in place (no substring, no regular expression) keeps that to a few milliseconds per
 * thousand articles. Unlike `text/term-hashes.ts`, which follows the ROUGE scorer's ASCII-only
 * notion of a word, letters of every script count here, so that two Arabic or Greek articles about
 * one event can still be told to be one story.
 */
import { STOP_WORDS } from '../text/stop-words.js';

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
/** 30-bit hashes stay small integers in V8, which keeps Map and Set lookups on them fast. */
const SMALL_INT = 0x3fffffff;
const LOWER_S = 0x73;

/**
 * The code a character contributes to a word (lowercased where that is a fixed offset), or -1
 * for a separator: ASCII punctuation and spaces, Latin-1 symbols, the general punctuation and
 * symbol blocks, CJK punctuation and emoji.
 */
function wordCode(code: number): number {
  if (code < 0x100) return (latin1 ??= latin1Codes())[code]!;
  if (code >= 0x391 && code <= 0x3a9) return code + 0x20;
  if (code >= 0x410 && code <= 0x42f) return code + 0x20;
  if (code >= 0x2000 && code <= 0x2bff) return -1;
  if (code >= 0x3000 && code <= 0x303f) return -1;
  if (code >= 0xd800 && code <= 0xdfff) return -1;
  if (code >= 0xfe00 && code <= 0xfe0f) return -1;
  return code;
}

/** `wordCode` of the first 256 characters, as a table: most text is ASCII, and this is its hot path. */
let latin1: Int16Array | null = null;

function latin1Codes(): Int16Array {
  const table = new Int16Array(0x100).fill(-1);
  for (let code = 0x30; code <= 0x39; code++) table[code] = code;
  for (let code = 0x61; code <= 0x7a; code++) table[code] = code;
  for (let code = 0x41; code <= 0x5a; code++) table[code] = code | 0x20;
  for (let code = 0xc0; code <= 0xde; code++) table[code] = code + 0x20;
  for (let code = 0xdf; code <= 0xff; code++) table[code] = code;
  table[0xd7] = -1;
  table[0xf7] = -1;
  return table;
}

/** True for a character that belongs to a word (a letter or digit of any script). */
export function isWordChar(code: number): boolean {
  return wordCode(code) >= 0;
}

function step(hash: number, code: number): number {
  return Math.imul(hash ^ code, FNV_PRIME);
}

/** The hash `scanWords` gives a word. */
export function hashWord(word: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) {
    const code = wordCode(word.charCodeAt(i));
    if (code >= 0) hash = step(hash, code);
  }
  return hash & SMALL_INT;
}

let stopWordHashes: ReadonlySet<number> | null = null;

/** Stop words as `scanWords` hashes them, built on first use rather than at import time. */
function stopWords(): ReadonlySet<number> {
  stopWordHashes ??= new Set(Array.from(STOP_WORDS, hashWord));
  return stopWordHashes;
}

/**
 * Appends the hash of every content word of `text[from, to)` to `out`: words of two characters or
 * more that are not stop words, with a plural "-s" dropped ("ships" and "ship" hash alike; "-ss",
 * "-us" and "-is" stay). `onCapitalised(start, end)` is called for each such word that starts
 * with a capital letter, with the word's hash (as {@link hashWord} gives it, before any "-s" is
 * dropped), so that names can be picked up in the same pass.
 */
export function scanWords(
  text: string,
  from: number,
  to: number,
  out: number[],
  onCapitalised?: (start: number, end: number, hash: number) => void,
): void {
  const skip = stopWords();
  let i = from;
  while (i < to) {
    const first = text.charCodeAt(i);
    let code = wordCode(first);
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
    const length = i - start;
    if (length < 2 || skip.has(hash & SMALL_INT)) continue;
    if (onCapitalised && isCapital(first, text, start)) onCapitalised(start, i, hash & SMALL_INT);
    if (length > 3 && wordCode(text.charCodeAt(i - 1)) === LOWER_S) hash = singularHash(text, start, i, hash);
    out.push(hash & SMALL_INT);
  }
}

/** The hash of `text[start, end)` (ending in "s") without the plural "-s"; "-ss", "-us", "-is" stay. */
function singularHash(text: string, start: number, end: number, hash: number): number {
  const beforeS = wordCode(text.charCodeAt(end - 2));
  if (beforeS === LOWER_S || beforeS === 0x75 || beforeS === 0x69) return hash;
  let singular = FNV_OFFSET;
  for (let i = start; i < end - 1; i++) singular = step(singular, wordCode(text.charCodeAt(i)));
  return singular;
}

function isCapital(code: number, text: string, at: number): boolean {
  if (code < 0x80) return code >= 0x41 && code <= 0x5a;
  const char = String.fromCodePoint(text.codePointAt(at)!);
  return char !== char.toLowerCase() && char === char.toUpperCase();
}
