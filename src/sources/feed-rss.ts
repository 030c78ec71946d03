/**
 * RSS 0.9x/2.0 (`<rss>`) and RSS 1.0/0.90 (`<rdf:RDF>`). They share item fields; they differ in where
 * items live (inside `<channel>` for RSS 2.0, beside it for RDF) and in where the guid comes from.
 * Only items that are direct children count: an `<item/>` illegally nested in another item is ignored.
 */
import { cleanText, escapeHtml, resolveHtmlUrls, serializeHtml } from './feed-html.js';
import { finishItem, plainTitle, type FeedItem, type ParsedFeed } from './feed-item.js';
import { parseFeedDate } from './feed-date.js';
import { ATOM, CONTENT, DC, FEEDBURNER, ITUNES, RSS } from './feed-namespaces.js';
import { feedItemImage } from './feed-image.js';
import { feedBase, resolveWebUrl, withXmlBase } from './feed-url.js';
import { hostOf, linkRef, mediaDescription } from './feed-atom.js';
import {
  attributeNamed,
  childNamed,
  childText,
  childrenNamed,
  elementChildren,
  textContent,
  type DeferTest,
  type FeedXml,
  type XmlElement,
} from './feed-xml.js';

/**
 * Picks the items out of the tree for {@link readFeedXml}: direct children of the root (RSS 0.9x, RDF)
 * or of a channel below it. Items are read one at a time, so a big feed never holds all their trees.
 */
export const deferRssItem: DeferTest = (localName, namespace, depth, parent) =>
  localName === 'item' &&
  RSS.has(namespace) &&
  (depth === 1 || (depth === 2 && parent.localName === 'channel' && RSS.has(parent.namespace)));

/** Reads an RSS 2.0/0.9x (`rss`) or RSS 1.0 (`rdf`) document, read with {@link deferRssItem}. */
export function parseRss({ root, deferred }: FeedXml, feedUrl: string, format: 'rss' | 'rdf'): ParsedFeed {
  const channel = childNamed(root, RSS, 'channel') ?? root;
  const { link, base } = feedBase(
    channel === root ? [root] : [root, channel],
    childText(channel, RSS, 'link'),
    linkRef(channel, ATOM, 'self'),
    feedUrl,
  );
  // RSS 0.9x and RDF put items beside the channel; some RSS 2.0 feeds do too.
  const itemsOf = (parent: XmlElement) => deferred.filter((item) => item.parent === parent);
  const itemElements = channel === root ? itemsOf(root) : [...itemsOf(channel), ...itemsOf(root)];
  const title = cleanText(
    plainTitle(childText(channel, RSS, 'title') ?? childText(channel, DC, 'title')) ?? '',
  );
  return {
    format,
    title: title || hostOf(link ?? feedUrl),
    link,
    items: itemElements.map((item) => parseItem(item.read(), base, format)),
  };
}

function parseItem(item: XmlElement, channelBase: string, format: 'rss' | 'rdf'): FeedItem {
  const base = withXmlBase(item, channelBase) ?? channelBase;
  const guidElement = childNamed(item, RSS, 'guid');
  const guid = (guidElement && textContent(guidElement).trim()) || attributeNamed(item, 'about') || null;
  const permalink = guidElement?.attributes.isPermaLink?.trim().toLowerCase() !== 'false' || format === 'rdf';
  const date =
    childText(item, RSS, 'pubDate') ??
    childText(item, DC, 'date') ??
    childText(item, DC, 'issued') ??
    childText(item, DC, 'created') ??
    childText(item, ATOM, 'published') ??
    childText(item, ATOM, 'updated') ??
    childText(item, DC, 'modified');
  return finishItem({
    guid,
    link:
      resolveWebUrl(childText(item, FEEDBURNER, 'origLink'), base) ??
      elementUrl(childrenNamed(item, RSS, 'link'), base) ??
      // Only a guid that is an address, whole or from the site's root ("/2024/story"): "12345" or
      // "story-1" left as a default permalink is an id, and resolving it against the site would
      // invent a page (and a link shared by other feeds).
      (permalink ? resolveWebUrl(guid, guid?.startsWith('/') ? base : null) : null),
    title: plainTitle(childText(item, RSS, 'title') ?? childText(item, DC, 'title')),
    published: parseFeedDate(date),
    author:
      childText(item, RSS, 'author') ??
      childText(item, DC, 'creator') ??
      childText(item, ITUNES, 'author') ??
      atomAuthorName(item),
    contentHtml: htmlOf(childNamed(item, CONTENT, 'encoded'), base),
    // A podcast episode often has no description, only the show notes of itunes:summary.
    summaryHtml:
      htmlOf(childNamed(item, RSS, 'description'), base) ??
      plainAsHtml(mediaDescription(item) ?? childText(item, ITUNES, 'summary')),
    contentText: null,
    categories: [...childrenNamed(item, RSS, 'category'), ...childrenNamed(item, DC, 'subject')].map(
      textContent,
    ),
    image: feedItemImage(item, base, childrenNamed(item, RSS, 'enclosure')),
  });
}

function atomAuthorName(item: XmlElement): string | null {
  const author = childNamed(item, ATOM, 'author');
  return author ? childText(author, ATOM, 'name') : null;
}

function plainAsHtml(text: string | null): string | null {
  return text === null ? null : escapeHtml(text);
}

/** The first of `links` whose text resolves to a web URL. */
function elementUrl(links: XmlElement[], base: string): string | null {
  for (const link of links) {
    const url = resolveWebUrl(textContent(link), withXmlBase(link, base));
    if (url) return url;
  }
  return null;
}

/**
 * An element holding HTML: usually escaped or in CDATA, sometimes as raw child elements (which the
 * repair pass may have produced from `<br>`); either way the result is an HTML string with absolute URLs.
 */
function htmlOf(element: XmlElement | undefined, outerBase: string): string | null {
  if (!element) return null;
  const base = withXmlBase(element, outerBase);
  if (elementChildren(element).length > 0) return serializeHtml(element.children, base, false);
  return resolveHtmlUrls(textContent(element), base);
}
