import { REST } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DiscordDigestSender } from '../../src/adapters/discord/discord-sender.js';
import { TelegramDigestSender } from '../../src/adapters/telegram/telegram-sender.js';
import type { App } from '../../src/app/container.js';
import type { Caller } from '../../src/chat/command-definition.js';
import { runCommandLine } from '../../src/chat/command-runner.js';
import { renderPlainText } from '../../src/chat/render-text.js';
import type { AppConfig } from '../../src/config/load-config.js';
import { DeliveryService } from '../../src/delivery/delivery-service.js';
import type { DigestSender } from '../../src/delivery/digest-sender.js';
import { InstantService } from '../../src/delivery/instant-service.js';
import { topicDigestProvider } from '../../src/delivery/topic-digest.js';
import { createMemoryLogger } from '../../src/kernel/logger.js';
import { chatKey } from '../../src/sources/source-catalog.js';
import { FAKE_CHANNELS, startFakeDiscord, type FakeDiscord } from '../helpers/fake-discord-server.js';
import { startFakeTelegram, type FakeTelegram } from '../helpers/fake-telegram-server.js';
import { fakeTelegramApi } from '../helpers/telegram-test-api.js';
import { startTestApp } from '../helpers/test-app.js';
import { startTestHttpServer, type TestHttpServer } from '../helpers/test-http-server.js';

/** Articles written for this test: a ferry story told by two wires, a bridge story, an older one. */
const FERRY = (source: string, title: string) => `<item><title>${title}</title>
<link>http://127.0.0.1/${source}/ferry</link><guid>${source}-ferry</guid>
<description>The island ferry returned to service on Monday after engineers replaced a cracked propeller shaft three weeks ahead of schedule. "We will keep the ferry running every day of the winter," Mike Pompeo said at the harbour office. Passengers queued from dawn at the terminal to board the first crossing.</description></item>`;
const BRIDGE = `<item><title>Harbour bridge closes for repairs</title>
<link>http://127.0.0.1/north/bridge</link><guid>north-bridge</guid>
<description>The harbour bridge will close to traffic for two weeks from Friday while crews repair corroded cables, the city council announced. Drivers are told to use the ring road, which adds about twenty minutes to the journey across the estuary.</description></item>`;
const OLDER = `<item><title>Council budget approved</title>
<link>http://127.0.0.1/north/budget</link><guid>north-budget</guid>
<description>The council approved its budget for next year after a long debate about school funding. "This budget protects every classroom in the district," Mike Pompeo told the chamber before the vote. The opposition abstained.</description></item>`;

/** A story only one chat reads, through a feed it added itself. */
const ORCHARD = `<item><title>Orchard cooperative opens cider press</title>
<link>http://127.0.0.1/east/orchard</link><guid>east-orchard</guid>
<description>The valley's orchard cooperative opened a shared cider press on Saturday, letting forty small growers press their apples without hiring machines. Members booked every slot for the first month, and the cooperative plans a second press before next autumn.</description></item>`;

const feed = (title: string, items: string[]) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>${title}</title>${items.join('')}</channel></rss>`;

const MINUTE = 60_000;

// Both ways a tick finds its stories: ranked from the story tracker's briefs (the service), and
// clustered from the window read whole (a window the tracker does not hold). Same posts either way.
describe.each([
  { way: 'from the story tracker', tracked: true },
  { way: 'clustering the window', tracked: false },
])('instant posts, follows, filters, quiet hours and silent delivery ($way)', ({ tracked }) => {
  let server: TestHttpServer;
  let telegram: FakeTelegram;
  let discord: FakeDiscord;
  let app: App;
  let config: AppConfig;
  let now: number;
  const north: string[] = [];
  const south: string[] = [];
  const east: string[] = [];

  beforeEach(async () => {
    now = Date.parse('2026-11-30T09:00:00Z');
    north.length = 0;
    south.length = 0;
    east.length = 0;
    reads.windows = 0;
    reads.storyArticles.length = 0;
    server = await startTestHttpServer({
      '/north.xml': (_req, res) => res.end(feed('North Wire', north)),
      '/south.xml': (_req, res) => res.end(feed('South Wire', south)),
      '/east.xml': (_req, res) => res.end(feed('Valley News', east)),
    });
    telegram = await startFakeTelegram({ now: () => now });
    discord = await startFakeDiscord();
    ({ app, config } = await startTestApp(
      [
        'sources:',
        `  - { id: north, url: "${server.url('/north.xml')}" }`,
        `  - { id: south, url: "${server.url('/south.xml')}" }`,
        'polling: { allowLoopback: true, completeTeasers: false }',
        'instant: { everyMinutes: 5, minEveryMinutes: 1, perHour: 10, maxPerHour: 20 }',
      ].join('\n'),
      { now: () => new Date(now) },
    ));
  });

  afterEach(async () => {
    await app.close();
    await server.close();
    await telegram.close();
    await discord.close();
  });

  const telegramChat = (chatId: string): Caller => ({
    platform: 'telegram',
    chatId,
    userId: '7',
    isOperator: false,
    chatType: 'private',
  });
  const discordChannel: Caller = {
    platform: 'discord',
    chatId: FAKE_CHANNELS[0]!,
    userId: '8',
    isOperator: false,
    chatType: 'group',
    isChatAdmin: true,
  };
  const say = async (line: string, caller: Caller) => {
    const answer = await runCommandLine(line, caller, app.services);
    return answer ? renderPlainText(answer) : '';
  };
  const poll = () => app.services.poller.pollAll({ force: true });
  const senders = (): DigestSender[] => [
    new TelegramDigestSender(fakeTelegramApi(telegram)),
    new DiscordDigestSender(new REST({ api: discord.apiUrl, retries: 0 }).setToken('test-token')),
  ];
  /** Articles the instant service read: whole from the window, and ids of stories read whole. */
  const reads = { windows: 0, storyArticles: [] as string[] };
  /** One instance of instant delivery, as each process of a cluster runs it. */
  const instance = (instanceId: string) =>
    new InstantService({
      store: app.store,
      subscriptions: app.services.subscriptions,
      articles: {
        seenSince: (since, until) => {
          reads.windows++;
          return app.services.articles.seenSince(since, until);
        },
      },
      ...(tracked
        ? {
            stories: {
              storiesSeen: (since, until) => app.services.stories!.storiesSeen(since, until),
              wholeStories: (stories) => {
                reads.storyArticles.push(
                  ...stories.flatMap((story) => story.articles.map((brief) => brief.id)),
                );
                return app.services.stories!.wholeStories(stories);
              },
            },
          }
        : {}),
      quotes: app.services.quotes,
      senders: senders(),
      clock: () => new Date(now),
      logger: createMemoryLogger(),
      translations: app.services.i18n,
      audienceOf: (platform, chatId) => app.services.chatSources.audienceKey(chatKey(platform, chatId)),
      visibility: (chat) => app.services.chatSources.visibleTo(chat),
      options: {
        ...config.instant,
        windowHours: 24,
        instanceId,
        leaseMs: 2 * MINUTE,
        concurrency: 8,
        maxAttempts: 5,
      },
    });
  const texts = (chatId: string) => telegram.sent(chatId).map((message) => String(message.text));

  it('posts each new story once across sources and instances, within the cap, quiet hours and filters', async () => {
    north.push(OLDER);
    await poll();
    now += 30 * MINUTE; // 09:30
    for (const chat of ['100', '200', '300', '400']) {
      expect(await say('/subscribe', telegramChat(chat))).toMatch(/^Subscribed/);
    }
    expect(await say('/mode instant', telegramChat('100'))).toMatch(/^Mode set: each new story is posted/);
    expect(await say('/follow pompeo', telegramChat('200'))).toMatch(
      /^Following Mike Pompeo: each new quote/,
    );
    expect(await say('/following', telegramChat('200'))).toMatch(/Mike Pompeo \(since 2026-11-30\)/);
    expect(await say('/mode instant 1', telegramChat('300'))).toMatch(/^Mode set/);
    expect(await say('/settings silent on', telegramChat('300'))).toMatch(/^Silent delivery on/);
    expect(await say('/settings quiet 10:00-10:15', telegramChat('300'))).toMatch(/^Quiet hours set/);
    expect(await say('/filter add exclude "Harbour Bridge"', telegramChat('300'))).toMatch(
      /^Added: exclude "Harbour Bridge"/,
    );
    expect(await say('/mode instant 1 1', telegramChat('400'))).toMatch(/^Mode set/);

    // 10:01 the ferry story arrives from the North Wire; two instances tick at once.
    now = Date.parse('2026-11-30T10:01:00Z');
    north.push(FERRY('north', 'Island ferry back in service'));
    await poll();
    now += MINUTE;
    const [a, b] = [instance('host-a'), instance('host-b')];
    await Promise.all([a.tick(), b.tick()]);
    expect(texts('100')).toHaveLength(1);
    expect(texts('100')[0]).toContain('Island ferry back in service');
    expect(texts('100')[0]).not.toContain('Council budget'); // older than instant mode
    // Chat 200 (daily mode) follows Pompeo: his new quote, with the article, not the story.
    expect(texts('200')).toHaveLength(1);
    expect(texts('200')[0]).toContain('We will keep the ferry running every day of the winter');
    expect(texts('200')[0]).toContain('Mike Pompeo');
    expect(telegram.sent('200')[0]!.text).toContain('href="http://127.0.0.1/north/ferry"');
    expect(texts('300')).toHaveLength(0); // quiet hours
    expect(texts('400')).toHaveLength(1);

    // 10:03 the South Wire reports the same story, and its copy of the quote: nothing new to post.
    now += MINUTE;
    south.push(FERRY('south', 'Ferry service resumes to the island'));
    await poll();
    // 10:10 the bridge story; 10:20 everybody's interval has passed and quiet hours are over.
    now = Date.parse('2026-11-30T10:10:00Z');
    north.push(BRIDGE);
    await poll();
    now = Date.parse('2026-11-30T10:20:00Z');
    await Promise.all([a.tick(), b.tick()]);
    expect(texts('100')).toHaveLength(2);
    expect(texts('100')[1]).toContain('Harbour bridge closes');
    expect(texts('200')).toHaveLength(1);
    // Held through quiet hours, silent; the bridge story is filtered out.
    expect(texts('300')).toHaveLength(1);
    expect(texts('300')[0]).toContain('ferry');
    expect(telegram.sent('300')[0]!.disable_notification).toBe(true);
    expect(telegram.sent('100')[0]!.disable_notification).toBeUndefined();
    // One post an hour: the bridge waits until 11:02.
    expect(texts('400')).toHaveLength(1);
    now = Date.parse('2026-11-30T11:03:00Z');
    await Promise.all([a.tick(), b.tick()]);
    expect(texts('400')).toHaveLength(2);
    expect(texts('400')[1]).toContain('Harbour bridge closes');
    expect(texts('300')).toHaveLength(1);

    // The next morning's digest for chat 200 (daily) leaves out what its filter excludes.
    expect(await say('/filter add exclude bridge', telegramChat('200'))).toMatch(/^Added/);
    expect(await say('/settings silent on', telegramChat('200'))).toMatch(/^Silent delivery on/);
    now = Date.parse('2026-12-01T08:00:00Z');
    const daily = new DeliveryService({
      store: app.store,
      subscriptions: app.services.subscriptions,
      digests: topicDigestProvider(app.services.digests, 10),
      senders: senders(),
      clock: () => new Date(now),
      logger: createMemoryLogger(),
      translations: app.services.i18n,
      options: { instanceId: 'host-a' },
    });
    const report = await daily.tick();
    expect(report.sent).toBe(1); // 100, 300 and 400 are instant-only: no digest
    const digest = texts('200').slice(1).join('\n');
    expect(digest).toContain('Quotewire digest');
    expect(digest).toMatch(/ferry/i);
    expect(digest).not.toContain('Harbour bridge');
    expect(
      telegram
        .sent('200')
        .slice(1)
        .every((message) => message.disable_notification === true),
    ).toBe(true);
  });

  it('reads whole only the stories a chat may be posted, when the tracker holds the window', async () => {
    expect(await say('/subscribe', telegramChat('700'))).toMatch(/^Subscribed/);
    expect(await say('/mode instant 1 1', telegramChat('700'))).toMatch(/^Mode set/);
    // Chat 800 has room for one post too, but not for the ferry: the next story is read for it.
    expect(await say('/subscribe', telegramChat('800'))).toMatch(/^Subscribed/);
    expect(await say('/mode instant 1 1', telegramChat('800'))).toMatch(/^Mode set/);
    expect(await say('/filter add exclude ferry', telegramChat('800'))).toMatch(/^Added/);
    now = Date.parse('2026-11-30T10:01:00Z');
    north.push(FERRY('north', 'Island ferry back in service'), BRIDGE, OLDER);
    south.push(FERRY('south', 'Ferry service resumes to the island'));
    await poll();
    now += MINUTE;
    await instance('host-a').tick();
    expect(texts('700')).toHaveLength(1); // one post an hour
    expect(texts('700')[0]).toMatch(/ferry/i);
    expect(texts('800')).toHaveLength(1);
    expect(texts('800')[0]).not.toMatch(/ferry/i);
    if (!tracked) return expect(reads.windows).toBe(1);
    // No chat follows anyone: no article is read for quotes. Of three stories, the best one (both
    // ferry reports) was read whole once for both chats, and the next one for chat 800.
    expect(reads.windows).toBe(0);
    expect(app.services.stories).not.toBeNull();
    expect(reads.storyArticles).toHaveLength(3);
  });

  it('posts silently to a Discord channel with the SuppressNotifications flag', async () => {
    await say('/subscribe', discordChannel);
    expect(await say('/mode both 1', discordChannel)).toMatch(/^Mode set: new stories as they arrive/);
    expect(await say('/settings silent on', discordChannel)).toMatch(/^Silent delivery on/);
    now = Date.parse('2026-11-30T10:01:00Z');
    north.push(FERRY('north', 'Island ferry back in service'));
    south.push(FERRY('south', 'Ferry service resumes to the island'));
    await poll();
    now += MINUTE;
    await Promise.all([instance('host-a').tick(), instance('host-b').tick()]);
    const posts = discord.posted(FAKE_CHANNELS[0]!);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.flags).toBe(1 << 12);
    expect(JSON.stringify(posts[0])).toMatch(/ferry/i);
  });

  it('posts a chat’s own sources to that chat only', async () => {
    for (const chat of ['500', '600']) {
      expect(await say('/subscribe', telegramChat(chat))).toMatch(/^Subscribed/);
      expect(await say('/mode instant 1', telegramChat(chat))).toMatch(/^Mode set/);
    }
    expect(await say(`/source add ${server.url('/east.xml')}`, telegramChat('500'))).toMatch(
      /^Added .* for this chat/,
    );
    now = Date.parse('2026-11-30T10:01:00Z');
    east.push(ORCHARD);
    north.push(BRIDGE);
    await poll();
    now += MINUTE;
    await instance('host-a').tick();
    expect(texts('500')).toHaveLength(2);
    expect(texts('500').join('\n')).toContain('Orchard cooperative opens cider press');
    expect(texts('500').join('\n')).toContain('Harbour bridge closes');
    expect(texts('600')).toHaveLength(1);
    expect(texts('600')[0]).toContain('Harbour bridge closes');
  });

  it('posts to the chat’s General once its forum topic is gone: one notice, and the subscription follows', async () => {
    const topic: Caller = { ...telegramChat('-800'), chatType: 'group', isChatAdmin: true, threadId: '77' };
    expect(await say('/subscribe', topic)).toMatch(/^Subscribed/);
    expect(await say('/mode instant 1', topic)).toMatch(/^Mode set/);
    telegram.fail({
      method: 'sendMessage',
      when: (payload) => payload.message_thread_id === 77,
      times: 100,
      error: { error_code: 400, description: 'Bad Request: message thread not found' },
    });
    now = Date.parse('2026-11-30T10:01:00Z');
    north.push(FERRY('north', 'Island ferry back in service'), BRIDGE);
    await poll();
    now += MINUTE;
    await instance('host-a').tick();
    const notice = app.services.i18n.translator('en')('digest-topic-gone');
    const inTopic = () => telegram.sent('-800').filter((message) => message.message_thread_id === 77);
    const general = () =>
      telegram
        .sent('-800')
        .filter((message) => message.message_thread_id === undefined)
        .map((message) => String(message.text));
    // One try in the topic; then the notice, and both stories, in General.
    expect(inTopic()).toHaveLength(1);
    expect(general().filter((text) => text.includes(notice))).toHaveLength(1);
    expect(general().join('\n')).toContain('Island ferry back in service');
    expect(general().join('\n')).toContain('Harbour bridge closes');
    expect(
      await app.services.subscriptions.get({ platform: 'telegram', chatId: '-800', threadId: '77' }),
    ).toBe(undefined);
    expect(
      await app.services.subscriptions.get({ platform: 'telegram', chatId: '-800', threadId: null }),
    ).toMatchObject({ mode: 'instant' });

    // The next story goes straight to General: no second notice, nothing posted twice.
    north.push(ORCHARD);
    await poll();
    now += 10 * MINUTE;
    await instance('host-b').tick();
    expect(inTopic()).toHaveLength(1);
    expect(general().filter((text) => text.includes(notice))).toHaveLength(1);
    expect(general().filter((text) => text.includes('Island ferry back in service'))).toHaveLength(1);
    expect(general().at(-1)).toContain('Orchard cooperative opens cider press');
  });

  it('resends a batch to a group’s new id when it has become a supergroup', async () => {
    const group: Caller = { ...telegramChat('-900'), chatType: 'group', isChatAdmin: true };
    expect(await say('/subscribe', group)).toMatch(/^Subscribed/);
    expect(await say('/mode instant 1', group)).toMatch(/^Mode set/);
    telegram.fail({
      method: 'sendMessage',
      when: (payload) => payload.chat_id === '-900',
      times: 100,
      error: {
        error_code: 400,
        description: 'Bad Request: group chat was upgraded to a supergroup chat',
        parameters: { migrate_to_chat_id: -100900 },
      },
    });
    now = Date.parse('2026-11-30T10:01:00Z');
    north.push(FERRY('north', 'Island ferry back in service'), BRIDGE);
    await poll();
    now += MINUTE;
    await instance('host-a').tick();
    expect(texts('-100900')).toHaveLength(2);
    expect(texts('-100900').join('\n')).toContain('Island ferry back in service');
    const moved = { platform: 'telegram' as const, threadId: null };
    expect(await app.services.subscriptions.get({ ...moved, chatId: '-900' })).toBeUndefined();
    expect(await app.services.subscriptions.get({ ...moved, chatId: '-100900' })).toMatchObject({
      mode: 'instant',
    });
    now += 10 * MINUTE;
    await instance('host-b').tick();
    expect(texts('-100900')).toHaveLength(2);
  });
});
