/**
 * Decides whether a quoted span is direct speech or something else in quote marks: a scare
 * quote, a name ("Five Eyes"), a title, a slogan on a sign, or a fragment worked into the
 * writer's own paraphrase (which annotators count as indirect speech). The rules follow how news
 * copy introduces speech: a quotation opens its sentence, follows a reporting verb or a colon,
 * or is credited with the verb-first order ("…,” said X") that English keeps for direct speech.
 */
import { OBJECT_VERBS } from './lexicon.js';
import { isReportingVerb, type Attribution } from './speaker-attribution.js';
import { endsWithStop as endsSentence, type Token } from './sentence-tokens.js';

/** A quoted span seen in its sentence. */
export interface QuoteCandidate {
  /** Tokens of the sentence holding the quotation. */
  tokens: readonly Token[];
  /** Index of the quotation's token in `tokens`. */
  q: number;
  /** The quoted words. */
  inner: string;
  /** Number of words quoted. */
  words: number;
  /** Attribution found after the quotation, if any. */
  after: Attribution | null;
}

const LEADING_PUNCT = '—–-•*(';
/** How many tokens back a reporting verb may govern a quotation; bounds the work per quotation. */
const REACH = 60;
const COPULAS = new Set([
  'is',
  'was',
  'are',
  'were',
  'be',
  'been',
  'being',
  "it's",
  'it’s',
  'has',
  'have',
  'had',
]);
const COORDINATORS = new Set(['and', 'but', 'or']);
/** Pronouns that can only be subjects: after one, a reported clause has begun. */
const PERSONAL = new Set(['i', 'he', 'she', 'we', 'they', 'you']);
const AUXILIARIES = new Set(
  'is are was were be been will would can could shall should may might must has have had do does did'.split(
    ' ',
  ),
);
const SMALL_WORDS = new Set([
  'a',
  'an',
  'the',
  'of',
  'and',
  'or',
  'in',
  'on',
  'at',
  'to',
  'for',
  'by',
  'with',
  'from',
]);

/** True when every word of a short phrase is capitalised, as in titles and names. */
export function isTitleCase(inner: string): boolean {
  // A loop that stops at the first word in lowercase: quotations are mostly sentences, and the
  // second word settles it without splitting a long quotation into words.
  let words = 0;
  let i = 0;
  while (i < inner.length) {
    while (i < inner.length && !LETTER.test(inner[i]!)) i++;
    if (i >= inner.length) break;
    let end = i + 1;
    while (end < inner.length && WORD_REST.test(inner[end]!)) end++;
    const first = inner[i]!;
    if (first === first.toLowerCase()) {
      if (words === 0 || !SMALL_WORDS.has(inner.slice(i, end))) return false;
    }
    words++;
    i = end;
  }
  return words > 0;
}

const LETTER = /\p{L}/u;
const WORD_REST = /[\p{L}’'-]/u;

/** True when only leading punctuation (a dash, a bullet) precedes the quotation in its sentence. */
export function opensSentence(tokens: readonly Token[], q: number): boolean {
  for (let i = 0; i < q; i++) {
    const token = tokens[i]!;
    if (token.kind !== 'punct' || !LEADING_PUNCT.includes(token.text) || i > 8) return false;
  }
  return true;
}

function closesSentence(tokens: readonly Token[], q: number): boolean {
  for (let i = q + 1; i < tokens.length; i++) {
    if (tokens[i]!.kind !== 'punct') return false;
  }
  return true;
}

function bareWord(token: Token): string {
  return token.lower.replace(/['’](s|re|ll|d|ve|m)$/u, '');
}

/**
 * True when a verb introduces the quotation: a reporting verb right before it (“said “…”",
 * "shout, “…”"), or a naming verb with a short object between ("called the conclusion “bold”",
 * "urged the government “to clarify…”"). Words after a reporting verb mean a reported clause
 * has begun ("said the photo “totally misrepresents…”", "says he “fumbled into”"): indirect.
 */
export function introducedByVerb(tokens: readonly Token[], q: number): boolean {
  let objectWords = 0;
  for (let v = q - 1; v >= 0 && q - v <= 6; v--) {
    const token = tokens[v]!;
    if (token.kind === 'punct') {
      if (token.text !== ',' && token.text !== ':') return false;
      continue;
    }
    if (token.kind === 'quote') return false;
    if (OBJECT_VERBS.has(token.lower)) return objectWords > 0;
    if (isReportingVerb(tokens, v)) return objectWords === 0;
    if (PERSONAL.has(bareWord(token)) || COPULAS.has(token.lower) || token.lower === 'that') return false;
    objectWords++;
  }
  return false;
}

/** True when quoted words can stand as a clause of their own, not a predicate missing its subject. */
function readsAsClause(inner: string): boolean {
  const words = inner.toLowerCase().match(/[\p{L}’'-]+/gu) ?? [];
  if (words.length === 0 || AUXILIARIES.has(words[0]!)) return false;
  return /[.!?]['’"”]*$/u.test(inner) || words.some((word) => AUXILIARIES.has(word));
}

function hasVerbBefore(tokens: readonly Token[], q: number): boolean {
  for (let v = Math.max(0, q - REACH); v < q; v++) if (isReportingVerb(tokens, v)) return true;
  return false;
}

/** Decides whether a candidate is direct speech. */
export function isDirectSpeech(c: QuoteCandidate): boolean {
  const { tokens, q, inner, words, after } = c;
  if (words === 0) return false;
  const endsWithStop = endsSentence(inner);
  if (isTitleCase(inner) && words <= 12 && !(endsWithStop && words > 2)) return false;
  if (opensSentence(tokens, q)) {
    if (after !== null) return words >= 2 || endsWithStop;
    if (closesSentence(tokens, q)) return words >= 2 || endsWithStop;
    return words >= 3;
  }
  const prev = tokens[q - 1]!;
  if (prev.lower === 'that' || words < 2) return false;
  if (after?.inverted) return true;
  if (prev.text === ':') return after !== null || closesSentence(tokens, q) || (endsWithStop && words >= 3);
  if (introducedByVerb(tokens, q)) return true;
  if (COORDINATORS.has(prev.lower) && words >= 3 && readsAsClause(inner) && hasVerbBefore(tokens, q))
    return true;
  if (prev.text === ',' && words >= 3 && endsWithStop && closesSentence(tokens, q) && /^\p{Lu}/u.test(inner))
    return true;
  return false;
}
