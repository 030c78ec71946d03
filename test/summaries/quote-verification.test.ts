import { describe, expect, it } from 'vitest';
import {
  normalizeForMatch,
  sameSpeaker,
  verifyKeyQuotes,
  type ClaimedQuote,
} from '../../src/summaries/quote-verification.js';
import { FREIGHT_QUOTE, MENSAH_QUOTE, OSEI_QUOTE, railStory, storedArticle } from './llm-fixtures.js';

const story = railStory();
const verify = (claims: ClaimedQuote[], max = 5) => verifyKeyQuotes(story, claims, max);

describe('verifyKeyQuotes', () => {
  it('keeps a real quote with its speaker, in the article’s words and with our speaker’s full name', () => {
    const result = verify([{ text: OSEI_QUOTE, speaker: 'Osei' }]);
    expect(result.dropped).toEqual([]);
    expect(result.kept).toEqual([{ text: OSEI_QUOTE, speaker: 'Clara Osei', articleId: 'story-rail-a' }]);
  });

  it('allows whitespace and quote-mark differences, and quote marks or a full stop around the claim', () => {
    const claims = [
      { text: '“This is the largest  investment in our\nrailways for a generation.”', speaker: 'Clara Osei' },
      // The article has a curly apostrophe; models often write a straight one.
      {
        text: `"We're starting with the northern line, because it carries the most freight"`,
        speaker: 'Osei',
      },
    ];
    const result = verify(claims);
    expect(result.dropped).toEqual([]);
    expect(result.kept.map((quote) => quote.text)).toEqual([OSEI_QUOTE, FREIGHT_QUOTE]);
  });

  it('keeps an excerpt of a quotation, cut from the article text', () => {
    const result = verify([{ text: 'vanish into consultancy fees', speaker: 'Mensah' }]);
    expect(result.kept).toEqual([
      { text: 'vanish into consultancy fees', speaker: 'Daniel Mensah', articleId: 'story-rail-a' },
    ]);
  });

  it('drops a quote that is not in the articles, and one that differs in a word, a letter’s case or an ellipsis', () => {
    const result = verify([
      { text: 'We will build high-speed lines to every city by 2030', speaker: 'Clara Osei' },
      { text: 'This is the biggest investment in our railways for a generation', speaker: 'Clara Osei' },
      { text: 'this is the largest investment in our railways for a generation', speaker: 'Clara Osei' },
      { text: 'This is the largest investment … for a generation', speaker: 'Clara Osei' },
    ]);
    expect(result.kept).toEqual([]);
    expect(result.dropped.map((drop) => drop.reason)).toEqual(Array(4).fill('not-in-articles'));
  });

  it('drops a real quote given to the wrong speaker and says who said it', () => {
    const result = verify([{ text: OSEI_QUOTE, speaker: 'Daniel Mensah' }]);
    expect(result.kept).toEqual([]);
    expect(result.dropped).toEqual([
      { text: OSEI_QUOTE, speaker: 'Daniel Mensah', reason: 'wrong-speaker', ourSpeaker: 'Clara Osei' },
    ]);
  });

  it('drops narration passed off as a quote, an unattributed quotation, fragments and repeats', () => {
    const withUnattributed = {
      id: 's2',
      articles: [
        {
          ...storedArticle({
            id: 'u',
            title: 'Signs',
            text: 'A sign read “Trains run late and patience runs out” today.',
            source: 'X',
          }),
          quotes: [{ text: 'Trains run late and patience runs out', speaker: null, start: 13, end: 50 }],
        },
        ...story.articles,
      ],
    };
    const result = verifyKeyQuotes(
      withUnattributed,
      [
        { text: 'the national rail network will receive 4.2 billion euros', speaker: 'Clara Osei' },
        { text: 'Trains run late and patience runs out', speaker: 'Clara Osei' },
        { text: 'consultancy fees', speaker: 'Daniel Mensah' },
        { text: MENSAH_QUOTE, speaker: 'Mensah' },
        { text: `${MENSAH_QUOTE},`, speaker: 'Daniel Mensah' },
      ],
      5,
    );
    expect(result.dropped.map((drop) => drop.reason)).toEqual([
      'not-a-quotation',
      'unattributed',
      'too-short',
      'duplicate',
    ]);
    expect(result.kept.map((quote) => quote.speaker)).toEqual(['Daniel Mensah']);
  });

  it('keeps at most the number asked for', () => {
    const result = verify(
      [
        { text: OSEI_QUOTE, speaker: 'Osei' },
        { text: MENSAH_QUOTE, speaker: 'Mensah' },
      ],
      1,
    );
    expect(result.kept.map((quote) => quote.text)).toEqual([OSEI_QUOTE]);
  });
});

describe('normalizeForMatch', () => {
  it('unifies quote marks and whitespace and remembers where each character came from', () => {
    const original = '«Bonjour»\u00a0 ‘tout’\n„le” ″monde″\u200b!';
    const { text, origin } = normalizeForMatch(original);
    expect(text).toBe(`"Bonjour" 'tout' "le" "monde"!`);
    expect(origin).toHaveLength(text.length);
    expect(original[origin[text.indexOf('t')]!]).toBe('t');
    expect(original[origin[text.length - 1]!]).toBe('!');
  });
});

describe('sameSpeaker', () => {
  it.each([
    ['Osei', 'Clara Osei', true],
    ['Finance Minister Clara Osei', 'Clara Osei', true],
    ['Michael Pompeo', 'Mike Pompeo', true],
    ['Mike R. Pompeo', 'Mike Pompeo', true],
    ['Secretary of State Mike Pompeo', 'Mike Pompeo', true],
    ["Pompeo's", 'Mike Pompeo', true],
    ['José Pérez', 'Jose Perez', true],
    ['the European Commission', 'European Commission', true],
    ['Boris Johnson', 'Lyndon Johnson', false],
    ['Federal Trade Commission', 'European Commission', false],
    ['Daniel Mensah', 'Clara Osei', false],
    ['', 'Clara Osei', false],
  ])('%j is %j: %s', (claimed, ours, expected) => {
    expect(sameSpeaker(claimed, ours)).toBe(expected);
  });
});
