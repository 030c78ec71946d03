/**
 * The neutral shape every feed format is read into, and the clean-up all formats share: plain-text
 * titles (derived from the body when a feed omits them), trimmed authors and de-duplicated categories.
 */
import { decodeEntities } from './feed-entities.js';
import { cleanHtml, cleanText, htmlToText } from './feed-html.js';

/** One entry of a feed. Text fields are plain text; `*Html` fields are HTML with absolute URLs. */
export interface FeedItem {
  /** The publisher's id for the item (RSS guid, Atom id, JSON Feed id, RDF about). Not unique: feeds repeat them. */
  guid: string | null;
  /** Absolute http(s) link to the article. */
  link: string | null;
  /** Plain text, never HTML: anything that looks like markup is data and must be escaped when shown. */
  title: string;
  /** ISO 8601 (UTC) publication time, or null when the feed gives none or gives nonsense. */
  published: string | null;
  author: string | null;
  /** Full body when the feed carries one: content:encoded, Atom content, JSON Feed content_html. */
  contentHtml: string | null;
  /** Description or summary, as HTML. */
  summaryHtml: string | null;
  /** Plain-text body: JSON Feed content_text or Atom `type="text"` content. */
  contentText: string | null;
  categories: string[];
  /** The item's lead image (Media RSS, an image enclosure), absolute http(s), or null. */
  image: string | null;
}

/** A feed read into the neutral shape. */
export interface ParsedFeed {
  format: 'rss' | 'rdf' | 'atom' | 'json-feed';
  title: string;
  /** The site the feed belongs to, absolute, or null. */
  link: string | null;
  items: FeedItem[];
}

/** What a format reader collects for an item before the shared clean-up. */
export interface RawItem {
  guid: string | null;
  link: string | null;
  title: string | null;
  published: string | null;
  author: string | null;
  contentHtml: string | null;
  summaryHtml: string | null;
  contentText: string | null;
  categories: string[];
  image?: string | null;
}

const TITLE_FROM_BODY_CHARS = 100;
const MAX_AUTHOR_PATTERN_CHARS = 300;

/** Applies the shared clean-up and fills in a missing title. */
export function finishItem(raw: RawItem): FeedItem {
  const contentHtml = cleanHtml(raw.contentHtml);
  const summaryHtml = cleanHtml(raw.summaryHtml);
  const contentText = cleanHtml(raw.contentText);
  const titled = cleanText(raw.title ?? '');
  const title =
    titled ||
    titleFromBody(contentText ?? htmlToText((summaryHtml ?? contentHtml ?? '').slice(0, 4000))) ||
    raw.link ||
    '(untitled)';
  return {
    guid: cleanText(raw.guid ?? '') || null,
    link: raw.link,
    title,
    published: raw.published,
    author: cleanAuthor(raw.author),
    contentHtml,
    summaryHtml,
    contentText,
    categories: [...new Set(raw.categories.map(cleanText).filter(Boolean))],
    image: raw.image ?? null,
  };
}

/**
 * An RSS title is nominally plain text, but publishers often escape it twice (`&amp;#8217;`); one more
 * round of entity decoding gives what they meant. Tags stay as literal text.
 */
export function plainTitle(text: string | null): string | null {
  if (text === null) return null;
  return /&(?:#\d+|#x[0-9a-f]+|[a-z]+\d*);/i.test(text) ? decodeEntities(text) : text;
}

function titleFromBody(text: string): string {
  const clean = cleanText(text.slice(0, 2000));
  if (clean.length <= TITLE_FROM_BODY_CHARS) return clean;
  const sentence = /^.{20,}?[.!?](?=\s)/.exec(clean.slice(0, TITLE_FROM_BODY_CHARS));
  if (sentence) return sentence[0];
  const cut = clean.slice(0, TITLE_FROM_BODY_CHARS);
  const space = cut.lastIndexOf(' ');
  return `${space > 40 ? cut.slice(0, space) : cut}…`;
}

/** "jane@example.com (Jane Doe)" and "Jane Doe <jane@example.com>" are both Jane Doe. */
function cleanAuthor(author: string | null): string | null {
  const clean = cleanText(author ?? '');
  if (!clean) return null;
  // No name is this long; the patterns below backtrack on long hostile text, so it is kept as written.
  if (clean.length > MAX_AUTHOR_PATTERN_CHARS) return clean;
  const parenthesised = /^\S+@\S+\s*\((.+)\)$/.exec(clean);
  if (parenthesised?.[1]) return parenthesised[1].trim();
  const angled = /^(.+?)\s*<[^>]+@[^>]+>$/.exec(clean);
  if (angled?.[1]) return angled[1].replace(/^"|"$/g, '').trim();
  return clean;
}
