import type { ArticleRepository } from '../articles/article-repository.js';
import type { StoredArticle } from '../articles/stored-article.js';
import type { Quote } from '../quotes/quote.js';
import type { Digest, DigestQuote, DigestStory } from './digest.js';

export interface DigestOptions {
  maxStories: number;
  quotesPerStory: number;
  windowHours: number;
}

/**
 * Builds the digest of the articles first seen in the last `windowHours`: one story per article,
 * newest first, each with its summary and its most substantial attributed quotes.
 */
export class DigestBuilder {
  constructor(
    private readonly articles: ArticleRepository,
    private readonly options: DigestOptions,
  ) {}

  async build(now: Date, options: { topic?: string | null; windowHours?: number } = {}): Promise<Digest> {
    const hours = options.windowHours ?? this.options.windowHours;
    const since = new Date(now.getTime() - hours * 3_600_000);
    const topic = options.topic?.trim().toLowerCase() || null;
    const recent = (await this.articles.seenSince(since, now)).filter(
      (article) => !topic || matchesTopic(article, topic),
    );
    const stories = recent.slice(0, this.options.maxStories).map((article) => this.story(article));
    const allQuotes = stories.flatMap((story) => story.quotes);
    const quoteOfTheDay = allQuotes.reduce<DigestQuote | null>(
      (best, quote) => (!best || quote.text.length > best.text.length ? quote : best),
      null,
    );
    return { date: now.toISOString().slice(0, 10), topic, stories, quoteOfTheDay };
  }

  private story(article: StoredArticle): DigestStory {
    return {
      headline: article.title,
      summary: article.summary,
      quotes: keyQuotes(article.quotes, this.options.quotesPerStory).map((quote) => ({
        text: quote.text,
        speaker: quote.speaker!,
        source: article.source,
        url: article.url,
      })),
      links: [
        { title: article.title, url: article.url, source: article.source, published: article.published },
      ],
    };
  }
}

/** The longest attributed quotes that are whole statements rather than fragments, in article order. */
function keyQuotes(quotes: readonly Quote[], count: number): Quote[] {
  const attributed = quotes.filter((quote) => quote.speaker && quote.text.split(/\s+/).length >= 5);
  const chosen = new Set([...attributed].sort((a, b) => b.text.length - a.text.length).slice(0, count));
  return attributed.filter((quote) => chosen.has(quote));
}

function matchesTopic(article: StoredArticle, topic: string): boolean {
  if (article.categories.some((category) => category.toLowerCase() === topic)) return true;
  const pattern = new RegExp(`\\b${topic.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'i');
  return pattern.test(article.title) || pattern.test(article.text);
}
