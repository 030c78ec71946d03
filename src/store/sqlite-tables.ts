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
/** Most rows one statement of a commit writes (a power of two; see SqliteTables.inChunks). */
const MAX_ROWS_PER_WRITE = 256;
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
    /** Hears every commit of a write (see wal-checkpoints.ts). */
    private readonly committed: () => void = () => undefined,
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

  memberCount(table: string, key: string): number {
    const count = this.statement(`SELECT count(*) FROM ${this.memberTable(table)} WHERE key = ?`);
    return Number((count.raw().get(key) as [number])[0]);
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
   * nothing written) otherwise. The check reads each table's documents in a few statements, and the
   * writes are grouped by table into multi-row statements (see {@link groupWrites}): an ingest batch
   * of a few thousand writes costs a few dozen statements, all inside the one SQLite transaction.
   */
  commit(
    tableOf: (name: string) => string,
    reads: readonly ReadRecord[],
    writes: readonly WriteOp[],
  ): boolean {
    for (const write of writes) this.prepareTable(tableOf(write.name), write.kind);
    const groups = groupWrites(tableOf, writes);
    const readsByTable = new Map<string, ReadRecord[]>();
    for (const read of reads) push(readsByTable, tableOf(read.name), read);
    this.db.exec('BEGIN IMMEDIATE');
    try {
      for (const [table, tableReads] of readsByTable) {
        const now = this.readRaw(
          table,
          tableReads.map((read) => read.key),
        );
        if (tableReads.some((read, index) => now[index] !== read.raw)) {
          this.db.exec('ROLLBACK');
          return false;
        }
      }
      for (const group of groups) {
        // The crash tests stop at a chosen write: each write is announced before its group runs.
        for (const index of group.indices) this.faults.beforeWrite?.(index, writes.length);
        this.applyGroup(group);
      }
      this.db.exec('COMMIT');
      this.committed();
      this.faults.committed?.();
      return true;
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
  }

  /** One group of a commit, in a few multi-row statements. */
  private applyGroup({ table, kind, rows }: WriteGroup): void {
    switch (kind) {
      case 'set':
        return this.inChunks(
          rows,
          2,
          (count) =>
            `INSERT INTO ${table} (key, value) VALUES ${rowsOf(count, '(?, ?)')} ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
        );
      case 'delete':
        return this.inChunks(rows, 1, (count) => `DELETE FROM ${table} WHERE key IN (${rowsOf(count, '?')})`);
      case 'add':
        return this.inChunks(
          rows,
          2,
          (count) =>
            `INSERT OR IGNORE INTO ${table}__members (key, member) VALUES ${rowsOf(count, '(?, ?)')}`,
        );
      case 'increment':
        return this.inChunks(
          rows,
          3,
          (count) =>
            `INSERT INTO ${table}__counts (key, field, n) VALUES ${rowsOf(count, '(?, ?, ?)')} ON CONFLICT(key, field) DO UPDATE SET n = n + excluded.n`,
        );
    }
  }

  /**
   * Runs `sql(rows)` over `values` (flat, `width` per row) in as few statements as the sizes allow:
   * rows go in blocks of powers of two up to {@link MAX_ROWS_PER_WRITE} (300 rows: 256 + 32 + 8 + 4),
   * so each table keeps at most nine prepared statements per kind of write, whatever the batches.
   */
  private inChunks(values: readonly unknown[], width: number, sql: (rows: number) => string): void {
    let done = 0;
    const total = values.length / width;
    while (done < total) {
      let rows = MAX_ROWS_PER_WRITE;
      while (rows > total - done) rows >>= 1;
      const chunk = rows === total ? values : values.slice(done * width, (done + rows) * width);
      // One array argument: libsql binds it as is (spread, it copies the values twice per statement).
      this.statement(sql(rows)).run(chunk);
      done += rows;
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
      this.committed();
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

/** The writes of one commit to one table and of one kind, as flat statement parameters. */
export interface WriteGroup {
  table: string;
  kind: WriteOp['kind'];
  rows: unknown[];
  /** Positions of the writes this group carries out, for {@link CommitFaults.beforeWrite}. */
  indices: number[];
}

/**
 * A commit's writes as one group per table and kind. Only the outcome must match applying them in
 * order: a document ends as its last set or delete (so its key is in one group only), members are
 * a union, and increments of one field add up.
 */
export function groupWrites(tableOf: (name: string) => string, writes: readonly WriteOp[]): WriteGroup[] {
  const documents = new Map<string, { table: string; key: string; raw: string | null; indices: number[] }>();
  const members = new Map<string, { byKey: Map<string, Set<string>>; indices: number[] }>();
  const counts = new Map<string, { byField: Map<string, [string, string, number]>; indices: number[] }>();
  writes.forEach((write, index) => {
    const table = tableOf(write.name);
    if (write.kind === 'set' || write.kind === 'delete') {
      const id = `${table}\u0000${write.key}`;
      const raw = write.kind === 'set' ? write.raw : null;
      const known = documents.get(id);
      if (known) {
        known.raw = raw;
        known.indices.push(index);
      } else documents.set(id, { table, key: write.key, raw, indices: [index] });
    } else if (write.kind === 'add') {
      let group = members.get(table);
      if (!group) members.set(table, (group = { byKey: new Map(), indices: [] }));
      let set = group.byKey.get(write.key);
      if (!set) group.byKey.set(write.key, (set = new Set()));
      for (const member of write.members) set.add(member);
      group.indices.push(index);
    } else {
      let group = counts.get(table);
      if (!group) counts.set(table, (group = { byField: new Map(), indices: [] }));
      for (const [field, by] of Object.entries(write.counts)) {
        const id = `${write.key}\u0000${field}`;
        const row = group.byField.get(id);
        if (row) row[2] += by;
        else group.byField.set(id, [write.key, field, by]);
      }
      group.indices.push(index);
    }
  });
  const groups = new Map<string, WriteGroup>();
  const groupOf = (table: string, kind: WriteOp['kind']): WriteGroup => {
    const id = `${kind} ${table}`;
    let group = groups.get(id);
    if (!group) groups.set(id, (group = { table, kind, rows: [], indices: [] }));
    return group;
  };
  for (const { table, key, raw, indices } of documents.values()) {
    const group = groupOf(table, raw === null ? 'delete' : 'set');
    if (raw === null) group.rows.push(key);
    else group.rows.push(key, raw);
    group.indices.push(...indices);
  }
  for (const [table, { byKey, indices }] of members) {
    const group = groupOf(table, 'add');
    for (const [key, set] of byKey) for (const member of set) group.rows.push(key, member);
    group.indices.push(...indices);
  }
  for (const [table, { byField, indices }] of counts) {
    const group = groupOf(table, 'increment');
    for (const row of byField.values()) group.rows.push(...row);
    group.indices.push(...indices);
  }
  for (const group of groups.values()) group.indices.sort((a, b) => a - b);
  return [...groups.values()];
}

/** `count` copies of a row's placeholders, comma-separated. */
function rowsOf(count: number, row: string): string {
  return Array.from({ length: count }, () => row).join(', ');
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
