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

// Words may hold inner apostrophes, hyphens, periods and ampersands ("it’s", "U.S", "AT&T").
const TOKEN = /([\p{L}\p{N}]+(?:[’'\-.&][\p{L}\p{N}]+)*)|[^\s\p{L}\p{N}]/gu;
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
  if (to <= from) return;
  TOKEN.lastIndex = from;
  for (;;) {
    const match = TOKEN.exec(text);
    if (match === null || match.index >= to) break;
    let end = Math.min(match.index + match[0].length, to);
    const isWord = match[1] !== undefined;
    if (isWord && end < to && text[end] === '.' && isAbbreviation(match[0])) end++;
    const raw = text.slice(match.index, end);
    const lower = raw.toLowerCase();
    const first = raw[0]!;
    const base = isWord ? nameForm(raw) : raw;
    out.push({
      kind: isWord ? 'word' : 'punct',
      start: match.index,
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
    TOKEN.lastIndex = end;
  }
}

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

function isAbbreviation(word: string): boolean {
  return word.length === 1 || word.includes('.') || ABBREVIATIONS.has(word.toLowerCase());
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
