/**
 * Markdown to plain text in the article convention (paragraphs separated by a blank line). The
 * reader wants the words, not the markup: links keep their text, images and emphasis markers go,
 * headings, list items and table rows each become a paragraph of their own. A line-by-line pass
 * with bounded patterns, so hostile input cannot make it backtrack.
 */
import { collapseWhitespace, decodeHtmlEntities, htmlToText } from '../text/html-to-text.js';

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX_HEADING = /^ {0,3}#{1,6}(?:[ \t]+|$)/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
const THEMATIC_BREAK = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const LIST_ITEM = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?/;
const BLOCKQUOTE = /^(?: {0,3}>[ \t]?)+/;
const LINK_DEFINITION = /^ {0,3}\[[^\]\n]{1,500}\]:[ \t]*\S/;
const INDENTED_CODE = /^(?: {4}|\t)/;

/**
 * Converts a Markdown document body (front matter already removed) to plain text.
 *
 * @example
 * markdownToText('# Title\n\nSome *emphasis* and a [link](http://x).\n\n- one\n- two');
 * // 'Title\n\nSome emphasis and a link.\n\none\n\ntwo'
 */
export function markdownToText(markdown: string): string {
  const paragraphs: string[] = [];
  let current: string[] = [];
  const flush = (): void => {
    if (current.length === 0) return;
    const text = inlineToText(current.join(' '));
    current = [];
    if (text) paragraphs.push(text);
  };

  let fence: string | null = null;
  let previousBlank = true;
  let inList = false;
  for (const rawLine of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    if (fence !== null) {
      // Code stays as text (it may be what the article quotes), one paragraph per block.
      if (rawLine.trim().startsWith(fence)) {
        fence = null;
        flush();
      } else {
        current.push(rawLine);
      }
      continue;
    }
    const line = rawLine.replace(BLOCKQUOTE, '');
    const fenceMatch = FENCE.exec(line);
    if (fenceMatch?.[1]) {
      flush();
      fence = fenceMatch[1];
      continue;
    }
    if (!line.trim()) {
      flush();
      previousBlank = true;
      continue;
    }
    if (THEMATIC_BREAK.test(line) || isTableDelimiter(line) || LINK_DEFINITION.test(line)) {
      flush();
      inList = false;
      previousBlank = false;
      continue;
    }
    if (SETEXT_UNDERLINE.test(line) && !previousBlank && current.length > 0) {
      // The lines above were a heading: they form their own paragraph.
      flush();
      continue;
    }
    if (ATX_HEADING.test(line)) {
      flush();
      current.push(withoutClosingHashes(line.replace(ATX_HEADING, '')));
      flush();
      inList = false;
    } else if (LIST_ITEM.test(line)) {
      flush();
      current.push(line.replace(LIST_ITEM, ''));
      inList = true;
    } else if (line.trimStart().startsWith('|')) {
      flush();
      // split/join rather than a global replace: V8 handles a million matches far better this way.
      current.push(line.split('|').join(' '));
      flush();
    } else if (INDENTED_CODE.test(line) && previousBlank && !inList) {
      flush();
      current.push(line);
    } else {
      // A continuation line: part of the paragraph or list item above.
      current.push(line);
    }
    previousBlank = false;
  }
  flush();
  return paragraphs.join('\n\n');
}

/**
 * A table's delimiter row (`| --- | :--: |`): at least two cells of dashes with optional colons,
 * separated by pipes, with optional pipes at the ends. Read by hand in one pass; as a regular
 * expression it backtracks over every cell of a long row that turns out not to be one.
 */
function isTableDelimiter(line: string): boolean {
  const isBlank = (at: number) => line.charCodeAt(at) === 32 || line.charCodeAt(at) === 9;
  let start = 0;
  let end = line.length;
  while (start < end && isBlank(start)) start++;
  while (end > start && isBlank(end - 1)) end--;
  if (line.charCodeAt(start) === 124 /* | */) start++;
  if (end > start && line.charCodeAt(end - 1) === 124) end--;
  let cells = 0;
  let at = start;
  for (;;) {
    while (at < end && isBlank(at)) at++;
    if (line.charCodeAt(at) === 58 /* : */) at++;
    const dashes = at;
    while (at < end && line.charCodeAt(at) === 45 /* - */) at++;
    if (at === dashes) return false;
    if (at < end && line.charCodeAt(at) === 58) at++;
    while (at < end && isBlank(at)) at++;
    cells++;
    if (at === end) return cells >= 2;
    if (line.charCodeAt(at) !== 124) return false;
    at++;
  }
}

/**
 * A heading's optional closing run of `#` (`## Title ##`), with the spaces around it. Scanned from the
 * end by hand: the obvious `/[ \t]+#+[ \t]*$/` retries every space of a long run, which is quadratic.
 */
function withoutClosingHashes(text: string): string {
  const isBlank = (at: number) => text.charCodeAt(at) === 32 || text.charCodeAt(at) === 9;
  let end = text.length;
  while (end > 0 && isBlank(end - 1)) end--;
  let hashes = end;
  while (hashes > 0 && text.charCodeAt(hashes - 1) === 35 /* # */) hashes--;
  if (hashes === end || hashes === 0 || !isBlank(hashes - 1)) return text;
  while (hashes > 0 && isBlank(hashes - 1)) hashes--;
  return text.slice(0, hashes);
}

// Bracketed text may not contain brackets and targets may not contain parentheses or spaces, so each
// match attempt stops at the next delimiter and the patterns stay linear on hostile input.
const IMAGE = /!\[[^[\]\n]{0,500}\](?:\([^()\s]{0,2000}(?:\s+"[^"\n]{0,300}")?\)|\[[^[\]\n]{0,500}\])/g;
const INLINE_LINK = /\[([^[\]\n]{0,500})\]\([^()\s]{0,2000}(?:\s+"[^"\n]{0,300}")?\)/g;
const REFERENCE_LINK = /\[([^[\]\n]{1,500})\]\[[^[\]\n]{0,500}\]/g;
const AUTOLINK = /<((?:https?|mailto|ftp):[^<>\s]{1,2000})>/gi;
const INLINE_HTML = /<\/?[a-z][^<>]{0,2000}>/i;
const ESCAPE = /\\([\\`*_{}[\]()#+\-.!|~<>])/g;
// Escaped characters are parked in the Private Use Area while emphasis is removed, then restored.
const PARKED = /[\ue000-\ue07f]/g;

/** Removes inline Markdown from one paragraph: images, link targets, code spans, emphasis, escapes. */
function inlineToText(text: string): string {
  let out = text
    .replace(/[\ue000-\ue07f]/g, '')
    .replace(ESCAPE, (_, char: string) => String.fromCharCode(0xe000 + char.charCodeAt(0)))
    .replace(IMAGE, '')
    .replace(INLINE_LINK, '$1')
    .replace(REFERENCE_LINK, '$1')
    .replace(AUTOLINK, '$1')
    .split('`')
    .join('');
  // Inline HTML (a <br>, a <sup>) is common in Markdown; flatten it the same way as HTML bodies.
  if (INLINE_HTML.test(out)) out = htmlToText(out);
  out = removeEmphasisMarkers(out).replace(PARKED, (char) =>
    String.fromCharCode(char.charCodeAt(0) - 0xe000),
  );
  return collapseWhitespace(decodeHtmlEntities(out));
}

/**
 * Drops `*`, `_` and `~~` runs that open or close emphasis (CommonMark's "flanking" rule: touching
 * a word on one side), and keeps the ones that are text: `5 * 3`, `snake_case`, `a ~~ b`.
 */
function removeEmphasisMarkers(text: string): string {
  return text.replace(/\*+|_+|~~+/g, (run: string, offset: number) => {
    const before = text.charAt(offset - 1);
    const after = text.charAt(offset + run.length);
    const leftFlanking =
      !isSpace(after) && (!isPunctuation(after) || isSpace(before) || isPunctuation(before));
    const rightFlanking =
      !isSpace(before) && (!isPunctuation(before) || isSpace(after) || isPunctuation(after));
    // Underscores inside a word are part of it, not emphasis.
    if (run.startsWith('_') && leftFlanking && rightFlanking) return run;
    return leftFlanking || rightFlanking ? '' : run;
  });
}

function isSpace(char: string): boolean {
  return char === '' || /\s/.test(char);
}

function isPunctuation(char: string): boolean {
  return /[\p{P}\p{S}]/u.test(char);
}
