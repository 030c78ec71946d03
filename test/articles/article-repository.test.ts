import { afterEach, describe, expect, it } from 'vitest';
import type { ArticleDraft } from '../../src/articles/article.js';
import { articleIdFor, identityKeys } from '../../src/articles/article-identity.js';
import { ArticleRepository } from '../../src/articles/article-repository.js';
import type { StoredArticle } from '../../src/articles/stored-article.js';
import type { Store } from '../../src/store/store.js';
import { openTempStore } from '../helpers/temp-store.js';

let store: Store;
afterEach(async () => store?.close());

function entry(draft: Partial<ArticleDraft>, seenAt: string) {
  const full: ArticleDraft = {
    url: '',
    title: 'T',
    byline: null,
    published: null,
    source: 's',
    text: 'x',
    guid: null,
    ...draft,
  };
  const article: StoredArticle = {
    ...full,
    id: articleIdFor(identityKeys(full)),
    summary: [],
    quotes: [],
    seenAt,
    sourceId: 's',
    categories: [],
  };
  return { article, draft: full };
}

describe('ArticleRepository', () => {
  it('stores an item once, whether it comes back by guid, link or content', async () => {
    ({ store } = await openTempStore());
    const repository = new ArticleRepository(store);
    const now = '2026-11-27T10:00:00.000Z';
    const first = entry({ guid: 'g1', url: 'https://x.com/a', title: 'A', text: 'Alpha text.' }, now);
    const stored = await repository.saveMany([
      first,
      entry({ guid: 'g1', url: 'https://x.com/other', title: 'A2', text: 'Other' }, now),
      entry({ url: 'https://x.com/b', title: 'B', text: 'Beta.' }, now),
    ]);
    expect(stored.map((article) => article.title)).toEqual(['A', 'B']);
    const again = await repository.saveMany([
      entry({ url: 'http://x.com/a?utm_source=rss', title: 'A again', text: 'different' }, now),
      entry({ url: 'https://y.com/copy', title: 'B', text: 'Beta.' }, now),
    ]);
    expect(again).toEqual([]);
    expect(await repository.isKnown(first.draft)).toBe(true);
    expect(await repository.isKnown({ url: 'https://x.com/new', title: 'N', text: 'n', guid: null })).toBe(
      false,
    );
  });

  it('finds articles first seen within a window, newest first, across days', async () => {
    ({ store } = await openTempStore());
    const repository = new ArticleRepository(store);
    await repository.saveMany([
      entry({ url: 'https://x.com/old', title: 'Old' }, '2026-11-25T08:00:00.000Z'),
      entry({ url: 'https://x.com/y', title: 'Yesterday' }, '2026-11-26T22:00:00.000Z'),
    ]);
    await repository.saveMany([
      entry({ url: 'https://x.com/t', title: 'Today' }, '2026-11-27T09:00:00.000Z'),
    ]);
    const now = new Date('2026-11-27T12:00:00.000Z');
    const recent = await repository.seenSince(new Date(now.getTime() - 24 * 3_600_000), now);
    expect(recent.map((article) => article.title)).toEqual(['Today', 'Yesterday']);
  });
});
