import { openKeyvStore } from '../src/store/keyv-store.js';
import { ArticleRepository } from '../src/articles/article-repository.js';
import { QuoteIndex } from '../src/quotes/quote-index.js';
import { extractQuotes } from '../src/quotes/quote-extractor.js';
import { articleIdFor, identityKeys } from '../src/articles/article-identity.js';
import { generatePeople, generateQuotedArticle } from './generated-news.js';
import { rmSync } from 'node:fs';
rmSync('/tmp/qw/p.sqlite', { force: true }); rmSync('/tmp/qw/p.sqlite-wal', { force: true });
const store = await openKeyvStore('sqlite:///tmp/qw/p.sqlite');
const repo = new ArticleRepository(store);
const index = new QuoteIndex(store, repo);
const people = generatePeople(4000);
const N = Number(process.argv[2] ?? 10000), B = 2000;
let tSave = 0, tAdd = 0, tGen = 0;
const mb = () => (process.memoryUsage().rss / 1048576).toFixed(0) + 'MB heap ' + (process.memoryUsage().heapUsed / 1048576).toFixed(0);
for (let f = 0; f < N; f += B) {
  let t = performance.now();
  const entries = [];
  for (let n = f; n < f + B; n++) {
    const g = generateQuotedArticle(n, people, { start: new Date('2025-11-28T00:00:00Z'), perDay: 274 });
    const draft = { url: `https://n.ex/${n}`, guid: `https://n.ex/${n}`, title: g.title, byline: null, published: g.published, source: 'W', text: g.text };
    entries.push({ draft, article: { ...draft, id: articleIdFor(identityKeys(draft)), summary: [], quotes: extractQuotes(g.text), seenAt: g.published, sourceId: 'w', categories: [] } });
  }
  tGen += performance.now() - t; t = performance.now();
  const stored = await repo.saveMany(entries);
  tSave += performance.now() - t; t = performance.now();
  await index.add(stored);
  tAdd += performance.now() - t;
  console.log(f, mb(), 'gen', tGen.toFixed(0), 'save', tSave.toFixed(0), 'add', tAdd.toFixed(0));
}
await store.close();
