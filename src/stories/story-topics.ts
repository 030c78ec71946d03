import type { StoredArticle } from '../articles/stored-article.js';
import type { Story } from './story.js';

/** Tells whether an article is about a topic. */
export type TopicMatcher = (article: StoredArticle) => boolean;

/**
 * A matcher for a subscriber's topic ("climate", "Premier League"): true when the topic stands as
 * whole words, in any case, in one of the article's categories, its title or its text. Whole
 * words, so that "art" finds no "party" and "US" no "campus". Null for an empty topic.
 *
 * @example
 * const aboutClimate = topicMatcher('climate');
 * stories.filter((story) => storyMatches(story, aboutClimate!));
 */
export function topicMatcher(topic: string): TopicMatcher | null {
  const words = normalizeTopic(topic);
  if (!words) return null;
  const body = words
    .split(' ')
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[\\s\\p{Pd}_]+');
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'iu');
  return (article) =>
    article.categories.some((category) => pattern.test(category)) ||
    pattern.test(article.title) ||
    pattern.test(article.text);
}

/** A story is about a topic when any of its articles is. */
export function storyMatches(story: Story, matcher: TopicMatcher): boolean {
  return story.articles.some(matcher);
}

/** The topic as shown and compared: trimmed, inner spaces collapsed, a leading "#" dropped; null when empty. */
export function normalizeTopic(topic: string | null | undefined): string | null {
  const words = (topic ?? '').trim().replace(/^#+/, '').replace(/\s+/g, ' ').trim();
  return words || null;
}
