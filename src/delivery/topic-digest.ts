import type { Digest, DigestQuote } from '../digest/digest.js';

/**
 * Builds the digest for a set of topics (empty: all the news) at an instant; with `audience` (a
 * chat key), that chat's own sources are in it too.
 */
export type DigestProvider = (now: Date, topics: readonly string[], audience?: string) => Promise<Digest>;

/** The part of DigestBuilder that delivery uses, so that either can change without the other. */
export interface SingleTopicDigests {
  build(
    now: Date,
    options?: { topic?: string | null; topics?: readonly string[]; audience?: string | null },
  ): Promise<Digest>;
}

/**
 * A DigestProvider on top of a one-topic digest builder: with several topics, the stories of each
 * topic's digest are merged (first come, no repeats) up to `maxStories`.
 */
export function topicDigestProvider(builder: SingleTopicDigests, maxStories: number): DigestProvider {
  return async (now, topics, audience) => {
    const chat = audience || null;
    if (topics.length <= 1) return builder.build(now, { topic: topics[0] ?? null, topics, audience: chat });
    const digests = await Promise.all(
      topics.map((topic) => builder.build(now, { topic, topics, audience: chat })),
    );
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
