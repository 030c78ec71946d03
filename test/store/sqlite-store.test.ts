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
