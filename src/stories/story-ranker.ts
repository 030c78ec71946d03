/**
 * Orders stories by what makes news matter to a reader of a daily digest:
 *
 * - reach: how many distinct sources carried it (an event several newsrooms covered independently
 *   matters more than one outlet's item), on a log scale so that wire copies do not drown the rest;
 * - voices: the people quoted in it, each counting more the more stories of the day quote them (a
 *   head of government quoted everywhere is more prominent than a local spokesperson);
 * - freshness: it halves in weight every `halfLifeHours` since its latest report, but never to
 *   nothing, so a big story of the morning still beats an evening brief;
 * - the subscriber's topics: a story about one of them counts `topicBoost` times.
 */
import type { StoredArticle } from '../articles/stored-article.js';
import { speakerKey } from '../quotes/speaker-name.js';
import { articleTime } from './article-features.js';
import { topicMatcher, storyMatches } from './story-topics.js';
import { sourceKey, type Story, type StoryArticle } from './story.js';

export interface RankOptions<A extends StoryArticle = StoredArticle> {
  now: Date;
  /** The subscriber's topics; stories about any of them are boosted. */
  topics?: readonly string[];
  /**
   * Whether a story is about a topic; by default, whether one of its articles names it in its
   * categories, title or text (story-topics.ts). Stories of briefs, which hold no text, need it.
   */
  about?: (story: Story<A>, topic: string) => boolean;
  /** Hours after which freshness is halved. */
  halfLifeHours?: number;
  /** Only the best this many are wanted (a digest shows ten of a day's tens of thousands). */
  limit?: number;
  /** Factor for a story about one of `topics`. */
  topicBoost?: number;
}

/** A story with what its rank was computed from, for the digest and for tests. */
export interface RankedStory<A extends StoryArticle = StoredArticle> {
  story: Story<A>;
  score: number;
  /** Distinct sources that carried it. */
  sources: number;
  /** Its latest report (ms). */
  latest: number;
  /** Who is quoted in it, fullest names, the most prominent first. */
  speakers: string[];
  /** Which of the subscriber's topics it is about. */
  topics: string[];
}

const HALF_LIFE_HOURS = 24;
const TOPIC_BOOST = 3;
/** Weight of one quoted speaker against one extra source. */
const SPEAKER_WEIGHT = 0.3;
/** Only the most prominent few voices count: a story is not better for quoting twenty people. */
const MAX_SPEAKERS = 3;
/** The share of the score that never fades. */
const FRESHNESS_FLOOR = 0.25;

const NO_VOICES: ReadonlyMap<string, string> = new Map();

/** Ranks stories, best first; ties go to the more recent, then to the smaller id. */
export function rankStories<A extends StoryArticle>(
  stories: readonly Story<A>[],
  options: RankOptions<A> & Required<Pick<RankOptions<A>, 'about'>>,
): RankedStory<A>[];
export function rankStories(stories: readonly Story[], options: RankOptions): RankedStory[];
export function rankStories<A extends StoryArticle>(
  stories: readonly Story<A>[],
  options: RankOptions<A>,
): RankedStory<A>[] {
  const now = options.now.getTime();
  const halfLife = (options.halfLifeHours ?? HALF_LIFE_HOURS) * 3_600_000;
  const about = options.about;
  // Topics that can match nothing (only separators) are dropped, whichever test is used.
  const topics = (options.topics ?? []).flatMap((topic) => {
    const matches = topicMatcher(topic);
    if (!matches) return [];
    const test = about
      ? (story: Story<A>) => about(story, topic)
      : (story: Story<A>) => storyMatches(story as unknown as Story, matches);
    return [{ topic, test }];
  });
  const keys = new Map<string, string>();
  const voices = stories.map((story) => storyVoices(story, keys));
  const prominence = new Map<string, number>();
  for (const storyVoice of voices)
    for (const key of storyVoice.keys()) prominence.set(key, (prominence.get(key) ?? 0) + 1);

  const ranked = stories.map((story, i): RankedStory<A> => {
    // Most stories have one article; they need no set to count one source.
    const sources = story.articles.length === 1 ? 1 : new Set(story.articles.map(sourceKey)).size;
    const latest = story.articles.reduce((max, article) => Math.max(max, articleTime(article)), 0);
    const speakers =
      voices[i]!.size === 0
        ? []
        : [...voices[i]!].map(([key, name]) => ({
            name,
            weight: 1 + Math.log2(prominence.get(key) ?? 1),
          }));
    if (speakers.length > 1) speakers.sort((a, b) => b.weight - a.weight || a.name.localeCompare(b.name));
    const voiceScore =
      SPEAKER_WEIGHT * speakers.slice(0, MAX_SPEAKERS).reduce((sum, speaker) => sum + speaker.weight, 0);
    const age = Math.max(0, now - latest);
    const freshness = FRESHNESS_FLOOR + (1 - FRESHNESS_FLOOR) * 0.5 ** (age / halfLife);
    const matched = topics.filter((entry) => entry.test(story)).map((entry) => entry.topic);
    const boost = matched.length > 0 ? (options.topicBoost ?? TOPIC_BOOST) : 1;
    return {
      story,
      score: (Math.log2(1 + sources) + voiceScore) * freshness * boost,
      sources,
      latest,
      speakers: speakers.map((speaker) => speaker.name),
      topics: matched,
    };
  });
  return best(ranked, options.limit ?? ranked.length);
}

/** Best first: higher score, then more recent, then the smaller id. */
const better = (a: RankedStory<StoryArticle>, b: RankedStory<StoryArticle>) =>
  b.score - a.score || b.latest - a.latest || (a.story.id < b.story.id ? -1 : 1);

/** The `limit` best of `ranked`, best first: a sort of the few kept rather than of them all. */
function best<R extends RankedStory<StoryArticle>>(ranked: R[], limit: number): R[] {
  if (limit >= ranked.length) return ranked.sort(better);
  const kept: R[] = [];
  for (const entry of ranked) {
    if (kept.length === limit && better(entry, kept[limit - 1]!) >= 0) continue;
    let at = kept.length;
    while (at > 0 && better(entry, kept[at - 1]!) < 0) at--;
    kept.splice(at, 0, entry);
    if (kept.length > limit) kept.pop();
  }
  return kept;
}

/**
 * The speakers quoted in a story, keyed by surname so that "Pompeo" and "Mike Pompeo" are one
 * voice, each with the fullest spelling seen. `keys` caches the surname of each spelling.
 */
function storyVoices(story: Story<StoryArticle>, keys: Map<string, string>): ReadonlyMap<string, string> {
  // Most stories quote nobody: they share one empty map (a day has tens of thousands of stories).
  if (story.articles.every((article) => article.quotes.length === 0)) return NO_VOICES;
  const voices = new Map<string, string>();
  for (const article of story.articles) {
    for (const quote of article.quotes) {
      if (!quote.speaker) continue;
      let key = keys.get(quote.speaker);
      if (key === undefined) {
        key = speakerKey(quote.speaker).split(' ').pop() ?? '';
        keys.set(quote.speaker, key);
      }
      if (!key) continue;
      const known = voices.get(key);
      if (!known || quote.speaker.length > known.length) voices.set(key, quote.speaker);
    }
  }
  return voices;
}
