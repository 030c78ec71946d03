import type { ArticleRepository } from '../articles/article-repository.js';
import type { StoredArticle } from '../articles/stored-article.js';
import { describeError } from '../kernel/describe-error.js';
import { mapConcurrently } from '../kernel/map-concurrently.js';
import type { Clock } from '../kernel/clock.js';
import type { Logger } from '../kernel/logger.js';
import type { QuoteIndex } from '../quotes/quote-index.js';
import type { Store } from '../store/store.js';
import { clusterStories } from '../stories/story-clusterer.js';
import { visibleStories, type ArticleBrief, type StoryTracker } from '../stories/story-tracker.js';
import type { Story } from '../stories/story.js';
import { ArticleWords, storyFilter } from './chat-filters.js';
import { inQuietHours } from './delivery-schedule.js';
import { labelsFor } from './digest-labels.js';
import type { Translations } from '../i18n/translations.js';
import type { DeliveryTarget, DigestSender, SendOutcome } from './digest-sender.js';
import { InstantLedger, type InstantClaim, type InstantState } from './instant-ledger.js';
import {
  chatFits,
  choosePosts,
  isNewTo,
  quoteCandidates,
  storyCandidates,
  type ChatSelection,
  type InstantNews,
  type StoryCandidate,
} from './instant-news.js';
import { instantBatching, type Subscription, type SubscriptionPlatform } from './subscription.js';
import type { SubscriptionStore } from './subscription-store.js';

/** Instant delivery's bounds (config `instant`) and the instance's name in the ledger. */
export interface InstantOptions {
  everyMinutes: number;
  minEveryMinutes: number;
  perHour: number;
  maxPerHour: number;
  holdHours: number;
  /** Hours of articles clustered into stories: a later report of an older story joins it. */
  windowHours: number;
  instanceId: string;
  leaseMs: number;
  /** Chats posted to at once. */
  concurrency: number;
  /** Attempts at one batch before it is dropped. */
  maxAttempts: number;
}

/**
 * What an audience may be posted at one tick: its quotes, and its stories either whole (clustered
 * from the window) or as the story tracker's briefs, of which each chat reads whole only those it
 * may be posted.
 */
interface AudienceNews {
  quotes: InstantNews['quotes'];
  stories: InstantNews['stories'];
  briefs: StoryCandidate<ArticleBrief>[] | null;
}

/** What one tick did, for logs and tests. */
export interface InstantReport {
  chats: number;
  batches: number;
  posts: number;
  failed: number;
  paused: number;
}

/**
 * Instant delivery, the same for every platform: on each tick, for every chat in `instant` or
 * `both` mode, or following someone, posts what is new since its last batch (new stories, merged
 * across sources; quotes by the speakers it follows) at most every `everyMinutes` and at most
 * `perHour` posts in any hour, nothing during its quiet hours (held until they end, up to
 * `holdHours`), each post once even with several instances (see InstantLedger).
 */
export class InstantService {
  private readonly ledger: InstantLedger;
  private readonly senders: Map<SubscriptionPlatform, DigestSender>;
  private readonly words = new ArticleWords();
  /** Stories clustered at the last tick, by their articles' ids: clustering is the costly part. */
  private clusterings = new Map<string, Story[]>();
  private running: Promise<InstantReport> | null = null;
  private stopping = false;

  constructor(
    private readonly deps: {
      store: Store;
      subscriptions: SubscriptionStore;
      articles: Pick<ArticleRepository, 'seenSince'>;
      /**
       * The stories kept up to date at ingest (story-tracker.ts): ranked from their briefs, and
       * only stories a chat may be posted read whole. Without it, or for a window it does not
       * hold, each tick reads its window whole and clusters it.
       */
      stories?: Pick<StoryTracker, 'storiesSeen' | 'wholeStories'>;
      quotes: Pick<QuoteIndex, 'speakerKeys'>;
      senders: readonly DigestSender[];
      clock: Clock;
      logger: Logger;
      options: InstantOptions;
      /** Extra languages for fixed words (config `digest.languages`). */
      languages?: Parameters<typeof labelsFor>[1];
      /** The catalogues, for the fixed words (a forum topic's "gone" notice) in the chat's language. */
      translations: Translations;
      /**
       * Whose news a chat gets ('' for what every chat shares; a chat key when the chat reads
       * sources of its own, see ChatSources.audienceKey). Everyone shares when not given.
       */
      audienceOf?: (platform: SubscriptionPlatform, chatId: string) => Promise<string>;
      /** Which sources an audience may read (ChatSources.visibleTo): other chats' own are not. */
      visibility?: (chat: string | null) => Promise<(sourceId: string) => boolean>;
    },
  ) {
    this.ledger = new InstantLedger(deps.store, deps.options);
    this.senders = new Map(deps.senders.map((sender) => [sender.platform, sender]));
  }

  /** Posts everything due now. A tick asked for while one runs returns that one's report. */
  tick(): Promise<InstantReport> {
    if (this.running) return this.running;
    this.running = this.runTick().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Starts no new chat; resolves when the chats under way are done. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.running?.catch(() => undefined);
  }

  private async runTick(): Promise<InstantReport> {
    const report: InstantReport = { chats: 0, batches: 0, posts: 0, failed: 0, paused: 0 };
    if (this.stopping) return report;
    const now = this.deps.clock();
    const chats = (await this.deps.subscriptions.list()).filter(
      (subscription) =>
        !subscription.paused &&
        this.senders.has(subscription.platform) &&
        (subscription.mode === 'instant' ||
          subscription.mode === 'both' ||
          (subscription.follows?.length ?? 0) > 0),
    );
    report.chats = chats.length;
    if (chats.length === 0) return report;
    const states = await this.ledger.getMany(chats.map((chat) => chat.id));
    const due = chats
      .map((subscription, index) => ({ subscription, state: states[index] }))
      .filter(({ subscription, state }) => this.mayPost(subscription, state, now));
    if (due.length === 0) return report;

    const { windowHours, holdHours } = this.deps.options;
    const since = new Date(now.getTime() - Math.max(windowHours, holdHours) * 3_600_000);
    const tracked = (await this.deps.stories?.storiesSeen(since, now)) ?? null;
    const withQuotes = due.some(({ subscription }) => subscription.follows?.length);
    // With the tracker's stories, articles are read whole only for quotes, and only those held.
    const articles =
      tracked === null
        ? await this.deps.articles.seenSince(since, now)
        : withQuotes
          ? await this.deps.articles.seenSince(new Date(now.getTime() - holdHours * 3_600_000), now)
          : [];
    // The news is read once per audience: chats with sources of their own see those, and no chat
    // sees another chat's own sources.
    const clustered = new Map<string, Story[]>();
    const newsByAudience = new Map<string, Promise<AudienceNews>>();
    const newsFor = (audience: string): Promise<AudienceNews> => {
      let news = newsByAudience.get(audience);
      if (!news) {
        news = this.readNews(now, articles, tracked, withQuotes, audience, clustered);
        newsByAudience.set(audience, news);
      }
      return news;
    };
    const wholeStories = new Map<string, Promise<Story | null>>();
    await mapConcurrently(due, this.deps.options.concurrency, async ({ subscription, state }) => {
      // Told to stop: no chat is started; those under way finish.
      if (this.stopping) return;
      try {
        const audience = (await this.deps.audienceOf?.(subscription.platform, subscription.chatId)) ?? '';
        const news = await this.chatNews(await newsFor(audience), subscription, state, now, wholeStories);
        await this.postTo(subscription, news, now, report);
      } catch (error) {
        report.failed++;
        this.deps.logger.error(`instant posts to ${subscription.id} failed: ${describeError(error)}`);
      }
    });
    this.clusterings = clustered;
    if (report.batches) {
      this.deps.logger.info(
        `instant: ${report.posts} posts in ${report.batches} batches, ${report.failed} failed, ${report.paused} paused`,
      );
    }
    return report;
  }

  /** A first look, outside any transaction: the claim decides. */
  private mayPost(subscription: Subscription, state: InstantState | undefined, now: Date): boolean {
    if (InstantLedger.busy(state, now)) return false;
    if (state?.batch) return true; // lapsed: resume it, quiet hours or not (it was started outside them)
    if (inQuietHours(subscription.quietHours, subscription.timeZone, now)) return false;
    const { everyMinutes, perHour } = instantBatching(subscription, this.deps.options);
    if (state?.lastBatchAt && now.getTime() - Date.parse(state.lastBatchAt) < everyMinutes * 60_000) {
      return false;
    }
    return InstantLedger.sentLastHour(state, now) < perHour;
  }

  /**
   * The stories of the recent articles an audience may see, ranked (from the tracker's briefs when
   * it holds the window), and their quotes when someone follows a speaker.
   */
  private async readNews(
    now: Date,
    recentArticles: readonly StoredArticle[],
    tracked: readonly Story<ArticleBrief>[] | null,
    withQuotes: boolean,
    audience: string,
    clustered: Map<string, Story[]>,
  ): Promise<AudienceNews> {
    const visible = await this.deps.visibility?.(audience || null);
    const articles = visible ? recentArticles.filter((article) => visible(article.sourceId)) : recentArticles;
    const briefs = tracked
      ? storyCandidates(visible ? visibleStories(tracked, visible) : tracked, now)
      : null;
    const stories = briefs ? [] : storyCandidates(this.cluster(articles, clustered), now);
    if (!withQuotes) return { stories, briefs, quotes: [] };
    const held = now.getTime() - this.deps.options.holdHours * 3_600_000;
    const recent = articles.filter((article) => Date.parse(article.seenAt) >= held);
    const names = new Set(recent.flatMap((article) => article.quotes.map((quote) => quote.speaker ?? '')));
    names.delete('');
    const keys = await this.deps.quotes.speakerKeys(names);
    return { stories, briefs, quotes: quoteCandidates(recent, keys) };
  }

  /**
   * A chat's news for its next batch. From briefs, the best-ranked stories new to the chat are read
   * whole (once per tick, whichever chats want them) until enough pass its topics and filters to
   * fill its room this hour: what its batch can take, judged by the ledger state read at the start
   * of the tick (the claim decides for good, from what was read here).
   */
  private async chatNews(
    news: AudienceNews,
    subscription: Subscription,
    state: InstantState | undefined,
    now: Date,
    wholeStories: Map<string, Promise<Story | null>>,
  ): Promise<InstantNews> {
    if (!news.briefs) return news;
    const selection = this.selection(subscription, state, now);
    // A chat in daily mode that follows someone gets their quotes, and no stories.
    if (selection.storiesSince === null) return { stories: [], quotes: news.quotes };
    const posted = state?.posted ?? {};
    const fits = chatFits(selection);
    const stories: StoryCandidate[] = [];
    let fitting = 0;
    let at = 0;
    while (at < news.briefs.length && fitting < selection.room) {
      // As many as are missing: most stories fit a chat; those that do not are made up for next.
      const batch: StoryCandidate<ArticleBrief>[] = [];
      while (at < news.briefs.length && batch.length < selection.room - fitting) {
        const candidate = news.briefs[at++]!;
        if (isNewTo(candidate, selection, posted)) batch.push(candidate);
      }
      const whole = await this.wholeOf(
        batch.map((candidate) => candidate.story),
        wholeStories,
      );
      batch.forEach((candidate, index) => {
        const story = whole[index];
        if (!story) return; // its articles are gone from the store
        stories.push({ ...candidate, story });
        if (fits(story)) fitting++;
      });
    }
    return { stories, quotes: news.quotes };
  }

  /** Stories of briefs read whole, each once per tick (`read` holds what this tick has read). */
  private wholeOf(
    stories: readonly Story<ArticleBrief>[],
    read: Map<string, Promise<Story | null>>,
  ): Promise<(Story | null)[]> {
    const unread = stories.filter((story) => !read.has(story.id));
    if (unread.length) {
      const reading = this.deps.stories!.wholeStories(unread);
      unread.forEach((story, index) =>
        read.set(
          story.id,
          reading.then((whole) => whole[index] ?? null),
        ),
      );
    }
    return Promise.all(stories.map((story) => read.get(story.id)!));
  }

  private cluster(articles: readonly StoredArticle[], clustered: Map<string, Story[]>): Story[] {
    const key = articles
      .map((article) => article.id)
      .sort()
      .join(',');
    let stories = clustered.get(key) ?? this.clusterings.get(key);
    if (!stories) stories = clusterStories(articles);
    clustered.set(key, stories);
    return stories;
  }

  private async postTo(
    subscription: Subscription,
    news: InstantNews,
    now: Date,
    report: InstantReport,
    moved = false,
  ): Promise<void> {
    const { options } = this.deps;
    const { everyMinutes } = instantBatching(subscription, options);
    const claim = await this.ledger.claim(
      subscription.id,
      options.instanceId,
      now,
      everyMinutes * 60_000,
      (state) => choosePosts(news, this.selection(subscription, state, now), state.posted),
    );
    if (!claim) return;
    report.batches++;
    const outcome = await this.send(subscription, claim, report);
    const movedTo = await this.settle(subscription, claim, outcome, report);
    // A group that became a supergroup: the batch, handed back, goes on at once under the new id.
    if (movedTo && !moved) await this.postTo(movedTo, news, now, report, true);
  }

  /** What a chat may be posted now, given its ledger state. */
  private selection(subscription: Subscription, state: InstantState | undefined, now: Date): ChatSelection {
    const { perHour } = instantBatching(subscription, this.deps.options);
    const held = now.getTime() - this.deps.options.holdHours * 3_600_000;
    const instant = subscription.mode === 'instant' || subscription.mode === 'both';
    return {
      subscription,
      storiesSince: instant
        ? Math.max(held, Date.parse(subscription.instant?.since ?? subscription.updatedAt))
        : null,
      heldSince: held,
      room: perHour - InstantLedger.sentLastHour(state, now),
      accept: storyFilter(subscription.filters, this.words),
    };
  }

  private async send(
    subscription: Subscription,
    claim: InstantClaim,
    report: InstantReport,
  ): Promise<SendOutcome | 'lost'> {
    const sender = this.senders.get(subscription.platform)!;
    let topicGone: string | undefined;
    const target: DeliveryTarget = {
      chatId: subscription.chatId,
      threadId: subscription.threadId,
      labels: labelsFor(subscription.language, this.deps.languages ?? {}, this.deps.translations),
      images: subscription.images !== false,
      silent: subscription.silent === true,
    };
    for (let index = claim.sent; index < claim.posts.length; index++) {
      if (this.stopping) return { kind: 'stopped' };
      let outcome: SendOutcome;
      try {
        outcome = await sender.post(target, claim.posts[index]!.reply);
      } catch (error) {
        outcome = { kind: 'failed', reason: describeError(error) };
      }
      // The forum topic or thread is gone: the rest of the batch goes straight to the chat itself,
      // and the subscription follows once the batch is done, so the notice is given once.
      if (outcome.topicGone) {
        topicGone = outcome.topicGone;
        target.threadId = null;
      }
      if (outcome.kind !== 'sent') return topicGone ? { ...outcome, topicGone } : outcome;
      report.posts++;
      if (!(await this.ledger.progress(claim, this.deps.clock()))) return 'lost';
    }
    return topicGone ? { kind: 'sent', topicGone } : { kind: 'sent' };
  }

  private async settle(
    subscription: Subscription,
    claim: InstantClaim,
    outcome: SendOutcome | 'lost',
    report: InstantReport,
  ): Promise<Subscription | undefined> {
    const now = this.deps.clock();
    if (outcome === 'lost') {
      this.deps.logger.warn(`instant posts to ${subscription.id}: another instance took over; stopped here`);
      return undefined;
    }
    const movedTo = await this.settleOutcome(subscription, claim, outcome, report, now);
    if (outcome.topicGone) {
      const moved = await this.deps.subscriptions.moveToChat(subscription.id);
      this.deps.logger.warn(
        `instant: ${subscription.id}: its topic is gone (${outcome.topicGone}); moved to ${moved?.subscription.id ?? 'the chat'}`,
      );
    }
    return movedTo;
  }

  /** Records how the batch ended; the subscription under its new id when the chat moved. */
  private async settleOutcome(
    subscription: Subscription,
    claim: InstantClaim,
    outcome: SendOutcome,
    report: InstantReport,
    now: Date,
  ): Promise<Subscription | undefined> {
    switch (outcome.kind) {
      case 'sent':
        await this.ledger.finish(claim, now);
        return;
      case 'stopped':
        await this.ledger.release(claim, now);
        return;
      case 'gone':
        await this.ledger.finish(claim, now);
        await this.deps.subscriptions.pause(subscription.id, outcome.reason);
        this.deps.logger.warn(`instant: paused ${subscription.id}: ${outcome.reason}`);
        report.paused++;
        return;
      case 'moved': {
        // A group that became a supergroup: the batch is handed back (what was confirmed stays
        // confirmed) and moves with the chat's state, to be resumed under the new id.
        await this.ledger.release(claim, now);
        const moved = await this.deps.subscriptions.moveChat(
          subscription.platform,
          subscription.chatId,
          outcome.chatId,
        );
        return moved.find((next) => next.threadId === subscription.threadId);
      }
      case 'failed':
        report.failed++;
        await this.ledger.finish(claim, now, true);
        this.deps.logger.warn(
          `instant posts to ${subscription.id} failed (attempt ${claim.attempts}): ${outcome.reason}`,
        );
    }
  }
}
