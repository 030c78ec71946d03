import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../src/quotes/quote-extractor.js';
import { parseLocalDocument } from '../../src/sources/local-document.js';
import { extractPage } from '../../src/sources/page-extractor.js';
import { isFurniture, removePageFurniture } from '../../src/text/page-furniture.js';

describe('removePageFurniture', () => {
  it.each([
    'Advertisement',
    'ADVERTISEMENT',
    'Article Continued Below',
    'Story continues below advertisement',
    'Scroll down for video',
    'READ MORE: Commuter chaos after convoy moves into the city',
    'Related: Five things to know about the budget',
    'Share this article',
    'Share on Facebook',
    'Open this photo in gallery:',
    'Sign up for our morning newsletter.',
    'Mark Duffy/The Associated Press',
    '(Reuters)',
    'Getty Images',
    'A train arrives at Beijing Railway Station on Tuesday. (Mark Schiefelbein/Associated Press)',
    'The minister speaks to reporters in Ottawa. (Sean Kilpatrick/The Canadian Press)',
  ])('drops the paragraph %j', (paragraph) => {
    expect(isFurniture(paragraph)).toBe(true);
    expect(removePageFurniture(`Rates rose on Monday.\n\n${paragraph}\n\nMarkets fell.`)).toBe(
      'Rates rose on Monday.\n\nMarkets fell.',
    );
  });

  it.each([
    '“We will not close a single school,” she said.',
    'Share prices fell 3% on Monday, the steepest drop this year.',
    'Advertisement revenue fell by a third, the company said.',
    'Prices rose 4.2% (year/year) in March.',
    'Read the full report before Friday, the union told members.',
    'Anxiety among addicts',
  ])('keeps the paragraph %j', (paragraph) => {
    expect(isFurniture(paragraph)).toBe(false);
    expect(removePageFurniture(paragraph)).toBe(paragraph);
  });

  it('takes furniture phrases out of paragraphs that were run together', () => {
    const text =
      'Gordon Brown warned voters on Monday. Scroll down for video Gordon Brown, pictured, has warned that the vote matters.';
    expect(removePageFurniture(text)).toBe(
      'Gordon Brown warned voters on Monday. Gordon Brown, pictured, has warned that the vote matters.',
    );
  });

  it('keeps the words of real paragraphs exactly', () => {
    const text = 'First paragraph.\n\n  Second   paragraph with  spacing.  \n\nThird.';
    expect(removePageFurniture(text)).toBe('First paragraph.\n\nSecond   paragraph with  spacing.\n\nThird.');
  });

  it('takes every phrase out of a 500,000-character paragraph without breaks', () => {
    const cleaned = removePageFurniture('Scroll down for video word '.repeat(20_000));
    expect(cleaned).not.toContain('Scroll');
    expect(cleaned.split(' ')).toHaveLength(20_000);
  });
});

describe('page furniture at the extraction points', () => {
  it('never reaches a quote from a page', () => {
    const paragraphs = [
      'Dorie Greenspan has written 13 cookbooks, and her new one is about weeknight cooking at home.',
      'Article Continued Below',
      '“I cook simple food and I don’t fuss about the finishing touches,” she says.',
      'Advertisement',
      'Greenspan visited the test kitchen on Tuesday with her husband and talked about her career in food writing.',
    ];
    const html = `<html><head><title>Dorie Greenspan cooks at home</title></head><body><article>${paragraphs
      .map((p) => `<p>${p}</p>`)
      .join('')}</article></body></html>`;
    const page = extractPage(html, 'https://news.example/greenspan');
    expect(page.text).not.toContain('Article Continued Below');
    expect(page.text).not.toContain('Advertisement');
    const quotes = extractQuotes(page.text);
    expect(quotes.map((quote) => quote.speaker)).toEqual(['Dorie Greenspan']);
  });

  it('removes captions and credits from a local text file', () => {
    const file = [
      'date 2020-02-01 world',
      '',
      'Leaders met in London',
      '',
      'The two ministers met on Thursday to discuss 5G networks.',
      '',
      'The ministers at the Foreign Office in London. (Kevin Lamarque / WPA Pool / Getty Images)',
      '',
      '“This is a close partnership,” said Dominic Raab.',
    ].join('\n');
    const article = parseLocalDocument(file, '/tmp/leaders.txt', 'text');
    expect(article.text).not.toContain('Getty Images');
    expect(article.text).toContain('close partnership');
  });
});
