import type Database from 'libsql';
import type { ReadRecord, WriteOp } from './optimistic-transaction.js';

type Db = InstanceType<typeof Database>;
/** The part of libsql's (better-sqlite3's) statement used here; its own typings lose the parameters. */
interface Statement {
  run(...params: unknown[]): { changes: number };
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  /** Rows as arrays (libsql adds a metadata field to row objects). */
  raw(toggle?: boolean): Statement;
}

/** Rows per statement when a batch is written: keeps each statement's parameters well under SQLite's limit. */
const ROWS_PER_STATEMENT = 500;
/** Rows per page when a table is listed. */
const SCAN_PAGE = 1000;

/**
 * The embedded store's tables and the synchronous SQL behind them. Each collection has up to three
 * tables, made on first use: documents (`name`), set members (`name__members`) and counters
 * (`name__counts`). libsql's calls are synchronous, so a transaction's check and writes run without
 * any other work of this process in between, and BEGIN IMMEDIATE keeps other processes out.
 */
/**
 * Called at points inside a transaction's commit, for crash tests only: a test process kills itself
 * there and checks that a restart finds all of the transaction or none of it.
 */
export interface CommitFaults {
  /** Before the `index`-th of `total` writes of a commit. */
  beforeWrite?(index: number, total: number): void;
  /** After a commit reached the disk. */
  committed?(): void;
}

export class SqliteTables {
  private readonly statements = new Map<string, Statement>();
  private readonly made = new Set<string>();

  constructor(
    private readonly db: Db,
    private readonly faults: CommitFaults = {},
  ) {}

  readRaw(table: string, keys: readonly string[]): (string | null)[] {
    this.documents(table);
    if (keys.length === 1) {
      const row = this.statement(`SELECT value FROM ${table} WHERE key = ?`).raw().get(keys[0]) as
        [string] | undefined;
      return [row ? row[0] : null];
    }
    const found = new Map<string, string>();
    for (let i = 0; i < keys.length; i += ROWS_PER_STATEMENT) {
      const chunk = JSON.stringify(keys.slice(i, i + ROWS_PER_STATEMENT));
      const select = this.statement(
        `SELECT key, value FROM ${table} WHERE key IN (SELECT value FROM json_each(?))`,
      );
      for (const [key, value] of select.raw().all(chunk) as [string, string][]) found.set(key, value);
    }
    return keys.map((key) => found.get(key) ?? null);
  }

  writeRaw(table: string, entries: readonly { key: string; raw: string }[]): void {
    if (entries.length === 0) return;
    this.atomically(() => {
      const upsert = this.statement(
        `INSERT INTO ${this.documents(table)} (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
      );
      for (const { key, raw } of entries) upsert.run(key, raw);
    });
  }

  deleteRaw(table: string, keys: readonly string[]): number {
    let changes = 0;
    this.atomically(() => {
      const remove = this.statement(`DELETE FROM ${this.documents(table)} WHERE key = ?`);
      for (const key of keys) changes += remove.run(key).changes;
    });
    return changes;
  }

  clear(table: string): void {
    this.db.exec(`DELETE FROM ${this.documents(table)}`);
  }

  /** Every row of a document table, a page at a time, in key order. */
  *scan(table: string): Generator<[string, string]> {
    const page = this.statement(
      `SELECT key, value FROM ${this.documents(table)} WHERE key > ? ORDER BY key LIMIT ${SCAN_PAGE}`,
    );
    let after = '';
    for (;;) {
      const rows = page.raw().all(after) as [string, string][];
      yield* rows;
      if (rows.length < SCAN_PAGE) return;
      after = rows[rows.length - 1]![0];
    }
  }

  addMembers(table: string, key: string, members: readonly string[]): void {
    this.atomically(() => {
      const insert = this.statement(
        `INSERT OR IGNORE INTO ${this.memberTable(table)} (key, member) VALUES (?, ?)`,
      );
      for (const member of members) insert.run(key, member);
    });
  }

  removeMembers(table: string, key: string, members: readonly string[]): void {
    this.atomically(() => {
      const remove = this.statement(`DELETE FROM ${this.memberTable(table)} WHERE key = ? AND member = ?`);
      for (const member of members) remove.run(key, member);
    });
  }

  members(table: string, key: string): string[] {
    const select = this.statement(`SELECT member FROM ${this.memberTable(table)} WHERE key = ?`);
    return (select.raw().all(key) as [string][]).map(([member]) => member);
  }

  increment(table: string, key: string, counts: Readonly<Record<string, number>>): void {
    this.atomically(() => {
      const add = this.statement(
        `INSERT INTO ${this.counterTable(table)} (key, field, n) VALUES (?, ?, ?) ON CONFLICT(key, field) DO UPDATE SET n = n + excluded.n`,
      );
      for (const [field, by] of Object.entries(counts)) add.run(key, field, by);
    });
  }

  counts(table: string, key: string): Record<string, number> {
    const select = this.statement(`SELECT field, n FROM ${this.counterTable(table)} WHERE key = ?`);
    return Object.fromEntries(select.raw().all(key) as [string, number][]);
  }

  /**
   * Applies `writes` when every document in `reads` still holds the text that was read; false (and
   * nothing written) otherwise.
   */
  commit(
    tableOf: (name: string) => string,
    reads: readonly ReadRecord[],
    writes: readonly WriteOp[],
  ): boolean {
    for (const write of writes) this.prepareTable(tableOf(write.name), write.kind);
    this.db.exec('BEGIN IMMEDIATE');
    try {
      for (const read of reads) {
        if (this.readRaw(tableOf(read.name), [read.key])[0] !== read.raw) {
          this.db.exec('ROLLBACK');
          return false;
        }
      }
      writes.forEach((write, index) => {
        this.faults.beforeWrite?.(index, writes.length);
        this.apply(tableOf(write.name), write);
      });
      this.db.exec('COMMIT');
      this.faults.committed?.();
      return true;
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
  }

  private apply(table: string, write: WriteOp): void {
    switch (write.kind) {
      case 'set':
        return this.writeRaw(table, [{ key: write.key, raw: write.raw }]);
      case 'delete':
        this.deleteRaw(table, [write.key]);
        return;
      case 'add':
        return this.addMembers(table, write.key, write.members);
      case 'increment':
        return this.increment(table, write.key, write.counts);
    }
  }

  private prepareTable(table: string, kind: WriteOp['kind']): void {
    if (kind === 'add') this.memberTable(table);
    else if (kind === 'increment') this.counterTable(table);
    else this.documents(table);
  }

  /** Runs `work` in a transaction unless one is already open (a transaction's commit). */
  private atomically(work: () => void): void {
    if (this.db.inTransaction) return work();
    this.db.exec('BEGIN');
    try {
      work();
      this.db.exec('COMMIT');
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
  }

  private documents(table: string): string {
    return this.make(
      table,
      `CREATE TABLE IF NOT EXISTS ${table} (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
    );
  }

  private memberTable(table: string): string {
    return this.make(
      `${table}__members`,
      `CREATE TABLE IF NOT EXISTS ${table}__members (key TEXT NOT NULL, member TEXT NOT NULL, PRIMARY KEY (key, member)) WITHOUT ROWID`,
    );
  }

  private counterTable(table: string): string {
    return this.make(
      `${table}__counts`,
      `CREATE TABLE IF NOT EXISTS ${table}__counts (key TEXT NOT NULL, field TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (key, field)) WITHOUT ROWID`,
    );
  }

  private make(table: string, ddl: string): string {
    if (!this.made.has(table)) {
      this.db.exec(ddl);
      this.made.add(table);
    }
    return table;
  }

  private statement(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) this.statements.set(sql, (statement = this.db.prepare(sql) as unknown as Statement));
    return statement;
  }
}
