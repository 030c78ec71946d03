import type { Article, ArticleDraft } from '../articles/article.js';
import { articleIdFor, identityKeys } from '../articles/article-identity.js';
import type { TextAnalyzer } from './text-analysis.js';

export interface BuildOptions {
  sentences: number;
  maxArticleChars: number;
}

/** Turns a draft from any source into a full article: id, bounded text, quotes and summary. */
export async function buildArticle(
  draft: ArticleDraft,
  analyze: TextAnalyzer,
  options: BuildOptions,
): Promise<Article> {
  return (await buildIndexedArticle(draft, analyze, options, false)).article;
}

/**
 * {@link buildArticle}, and for ingest also the article's word filter and its quotes' indexed words
 * for the quote index, built by the analyzer (in its worker thread) when the article has a quote to
 * file, and its story-clustering features.
 */
export async function buildIndexedArticle(
  draft: ArticleDraft,
  analyze: TextAnalyzer,
  options: BuildOptions,
  withTermFilter = true,
): Promise<{ article: Article; termFilter?: string; quoteTerms?: string[][]; features?: Int32Array }> {
  const text = boundText(draft.text, options.maxArticleChars);
  const { quotes, summary, termFilter, quoteTerms, features } = await analyze(
    text,
    options.sentences,
    withTermFilter ? draft.title : undefined,
  );
  const article: Article = {
    id: articleIdFor(identityKeys(draft)),
    url: draft.url,
    title: draft.title,
    byline: draft.byline,
    published: draft.published,
    source: draft.source,
    text,
    summary,
    quotes,
    ...(draft.image ? { image: draft.image } : {}),
  };
  return {
    article,
    ...(termFilter !== undefined ? { termFilter } : {}),
    ...(quoteTerms ? { quoteTerms } : {}),
    ...(features ? { features } : {}),
  };
}

/** Cuts an over-long text at the last paragraph break before the limit, so offsets stay valid. */
export function boundText(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const cut = text.lastIndexOf('\n\n', maxChars);
  return text.slice(0, cut > maxChars / 2 ? cut : maxChars).trimEnd();
}
