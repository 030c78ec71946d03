/**
 * What one quote mark is doing where it stands: opening a quotation, closing one, or something
 * else (an apostrophe, a stray mark). Decided from the characters around the mark only, so that
 * every mark is looked at once. The single marks carry most of the difficulty: in British copy
 * ' and ’ open and close quotations, and the same characters are apostrophes in it's, O'Neill,
 * the '90s, rock 'n' roll and students' fees.
 */
import { isSpaceCode } from './paragraphs.js';

/** Which family a mark belongs to: marks only pair within their family. */
export type MarkFamily = 'double' | 'single' | 'guillemet';

/**
 * How a mark reads: `open` and `close` by shape, `either` when its shape allows both (a straight
 * double mark between spaces), `apostrophe` inside or at the edge of a word, `possessive` for the
 * ambiguous s' (a plural possessive or a quotation closing after a word in s), `none` otherwise.
 */
export type MarkRole = 'open' | 'close' | 'either' | 'apostrophe' | 'possessive' | 'none';

/** Punctuation a quotation may open after: "(“", "—‘", ":'". */
const OPENING_PUNCT = '([{—–-/:';
/** Punctuation a quotation may close before: "’,", "”)", "’…". */
const CLOSING_PUNCT = ',.;:!?)]}—–-…';
/** Short words English writes with a leading apostrophe: 'em, 'til, 'n' (rock 'n' roll). */
const ELISIONS = new Set(['em', 'n', 'til', 'cause', 'cos', 'tis', 'twas', 'bout', 'round', 'kay', 'im']);

/** True for the code of any quote mark (called for every character, so kept to comparisons). */
export function isMarkCode(c: number): boolean {
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

/** The family of a mark character. */
export function markFamily(ch: string): MarkFamily {
  if (ch === '«' || ch === '»') return 'guillemet';
  if (ch === "'" || ch === '‘' || ch === '’' || ch === '‚' || ch === '‛' || ch === '‹' || ch === '›')
    return 'single';
  return 'double';
}

/** True for a letter or digit (any script). */
export function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

function isLower(ch: string | undefined): boolean {
  return ch !== undefined && /\p{Ll}/u.test(ch);
}

/** True when any quote mark is at `i`. */
function isMarkAt(text: string, i: number): boolean {
  return isMarkCode(text.charCodeAt(i));
}

/** Reads marks within one paragraph [start, end). */
export class MarkReader {
  constructor(
    private readonly text: string,
    private readonly start: number,
    private readonly end: number,
  ) {}

  /**
   * True when nothing word-like touches `i` on the left: the paragraph's start, a space, opening
   * punctuation, or another mark that itself opens ("“‘Hello").
   */
  boundaryBefore(i: number, depth = 0): boolean {
    if (i <= this.start) return true;
    const prev = this.text[i - 1]!;
    if (isSpaceCode(prev.charCodeAt(0)) || OPENING_PUNCT.includes(prev)) return true;
    return depth < 2 && isMarkAt(this.text, i - 1) && this.boundaryBefore(i - 1, depth + 1);
  }

  /**
   * True when nothing word-like touches `i` on the right: the paragraph's end, a space, closing
   * punctuation, or another mark that itself closes ("no’”").
   */
  boundaryAfter(i: number, depth = 0): boolean {
    if (i + 1 >= this.end) return true;
    const next = this.text[i + 1]!;
    if (isSpaceCode(next.charCodeAt(0)) || CLOSING_PUNCT.includes(next)) return true;
    return depth < 2 && isMarkAt(this.text, i + 1) && this.boundaryAfter(i + 1, depth + 1);
  }

  /** The role of the mark at `i`. */
  role(i: number): MarkRole {
    const ch = this.text[i]!;
    const family = markFamily(ch);
    if (family === 'single') return this.singleRole(i, ch);
    if (ch === '„' || ch === '«') return 'open';
    if (ch === '»') return this.text[i + 1] !== undefined && isWordChar(this.text[i + 1]) ? 'open' : 'close';
    if (ch === '”') return 'close';
    // A curly opening mark with a space after it can only be a closing mark typed wrongly.
    if (ch === '“' || ch === '‟') return this.spaceOrStopAfter(i) ? 'close' : 'open';
    const before = this.boundaryBefore(i);
    const after = this.boundaryAfter(i);
    if (before && !after) return 'open';
    if (!before && after) return 'close';
    return 'either';
  }

  private spaceOrStopAfter(i: number): boolean {
    if (i + 1 >= this.end) return true;
    const next = this.text[i + 1]!;
    return isSpaceCode(next.charCodeAt(0)) || CLOSING_PUNCT.includes(next);
  }

  private singleRole(i: number, ch: string): MarkRole {
    if (ch === '‹') return 'open';
    if (ch === '›') return 'close';
    const prev = i > this.start ? this.text[i - 1] : undefined;
    const next = i + 1 < this.end ? this.text[i + 1] : undefined;
    // it's, O'Neill, don’t: a mark between two letters is part of the word.
    if (isWordChar(prev) && isWordChar(next)) return 'apostrophe';
    const before = this.boundaryBefore(i);
    const after = this.boundaryAfter(i);
    if (before && !after) {
      // '[Rojo] and his people…', '(It) gives you…': a bracket may open the quoted words.
      const first = next === '[' || next === '(' ? this.text[i + 2] : next;
      if (!isWordChar(first)) return 'none';
      return this.elided(i + 1) ? 'apostrophe' : 'open';
    }
    if (!before && after) {
      // students' fees, the Joneses' house, but also 'a game for all the boys' (a quotation).
      if ((prev === 's' || prev === 'S') && !this.punctuationFollows(i)) return 'possessive';
      return 'close';
    }
    return 'none';
  }

  /** True when closing punctuation follows the mark, which a possessive never has before a noun. */
  private punctuationFollows(i: number): boolean {
    const next = this.text[i + 1];
    return next === undefined || i + 1 >= this.end || (CLOSING_PUNCT.includes(next) && next !== '-');
  }

  /** True for the word after a leading apostrophe that English elides: '90s, '08, 'em, 'til, rock 'n'. */
  private elided(from: number): boolean {
    const { text } = this;
    let j = from;
    while (j < this.end && j < from + 8 && isWordChar(text[j])) j++;
    const word = text.slice(from, j);
    if (/^\d\d(s|th)?$/.test(word)) return true;
    if (!ELISIONS.has(word)) return false;
    // 'Cause capitalised opens a quotation more often than it elides.
    return isLower(word[0]) && (j >= this.end || !isWordChar(text[j]));
  }
}
