import { expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';

/**
 * What every store backend must do, run against each (SQLite here, Redis where a redis-server is
 * installed). `open` opens another handle on the SAME data: a second connection stands in for a
 * second process or instance.
 */
export function storeContract(open: () => Promise<Store>): void {
  it('keeps documents per collection, in batches, listed and expiring', async () => {
    const store = await open();
    const articles = store.collection<{ title: string }>('articles');
    await articles.setMany([
      { key: 'a', value: { title: 'First' } },
      { key: 'b', value: { title: 'Second' } },
    ]);
    await store.collection<string>('article-keys').set('a', 'another collection');
    expect(await articles.getMany(['b', 'missing', 'a'])).toEqual([
      { title: 'Second' },
      undefined,
      { title: 'First' },
    ]);
    const listed: [string, unknown][] = [];
    for await (const entry of articles.entries()) listed.push(entry);
    expect(listed.sort()).toEqual([
      ['a', { title: 'First' }],
      ['b', { title: 'Second' }],
    ]);
    expect(await articles.delete('b')).toBe(true);
    expect(await articles.delete('b')).toBe(false);
    await store.collection<string>('pages').set('short-lived', 'x', 40);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await store.collection<string>('pages').get('short-lived')).toBeUndefined();
    await store.close();
    const again = await open();
    expect(await again.collection('articles').get('a')).toEqual({ title: 'First' });
    await again.close();
  });

  it('adds set members and counts without reading first', async () => {
    const store = await open();
    const days = store.sets('article-days');
    await days.add('2026-11-30', ['a', 'b']);
    await days.add('2026-11-30', ['b', 'c']);
    await days.remove('2026-11-30', ['a']);
    expect((await days.members('2026-11-30')).sort()).toEqual(['b', 'c']);
    expect(await days.members('2026-12-01')).toEqual([]);
    expect([await days.size('2026-11-30'), await days.size('2026-12-01')]).toEqual([2, 0]);
    const tallies = store.counters('quote-days');
    await tallies.increment('2026-11-30', { pompeo: 2, raab: 1 });
    await tallies.increment('2026-11-30', { pompeo: 3 });
    expect(await tallies.getMany(['2026-11-30', 'none'])).toEqual([{ pompeo: 5, raab: 1 }, {}]);
    await store.close();
  });

  it('applies a transaction whole, reading its own writes, or not at all', async () => {
    const store = await open();
    await store.transact(async (tx) => {
      expect(await tx.get('articles', 'x')).toBeUndefined();
      tx.set('articles', 'x', { title: 'X' });
      expect(await tx.get('articles', 'x')).toEqual({ title: 'X' });
      tx.set('article-keys', 'guid:x', 'x');
      tx.addMembers('article-days', '2026-12-24', ['x']);
      tx.increment('quote-days', '2026-12-24', { someone: 1 });
    });
    expect(await store.collection('articles').get('x')).toEqual({ title: 'X' });
    expect(await store.collection('article-keys').get('guid:x')).toBe('x');
    expect(await store.sets('article-days').members('2026-12-24')).toEqual(['x']);
    expect(await store.counters('quote-days').get('2026-12-24')).toEqual({ someone: 1 });

    await expect(
      store.transact(async (tx) => {
        tx.set('articles', 'y', { title: 'Y' });
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await store.collection('articles').get('y')).toBeUndefined();

    await store.transact(async (tx) => tx.delete('articles', 'x'));
    expect(await store.collection('articles').get('x')).toBeUndefined();
    await store.close();
  });

  it('loses no update when two writers change the same document at once', async () => {
    const first = await open();
    const second = await open();
    await first.collection<number>('meta').set('counter', 0);
    let runs = 0;
    const bump = (store: Store) =>
      store.transact(async (tx) => {
        runs++;
        const value = (await tx.get<number>('meta', 'counter')) ?? 0;
        // Give the other writer time to read the same value.
        await new Promise((resolve) => setTimeout(resolve, 1));
        tx.set('meta', 'counter', value + 1);
      });
    await Promise.all(Array.from({ length: 20 }, (_, i) => bump(i % 2 ? first : second)));
    expect(await first.collection<number>('meta').get('counter')).toBe(20);
    // Some of the 20 must have met a concurrent change and run again; otherwise nothing was tested.
    expect(runs).toBeGreaterThan(20);
    await first.close();
    await second.close();
  });

  it('loses no update when writers of one store race, or a plain write lands between read and commit', async () => {
    const store = await open();
    const meta = store.collection<number>('meta');
    await meta.set('counter', 0);
    let runs = 0;
    const bump = () =>
      store.transact(async (tx) => {
        runs++;
        const value = (await tx.get<number>('meta', 'counter')) ?? 0;
        await new Promise((resolve) => setTimeout(resolve, 1));
        tx.set('meta', 'counter', value + 1);
      });
    await Promise.all(Array.from({ length: 10 }, bump));
    expect(await meta.get('counter')).toBe(10);
    expect(runs).toBeGreaterThan(10);

    // A write outside any transaction, through the same store, after the read: the commit sees it.
    let attempts = 0;
    await store.transact(async (tx) => {
      attempts++;
      const value = (await tx.get<number>('meta', 'counter')) ?? 0;
      if (attempts === 1) await meta.set('counter', 100);
      tx.set('meta', 'counter', value + 1);
    });
    expect(attempts).toBe(2);
    expect(await meta.get('counter')).toBe(101);
    await store.close();
  });

  it('claims a key once however many writers race for it', async () => {
    const stores = await Promise.all([open(), open(), open()]);
    const claim = (store: Store, who: string) =>
      store.transact(async (tx) => {
        if ((await tx.get('leases', 'job')) !== undefined) return false;
        tx.set('leases', 'job', who, 60_000);
        return true;
      });
    const won = await Promise.all(stores.map((store, i) => claim(store, `instance-${i}`)));
    expect(won.filter(Boolean)).toHaveLength(1);
    for (const store of stores) await store.close();
  });
}
