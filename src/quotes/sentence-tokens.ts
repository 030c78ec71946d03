/**
 * Word tokens and sentences of one paragraph, with every quoted span folded into a single
 * `quote` token. Attribution rules then read the words around a quotation without tripping over
 * the words inside it, and a sentence never ends inside a quotation.
 */
import { ABBREVIATIONS, NOT_NAMES, REPORTING_VERBS, SUBJECT_PRONOUNS, TITLE_WORDS } from './lexicon.js';
import type { Paragraph } from './paragraphs.js';
import type { QuoteSpan } from './quote-spans.js';

/** One token of a paragraph. */
export interface Token {
  kind: 'word' | 'punct' | 'quote';
  start: number;
  end: number;
  text: string;
  lower: string;
  /** Index into the span list, for `quote` tokens. */
  span: number;
  /** True when the token starts with a capital letter. */
  cap: boolean;
  /** The word without a possessive ending or an abbreviation's period, as names are written. */
  base: string;
  /** `base` in lowercase, for lexicon lookups. */
  key: string;
  /** Set on a sentence's capitalised first word when it is an everyday word, not a name. */
  common?: boolean;
  /**
   * True for a word that may open a sentence (first in its paragraph, or after sentence
   * punctuation, a colon, a dash or a quotation), where a capital letter says nothing about names.
   */
  initial?: boolean;
}

const LOWER_START = /^\p{Ll}/u;

/** Tokenises a paragraph; `spans` are the spans of this paragraph in order, with their indexes. */
export function tokenizeParagraph(
  text: string,
  para: Paragraph,
  spans: readonly { span: QuoteSpan; index: number }[],
): Token[] {
  const tokens: Token[] = [];
  let cursor = para.start;
  for (const { span, index } of spans) {
    const from = span.open === -1 ? span.start : span.open;
    tokenizeRange(text, cursor, from, tokens);
    const to = span.close === -1 ? span.end : span.close + 1;
    const raw = text.slice(from, to);
    tokens.push({
      kind: 'quote',
      start: from,
      end: to,
      text: raw,
      lower: raw,
      span: index,
      cap: false,
      base: raw,
      key: raw,
      common: false,
      initial: false,
    });
    cursor = Math.max(cursor, to);
  }
  tokenizeRange(text, cursor, para.end, tokens);
  return tokens;
}

/** True when a word after `prev` may open a sentence (see Token.initial). */
function opensAfter(prev: Token | undefined): boolean {
  return (
    prev === undefined ||
    prev.kind === 'quote' ||
    (prev.kind === 'punct' && '.!?:;—–-•*('.includes(prev.text))
  );
}

function tokenizeRange(text: string, from: number, to: number, out: Token[]): void {
  let at = from;
  for (;;) {
    // Spaces separate tokens; anything else starts one (as /[\p{L}\p{N}]+…|[^\s\p{L}\p{N}]/u would).
    while (at < text.length && kindAt(text, at) === SPACE) at += unitsAt(text, at);
    if (at >= to) break;
    const start = at;
    const isWord = kindAt(text, at) === WORD;
    at = isWord ? wordEnd(text, at) : at + unitsAt(text, at);
    let end = Math.min(at, to);
    if (isWord && end < to && text[end] === '.' && isAbbreviation(text.slice(start, at))) end++;
    const raw = text.slice(start, end);
    const lower = raw.toLowerCase();
    const first = raw[0]!;
    const base = isWord ? nameForm(raw) : raw;
    out.push({
      kind: isWord ? 'word' : 'punct',
      start,
      end,
      text: raw,
      lower,
      span: -1,
      cap: isWord && first !== first.toLowerCase(),
      base,
      key: base === raw ? lower : base.toLowerCase(),
      // Every token has every field from the start: tokens of one shape keep property access fast.
      common: false,
      initial: isWord && opensAfter(out[out.length - 1]),
    });
    at = end;
  }
}

/**
 * Where a word starting at `at` ends: letters and digits, joined by single inner apostrophes,
 * hyphens, periods and ampersands that have letters or digits after them ("it’s", "U.S", "AT&T").
 */
function wordEnd(text: string, at: number): number {
  for (;;) {
    while (at < text.length && kindAt(text, at) === WORD) at += unitsAt(text, at);
    const joiner = text.charCodeAt(at);
    const joins =
      joiner === 0x2019 || joiner === 0x27 || joiner === 0x2d || joiner === 0x2e || joiner === 0x26;
    if (!joins || at + 1 >= text.length || kindAt(text, at + 1) !== WORD) return at;
    at++;
  }
}

const WORD = 1;
const SPACE = 2;
const OTHER = 3;

/** Letter or digit (WORD), white space (SPACE) or anything else, of the code point at `at`. */
function kindAt(text: string, at: number): number {
  const code = text.charCodeAt(at);
  if (code < 0x80) return ASCII_KINDS[code]!;
  const point = text.codePointAt(at)!;
  if (point > 0xffff) return LETTER_OR_DIGIT.test(String.fromCodePoint(point)) ? WORD : OTHER;
  let kind = BMP_KINDS[point]!;
  if (kind === 0) {
    const char = String.fromCharCode(point);
    kind = LETTER_OR_DIGIT.test(char) ? WORD : /\s/u.test(char) ? SPACE : OTHER;
    BMP_KINDS[point] = kind;
  }
  return kind;
}

/** UTF-16 units of the code point at `at`: two for a surrogate pair, else one. */
function unitsAt(text: string, at: number): number {
  const code = text.charCodeAt(at);
  return code >= 0xd800 &&
    code <= 0xdbff &&
    at + 1 < text.length &&
    (text.charCodeAt(at + 1) & 0xfc00) === 0xdc00
    ? 2
    : 1;
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const ASCII_KINDS = Uint8Array.from({ length: 0x80 }, (_, code) => {
  const char = String.fromCharCode(code);
  return LETTER_OR_DIGIT.test(char) ? WORD : /\s/u.test(char) ? SPACE : OTHER;
});
/** Kinds of the Basic Multilingual Plane's code points, filled in as they are met (0: not yet). */
const BMP_KINDS = new Uint8Array(0x10000);

/**
 * True when quoted words end a sentence ("…, I guess.", "…?’"), looking past trailing marks and
 * spaces. A loop, not a regex: an anchored regex over a long run of spaces backtracks badly.
 */
export function endsWithStop(inner: string): boolean {
  let i = inner.length - 1;
  while (i >= 0 && ' \t\n\r’\'‘"”“'.includes(inner[i]!)) i--;
  return i >= 0 && '.!?…'.includes(inner[i]!);
}

/** Drops a possessive ending and the period of an abbreviation like "Dr." from a word. */
function nameForm(word: string): string {
  const n = word.length;
  if (
    n > 2 &&
    word[n - 2] !== undefined &&
    (word[n - 2] === "'" || word[n - 2] === '’') &&
    word[n - 1] === 's'
  ) {
    return word.slice(0, n - 2);
  }
  if (n > 2 && word[n - 1] === '.' && word[n - 3] !== '.' && word[n - 2] !== '.') return word.slice(0, n - 1);
  return word;
}

/** Whether a word followed by a period is an abbreviation or initial, whose period it takes. */
export function isAbbreviation(word: string): boolean {
  // An initial ("J.") but not a number ending a sentence ("on May 7.").
  if (word.length === 1) return !/\d/.test(word);
  return word.includes('.') || ABBREVIATIONS.has(word.toLowerCase());
}

/**
 * Splits a paragraph's tokens into sentences. `opensParagraph` marks quotation tokens that begin a
 * paragraph of their own in run-together text: whatever precedes them (a photo caption, a
 * headline) is never part of their sentence.
 */
export function splitSentences(
  tokens: readonly Token[],
  quoteText: (token: Token) => string,
  opensParagraph: (token: Token) => boolean = () => false,
): Token[][] {
  const sentences: Token[][] = [];
  let current: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (current.length > 0 && token.kind === 'quote' && opensParagraph(token)) {
      sentences.push(current);
      current = [];
    }
    current.push(token);
    if (endsSentence(tokens, i, quoteText)) {
      sentences.push(current);
      current = [];
    }
  }
  if (current.length > 0) sentences.push(current);
  return sentences;
}

function endsSentence(tokens: readonly Token[], i: number, quoteText: (token: Token) => string): boolean {
  const token = tokens[i]!;
  const next = tokens[i + 1];
  if (next === undefined) return true;
  if (token.kind === 'word' && token.text.endsWith('.') && token.text.length > 2)
    return abbreviationEnds(token, next);
  if (token.kind === 'punct' && (token.text === '.' || token.text === '!' || token.text === '?')) {
    return !(next.kind === 'word' && LOWER_START.test(next.text)) && next.kind !== 'punct';
  }
  if (token.kind !== 'quote') return false;
  if (!endsWithStop(quoteText(token))) return false;
  if (next.kind !== 'word' || LOWER_START.test(next.text)) return next.kind === 'quote';
  // "…campaign.' He said the PM…": a pronoun crediting the quotation would be in lowercase.
  if (next.text !== 'I' && SUBJECT_PRONOUNS.has(next.lower)) return true;
  return !attributionAhead(tokens, i + 1);
}

/**
 * An abbreviation's period ends the sentence when a quotation or a sentence opener follows
 * ("in Washington, D.C. “I love…"), but never after a title ("Dr. Bowes") or an initial.
 */
function abbreviationEnds(token: Token, next: Token): boolean {
  if (TITLE_WORDS.has(token.lower) || ABBREVIATIONS.has(token.lower.slice(0, -1))) return false;
  if (next.kind === 'quote') return true;
  return next.kind === 'word' && next.cap && NOT_NAMES.has(next.lower);
}

/** True when a reporting verb follows within a few name words ("?” Kim said."). */
function attributionAhead(tokens: readonly Token[], from: number): boolean {
  for (let k = from; k < Math.min(tokens.length, from + 5); k++) {
    const token = tokens[k]!;
    if (token.kind !== 'word') return false;
    if (REPORTING_VERBS.has(token.lower)) {
      // "He added that …" starts a new sentence of reported speech, "He added: '…'" introduces the
      // next quotation; "Kim said." credits the quote.
      const after = tokens[k + 1];
      return (
        after === undefined ||
        !(
          after.lower === 'that' ||
          after.lower === 'to' ||
          after.text === ':' ||
          SUBJECT_PRONOUNS.has(after.lower)
        )
      );
    }
    if (!token.cap) return false;
  }
  return false;
}
