import type { ArticleDraft } from '../articles/article.js';
import type { Logger } from '../kernel/logger.js';
import { describeError } from '../kernel/describe-error.js';
import type { SourceReader } from './source-reader.js';

export interface TeaserOptions {
  enabled: boolean;
  /** A feed item with fewer words than this counts as a teaser. */
  teaserMaxWords: number;
  /** At most this many pages are fetched per call, so one huge feed cannot flood a site. */
  maxFetches: number;
}

/**
 * Many feeds carry only a teaser per item. This fetches the linked page and keeps its article text
 * when it is longer; any failure keeps the teaser, so a broken page never loses the item.
 */
export async function completeTeasers(
  drafts: readonly ArticleDraft[],
  reader: Pick<SourceReader, 'readPage'>,
  options: TeaserOptions,
  logger: Logger,
): Promise<ArticleDraft[]> {
  if (!options.enabled) return [...drafts];
  let budget = options.maxFetches;
  const result: ArticleDraft[] = [];
  for (const draft of drafts) {
    const isTeaser = countWords(draft.text) < options.teaserMaxWords && /^https?:\/\//i.test(draft.url);
    if (!isTeaser || budget <= 0) {
      result.push(draft);
      continue;
    }
    budget--;
    try {
      const page = await reader.readPage(draft.url);
      // The page's og:image stands in when the feed item had no image of its own.
      const image = draft.image ?? page.image ?? null;
      result.push(
        page.text.length > draft.text.length
          ? {
              ...draft,
              text: page.text,
              byline: draft.byline ?? page.byline,
              published: draft.published ?? page.published,
              image,
            }
          : { ...draft, image },
      );
    } catch (error) {
      logger.info(`kept the teaser of ${draft.url}: ${describeError(error)}`);
      result.push(draft);
    }
  }
  return result;
}

function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
