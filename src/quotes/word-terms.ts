/**
 * The words the word index files a quote under, and how a words-only search is read: folded like
 * every other search (case and accents ignored, plurals onto the singular, see search-terms.ts),
 * without the function words that are in nearly every quote ("the", "of", "we") and would only make
 * the index larger without narrowing any search.
 */
import { searchTerms } from './search-terms.js';

/**
 * English function words: articles, pronouns, prepositions, conjunctions and auxiliaries. A fixed
 * grammatical list, not one drawn from any text; folded through {@link searchTerms} so that each
 * entry matches however the tokenizer folds it ("does" and "its" included).
 */
const FUNCTION_WORDS = `a an the and or but nor so yet if then than as of at by for from in into on onto to
  up down out off over under with without about above below after before between through during
  against among per via i me my mine myself we us our ours ourselves you your yours yourself
  yourselves he him his himself she her hers herself it its itself they them their theirs themselves
  this that these those who whom whose which what there here be am is are was were been being have
  has had having do does did doing will would shall should can could may might must not no nt
  all any both each few more most other some such only own same too very just also s t d ll m re ve`;

/** The folded function words skipped by the index and by searches. */
export const STOP_WORDS: ReadonlySet<string> = new Set(searchTerms(FUNCTION_WORDS));

/** Shortest and longest word indexed: one letter says nothing; 40 letters is no word. */
const MIN_TERM_CHARS = 2;
const MAX_TERM_CHARS = 40;
/**
 * Most distinct words a quote is filed under. A quote is cut at 1,000 characters when filed (about
 * 170 words, fewer distinct ones once function words go), so this only bounds a pathological text:
 * it keeps one quote from adding thousands of postings.
 */
export const MAX_TERMS_PER_QUOTE = 100;
/** Most words a search looks up; more only slows it without narrowing it usefully. */
const MAX_QUERY_TERMS = 8;
/** Longest search text read. */
const MAX_QUERY_CHARS = 400;

/** The distinct indexed words of a quote's text, in the order they first appear. */
export function quoteWordTerms(text: string): string[] {
  const terms = new Set<string>();
  for (const term of searchTerms(text)) {
    if (isIndexed(term)) terms.add(term);
    if (terms.size === MAX_TERMS_PER_QUOTE) break;
  }
  return [...terms];
}

function isIndexed(term: string): boolean {
  return term.length >= MIN_TERM_CHARS && term.length <= MAX_TERM_CHARS && !STOP_WORDS.has(term);
}

/** A words-only search as typed: `tariff "water rates"` is one word and one phrase. */
export interface WordQuery {
  /** The distinct indexed words to look up; every one must be in the quote. */
  terms: string[];
  /** Phrases of two or more words (function words kept), each to be found as written. */
  phrases: string[][];
  /** Words left out because they are too common to search (function words, single letters). */
  ignored: string[];
}

/**
 * Reads a words-only search: words anywhere in double quotes (straight or curly) form a phrase;
 * everything else is words that must each appear somewhere in the quote.
 */
export function parseWordQuery(text: string): WordQuery {
  const query: WordQuery = { terms: [], phrases: [], ignored: [] };
  const terms = new Set<string>();
  const ignored = new Set<string>();
  const take = (words: readonly string[]) => {
    for (const word of words) {
      if (isIndexed(word)) terms.add(word);
      else ignored.add(word);
    }
  };
  const bounded = text.slice(0, MAX_QUERY_CHARS);
  let rest = bounded;
  for (const match of bounded.matchAll(/["“”„«»]([^"“”„«»]*)["“”„«»]/g)) {
    const words = searchTerms(match[1]!);
    if (words.length >= 2) query.phrases.push(words);
    take(words);
    rest = rest.replace(match[0], ' ');
  }
  take(searchTerms(rest));
  query.terms = [...terms].slice(0, MAX_QUERY_TERMS);
  query.ignored = [...ignored].filter((word) => !terms.has(word));
  return query;
}

/** True when `words` holds `phrase` as consecutive words. */
export function containsPhrase(words: readonly string[], phrase: readonly string[]): boolean {
  outer: for (let i = 0; i + phrase.length <= words.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (words[i + j] !== phrase[j]) continue outer;
    return true;
  }
  return false;
}
