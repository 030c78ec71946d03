import type { StoredArticle } from '../../src/articles/stored-article.js';

/** What an article made by `quotedArticles` may differ in; every field has a default. */
export interface QuotedArticleOptions {
  day?: string;
  hour?: number;
  title?: string;
  /** The body; by default each quote in double quotes, a paragraph each. */
  text?: string;
  seen?: string;
}

/**
 * A maker of stored articles with the given quotes (speaker, text), published on `day` at `hour`,
 * for quote index tests. Ids are `prefix` and a running number, so files sharing one Redis differ.
 */
export function quotedArticles(
  prefix: string,
): (quotes: [speaker: string | null, text: string][], options?: QuotedArticleOptions) => StoredArticle {
  let serial = 0;
  return (quotes, options = {}) => {
    const id = `${prefix}${++serial}`;
    const published = `${options.day ?? '2026-11-20'}T${String(options.hour ?? 10).padStart(2, '0')}:00:00.000Z`;
    return {
      id,
      url: `https://news.example/${id}`,
      title: options.title ?? `Story ${id}`,
      byline: null,
      published,
      source: 'Example Wire',
      text: options.text ?? quotes.map(([, text]) => `"${text}"`).join('\n\n'),
      summary: [],
      quotes: quotes.map(([speaker, text]) => ({ text, speaker, start: 0, end: text.length, verb: 'said' })),
      seenAt: options.seen ?? '2026-11-27T12:00:00.000Z',
      sourceId: 'wire',
      categories: [],
    };
  };
}
