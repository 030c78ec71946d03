/**
 * Article extraction from a web page: Mozilla Readability (the reader view of Firefox) finds the
 * article body and drops navigation, ads, sidebars and comments; the page's own metadata (Open Graph,
 * JSON-LD, `<meta>`, `<time>`) fills in what Readability leaves out. The DOM comes from linkedom,
 * which needs a little help to look like a browser document (see `buildDocument`).
 */
import { createRequire } from 'node:module';
import type * as ReadabilityModule from '@mozilla/readability';
import type * as Linkedom from 'linkedom';
import { collapseWhitespace, decodeHtmlEntities, htmlToText, measureHtml } from '../text/html-to-text.js';
import { removePageFurniture } from '../text/page-furniture.js';
import { safeImageUrl } from '../articles/image-url.js';
import { problem, type SourceProblem } from './source-problem.js';

const require = createRequire(import.meta.url);

/**
 * linkedom and Readability, loaded on the first page read rather than at start: linkedom alone
 * takes about 0.3 s to load, which a bot that only reads feeds would pay at every start before its
 * first answer. Its CommonJS build loads synchronously, so extraction stays a plain function call.
 */
let libraries: {
  parseHTML: typeof Linkedom.parseHTML;
  Readability: typeof ReadabilityModule.Readability;
} | null = null;
function domLibraries(): NonNullable<typeof libraries> {
  return (libraries ??= {
    parseHTML: (require('linkedom') as typeof Linkedom).parseHTML,
    Readability: (require('@mozilla/readability') as typeof ReadabilityModule).Readability,
  });
}

/** What `extractPage` found on a page. */
export interface ExtractedPage {
  title: string;
  /** Author line without a leading "By", or null when the page does not say. */
  byline: string | null;
  /** ISO 8601: a UTC timestamp, or a bare date when the page gives only a date. */
  published: string | null;
  siteName: string | null;
  /** Language tag of the page (`en-GB`), when declared. */
  lang: string | null;
  /** The page's description, or the article's first paragraph. */
  excerpt: string | null;
  /** Article text: paragraphs separated by a blank line. */
  text: string;
  /** The cleaned article HTML, with relative links and image sources made absolute. */
  html: string;
  /** The page's lead image (`og:image`, `twitter:image`), absolute http(s), or null. */
  image: string | null;
}

/** Why a page yielded no article. */
export type PageExtractionFailure = 'no-article' | 'too-large' | 'too-complex';

/** Thrown when a page has no extractable article; `message` says what to do instead. */
export class PageExtractionError extends Error {
  override readonly name = 'PageExtractionError';

  constructor(
    message: string,
    readonly url: string,
    readonly reason: PageExtractionFailure,
    /** The same as data, for a chat to word in its language (see source-problem.ts). */
    readonly problem?: SourceProblem,
  ) {
    super(message);
  }
}

/** Bounds that keep one hostile page from stalling the bot; real news pages sit far below them. */
export interface PageLimits {
  /** Largest page accepted, in characters. */
  maxChars: number;
  /** Most elements accepted: Readability's cost grows faster than linearly with them. */
  maxElements: number;
  /** Deepest nesting accepted: DOM building and Readability are quadratic in depth. */
  maxDepth: number;
}

const DEFAULT_LIMITS: PageLimits = { maxChars: 8_000_000, maxElements: 40_000, maxDepth: 400 };

/** Shorter than this, what Readability found is a stub, a paywall notice or a JavaScript shell. */
const MIN_ARTICLE_CHARS = 200;
/** Above this share of text inside links, the "article" is a list of links (a home or section page). */
const MAX_LINK_DENSITY = 0.5;

/**
 * Extracts the article from an HTML page: its text without navigation, ads or comments, plus title,
 * byline, publication time, site name, language and excerpt.
 *
 * @param html - the page as served (already decoded to a string)
 * @param url - the page's address, used to resolve relative links
 * @throws PageExtractionError when there is no article, or the page is too large or too deeply nested
 *
 * @example
 * const page = extractPage(await response.text(), response.url);
 * console.log(page.title, page.published, page.text.split('\n\n').length);
 */
export function extractPage(html: string, url: string, limits: PageLimits = DEFAULT_LIMITS): ExtractedPage {
  checkSize(html, url, limits);
  const document = buildDocument(html, url);
  // Readability strips scripts and rewrites the tree, so read the metadata from the untouched page first.
  const meta = readMetadata(document, url);

  const { Readability } = domLibraries();
  const parsed = new Readability<Element>(document, { serializer: (node) => node as Element }).parse();
  const content = parsed?.content ?? null;
  const text = content ? removePageFurniture(htmlToText(content.innerHTML)) : '';
  if (!content || text.length < MIN_ARTICLE_CHARS || linkDensity(content) > MAX_LINK_DENSITY) {
    throw new PageExtractionError(
      `${url}: no article text found on this page: it may need JavaScript to show its content, ` +
        'be behind a login or paywall, or be a list of links (a home or section page); add the site’s RSS feed instead, ' +
        'or the address of a single article',
      url,
      'no-article',
      problem('no-article', { url }),
    );
  }

  return {
    title: cleanTitle(parsed?.title) ?? meta.title ?? firstLine(text),
    byline: cleanByline(parsed?.byline) ?? meta.byline,
    published: normalizeDate(parsed?.publishedTime) ?? meta.published,
    siteName: cleanText(parsed?.siteName) ?? meta.siteName,
    lang: cleanText(parsed?.lang) ?? meta.lang,
    excerpt: cleanText(parsed?.excerpt),
    text,
    html: content.innerHTML,
    image: meta.image,
  };
}

/**
 * Reads only the page's metadata (title, author, publication time, site name, language), for
 * documents too simple for `extractPage` to find an article in.
 *
 * @throws PageExtractionError when the page is too large or too deeply nested to parse safely
 */
export function readPageMetadata(
  html: string,
  url: string,
  limits: PageLimits = DEFAULT_LIMITS,
): PageMetadata {
  checkSize(html, url, limits);
  return readMetadata(buildDocument(html, url), url);
}

function checkSize(html: string, url: string, limits: PageLimits): void {
  const refuse = (
    what: string,
    reason: PageExtractionFailure,
    limit: 'size' | 'elements' | 'depth',
    amount: string,
  ): PageExtractionError =>
    new PageExtractionError(
      `${url}: ${what}, beyond what article extraction accepts; add the site's RSS feed instead`,
      url,
      reason,
      problem('page-too-complex', { url, what: limit, amount }),
    );
  if (html.length > limits.maxChars) {
    const millions = (html.length / 1e6).toFixed(1);
    throw refuse(`the page is ${millions} million characters long`, 'too-large', 'size', millions);
  }
  const { elements, depth } = measureHtml(html);
  if (elements > limits.maxElements) {
    throw refuse(`the page has ${elements} elements`, 'too-complex', 'elements', String(elements));
  }
  if (depth > limits.maxDepth) {
    throw refuse(`the page nests its markup ${depth} levels deep`, 'too-complex', 'depth', String(depth));
  }
}

/**
 * Parses the page into a linkedom document that Readability can work on. linkedom only builds
 * `<head>` and `<body>` when the markup spells them out (otherwise `document.body` is an empty stub),
 * does not know the page's address (`documentURI`) and reports `<base href>` unresolved, so a page
 * without a proper outline is rebuilt with one, and both addresses are pinned on the document;
 * Readability resolves relative links against them.
 */
function buildDocument(html: string, url: string): Document {
  let document = parse(html);
  if (!hasOutline(document)) document = parse(normalizeOutline(html));
  const baseHref = document.querySelector('base[href]')?.getAttribute('href');
  let base = url;
  try {
    base = baseHref ? new URL(baseHref, url).href : url;
  } catch {
    // A malformed <base> is ignored, as browsers do.
  }
  Object.defineProperty(document, 'documentURI', { value: url });
  Object.defineProperty(document, 'baseURI', { value: base });
  return document;
}

function parse(html: string): Document {
  return (domLibraries().parseHTML(html) as unknown as { document: Document }).document;
}

/** Whether the document is `<html>` with `<head>` then `<body>`, as Readability expects. */
function hasOutline(document: Document): boolean {
  const root = document.documentElement as Element | null;
  const head = root?.firstElementChild;
  return root?.tagName === 'HTML' && head?.tagName === 'HEAD' && head.nextElementSibling?.tagName === 'BODY';
}

/** Elements that belong in `<head>`; the first anything else starts the body. */
const HEAD_ELEMENTS = /^<(?:title|style|script|noscript|template)[\s>/]/i;
const HEAD_VOID_ELEMENTS = /^<(?:meta|link|base|html|head|\/head|!|\?)/i;

/** Rewrites the page as `<html><head>...</head><body>...</body></html>`, whatever it left out. */
function normalizeOutline(html: string): string {
  const source = html.replace(/^\ufeff/, '');
  const htmlAt = source.search(/<html[\s>]/i);
  const htmlTagEnd = htmlAt === -1 ? -1 : source.indexOf('>', htmlAt);
  const htmlTag = htmlTagEnd === -1 ? '<html>' : source.slice(htmlAt, htmlTagEnd + 1);

  let bodyAt = source.search(/<body[\s>/]/i);
  if (bodyAt === -1) {
    const headEnd = source.search(/<\/head\s*>/i);
    bodyAt = headEnd === -1 ? endOfHeadContent(source) : headEnd;
  }
  const head = source
    .slice(0, bodyAt)
    // Stopping at '<' as well as '>' keeps a run of unclosed `<head ` linear rather than 5,000 steps each.
    .replace(/<!doctype[^<>]{0,500}>|<\/?(?:html|head)(?:\s[^<>]{0,5000})?>/gi, '');
  let body = source.slice(bodyAt).replace(/^<\/head\s*>/i, '');
  if (!/^<body/i.test(body)) body = `<body>${body}</body>`;
  return `<!DOCTYPE html>${htmlTag}<head>${head}</head>${body}</html>`;
}

/** Position where head-only markup (title, meta, scripts...) stops in a page without head or body tags. */
function endOfHeadContent(source: string): number {
  const lower = source.toLowerCase();
  let at = 0;
  for (;;) {
    while (at < source.length && /\s/.test(source.charAt(at))) at++;
    const rest = source.slice(at, at + 16);
    if (source.startsWith('<!--', at)) {
      const end = source.indexOf('-->', at + 4);
      if (end === -1) return at;
      at = end + 3;
    } else if (HEAD_ELEMENTS.test(rest)) {
      const name = /^<([a-z]+)/i.exec(rest)?.[1]?.toLowerCase() ?? '';
      const close = lower.indexOf(`</${name}`, at);
      if (close === -1) return at;
      at = source.indexOf('>', close) + 1 || source.length;
    } else if (HEAD_VOID_ELEMENTS.test(rest)) {
      const end = source.indexOf('>', at);
      if (end === -1) return at;
      at = end + 1;
    } else {
      return at;
    }
  }
}

/** Share of the article's characters that sit inside links. */
function linkDensity(content: Element): number {
  const total = (content.textContent ?? '').replace(/\s+/g, '').length;
  if (total === 0) return 1;
  let linked = 0;
  for (const link of Array.from(content.querySelectorAll('a')))
    linked += (link.textContent ?? '').replace(/\s+/g, '').length;
  return linked / total;
}

/** What a page declares about itself, without looking for the article. */
export interface PageMetadata {
  title: string | null;
  byline: string | null;
  published: string | null;
  siteName: string | null;
  lang: string | null;
  /** The image the page offers for previews and shares, absolute http(s), or null. */
  image: string | null;
}

/** Reads the metadata a page declares about itself, for whatever Readability does not report. */
function readMetadata(document: Document, url: string): PageMetadata {
  const metas = new Map<string, string>();
  for (const meta of Array.from(document.querySelectorAll('meta'))) {
    const key = (
      meta.getAttribute('property') ??
      meta.getAttribute('name') ??
      meta.getAttribute('itemprop') ??
      ''
    )
      .trim()
      .toLowerCase();
    const content = meta.getAttribute('content');
    // The first declaration wins: later ones are usually for embedded or related items.
    if (key && content?.trim() && !metas.has(key)) metas.set(key, content);
  }
  const first = (...keys: string[]): string | null => {
    for (const key of keys) {
      const value = metas.get(key);
      if (value) return value;
    }
    return null;
  };
  const jsonLd = readJsonLd(document);
  const titleElement = document.querySelector('title')?.textContent;
  const h1 = document.querySelector('h1')?.textContent;
  const metaAuthor = first('author', 'article:author', 'dc.creator', 'dcterms.creator', 'parsely-author');

  return {
    title: cleanTitle(
      first('og:title', 'twitter:title', 'dc.title') ?? jsonLd.headline ?? titleElement ?? h1,
    ),
    byline:
      cleanByline(jsonLd.author) ??
      cleanByline(metaAuthor && !/^https?:/i.test(metaAuthor) ? metaAuthor : null) ??
      cleanByline(document.querySelector('[itemprop~="author"] [itemprop~="name"]')?.textContent) ??
      cleanByline(document.querySelector('[rel~="author"]')?.textContent),
    published: firstDate(
      jsonLd.datePublished,
      first(
        'article:published_time',
        'og:published_time',
        'datepublished',
        'parsely-pub-date',
        'pubdate',
        'publishdate',
        'publish-date',
        'date',
        'dc.date.issued',
        'dc.date',
        'dcterms.created',
        'dcterms.date',
        'sailthru.date',
      ),
      document.querySelector('[itemprop~="datePublished"]')?.getAttribute('datetime'),
      document.querySelector('time[pubdate][datetime]')?.getAttribute('datetime'),
      document.querySelector('article time[datetime]')?.getAttribute('datetime'),
      document.querySelector('time[datetime]')?.getAttribute('datetime'),
    ),
    siteName: cleanText(first('og:site_name', 'application-name') ?? jsonLd.publisher),
    lang: cleanText(
      document.documentElement.getAttribute('lang') ??
        document.querySelector('meta[http-equiv="content-language" i]')?.getAttribute('content') ??
        first('og:locale')?.replace('_', '-'),
    ),
    image: safeImageUrl(
      first('og:image:secure_url', 'og:image', 'og:image:url', 'twitter:image', 'twitter:image:src') ??
        document.querySelector('link[rel~="image_src" i]')?.getAttribute('href'),
      url,
    ),
  };
}

interface JsonLdFacts {
  headline: string | null;
  author: string | null;
  datePublished: string | null;
  publisher: string | null;
}

const ARTICLE_TYPES = /Article|NewsArticle|Report|BlogPosting|WebPage|LiveBlogPosting|Posting|Story/i;

/** Reads the first article described in the page's JSON-LD blocks (top level, arrays or `@graph`). */
function readJsonLd(document: Document): JsonLdFacts {
  const facts: JsonLdFacts = { headline: null, author: null, datePublished: null, publisher: null };
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json" i]'))) {
    let data: unknown;
    try {
      data = JSON.parse((script.textContent ?? '').replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, ''));
    } catch {
      continue; // Broken JSON-LD is common; the other sources of metadata still apply.
    }
    const queue: unknown[] = [data];
    for (let seen = 0; queue.length > 0 && seen < 500; seen++) {
      const node = queue.shift();
      if (Array.isArray(node)) {
        enqueue(queue, node);
        continue;
      }
      if (!isRecord(node)) continue;
      if (Array.isArray(node['@graph'])) enqueue(queue, node['@graph']);
      const type = [node['@type']].flat().join(' ');
      if (!ARTICLE_TYPES.test(type)) continue;
      facts.headline ??= stringValue(node.headline) ?? stringValue(node.name);
      facts.datePublished ??= stringValue(node.datePublished) ?? stringValue(node.dateCreated);
      facts.author ??= names(node.author);
      facts.publisher ??= names(node.publisher);
    }
  }
  return facts;
}

/** Only the first 500 nodes are ever looked at, so a huge JSON-LD array is not copied in full. */
function enqueue(queue: unknown[], nodes: unknown[]): void {
  for (let i = 0; i < nodes.length && queue.length < 500; i++) queue.push(nodes[i]);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringValue(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value : null;
}

/** `"Ann"`, `{ name: "Ann" }` or a list of either, joined as "Ann, Bob". */
function names(value: unknown): string | null {
  const list = (Array.isArray(value) ? value : [value])
    .map((item) => (isRecord(item) ? stringValue(item.name) : stringValue(item)))
    .filter((name): name is string => name !== null);
  return list.length > 0 ? list.join(', ') : null;
}

function cleanText(value: string | null | undefined): string | null {
  if (!value) return null;
  return collapseWhitespace(decodeHtmlEntities(value)) || null;
}

/** Decodes and collapses a title; markup that leaked into it (`<b>` in a `<title>`) is removed. */
function cleanTitle(value: string | null | undefined): string | null {
  const text = cleanText(value);
  if (!text || !/<\/?[a-z][^<>]*>/i.test(text)) return text;
  return collapseWhitespace(htmlToText(text)) || null;
}

/** A byline without its "By" prefix; URLs and overlong text (a paragraph caught by mistake) are not bylines. */
function cleanByline(value: string | null | undefined): string | null {
  const text = cleanText(value)?.replace(/^by[\s:]+/i, '');
  if (!text || text.length > 200 || /^https?:\/\//i.test(text)) return null;
  return text;
}

function firstDate(...values: Array<string | null | undefined>): string | null {
  for (const value of values) {
    const date = normalizeDate(value);
    if (date) return date;
  }
  return null;
}

/**
 * Normalizes a page's date to ISO 8601: a timestamp becomes UTC (`2021-11-01T09:52:50.000Z`), a bare
 * date stays a date, and anything unparseable is dropped rather than guessed.
 */
export function normalizeDate(value: string | null | undefined): string | null {
  const text = value?.trim();
  if (!text) return null;
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (dateOnly) return Number.isNaN(Date.parse(text)) ? null : text;
  // "+0100" is common in pages but not every engine parses it; give it the colon.
  const time = Date.parse(text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  if (Number.isNaN(time)) return null;
  const year = new Date(time).getUTCFullYear();
  return year >= 1900 && year <= 2200 ? new Date(time).toISOString() : null;
}

function firstLine(text: string): string {
  const line = text.split('\n')[0] ?? '';
  return line.length > 120 ? `${line.slice(0, 117).replace(/\s+\S*$/, '')}…` : line;
}
