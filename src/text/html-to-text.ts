/**
 * HTML to plain text in the article convention: one paragraph per block, paragraphs separated by a
 * blank line, whitespace inside a paragraph collapsed. Used for extracted article bodies and for feed
 * item content, so it must hold up against anything a publisher (or an attacker) sends.
 *
 * It is a single forward scan over the markup, not a DOM: every character is looked at a bounded
 * number of times, nothing recurses, and deep nesting or unclosed tags cost nothing extra. A block
 * boundary is the same break wherever it sits in the tree, so the scanner never needs the tree.
 */
import { decodeHTML } from 'entities';

/** Elements whose start or end begins a new paragraph. */
const BLOCK_ELEMENTS = new Set(
  (
    'address article aside blockquote body br caption center dd details dialog dir div dl dt fieldset ' +
    'figcaption figure footer form frameset h1 h2 h3 h4 h5 h6 header hgroup hr html legend li listing main ' +
    'menu nav ol p plaintext pre section summary table tbody tfoot thead tr ul'
  ).split(' '),
);

/** Table cells sit side by side: a space keeps their words apart without breaking the row. */
const CELL_ELEMENTS = new Set(['td', 'th']);

/** Elements whose content is raw text up to the matching end tag: never markup, never shown. */
const RAW_TEXT_ELEMENTS = new Set([
  'script',
  'style',
  'noscript',
  'textarea',
  'title',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
]);

/** Elements whose content is markup but not reading text (metadata, fallbacks, graphics, controls). */
const HIDDEN_ELEMENTS = new Set([
  'head',
  'template',
  'svg',
  'math',
  'select',
  'object',
  'video',
  'audio',
  'canvas',
]);

const END_TAG_FINDERS = new Map<string, RegExp>();

/**
 * Converts an HTML fragment or document to plain text: blocks (p, div, h1-h6, li, blockquote, pre,
 * br, tr, figure...) become paragraphs separated by one blank line, inline elements join their text,
 * character references are decoded, and script, style, noscript, head and other non-reading content
 * is dropped. Runs in linear time on any input, including unclosed tags and absurd nesting.
 *
 * @example
 * htmlToText('<p>Hello <b>world</b></p><ul><li>one</li><li>two</li></ul>');
 * // 'Hello world\n\none\n\ntwo'
 */
export function htmlToText(html: string): string {
  const paragraphs: string[] = [];
  let pieces: string[] = [];
  const flush = (): void => {
    if (pieces.length === 0) return;
    const paragraph = collapseWhitespace(pieces.join(''));
    pieces = [];
    if (paragraph) paragraphs.push(paragraph);
  };

  // While inside a hidden element, text is skipped until its end tag balances this depth.
  let hiddenName: string | null = null;
  let hiddenDepth = 0;
  let pos = 0;
  // Where the current run of text began: a '<' that starts no tag is text, and continues the run rather
  // than making a piece of its own (a page of "<<<<" is one piece, not one per character).
  let textStart = 0;
  const length = html.length;

  while (pos < length) {
    const lt = html.indexOf('<', pos);
    const tag = lt === -1 ? null : readTag(html, lt);
    if (tag?.kind === 'text') {
      pos = lt + 1;
      continue;
    }
    const textEnd = lt === -1 ? length : lt;
    if (textEnd > textStart && hiddenName === null) {
      pieces.push(decodeHtmlEntities(html.slice(textStart, textEnd)));
    }
    if (tag === null) break;
    pos = textStart = tag.end;
    if (tag.kind === 'cdata') {
      if (hiddenName === null) pieces.push(html.slice(lt + 9, Math.max(lt + 9, tag.end - 3)));
      continue;
    }
    if (tag.kind === 'comment') continue;

    const name = tag.name;
    if (tag.kind === 'start' && RAW_TEXT_ELEMENTS.has(name) && !tag.selfClosing) {
      pos = textStart = skipRawText(html, pos, name);
      continue;
    }
    if (hiddenName !== null) {
      if (name === hiddenName && !tag.selfClosing) hiddenDepth += tag.kind === 'start' ? 1 : -1;
      if (hiddenDepth === 0) hiddenName = null;
      continue;
    }
    if (tag.kind === 'start' && HIDDEN_ELEMENTS.has(name) && !tag.selfClosing) {
      hiddenName = name;
      hiddenDepth = 1;
      continue;
    }
    if (BLOCK_ELEMENTS.has(name)) flush();
    else if (CELL_ELEMENTS.has(name)) pieces.push(' ');
  }
  flush();
  return paragraphs.join('\n\n');
}

/** Elements that never have content, so they never deepen the tree. */
const VOID_ELEMENTS = new Set(
  'area base br col embed hr img input keygen link meta param source track wbr'.split(' '),
);

/** Elements a parser closes implicitly (the next sibling ends them), so they do not accumulate depth. */
const IMPLIED_END_ELEMENTS = new Set(
  'p li dt dd option optgroup tr td th thead tbody tfoot rp rt'.split(' '),
);

/** Size of a document as a DOM parser would build it, measured without building it. */
export interface HtmlMeasure {
  /** Number of start tags. */
  elements: number;
  /** Deepest nesting of open elements, counting unclosed ones as a parser would. */
  depth: number;
}

/**
 * Counts elements and nesting depth in one linear scan. DOM parsers and Readability slow down
 * quadratically with nesting depth, so callers check this before building a DOM from untrusted HTML.
 */
export function measureHtml(html: string): HtmlMeasure {
  const open: string[] = [];
  const openCounts = new Map<string, number>();
  let elements = 0;
  let depth = 0;
  let pos = 0;
  while (pos < html.length) {
    const lt = html.indexOf('<', pos);
    if (lt === -1) break;
    const tag = readTag(html, lt);
    if (tag.kind === 'text') {
      pos = lt + 1;
      continue;
    }
    pos = tag.end;
    if (tag.kind !== 'start' && tag.kind !== 'end') continue;
    const name = tag.name;
    if (tag.kind === 'start') {
      elements++;
      if (RAW_TEXT_ELEMENTS.has(name) && !tag.selfClosing) pos = skipRawText(html, pos, name);
      if (tag.selfClosing || VOID_ELEMENTS.has(name) || IMPLIED_END_ELEMENTS.has(name)) continue;
      if (RAW_TEXT_ELEMENTS.has(name)) continue;
      open.push(name);
      openCounts.set(name, (openCounts.get(name) ?? 0) + 1);
      if (open.length > depth) depth = open.length;
    } else if ((openCounts.get(name) ?? 0) > 0) {
      // An end tag closes everything opened inside its element, as in the parser's stack of open elements.
      for (;;) {
        const top = open.pop();
        if (top === undefined) break;
        openCounts.set(top, (openCounts.get(top) ?? 1) - 1);
        if (top === name) break;
      }
    }
  }
  return { elements, depth };
}

type Tag =
  | { kind: 'start' | 'end'; name: string; selfClosing: boolean; end: number }
  | { kind: 'comment'; end: number }
  | { kind: 'cdata'; end: number }
  | { kind: 'text' };

/** Reads the markup starting at `lt` (a '<'), following the HTML tokenizer where it matters. */
function readTag(html: string, lt: number): Tag {
  const next = html.charCodeAt(lt + 1);
  if (next === 33 /* ! */) {
    if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4);
      // '<!-->' and '<!--->' are complete (empty) comments in HTML.
      if (html.startsWith('>', lt + 4)) return { kind: 'comment', end: lt + 5 };
      if (html.startsWith('->', lt + 4)) return { kind: 'comment', end: lt + 6 };
      return { kind: 'comment', end: close === -1 ? html.length : close + 3 };
    }
    // Feeds sometimes leave CDATA sections inside HTML content; their text is meant to be shown.
    if (html.startsWith('<![CDATA[', lt)) {
      const close = html.indexOf(']]>', lt + 9);
      return { kind: 'cdata', end: close === -1 ? html.length : close + 3 };
    }
    return bogusComment(html, lt);
  }
  if (next === 63 /* ? */) return bogusComment(html, lt);
  const isEnd = next === 47; /* / */
  const nameStart = isEnd ? lt + 2 : lt + 1;
  if (!isAsciiLetter(html.charCodeAt(nameStart))) {
    if (!isEnd) return { kind: 'text' };
    // '</>' is dropped; '</ x>' and friends are bogus comments.
    return html.charCodeAt(nameStart) === 62
      ? { kind: 'comment', end: nameStart + 1 }
      : bogusComment(html, lt);
  }
  let i = nameStart;
  while (i < html.length && !isTagNameEnd(html.charCodeAt(i))) i++;
  const name = html.slice(nameStart, i).toLowerCase();
  const { end, selfClosing } = skipAttributes(html, i);
  return { kind: isEnd ? 'end' : 'start', name, selfClosing, end };
}

function bogusComment(html: string, lt: number): Tag {
  const close = html.indexOf('>', lt + 2);
  return { kind: 'comment', end: close === -1 ? html.length : close + 1 };
}

/** Skips a tag's attributes; quotes only count inside attribute values, as in the HTML tokenizer. */
function skipAttributes(html: string, from: number): { end: number; selfClosing: boolean } {
  const length = html.length;
  let i = from;
  while (i < length) {
    const c = html.charCodeAt(i);
    if (c === 62 /* > */) return { end: i + 1, selfClosing: html.charCodeAt(i - 1) === 47 };
    if (c !== 61 /* = */) {
      i++;
      continue;
    }
    i++;
    while (i < length && isSpace(html.charCodeAt(i))) i++;
    const quote = html.charCodeAt(i);
    if (quote === 34 || quote === 39) {
      const close = html.indexOf(quote === 34 ? '"' : "'", i + 1);
      if (close === -1) return { end: length, selfClosing: false };
      i = close + 1;
    }
  }
  // A tag cut off by the end of input is dropped, as browsers do.
  return { end: length, selfClosing: false };
}

/** Returns the position after the end tag that closes a raw text element, or the end of input. */
function skipRawText(html: string, from: number, name: string): number {
  let finder = END_TAG_FINDERS.get(name);
  if (!finder) {
    finder = new RegExp(`</${name}[\\s/>]`, 'gi');
    END_TAG_FINDERS.set(name, finder);
  }
  finder.lastIndex = from;
  const match = finder.exec(html);
  if (!match) return html.length;
  const close = html.indexOf('>', match.index);
  return close === -1 ? html.length : close + 1;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 12 || c === 13;
}

function isTagNameEnd(c: number): boolean {
  return isSpace(c) || c === 47 || c === 62;
}

/**
 * Collapses runs of whitespace (including no-break and other Unicode spaces) and drops soft hyphens.
 * One scan that copies only around what changes: ordinary text with single spaces comes back as it
 * was, and a long text costs no more per character than a short one.
 */
export function collapseWhitespace(text: string): string {
  let out = '';
  let copied = 0;
  const length = text.length;
  for (let i = 0; i < length;) {
    const c = text.charCodeAt(i);
    if (c !== SOFT_HYPHEN && !isWhiteSpace(c)) {
      i++;
      continue;
    }
    // A run of whitespace and soft hyphens: one space if it holds any whitespace, else nothing.
    let end = i;
    let white = false;
    for (; end < length; end++) {
      const d = text.charCodeAt(end);
      if (d === SOFT_HYPHEN) continue;
      if (!isWhiteSpace(d)) break;
      white = true;
    }
    if (!(white && end === i + 1 && c === 32)) {
      out += text.slice(copied, i) + (white ? ' ' : '');
      copied = end;
    }
    i = end;
  }
  return (copied === 0 ? text : out + text.slice(copied)).trim();
}

const SOFT_HYPHEN = 0xad;

/** The characters `\s` matches (and `trim` removes). */
function isWhiteSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * Decodes HTML character references (`&amp;`, `&eacute;`, `&#8217;`, `&#x1F600;`) in text, by the HTML
 * standard's complete table (the `entities` package): legacy names without a semicolon (`&copy 2020`)
 * are decoded as browsers do, unknown names stay as written, and invalid code points become U+FFFD.
 */
export function decodeHtmlEntities(text: string): string {
  return text.indexOf('&') === -1 ? text : decodeHTML(text);
}
