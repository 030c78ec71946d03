import type { Store, Transaction } from '../store/store.js';
import type { ArticleDraft } from './article.js';
import { identityKeys } from './article-identity.js';
import type { StoredArticle } from './stored-article.js';

/** An article to store, with the draft its identity keys come from. */
export interface ArticleEntry {
  article: StoredArticle;
  draft: ArticleDraft;
}

/**
 * Articles in the store, with the indexes that make them findable: identity keys for dropping
 * duplicates (`article-keys`) and, per day first seen, the set of ids (`article-days`) for building
 * digests without scanning everything.
 *
 * An article, its keys and its day are written in one transaction (with its quotes: see
 * ArticlePipeline), so an identity key never exists without everything derived from its article: a
 * crash at any point leaves either all of it or none, and "known" always means "fully stored".
 */
export class ArticleRepository {
  private readonly articles;
  private readonly keys;
  private readonly days;

  constructor(private readonly store: Store) {
    this.articles = store.collection<StoredArticle>('articles');
    this.keys = store.collection<string>('article-keys');
    this.days = store.sets('article-days');
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

  /** Stores the articles that are not duplicates (of stored ones or of each other); returns those. */
  saveMany(entries: readonly ArticleEntry[]): Promise<StoredArticle[]> {
    return this.store.transact((tx) => this.stageNew(tx, entries));
  }

  /**
   * Within a transaction: the entries that are not duplicates (of stored ones, or of each other),
   * with their article, identity keys and day staged for writing. The keys are read through the
   * transaction, so another writer storing the same story meanwhile makes it run again.
   */
  async stageNew(tx: Transaction, entries: readonly ArticleEntry[]): Promise<StoredArticle[]> {
    const keyLists = entries.map(({ draft }) => identityKeys(draft));
    const allKeys = [...new Set(keyLists.flat())];
    const existing = await tx.getMany<string>('article-keys', allKeys);
    const taken = new Set(allKeys.filter((_, index) => existing[index] !== undefined));
    const fresh: StoredArticle[] = [];
    const byDay = new Map<string, string[]>();
    for (const [index, { article }] of entries.entries()) {
      const keys = keyLists[index]!;
      if (keys.some((key) => taken.has(key))) continue;
      tx.set('articles', article.id, article);
      for (const key of keys) {
        taken.add(key);
        tx.set('article-keys', key, article.id);
      }
      const day = article.seenAt.slice(0, 10);
      const ids = byDay.get(day);
      if (ids) ids.push(article.id);
      else byDay.set(day, [article.id]);
      fresh.push(article);
    }
    for (const [day, ids] of byDay) tx.addMembers('article-days', day, ids);
    return fresh;
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
    const articles = await this.getMany(await this.idsSeenSince(since, now));
    return (
      articles
        .filter((article) => Date.parse(article.seenAt) >= since.getTime())
        // Plain comparison: ISO times and hex ids sort the same as with localeCompare, a hundred times faster.
        .sort((a, b) =>
          a.seenAt !== b.seenAt ? (a.seenAt < b.seenAt ? 1 : -1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
        )
    );
  }

  /**
   * The ids of the articles first seen on the UTC days from `since` to `now`, each once: those
   * seen since `since`, and some seen earlier on its day (only reading the articles tells).
   */
  async idsSeenSince(since: Date, now: Date): Promise<string[]> {
    return this.idsSeenOn(utcDaysBetween(since, now));
  }

  /** The ids of the articles first seen on these UTC days (numbered as {@link utcDaysBetween} gives them). */
  async idsSeenOn(days: readonly number[]): Promise<string[]> {
    const ids: string[] = [];
    for (const day of days) for (const id of await this.days.members(dayKey(day))) ids.push(id);
    return [...new Set(ids)];
  }

  /** How many articles were first seen on each of these UTC days, without reading their ids. */
  async countSeenOn(days: readonly number[]): Promise<number[]> {
    return Promise.all(days.map((day) => this.days.size(dayKey(day))));
  }
}

/** The UTC days from `since`'s to `now`'s, as days since 1970 (ms / 86,400,000, rounded down). */
export function utcDaysBetween(since: Date, now: Date): number[] {
  const days: number[] = [];
  for (let day = Math.floor(since.getTime() / DAY_MS); day * DAY_MS <= now.getTime(); day++) days.push(day);
  return days;
}

const DAY_MS = 86_400_000;

/** A day's key in `article-days`: its date, as in an article's `seenAt` ("2026-11-30"). */
function dayKey(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
