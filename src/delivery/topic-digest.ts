import type { Digest, DigestQuote } from '../digest/digest.js';
import type { Story } from '../stories/story.js';

/** A chat's filters as the digest applies them (see chat-filters.ts). */
export type StoryAccept = (story: Story) => boolean;

/**
 * Builds the digest for a set of topics (empty: all the news) at an instant, keeping only the
 * stories `accept` takes when a chat has filters.
 */
export type DigestProvider = (
  now: Date,
  topics: readonly string[],
  accept?: StoryAccept | null,
) => Promise<Digest>;

/** The part of DigestBuilder that delivery uses, so that either can change without the other. */
export interface SingleTopicDigests {
  build(
    now: Date,
    options?: { topic?: string | null; topics?: readonly string[]; accept?: StoryAccept | null },
  ): Promise<Digest>;
}

/**
 * A DigestProvider on top of a one-topic digest builder: with several topics, the stories of each
 * topic's digest are merged (first come, no repeats) up to `maxStories`.
 */
export function topicDigestProvider(builder: SingleTopicDigests, maxStories: number): DigestProvider {
  return async (now, topics, accept = null) => {
    if (topics.length <= 1) return builder.build(now, { topic: topics[0] ?? null, topics, accept });
    const digests = await Promise.all(topics.map((topic) => builder.build(now, { topic, topics, accept })));
    const seen = new Set<string>();
    const stories = digests
      .flatMap((digest) => digest.stories)
      .filter((story) => {
        const key = story.links[0]?.url ?? story.headline;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      })
      .slice(0, maxStories);
    const quoteOfTheDay = stories
      .flatMap((story) => story.quotes)
      .reduce<DigestQuote | null>(
        (best, quote) => (!best || quote.text.length > best.text.length ? quote : best),
        null,
      );
    return { ...digests[0]!, topic: topics.join(', '), topics: [...topics], stories, quoteOfTheDay };
  };
}
