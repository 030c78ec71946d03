import { describe, expect, it } from 'vitest';
import { SubscriptionStore } from '../../src/delivery/subscription-store.js';
import { openStore } from '../../src/store/open-store.js';
import { openTempStore } from '../helpers/temp-store.js';

describe('subscriptions changed by several writers at once', () => {
  it('keeps every change when two instances change one chat concurrently', async () => {
    const { store, url } = await openTempStore();
    const other = await openStore(url);
    const clock = () => new Date('2026-11-30T10:00:00Z');
    const defaults = { deliveryTime: '08:00', timeZone: 'UTC', language: 'en' };
    const a = new SubscriptionStore(store, clock, defaults);
    const b = new SubscriptionStore(other, clock, defaults);
    const chat = { platform: 'telegram' as const, chatId: '77', threadId: null };
    await a.subscribe(chat);
    // One admin sets the time while another sets the topics, on two instances, many times over.
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        i % 2 ? a.update(chat, { deliveryTime: `0${i % 10}:30` }) : b.update(chat, { topics: [`topic${i}`] }),
      ),
    );
    const final = (await a.get(chat))!;
    // Whichever committed last, neither kind of change was written over with a stale copy.
    expect(['01:30', '03:30', '05:30', '07:30', '09:30']).toContain(final.deliveryTime);
    expect(['topic0', 'topic2', 'topic4', 'topic6', 'topic8']).toContain(final.topics[0]);
    // A pause racing a settings change: both survive.
    await Promise.all([a.pause(final.id, 'bot was blocked'), b.update(chat, { language: 'de' })]);
    expect(await a.get(chat)).toMatchObject({ language: 'de', paused: { reason: 'bot was blocked' } });
    await store.close();
    await other.close();
  });
});

describe('subscribing again', () => {
  it('keeps the mode, schedule, filters and follows, and resumes a paused chat', async () => {
    const { store } = await openTempStore();
    const subscriptions = new SubscriptionStore(store, () => new Date('2026-11-30T12:00:00Z'), {
      deliveryTime: '08:00',
      timeZone: 'UTC',
      language: 'en',
    });
    const address = { platform: 'telegram' as const, chatId: '9', threadId: null };
    await subscriptions.subscribe(address);
    await subscriptions.update(address, {
      mode: 'both',
      frequency: { kind: 'weekdays' },
      filters: [{ kind: 'exclude', text: 'gossip', tokens: ['gossip'], source: null }],
      follows: [{ key: 'mike pompeo', name: 'Mike Pompeo', variants: ['pompeo'], since: '2026-11-30' }],
    });
    await subscriptions.pause('telegram:9', 'blocked');
    const { subscription } = await subscriptions.subscribe(address, { topics: ['climate'] });
    expect(subscription).toMatchObject({
      topics: ['climate'],
      mode: 'both',
      frequency: { kind: 'weekdays' },
      filters: [{ text: 'gossip' }],
      follows: [{ name: 'Mike Pompeo' }],
      paused: null,
    });
    await store.close();
  });
});

describe('a chat that moves', () => {
  it('takes what instant posts it had with it, so none is posted again', async () => {
    const { store } = await openTempStore();
    const subscriptions = new SubscriptionStore(store, () => new Date('2026-11-30T12:00:00Z'), {
      deliveryTime: '08:00',
      timeZone: 'UTC',
      language: 'en',
    });
    await subscriptions.subscribe(
      { platform: 'telegram', chatId: '-5', threadId: null },
      { mode: 'instant' },
    );
    const states = store.collection<{ subscriptionId: string; posted: Record<string, string> }>(
      'instant-state',
    );
    await states.set('telegram:-5', {
      subscriptionId: 'telegram:-5',
      posted: { 'a:1': '2026-11-30T11:00:00Z' },
    });
    await subscriptions.moveChat('telegram', '-5', '-1005');
    expect(await states.get('telegram:-5')).toBeUndefined();
    expect(await states.get('telegram:-1005')).toEqual({
      subscriptionId: 'telegram:-1005',
      posted: { 'a:1': '2026-11-30T11:00:00Z' },
    });
    await store.close();
  });
});
