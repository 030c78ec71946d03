/**
 * What happens to a quotation whose speaker the extractor is not sure of: it is kept, with no
 * speaker and its confidence, and it never reaches the digest or anyone's /quotes.
 */
import { describe, expect, it } from 'vitest';
import type { StoredArticle } from '../../src/articles/stored-article.js';
import { extractQuotes } from '../../src/quotes/quote-extractor.js';
import { fileQuotes } from '../../src/quotes/quote-filing.js';
import { SPEAKER_THRESHOLD } from '../../src/quotes/quote.js';
import { keyQuotes } from '../../src/summaries/story-summarizer.js';

const TEXT = [
  '“The plan has to change before the winter comes,” said Maria Lopez after the meeting.',
  'Daniel Okafor and Peter Grant, who sit on the transit board, met the mayor on Monday.',
  '“Nobody at that table wanted to talk about the bus routes and the fares.”',
].join('\n\n');

function stored(text: string): StoredArticle {
  return {
    id: 'a1',
    url: 'https://news.example/a1',
    title: 'Budget talks',
    byline: null,
    published: '2026-11-25T10:00:00.000Z',
    source: 'Example Wire',
    text,
    summary: [],
    quotes: extractQuotes(text),
    seenAt: '2026-11-25T11:00:00.000Z',
    sourceId: 'wire',
    categories: [],
  };
}

describe('an unattributed quotation', () => {
  const article = stored(TEXT);
  const [sure, unsure] = article.quotes;

  it('is kept, with no speaker and the confidence that was too low', () => {
    expect(sure?.speaker).toBe('Maria Lopez');
    expect(sure?.confidence).toBeGreaterThanOrEqual(SPEAKER_THRESHOLD);
    expect(unsure?.text).toContain('Nobody at that table');
    expect(unsure?.speaker).toBeNull();
    expect(unsure?.confidence).toBeLessThan(SPEAKER_THRESHOLD);
  });

  it('is filed under nobody', () => {
    const batch = fileQuotes([article]);
    const filed = [...batch.refsByVariant.values()].flat().map((ref) => ref.text);
    expect(filed).toEqual([sure!.text]);
  });

  it('is left out of the digest’s key quotes', () => {
    const quotes = keyQuotes({ id: 's1', articles: [article] }, 5);
    expect(quotes.map((quote) => quote.speaker)).toEqual(['Maria Lopez']);
  });
});
