import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';

/** A fresh SQLite store in a temporary folder: the same backend `npm start` uses. */
export async function openTempStore(): Promise<{ store: Store; url: string }> {
  const url = `sqlite://${join(mkdtempSync(join(tmpdir(), 'qw-test-')), 'store.sqlite')}`;
  return { store: await openStore(url), url };
}
