/**
 * A feed's text to article drafts: parse, then flatten each item's body to text. The whole of it runs
 * in the feed worker for large feeds (feed-thread.ts), so it must stay free of anything that cannot
 * cross a thread: plain data in, plain data out.
 */
import type { ArticleDraft } from '../articles/article.js';
import { htmlToText } from '../text/html-to-text.js';
import { removePageFurniture } from '../text/page-furniture.js';
import { parseFeed, type FeedItem } from './feed-parser.js';

/** A feed read into drafts. */
export interface FeedDrafts {
  /** The feed's own name. */
  title: string;
  drafts: ArticleDraft[];
}

/**
 * Parses a decoded feed and turns its first `maxItems` items into drafts.
 * @throws FeedParseError when the text is not a feed or is broken beyond repair.
 */
export function feedDrafts(text: string, feedUrl: string, maxItems: number): FeedDrafts {
  const feed = parseFeed(text, feedUrl);
  return {
    title: feed.title,
    drafts: feed.items.slice(0, maxItems).map((item) => feedItemDraft(item, feed.title, feedUrl)),
  };
}

function feedItemDraft(item: FeedItem, feedTitle: string, feedUrl: string): ArticleDraft {
  const body = item.contentHtml ?? item.summaryHtml;
  const text = removePageFurniture(body ? htmlToText(body) : (item.contentText ?? '').trim());
  return {
    url: item.link ?? '',
    title: item.title,
    byline: item.author,
    published: item.published,
    source: feedTitle,
    text,
    guid: scopedGuid(item.guid, feedUrl),
    categories: item.categories,
    image: item.image,
  };
}

/**
 * Publishers keep a guid unique among their own feed's items only, and "1001" or "story-2" from two
 * feeds are two stories, while the store drops any item whose guid it has seen. A guid that is a URI
 * (an address, `tag:`, `urn:uuid:`) names itself everywhere; any other is qualified by the feed's address.
 * The same story in two feeds is still stored once, by its link or its text.
 */
function scopedGuid(guid: string | null, feedUrl: string): string | null {
  if (guid === null) return null;
  return /^[a-z][a-z0-9+.-]*:\S/i.test(guid) ? guid : `${feedUrl} ${guid}`;
}
