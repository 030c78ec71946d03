import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ArticleRepository } from '../../src/articles/article-repository.js';
import { ArticlePipeline } from '../../src/ingest/article-pipeline.js';
import { analyzeInThisThread, analyzeText, type TextAnalyzer } from '../../src/ingest/text-analysis.js';
import { PART_SIZE } from '../../src/quotes/quote-buckets.js';
import { QuoteIndex, type WordSearch } from '../../src/quotes/quote-index.js';
import { parseWordQuery, quoteWordTerms } from '../../src/quotes/word-terms.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { hasRedisServer, startRedisServer } from '../helpers/redis-server.js';
import { quotedArticles } from '../helpers/quoted-article.js';
import { openTempStore } from '../helpers/temp-store.js';

/** An article with the given quotes (speaker, text), published on `day` at `hour`. */
const article = quotedArticles('w');

const texts = (result: WordSearch) => result.hits.map((hit) => hit.text);

describe('words of a search', () => {
  it('folds case, accents and plurals, and leaves out function words', () => {
    expect(quoteWordTerms('The TARIFFS at Zürich are not what we said')).toEqual([
      'tariff',
      'zurich',
      'said',
    ]);
    expect(parseWordQuery('the Water “Rates of Zürich” and')).toEqual({
      terms: ['rate', 'zurich', 'water'],
      phrases: [['rate', 'of', 'zurich']],
      ignored: ['of', 'the', 'and'],
    });
  });
});

describe('words of quotes at ingest', () => {
  it('are folded once, by the analyzer (in its worker), and filed as it gave them', async () => {
    const text = 'The meeting ran late.\n\n"The Harbour tariffs must fall," said Ada Quist, the mayor.';
    const analysis = analyzeText(text, 1, 'Harbour talks');
    expect(analysis.quoteTerms).toEqual([['harbour', 'tariff', 'fall']]);
    // Without a title (not for the index) nothing is folded for it.
    expect(analyzeText(text, 1).quoteTerms).toBeUndefined();

    const { store } = await openTempStore();
    try {
      const repository = new ArticleRepository(store);
      const quoteIndex = new QuoteIndex(store, repository, { refreshMs: 0 });
      // The real analysis, with the words it gives marked: the index must file these, not fold again.
      const analyze: TextAnalyzer = async (...args) => {
        const result = await analyzeInThisThread(...args);
        return { ...result, quoteTerms: result.quoteTerms?.map((terms) => [...terms, 'workerword']) };
      };
      const pipeline = new ArticlePipeline({
        analyze,
        store,
        repository,
        quoteIndex,
        options: { sentences: 1, maxArticleChars: 10_000 },
      });
      const draft = { url: 'https://news.example/h', title: 'Harbour talks', byline: null, published: null };
      await pipeline.process(
        [{ ...draft, source: 'Example Wire', text }],
        'wire',
        new Date('2026-11-20T09:00:00Z'),
      );
      expect(texts(await quoteIndex.searchWords('workerword'))).toEqual(['The Harbour tariffs must fall,']);
      expect((await quoteIndex.searchWords('tariffs harbour')).hits[0]).toMatchObject({
        speaker: 'Ada Quist',
      });
    } finally {
      await store.close();
    }
  });
});

/** The same behaviour on each store: `open` gives a fresh, empty store (and the same one by URL). */
function wordSearchContract(open: () => Promise<{ store: Store; url: string }>): void {
  let stores: Store[] = [];
  afterEach(async () => {
    await Promise.all(stores.map((store) => store.close()));
    stores = [];
  });

  async function setup(options: { wordScanLimit?: number } = {}) {
    const { store, url } = await open();
    stores.push(store);
    const articles = new ArticleRepository(store);
    const index = new QuoteIndex(store, articles, { refreshMs: 0, ...options });
    return { store, url, articles, index };
  }

  it('finds quotes by words alone, from every speaker, newest first', async () => {
    const { index } = await setup();
    await index.add([
      article([['Ada Quist', 'The port expansion will go ahead in spring']], { day: '2026-11-18' }),
      article(
        [
          ['Bruno Haddad', 'Nobody asked the PORT workers'],
          ['Bruno Haddad', 'Exports are up again'],
        ],
        { day: '2026-11-20' },
      ),
      article([['José Pérez', 'Los puertos y los ports de Zürich']], { day: '2026-11-19' }),
      article([['Ada Quist', 'The portfolio is empty']], { day: '2026-11-21', title: 'Port news' }),
    ]);
    const found = await index.searchWords('Port');
    // Whole words only: "portfolio" and "exports" are other words; the title is not searched.
    expect(texts(found)).toEqual([
      'Nobody asked the PORT workers',
      'Los puertos y los ports de Zürich',
      'The port expansion will go ahead in spring',
    ]);
    expect(found).toMatchObject({ total: 3, hasMore: false, words: ['port'], searchedSince: null });
    expect(found.hits[1]).toMatchObject({ speaker: 'José Pérez', date: '2026-11-19T10:00:00.000Z' });
    expect(found.hits[1]!.article).toMatchObject({ source: 'Example Wire', title: expect.any(String) });
    expect(texts(await index.searchWords('zurich'))).toEqual(['Los puertos y los ports de Zürich']);
    expect(texts(await index.searchWords('ZÜRICH'))).toEqual(['Los puertos y los ports de Zürich']);
  });

  it('needs every word, and words in double quotes as a phrase', async () => {
    const { index } = await setup();
    await index.add([
      article([['Ada Quist', 'Water rates will rise next year']], { day: '2026-11-10' }),
      article([['Ada Quist', 'The rates of water and power are too high']], { day: '2026-11-11' }),
      article([['Bruno Haddad', 'Water is scarce']], { day: '2026-11-12' }),
      article([['Bruno Haddad', 'Power cuts again, and the water rates']], { day: '2026-11-13' }),
    ]);
    expect(texts(await index.searchWords('rates water'))).toEqual([
      'Power cuts again, and the water rates',
      'The rates of water and power are too high',
      'Water rates will rise next year',
    ]);
    expect(texts(await index.searchWords('"water rates"'))).toEqual([
      'Power cuts again, and the water rates',
      'Water rates will rise next year',
    ]);
    expect(texts(await index.searchWords('“rates of water” power'))).toEqual([
      'The rates of water and power are too high',
    ]);
    expect(texts(await index.searchWords('water drought'))).toEqual([]);
    const common = await index.searchWords('the of');
    expect(common).toMatchObject({ words: [], ignored: ['the', 'of'], hits: [], total: 0 });
  });

  it('pages one word exactly, and several words by scanning, the same quotes either way', async () => {
    const { index } = await setup();
    // 75 quotes on three days (more than a part holds on the busiest), every third with "budget".
    const list = Array.from({ length: 75 }, (_, i) =>
      article([['Ada Quist', `Statement ${i} on the ${i % 3 === 0 ? 'school budget' : 'school'} matter`]], {
        day: `2026-11-0${1 + (i % 3)}`,
        hour: i % 24,
      }),
    );
    await index.add(list.slice(0, 40));
    await index.add(list.slice(40));
    const pages: string[] = [];
    for (let page = 0; page < 8; page++) {
      const result = await index.searchWords('school', { offset: page * 10, limit: 10 });
      expect(result.total).toBe(75);
      expect(result.hasMore).toBe(page < 7);
      pages.push(...texts(result));
    }
    expect(pages).toHaveLength(75);
    expect(new Set(pages).size).toBe(75);
    const budget: string[] = [];
    for (let page = 0; page < 3; page++) {
      const result = await index.searchWords('budget school', { offset: page * 10, limit: 10 });
      budget.push(...texts(result));
      if (page === 2) expect(result).toMatchObject({ total: 25, hasMore: false });
    }
    const expected = pages.filter((text) => text.includes('budget'));
    expect(budget).toEqual(expected);
    expect(expected).toHaveLength(25);
    expect(PART_SIZE).toBeLessThan(75);
  });

  it('says how far back it searched when two common words rarely meet', async () => {
    const { index } = await setup({ wordScanLimit: 40 });
    // Every day has both words, in two different quotes; only the oldest day has them in one.
    const list = Array.from({ length: 30 }, (_, i) => {
      const day = `2026-10-${String(1 + i).padStart(2, '0')}`;
      return i === 0
        ? [article([['Ada Quist', 'Wind and solar together']], { day })]
        : [
            article([['Ada Quist', `Wind today, ${i}`]], { day }),
            article([['Bruno Haddad', `Solar tomorrow, ${i}`]], { day }),
          ];
    });
    await index.add(list.flat());
    const result = await index.searchWords('wind solar');
    expect(result).toMatchObject({ hits: [], total: null, hasMore: false });
    // 40 postings: the newest 20 days, two words each.
    expect(result.searchedSince).toBe('2026-10-11');
    // A single word is counted, never scanned.
    expect((await index.searchWords('wind', { offset: 20 })).total).toBe(30);
    expect(texts(await index.searchWords('wind', { offset: 29 }))).toEqual(['Wind and solar together']);
  });

  it('stays exact when several instances file quotes at once, and when a batch is filed again', async () => {
    const first = await setup();
    const other = await openStore(first.url);
    stores.push(other);
    const otherIndex = new QuoteIndex(other, new ArticleRepository(other), { refreshMs: 0 });
    // Both instances file quotes by the same speaker on the same day: they meet over the same part.
    const batches = Array.from({ length: 8 }, (_, b) =>
      Array.from({ length: 5 }, (_, i) =>
        article([['Ada Quist', `Harbour note ${b}-${i} about the ferry`]], { hour: (b * 5 + i) % 24 }),
      ),
    );
    await Promise.all(batches.map((batch, b) => (b % 2 ? otherIndex : first.index).add(batch)));
    await first.index.add(batches[0]!);
    const all: string[] = [];
    for (let page = 0; page < 5; page++) {
      const result = await first.index.searchWords('ferry harbour', { offset: page * 10, limit: 10 });
      all.push(...texts(result));
      expect(result.hasMore).toBe(page < 3);
    }
    expect(all).toHaveLength(40);
    expect(new Set(all).size).toBe(40);
    expect((await otherIndex.searchWords('ferry')).total).toBe(40);
  });
}

describe('searching quotes by words alone, in SQLite', () => {
  wordSearchContract(openTempStore);
});

// CI installs redis-server (.ci/run); on a developer machine without it this part is skipped.
describe.runIf(hasRedisServer())('searching quotes by words alone, in Redis', () => {
  let redis: Awaited<ReturnType<typeof startRedisServer>>;
  let database = 0;
  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(() => redis?.stop());
  wordSearchContract(async () => {
    // Each test its own database, so that every test starts empty.
    const url = `${redis.url}/${++database}`;
    return { store: await openStore(url), url };
  });
});
