import { EventEmitter } from 'node:events';
import type { KeyvStoreAdapter, StoredData } from 'keyv';
import type { SqliteTables } from './sqlite-tables.js';

/**
 * keyv's storage adapter for one document table of the embedded SQLite store. keyv hands it the
 * serialized envelope text and reads that text back; statements are prepared once per table and
 * batches are one statement per few hundred rows.
 */
export class LibsqlKeyvAdapter extends EventEmitter implements KeyvStoreAdapter {
  /** keyv lists entries only of adapters whose dialect it knows. */
  readonly opts = { dialect: 'sqlite', url: 'sqlite://' };
  namespace?: string;

  constructor(
    private readonly tables: SqliteTables,
    private readonly table: string,
  ) {
    super();
  }

  async get<Value>(key: string): Promise<StoredData<Value> | undefined> {
    return (this.tables.readRaw(this.table, [key])[0] ?? undefined) as StoredData<Value> | undefined;
  }

  async getMany<Value>(keys: string[]): Promise<StoredData<Value | undefined>[]> {
    return this.tables.readRaw(this.table, keys).map((raw) => raw ?? undefined) as StoredData<
      Value | undefined
    >[];
  }

  async set(key: string, value: string): Promise<void> {
    this.tables.writeRaw(this.table, [{ key, raw: value }]);
  }

  async setMany(entries: { key: string; value: string }[]): Promise<void> {
    this.tables.writeRaw(
      this.table,
      entries.map(({ key, value }) => ({ key, raw: value })),
    );
  }

  async delete(key: string): Promise<boolean> {
    return this.tables.deleteRaw(this.table, [key]) > 0;
  }

  async deleteMany(keys: string[]): Promise<boolean> {
    return this.tables.deleteRaw(this.table, keys) > 0;
  }

  async has(key: string): Promise<boolean> {
    return this.tables.readRaw(this.table, [key])[0] !== null;
  }

  async clear(): Promise<void> {
    this.tables.clear(this.table);
  }

  async *iterator(): AsyncGenerator<[string, string], void> {
    for (const row of this.tables.scan(this.table)) yield row;
  }

  async disconnect(): Promise<void> {
    // The database belongs to the store, which closes it once for every table.
  }
}
