/**
 * JSON Feed 1.0 and 1.1 (https://jsonfeed.org). Every field is checked for its type before use, since
 * the JSON came from a stranger: a number where a string belongs is ignored, not trusted.
 */
import { escapeHtml, resolveHtmlUrls } from './feed-html.js';
import { finishItem, type FeedItem, type ParsedFeed } from './feed-item.js';
import { parseFeedDate } from './feed-date.js';
import { FeedParseError } from './feed-error.js';
import { problem } from './source-problem.js';
import { hostOf } from './feed-atom.js';
import { resolveWebUrl } from './feed-url.js';
import { safeImageUrl } from '../articles/image-url.js';

type Json = Record<string, unknown>;

/** Reads a JSON Feed document. */
export function parseJsonFeed(text: string, feedUrl: string): ParsedFeed {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    const where = error instanceof SyntaxError ? /position \d+/.exec(error.message)?.[0] : undefined;
    throw new FeedParseError(
      `the feed is not valid JSON${where ? ` (at ${where})` : ''}; ask the publisher or try again later`,
      [],
      problem('bad-json', {}),
    );
  }
  if (!isObject(document)) {
    throw new FeedParseError('the JSON document is not a JSON Feed object', [], problem('json-not-feed', {}));
  }
  const selfUrl = resolveWebUrl(string(document.feed_url), feedUrl) ?? feedUrl;
  const link = resolveWebUrl(string(document.home_page_url), selfUrl);
  const base = link ?? selfUrl;
  const feedAuthor = authorName(document);
  const items = (Array.isArray(document.items) ? document.items : [])
    .filter(isObject)
    .map((item) => parseItem(item, base, feedAuthor));
  const title = string(document.title)?.trim();
  return { format: 'json-feed', title: title || hostOf(link ?? feedUrl), link, items };
}

function parseItem(item: Json, base: string, feedAuthor: string | null): FeedItem {
  const link = resolveWebUrl(string(item.url), base) ?? resolveWebUrl(string(item.external_url), base);
  const id = typeof item.id === 'number' ? String(item.id) : string(item.id);
  const contentHtml = string(item.content_html);
  const summary = string(item.summary);
  const tags = Array.isArray(item.tags)
    ? item.tags.filter((tag): tag is string => typeof tag === 'string')
    : [];
  return finishItem({
    guid: id,
    link,
    title: string(item.title),
    published: parseFeedDate(string(item.date_published) ?? string(item.date_modified)),
    author: authorName(item) ?? feedAuthor,
    // Relative URLs in an item's body are relative to the item's page, where the body came from.
    contentHtml: contentHtml === null ? null : resolveHtmlUrls(contentHtml, link ?? base),
    summaryHtml: summary === null ? null : escapeHtml(summary),
    contentText: string(item.content_text),
    categories: tags,
    image: jsonImage(item, link ?? base),
  });
}

/** JSON Feed's `image` (the item's main image), then `banner_image`, then an image attachment. */
function jsonImage(item: Json, base: string): string | null {
  const attachments = Array.isArray(item.attachments) ? item.attachments.filter(isObject) : [];
  const attached = attachments
    .filter((attachment) => string(attachment.mime_type)?.toLowerCase().startsWith('image/'))
    .map((attachment) => attachment.url);
  for (const candidate of [item.image, item.banner_image, ...attached]) {
    const url = safeImageUrl(candidate, base);
    if (url) return url;
  }
  return null;
}

/** JSON Feed 1.1 `authors` (a list), falling back to 1.0's single `author`. */
function authorName(record: Json): string | null {
  const authors = Array.isArray(record.authors) ? record.authors : [record.author];
  for (const author of authors) {
    if (isObject(author)) {
      const name = string(author.name) ?? string(author.url);
      if (name?.trim()) return name;
    }
  }
  return null;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function string(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
