import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { StoreError } from '../../src/store/store.js';
import { storeContract } from './store-contract.js';

const tempFile = () => join(mkdtempSync(join(tmpdir(), 'qw-store-')), 'nested', 'store.sqlite');

describe('the embedded SQLite store', () => {
  const file = tempFile();
  storeContract(() => openStore(`sqlite://${file}`));

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
    const store = await openStore(`sqlite://${tempFile()}`);
    await store.close();
    await expect(store.collection('meta').get('x')).rejects.toThrow(StoreError);
    await expect(store.collection('meta').get('x')).rejects.toThrow(/shutting down/);
  });
});
