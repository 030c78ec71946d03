/**
 * The stories of the last days, kept up to date as articles are stored, so that a digest ranks
 * stories that already exist instead of clustering a whole day of articles (100,000 on a busy
 * install) every time it is built.
 *
 * Ingest hands each stored batch to {@link StoryTracker.add}; each article joins its story there
 * (story-clustering.ts), at a small, steady cost per article. Articles that this process did not
 * store (another instance's, or all of them after a restart) are read from the store when a digest
 * asks, oldest first, in batches: the first digest after a restart pays for the window once, and
 * `npm start` pays it in the background before anyone asks. Only a brief of each article is held
 * (what ranking reads); whole articles are read for the stories a digest shows.
 */
import { utcDaysBetween, type ArticleRepository } from '../articles/article-repository.js';
import type { StoredArticle } from '../articles/stored-article.js';
import type { Clock } from '../kernel/clock.js';
import { articleTime, FeatureReader } from './article-features.js';
import { orderStories } from './story-clusterer.js';
import { storyId } from './story-id.js';
import {
  defaultClusterOptions,
  StoryClustering,
  type ClusterInput,
  type ClusterOptions,
} from './story-clustering.js';
import type { Story, StoryArticle } from './story.js';

/** What a digest knows of an article until its story is chosen. */
export interface ArticleBrief extends StoryArticle {
  /** Characters of text: the longest telling leads a story. */
  textLength: number;
  /** When its news happened (ms), as articleTime gives it: read once, not at every digest. */
  time: number;
}

export interface StoryTrackerDeps {
  articles: Pick<ArticleRepository, 'idsSeenOn' | 'countSeenOn' | 'getMany'>;
  clock: Clock;
  /**
   * Hours of articles held, counted back from now by when they were first seen: the longest
   * window a digest built from them covers (`digest.windowHours`), with some to spare.
   */
  horizonHours: number;
  options?: Partial<ClusterOptions>;
  /**
   * Word ids past which, when fewer than a quarter are still used, the stories are placed afresh
   * (see forgetOld); 262,144 when not given.
   */
  vocabularyLimit?: number;
}

/** Articles read from the store at a time while catching up, and placed in one batch. */
const CATCH_UP_BATCH = 2_000;
/** Articles read while catching up are placed this many at a time, between chats' turns. */
const PLACE_BATCH = 5_000;
/** Word ids a tracker gives before it may start afresh (a few megabytes of tables). */
const VOCABULARY_LIMIT = 1 << 18;
/** Stories that are past the horizon are forgotten at most this often. */
const FORGET_EVERY_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** See the file comment. */
export class StoryTracker {
  private clustering: StoryClustering;
  private readonly reader = new FeatureReader();
  /** The briefs of the articles held, by id. */
  private readonly held = new Map<string, HeldBrief>();
  /** Article ids found in the store but first seen before the horizon, with when they were seen. */
  private readonly passed = new Map<string, number>();
  private catchingUp: Promise<void> | null = null;
  private forgotAt = 0;

  constructor(private readonly deps: StoryTrackerDeps) {
    this.clustering = new StoryClustering(deps.options);
  }

  /** Articles held. */
  get size(): number {
    return this.held.size;
  }

  /** Word ids given so far (they grow with the news until the tracker starts afresh). */
  get words(): number {
    return this.clustering.vocabulary.ids;
  }

  /** How far back a window may start to be built from what is held. */
  horizon(now: number): number {
    return now - this.deps.horizonHours * 3_600_000;
  }

  /**
   * Places articles just stored (ingest calls this after each batch is committed, with the
   * features its analysis workers read). Articles already held, or first seen before the horizon,
   * are skipped. Only stored articles may be given: the tracker counts what it holds of each day
   * against the store's count (see missingIds).
   */
  add(articles: readonly StoredArticle[], features?: ReadonlyMap<string, Int32Array>): void {
    const inputs = this.admit(articles, features);
    if (inputs.length > 0) this.clustering.add(inputs);
    this.forgetOld();
  }

  /** Briefs the articles that are new and within the horizon; their clustering inputs. */
  private admit(
    articles: readonly StoredArticle[],
    features?: ReadonlyMap<string, Int32Array>,
  ): ClusterInput[] {
    const horizon = this.horizon(this.deps.clock().getTime());
    const inputs: ClusterInput[] = [];
    for (const article of articles) {
      if (this.held.has(article.id)) continue;
      const seen = Date.parse(article.seenAt);
      if (!(seen >= horizon)) {
        this.passed.set(article.id, seen);
        continue;
      }
      const brief: HeldBrief = briefOf(article, seen);
      this.held.set(article.id, brief);
      inputs.push({
        key: article.id,
        time: brief.time,
        seen,
        features: features?.get(article.id) ?? this.reader.read(article),
      });
    }
    return inputs;
  }

  /**
   * The stories of the articles first seen in [since, until], in no particular order, each with only those articles,
   * after reading any the store has that are not held yet; null when the window starts before the
   * horizon (the caller clusters it from the store itself).
   */
  async storiesSeen(since: Date, until: Date): Promise<Story<ArticleBrief>[] | null> {
    if (since.getTime() < this.horizon(this.deps.clock().getTime())) return null;
    await this.catchUp();
    const from = since.getTime();
    const to = until.getTime();
    const groups: ArticleBrief[][] = [];
    this.clustering.forEachStory((keys) => {
      const members: ArticleBrief[] = [];
      for (const key of keys) {
        const brief = this.held.get(key)!;
        if (brief.seenTime >= from && brief.seenTime <= to) members.push(brief);
      }
      if (members.length > 0) groups.push(members);
    });
    return orderStories(
      groups,
      (brief) => brief.textLength,
      (brief) => ((brief as HeldBrief).soloId ??= storyId([brief])),
      false,
    );
  }

  /** Stories of briefs as stories of whole articles, read in one go; null for a story whose articles are all gone. */
  async wholeStories(stories: readonly Story<ArticleBrief>[]): Promise<(Story | null)[]> {
    const found = await this.deps.articles.getMany(
      stories.flatMap((story) => story.articles.map((brief) => brief.id)),
    );
    const byId = new Map(found.map((article) => [article.id, article]));
    return stories.map((story) => {
      const articles = story.articles.flatMap((brief) => byId.get(brief.id) ?? []);
      return articles.length > 0 ? { id: story.id, articles } : null;
    });
  }

  /**
   * Reads and places the articles of the horizon that the store has and this tracker does not;
   * calls made meanwhile wait for the same reading.
   */
  catchUp(): Promise<void> {
    this.catchingUp ??= this.readMissing().finally(() => {
      this.catchingUp = null;
    });
    return this.catchingUp;
  }

  private async readMissing(): Promise<void> {
    const now = this.deps.clock();
    const horizon = this.horizon(now.getTime());
    const missing = await this.missingIds(utcDaysBetween(new Date(horizon), now));
    const inputs: ClusterInput[] = [];
    try {
      // Only briefs and features are kept of what is read: whole articles of a day would not fit.
      for (let at = 0; at < missing.length; at += CATCH_UP_BATCH) {
        // Ingest may place some of them while the store is being read: admit skips those.
        inputs.push(...this.admit(await this.deps.articles.getMany(missing.slice(at, at + CATCH_UP_BATCH))));
      }
    } catch (error) {
      // Nothing read is placed, so that the next digest reads it all again.
      for (const input of inputs) this.held.delete(input.key);
      throw error;
    }
    // Placed oldest first, as ingest would have, a batch at a time so that chats are answered
    // meanwhile: a restart on a busy day has a whole window to place.
    inputs.sort((a, b) => a.time - b.time || (a.key < b.key ? -1 : 1));
    for (let at = 0; at < inputs.length; at += PLACE_BATCH) {
      this.clustering.add(inputs.slice(at, at + PLACE_BATCH));
      if (at + PLACE_BATCH < inputs.length) await new Promise((resolve) => setImmediate(resolve));
    }
    this.forgetOld();
    // Ids of days that have left the horizon are never listed again.
    const firstDay = Math.floor(horizon / 86_400_000) * 86_400_000;
    for (const [id, seen] of this.passed) if (!(seen >= firstDay)) this.passed.delete(id);
  }

  /**
   * The ids of the store's articles of these days that this tracker has not seen. Every digest
   * asks, and a busy day holds 100,000s of ids: only the days whose count in the store exceeds what
   * the tracker knows of them are read (articles are never taken out of a day, so equal counts mean
   * the same articles).
   */
  private async missingIds(days: readonly number[]): Promise<string[]> {
    const stored = await this.deps.articles.countSeenOn(days);
    const known = new Map<number, number>();
    const note = (seen: number) => {
      const day = Math.floor(seen / DAY_MS);
      known.set(day, (known.get(day) ?? 0) + 1);
    };
    for (const brief of this.held.values()) note(brief.seenTime);
    for (const seen of this.passed.values()) note(seen);
    const behind = days.filter((day, index) => stored[index]! > (known.get(day) ?? 0));
    if (behind.length === 0) return [];
    const ids = await this.deps.articles.idsSeenOn(behind);
    return ids.filter((id) => !this.held.has(id) && !this.passed.has(id));
  }

  /** Forgets the stories that have left the horizon, at most once in FORGET_EVERY_MS. */
  private forgetOld(): void {
    const now = this.deps.clock().getTime();
    if (now - this.forgotAt < FORGET_EVERY_MS) return;
    this.forgotAt = now;
    // A story is kept while it may still take articles: for a gap after its latest one.
    const gap = (this.deps.options?.maxGapHours ?? defaultClusterOptions.maxGapHours) * 3_600_000;
    for (const id of this.clustering.forgetBefore(Math.min(this.horizon(now), now - gap))) {
      const brief = this.held.get(id);
      this.held.delete(id);
      if (brief) this.passed.set(id, brief.seenTime);
    }
    // Word ids are never freed: after weeks of news most belong to words no article held uses
    // any more. Then the stories held are placed afresh from the store, as after a restart.
    const { ids, used } = this.clustering.vocabulary;
    if (ids > (this.deps.vocabularyLimit ?? VOCABULARY_LIMIT) && used * 4 < ids) {
      this.clustering = new StoryClustering(this.deps.options);
      this.held.clear();
      this.catchUp().catch(() => undefined); // a digest that asks meanwhile reads again
    }
  }
}

/**
 * A chat's view of stories: only the articles of sources it sees. A story it sees whole is kept as
 * it is (most are: every chat sees the shared sources); one that lost articles is reordered and
 * named for the rest. In no particular order, as the tracker gives them: ranking orders them.
 */
export function visibleStories(
  stories: readonly Story<ArticleBrief>[],
  visible: (sourceId: string) => boolean,
): Story<ArticleBrief>[] {
  const whole: Story<ArticleBrief>[] = [];
  const cut: ArticleBrief[][] = [];
  for (const story of stories) {
    if (story.articles.every((brief) => visible(brief.sourceId))) whole.push(story);
    else {
      const seen = story.articles.filter((brief) => visible(brief.sourceId));
      if (seen.length > 0) cut.push(seen);
    }
  }
  if (cut.length === 0) return whole;
  return [...whole, ...orderStories(cut, (brief) => brief.textLength, undefined, false)];
}

/** A brief as held: when it was first seen (ms), and its story's id while it is alone in it. */
type HeldBrief = ArticleBrief & { seenTime: number; soloId?: string };

/** Most articles quote nobody: they share one empty list. */
const NO_QUOTES: ArticleBrief['quotes'] = Object.freeze([]) as ArticleBrief['quotes'];

/** What ranking reads of an article: who carried it, when, who it quotes and how long it is. */
function briefOf(article: StoredArticle, seenTime: number): HeldBrief {
  const speakers = new Set<string>();
  for (const quote of article.quotes) if (quote.speaker) speakers.add(own(quote.speaker));
  return {
    id: own(article.id),
    source: own(article.source),
    sourceId: own(article.sourceId),
    published: article.published === null ? null : own(article.published),
    seenAt: own(article.seenAt),
    quotes: speakers.size === 0 ? NO_QUOTES : Array.from(speakers, (speaker) => ({ speaker })),
    textLength: article.text.length,
    time: articleTime(article),
    seenTime,
  };
}

/**
 * A copy of a string that holds nothing else: V8 may keep a short string cut from a long one (a
 * speaker's name from the article's text, a date from a feed) as a view of the long one, and a
 * brief held for days would keep the whole article or feed alive with it.
 */
function own(text: string): string {
  return text.length < 13 ? text : Buffer.from(text, 'utf8').toString('utf8');
}
