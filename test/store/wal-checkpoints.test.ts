import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import type { Store } from '../../src/store/store.js';

const tempFile = () => join(mkdtempSync(join(tmpdir(), 'qw-wal-')), 'store.sqlite');

/** About `megabytes` MB of documents, in commits of 64 KB, as ingest writes them. */
async function writeMegabytes(store: Store, megabytes: number, prefix = 'doc'): Promise<void> {
  const text = 'x'.repeat(1024);
  for (let batch = 0; batch < megabytes * 16; batch++) {
    await store.transact(async (tx) => {
      for (let i = 0; i < 64; i++) tx.set('articles', `${prefix}-${batch}-${i}`, text);
    });
  }
}

const fileSize = (path: string) => (existsSync(path) ? statSync(path).size : 0);

async function waitFor(test: () => boolean, ms = 15_000): Promise<void> {
  const until = Date.now() + ms;
  while (!test()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('WAL checkpoints', () => {
  it('move to a thread of their own once the store writes in bulk, which copies the WAL back', async () => {
    const path = tempFile();
    const warnings: string[] = [];
    // The main connection alone would not checkpoint before 64 MB; the thread starts at 256 KB.
    const store = openSqliteStore(path, {
      checkpoints: {
        threadAtBytes: 256 * 1024,
        mainThreadBytes: 64 * 1024 * 1024,
        warn: (m) => warnings.push(m),
      },
    });
    await writeMegabytes(store, 3);
    // The database file itself grows only when a checkpoint copies pages into it.
    await waitFor(() => fileSize(path) >= 3 * 1024 * 1024);
    // And it keeps up with later writes.
    await writeMegabytes(store, 2, 'later');
    await waitFor(() => fileSize(path) >= 5 * 1024 * 1024);
    expect(await store.collection<string>('articles').get('later-0-0')).toBe('x'.repeat(1024));
    // Closing waits for the thread to close its connection; what was written is all there after.
    await store.close();
    expect(warnings).toEqual([]);
    const reopened = openSqliteStore(path);
    expect(await reopened.collection<string>('articles').get('doc-47-63')).toBe('x'.repeat(1024));
    await reopened.close();
  });

  it('are left to the main connection of a store that writes little', async () => {
    const path = tempFile();
    let started = 0;
    const store = openSqliteStore(path, {
      checkpoints: {
        startWorker: () => {
          started++;
          return new Worker('setInterval(() => {}, 1000)', { eval: true });
        },
      },
    });
    await writeMegabytes(store, 1);
    await store.close();
    expect(started).toBe(0);
  });

  it('go back to the main connection when their thread dies, and no write is lost', async () => {
    const path = tempFile();
    const warnings: string[] = [];
    const store = openSqliteStore(path, {
      checkpoints: {
        threadAtBytes: 256 * 1024,
        // Small enough that the main connection's own checkpoints show in the file size.
        mainThreadBytes: 512 * 1024,
        warn: (m) => warnings.push(m),
        // It takes over (the main connection stops checkpointing), then dies.
        startWorker: () =>
          new Worker(
            "require('node:worker_threads').parentPort.postMessage('ready'); setTimeout(() => process.exit(3), 200);",
            { eval: true },
          ),
      },
    });
    await writeMegabytes(store, 1);
    await waitFor(() => warnings.length > 0);
    expect(warnings[0]).toMatch(
      /checkpoint thread stopped \(exit code 3\).*checkpointed by the main thread again/,
    );
    await writeMegabytes(store, 3, 'after');
    expect(fileSize(path)).toBeGreaterThanOrEqual(2 * 1024 * 1024);
    expect(await store.collection<string>('articles').get('after-47-63')).toBe('x'.repeat(1024));
    expect(await store.collection<string>('articles').get('doc-0-0')).toBe('x'.repeat(1024));
    await store.close();
  });
});
