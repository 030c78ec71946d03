import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../src/kernel/logger.js';
import { ArticleRepository } from '../../src/articles/article-repository.js';
import type { StoredArticle } from '../../src/articles/stored-article.js';
import {
  DigestBuilder,
  type DigestBuilderDeps,
  type DigestOptions,
} from '../../src/digest/digest-builder.js';
import { StoryTracker } from '../../src/stories/story-tracker.js';
import type { Store } from '../../src/store/store.js';
import type { Story } from '../../src/stories/story.js';
import {
  OfflineStorySummarizer,
  type StorySummarizer,
  type SummaryOptions,
} from '../../src/summaries/story-summarizer.js';
import {
  NOW,
  bikeLanes,
  floodUpdates,
  huaweiReports,
  iranReport,
  storedArticle,
  wireCopies,
} from '../stories/news-fixtures.js';
import { countedReads } from '../helpers/counted-reads.js';
import { openTempStore } from '../helpers/temp-store.js';

let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

const OPTIONS: DigestOptions = { maxStories: 10, quotesPerStory: 2, windowHours: 24 };

/** A real SQLite store holding the day's fixture news. */
async function repositoryWith(articles: StoredArticle[]): Promise<ArticleRepository> {
  ({ store } = await openTempStore());
  const repository = new ArticleRepository(store);
  await repository.saveMany(articles.map((article) => ({ article, draft: { ...article, guid: null } })));
  return repository;
}

const dayOfNews = () =>
  [...huaweiReports, iranReport, ...wireCopies, ...floodUpdates, bikeLanes].map(storedArticle);

/** A builder that clusters each window itself, or one that ranks the stories kept at ingest, as the app's. */
const makers = {
  'clustering its window': (
    repository: ArticleRepository,
    options: DigestOptions,
    deps: DigestBuilderDeps = {},
  ) => new DigestBuilder(repository, options, deps),
  'ranking the stories kept at ingest': (
    repository: ArticleRepository,
    options: DigestOptions,
    deps: DigestBuilderDeps = {},
  ) =>
    new DigestBuilder(repository, options, {
      ...deps,
      stories: new StoryTracker({ articles: repository, clock: () => NOW, horizonHours: 36 }),
    }),
};

describe.each(Object.entries(makers))('DigestBuilder %s', (_, makeBuilder) => {
  it('builds the digest model: date, ranked stories with summary, quotes and every source linked', async () => {
    const builder = makeBuilder(await repositoryWith(dayOfNews()), OPTIONS);
    const digest = await builder.build(NOW);

    expect(digest.date).toBe('2026-11-27');
    expect(digest.window).toEqual({ since: '2026-11-26T12:00:00.000Z', until: NOW.toISOString(), hours: 24 });
    expect(digest.stats).toEqual({ articles: 9, stories: 5 });
    expect(digest.topic).toBeNull();
    expect(digest.stories).toHaveLength(5);

    const [top] = digest.stories;
    // Three sources beat everything else in the day.
    expect(top!.sources).toBe(3);
    expect(top!.links.map((link) => link.source).sort()).toEqual(['BBC News', 'Reuters', 'The Guardian']);
    expect(new Set(top!.links.map((link) => link.url)).size).toBe(3);
    expect(top!.headline).toMatch(/Huawei|Pompeo|secretary of state/i);
    expect(top!.summary.length).toBeGreaterThan(0);
    expect(top!.summary.length).toBeLessThanOrEqual(3);
    expect(top!.quotes.length).toBeGreaterThan(0);
    expect(top!.quotes.length).toBeLessThanOrEqual(2);
    for (const quote of top!.quotes) {
      expect(quote.speaker).toMatch(/Pompeo/);
      expect(huaweiReports.some((report) => report.text.includes(quote.text))).toBe(true);
      expect(top!.links.map((link) => link.url)).toContain(quote.url);
    }
    expect(top!.engine).toBe('offline');

    // The same-source update is one story with one link (one source), two articles.
    const floods = digest.stories.find((story) => story.headline.includes('Valencia'))!;
    expect(floods.articles).toBe(2);
    expect(floods.links).toHaveLength(1);

    expect(digest.quoteOfTheDay).not.toBeNull();
    const allQuotes = digest.stories.flatMap((story) => story.quotes.map((quote) => quote.text));
    expect(allQuotes).toContain(digest.quoteOfTheDay!.text);
    // JSON in, JSON out: the model is plain data.
    expect(JSON.parse(JSON.stringify(digest))).toEqual(digest);
  });

  it('filters to a topic (categories, title or text, whole words) and says which', async () => {
    const builder = makeBuilder(await repositoryWith(dayOfNews()), OPTIONS);
    const huawei = await builder.build(NOW, { topic: ' huawei ' });
    expect(huawei.topic).toBe('huawei');
    expect(huawei.stories).toHaveLength(1);
    expect(huawei.stories[0]!.links).toHaveLength(3);
    expect(huawei.stats.stories).toBe(1);

    const transport = await builder.build(NOW, { topic: 'Transport' });
    expect(transport.stories.map((story) => story.headline)).toEqual([bikeLanes.title]);

    const pompeo = await builder.build(NOW, { topic: 'Pompeo' });
    expect(pompeo.stories).toHaveLength(2);

    expect((await builder.build(NOW, { topic: 'cricket' })).stories).toEqual([]);
  });

  it("ranks the subscriber's topics higher without dropping the rest", async () => {
    const builder = makeBuilder(await repositoryWith(dayOfNews()), OPTIONS);
    const digest = await builder.build(NOW, { topics: ['transport'] });
    expect(digest.stories[0]!.headline).toBe(bikeLanes.title);
    expect(digest.stories[0]!.topics).toEqual(['transport']);
    expect(digest.stories).toHaveLength(5);
  });

  it('keeps to maxStories, the window and the time zone of the date', async () => {
    const old = storedArticle({ ...iranReport, title: 'An old story about something else', hoursAgo: 30 });
    const builder = makeBuilder(await repositoryWith([...dayOfNews(), old]), {
      ...OPTIONS,
      maxStories: 2,
      timeZone: 'Pacific/Kiritimati',
    });
    const digest = await builder.build(NOW);
    expect(digest.stories).toHaveLength(2);
    expect(digest.stats.stories).toBe(5);
    expect(digest.date).toBe('2026-11-28');
    const wider = await builder.build(NOW, { windowHours: 48 });
    expect(wider.stats.articles).toBe(10);
  });

  it('summarizes stories concurrently, a few at a time, and keeps their order', async () => {
    let running = 0;
    let most = 0;
    const summarizer: StorySummarizer = {
      async summarize(story: Story, options: SummaryOptions) {
        running++;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running--;
        return {
          ...(await new OfflineStorySummarizer().summarize(story, options)),
          headline: `LLM: ${story.articles[0]!.title}`,
          engine: 'llm',
        };
      },
    };
    const builder = makeBuilder(
      await repositoryWith(dayOfNews()),
      { ...OPTIONS, concurrency: 2 },
      { summarizer },
    );
    const digest = await builder.build(NOW);
    expect(most).toBe(2);
    expect(
      digest.stories.every((story) => story.engine === 'llm' && story.headline.startsWith('LLM: ')),
    ).toBe(true);
    const offline = await makeBuilder(await repositoryWith(dayOfNews()), OPTIONS).build(NOW);
    expect(digest.stories.map((story) => story.id)).toEqual(offline.stories.map((story) => story.id));
  });

  it('falls back to the offline summary of a story when the summarizer fails, and logs it', async () => {
    const logger = createMemoryLogger();
    const summarizer: StorySummarizer = {
      async summarize(story, options) {
        if (story.articles.some((article) => article.source === 'Reuters'))
          throw new Error('model timed out');
        return { ...(await new OfflineStorySummarizer().summarize(story, options)), engine: 'llm' };
      },
    };
    const builder = makeBuilder(await repositoryWith(dayOfNews()), OPTIONS, { summarizer, logger });
    const digest = await builder.build(NOW);
    expect(digest.stories).toHaveLength(5);
    expect(digest.stories.filter((story) => story.engine === 'offline')).toHaveLength(1);
    expect(logger.lines.join('\n')).toMatch(/fell back to offline: model timed out/);
  });

  it('builds an empty digest from an empty store', async () => {
    const digest = await makeBuilder(await repositoryWith([]), OPTIONS).build(NOW);
    expect(digest.stories).toEqual([]);
    expect(digest.quoteOfTheDay).toBeNull();
    expect(digest.stats).toEqual({ articles: 0, stories: 0 });
  });
});

describe('DigestBuilder over the stories kept at ingest', () => {
  it('gives the digest of clustering the window at once, for every chat, reading few articles whole', async () => {
    const articles = dayOfNews();
    const repository = await repositoryWith(articles);
    const counting = countedReads(repository);
    const stories = new StoryTracker({ articles: counting, clock: () => NOW, horizonHours: 36 });
    await stories.storiesSeen(new Date(NOW.getTime() - 3_600_000), NOW);
    counting.reads = 0;
    const options = { ...OPTIONS, maxStories: 2 };
    const tracked = await new DigestBuilder(repository, options, { stories }).build(NOW);
    expect(tracked).toEqual(await new DigestBuilder(repository, options).build(NOW));
    // The two stories shown, whole; not the nine articles of the day.
    expect(counting.reads).toBe(tracked.stories.reduce((sum, story) => sum + story.articles, 0));

    // A chat that does not see the Guardian gets the Huawei story without it, as if never stored.
    const visibility = async (chat: string | null) => (source: string) =>
      chat !== 'telegram:1' || source !== 'the-guardian';
    const forChat = await new DigestBuilder(repository, options, { stories, visibility }).build(NOW, {
      audience: 'telegram:1',
    });
    const unseen = await new DigestBuilder(repository, options, { visibility }).build(NOW, {
      audience: 'telegram:1',
    });
    expect(forChat).toEqual(unseen);
    expect(forChat.stories[0]!.links.map((link) => link.source)).not.toContain('The Guardian');
  });
});
