/**
 * Builds the digest: the articles first seen in the window are clustered into stories (one per
 * event, however many sources told it), ranked, optionally filtered to a topic, and the top ones
 * summarized by the configured engine into the platform-neutral Digest.
 */
import type { ArticleRepository } from '../articles/article-repository.js';
import type { Logger } from '../kernel/logger.js';
import { describeError } from '../kernel/describe-error.js';
import { mapConcurrently } from '../kernel/map-concurrently.js';
import { clusterStories } from '../stories/story-clusterer.js';
import { visibleStories, type StoryTracker } from '../stories/story-tracker.js';
import { rankStories, type RankedStory } from '../stories/story-ranker.js';
import { normalizeTopic, storyMatches, topicMatcher } from '../stories/story-topics.js';
import { sourceKey, type Story, type StoryArticle } from '../stories/story.js';
import {
  OfflineStorySummarizer,
  type StorySummarizer,
  type StorySummary,
  type SummaryOptions,
} from '../summaries/story-summarizer.js';
import { capLine, capSentences, DISPLAY_LIMITS } from '../chat/display-limits.js';
import type { Digest, DigestLink, DigestQuote, DigestStory } from './digest.js';
import { localDate } from './local-date.js';
import { safeImageUrl } from '../articles/image-url.js';

/** What a digest holds; from the config's `digest` and `summarizer` sections. */
export interface DigestOptions {
  maxStories: number;
  quotesPerStory: number;
  windowHours: number;
  /** Sentences per story summary (`summarizer.sentences`); 3 when not given. */
  sentences?: number;
  /** IANA time zone of the digest's date (`digest.timeZone`); UTC when not given. */
  timeZone?: string;
  /** Stories summarized at once: the LLM engine waits on the network. 4 when not given. */
  concurrency?: number;
}

/** What one digest is asked for. */
export interface DigestRequest {
  /** Only stories about this topic (`/digest <topic>`). */
  topic?: string | null;
  /** The subscriber's topics: stories about them rank higher. */
  topics?: readonly string[];
  /** Overrides `windowHours` (`quotewire digest --since`). */
  windowHours?: number;
  /**
   * The chat it is for (`telegram:123`, see chatKey): its own sources' articles are in, other chats'
   * own sources' are not. Null or absent: only the sources read for every chat.
   */
  audience?: string | null;
  /** A chat's filters (chat-filters.ts): only stories it accepts are ranked and shown. */
  accept?: ((story: Story) => boolean) | null;
}

/** What the builder uses besides the store, passed in by the composition root. */
export interface DigestBuilderDeps {
  /** Writes headline, summary and key quotes; the offline engine when not given. */
  summarizer?: StorySummarizer;
  logger?: Logger;
  /**
   * Which sources' articles a chat may see (ChatSources.visibleTo); every article when not given.
   */
  visibility?: (chat: string | null) => Promise<(sourceId: string) => boolean>;
  /**
   * The stories kept up to date at ingest (story-tracker.ts); without it, or for a window it does
   * not hold, each digest clusters its window's articles itself.
   */
  stories?: Pick<StoryTracker, 'storiesSeen' | 'wholeStories'>;
}

function countArticles(stories: readonly Story<StoryArticle>[]): number {
  return stories.reduce((sum, story) => sum + story.articles.length, 0);
}

/** More articles than this add nothing to a summary but cost (an LLM's tokens, mostly). */
const MAX_ARTICLES_SUMMARIZED = 6;
const DEFAULT_SENTENCES = 3;
const DEFAULT_CONCURRENCY = 4;

/**
 * Builds digests from the article store, one per call (`/digest`, a subscriber's delivery, the
 * CLI). It keeps nothing between calls but the last clustering, reused while the window holds the
 * same articles.
 *
 * @example
 * const digests = new DigestBuilder(
 *   articles,
 *   { ...config.digest, sentences: config.summarizer.sentences },
 *   { summarizer, logger },
 * );
 */
export class DigestBuilder {
  private readonly summarizer: StorySummarizer;
  private readonly offline = new OfflineStorySummarizer();
  private lastClustering: { ids: ReadonlySet<string>; stories: Story[] } | null = null;

  constructor(
    private readonly articles: Pick<ArticleRepository, 'seenSince'>,
    private readonly options: DigestOptions,
    private readonly deps: DigestBuilderDeps = {},
  ) {
    this.summarizer = deps.summarizer ?? this.offline;
  }

  /**
   * The digest at `now`. Never fails because of one story: a summarizer error falls back to the
   * offline summary of that story (and is logged).
   *
   * @example
   * const digest = await builder.build(clock(), { topic: 'climate' });
   */
  async build(now: Date, request: DigestRequest = {}): Promise<Digest> {
    const hours = request.windowHours ?? this.options.windowHours;
    const since = new Date(now.getTime() - hours * 3_600_000);
    const topic = normalizeTopic(request.topic);
    const topics = [...new Set((request.topics ?? []).map(normalizeTopic).filter((t): t is string => !!t))];

    const visible = (await this.deps.visibility?.(request.audience ?? null)) ?? null;
    const filter = topic ? topicMatcher(topic) : null;
    const accept = request.accept;
    const tracker = this.deps.stories;
    const tracked = tracker ? await tracker.storiesSeen(since, now) : null;
    let ranked: RankedStory[];
    let counts: Digest['stats'];
    if (tracked && !filter && !accept && topics.length === 0) {
      // The usual digest: ranked from the stories kept at ingest; only the top ones are read whole.
      const shown = visible ? visibleStories(tracked, visible) : tracked;
      const top = rankStories(shown, { now, about: () => false, limit: this.options.maxStories });
      const whole = await tracker!.wholeStories(top.map((entry) => entry.story));
      ranked = top.flatMap((entry, i) => (whole[i] ? [{ ...entry, story: whole[i] }] : []));
      counts = { articles: countArticles(shown), stories: shown.length };
    } else {
      // Topics and filters read the articles' words: every story of the window is read whole.
      const stories = tracked
        ? (await tracker!.wholeStories(visible ? visibleStories(tracked, visible) : tracked)).filter(
            (story): story is Story => story !== null,
          )
        : await this.clusterWindow(since, now, visible);
      const about = filter ? stories.filter((story) => storyMatches(story, filter)) : stories;
      const wanted = accept ? about.filter((story) => accept(story)) : about;
      ranked = rankStories(wanted, { now, topics }).slice(0, this.options.maxStories);
      counts = {
        articles: countArticles(stories),
        stories: wanted.length,
        ...(accept ? { filtered: about.length - wanted.length } : {}),
      };
    }
    const summaries = await mapConcurrently(
      ranked,
      this.options.concurrency ?? DEFAULT_CONCURRENCY,
      (entry) => this.summarize(entry.story),
    );
    const digestStories = ranked.map((entry, i) => digestStory(entry, summaries[i]!));

    return {
      date: localDate(now, this.options.timeZone ?? 'UTC'),
      generatedAt: now.toISOString(),
      window: { since: since.toISOString(), until: now.toISOString(), hours },
      topic,
      topics,
      stories: digestStories,
      quoteOfTheDay: quoteOfTheDay(ranked, digestStories),
      stats: counts,
    };
  }

  /**
   * The window's articles clustered from the store, for a builder without a tracker or a window
   * beyond it; the last result is reused while the articles are the same: the morning delivery
   * builds one digest per subscriber (topics differ, the news does not).
   */
  private async clusterWindow(
    since: Date,
    now: Date,
    visible: ((sourceId: string) => boolean) | null,
  ): Promise<Story[]> {
    const seen = await this.articles.seenSince(since, now);
    const articles = visible ? seen.filter((article) => visible(article.sourceId)) : seen;
    const last = this.lastClustering;
    // The same ids as last time (the store never returns one twice): compared through a set rather
    // than a sorted, joined key, which costs a sort of 100,000 strings on a busy day.
    const same =
      last !== null && last.ids.size === articles.length && articles.every((a) => last.ids.has(a.id));
    if (same) return last.stories;
    const stories = clusterStories(articles);
    this.lastClustering = { ids: new Set(articles.map((article) => article.id)), stories };
    return stories;
  }

  private async summarize(story: Story): Promise<StorySummary> {
    const options: SummaryOptions = {
      sentences: this.options.sentences ?? DEFAULT_SENTENCES,
      quotes: this.options.quotesPerStory,
    };
    const told = summarizedPart(story);
    try {
      return await this.summarizer.summarize(told, options);
    } catch (error) {
      if (this.summarizer === this.offline) throw error;
      this.deps.logger?.warn(`summary of story ${story.id} fell back to offline: ${describeError(error)}`);
      return this.offline.summarize(told, options);
    }
  }
}

/**
 * The part of a story handed to the summarizer: the lead and the newest report of each other
 * source, then further updates, up to MAX_ARTICLES_SUMMARIZED.
 */
export function summarizedPart(story: Story): Story {
  if (story.articles.length <= MAX_ARTICLES_SUMMARIZED) return story;
  const [lead, ...rest] = story.articles;
  const sources = new Set([sourceKey(lead!)]);
  const firstOfSource = rest.filter((article) => {
    const key = sourceKey(article);
    if (sources.has(key)) return false;
    sources.add(key);
    return true;
  });
  const others = rest.filter((article) => !firstOfSource.includes(article));
  return {
    id: story.id,
    articles: [lead!, ...firstOfSource, ...others].slice(0, MAX_ARTICLES_SUMMARIZED),
  };
}

/**
 * A ranked story as the digest shows it (and the web page's story page). Every text is capped here,
 * where it enters the digest (display-limits.ts): a feed title of two million characters becomes one
 * short headline, a quote of ten thousand words one key quote of a few lines, whatever renders the
 * digest afterwards.
 */
export function digestStory(entry: RankedStory, summary: StorySummary): DigestStory {
  const { story } = entry;
  const lead = story.articles[0]!;
  const byId = new Map(story.articles.map((article) => [article.id, article]));
  const headline = [summary.headline, lead.title, summary.summary[0] ?? '', lead.source]
    .map((text) => capLine(text, DISPLAY_LIMITS.headline))
    .find((text) => text !== '');
  const sentences = summary.summary.length > 0 ? summary.summary : lead.summary;
  return {
    id: story.id,
    headline: headline ?? '',
    summary: capSentences(sentences, DISPLAY_LIMITS.summarySentence, DISPLAY_LIMITS.summary),
    quotes: summary.keyQuotes.map((quote) => {
      const article = byId.get(quote.articleId) ?? lead;
      // The comma that led into "..., she said" belongs to the sentence, not to the quote.
      const text = capLine(quote.text, DISPLAY_LIMITS.quote).replace(/\s*[,;:]$/, '');
      // Key quotes come with a sure speaker; one without (an LLM's pick, an old snapshot) says so.
      return {
        text,
        speaker: capLine(quote.speaker.trim() || 'unattributed', DISPLAY_LIMITS.name),
        source: capLine(article.source, DISPLAY_LIMITS.name),
        url: shownUrl(article.url),
      };
    }),
    links: sourceLinks(story),
    sources: entry.sources,
    articles: story.articles.length,
    updated: new Date(entry.latest).toISOString(),
    topics: entry.topics,
    engine: summary.engine,
    image: story.articles.map((article) => safeImageUrl(article.image)).find((url) => url !== null) ?? null,
  };
}

/** The lead's link, then the newest article of each other source. */
function sourceLinks(story: Story): DigestLink[] {
  const seen = new Set<string>();
  const links: DigestLink[] = [];
  for (const article of story.articles) {
    const key = sourceKey(article);
    if (seen.has(key)) continue;
    seen.add(key);
    links.push({
      title: capLine(article.title, DISPLAY_LIMITS.name),
      url: shownUrl(article.url),
      source: capLine(article.source, DISPLAY_LIMITS.name),
      published: article.published,
    });
    if (links.length === DISPLAY_LIMITS.storyLinks) break;
  }
  return links;
}

/** An address longer than any real one is not shown as a link at all ('' renders as plain words). */
function shownUrl(url: string): string {
  return url.length <= DISPLAY_LIMITS.link ? url : '';
}

/**
 * The quote of the day: from the best-ranked stories, a quote long enough to say something and
 * short enough to read at a glance (8 to 40 words score best).
 */
function quoteOfTheDay(ranked: readonly RankedStory[], stories: readonly DigestStory[]): DigestQuote | null {
  let best: DigestQuote | null = null;
  let bestScore = 0;
  stories.forEach((story, i) => {
    for (const quote of story.quotes) {
      const words = quote.text.split(/\s+/).length;
      const fit = words < 8 ? words / 8 : words > 40 ? 40 / words : 1;
      const score = ranked[i]!.score * fit;
      if (score > bestScore) {
        best = quote;
        bestScore = score;
      }
    }
  });
  return best;
}
