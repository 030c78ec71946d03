import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DiscordAdapter } from '../../../src/adapters/discord/discord-adapter.js';
import type { App } from '../../../src/app/container.js';
import { DeliveryService } from '../../../src/delivery/delivery-service.js';
import type { Digest } from '../../../src/digest/digest.js';
import { digestFixture, storyFixture } from '../../helpers/digest-fixture.js';
import {
  FAKE_CHANNELS,
  FAKE_GUILD_ID,
  FAKE_THREAD,
  PERMISSIONS,
  guild,
  slashCommand,
  startFakeDiscord,
  type FakeDiscord,
} from '../../helpers/fake-discord-server.js';
import { startTestApp } from '../../helpers/test-app.js';

const [C1, C2] = FAKE_CHANNELS as [string, string, string];

function digest(): Digest {
  const stories = [1, 2].map((n) =>
    storyFixture(`Story ${n}`, `Summary ${n}.`, [], `https://w.example/${n}`),
  );
  stories[0]!.image = 'https://img.example.com/one.jpg';
  stories[1]!.image = 'javascript:alert(1)';
  return digestFixture(stories);
}

describe('Discord threads, images and leaving a server (real discord.js, fake Discord)', () => {
  let app: App;
  let fake: FakeDiscord;
  let adapter: DiscordAdapter;
  let now = Date.parse('2025-10-24T07:00:00Z');

  beforeAll(async () => {
    ({ app } = await startTestApp('sources: []\ndigest:\n  deliveryTime: "08:00"\n  timeZone: UTC\n', {
      now: () => new Date(now),
    }));
  });
  afterAll(async () => {
    await app.close();
  });
  beforeEach(async () => {
    now = Date.parse('2025-10-24T07:00:00Z');
    fake = await startFakeDiscord();
    adapter = new DiscordAdapter({
      token: 'fake-token',
      apiUrl: fake.apiUrl,
      applicationId: null,
      guildId: null,
      services: app.services,
      store: app.store,
      logger: app.services.logger,
      operators: [],
      floodLimits: { burst: 1_000, perMinute: 60_000 },
    });
    await adapter.start();
  });
  afterEach(async () => {
    await adapter.stop();
    await fake.close();
    for (const subscription of await app.services.subscriptions.list()) {
      await app.services.subscriptions.unsubscribe(subscription);
    }
  });

  const delivery = () =>
    new DeliveryService({
      store: app.store,
      subscriptions: app.services.subscriptions,
      digests: async () => digest(),
      senders: [adapter.sender],
      clock: () => new Date(now),
      logger: app.services.logger,
      translations: app.services.i18n,
      options: { instanceId: `test-${Math.random()}` },
    });

  async function subscribeIn(channelId: string): Promise<void> {
    const { id } = fake.interact(
      slashCommand('subscribe', {}, { permissions: PERMISSIONS.manager, channelId }),
    );
    await expect.poll(() => fake.callbacks(id).length).toBeGreaterThan(0);
    // /subscribe is deferred: the subscription is stored after the first callback.
    await expect
      .poll(async () =>
        (await app.services.subscriptions.list()).some(
          (subscription) => (subscription.threadId ?? subscription.chatId) === channelId,
        ),
      )
      .toBe(true);
  }

  it('subscribing in a thread delivers there, with the top story’s image; a deleted thread falls back to its channel', async () => {
    await subscribeIn(FAKE_THREAD);
    const [subscription] = await app.services.subscriptions.list();
    expect(subscription).toMatchObject({ chatId: C1, threadId: FAKE_THREAD });

    now = Date.parse('2025-10-24T08:00:00Z');
    expect(await delivery().tick()).toMatchObject({ sent: 1 });
    const [message] = fake.posted(FAKE_THREAD) as { embeds: Record<string, unknown>[] }[];
    expect(message!.embeds[0]!.image).toEqual({ url: 'https://img.example.com/one.jpg' });
    // A hostile address is never handed to Discord.
    expect(message!.embeds[1]!.thumbnail).toBeUndefined();
    expect(fake.posted(C1)).toHaveLength(0);

    fake.failChannel({
      channelId: FAKE_THREAD,
      status: 404,
      code: 10003,
      message: 'Unknown Channel',
      times: Infinity,
    });
    now = Date.parse('2025-10-25T08:00:00Z');
    expect(await delivery().tick()).toMatchObject({ sent: 1, paused: 0 });
    const [notice, digestMessage] = fake.posted(C1);
    expect(String(notice!.content)).toContain(app.services.i18n.translator('en')('digest-thread-gone'));
    expect(digestMessage!.embeds).toBeDefined();
    expect(await app.services.subscriptions.list()).toMatchObject([{ chatId: C1, threadId: null }]);

    // With images off, no image is sent.
    await app.services.subscriptions.update(
      { platform: 'discord', chatId: C1, threadId: null },
      { images: false },
    );
    now = Date.parse('2025-10-26T08:00:00Z');
    await delivery().tick();
    const last = fake.posted(C1).at(-1) as { embeds: Record<string, unknown>[] };
    expect(last.embeds[0]!.image).toBeUndefined();
  });

  it('pauses a channel’s subscription when the channel is deleted, and a server’s when removed from it', async () => {
    await subscribeIn(C1);
    await subscribeIn(C2);
    fake.dispatchEvent('CHANNEL_DELETE', { id: C2, type: 0, guild_id: FAKE_GUILD_ID, name: 'news-2' });
    const paused = async (chatId: string) =>
      (await app.services.subscriptions.get({ platform: 'discord', chatId, threadId: null }))?.paused
        ?.reason ?? null;
    await expect.poll(() => paused(C2)).toContain('channel was deleted');
    expect(await paused(C1)).toBeNull();

    fake.dispatchEvent('GUILD_DELETE', { id: FAKE_GUILD_ID });
    await expect.poll(() => paused(C1)).toContain('removed from this server');
    now = Date.parse('2025-10-24T08:00:00Z');
    const before = fake.calls.length;
    expect(await delivery().tick()).toMatchObject({ due: 0 });
    expect(fake.calls.length).toBe(before);

    // Added back: the server's subscriptions resume (the deleted channel's stays paused), and the
    // channel is welcomed back in its language.
    await app.services.languages.set(
      { platform: 'discord', chatId: C1, userId: '1', isOperator: false },
      'fr',
    );
    const posts = fake.posted(C1).length;
    fake.dispatchEvent('GUILD_CREATE', {
      ...guild(FAKE_GUILD_ID),
      channels: [(guild(FAKE_GUILD_ID).channels as unknown[])[0]],
    });
    await expect.poll(() => paused(C1)).toBeNull();
    expect(await paused(C2)).toContain('channel was deleted');
    await expect.poll(() => fake.posted(C1).length).toBe(posts + 1);
    expect(String(fake.posted(C1).at(-1)!.content)).toMatch(/^Merci de m’avoir réinvité/);
    expect(fake.posted(C1).at(-1)!.allowed_mentions).toEqual({ parse: [] });
    expect(fake.posted(C2)).toHaveLength(0);
    expect(await delivery().tick()).toMatchObject({ due: 1, sent: 1 });
  });

  it('greets a server new to it in its system channel, in the server’s language', async () => {
    fake.dispatchEvent('GUILD_CREATE', {
      ...guild('880000000000000009'),
      id: '880000000000000009',
      system_channel_id: C2,
      preferred_locale: 'de',
    });
    await expect.poll(() => fake.posted(C2).length).toBe(1);
    expect(String(fake.posted(C2)[0]!.content)).toMatch(/^Hallo! Ich bin Quotewire/);
  });
});
