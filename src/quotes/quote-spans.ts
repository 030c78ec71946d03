/**
 * Finds quoted stretches of text from their quote marks, in one left-to-right pass per paragraph,
 * for every common convention: “…” "…" ‘…’ '…' « … » »…« „…“ ‹…›, one quotation nested in another,
 * a quotation running over several paragraphs (each reopened, closed only at the last), and the
 * same when the paragraphs were run together into one line (feeds and scraped pages do that):
 * there a new opening mark after a finished sentence, inside a quotation still open, starts the
 * next paragraph of it.
 *
 * News text arrives damaged (machine translation, bad encodings, copy-paste), so the pairing is
 * forgiving: a curly opening mark followed by a space acts as a closing one, a closing mark glued
 * to the next word still closes, and a quotation whose opening mark is lost is recovered when a
 * closing mark and an attribution ("..., ”said Pompeo") survive. Every mark is read once, and the
 * few look-aheads are bounded, so the cost stays linear in the text's length.
 */
import { REPORTING_VERBS } from './lexicon.js';
import { isSpaceCode, type Paragraph } from './paragraphs.js';
import { isMarkCode, isWordChar, markFamily, MarkReader, type MarkFamily } from './quote-marks.js';

/** A stretch of quoted words, before deciding whether it is speech. */
export interface QuoteSpan {
  /** First quoted character (after the opening mark and any spaces). */
  start: number;
  /** Just past the last quoted character (before the closing mark and any spaces). */
  end: number;
  /** Offset of the opening mark, or -1 when the text lost it. */
  open: number;
  /** Offset of the closing mark, or -1 when the quotation runs on without one. */
  close: number;
  /** Index of the paragraph the span lies in. */
  paragraph: number;
  /**
   * True when the span continues the quotation before it: it reopens, at a new paragraph (or
   * where run-together paragraphs met), a quotation left without its closing mark.
   */
  continued: boolean;
}

interface OpenMark {
  family: MarkFamily;
  at: number;
  /** For guillemets: the mark that closes this one (» or «). */
  closer: string;
  /** True when it reopens a quotation left open (see QuoteSpan.continued). */
  continued: boolean;
}

const SENTENCE_END = '.!?…';
/** Most quotations open at once: deeper nesting in real text is a sign of stray marks. */
const MAX_DEPTH = 4;
/** How far ahead a mark may look for its partner when its own shape cannot tell. */
const LOOKAHEAD = 300;

/** Finds every quoted span in the text, paragraph by paragraph. */
export function findQuoteSpans(text: string, paragraphs: readonly Paragraph[]): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let carried = false;
  for (let p = 0; p < paragraphs.length; p++) {
    carried = new ParagraphScanner(text, paragraphs[p]!, p, spans, carried, paragraphs[p + 1]).run();
  }
  return spans;
}

/** Pairs the marks of one paragraph. Kept as a class so the pairing state reads as fields. */
class ParagraphScanner {
  private readonly marks: MarkReader;
  private readonly stack: OpenMark[] = [];
  /** End of the last closed quotation: recovery of a lost opening mark never reaches behind it. */
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
    this.marks = new MarkReader(text, para.start, para.end);
  }

  /** Scans the paragraph; returns true when its last quotation continues into the next one. */
  run(): boolean {
    const { text } = this;
    for (let i = this.para.start; i < this.para.end; i++) {
      if (!isMarkCode(text.charCodeAt(i))) continue;
      const ch = text[i]!;
      const family = markFamily(ch);
      if (family === 'double') this.onDouble(i);
      else if (family === 'guillemet') this.onGuillemet(i, ch);
      else this.onSingle(i);
    }
    return this.finish();
  }

  private lastOf(family: MarkFamily): number {
    for (let k = this.stack.length - 1; k >= 0; k--) if (this.stack[k]!.family === family) return k;
    return -1;
  }

  private onDouble(i: number): void {
    const role = this.marks.role(i);
    if (role === 'apostrophe' || role === 'none') return;
    const open = this.lastOf('double');
    if (open === -1) {
      if (role === 'close') {
        if (this.stack.length === 0) this.recover(i);
        return;
      }
      this.push(i, 'double', '');
      return;
    }
    if (role !== 'open') return this.closeAt(open, i);
    if (open > 0) {
      // A nested double quotation never closed: drop it and open the new one in its place.
      this.stack.length = open;
      this.push(i, 'double', '');
      return;
    }
    this.reopen(i, 'double', '');
  }

  private onGuillemet(i: number, ch: string): void {
    const open = this.lastOf('guillemet');
    if (open !== -1 && this.stack[open]!.closer === ch) return this.closeAt(open, i);
    const role = this.marks.role(i);
    if (role !== 'open') {
      if (open === -1 && this.stack.length === 0) this.recover(i);
      return;
    }
    const closer = ch === '«' ? '»' : '«';
    if (open === 0) this.reopen(i, 'guillemet', closer);
    else this.push(i, 'guillemet', closer);
  }

  private onSingle(i: number): void {
    const role = this.marks.role(i);
    if (role === 'open') return this.openSingle(i);
    if (role !== 'close' && role !== 'possessive') return;
    const open = this.lastOf('single');
    if (open === -1) return;
    if (role === 'possessive' && !this.possessiveCloses(i)) return;
    this.closeAt(open, i);
  }

  private openSingle(i: number): void {
    const top = this.stack[this.stack.length - 1];
    if (top === undefined || top.family !== 'single') {
      this.push(i, 'single', '');
      return;
    }
    if (this.stack[0]!.family !== 'single') {
      // Inside a double quotation, a second single opening mark means the first was no quotation.
      this.stack[this.stack.length - 1] = { family: 'single', at: i, closer: '', continued: false };
      return;
    }
    if (!this.afterSentenceEnd(i) && this.looksNested(i)) {
      this.push(i, 'single', '');
      return;
    }
    this.stack.length = 1;
    this.reopen(i, 'single', '');
  }

  /**
   * A single opening mark inside a single quotation: a quotation within it ('the 'stem cell
   * stimulator' is…') when it starts in lowercase or closes before its sentence ends; otherwise
   * the next paragraph of the quotation, with a caption or a headline run in before it.
   */
  private looksNested(i: number): boolean {
    const { text } = this;
    if (i + 1 < this.para.end && /\p{Ll}/u.test(text[i + 1]!)) return true;
    const limit = Math.min(this.para.end, i + LOOKAHEAD);
    for (let j = i + 1; j < limit; j++) {
      const ch = text[j]!;
      if (SENTENCE_END.includes(ch) && (j + 1 >= limit || isSpaceCode(text.charCodeAt(j + 1)))) return false;
      if (isMarkCode(text.charCodeAt(j)) && markFamily(ch) === 'single') {
        const role = this.marks.role(j);
        if (role === 'close' || role === 'possessive') return true;
        if (role === 'open') return false;
      }
    }
    return false;
  }

  /**
   * An s' inside a single quotation closes it ('a game for the boys' and…) unless another closing
   * mark follows before the next opening one (the players' union …,' he said), or the next opening
   * mark starts a new paragraph of the same quotation (…the bankers' bonus tax. 'It doesn't…).
   */
  private possessiveCloses(i: number): boolean {
    const { text } = this;
    const limit = Math.min(this.para.end, i + LOOKAHEAD);
    for (let j = i + 1; j < limit; j++) {
      if (!isMarkCode(text.charCodeAt(j)) || markFamily(text[j]!) !== 'single') continue;
      const role = this.marks.role(j);
      if (role === 'close') return false;
      if (role === 'open') return !this.afterSentenceEnd(j);
    }
    return true;
  }

  /** True when only spaces and closing brackets stand between a sentence's end and `i`. */
  private afterSentenceEnd(i: number): boolean {
    let j = i - 1;
    while (j >= this.para.start && (isSpaceCode(this.text.charCodeAt(j)) || ')]'.includes(this.text[j]!)))
      j--;
    return j >= this.para.start && SENTENCE_END.includes(this.text[j]!);
  }

  private push(i: number, family: MarkFamily, closer: string): void {
    if (this.stack.length >= MAX_DEPTH) return;
    const continued = this.stack.length === 0 && this.carried && i === this.para.start;
    this.stack.push({ family, at: i, closer, continued });
  }

  /** Closes the quotation at stack depth `k` with the mark at `i`; only the outermost is kept. */
  private closeAt(k: number, i: number): void {
    if (k > 0) {
      this.stack.length = k;
      return;
    }
    const open = this.stack[0]!;
    this.emit(open.at + 1, i, open.at, i, open.continued);
    this.stack.length = 0;
    this.floor = i + 1;
  }

  /**
   * A new outermost opening mark arrived while the outermost quotation was still open. The open
   * one keeps what it holds up to its last finished sentence (its closing mark was lost, or it
   * goes on in this new paragraph of the same quotation), and the new one continues it when a
   * sentence had ended there; a quotation with no finished sentence was a stray mark.
   */
  private reopen(i: number, family: MarkFamily, closer: string): void {
    const open = this.stack[0]!;
    let end = i;
    while (end > open.at + 1 && !SENTENCE_END.includes(this.text[end - 1]!)) end--;
    const finished = end > open.at + 1;
    if (finished) this.emit(open.at + 1, end, open.at, -1, open.continued);
    this.stack.length = 0;
    this.floor = finished ? end : this.floor;
    // Words ending in a colon or comma before the new mark introduce a new quotation ("He added:
    // '…"); anything else there (a caption, a headline) sits between two paragraphs of one.
    this.stack.push({ family, at: i, closer, continued: finished && !this.introduced(i) });
  }

  /** True when a colon or comma stands right before `i` (spaces aside). */
  private introduced(i: number): boolean {
    let j = i - 1;
    while (j >= this.para.start && isSpaceCode(this.text.charCodeAt(j))) j--;
    return j >= this.para.start && (this.text[j] === ':' || this.text[j] === ',');
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
    const open = this.stack[0];
    if (open === undefined) return false;
    const next = this.next;
    const first = next === undefined ? undefined : this.text[next.start];
    const continues =
      first !== undefined &&
      markFamily(first) === open.family &&
      isMarkCode(first.charCodeAt(0)) &&
      isWordChar(this.text[next!.start + 1]);
    if (continues || this.atSentenceStart(open.at)) {
      let end = this.para.end;
      if (open.family === 'single' && !continues) {
        // An unclosed single mark is as often an apostrophe: keep only finished sentences.
        while (end > open.at + 1 && !SENTENCE_END.includes(this.text[end - 1]!)) end--;
        if (countWords(this.text, open.at + 1, end) < 3) return false;
      }
      this.emit(open.at + 1, end, open.at, -1, open.continued);
    }
    return continues;
  }

  /** True when nothing but whitespace, a closing mark or sentence punctuation precedes `i`. */
  private atSentenceStart(i: number): boolean {
    let j = i - 1;
    while (j >= this.para.start && isSpaceCode(this.text.charCodeAt(j))) j--;
    if (j < this.para.start) return true;
    const prev = this.text[j]!;
    return SENTENCE_END.includes(prev) || prev === ':' || prev === '—' || isMarkCode(prev.charCodeAt(0));
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
    if ('.!?'.includes(ch) && j < text.length && isSpaceCode(text.charCodeAt(j))) {
      let k = j;
      while (k < from && isSpaceCode(text.charCodeAt(k))) k++;
      if (/\p{Lu}/u.test(text[k] ?? '') && !endsWithAbbreviation(text, j - 1)) return k;
    }
    j--;
  }
  while (j < from && (isSpaceCode(text.charCodeAt(j)) || isMarkCode(text.charCodeAt(j)))) j++;
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
