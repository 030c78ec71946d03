/**
 * The site's addresses, built in one place so that pages, the JSON API and the links the bot sends
 * agree. Every part that comes from data is encoded.
 */
import { parseSpeakerName } from '../quotes/speaker-name.js';

/** `/days/2026-01-05`. */
export function dayPath(date: string): string {
  return `/days/${encodeURIComponent(date)}`;
}

/** A story, found again by clustering the same window of articles (see StoryFinder). */
export function storyPath(storyId: string, until: string): string {
  return `/stories/${encodeURIComponent(storyId)}?until=${encodeURIComponent(until)}`;
}

/** An article's story: the page finds it and sends the reader on. */
export function articlePath(articleId: string): string {
  return `/articles/${encodeURIComponent(articleId)}`;
}

/** A speaker's page, by the registry's key for the name ("mike pompeo" → `/speakers/mike+pompeo`); null for no name. */
export function speakerPath(name: string): string | null {
  const key = parseSpeakerName(name)?.key;
  return key ? `/speakers/${encodeURIComponent(key).replace(/%20/g, '+')}` : null;
}

/** The key in a speaker page's path. */
export function speakerKeyFromPath(segment: string): string {
  return segment.replace(/\+/g, ' ');
}

/** A search's page, with its words and page number. */
export function searchPath(name: string, words: string, page = 1): string {
  const query = new URLSearchParams({ name });
  if (words) query.set('words', words);
  if (page > 1) query.set('page', String(page));
  return `/search?${query.toString()}`;
}
