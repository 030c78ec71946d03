/**
 * Short articles written for these tests, in the conventions the extractor meets on news it has
 * never seen: North American copy with double marks and one paragraph per block, British copy
 * with single marks and its paragraphs run together into one line, page furniture left in the
 * text. Each checks one class of failure from issue 10; none comes from the evaluation corpus.
 */
import { describe, expect, it } from 'vitest';
import type { Quote } from '../../src/quotes/quote.js';
import { extractQuotes } from '../../src/quotes/quote-extractor.js';

function speakerOf(text: string, words: string): string | null | undefined {
  return extractQuotes(text).find((quote) => quote.text.includes(words))?.speaker;
}

function texts(quotes: readonly Quote[]): string[] {
  return quotes.map((quote) => quote.text);
}

describe('titles around a name', () => {
  const rates = 'Rates will stay where they are for now';
  it.each([
    ['title before, verb after', `“${rates},” Secretary of State Mike Pompeo said.`],
    ['title before, colon', `Secretary of State Mike Pompeo said: “${rates}.”`],
    ['title set off by commas', `The Secretary of State, Mike Pompeo, said: “${rates}.”`],
    ['inverted with title', `“${rates},” said Secretary of State Mike Pompeo.`],
  ])('%s gives the person, not the title', (_, text) => {
    expect(speakerOf(text, 'Rates will stay')).toBe('Mike Pompeo');
  });

  it('takes the name after a role in lowercase, not the paragraph before', () => {
    const text = [
      'Stocks fell sharply on Monday after the decision.',
      '“We did what we had to do,” central bank governor Thomas Brandt said.',
    ].join('\n\n');
    expect(speakerOf(text, 'what we had to do')).toBe('Thomas Brandt');
  });

  it('takes the name an appositive gives a description', () => {
    const text = 'The bank’s governor, Thomas Brandt, said: “Inflation is falling faster than we hoped.”';
    expect(speakerOf(text, 'Inflation is falling')).toBe('Thomas Brandt');
  });
});

describe('who cannot speak', () => {
  it('never credits a capitalised word that opened a sentence', () => {
    const text = [
      'Being the first to arrive, the crews started work at dawn.',
      '“It was a long night for everyone.”',
      'Mostly, the roads stayed closed.',
      '“We hope to reopen by Friday.”',
    ].join('\n\n');
    for (const quote of extractQuotes(text)) expect(['Being', 'Mostly']).not.toContain(quote.speaker);
  });

  it('never credits a place or page furniture', () => {
    const text = [
      'Toronto was hit hardest by the storm on Tuesday.',
      'Article Continued Below',
      '“Nobody expected this much snow in one day.”',
      'ANALYST’S VIEWPOINT: “Insurers will feel this for months.”',
    ].join('\n\n');
    const speakers = extractQuotes(text).map((quote) => quote.speaker);
    expect(speakers).not.toContain('Toronto');
    expect(speakers).not.toContain('Article Continued Below');
    expect(speakers.some((speaker) => speaker?.includes('VIEWPOINT'))).toBe(false);
  });

  it('leaves a quote unattributed rather than guess among several people', () => {
    const text = [
      'Maria Lopez and Daniel Okafor met the mayor, and Peter Grant joined them later.',
      '“The plan has to change.”',
    ].join('\n\n');
    expect(extractQuotes(text)[0]?.speaker).toBeNull();
  });
});

describe('descriptions', () => {
  it('keeps a description the article never ties to a name', () => {
    const text = '“The building was evacuated as a precaution,” a fire department spokesperson said.';
    expect(speakerOf(text, 'evacuated')).toBe('a fire department spokesperson');
  });

  it('resolves "the company" to the company the article names', () => {
    const text = [
      'Northwind Airlines Corp. cancelled 40 flights on Sunday.',
      '“Safety comes first,” the company said in a statement.',
    ].join('\n\n');
    expect(speakerOf(text, 'Safety comes first')).toBe('Northwind Airlines Corp');
  });

  it('never puts a description in someone else’s mouth', () => {
    const text = [
      'Ravi Patel, who runs a bakery on Main Street, lost power for two days.',
      '“We are looking at every option,” the minister said.',
    ].join('\n\n');
    expect(speakerOf(text, 'every option')).not.toBe('Ravi Patel');
  });

  it('resolves "the minister" to the minister the article names', () => {
    const text = [
      'Finance Minister Chrystia Freeland tabled the budget on Tuesday.',
      '“This budget is about jobs,” the minister said.',
    ].join('\n\n');
    expect(speakerOf(text, 'about jobs')).toBe('Chrystia Freeland');
  });
});

describe('pronouns and surnames', () => {
  it('resolves "she" to the woman in focus, not the man mentioned last', () => {
    const text = [
      'Wendy Morales, who chairs the school board, met parents on Monday with superintendent Paul Kerr.',
      '“We will not close a single school,” she said.',
    ].join('\n\n');
    expect(speakerOf(text, 'single school')).toBe('Wendy Morales');
  });

  it('resolves a surname to the full name given earlier', () => {
    const text = [
      'Coach Lisa Tran watched from the bench.',
      '“We were not sharp tonight,” Tran said. “We will be better on Friday.”',
    ].join('\n\n');
    expect(extractQuotes(text).map((quote) => quote.speaker)).toEqual(['Lisa Tran', 'Lisa Tran']);
  });
});

describe('British copy, paragraphs run together', () => {
  const article =
    'Shop owners in the high street say the new parking charges are hurting trade. ' +
    "Margaret Ellis, who has run a florist's for 30 years, said: 'Takings are down by a third since March. " +
    "'People used to pop in on their way home. Now they drive to the retail park instead. " +
    "'I don't know how much longer we can keep going.' " +
    'Pictured: the high street on a Saturday morning ' +
    'The council said the charges were needed to fund road repairs. ' +
    "A council spokesman said: 'We keep all charges under review.'";

  it('splits a quotation that runs over several paragraphs at each reopening mark', () => {
    const quotes = extractQuotes(article);
    expect(texts(quotes)).toEqual([
      'Takings are down by a third since March.',
      'People used to pop in on their way home. Now they drive to the retail park instead.',
      "I don't know how much longer we can keep going.",
      'We keep all charges under review.',
    ]);
  });

  it('credits every paragraph of the quotation to its speaker', () => {
    const speakers = extractQuotes(article).map((quote) => quote.speaker);
    expect(speakers).toEqual(['Margaret Ellis', 'Margaret Ellis', 'Margaret Ellis', 'A council spokesman']);
  });

  it('does not take apostrophes for quote marks', () => {
    const text =
      "The band's fans remember the '90s, when rock 'n' roll still filled the students' union. " +
      "It's a sound that's gone, and the O'Neills' pub closed in 2010.";
    expect(extractQuotes(text)).toEqual([]);
  });

  it('keeps a nested quotation inside its quotation', () => {
    const text =
      "Dr Hannah Price said: 'The so-called 'miracle cream' does nothing for dry skin. 'Save your money.'";
    expect(texts(extractQuotes(text))).toEqual([
      "The so-called 'miracle cream' does nothing for dry skin.",
      'Save your money.',
    ]);
  });

  it('closes a quotation at a word in s', () => {
    const text =
      "Tom Hughes said the scheme was 'a gift to the big developers' and called for an inquiry. " +
      "'We deserve answers,' he added.";
    const quotes = extractQuotes(text);
    expect(texts(quotes)).toContain('We deserve answers,');
    expect(quotes.find((quote) => quote.text === 'We deserve answers,')?.speaker).toBe('Tom Hughes');
  });

  it('reads scare quotes and labels as no quotation', () => {
    const text = "The so-called 'white elephant' opened in 2004, two years after the 'Gherkin'.";
    expect(extractQuotes(text)).toEqual([]);
  });
});
