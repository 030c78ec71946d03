import { afterEach, describe, expect, it } from 'vitest';
import { ArticleRepository } from '../../src/articles/article-repository.js';
import type { StoredArticle } from '../../src/articles/stored-article.js';
import { PART_SIZE } from '../../src/quotes/quote-buckets.js';
import { QuoteIndex, type QuoteSearch } from '../../src/quotes/quote-index.js';
import { FILTER_SCAN_LIMIT } from '../../src/quotes/quote-pages.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { quotedArticles } from '../helpers/quoted-article.js';
import { openTempStore } from '../helpers/temp-store.js';

let stores: Store[] = [];
afterEach(async () => {
  await Promise.all(stores.map((store) => store.close()));
  stores = [];
});

async function setup(): Promise<{
  store: Store;
  url: string;
  index: QuoteIndex;
  articles: ArticleRepository;
}> {
  const { store, url } = await openTempStore();
  stores.push(store);
  const articles = new ArticleRepository(store);
  return { store, url, articles, index: new QuoteIndex(store, articles, { refreshMs: 0 }) };
}

/** An article with the given quotes (speaker, text), published on `day` at `hour`. */
const article = quotedArticles('a');

async function store(setupResult: Awaited<ReturnType<typeof setup>>, list: StoredArticle[]): Promise<void> {
  await setupResult.articles.saveMany(
    list.map((stored) => ({ article: stored, draft: { ...stored, guid: stored.id } })),
  );
  await setupResult.index.add(list);
}

function found(result: QuoteSearch) {
  if (result.kind !== 'found') throw new Error(`expected quotes, got ${JSON.stringify(result)}`);
  return result;
}

describe('QuoteIndex', () => {
  it('answers newest first, a page at a time, with what a page shows', async () => {
    const env = await setup();
    const list = Array.from({ length: 12 }, (_, i) =>
      article([['Mike Pompeo', `Statement number ${i}`]], {
        day: `2026-11-${String(10 + i).padStart(2, '0')}`,
      }),
    );
    await store(env, list.slice(0, 7));
    await store(env, list.slice(7));
    const first = found(await env.index.search('pompeo', { limit: 5 }));
    expect(first.hits.map((hit) => hit.text)).toEqual([11, 10, 9, 8, 7].map((i) => `Statement number ${i}`));
    expect(first).toMatchObject({ total: 12, hasMore: true, corrected: null, words: [] });
    expect(first.hits[0]).toEqual({
      speaker: 'Mike Pompeo',
      spokenAs: 'Mike Pompeo',
      text: 'Statement number 11',
      verb: 'said',
      date: '2026-11-21T10:00:00.000Z',
      article: {
        id: list[11]!.id,
        title: list[11]!.title,
        source: 'Example Wire',
        url: list[11]!.url,
        published: '2026-11-21T10:00:00.000Z',
      },
    });
    const last = found(await env.index.search('pompeo', { offset: 10, limit: 5 }));
    expect(last.hits.map((hit) => hit.text)).toEqual(['Statement number 1', 'Statement number 0']);
    expect(last.hasMore).toBe(false);
    expect(found(await env.index.search('pompeo', { offset: 20, limit: 5 })).hits).toEqual([]);
  });

  it('pages across months, days and spellings without losing or repeating a quote', async () => {
    const env = await setup();
    const list = Array.from({ length: 30 }, (_, i) =>
      article([[i % 3 === 0 ? 'Pompeo' : 'Mike Pompeo', `Quote ${i}`]], {
        day: `2026-${['09', '10', '11'][i % 3]}-${String(1 + (i % 10)).padStart(2, '0')}`,
        hour: i % 24,
      }),
    );
    for (let i = 0; i < list.length; i += 8) await store(env, list.slice(i, i + 8));
    const expected = [...list]
      .sort((a, b) => b.published!.localeCompare(a.published!))
      .map((stored) => stored.quotes[0]!.text);
    for (const size of [1, 4, 7]) {
      const seen: string[] = [];
      for (let offset = 0; offset < 30; offset += size) {
        const page = found(await env.index.search('mike pompeo', { offset, limit: size }));
        expect(page.total).toBe(30);
        seen.push(...page.hits.map((hit) => hit.text));
      }
      expect(seen).toEqual(expected);
    }
  });

  it('keeps the quotes of one article in text order, and files an article given twice once', async () => {
    const env = await setup();
    const one = article([
      ['Mike Pompeo', 'First part,'],
      ['Mike Pompeo', 'second part.'],
    ]);
    await store(env, [one]);
    await env.index.add([one]);
    const result = found(await env.index.search('pompeo'));
    expect(result.hits.map((hit) => hit.text)).toEqual(['First part,', 'second part.']);
    expect(result.total).toBe(2);
  });

  it('lives in the store: a new instance, or one reopened after a restart, answers the same', async () => {
    const env = await setup();
    await store(env, [article([['José Pérez', 'Hola']]), article([['the Harbour Authority', 'Closed']])]);
    const other = new QuoteIndex(env.store, env.articles);
    expect(found(await other.search('perez')).hits[0]!.text).toBe('Hola');
    await env.store.close();
    stores = [];
    const reopened = await openStore(env.url);
    stores.push(reopened);
    const again = new QuoteIndex(reopened, new ArticleRepository(reopened));
    expect(found(await again.search('JOSE')).speakers.map((speaker) => speaker.name)).toEqual(['José Pérez']);
    expect((await again.speakers()).speakers.map((speaker) => [speaker.name, speaker.kind])).toEqual([
      ['Harbour Authority', 'organisation'],
      ['José Pérez', 'person'],
    ]);
  });

  it('sees speakers that another instance added to the shared store', async () => {
    const env = await setup();
    const reader = new QuoteIndex(env.store, env.articles, { refreshMs: 0 });
    expect((await reader.search('raab')).kind).toBe('unknown');
    await store(env, [article([['Dominic Raab', 'We will win']])]);
    expect(found(await reader.search('raab')).hits[0]!.text).toBe('We will win');
  });

  it('resolves a bare surname by the full name its article gives, title included', async () => {
    const env = await setup();
    await store(env, [
      article([['Pompeo', 'From the title']], {
        title: 'Mike Pompeo visits London',
        text: '"From the title," Pompeo said.',
      }),
      article([['Pompeo', 'From nowhere']], { title: 'A visit', text: '"From nowhere," Pompeo said.' }),
    ]);
    // The second article names nobody else: its "Pompeo" joins the only Pompeo known.
    const mike = found(await env.index.search('Mike Pompeo'));
    expect(mike.hits.map((hit) => [hit.speaker, hit.spokenAs])).toEqual([
      ['Mike Pompeo', 'Pompeo'],
      ['Mike Pompeo', 'Pompeo'],
    ]);
    // Another Pompeo: the unresolved surname could be either, so it stands alone.
    await store(env, [article([['Susan Pompeo', 'Me too']], { day: '2026-11-21' })]);
    expect(found(await env.index.search('Mike Pompeo')).hits.map((hit) => hit.text)).toEqual([
      'From the title',
    ]);
    const all = found(await env.index.search('pompeo'));
    expect(all.speakers.map((speaker) => speaker.name)).toEqual(['Mike Pompeo', 'Pompeo', 'Susan Pompeo']);
    expect(all.total).toBe(3);
  });

  it('tolerates typos, completes a name from the words that follow, and filters by words', async () => {
    const env = await setup();
    await store(env, [
      article([['Mike Pompeo', 'Huawei is a threat']], { day: '2026-11-01', title: 'On 5G' }),
      article([['Mike Pompeo', 'We are friends']], { day: '2026-11-02', title: 'London visit: Huawei' }),
      article([['Mike Pompeo', 'Nothing to add']], {
        day: '2026-11-03',
        text: 'The talks covered Huawei’s équipement and tariffs.\n\n"Nothing to add"',
      }),
      article([['Mike Pompeo', 'Unrelated']], { day: '2026-11-04' }),
    ]);
    const typo = found(await env.index.search('pompei'));
    expect(typo.corrected).toBe('pompeo');
    expect(typo.total).toBe(4);
    const filtered = found(await env.index.search('mike', { words: 'pompeo HUAWEI' }));
    expect(filtered.words).toEqual(['huawei']);
    expect(filtered.hits.map((hit) => hit.text)).toEqual([
      'Nothing to add',
      'We are friends',
      'Huawei is a threat',
    ]);
    expect(filtered.total).toBe(3);
    expect(found(await env.index.search('pompeo', { words: 'equipement tariff' })).hits).toHaveLength(1);
    const none = found(await env.index.search('pompeo', { words: 'zebra' }));
    expect(none).toMatchObject({ hits: [], total: 0, hasMore: false, searchedOnly: null });
  });

  it('completes a name from the words that follow, with typos only when the name alone is unknown', async () => {
    const env = await setup();
    await store(env, [
      article([['Ada Quist', 'The data is clear']], { day: '2026-11-01' }),
      article([['Dara Quist', 'Hello']], { day: '2026-11-02' }),
      article([['Dominic Raab', 'Trade']], { day: '2026-11-03' }),
    ]);
    // "quist" is known, so "data" is a filter word, not a misspelt "Dara".
    const data = found(await env.index.search('quist', { words: 'data' }));
    expect(data.hits.map((hit) => hit.speaker)).toEqual(['Ada Quist']);
    expect(data.words).toEqual(['data']);
    expect(found(await env.index.search('dara', { words: 'quist' })).speakers.map((s) => s.name)).toEqual([
      'Dara Quist',
    ]);
    const typos = found(await env.index.search('dominik', { words: 'rab trade' }));
    expect(typos).toMatchObject({ corrected: 'dominic raab', words: ['trade'], total: 1 });
  });

  it('answers a first name and a known surname that no speaker has together as unknown', async () => {
    const env = await setup();
    await store(env, [
      article([['Søren Iwasaki', 'Alvarez is wrong about the port']], { day: '2026-11-01' }),
      article([['Søren Iwasaki', 'The port opens in May']], { day: '2026-11-02' }),
      article([['Luis Alvarez', 'We disagree']], { day: '2026-11-03' }),
    ]);
    const unknown = await env.index.search('SØREN', { words: 'aLvArEz' });
    expect(unknown.kind).toBe('unknown');
    expect(unknown.kind === 'unknown' && unknown.suggestions.map((speaker) => speaker.name)).toContain(
      'Søren Iwasaki',
    );
    // A word that is no speaker's surname still filters the first name's quotes.
    const filtered = found(await env.index.search('søren', { words: 'port' }));
    expect(filtered.hits.map((hit) => hit.text)).toEqual([
      'The port opens in May',
      'Alvarez is wrong about the port',
    ]);
    expect(found(await env.index.search('Søren', { words: 'Iwasaki' })).total).toBe(2);
  });

  it('answers unknown, empty and hostile names without failing', async () => {
    const env = await setup();
    await store(env, [article([['Mike Pompeo', 'Hello']])]);
    expect(await env.index.search('pompous')).toMatchObject({ kind: 'unknown' });
    const near = await env.index.search('pomp');
    expect(near.kind === 'unknown' && near.suggestions.map((speaker) => speaker.name)).toEqual([
      'Mike Pompeo',
    ]);
    expect(await env.index.search('')).toEqual({ kind: 'empty' });
    expect(await env.index.search('*_[]()~`>#+-=|{}.!')).toEqual({ kind: 'empty' });
    expect(await env.index.search('\u0007\u001b[31m')).toEqual({ kind: 'empty' });
    expect((await env.index.search('^(.*)$ [Pompeo]+')).kind).toBe('found');
    expect((await env.index.search('x'.repeat(10_000))).kind).toBe('unknown');
    expect((await env.index.search('pompeo', { words: '(((((((((' })).kind).toBe('found');
  });

  it('splits a busy day into parts that each stay small, and pages across them', async () => {
    const env = await setup();
    const total = PART_SIZE * 2 + 50;
    const list = Array.from({ length: total }, (_, i) =>
      article([['Dominic Raab', `Line ${i}`]], { hour: 0, day: '2026-11-20' }),
    );
    list.forEach((stored, i) => (stored.published = new Date(Date.UTC(2026, 10, 20, 0, 0, i)).toISOString()));
    for (let i = 0; i < total; i += 120) await store(env, list.slice(i, i + 120));
    const parts: number[] = [];
    for await (const [key, value] of env.store.collection<unknown[]>('speaker-quotes').entries()) {
      if (key.includes('dominic raab')) parts.push(value.length);
    }
    expect(parts.sort((a, b) => b - a)).toEqual([PART_SIZE, PART_SIZE, 50]);
    const seen: string[] = [];
    for (let page = 0; page * 100 < total; page++) {
      seen.push(
        ...found(await env.index.search('raab', { offset: page * 100, limit: 100 })).hits.map(
          (hit) => hit.text,
        ),
      );
    }
    expect(seen).toEqual(Array.from({ length: total }, (_, i) => `Line ${total - 1 - i}`));
  });

  it('continues a word search on its next page with the answers a new search gives', async () => {
    const env = await setup();
    // Every third quote has the word: in the quote, the title or only the article's text.
    const list = Array.from({ length: 90 }, (_, i) => {
      const where = i % 9;
      const quote = where === 0 ? `The harbour plan ${i}` : `Line ${i}`;
      return article([['Ada Quist', quote]], {
        day: `2026-11-${String(1 + (i % 28)).padStart(2, '0')}`,
        hour: i % 24,
        title: where === 3 ? `Harbours ${i}` : `Story ${i}`,
        text: where === 6 ? `The harbour again.\n\n"${quote}"` : `"${quote}"`,
      });
    });
    await store(env, list);
    const pagesOf = async (index: QuoteIndex, pages: number[]) => {
      const answers: QuoteSearch[] = [];
      for (const page of pages) {
        answers.push(await index.search('quist', { words: 'harbour', offset: page * 4, limit: 4 }));
      }
      return answers;
    };
    // A fresh index for each page searches anew; one index continues its previous page's search.
    const fresh = async (page: number) =>
      (await pagesOf(new QuoteIndex(env.store, env.articles), [page]))[0]!;
    const continued = await pagesOf(env.index, [0, 1, 2, 1, 4, 7, 8]);
    for (const [i, page] of [0, 1, 2, 1, 4, 7, 8].entries()) {
      expect(continued[i]).toEqual(await fresh(page));
    }
    expect(found(continued[0]!).hits).toHaveLength(4);
    expect(found(continued[6]!)).toMatchObject({ hits: [], total: 30, hasMore: false });
    // A quote filed between two pages starts a new search, which sees it.
    await store(env, [
      article([['Ada Quist', 'The newest harbour word']], {
        day: '2026-11-30',
        seen: '2026-11-30T12:00:00.000Z',
      }),
    ]);
    const after = found((await pagesOf(env.index, [1]))[0]!);
    expect(after).toEqual(found(await fresh(1)));
    expect(found((await pagesOf(env.index, [0]))[0]!).hits[0]!.text).toBe('The newest harbour word');
  });

  it('stops a word search at its limit and says how far it looked', async () => {
    const env = await setup();
    const count = FILTER_SCAN_LIMIT + 100;
    const list = Array.from({ length: count }, (_, i) =>
      article([['Ada Quist', i === 0 ? 'The oldest mentions zebras' : `Line ${i}`]], {
        day: `2026-${String(1 + Math.floor(i / 300)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
        text: 'Plain text',
      }),
    );
    await store(env, list);
    const result = found(await env.index.search('quist', { words: 'zebra' }));
    expect(result.hits).toEqual([]);
    expect(result.searchedOnly).toBeGreaterThanOrEqual(FILTER_SCAN_LIMIT - PART_SIZE);
    expect(result.searchedOnly).toBeLessThan(count);
  });

  it('counts today’s most quoted speakers by the day first seen, else the latest day of the past week', async () => {
    const env = await setup();
    await store(env, [
      article(
        [
          ['Mike Pompeo', 'a'],
          ['Pompeo', 'b'],
          ['Dominic Raab', 'c'],
        ],
        // Published long ago (the bundled sample is from 2020), first seen today: today's quotes,
        // as in the digest.
        { day: '2020-02-01', seen: '2026-11-25T09:00:00.000Z' },
      ),
      article([['Dominic Raab', 'd']], { day: '2026-11-26', seen: '2026-11-26T09:00:00.000Z' }),
    ]);
    const today = await env.index.mostQuoted(new Date('2026-11-25T20:00:00Z'));
    expect(today.day).toBe('2026-11-25');
    expect(today.speakers.map(({ speaker, count }) => [speaker.name, count])).toEqual([
      ['Mike Pompeo', 2],
      ['Dominic Raab', 1],
    ]);
    expect((await env.index.mostQuoted(new Date('2026-11-30T08:00:00Z'))).day).toBe('2026-11-26');
    expect(await env.index.mostQuoted(new Date('2026-12-30T08:00:00Z'))).toEqual({
      day: null,
      speakers: [],
      total: 0,
    });
  });

  it('lists a quote once however many copies of its story are stored', async () => {
    const env = await setup();
    const quote = 'The port will reopen on Monday.';
    await store(env, [
      article([['Mike Pompeo', quote]], { day: '2026-11-25', title: 'Port to reopen' }),
      article([['Mike Pompeo', quote]], { day: '2026-11-25', title: 'Port to reopen (wire copy)' }),
    ]);
    await store(env, [
      article([['Pompeo', quote.toUpperCase()]], { day: '2026-11-26', title: 'Port update' }),
    ]);
    const result = found(await env.index.search('pompeo'));
    expect(result.hits.map((hit) => hit.text.toLowerCase())).toEqual([quote.toLowerCase()]);
  });

  it('files a copy of a known quote once, also after more quotes than it remembers fingerprints of', async () => {
    const env = await setup();
    const quote = 'The port will reopen on Monday.';
    await store(env, [article([['Mike Pompeo', quote]], { day: '2026-11-25' })]);
    // More distinct quotes than QuoteBuckets keeps fingerprints of (4,096), under other speakers.
    const others = Array.from({ length: 4_200 }, (_, i) => `Statement number ${i} on the budget.`);
    await store(env, [
      article(
        others.map((text, i): [string, string] => [`Anna Speaker${i % 40}`, text]),
        { day: '2026-11-25' },
      ),
    ]);
    await store(env, [
      article([['Mike Pompeo', quote.toUpperCase()]], { day: '2026-11-25', title: 'Wire copy' }),
      article([['Mike Pompeo', 'A new remark.']], { day: '2026-11-25' }),
    ]);
    const result = found(await env.index.search('mike pompeo'));
    expect(result.hits.map((hit) => hit.text).sort()).toEqual(['A new remark.', quote]);
    expect(result.total).toBe(2);
  });

  it('never files a quote whose speaker is uncertain', async () => {
    const env = await setup();
    const list = [article([['Mike Pompeo', 'Sure of this one.']])];
    list[0]!.quotes.push({ text: 'Unsure of this one.', speaker: null, start: 0, end: 5, confidence: 0.4 });
    list[0]!.quotes.push({ text: 'Old record.', speaker: 'Mike Pompeo', start: 0, end: 5, confidence: 0.3 });
    await store(env, list);
    const result = found(await env.index.search('pompeo'));
    expect(result.hits.map((hit) => hit.text)).toEqual(['Sure of this one.']);
  });
});
