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
  const text = boundText(draft.text, options.maxArticleChars);
  const { quotes, summary } = await analyze(text, options.sentences);
  return {
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
}

/** Cuts an over-long text at the last paragraph break before the limit, so offsets stay valid. */
export function boundText(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const cut = text.lastIndexOf('\n\n', maxChars);
  return text.slice(0, cut > maxChars / 2 ? cut : maxChars).trimEnd();
}
