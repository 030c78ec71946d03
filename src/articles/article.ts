import type { Quote } from '../quotes/quote.js';

/**
 * One article as Quotewire stores it: the cleaned text plus what the pipeline derived from it.
 * Every source kind (feed item, web page, local file) ends up as this shape.
 */
export interface Article {
  /** Stable id derived from the article's identity (guid, link or content), so re-ingesting is idempotent. */
  id: string;
  /** Canonical link to the article, or a file:// URL for local files. */
  url: string;
  title: string;
  byline: string | null;
  /** ISO 8601 publication time, or null when the source does not say. */
  published: string | null;
  /** Human name of where it came from: the feed or site name, or the file name. */
  source: string;
  /** Plain text body, paragraphs separated by a blank line. */
  text: string;
  /** The summary, as whole sentences taken from `text`. */
  summary: string[];
  quotes: Quote[];
  /**
   * The lead image (from the feed item's media or enclosure, or the page's `og:image`), an absolute
   * http(s) address; null or absent when there is none (articles stored before images were kept).
   */
  image?: string | null;
}

/** What a source reader yields before ids, quotes and summaries are added. */
export interface ArticleDraft {
  url: string;
  title: string;
  byline: string | null;
  published: string | null;
  source: string;
  text: string;
  /** Feed guid, when the article came from a feed item; one that is not a URI is prefixed with the feed's address. */
  guid?: string | null;
  /** Section or topic labels (feed categories, the `date` header's section). */
  categories?: string[];
  /** The lead image's address, when the feed item or page offers one. */
  image?: string | null;
}
