import type { StoredArticle } from '../articles/stored-article.js';
import type { Story } from './story.js';

/** Tells whether an article is about a topic. */
export type TopicMatcher = (article: StoredArticle) => boolean;

/**
 * A matcher for a subscriber's topic ("climate", "Premier League"): true when the topic stands as
 * whole words, in any case, in one of the article's categories, its title or its text. Whole
 * words, so that "art" finds no "party" and "US" no "campus"; the words of a phrase may be joined
 * by spaces, hyphens or underscores. The topic is user input, so it is never compiled into a
 * regular expression: the search is a plain scan, linear in the text, whatever the topic holds.
 * Null for an empty topic.
 *
 * @example
 * const aboutClimate = topicMatcher('climate');
 * stories.filter((story) => storyMatches(story, aboutClimate!));
 */
export function topicMatcher(topic: string): TopicMatcher | null {
  const words = (normalizeTopic(topic) ?? '')
    .toLowerCase()
    .split(' ')
    .map(trimSeparators)
    .filter((word) => word !== '');
  if (words.length === 0) return null;
  return (article) =>
    article.categories.some((category) => containsPhrase(category, words)) ||
    containsPhrase(article.title, words) ||
    containsPhrase(article.text, words);
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

/** Whether `words` occur in `text` in order, joined by separators, with no letter or digit around. */
function containsPhrase(text: string, words: readonly string[]): boolean {
  const haystack = text.toLowerCase();
  const first = words[0]!;
  for (let from = 0; ;) {
    const at = haystack.indexOf(first, from);
    if (at < 0) return false;
    if (!isWordCharBefore(haystack, at) && restMatches(haystack, at + first.length, words)) return true;
    from = at + 1;
  }
}

/** After the first word ends at `position`: the other words, each after at least one separator. */
function restMatches(haystack: string, position: number, words: readonly string[]): boolean {
  let at = position;
  for (let i = 1; i < words.length; i++) {
    const start = at;
    while (at < haystack.length && isSeparator(haystack.charCodeAt(at))) at++;
    if (at === start || !haystack.startsWith(words[i]!, at)) return false;
    at += words[i]!.length;
  }
  return !isWordCharAt(haystack, at);
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const DASH = /\p{Pd}/u;

/** Whitespace, a dash of any kind, or an underscore: what may join the words of a phrase. */
function isSeparator(code: number): boolean {
  if (code === 0x5f || code === 0x20 || (code >= 0x09 && code <= 0x0d)) return true;
  const char = String.fromCharCode(code);
  return /\s/u.test(char) || DASH.test(char);
}

function trimSeparators(word: string): string {
  let start = 0;
  let end = word.length;
  while (start < end && isSeparator(word.charCodeAt(start))) start++;
  while (end > start && isSeparator(word.charCodeAt(end - 1))) end--;
  return word.slice(start, end);
}

function isWordCharAt(text: string, index: number): boolean {
  const code = text.codePointAt(index);
  return code !== undefined && WORD_CHAR.test(String.fromCodePoint(code));
}

function isWordCharBefore(text: string, index: number): boolean {
  if (index <= 0) return false;
  const low = text.charCodeAt(index - 1);
  const pairStart = low >= 0xdc00 && low <= 0xdfff && index >= 2 ? index - 2 : index - 1;
  return isWordCharAt(text, pairStart);
}
