import type { Quote } from '../quotes/quote.js';
import type { Article, ArticleDraft } from './article.js';
import { articleIdFor, identityKeys } from './article-identity.js';

/** The text analyses an article goes through; passed in so the pipeline does not fix the engines. */
export interface TextAnalyzers {
  extractQuotes(text: string): Quote[];
  summarize(text: string, sentences: number): string[];
}

export interface BuildOptions {
  sentences: number;
  maxArticleChars: number;
}

/** Turns a draft from any source into a full article: id, bounded text, quotes and summary. */
export function buildArticle(draft: ArticleDraft, analyzers: TextAnalyzers, options: BuildOptions): Article {
  const text = boundText(draft.text, options.maxArticleChars);
  return {
    id: articleIdFor(identityKeys(draft)),
    url: draft.url,
    title: draft.title,
    byline: draft.byline,
    published: draft.published,
    source: draft.source,
    text,
    summary: analyzers.summarize(text, options.sentences),
    quotes: analyzers.extractQuotes(text),
  };
}

/** Cuts an over-long text at the last paragraph break before the limit, so offsets stay valid. */
export function boundText(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const cut = text.lastIndexOf('\n\n', maxChars);
  return text.slice(0, cut > maxChars / 2 ? cut : maxChars).trimEnd();
}
