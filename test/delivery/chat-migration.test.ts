import { describe, expect, it } from 'vitest';
import { migrateChat } from '../../src/delivery/chat-migration.js';
import { DeliveryLedger } from '../../src/delivery/delivery-ledger.js';
import { SubscriptionStore } from '../../src/delivery/subscription-store.js';
import { ChatLanguages } from '../../src/i18n/chat-languages.js';
import { ChatSources } from '../../src/sources/chat-sources.js';
import { SourceCatalog } from '../../src/sources/source-catalog.js';
import { openStore } from '../../src/store/open-store.js';
import { openTempStore } from '../helpers/temp-store.js';

const NOW = new Date('2026-11-30T09:00:00Z');
const OLD = '-42';
const NEW = '-10042';

/** A group with everything a chat can have: two subscriptions, sources, a language, today's digest sent. */
async function groupWithEverything() {
  const { store, url } = await openTempStore();
  const subscriptions = new SubscriptionStore(store, () => NOW, {
    deliveryTime: '08:00',
    timeZone: 'UTC',
    language: 'en',
  });
  const chat = { platform: 'telegram' as const, chatId: OLD, threadId: null };
  await subscriptions.subscribe(chat, {
    topics: ['ferries'],
    mode: 'both',
    images: false,
    filters: [{ kind: 'exclude', text: 'gossip', tokens: ['gossip'], source: null }],
    follows: [{ key: 'pompeo', name: 'Mike Pompeo', variants: ['pompeo'], since: NOW.toISOString() }],
  });
  await subscriptions.subscribe({ ...chat, threadId: '5' }, { topics: ['bridges'] });
  await store.collection('instant-state').set(`telegram:${OLD}`, {
    subscriptionId: `telegram:${OLD}`,
    posted: { 'a:1': NOW.toISOString() },
  });
  const ledger = new DeliveryLedger(store, { leaseMs: 60_000, maxAttemptsPerDay: 5 });
  const claim = (await ledger.claim(`telegram:${OLD}`, '2026-11-30', 'test', NOW, 'digest-1'))!;
  await ledger.finish(claim, 'sent', NOW);
  const catalog = new SourceCatalog([], store);
  const sources = new ChatSources(store, catalog);
  await sources.follow('https://a.example/feed', `telegram:${OLD}`, '1', NOW, 5);
  await sources.follow('https://a.example/feed', 'telegram:-7', '2', NOW, 5);
  const languages = new ChatLanguages(store, 'en');
  await languages.set({ platform: 'telegram', chatId: OLD, userId: '1', isOperator: false }, 'de');
  return { store, url, subscriptions, ledger, sources, languages };
}

describe('a chat that gets a new id (group → supergroup)', () => {
  it('moves its subscriptions, settings, instant state, sent digest, sources and language', async () => {
    const { store, subscriptions, ledger, sources, languages } = await groupWithEverything();
    const moved = await migrateChat(store, NOW, 'telegram', OLD, NEW);
    expect(moved).toMatchObject({ sources: 1, language: true });
    expect(moved.subscriptions.map((s) => s.id).sort()).toEqual([`telegram:${NEW}`, `telegram:${NEW}:5`]);

    const address = { platform: 'telegram' as const, chatId: NEW, threadId: null };
    expect(await subscriptions.get(address)).toMatchObject({
      chatId: NEW,
      topics: ['ferries'],
      mode: 'both',
      images: false,
      filters: [{ text: 'gossip' }],
      follows: [{ name: 'Mike Pompeo' }],
    });
    expect(await subscriptions.get({ ...address, threadId: '5' })).toMatchObject({ topics: ['bridges'] });
    expect((await subscriptions.list()).filter((s) => s.chatId === OLD)).toEqual([]);
    expect(await store.collection('instant-state').get(`telegram:${NEW}`)).toMatchObject({
      subscriptionId: `telegram:${NEW}`,
      posted: { 'a:1': NOW.toISOString() },
    });
    expect(await ledger.get(`telegram:${NEW}`, '2026-11-30')).toMatchObject({ state: 'sent' });
    expect((await sources.ofChat(`telegram:${NEW}`)).map((s) => s.url)).toEqual(['https://a.example/feed']);
    expect(await sources.ofChat(`telegram:${OLD}`)).toEqual([]);
    // The other chat that reads the same feed still does.
    expect(await sources.ofChat('telegram:-7')).toHaveLength(1);
    expect(await languages.ofChat(`telegram:${NEW}`)).toBe('de');
    await store.close();
  });

  it('moves once: a repeated update, or two instances at once, change nothing more', async () => {
    const { store, url, subscriptions } = await groupWithEverything();
    const other = await openStore(url);
    const [a, b] = await Promise.all([
      migrateChat(store, NOW, 'telegram', OLD, NEW),
      migrateChat(other, NOW, 'telegram', OLD, NEW),
    ]);
    // Exactly one of the two moved the chat; the other found nothing left under the old id.
    expect([a.subscriptions.length, b.subscriptions.length].sort()).toEqual([0, 2]);
    // Settings changed in the supergroup since then survive the update arriving once more.
    await subscriptions.update({ platform: 'telegram', chatId: NEW, threadId: null }, { topics: ['trains'] });
    expect(await migrateChat(store, NOW, 'telegram', OLD, NEW)).toEqual({
      subscriptions: [],
      sources: 0,
      language: false,
    });
    expect(await subscriptions.get({ platform: 'telegram', chatId: NEW, threadId: null })).toMatchObject({
      topics: ['trains'],
    });
    expect(await subscriptions.list()).toHaveLength(2);
    await other.close();
    await store.close();
  });

  it('keeps what the supergroup already had of its own', async () => {
    const { store, subscriptions } = await groupWithEverything();
    await subscriptions.subscribe({ platform: 'telegram', chatId: NEW, threadId: null }, { topics: ['own'] });
    await migrateChat(store, NOW, 'telegram', OLD, NEW);
    expect(await subscriptions.get({ platform: 'telegram', chatId: NEW, threadId: null })).toMatchObject({
      topics: ['own'],
    });
    expect(await subscriptions.list()).toHaveLength(2);
    await store.close();
  });
});
