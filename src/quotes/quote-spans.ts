/**
 * Finds quoted stretches of text from their quote marks, in one left-to-right pass per paragraph.
 * News text arrives damaged (machine translation, bad encodings, copy-paste), so the pairing is
 * forgiving: a curly opening mark followed by a space acts as a closing one, a closing mark glued
 * to the next word still closes, a quotation whose opening mark is lost is recovered when a
 * closing mark and an attribution ("..., ”said Pompeo") survive, and a quotation left open at a
 * paragraph's end continues into the next paragraph when that one reopens (news style).
 */
import { REPORTING_VERBS } from './lexicon.js';
import { isSpaceCode, type Paragraph } from './paragraphs.js';

/** A stretch of quoted words, before deciding whether it is speech. */
export interface QuoteSpan {
  /** First quoted character (after the opening mark and any spaces). */
  start: number;
  /** Just past the last quoted character (before the closing mark and any spaces). */
  end: number;
  /** Offset of the opening mark, or -1 when the text lost it. */
  open: number;
  /** Offset of the closing mark, or -1 when the quotation runs to the paragraph's end. */
  close: number;
  /** Index of the paragraph the span lies in. */
  paragraph: number;
  /** True when the span continues a quotation left open at the end of the previous paragraph. */
  continued: boolean;
}

type Group = 'double' | 'guillemet' | 'single';
type Role = 'open' | 'close' | 'either' | 'none';

const DOUBLE_MARKS = '"“”„‟';
const OPENING_PUNCT = '([{—–-/:';
const CLOSING_PUNCT = ',.;:!?)]}—–…';
const ALL_MARKS = '"“”„‟«»‘’‚\'‹›';
const SENTENCE_END = '.!?';

/** True for the code of any quote mark (checked per character, so kept to comparisons). */
function isMarkCode(c: number): boolean {
  return (
    c === 34 ||
    c === 39 ||
    (c >= 0x2018 && c <= 0x201f) ||
    c === 0xab ||
    c === 0xbb ||
    c === 0x2039 ||
    c === 0x203a
  );
}

function isLetterOrDigit(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

/** Finds every quoted span in the text, paragraph by paragraph. */
export function findQuoteSpans(text: string, paragraphs: readonly Paragraph[]): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let carried = false;
  for (let p = 0; p < paragraphs.length; p++) {
    const para = paragraphs[p]!;
    const next = paragraphs[p + 1];
    carried = new ParagraphScanner(text, para, p, spans, carried, next).run();
  }
  return spans;
}

/** Pairs the marks of one paragraph. Kept as a class so the pairing state reads as fields. */
class ParagraphScanner {
  private pending = -1;
  private pendingGroup: Group = 'double';
  private pendingCloser = '';
  /** End of the last closed span: recovery of a lost opening mark never reaches behind it. */
  private floor: number;

  constructor(
    private readonly text: string,
    private readonly para: Paragraph,
    private readonly index: number,
    private readonly spans: QuoteSpan[],
    private readonly carried: boolean,
    private readonly next: Paragraph | undefined,
  ) {
    this.floor = para.start;
  }

  /** Scans the paragraph; returns true when its last quotation continues into the next one. */
  run(): boolean {
    const { text } = this;
    for (let i = this.para.start; i < this.para.end; i++) {
      if (!isMarkCode(text.charCodeAt(i))) continue;
      const ch = text[i]!;
      if (DOUBLE_MARKS.includes(ch)) this.onDouble(i, ch);
      else if (ch === '«' || ch === '»') this.onGuillemet(i, ch);
      else this.onSingle(i, ch);
    }
    return this.finish();
  }

  private boundaryBefore(i: number): boolean {
    if (i <= this.para.start) return true;
    const prev = this.text[i - 1]!;
    return isSpaceCode(prev.charCodeAt(0)) || OPENING_PUNCT.includes(prev) || ALL_MARKS.includes(prev);
  }

  private boundaryAfter(i: number): boolean {
    if (i + 1 >= this.para.end) return true;
    const next = this.text[i + 1]!;
    return isSpaceCode(next.charCodeAt(0)) || CLOSING_PUNCT.includes(next) || ALL_MARKS.includes(next);
  }

  private doubleRole(i: number, ch: string): Role {
    if (ch === '„') return 'open';
    if (ch === '”') return 'close';
    // A curly opening mark with nothing after it can only be a closing mark typed wrongly.
    if (ch === '“' || ch === '‟') return this.spaceAfter(i) ? 'close' : 'open';
    const after = this.boundaryAfter(i);
    const before = this.boundaryBefore(i);
    if (before && !after) return 'open';
    if (!before && after) return 'close';
    return 'either';
  }

  /** True when whitespace, the paragraph's end or sentence punctuation follows `i`. */
  private spaceAfter(i: number): boolean {
    if (i + 1 >= this.para.end) return true;
    const next = this.text[i + 1]!;
    return isSpaceCode(next.charCodeAt(0)) || CLOSING_PUNCT.includes(next);
  }

  private startsWord(i: number): boolean {
    return isLetterOrDigit(this.text[i]);
  }

  private onDouble(i: number, ch: string): void {
    const role = this.doubleRole(i, ch);
    if (this.pending !== -1 && this.pendingGroup === 'single') this.pending = -1;
    if (this.pending !== -1 && this.pendingGroup === 'guillemet') return;
    if (this.pending !== -1) {
      if (role === 'open') {
        this.abandon(i);
        this.openAt(i, 'double', '');
      } else {
        this.closeAt(i);
      }
    } else if (role === 'close') {
      this.recover(i);
    } else {
      this.openAt(i, 'double', '');
    }
  }

  private onGuillemet(i: number, ch: string): void {
    if (this.pending !== -1 && this.pendingGroup === 'guillemet' && this.pendingCloser === ch) {
      this.closeAt(i);
    } else if (this.pending === -1 && ch === '«') {
      this.openAt(i, 'guillemet', '»');
    } else if (this.pending === -1 && this.startsWord(i + 1)) {
      // »Text« as German and Danish print it.
      this.openAt(i, 'guillemet', '«');
    } else if (this.pending === -1) {
      this.recover(i);
    }
  }

  private onSingle(i: number, ch: string): void {
    if (this.pending !== -1 && this.pendingGroup !== 'single') return; // nested quotation
    const before = this.boundaryBefore(i);
    const after = this.boundaryAfter(i);
    if (this.pending !== -1) {
      const closes = ch === '’' || ch === "'" || ch === '›';
      if (closes && !before && after) this.closeAt(i);
      return;
    }
    // ’ is nearly always an apostrophe, so only ‘ ‚ ‹ and a straight ' at a word's start open.
    const opens = ch === '‘' || ch === '‚' || ch === '‹' || ch === "'";
    if (opens && before && isLetterOrDigit(this.text[i + 1])) this.openAt(i, 'single', '');
  }

  private openAt(i: number, group: Group, closer: string): void {
    this.pending = i;
    this.pendingGroup = group;
    this.pendingCloser = closer;
  }

  private closeAt(i: number): void {
    this.emit(this.pending + 1, i, this.pending, i, this.carried && this.isFirstOpen(this.pending));
    this.pending = -1;
    this.floor = i + 1;
  }

  /** True when `open` is the paragraph's first character, where a carried quotation resumes. */
  private isFirstOpen(open: number): boolean {
    return open === this.para.start;
  }

  /**
   * A new opening mark arrived while a quotation was still open. When the open one began a
   * sentence and holds a finished sentence, keep it up to that sentence's end (its closing mark
   * was lost); otherwise it was a stray mark.
   */
  private abandon(newOpen: number): void {
    const open = this.pending;
    if (!this.atSentenceStart(open)) return;
    let end = newOpen;
    while (end > open && !SENTENCE_END.includes(this.text[end - 1]!)) end--;
    if (end > open + 1) this.emit(open + 1, end, open, -1, this.carried && this.isFirstOpen(open));
  }

  /** True when nothing but whitespace, a closing mark or sentence punctuation precedes `i`. */
  private atSentenceStart(i: number): boolean {
    let j = i - 1;
    while (j >= this.para.start && isSpaceCode(this.text.charCodeAt(j))) j--;
    if (j < this.para.start) return true;
    const prev = this.text[j]!;
    return SENTENCE_END.includes(prev) || prev === ':' || prev === '”' || prev === '"' || prev === '—';
  }

  /**
   * A closing mark with no opening mark: when an attribution follows ("..., ”said Pompeo"), the
   * quotation is taken to start where its sentence starts.
   */
  private recover(close: number): void {
    const { text } = this;
    let j = close - 1;
    while (j >= this.floor && isSpaceCode(text.charCodeAt(j))) j--;
    if (j < this.floor || !',.?!'.includes(text[j]!)) return;
    if (!attributionFollows(text, close + 1, this.para.end)) return;
    const start = sentenceStartBefore(text, j, this.floor);
    // Never search the same stretch twice, found or not: keeps damaged paragraphs linear.
    this.floor = close + 1;
    if (start >= j || !/\p{Lu}/u.test(text[start]!)) return;
    if (countWords(text, start, j) < 3) return;
    this.emit(start, close, -1, close, false);
  }

  private finish(): boolean {
    const open = this.pending;
    if (open === -1 || this.pendingGroup === 'single') return false;
    const continues = this.next !== undefined && '"“„«»'.includes(this.text[this.next.start]!);
    if (continues || this.atSentenceStart(open)) {
      this.emit(open + 1, this.para.end, open, -1, this.carried && this.isFirstOpen(open));
    }
    return continues;
  }

  private emit(start: number, end: number, open: number, close: number, continued: boolean): void {
    const { text } = this;
    while (start < end && isSpaceCode(text.charCodeAt(start))) start++;
    while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
    if (end <= start) return;
    this.spans.push({ start, end, open, close, paragraph: this.index, continued });
  }
}

/** Finds where the sentence holding offset `from` starts, searching back no further than `floor`. */
function sentenceStartBefore(text: string, from: number, floor: number): number {
  let j = from;
  while (j > floor) {
    const ch = text[j - 1]!;
    if (SENTENCE_END.includes(ch) && j < text.length && isSpaceCode(text.charCodeAt(j))) {
      let k = j;
      while (k < from && isSpaceCode(text.charCodeAt(k))) k++;
      if (/\p{Lu}/u.test(text[k] ?? '') && !endsWithAbbreviation(text, j - 1)) return k;
    }
    j--;
  }
  while (j < from && (isSpaceCode(text.charCodeAt(j)) || ALL_MARKS.includes(text[j]!))) j++;
  return j;
}

/** True when the period at `dot` closes a short abbreviation ("Mr.", "U.S.") rather than a sentence. */
function endsWithAbbreviation(text: string, dot: number): boolean {
  let k = dot;
  // Only short words matter, so never look back further than a few characters.
  while (k > 0 && k > dot - 5 && /[\p{L}.]/u.test(text[k - 1]!)) k--;
  const word = text.slice(k, dot);
  return word.length <= 3 && /^\p{Lu}/u.test(word);
}

/** Counts whitespace-separated words in [start, end). */
export function countWords(text: string, start: number, end: number): number {
  let count = 0;
  let inWord = false;
  for (let i = start; i < end; i++) {
    const space = isSpaceCode(text.charCodeAt(i));
    if (!space && !inWord) count++;
    inWord = !space;
  }
  return count;
}

/** True when a reporting verb comes first, or after at most four name words ("he added"). */
function attributionFollows(text: string, from: number, limit: number): boolean {
  const window = text.slice(from, Math.min(limit, from + 80));
  const words = window.match(/[\p{L}.’'-]+/gu) ?? [];
  for (let k = 0; k < Math.min(words.length, 5); k++) {
    const word = words[k]!.toLowerCase();
    if (REPORTING_VERBS.has(word)) return true;
    if (!/^\p{Lu}/u.test(words[k]!) && !['he', 'she', 'they', 'it'].includes(word)) return false;
  }
  return false;
}
