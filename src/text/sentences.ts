/**
 * English sentence splitting for news text, in one linear pass and without a model.
 *
 * Statistical splitters are more general, but the digest splits every article it ingests, so this
 * one trades a little recall on rare constructions for speed and predictability. A sentence ends
 * at `.`, `!`, `?` or an ellipsis (plus any closing quotes or brackets) that is followed by
 * whitespace and a plausible sentence start, and always at a blank line. The rules that veto a
 * break encode how news copy is written: titles ("Mr.", "Sen."), initials ("John F. Kennedy"),
 * numbered abbreviations ("No. 10", "Jan. 5"), acronyms ("U.S. Navy"), and quotes whose
 * attribution follows (`"Why?" she asked`).
 */

/** One sentence with its position: `text === input.slice(start, end)`. */
export interface SentenceSpan {
  text: string;
  start: number;
  end: number;
}

/** Abbreviations that precede a name and so never end a sentence. */
const TITLES = new Set([
  'mr', 'mrs', 'ms', 'messrs', 'dr', 'prof', 'sen', 'sens', 'rep', 'reps', 'gov', 'gen', 'col', 'lt',
  'sgt', 'cpl', 'pvt', 'capt', 'cmdr', 'cdr', 'adm', 'maj', 'brig', 'rev', 'hon', 'pres', 'supt', 'insp',
  'det', 'mt', 'ft', 'fr', 'sr', 'mme', 'mlle', 'atty', 'gens', 'vs', 'v', 'eg', 'ie', 'e.g', 'i.e', 'cf',
]); // prettier-ignore

/** Abbreviations that precede a number ("No. 10", "Jan. 5", "Vol. 2"): no break before a digit. */
const BEFORE_NUMBERS = new Set([
  'no', 'nos', 'vol', 'vols', 'pp', 'p', 'art', 'fig', 'figs', 'ch', 'sec', 'op', 'ex', 'jan', 'feb',
  'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'approx', 'nr', 'tel', 'ave',
  'rt',
]); // prettier-ignore

/**
 * Abbreviations that often end a sentence too ("... Apple Inc. The company ..."): they break only
 * when a typical sentence opener follows.
 */
const AMBIGUOUS = new Set([
  'inc', 'corp', 'ltd', 'co', 'bros', 'plc', 'llc', 'etc', 'jr', 'st', 'ave', 'blvd', 'rd', 'dept', 'univ',
  'assn', 'govt', 'est', 'esq', 'int', 'intl', 'natl', 'min', 'max', 'mins', 'hrs', 'yr', 'yrs',
]); // prettier-ignore

/** Words that typically open a sentence; after an ambiguous abbreviation they signal a break. */
const SENTENCE_OPENERS = new Set([
  'a', 'an', 'the', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'his', 'her', 'its', 'their', 'our',
  'this', 'that', 'these', 'those', 'there', 'but', 'and', 'or', 'so', 'yet', 'however', 'in', 'on', 'at',
  'after', 'before', 'when', 'while', 'as', 'if', 'for', 'with', 'since', 'although', 'though', 'what',
  'why', 'how', 'who', 'where', 'meanwhile', 'officials', 'police', 'authorities', 'last', 'earlier',
  'now', 'then', 'one', 'two', 'some', 'many', 'most', 'both', 'all', 'no', 'not', 'by', 'from', 'to',
  'during', 'according', 'also', 'still', 'my', 'me', 'is', 'was', 'are', 'were', 'do', 'does', 'did',
]); // prettier-ignore

const FULL_STOP = 0x2e;
const QUESTION = 0x3f;
const EXCLAMATION = 0x21;
const ELLIPSIS = 0x2026;
const NEWLINE = 0x0a;

function isTerminator(code: number): boolean {
  return code === FULL_STOP || code === QUESTION || code === EXCLAMATION || code === ELLIPSIS;
}

/** Closing quotes and brackets that belong to the sentence they follow. */
function isCloser(code: number): boolean {
  // " ' ” ’ ) ] »
  return (
    code === 0x22 ||
    code === 0x27 ||
    code === 0x201d ||
    code === 0x2019 ||
    code === 0x29 ||
    code === 0x5d ||
    code === 0xbb
  );
}

/** Opening quotes and brackets that may precede the first word of a sentence. */
function isOpener(code: number): boolean {
  // " ' “ ‘ ( [ «
  return (
    code === 0x22 ||
    code === 0x27 ||
    code === 0x201c ||
    code === 0x2018 ||
    code === 0x28 ||
    code === 0x5b ||
    code === 0xab
  );
}

function isSpace(code: number): boolean {
  // space, \t \n \v \f \r, no-break space
  return code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function isLower(ch: string): boolean {
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

function isAlnum(code: number): boolean {
  if (code < 0x80) return isDigit(code) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);
  const ch = String.fromCharCode(code);
  return ch.toLowerCase() !== ch.toUpperCase();
}

/** A bullet that starts a list item after a single line break, which ends the sentence before it. */
function isBullet(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  // • * - –
  return (
    (code === 0x2022 || code === 0x2a || code === 0x2d || code === 0x2013) && isSpace(text.charCodeAt(i + 1))
  );
}

/**
 * The whitespace-delimited word that ends at `end` (exclusive), without leading quotes or
 * brackets and without its own final period.
 */
function wordBefore(text: string, end: number, floor: number): string {
  let start = end;
  while (start > floor && !isSpace(text.charCodeAt(start - 1))) start--;
  while (start < end && !isAlnum(text.charCodeAt(start))) start++;
  return text.slice(start, end);
}

/** The letters of the word starting at `start`, lowercased ("The" in `"The` gives "the"). */
function wordAt(text: string, start: number): string {
  let end = start;
  while (end < text.length && end - start < 20 && isAlnum(text.charCodeAt(end))) end++;
  return text.slice(start, end).toLowerCase();
}

/** Whether a single period ending `word` and followed by `next` (first letter at `nextAt`) ends a sentence. */
function periodEndsSentence(word: string, text: string, nextAt: number): boolean {
  const next = text[nextAt] as string;
  if (isLower(next)) return false;
  if (word === '') return true;
  const lower = word.toLowerCase();
  if (TITLES.has(lower)) return false;
  if (BEFORE_NUMBERS.has(lower) && isDigit(text.charCodeAt(nextAt))) return false;
  // A lone capital is an initial: "John F. Kennedy", "J. K. Rowling".
  if (word.length === 1 && isUpper(word)) return false;
  // Dotted acronyms ("U.S.", "a.m.", "Ph.D.") and ambiguous abbreviations break only before an opener.
  const dotted = DOTTED.test(word);
  if (dotted || AMBIGUOUS.has(lower)) return SENTENCE_OPENERS.has(wordAt(text, nextAt));
  return true;
}

const DOTTED = /^(?:\p{L}{1,2}\.)+\p{L}{1,2}$/u;

/**
 * Splits news text into sentences with their character offsets.
 *
 * Paragraphs are separated by blank lines and never share a sentence; single line breaks are
 * treated as spaces, except before a list bullet. Leading and trailing whitespace is excluded from
 * each span, closing quotes stay with the sentence they close (`."`, `?”`). Runs in one pass, so
 * cost is linear in the input; fragments without a letter or digit are dropped. Never throws.
 *
 * @example
 * splitSentences('Mr. Smith went to Washington. "Why?" he asked.').map((s) => s.text);
 * // ['Mr. Smith went to Washington.', '"Why?" he asked.']
 */
export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  if (typeof text !== 'string' || text.length === 0) return spans;
  const n = text.length;

  const push = (from: number, to: number): void => {
    while (from < to && isSpace(text.charCodeAt(from))) from++;
    while (to > from && isSpace(text.charCodeAt(to - 1))) to--;
    for (let i = from; i < to; i++) {
      if (isAlnum(text.charCodeAt(i))) {
        spans.push({ text: text.slice(from, to), start: from, end: to });
        return;
      }
    }
  };

  let sentenceStart = 0;
  let i = 0;
  // The regular expression engine skips ordinary text far faster than a loop over char codes.
  const interesting = /[.!?\u2026\n]/g;
  while (i < n) {
    interesting.lastIndex = i;
    const hit = interesting.exec(text);
    if (hit === null) break;
    i = hit.index;
    const code = text.charCodeAt(i);

    if (code === NEWLINE) {
      let j = i + 1;
      while (j < n && isSpace(text.charCodeAt(j)) && text.charCodeAt(j) !== NEWLINE) j++;
      if (j < n && (text.charCodeAt(j) === NEWLINE || isBullet(text, j))) {
        push(sentenceStart, i);
        sentenceStart = j;
      }
      i = j;
      continue;
    }

    // The whole run of terminators ("?!", "...") and the closers after it form one candidate end.
    let punctEnd = i;
    while (punctEnd < n && isTerminator(text.charCodeAt(punctEnd))) punctEnd++;
    let end = punctEnd;
    while (end < n && isCloser(text.charCodeAt(end))) end++;
    if (end < n && !isSpace(text.charCodeAt(end))) {
      // "U.S.", "3.5", "Yahoo!Inc": punctuation inside a token never ends a sentence.
      i = punctEnd;
      continue;
    }

    let nextAt = end;
    let newlines = 0;
    while (nextAt < n && isSpace(text.charCodeAt(nextAt))) {
      if (text.charCodeAt(nextAt) === NEWLINE) newlines++;
      nextAt++;
    }
    while (nextAt < n && isOpener(text.charCodeAt(nextAt))) nextAt++;

    let breaks: boolean;
    if (nextAt >= n || newlines > 1) {
      breaks = true;
    } else if (punctEnd - i > 1 || code !== FULL_STOP) {
      // After "?", "!" or an ellipsis, a lowercase word continues: `"Why?" he asked`, "wait... what".
      breaks = !isLower(text[nextAt] as string);
    } else {
      breaks = periodEndsSentence(wordBefore(text, i, sentenceStart), text, nextAt);
    }

    if (breaks) {
      push(sentenceStart, end);
      sentenceStart = end;
    }
    i = end;
  }
  push(sentenceStart, n);
  return spans;
}
