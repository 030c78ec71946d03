/**
 * The persistence boundary of Quotewire. Everything that must survive a restart (articles, source
 * status, indexes, later subscriptions and the delivery ledger) lives in named collections of a
 * key-value store, never only in process memory, so that several instances can share one store.
 */

/** Names of the collections, listed once so that a typo is a type error rather than a lost table. */
export type CollectionName =
  | 'articles'
  | 'article-keys'
  | 'article-days'
  | 'sources'
  | 'source-status'
  | 'speakers'
  | 'speaker-quotes'
  | 'speaker-days'
  | 'quote-days'
  | 'article-terms'
  | 'pages'
  | 'subscriptions'
  | 'deliveries'
  | 'delivery-digests'
  | 'summaries'
  | 'llm-usage'
  | 'meta';

/** A typed key-value collection. Values are plain JSON data. */
export interface Collection<T> {
  get(key: string): Promise<T | undefined>;
  getMany(keys: readonly string[]): Promise<(T | undefined)[]>;
  /** Stores a value; with `ttlMs` it expires after that long. */
  set(key: string, value: T, ttlMs?: number): Promise<void>;
  setMany(entries: readonly { key: string; value: T }[]): Promise<void>;
  delete(key: string): Promise<boolean>;
  /** Every entry, in no particular order; meant for rebuilding indexes and small collections. */
  entries(): AsyncIterable<[string, T]>;
}

export interface Store {
  collection<T>(name: CollectionName): Collection<T>;
  /** Where the data lives, for messages (never includes credentials). */
  readonly description: string;
  close(): Promise<void>;
}

/** Raised when the store cannot be opened or written; the message says what to do. */
export class StoreError extends Error {
  override readonly name = 'StoreError';
}
