/**
 * Reads a feed (RSS 0.9x/2.0, RSS 1.0/RDF, Atom 1.0/0.3, JSON Feed 1.0/1.1) into one neutral shape.
 * The format is decided by the content, not by what the server claimed. Lenient where real feed readers
 * are (a bare `&`, undeclared HTML entities, unclosed `<br>`, junk after the document, missing titles,
 * links and dates), and otherwise refuses with a {@link FeedParseError} that says what to do.
 *
 * Safe with hostile input: DTD entities never expand, nesting depth and size are capped, and every
 * pass over the text is linear.
 */
import { detectFormat, sniffXmlRoot } from './detect-format.js';
import { discoverFeedLinks } from './feed-discovery.js';
import { FeedParseError } from './feed-error.js';
import { problem } from './source-problem.js';
import { deferAtomEntry, parseAtom } from './feed-atom.js';
import { parseJsonFeed } from './feed-json.js';
import { deferRssItem, parseRss } from './feed-rss.js';
import { readFeedXml, readXml } from './feed-xml.js';
import type { ParsedFeed } from './feed-item.js';

export { FeedParseError } from './feed-error.js';
export type { FeedItem, ParsedFeed } from './feed-item.js';

/** Larger than any real feed by two orders of magnitude; bigger bodies are refused, not parsed. */
const MAX_FEED_CHARS = 50 * 1024 * 1024;

/**
 * Parses a decoded feed body.
 *
 * @param text - the body, already decoded (see `decodeBody`).
 * @param feedUrl - where the feed was fetched from; the last resort for resolving relative links.
 * @throws FeedParseError when the text is not a feed or is broken beyond repair. When it is an HTML page
 *   that advertises feeds, `feedLinks` lists them.
 * @example
 * const feed = parseFeed(decodeBody(bytes, contentType), 'https://example.com/feed.xml');
 * for (const item of feed.items) console.log(item.published, item.title, item.link);
 */
export function parseFeed(text: string, feedUrl: string): ParsedFeed {
  if (text.length > MAX_FEED_CHARS) {
    throw new FeedParseError(
      `the feed is ${Math.round(text.length / 1024 / 1024)} MB, far larger than any real feed; check the address`,
      [],
      problem('feed-huge', { mb: Math.round(text.length / 1024 / 1024) }),
    );
  }
  const format = detectFormat(text);
  switch (format) {
    case 'json-feed':
      return parseJsonFeed(text, feedUrl);
    case 'rss':
    case 'rdf':
      return parseRss(readFeedXml(text, deferRssItem), feedUrl, format);
    case 'atom':
      return parseAtom(readFeedXml(text, deferAtomEntry), feedUrl);
    case 'html':
      throw htmlPageError(text, feedUrl);
    default:
      throw notAFeed(text);
  }
}

function htmlPageError(html: string, pageUrl: string): FeedParseError {
  const feedLinks = discoverFeedLinks(html, pageUrl);
  const [first, ...others] = feedLinks;
  if (!first) {
    return new FeedParseError(
      "this is an HTML page, not a feed, and it does not link to one; find the site's RSS or Atom feed address and add that",
      [],
      problem('html-no-feed', {}),
    );
  }
  const more = others.length > 0 ? ` (and ${others.length} more)` : '';
  return new FeedParseError(
    `this is an HTML page, not a feed; it links to a feed at ${first}${more}: add that instead`,
    feedLinks,
    problem('html-feed-link', { feed: first, more: others.length }),
  );
}

function notAFeed(text: string): FeedParseError {
  const body = text.replace(/^\uFEFF/, '').trim();
  if (!body) {
    return new FeedParseError(
      'the response is empty; check the address or try again later',
      [],
      problem('empty-response', {}),
    );
  }
  if (body.startsWith('{') || body.startsWith('[')) {
    try {
      JSON.parse(body);
    } catch {
      return new FeedParseError(
        'the feed is not valid JSON; ask the publisher or try again later',
        [],
        problem('bad-json', {}),
      );
    }
    return new FeedParseError(
      'this is JSON but not a JSON Feed (it has no "version": "https://jsonfeed.org/version/…"); check the address',
      [],
      problem('json-not-feed', {}),
    );
  }
  const root = sniffXmlRoot(body);
  if (root) {
    const opml = root.localName.toLowerCase() === 'opml';
    const what = opml ? 'an OPML subscription list' : `XML with a <${root.name}> root`;
    return new FeedParseError(
      `this is ${what}, not an RSS, Atom or JSON feed; check the address`,
      [],
      opml ? problem('opml-not-feed', {}) : problem('other-xml', { root: root.name }),
    );
  }
  if (body.startsWith('<')) {
    // Starts like markup but no element can be found: let the XML reader say exactly where it breaks.
    readXml(body);
  }
  return new FeedParseError(
    'this is plain text, not a feed; check the address',
    [],
    problem('plain-text', {}),
  );
}
