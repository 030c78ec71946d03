import type { Digest, DigestQuote, DigestStory } from '../../src/digest/digest.js';

/** A digest story with every field filled, for renderer and delivery tests. */
export function storyFixture(
  headline: string,
  summary: string,
  quotes: DigestQuote[],
  url: string,
): DigestStory {
  return {
    id: url,
    headline,
    summary: [summary],
    quotes,
    links: [{ title: headline, url, source: 'Wire', published: null }],
    sources: 1,
    articles: 1,
    updated: '2025-10-24T06:00:00.000Z',
    topics: [],
    engine: 'offline',
  };
}

/** A digest around the given stories. */
export function digestFixture(
  stories: DigestStory[],
  topic: string | null = null,
  quoteOfTheDay: DigestQuote | null = null,
): Digest {
  return {
    date: '2025-10-26',
    generatedAt: '2025-10-26T06:00:00.000Z',
    window: { since: '2025-10-25T06:00:00.000Z', until: '2025-10-26T06:00:00.000Z', hours: 24 },
    topic,
    topics: [],
    stories,
    quoteOfTheDay,
    stats: { articles: stories.length, stories: stories.length },
  };
}
