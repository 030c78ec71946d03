/**
 * Decides what kind of document a fetched body is from what it contains. Servers mislabel feeds all the
 * time (RSS as text/html, Atom as application/octet-stream, HTML error pages as application/rss+xml),
 * so the content type and file name only break ties the content leaves open.
 */

/** What a body turned out to be. */
export type DocumentFormat = 'rss' | 'rdf' | 'atom' | 'json-feed' | 'html' | 'markdown' | 'text';

/** Hints from the transport; used only when the content itself is ambiguous. */
export interface FormatHint {
  contentType?: string | null;
  fileName?: string | null;
}

/** The first element of an XML document, found after the prolog (declaration, PIs, comments, DOCTYPE). */
export interface XmlRoot {
  /** Qualified name as written, e.g. `rdf:RDF`. */
  name: string;
  /** Name without its prefix, e.g. `RDF`. */
  localName: string;
  /** The start tag's text (capped), enough to read namespace declarations from. */
  startTag: string;
  /** True when the prolog declared `<!DOCTYPE html>`. */
  htmlDoctype: boolean;
}

const JSON_FEED_VERSION = /^https?:\/\/jsonfeed\.org\/version\//;
/** Root elements that make a document HTML (a page, or a fragment without `<html>`). */
const HTML_ROOTS = new Set(
  'html head body meta link title script style div p span a table ul ol img br section article main header nav form h1 h2 h3 h4 h5 h6'.split(
    ' ',
  ),
);
/** Tags that make a non-XML document HTML when they appear near its start (e.g. after junk text). */
const HTML_SIGNS = /<(?:!doctype\s+html|html|head|body)\b/i;
const MAX_START_TAG = 8192;

/**
 * Classifies a decoded body.
 *
 * @example
 * detectFormat('<?xml version="1.0"?><rss version="2.0">…'); // 'rss'
 * detectFormat('# Notes\n\n- one\n- two', { fileName: 'notes.md' }); // 'markdown'
 */
export function detectFormat(text: string, hint: FormatHint = {}): DocumentFormat {
  const body = text.replace(/^\uFEFF/, '').trimStart();
  if (body.startsWith('{')) return isJsonFeed(body, hint) ? 'json-feed' : 'text';
  if (body.startsWith('<')) {
    const root = sniffXmlRoot(body);
    if (root) {
      if (root.htmlDoctype) return 'html';
      const local = root.localName;
      if (local === 'rss') return 'rss';
      if (local === 'RDF' || local === 'rdf') return 'rdf';
      if (local === 'feed') return 'atom';
      // Some other XML vocabulary (OPML, SVG, a SOAP fault): not a feed, and not a page either.
      return HTML_ROOTS.has(local.toLowerCase()) ? 'html' : 'text';
    }
  }
  if (HTML_SIGNS.test(body.slice(0, 65536))) return 'html';
  return looksLikeMarkdown(body, hint) ? 'markdown' : 'text';
}

/**
 * Finds the root element of an XML document, skipping the prolog. Returns null when the text does not
 * start like XML. Linear in the prolog's length.
 */
export function sniffXmlRoot(text: string): XmlRoot | null {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let htmlDoctype = false;
  for (;;) {
    while (i < text.length && /\s/.test(text.charAt(i))) i++;
    if (text.charAt(i) !== '<') return null;
    if (text.startsWith('<?', i)) {
      i = endOf(text, '?>', i);
    } else if (text.startsWith('<!--', i)) {
      i = endOf(text, '-->', i);
    } else if (/^<!doctype/i.test(text.slice(i, i + 9))) {
      htmlDoctype ||= /^<!doctype\s+html\b/i.test(text.slice(i, i + 20));
      i = endOfDoctype(text, i);
    } else {
      const match = /^<([A-Za-z_][\w.:-]*)/.exec(text.slice(i, i + 256));
      if (!match?.[1]) return null;
      const name = match[1];
      const close = text.indexOf('>', i);
      const startTag = text.slice(
        i,
        close === -1 ? i + MAX_START_TAG : Math.min(close + 1, i + MAX_START_TAG),
      );
      return { name, localName: name.slice(name.indexOf(':') + 1), startTag, htmlDoctype };
    }
    if (i < 0) return null;
  }
}

/** Index just past `terminator`, or -1 when it never comes. */
function endOf(text: string, terminator: string, from: number): number {
  const at = text.indexOf(terminator, from);
  return at === -1 ? -1 : at + terminator.length;
}

/** A DOCTYPE may carry an internal subset in brackets, whose declarations contain `>` themselves. */
function endOfDoctype(text: string, from: number): number {
  const gt = text.indexOf('>', from);
  const bracket = text.indexOf('[', from);
  if (bracket === -1 || (gt !== -1 && gt < bracket)) return gt === -1 ? -1 : gt + 1;
  const closing = /\]\s*>/g;
  closing.lastIndex = bracket;
  const match = closing.exec(text);
  return match ? match.index + match[0].length : -1;
}

function isJsonFeed(body: string, hint: FormatHint): boolean {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return false;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return false;
  const record = parsed as Record<string, unknown>;
  if (typeof record.version === 'string' && JSON_FEED_VERSION.test(record.version)) return true;
  // A feed that forgot its version string but is served as one and has the shape of one.
  return /application\/feed\+json/i.test(hint.contentType ?? '') && Array.isArray(record.items);
}

function looksLikeMarkdown(body: string, hint: FormatHint): boolean {
  const sample = body.slice(0, 20000);
  let score = 0;
  score += 2 * count(sample, /^#{1,6}[ \t]+\S/gm);
  score += count(sample, /^[ \t]*(?:[-*+]|\d+[.)])[ \t]+\S/gm) > 1 ? 1 : 0;
  // Neither part may contain a bracket or parenthesis, so a failed attempt stops at the next one.
  score += count(sample, /\[[^[\]\n]+\]\([^()[\]\s]+\)/g) > 0 ? 1 : 0;
  score += count(sample, /^```/gm) > 1 ? 2 : 0;
  score += count(sample, /\*\*[^*\n]+\*\*|__[^_\n]+__/g) > 0 ? 1 : 0;
  score += count(sample, /^>[ \t]/gm) > 0 ? 1 : 0;
  score += count(sample, /^\S.*\n(?:={3,}|-{3,})[ \t]*$/gm) > 0 ? 2 : 0;
  if (score >= 3) return true;
  const declared =
    /text\/(?:x-)?markdown/i.test(hint.contentType ?? '') ||
    /\.(?:md|markdown|mdown|mkd)$/i.test(hint.fileName ?? '');
  return declared;
}

function count(text: string, pattern: RegExp): number {
  let n = 0;
  for (const _ of text.matchAll(pattern)) if (++n >= 50) break;
  return n;
}
