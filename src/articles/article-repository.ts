import type { Store } from '../store/store.js';
import type { ArticleDraft } from './article.js';
import { identityKeys } from './article-identity.js';
import type { StoredArticle } from './stored-article.js';

/**
 * Articles in the store, with the indexes that make them findable: identity keys for dropping
 * duplicates and a per-day list of ids for building digests without scanning everything.
 */
export class ArticleRepository {
  private readonly articles;
  private readonly keys;
  private readonly days;
  /**
   * Serialises saves within this process: the duplicate check and the writes that follow must not
   * interleave with another save of the same story from another source.
   */
  private saving: Promise<unknown> = Promise.resolve();

  constructor(store: Store) {
    this.articles = store.collection<StoredArticle>('articles');
    this.keys = store.collection<string>('article-keys');
    this.days = store.collection<string[]>('article-days');
  }

  /** For each draft, whether any of its identity keys was stored before; one store read for all. */
  async knownAmong(
    drafts: readonly Pick<ArticleDraft, 'guid' | 'url' | 'title' | 'text'>[],
  ): Promise<boolean[]> {
    const keyLists = drafts.map((draft) => identityKeys(draft));
    const allKeys = [...new Set(keyLists.flat())];
    const found = await this.keys.getMany(allKeys);
    const known = new Set(allKeys.filter((_, index) => found[index] !== undefined));
    return keyLists.map((keys) => keys.some((key) => known.has(key)));
  }

  /** True when any identity key of the draft (guid, link, content) was stored before. */
  async isKnown(draft: Pick<ArticleDraft, 'guid' | 'url' | 'title' | 'text'>): Promise<boolean> {
    const [known] = await this.knownAmong([draft]);
    return known === true;
  }

  /**
   * Stores the articles that are not duplicates (of stored ones or of each other) and returns those.
   * Articles are written before their identity keys, so a crash in between leaves at worst an article
   * that is stored again later under the same id, never a key that points at nothing.
   */
  saveMany(entries: readonly { article: StoredArticle; draft: ArticleDraft }[]): Promise<StoredArticle[]> {
    const save = this.saving.then(() => this.saveUnlocked(entries));
    this.saving = save.catch(() => undefined);
    return save;
  }

  private async saveUnlocked(
    entries: readonly { article: StoredArticle; draft: ArticleDraft }[],
  ): Promise<StoredArticle[]> {
    const keyLists = entries.map(({ draft }) => identityKeys(draft));
    const allKeys = [...new Set(keyLists.flat())];
    const existing = await this.keys.getMany(allKeys);
    const taken = new Set(allKeys.filter((_, index) => existing[index] !== undefined));
    const fresh: { article: StoredArticle; keys: string[] }[] = [];
    for (const [index, { article }] of entries.entries()) {
      const keys = keyLists[index]!;
      if (keys.some((key) => taken.has(key))) continue;
      for (const key of keys) taken.add(key);
      fresh.push({ article, keys });
    }
    if (fresh.length === 0) return [];
    await this.articles.setMany(fresh.map(({ article }) => ({ key: article.id, value: article })));
    await this.keys.setMany(
      fresh.flatMap(({ article, keys }) => keys.map((key) => ({ key, value: article.id }))),
    );
    await this.addToDays(fresh.map(({ article }) => article));
    return fresh.map(({ article }) => article);
  }

  get(id: string): Promise<StoredArticle | undefined> {
    return this.articles.get(id);
  }

  async getMany(ids: readonly string[]): Promise<StoredArticle[]> {
    const found = await this.articles.getMany(ids);
    return found.filter((article): article is StoredArticle => article !== undefined);
  }

  /** Articles first seen at or after `since`, newest first. */
  async seenSince(since: Date, now: Date): Promise<StoredArticle[]> {
    const ids: string[] = [];
    for (let day = startOfUtcDay(since); day <= now.getTime(); day += 86_400_000) {
      ids.push(...((await this.days.get(new Date(day).toISOString().slice(0, 10))) ?? []));
    }
    const articles = await this.getMany([...new Set(ids)]);
    return articles
      .filter((article) => Date.parse(article.seenAt) >= since.getTime())
      .sort((a, b) => b.seenAt.localeCompare(a.seenAt));
  }

  private async addToDays(articles: readonly StoredArticle[]): Promise<void> {
    const byDay = new Map<string, string[]>();
    for (const article of articles) {
      const day = article.seenAt.slice(0, 10);
      byDay.set(day, [...(byDay.get(day) ?? []), article.id]);
    }
    for (const [day, ids] of byDay) {
      const current = (await this.days.get(day)) ?? [];
      const known = new Set(current);
      await this.days.set(day, [...current, ...ids.filter((id) => !known.has(id))]);
    }
  }
}

function startOfUtcDay(date: Date): number {
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
}
