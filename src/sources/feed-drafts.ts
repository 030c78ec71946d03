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
    drafts: feed.items.slice(0, maxItems).map((item) => feedItemDraft(item, feed.title)),
  };
}

function feedItemDraft(item: FeedItem, feedTitle: string): ArticleDraft {
  const body = item.contentHtml ?? item.summaryHtml;
  const text = removePageFurniture(body ? htmlToText(body) : (item.contentText ?? '').trim());
  return {
    url: item.link ?? '',
    title: item.title,
    byline: item.author,
    published: item.published,
    source: feedTitle,
    text,
    guid: item.guid,
    categories: item.categories,
    image: item.image,
  };
}
