import { afterEach, describe, expect, it } from 'vitest';
import { ArticleRepository } from '../../src/articles/article-repository.js';
import type { StoredArticle } from '../../src/articles/stored-article.js';
import type { Store } from '../../src/store/store.js';
import { clusterStories } from '../../src/stories/story-clusterer.js';
import { StoryTracker } from '../../src/stories/story-tracker.js';
import { FeatureReader } from '../../src/stories/article-features.js';
import { ArticlePipeline } from '../../src/ingest/article-pipeline.js';
import { analyzeInThisThread, analyzeText, type TextAnalyzer } from '../../src/ingest/text-analysis.js';
import { QuoteIndex } from '../../src/quotes/quote-index.js';
import type { Story, StoryArticle } from '../../src/stories/story.js';
import { countedReads } from '../helpers/counted-reads.js';
import { openTempStore } from '../helpers/temp-store.js';
import {
  NOW,
  bikeLanes,
  floodUpdates,
  huaweiReports,
  iranReport,
  storedArticle,
  wireCopies,
  type ArticleSpec,
} from './news-fixtures.js';

let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

const HOUR = 3_600_000;
const daySpecs = (): ArticleSpec[] => [
  ...huaweiReports,
  iranReport,
  ...wireCopies,
  ...floodUpdates,
  bikeLanes,
];
/** The fixtures spread over the day, so that each story's reports arrive hours apart. */
const dayOfNews = () => daySpecs().map((spec, i) => storedArticle({ ...spec, hoursAgo: 2 + ((i * 5) % 20) }));
const oldestFirst = (articles: StoredArticle[]) =>
  [...articles].sort((a, b) => (a.seenAt < b.seenAt ? -1 : a.seenAt > b.seenAt ? 1 : 0));
/** Each story's id and its articles' ids, lead first, in order of story id (the tracker gives no order). */
const idsOf = (stories: Story<StoryArticle>[]) =>
  stories
    .map((story) => [story.id, ...story.articles.map((a) => a.id)])
    .sort((a, b) => (a[0]! < b[0]! ? -1 : 1));

async function repositoryWith(articles: StoredArticle[]): Promise<ArticleRepository> {
  ({ store } = await openTempStore());
  const repository = new ArticleRepository(store);
  await repository.saveMany(articles.map((article) => ({ article, draft: { ...article, guid: null } })));
  return repository;
}

function trackerFor(
  repository: Pick<ArticleRepository, 'idsSeenOn' | 'countSeenOn' | 'getMany'>,
  clock = () => NOW,
) {
  return new StoryTracker({ articles: repository, clock, horizonHours: 36 });
}

const dayWindow = [new Date(NOW.getTime() - 24 * HOUR), NOW] as const;

describe('StoryTracker', () => {
  it('gives the stories of clustering the day at once when its articles arrive one by one', async () => {
    const articles = dayOfNews();
    const tracker = trackerFor(await repositoryWith([]));
    for (const article of oldestFirst(articles)) tracker.add([article]);

    const tracked = (await tracker.storiesSeen(...dayWindow))!;
    const atOnce = clusterStories(articles);
    expect(idsOf(tracked)).toEqual(idsOf(atOnce));
    expect(tracked.map((story) => story.articles.length).sort()).toEqual([1, 1, 2, 2, 3]);
  });

  it('reads the articles another instance stored, once, and keeps those it placed itself', async () => {
    const [first, ...rest] = oldestFirst(dayOfNews());
    // This instance committed the first and placed it; another instance stored the rest.
    const repository = await repositoryWith([first!, ...rest]);
    const counting = countedReads(repository);
    const tracker = trackerFor(counting);
    tracker.add([first!]);

    const stories = (await tracker.storiesSeen(...dayWindow))!;
    expect(stories.flatMap((story) => story.articles)).toHaveLength(9);
    expect(counting.reads).toBe(8);
    await tracker.storiesSeen(...dayWindow);
    expect(counting.reads).toBe(8);
    expect(idsOf(stories)).toEqual(idsOf(clusterStories([first!, ...rest])));
  });

  it("counts each day's articles in the store and reads its ids only when the day has some it lacks", async () => {
    const articles = oldestFirst(dayOfNews());
    const [last] = articles.splice(-1);
    const repository = await repositoryWith(articles);
    const counting = countedReads(repository);
    const tracker = trackerFor(counting);
    tracker.add(articles); // as ingest does after each commit
    await tracker.storiesSeen(...dayWindow);
    await tracker.storiesSeen(...dayWindow);
    // The 36 h horizon spans two UTC days at NOW: both counted at each digest, neither read.
    expect([counting.counts, counting.dayReads, counting.reads]).toEqual([4, 0, 0]);

    // Another instance stores one article today: only today's ids are read, and only it whole.
    await repository.saveMany([{ article: last!, draft: { ...last!, guid: null } }]);
    const stories = (await tracker.storiesSeen(...dayWindow))!;
    expect([counting.dayReads, counting.reads]).toEqual([1, 1]);
    expect(stories.flatMap((story) => story.articles.map((brief) => brief.id))).toContain(last!.id);
    await tracker.storiesSeen(...dayWindow);
    expect([counting.dayReads, counting.reads]).toEqual([1, 1]);
  });

  it('shows a window only the articles first seen in it, and declines a window before its horizon', async () => {
    const tracker = trackerFor(await repositoryWith([]));
    const articles = oldestFirst(dayOfNews());
    tracker.add(articles);
    const lastSix = new Date(NOW.getTime() - 6 * HOUR);
    const recent = (await tracker.storiesSeen(lastSix, NOW))!;
    const expected = articles.filter((article) => Date.parse(article.seenAt) >= lastSix.getTime());
    expect(recent.flatMap((story) => story.articles.map((a) => a.id)).sort()).toEqual(
      expected.map((article) => article.id).sort(),
    );
    expect(await tracker.storiesSeen(new Date(NOW.getTime() - 40 * HOUR), NOW)).toBeNull();
  });

  it('forgets stories that have left the horizon and does not read them again', async () => {
    const articles = dayOfNews();
    const repository = await repositoryWith(articles);
    let now = NOW;
    const tracker = trackerFor(repository, () => now);
    await tracker.storiesSeen(...dayWindow);
    expect(tracker.size).toBe(9);

    now = new Date(NOW.getTime() + 3 * 24 * HOUR);
    const fresh = storedArticle({ ...bikeLanes, title: 'Bike lanes: the second vote', hoursAgo: -71 });
    tracker.add([fresh]);
    expect(tracker.size).toBe(1);
    const stories = (await tracker.storiesSeen(new Date(now.getTime() - 24 * HOUR), now))!;
    expect(stories.flatMap((story) => story.articles.map((a) => a.id))).toEqual([fresh.id]);
  });

  it('starts afresh from the store once most of its word ids belong to forgotten stories', async () => {
    const articles = dayOfNews();
    const later = new Date(NOW.getTime() + 3 * 24 * HOUR);
    const fresh = storedArticle({ ...iranReport, title: 'Iran talks resume', hoursAgo: -71 });
    const repository = await repositoryWith([...articles, fresh]);
    let now = NOW;
    const tracker = new StoryTracker({
      articles: repository,
      clock: () => now,
      horizonHours: 36,
      vocabularyLimit: 50,
    });
    tracker.add(articles);
    const dayWords = tracker.words;
    expect(dayWords).toBeGreaterThan(50);

    now = later;
    tracker.add([fresh]);
    const stories = (await tracker.storiesSeen(new Date(later.getTime() - 24 * HOUR), later))!;
    expect(stories.flatMap((story) => story.articles.map((a) => a.id))).toEqual([fresh.id]);
    // Only the fresh article's words are known again.
    expect(tracker.words).toBeLessThan(dayWords / 2);
  });

  it('places nothing of a reading that failed, and reads it all again next time', async () => {
    const articles = dayOfNews();
    const repository = await repositoryWith(articles);
    const flaky = countedReads(repository);
    flaky.failing = true;
    const tracker = trackerFor(flaky);
    await expect(tracker.storiesSeen(...dayWindow)).rejects.toThrow('store away');
    expect(tracker.size).toBe(0);
    flaky.failing = false;
    const stories = (await tracker.storiesSeen(...dayWindow))!;
    expect(idsOf(stories)).toEqual(idsOf(clusterStories(articles)));
  });

  it('gives whole articles for the stories asked, lead first', async () => {
    const articles = dayOfNews();
    const tracker = trackerFor(await repositoryWith(articles));
    const stories = (await tracker.storiesSeen(...dayWindow))!;
    const whole = await tracker.wholeStories(stories);
    expect(whole.map((story) => story!.articles.map((a) => a.id))).toEqual(
      stories.map((story) => story.articles.map((a) => a.id)),
    );
    expect(whole[0]!.articles[0]!.text.length).toBeGreaterThan(0);
  });
});

describe('stories at ingest', () => {
  it('places each committed batch with the features the analysis read, so a digest reads nothing back', async () => {
    const repository = await repositoryWith([]);
    const counting = countedReads(repository);
    const tracker = trackerFor(counting);
    let analysed = 0;
    const analyze: TextAnalyzer = async (...args) => {
      const result = await analyzeInThisThread(...args);
      if (result.features) analysed++;
      return result;
    };
    const pipeline = new ArticlePipeline({
      analyze,
      store: store!,
      repository,
      quoteIndex: new QuoteIndex(store!, repository, { refreshMs: 0 }),
      stories: tracker,
      options: { sentences: 2, maxArticleChars: 10_000 },
    });
    const specs = daySpecs();
    const drafts = specs.map((spec, i) => ({
      url: `https://${spec.source.replace(/\W/g, '').toLowerCase()}.example/${i}`,
      title: spec.title,
      text: spec.text,
      source: spec.source,
      byline: null,
      published: null,
    }));
    await pipeline.process(drafts.slice(0, 4), 'wire', new Date(NOW.getTime() - 3 * HOUR));
    await pipeline.process(drafts.slice(4), 'wire', new Date(NOW.getTime() - 2 * HOUR));

    expect(analysed).toBe(specs.length);
    expect(tracker.size).toBe(specs.length);
    const stories = (await tracker.storiesSeen(...dayWindow))!;
    expect(counting.reads).toBe(0);
    expect(stories.map((story) => story.articles.length).sort()).toEqual([1, 1, 2, 2, 3]);
  });

  it('reads the same features in the analysis as from the stored article', () => {
    const { title, text } = huaweiReports[0]!;
    const analysis = analyzeText(text, 2, title);
    expect(analysis.features).toEqual(new FeatureReader().read({ title, text, quotes: analysis.quotes }));
    expect(analyzeText(text, 2).features).toBeUndefined();
  });
});
