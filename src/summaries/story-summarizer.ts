import { createHash } from 'node:crypto';
import type { Quote } from '../quotes/quote.js';
import type { Story } from '../stories/story.js';
import { summarizeStory } from './extractive-summarizer.js';

/** A key quotation of a story, with its speaker and the article it stands in. */
export interface KeyQuote {
  text: string;
  speaker: string;
  articleId: string;
}

/** What a digest shows for a story. */
export interface StorySummary {
  headline: string;
  summary: string[];
  keyQuotes: KeyQuote[];
  /** Which engine wrote it: the LLM only when its answer passed every check. */
  engine: 'offline' | 'llm';
}

export interface SummaryOptions {
  sentences: number;
  quotes: number;
}

/** Condenses a story for the digest. Implementations: offline (below) and the LLM engine. */
export interface StorySummarizer {
  summarize(story: Story, options: SummaryOptions): Promise<StorySummary>;
}

/**
 * The default engine: no key, no network. The headline is the lead article's title, the summary the
 * extractive summarizer's pick across all the story's articles, and the key quotes the most
 * substantial attributed quotations, each said once however many sources carried it.
 */
export class OfflineStorySummarizer implements StorySummarizer {
  async summarize(story: Story, options: SummaryOptions): Promise<StorySummary> {
    const [lead] = story.articles;
    if (!lead) return { headline: '', summary: [], keyQuotes: [], engine: 'offline' };
    const summary =
      story.articles.length === 1 && lead.summary.length >= options.sentences
        ? lead.summary.slice(0, options.sentences)
        : summarizeStory(
            story.articles.map((article) => article.text),
            options.sentences,
          );
    return { headline: lead.title, summary, keyQuotes: keyQuotes(story, options.quotes), engine: 'offline' };
  }
}

/**
 * The longest attributed quotes that are whole statements rather than fragments (five words or more),
 * one per distinct text, in the order they appear.
 */
export function keyQuotes(story: Story, count: number): KeyQuote[] {
  const seen = new Set<string>();
  const candidates: (KeyQuote & { length: number })[] = [];
  for (const article of story.articles) {
    for (const quote of article.quotes) {
      if (!isStatement(quote)) continue;
      const key = normalizeQuote(quote.text);
      if (seen.has(key)) continue;
      seen.add(key);
      candidates.push({
        text: quote.text,
        speaker: quote.speaker!,
        articleId: article.id,
        length: quote.text.length,
      });
    }
  }
  const chosen = new Set([...candidates].sort((a, b) => b.length - a.length).slice(0, count));
  return candidates
    .filter((quote) => chosen.has(quote))
    .map(({ text, speaker, articleId }) => ({ text, speaker, articleId }));
}

/** A content hash of the story's texts: the cache key for summaries that depend only on them. */
export function storyContentHash(story: Story, options: SummaryOptions): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(options));
  for (const article of story.articles) hash.update(`\u0000${article.title}\u0000${article.text}`);
  return hash.digest('hex').slice(0, 32);
}

function isStatement(quote: Quote): boolean {
  return Boolean(quote.speaker) && quote.text.split(/\s+/).length >= 5;
}

/** Quote texts compared without case, punctuation or quote-mark differences. */
export function normalizeQuote(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
