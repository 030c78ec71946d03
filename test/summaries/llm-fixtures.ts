/**
 * A two-article story for the LLM engine's tests, written for them: quotes and summaries come from
 * the real extractor and summarizer, as they would in the store.
 */
import type { StoredArticle } from '../../src/articles/stored-article.js';
import { extractQuotes } from '../../src/quotes/quote-extractor.js';
import type { Story } from '../../src/stories/story.js';
import { summarize } from '../../src/summaries/extractive-summarizer.js';

export const RAIL_TEXT_A = `Finance Minister Clara Osei announced on Monday that the national rail network will receive 4.2 billion euros over five years.

“This is the largest investment in our railways for a generation,” Osei said at a press conference in Accra.

Opposition leader Daniel Mensah criticised the plan. “The money will vanish into consultancy fees before a single track is laid,” Mensah told reporters.

The ministry said work on the northern line would begin in March.`;

export const RAIL_TEXT_B = `The government will spend 4.2 billion euros on railways, Finance Minister Clara Osei said on Monday.

"We’re starting with the northern line, because it carries the most freight," said Osei.

Daniel Mensah, who leads the opposition, was sceptical. "The money will vanish into consultancy fees before a single track is laid," he said.`;

export const OSEI_QUOTE = 'This is the largest investment in our railways for a generation';
export const MENSAH_QUOTE = 'The money will vanish into consultancy fees before a single track is laid';
export const FREIGHT_QUOTE = 'We’re starting with the northern line, because it carries the most freight';

export function storedArticle(fields: {
  id: string;
  title: string;
  text: string;
  source: string;
}): StoredArticle {
  return {
    ...fields,
    url: `https://example.test/${fields.id}`,
    byline: null,
    published: '2026-03-02T08:00:00.000Z',
    summary: summarize(fields.text, 3),
    quotes: extractQuotes(fields.text),
    seenAt: '2026-03-02T09:00:00.000Z',
    sourceId: fields.source.toLowerCase().replace(/\W+/g, '-'),
    categories: [],
  };
}

/** The rail story, told by two sources; `id` and titles vary so tests can make distinct stories. */
export function railStory(id = 'story-rail', titleSuffix = ''): Story {
  return {
    id,
    articles: [
      storedArticle({
        id: `${id}-a`,
        title: `Osei pledges 4.2 billion euros for the railways${titleSuffix}`,
        text: RAIL_TEXT_A,
        source: 'Wire A',
      }),
      storedArticle({
        id: `${id}-b`,
        title: `Government to spend billions on rail${titleSuffix}`,
        text: RAIL_TEXT_B,
        source: 'Daily B',
      }),
    ],
  };
}

/** A good answer for the rail story, in the shape the engine asks for. */
export const GOOD_RAIL_ANSWER = {
  headline: 'Government pledges 4.2 billion euros for the railways',
  summary: [
    'Finance Minister Clara Osei said the national rail network will receive 4.2 billion euros over five years.',
    'Opposition leader Daniel Mensah said the money would vanish into consultancy fees.',
  ],
  quotes: [
    { text: `“${OSEI_QUOTE}.”`, speaker: 'Osei' },
    { text: MENSAH_QUOTE, speaker: 'Daniel Mensah' },
  ],
};
