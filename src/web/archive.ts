/**
 * The public archive: digests by day, stories, speakers and search, as the views in
 * archive-views.ts. A story has no record of its own (the clusterer makes stories when a digest is
 * built), so a story's address carries the end of the digest window it came from: clustering the
 * same articles again finds the same story, with the same id, for as long as the articles are kept.
 */
import type { ArticleRepository } from '../articles/article-repository.js';
import type { StoredArticle } from '../articles/stored-article.js';
import type { AppConfig } from '../config/load-config.js';
import { localDay, zonedInstant } from '../delivery/delivery-schedule.js';
import { DigestBuilder, digestStory, summarizedPart } from '../digest/digest-builder.js';
import type { Digest } from '../digest/digest.js';
import type { Clock } from '../kernel/clock.js';
import type { Logger } from '../kernel/logger.js';
import type { QuoteIndex } from '../quotes/quote-index.js';
import type { Store } from '../store/store.js';
import { clusterStories } from '../stories/story-clusterer.js';
import { rankStories, type RankedStory } from '../stories/story-ranker.js';
import type { StoryTracker } from '../stories/story-tracker.js';
import type { Story, StoryArticle } from '../stories/story.js';
import type { StorySummarizer } from '../summaries/story-summarizer.js';
import {
  publicUrl,
  webDigest,
  webQuoteHit,
  webSpeaker,
  webStory,
  type DayView,
  type SearchView,
  type SpeakerView,
  type SpeakersView,
  type StoryView,
} from './archive-views.js';
import { dayPath, speakerPath, storyPath } from './paths.js';
import { StoredSummaries } from './stored-summaries.js';

export interface ArchiveDeps {
  articles: ArticleRepository;
  quotes: QuoteIndex;
  store: Store;
  config: AppConfig;
  clock: Clock;
  logger: Logger;
  /** How stories are summarized; by default the LLM's stored summaries, else offline. */
  summarizer?: StorySummarizer;
  /**
   * The stories kept at ingest, which the chats' digests rank too: today's page and its stories
   * come from them (same stories, same ids as in the chats); older windows are clustered here.
   */
  stories?: Pick<StoryTracker, 'storiesSeen' | 'wholeStories'>;
}

/** Quotes on a page of a speaker. */
export const QUOTES_PER_PAGE = 20;
/**
 * Results on a page of a search. Fewer than a speaker's page: words are checked quote by quote,
 * newest first, until a page is full, so a rare word costs in proportion to the page.
 */
export const RESULTS_PER_PAGE = 10;
/** Speakers on a page of the list. */
export const SPEAKERS_PER_PAGE = 50;
/** Deeper pages are refused: nobody reads page 500 of a list, and each page costs reads. */
export const MAX_PAGE = 500;
const DAY_MS = 86_400_000;
/** Past days' digests kept built: their windows are closed, so they only change with new summaries. */
const KEPT_DAYS = 16;
const KEPT_DAY_MS = 10 * 60_000;
/** Clusterings kept: the story pages of one day's digest share one. */
const KEPT_CLUSTERINGS = 2;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class Archive {
  private readonly digests: DigestBuilder;
  private readonly summarizer: StorySummarizer;
  private readonly days = new Map<string, { digest: Digest; builtAt: number }>();
  private readonly clusterings = new Map<string, Story[]>();

  constructor(private readonly deps: ArchiveDeps) {
    const { config, store } = deps;
    this.summarizer =
      deps.summarizer ??
      new StoredSummaries(
        store,
        config.summarizer.engine === 'openai' ? config.summarizer.openai.model : null,
      );
    this.digests = new DigestBuilder(
      { seenSince: (since, until) => this.windowArticles(since, until) },
      { ...config.digest, sentences: config.summarizer.sentences },
      { summarizer: this.summarizer, logger: deps.logger, stories: deps.stories },
    );
  }

  private get timeZone(): string {
    return this.deps.config.digest.timeZone;
  }

  private get windowHours(): number {
    return this.deps.config.digest.windowHours;
  }

  /** Today's digest: the last `digest.windowHours` up to now, as /digest gives it. */
  async today(): Promise<DayView> {
    const now = this.deps.clock();
    return this.dayView(localDay(now, this.timeZone), now, true);
  }

  /** A day's digest as it stood at the end of that day (in `digest.timeZone`); null for a day to come or no date. */
  async day(date: string): Promise<DayView | null> {
    if (!isDate(date)) return null;
    const today = localDay(this.deps.clock(), this.timeZone);
    if (date > today) return null;
    if (date === today) return this.today();
    return this.dayView(date, new Date(this.endOfDay(date)), false);
  }

  /** The days before today, newest first, for the list of past digests. */
  pastDays(count: number): string[] {
    let day = localDay(this.deps.clock(), this.timeZone);
    const days: string[] = [];
    for (let i = 0; i < count; i++) days.push((day = shiftDay(day, -1)));
    return days;
  }

  /**
   * A story by its id and the end of the window it was clustered in; null when the address is
   * malformed or names no story of that window.
   */
  async story(id: string, untilText: string): Promise<StoryView | null> {
    const until = parseUntil(untilText, this.deps.clock());
    if (!until || !/^[0-9a-f]{16}$/.test(id)) return null;
    const since = new Date(until.getTime() - this.windowHours * 3_600_000);
    const found = await this.findStory(id, since, until);
    if (!found) return null;
    const { story, entry } = found;
    const { quotesPerStory } = this.deps.config.digest;
    const summary = await this.summarizer.summarize(summarizedPart(story), {
      sentences: this.deps.config.summarizer.sentences,
      quotes: quotesPerStory,
    });
    const iso = until.toISOString();
    return {
      ...webStory(digestStory(entry, summary), iso),
      date: localDay(new Date(until.getTime() - 1), this.timeZone),
      window: { since: since.toISOString(), until: iso },
      reports: story.articles.map((article) => ({
        id: article.id,
        title: article.title,
        source: article.source,
        url: publicUrl(article.url),
        byline: article.byline,
        published: article.published,
        seenAt: article.seenAt,
      })),
      speakers: entry.speakers.map((name) => ({ name, path: speakerPath(name) })),
    };
  }

  /**
   * The address of the story an article belongs to: in the window of its day's digest (the digest
   * so far, for today's articles). Null for an unknown article.
   */
  async storyOfArticle(articleId: string): Promise<string | null> {
    const article = await this.deps.articles.get(articleId);
    if (!article) return null;
    const seen = Date.parse(article.seenAt);
    const now = this.deps.clock().getTime();
    const windowMs = this.windowHours * 3_600_000;
    // The window of the article's day's digest (today's: up to now); when the window is shorter than
    // a day and ends before the article was seen, the window that ends a full window after it.
    const dayEnd = this.endOfDay(localDay(new Date(seen), this.timeZone));
    // Never before the article itself (a clock behind the one that stored it).
    let until = Math.max(Math.min(dayEnd, now), seen);
    if (until - windowMs > seen) until = seen + windowMs;
    const stories = await this.cluster(new Date(until - windowMs), new Date(until));
    const story = stories.find((candidate) => candidate.articles.some((told) => told.id === articleId));
    return story ? storyPath(story.id, new Date(until).toISOString()) : null;
  }

  /** Everyone quoted (with `letters`: those with a name word starting with them), most quoted first. */
  async speakers(letters: string, page: number): Promise<SpeakersView> {
    const prefix = letters.trim().slice(0, 40);
    const offset = (page - 1) * SPEAKERS_PER_PAGE;
    const [listed, top] = await Promise.all([
      this.deps.quotes.speakers({ prefix: prefix || undefined, offset, limit: SPEAKERS_PER_PAGE }),
      prefix ? null : this.deps.quotes.mostQuoted(this.deps.clock(), { limit: 10 }),
    ]);
    return {
      letters: prefix,
      speakers: listed.speakers.map(webSpeaker),
      total: listed.total,
      page,
      pages: Math.max(1, Math.ceil(listed.total / SPEAKERS_PER_PAGE)),
      mostQuoted: {
        day: top?.day ?? null,
        speakers: (top?.speakers ?? []).map(({ speaker, count }) => ({
          speaker: webSpeaker(speaker),
          count,
        })),
      },
    };
  }

  /**
   * A speaker's page: what /quotes "<their name>" finds, newest first. Null when nobody is known
   * under that key (the page then offers a search).
   */
  async speaker(key: string, page: number): Promise<SpeakerView | null> {
    const result = await this.deps.quotes.search(key, {
      offset: (page - 1) * QUOTES_PER_PAGE,
      limit: QUOTES_PER_PAGE,
    });
    if (result.kind !== 'found' || result.corrected !== null) return null;
    const speaker = result.speakers.find((candidate) => candidate.key === key);
    if (!speaker) return null;
    return {
      speaker: webSpeaker(speaker),
      others: result.speakers.filter((other) => other !== speaker).map(webSpeaker),
      quotes: result.hits.map(webQuoteHit),
      page,
      pageSize: QUOTES_PER_PAGE,
      total: result.total,
      pages: result.total === null ? null : Math.max(1, Math.ceil(result.total / QUOTES_PER_PAGE)),
      hasMore: result.hasMore,
    };
  }

  /**
   * Quotes by the speakers a name finds (typos forgiven, as /quotes does), narrowed by words; without
   * a name, quotes by anyone that contain the words (the word index over quote texts).
   */
  async search(name: string, words: string, page: number): Promise<SearchView> {
    if (!name.trim()) return words.trim() ? this.searchWords(words, page) : { kind: 'empty', name, words };
    const result = await this.deps.quotes.search(name.slice(0, 200), {
      words: words.slice(0, 200) || undefined,
      offset: (page - 1) * RESULTS_PER_PAGE,
      limit: RESULTS_PER_PAGE,
    });
    if (result.kind === 'empty') return { kind: 'empty', name, words };
    if (result.kind === 'unknown') {
      return { kind: 'unknown', name, words, suggestions: result.suggestions.map(webSpeaker) };
    }
    return {
      kind: 'found',
      name,
      words,
      speakers: result.speakers.map(webSpeaker),
      corrected: result.corrected,
      appliedWords: result.words,
      quotes: result.hits.map(webQuoteHit),
      page,
      pageSize: RESULTS_PER_PAGE,
      total: result.total,
      hasMore: result.hasMore,
      searchedOnly: result.searchedOnly,
    };
  }

  private async searchWords(words: string, page: number): Promise<SearchView> {
    const result = await this.deps.quotes.searchWords(words.slice(0, 200), {
      offset: (page - 1) * RESULTS_PER_PAGE,
      limit: RESULTS_PER_PAGE,
    });
    return {
      kind: 'words',
      name: '',
      words,
      appliedWords: result.words,
      phrases: result.phrases.map((phrase) => phrase.join(' ')),
      ignored: result.ignored,
      quotes: result.hits.map(webQuoteHit),
      page,
      pageSize: RESULTS_PER_PAGE,
      total: result.total,
      hasMore: result.hasMore,
      searchedSince: result.searchedSince,
    };
  }

  private async dayView(date: string, until: Date, isToday: boolean): Promise<DayView> {
    const digest = isToday ? await this.build(until) : await this.pastDigest(date, until);
    const iso = until.toISOString();
    return {
      date,
      isToday,
      until: iso,
      windowHours: this.windowHours,
      previous: shiftDay(date, -1),
      next: isToday ? null : shiftDay(date, 1),
      ...webDigest(digest, iso),
    };
  }

  private async pastDigest(date: string, until: Date): Promise<Digest> {
    const now = this.deps.clock().getTime();
    const kept = this.days.get(date);
    if (kept && now - kept.builtAt < KEPT_DAY_MS) return kept.digest;
    const digest = await this.build(until);
    this.days.delete(date);
    this.days.set(date, { digest, builtAt: now });
    for (const old of this.days.keys()) {
      if (this.days.size <= KEPT_DAYS) break;
      this.days.delete(old);
    }
    return digest;
  }

  private build(until: Date): Promise<Digest> {
    return this.digests.build(until, { windowHours: this.windowHours });
  }

  /**
   * The articles first seen in [since, until]. The repository's own read goes to the end of the
   * last day; cutting at `until` makes a past window give the same articles whenever it is read.
   */
  private async windowArticles(since: Date, until: Date): Promise<StoredArticle[]> {
    const articles = await this.deps.articles.seenSince(since, until);
    return articles.filter((article) => Date.parse(article.seenAt) <= until.getTime());
  }

  /**
   * Story `id` of the window, whole, and its rank among the window's stories. The tracker's stories
   * first; an id it does not know (a link made before a restart placed the day again) is looked
   * for in the window clustered at once.
   */
  private async findStory(
    id: string,
    since: Date,
    until: Date,
  ): Promise<{ story: Story; entry: RankedStory } | null> {
    const tracked = await this.deps.stories?.storiesSeen(since, until);
    const brief = tracked?.find((candidate) => candidate.id === id);
    if (tracked && brief) {
      const [story] = await this.deps.stories!.wholeStories([brief]);
      const entry = rankStories(tracked, { now: until, about: () => false }).find((r) => r.story === brief)!;
      return story ? { story, entry: { ...entry, story } } : null;
    }
    const stories = await this.clusterAtOnce(since, until);
    const story = stories.find((candidate) => candidate.id === id);
    if (!story) return null;
    return { story, entry: rankStories(stories, { now: until }).find((ranked) => ranked.story === story)! };
  }

  /** The window's stories: the tracker's when it holds the window, else clustered here. */
  private async cluster(since: Date, until: Date): Promise<Story<StoryArticle>[]> {
    return (await this.deps.stories?.storiesSeen(since, until)) ?? this.clusterAtOnce(since, until);
  }

  private async clusterAtOnce(since: Date, until: Date): Promise<Story[]> {
    const articles = await this.windowArticles(since, until);
    const key = `${since.toISOString()}|${until.toISOString()}|${articles.length}`;
    const kept = this.clusterings.get(key);
    if (kept) return kept;
    const stories = clusterStories(articles);
    this.clusterings.set(key, stories);
    for (const old of this.clusterings.keys()) {
      if (this.clusterings.size <= KEPT_CLUSTERINGS) break;
      this.clusterings.delete(old);
    }
    return stories;
  }

  /** The last millisecond of a local day. */
  private endOfDay(date: string): number {
    return zonedInstant(shiftDay(date, 1), '00:00', this.timeZone).getTime() - 1;
  }
}

/** The address of a day's page (today's is the home page). */
export function dayAddress(view: Pick<DayView, 'date' | 'isToday'>): string {
  return view.isToday ? '/' : dayPath(view.date);
}

function isDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const time = Date.parse(`${text}T00:00:00Z`);
  return Number.isFinite(time) && new Date(time).toISOString().slice(0, 10) === text;
}

function shiftDay(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** A window's end from an address: an ISO instant, not later than a minute from now. */
function parseUntil(text: string, now: Date): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/.test(text)) return null;
  const time = Date.parse(text);
  if (!Number.isFinite(time) || time > now.getTime() + 60_000) return null;
  return new Date(time);
}
