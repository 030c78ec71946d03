import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/text/sentences.js';

const texts = (input: string): string[] => splitSentences(input).map((s) => s.text);

describe('splitSentences', () => {
  it('gives nothing for empty, blank or non-text input', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences('  \n\n\t ')).toEqual([]);
    expect(splitSentences(undefined as unknown as string)).toEqual([]);
    expect(splitSentences('... !!! ???')).toEqual([]);
  });

  it('returns offsets into the input that reproduce each sentence', () => {
    const input = '  The vote passed.  "It is over," she said.\n\nMarkets rose 2.5 per cent. ';
    const spans = splitSentences(input);
    expect(spans.map((s) => s.text)).toEqual([
      'The vote passed.',
      '"It is over," she said.',
      'Markets rose 2.5 per cent.',
    ]);
    for (const span of spans) expect(input.slice(span.start, span.end)).toBe(span.text);
  });

  it('does not break after titles, initials or numbered abbreviations', () => {
    expect(
      texts('Mr. Smith met Dr. Jones and Sen. Warren. John F. Kennedy and J. K. Rowling were named. Hi.'),
    ).toEqual([
      'Mr. Smith met Dr. Jones and Sen. Warren.',
      'John F. Kennedy and J. K. Rowling were named.',
      'Hi.',
    ]);
    expect(texts('He lives at No. 10 Downing Street. It opened on Jan. 5 last year.')).toEqual([
      'He lives at No. 10 Downing Street.',
      'It opened on Jan. 5 last year.',
    ]);
  });

  it('keeps decimals, acronyms inside a sentence and web addresses together', () => {
    expect(texts('The U.S. Navy paid $3.5 million. See example.com for more.')).toEqual([
      'The U.S. Navy paid $3.5 million.',
      'See example.com for more.',
    ]);
  });

  it('breaks after an acronym when a typical sentence opener follows', () => {
    expect(texts('Troops returned to the U.S. The deployment ended.')).toEqual([
      'Troops returned to the U.S.',
      'The deployment ended.',
    ]);
    expect(texts('Shares of Apple Inc. rose. They fell later at Apple Inc. The stock closed flat.')).toEqual([
      'Shares of Apple Inc. rose.',
      'They fell later at Apple Inc.',
      'The stock closed flat.',
    ]);
  });

  it('keeps closing quotes with the sentence they end', () => {
    expect(
      texts('He said: "We won." Then he left. \u201cWhy now?\u201d asked Ann. \u2018Go.\u2019 Done.'),
    ).toEqual([
      'He said: "We won."',
      'Then he left.',
      '\u201cWhy now?\u201d asked Ann.',
      '\u2018Go.\u2019',
      'Done.',
    ]);
  });

  it('continues after a quoted question or exclamation followed by its attribution', () => {
    expect(texts('"Why?" he asked. "Stop!" she shouted. Really?! Yes.')).toEqual([
      '"Why?" he asked.',
      '"Stop!" she shouted.',
      'Really?!',
      'Yes.',
    ]);
  });

  it('treats an ellipsis as an end only before a capital', () => {
    expect(texts('And we rate them... A new range arrived. It was\u2026 fine, really.')).toEqual([
      'And we rate them...',
      'A new range arrived.',
      'It was\u2026 fine, really.',
    ]);
  });

  it('ends sentences at blank lines and list bullets, but not at a single line break', () => {
    expect(
      texts(
        'Headline without a stop\r\n\r\nBody text that wraps\nonto a second line.\n- first item\n- second item',
      ),
    ).toEqual([
      'Headline without a stop',
      'Body text that wraps\nonto a second line.',
      '- first item',
      '- second item',
    ]);
  });

  it('does not break before a lowercase word', () => {
    expect(texts('Bring pens, paper, etc. and a ruler. Fine.')).toEqual([
      'Bring pens, paper, etc. and a ruler.',
      'Fine.',
    ]);
  });

  it('stays linear on long and pathological input', () => {
    const long = 'Word. '.repeat(50_000) + '.'.repeat(50_000) + 'x'.repeat(50_000);
    const started = performance.now();
    const spans = splitSentences(long);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(spans.length).toBe(50_001);
  });
});
