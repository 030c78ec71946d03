import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openKeyvStore } from '../../src/store/keyv-store.js';
import { StoreError } from '../../src/store/store.js';

const tempFile = () => join(mkdtempSync(join(tmpdir(), 'qw-store-')), 'nested', 'store.sqlite');

describe('the SQLite keyv store', () => {
  it('keeps typed values per collection and survives a reopen', async () => {
    const path = tempFile();
    const store = await openKeyvStore(`sqlite://${path}`);
    const articles = store.collection<{ title: string }>('articles');
    await articles.set('a', { title: 'First' });
    await articles.setMany([
      { key: 'b', value: { title: 'Second' } },
      { key: 'c', value: { title: 'Third' } },
    ]);
    await store.collection<string>('article-keys').set('a', 'not an article');
    expect(await articles.getMany(['c', 'missing', 'a'])).toEqual([
      { title: 'Third' },
      undefined,
      { title: 'First' },
    ]);
    expect(await articles.delete('b')).toBe(true);
    await store.close();

    const reopened = await openKeyvStore(`sqlite://${path}`);
    const entries = [];
    for await (const entry of reopened.collection<{ title: string }>('articles').entries())
      entries.push(entry);
    expect(entries.sort()).toEqual([
      ['a', { title: 'First' }],
      ['c', { title: 'Third' }],
    ]);
    await reopened.close();
  });

  it('lists more entries than one page of iteration', async () => {
    const store = await openKeyvStore(`sqlite://${tempFile()}`);
    const meta = store.collection<number>('meta');
    await meta.setMany(Array.from({ length: 2500 }, (_, i) => ({ key: `k${i}`, value: i })));
    let count = 0;
    for await (const _entry of meta.entries()) count++;
    expect(count).toBe(2500);
    await store.close();
  });

  it('says clearly when the store cannot be written', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'qw-store-'));
    const file = join(folder, 'a-file');
    writeFileSync(file, 'not a folder');
    await expect(openKeyvStore(`sqlite://${file}/sub/store.sqlite`)).rejects.toThrow(StoreError);
    await expect(openKeyvStore(`sqlite://${file}/sub/store.sqlite`)).rejects.toThrow(
      /set store\.url in the config/,
    );
    await expect(openKeyvStore('mongodb://x')).rejects.toThrow(/use sqlite:\/\/<file path> or redis:\/\//);
  });
});
