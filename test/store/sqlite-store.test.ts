import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'libsql';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { StoreError } from '../../src/store/store.js';
import { storeContract } from './store-contract.js';

const tempFile = () => join(mkdtempSync(join(tmpdir(), 'qw-store-')), 'nested', 'store.sqlite');

describe('the embedded SQLite store', () => {
  const file = tempFile();
  storeContract(() => openStore(`sqlite://${file}`));

  it('makes new files with 16 KB pages and keeps the pages of an existing file', async () => {
    const pragma = (path: string, name: string) => {
      const db = new Database(path);
      try {
        return (db.prepare(`PRAGMA ${name}`).raw().get() as [number])[0];
      } finally {
        db.close();
      }
    };
    const fresh = tempFile();
    const store = await openStore(`sqlite://${fresh}`);
    await store.collection<string>('meta').set('k', 'v');
    await store.close();
    expect(pragma(fresh, 'page_size')).toBe(16_384);

    // A store made before (4 KB pages, its tables already there) opens, reads and writes as it was.
    const older = join(mkdtempSync(join(tmpdir(), 'qw-store-')), 'old.sqlite');
    const db = new Database(older);
    db.exec('PRAGMA page_size = 4096');
    db.exec('CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
    db.exec(`INSERT INTO meta (key, value) VALUES ('old', '{"value":"kept"}')`);
    db.close();
    const reopened = await openStore(`sqlite://${older}`);
    expect(await reopened.collection<string>('meta').get('old')).toBe('kept');
    await reopened.collection<string>('meta').set('new', 'written');
    expect(await reopened.collection<string>('meta').get('new')).toBe('written');
    await reopened.close();
    expect(pragma(older, 'page_size')).toBe(4096);
  });

  it('lists more entries than one page of iteration', async () => {
    const store = await openStore(`sqlite://${tempFile()}`);
    const meta = store.collection<number>('meta');
    await meta.setMany(Array.from({ length: 2500 }, (_, i) => ({ key: `k${i}`, value: i })));
    let count = 0;
    for await (const _ of meta.entries()) count++;
    expect(count).toBe(2500);
    await store.close();
  });

  it('applies a large transaction as its writes in order would, in grouped statements', async () => {
    const store = await openStore(`sqlite://${tempFile()}`);
    await store.collection<string>('meta').set('gone', 'before');
    await store.transact(async (tx) => {
      // 300 documents (more than one statement's rows), each written twice: the last value counts.
      for (let i = 0; i < 300; i++) tx.set('meta', `d${i}`, `first ${i}`);
      for (let i = 0; i < 300; i++) tx.set('meta', `d${i}`, `second ${i}`);
      tx.delete('meta', 'gone');
      tx.set('meta', 'back', 'deleted');
      tx.delete('meta', 'back');
      tx.set('meta', 'back', 'again');
      tx.addMembers('article-days', 'day', ['a', 'b']);
      tx.addMembers('article-days', 'day', ['b', 'c']);
      tx.increment('quote-days', 'day', { x: 1, y: 2 });
      tx.increment('quote-days', 'day', { x: 3 });
    });
    const meta = store.collection<string>('meta');
    expect(await meta.getMany(['d0', 'd299', 'gone', 'back'])).toEqual([
      'second 0',
      'second 299',
      undefined,
      'again',
    ]);
    expect((await store.sets('article-days').members('day')).sort()).toEqual(['a', 'b', 'c']);
    expect(await store.counters('quote-days').get('day')).toEqual({ x: 4, y: 2 });
    await store.close();
  });

  it('says what to do when the file cannot be written, and refuses calls once closed', async () => {
    const blocker = join(mkdtempSync(join(tmpdir(), 'qw-store-')), 'a-file');
    writeFileSync(blocker, 'not a folder');
    await expect(openStore(`sqlite://${blocker}/sub/store.sqlite`)).rejects.toThrow(
      /set store\.url in the config/,
    );
    await expect(openStore('mongodb://x')).rejects.toThrow(/use sqlite:\/\/<file path> or redis:\/\//);
    // A damaged file is not fixed by choosing another: say so, and how to keep it.
    const damaged = join(mkdtempSync(join(tmpdir(), 'qw-store-')), 'store.sqlite');
    writeFileSync(damaged, Buffer.alloc(8192, 7));
    await expect(openStore(`sqlite://${damaged}`)).rejects.toThrow(
      /: file is not a database; the file is damaged: restore it from a backup, or move it aside/,
    );
    const store = await openStore(`sqlite://${tempFile()}`);
    await store.close();
    await expect(store.collection('meta').get('x')).rejects.toThrow(StoreError);
    await expect(store.collection('meta').get('x')).rejects.toThrow(/shutting down/);
  });
});
