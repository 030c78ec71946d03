/**
 * The persistence boundary of Quotewire. Everything that must survive a restart (articles, source
 * status, indexes, subscriptions and the delivery ledger) lives in named collections of a key-value
 * store, never only in process memory, so that a restart loses nothing and several instances can
 * share one store.
 *
 * Three kinds of collection, each with writes that stay correct when several writers work at once:
 * - documents ({@link Collection}): a JSON value per key;
 * - sets ({@link SetCollection}): members added or removed without reading the set first;
 * - counters ({@link CounterCollection}): named counts per key, incremented in place.
 * Writes that must happen together, or that depend on what was read, go through
 * {@link Store.transact}: all of them are applied at once, or none.
 */

/** Names of the collections, listed once so that a typo is a type error rather than a lost table. */
export type CollectionName =
  | 'articles'
  | 'article-keys'
  | 'article-days'
  | 'sources'
  | 'source-status'
  | 'source-chats'
  | 'source-notices'
  | 'speakers'
  | 'speaker-quotes'
  | 'speaker-days'
  | 'quote-days'
  | 'article-terms'
  | 'word-days'
  | 'word-quotes'
  | 'pages'
  | 'subscriptions'
  | 'deliveries'
  | 'delivery-digests'
  | 'chat-settings'
  | 'summaries'
  | 'llm-usage'
  | 'leases'
  | 'rate-limits'
  | 'meta'
  | 'instant-state';

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

/** Sets of strings by key: adding a member never needs the set to be read first. */
export interface SetCollection {
  add(key: string, members: readonly string[]): Promise<void>;
  remove(key: string, members: readonly string[]): Promise<void>;
  members(key: string): Promise<string[]>;
  /** How many members the set has, without reading them (a day's article ids run to 100,000s). */
  size(key: string): Promise<number>;
}

/** Named counts by key (`quote-days`: per day, quotes per speaker), incremented in place. */
export interface CounterCollection {
  increment(key: string, counts: Readonly<Record<string, number>>): Promise<void>;
  get(key: string): Promise<Record<string, number>>;
  getMany(keys: readonly string[]): Promise<Record<string, number>[]>;
}

/**
 * One optimistic transaction: what it reads is remembered, what it writes is buffered. At the end
 * the writes are applied all at once, and only if nothing it read has changed meanwhile; otherwise
 * the transaction runs again on fresh data.
 */
export interface Transaction {
  get<T>(name: CollectionName, key: string): Promise<T | undefined>;
  getMany<T>(name: CollectionName, keys: readonly string[]): Promise<(T | undefined)[]>;
  set<T>(name: CollectionName, key: string, value: T, ttlMs?: number): void;
  delete(name: CollectionName, key: string): void;
  addMembers(name: CollectionName, key: string, members: readonly string[]): void;
  increment(name: CollectionName, key: string, counts: Readonly<Record<string, number>>): void;
}

/**
 * One open store: typed collections of documents, sets and counters by name, and optimistic
 * transactions across them. Opened once by the composition root (openStore: `sqlite://` through
 * libsql, or `redis://`) and passed to everything that persists; both backends pass the same
 * contract tests (test/store/store-contract.ts).
 */
export interface Store {
  collection<T>(name: CollectionName): Collection<T>;
  sets(name: CollectionName): SetCollection;
  counters(name: CollectionName): CounterCollection;
  /**
   * Runs `work` as one {@link Transaction}, again on fresh data when another writer changed what it
   * read (up to a few times, then {@link StoreConflictError}). `work` must not have other effects:
   * it may run more than once.
   */
  transact<R>(work: (tx: Transaction) => Promise<R>): Promise<R>;
  /** Resolves when the store answers; rejects with a StoreError that says what is wrong. */
  ping(): Promise<void>;
  /** Where the data lives, for messages (never includes credentials). */
  readonly description: string;
  /** Whether other processes may share this store (Redis), so cross-instance care is needed. */
  readonly shared: boolean;
  close(): Promise<void>;
}

/** Raised when the store cannot be opened or written; the message says what to do. */
export class StoreError extends Error {
  override readonly name = 'StoreError';
}

/** A transaction kept meeting concurrent changes and gave up; the caller may try again later. */
export class StoreConflictError extends StoreError {}

/** The store cannot be reached right now (Redis is down, or Quotewire is shutting down). */
export class StoreUnavailableError extends StoreError {}
