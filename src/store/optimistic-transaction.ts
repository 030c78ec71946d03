import { setTimeout as sleep } from 'node:timers/promises';
import type { CollectionName, Transaction } from './store.js';
import { StoreConflictError } from './store.js';
import { decodeEnvelope, encodeEnvelope } from './envelope.js';

/** One buffered write of a transaction. */
export type WriteOp =
  | { kind: 'set'; name: CollectionName; key: string; raw: string; ttlMs: number | undefined }
  | { kind: 'delete'; name: CollectionName; key: string }
  | { kind: 'add'; name: CollectionName; key: string; members: readonly string[] }
  | { kind: 'increment'; name: CollectionName; key: string; counts: Readonly<Record<string, number>> };

/** A document a transaction read, and the stored text it saw (null: none). */
export interface ReadRecord {
  name: CollectionName;
  key: string;
  raw: string | null;
}

/** What a store implements so that {@link runTransaction} can run transactions on it. */
export interface TransactionBackend {
  /** The stored texts of documents, null where there is none. */
  readRaw(name: CollectionName, keys: readonly string[]): Promise<(string | null)[]>;
  /**
   * Atomically: when every read document still holds the text that was read, applies all writes
   * and returns true; otherwise changes nothing and returns false.
   */
  commit(reads: readonly ReadRecord[], writes: readonly WriteOp[]): Promise<boolean>;
}

/** Attempts before a transaction that keeps meeting concurrent changes gives up. */
const MAX_ATTEMPTS = 12;

/**
 * Runs `work` as an optimistic transaction on `backend`, again (after a short random pause) when a
 * concurrent writer changed a document it read.
 */
export async function runTransaction<R>(
  backend: TransactionBackend,
  work: (tx: Transaction) => Promise<R>,
  now: () => number = Date.now,
): Promise<R> {
  for (let attempt = 1; ; attempt++) {
    const tx = new BufferedTransaction(backend, now);
    const result = await work(tx);
    if (tx.writes.length === 0 || (await backend.commit([...tx.reads.values()], tx.writes))) return result;
    if (attempt >= MAX_ATTEMPTS) {
      throw new StoreConflictError(
        `the store kept changing under a write (${attempt} attempts); it will be tried again later`,
      );
    }
    // Random, growing pauses keep two instances that collide from colliding again in step.
    await sleep(Math.random() * Math.min(200, 5 * 2 ** attempt));
  }
}

class BufferedTransaction implements Transaction {
  readonly reads = new Map<string, ReadRecord>();
  readonly writes: WriteOp[] = [];
  /** Documents this transaction wrote, so that it reads its own writes. */
  private readonly written = new Map<string, string | null>();

  constructor(
    private readonly backend: TransactionBackend,
    private readonly now: () => number,
  ) {}

  async get<T>(name: CollectionName, key: string): Promise<T | undefined> {
    return (await this.getMany<T>(name, [key]))[0];
  }

  async getMany<T>(name: CollectionName, keys: readonly string[]): Promise<(T | undefined)[]> {
    const missing = [...new Set(keys.filter((key) => !this.known(name, key)))];
    if (missing.length > 0) {
      const raws = await this.backend.readRaw(name, missing);
      missing.forEach((key, index) => {
        const id = docId(name, key);
        if (!this.reads.has(id)) this.reads.set(id, { name, key, raw: raws[index] ?? null });
      });
    }
    const time = this.now();
    return keys.map((key) => {
      const id = docId(name, key);
      const raw = this.written.has(id) ? this.written.get(id)! : this.reads.get(id)!.raw;
      return decodeEnvelope<T>(raw, time);
    });
  }

  set<T>(name: CollectionName, key: string, value: T, ttlMs?: number): void {
    const raw = encodeEnvelope(value, ttlMs, this.now());
    this.written.set(docId(name, key), raw);
    this.writes.push({ kind: 'set', name, key, raw, ttlMs });
  }

  delete(name: CollectionName, key: string): void {
    this.written.set(docId(name, key), null);
    this.writes.push({ kind: 'delete', name, key });
  }

  addMembers(name: CollectionName, key: string, members: readonly string[]): void {
    if (members.length > 0) this.writes.push({ kind: 'add', name, key, members: [...members] });
  }

  increment(name: CollectionName, key: string, counts: Readonly<Record<string, number>>): void {
    if (Object.keys(counts).length > 0)
      this.writes.push({ kind: 'increment', name, key, counts: { ...counts } });
  }

  private known(name: CollectionName, key: string): boolean {
    const id = docId(name, key);
    return this.written.has(id) || this.reads.has(id);
  }
}

function docId(name: string, key: string): string {
  return `${name}\u0000${key}`;
}
