import { openKeyvStore } from '../src/store/keyv-store.js';
import { ArticleRepository } from '../src/articles/article-repository.js';
import { QuoteIndex } from '../src/quotes/quote-index.js';
import { generatePeople } from './generated-news.js';
const store = await openKeyvStore('sqlite:///tmp/qw/p.sqlite');
const index = new QuoteIndex(store, new ArticleRepository(store));
const people = generatePeople(4000);
let t = performance.now();
await index.search('quist');
console.log('first', (performance.now() - t).toFixed(1));
const cats: Record<string, (i: number) => [string, string?]> = {
  surname: (i) => [people[i]!.family],
  full: (i) => [`${people[i]!.given} ${people[i]!.family}`],
  typo: (i) => [people[i]!.family.slice(0, -2) + 'xa'],
  words: (i) => [people[i]!.family, 'port'],
  fullwords: (i) => [`${people[i]!.given} ${people[i]!.family}`, 'water winter'],
  rareword: (i) => [people[i]!.family, 'zebra'],
  page5: (i) => [people[i]!.family],
};
for (const [cat, f] of Object.entries(cats)) {
  const times: number[] = [];
  for (let i = 0; i < 60; i++) {
    const [name, words] = f(i * 37 % 4000);
    t = performance.now();
    const r = await index.search(name, { words, offset: cat === 'page5' ? 25 : 0, limit: 5 });
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(cat.padEnd(10), 'p50', times[30]!.toFixed(1), 'max', times.at(-1)!.toFixed(1));
}
await store.close();
