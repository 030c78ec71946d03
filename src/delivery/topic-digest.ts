import type { Digest, DigestQuote } from '../digest/digest.js';
import type { Story } from '../stories/story.js';

/** A chat's filters as the digest applies them (see chat-filters.ts). */
export type StoryAccept = (story: Story) => boolean;

/** Whose digest it is: the chat's own sources (`audience`, a chat key) and its filters (`accept`). */
export interface DigestScope {
  audience?: string | null;
  accept?: StoryAccept | null;
}

/**
 * Builds the digest for a set of topics (empty: all the news) at an instant; with a scope's
 * `audience` that chat's own sources are in it too, and only the stories `accept` takes are kept.
 */
export type DigestProvider = (now: Date, topics: readonly string[], scope?: DigestScope) => Promise<Digest>;

/** The part of DigestBuilder that delivery uses, so that either can change without the other. */
export interface SingleTopicDigests {
  build(
    now: Date,
    options?: {
      topic?: string | null;
      topics?: readonly string[];
      audience?: string | null;
      accept?: StoryAccept | null;
    },
  ): Promise<Digest>;
}

/**
 * A DigestProvider on top of a one-topic digest builder: with several topics, the stories of each
 * topic's digest are merged (first come, no repeats) up to `maxStories`.
 */
export function topicDigestProvider(builder: SingleTopicDigests, maxStories: number): DigestProvider {
  return async (now, topics, scope = {}) => {
    const audience = scope.audience || null;
    const accept = scope.accept ?? null;
    if (topics.length <= 1) return builder.build(now, { topic: topics[0] ?? null, topics, audience, accept });
    const digests = await Promise.all(
      topics.map((topic) => builder.build(now, { topic, topics, audience, accept })),
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
