import { openKeyvStore } from '../src/store/keyv-store.js';
import { ArticleRepository } from '../src/articles/article-repository.js';
import { QuoteIndex } from '../src/quotes/quote-index.js';
import { extractQuotes } from '../src/quotes/quote-extractor.js';
import { rmSync } from 'node:fs';
rmSync('/tmp/qw/s.sqlite', { force: true });
const store = await openKeyvStore('sqlite:///tmp/qw/s.sqlite');
const repo = new ArticleRepository(store);
const index = new QuoteIndex(store, repo, { refreshMs: 0 });
const mk = (id: string, title: string, text: string, published: string) => ({ id, url: `https://ex.com/${id}`, title, byline: null, published, source: 'Wire', text, summary: [], quotes: extractQuotes(text), seenAt: '2026-11-27T10:00:00.000Z', sourceId: 'w', categories: [] });
const arts = [
  mk('a1', 'Pompeo on Huawei', 'US Secretary of State Mike Pompeo spoke.\n\n"Huawei is a threat," said Pompeo.', '2026-11-20T10:00:00Z'),
  mk('a2', 'Mike Pompeo in London', 'The visit went well.\n\n"We are friends," Pompeo said.', '2026-11-21T10:00:00Z'),
  mk('a3', 'Another Pompeo', 'The talks went well.\n\n"We disagree," Secretary Pompeo said.', '2026-11-22T10:00:00Z'),
  mk('a4', 'Susan speaks', '"The port is ready," said Susan Pompeo.', '2026-11-23T10:00:00Z'),
  mk('a5', 'José', '"Hola amigos," said José Pérez. "Tariffs are bad," Pérez added.', '2026-11-24T10:00:00Z'),
];
for (const a of arts) console.log(a.id, a.quotes.map(q => q.speaker));
await repo.saveMany(arts.map(article => ({ article, draft: { ...article, guid: article.id } })));
await index.add(arts);
for (const q of ['pompeo', 'Mike Pompeo', 'pompei', 'susan', 'jose perez', 'PEREZ', 'xyzzy', '***', 'pérèz']) {
  const r = await index.search(q, { limit: 10 });
  console.log(q, '→', r.kind, r.kind === 'found' ? [r.speakers.map(s => `${s.name}[${s.aliases}]`), r.corrected, r.total, r.hits.map(h => `${h.speaker}: ${h.text}`)] : r.kind === 'unknown' ? r.suggestions.map(s=>s.name) : '');
}
console.log(await index.search('pompeo', { words: 'huawei' }));
console.log((await index.speakers()).speakers.map(s => [s.name, s.count, s.aliases]));
console.log(await index.mostQuoted(new Date('2026-11-24T12:00:00Z')));
await store.close();
