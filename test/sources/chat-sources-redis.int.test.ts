import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app/container.js';
import { renderPlainText } from '../../src/chat/render-text.js';
import type { Notifier } from '../../src/sources/source-notices.js';
import { hasRedisServer, startRedisServer } from '../helpers/redis-server.js';
import { startTestApp } from '../helpers/test-app.js';
import { startTestHttpServer, type TestHttpServer } from '../helpers/test-http-server.js';

const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>Dock News</title>
<item><title>Dock reopens</title><link>http://127.0.0.1/dock</link><guid>dock-1</guid>
<description>The dock reopened on Friday after the winter repairs, the harbour master said, and the first ferry left on time.</description></item>
</channel></rss>`;

// Two instances on one Redis store, as in a cluster (redis-server is installed by .ci/run).
describe.runIf(hasRedisServer())('chat sources and notices on two instances sharing Redis', () => {
  let redis: Awaited<ReturnType<typeof startRedisServer>>;
  let site: TestHttpServer;
  let apps: App[] = [];
  beforeAll(async () => {
    redis = await startRedisServer();
    site = await startTestHttpServer({ '/dock.xml': (_req, res) => res.end(FEED) });
    const yaml =
      'sources: []\npolling: { allowLoopback: true, completeTeasers: false, noticeAfterFailures: 3 }\nchatSources: { maxPerChat: 2 }';
    apps = [
      (await startTestApp(yaml, { storeUrl: redis.url })).app,
      (await startTestApp(yaml, { storeUrl: redis.url })).app,
    ];
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await site?.close();
    redis?.stop();
  });

  it('keeps one record per URL and the quota when chats add at once on both, and sends each notice once', async () => {
    const [a, b] = apps as [App, App];
    const url = site.url('/dock.xml');
    const now = new Date();
    // Ten chats follow the same URL at once, half through each instance.
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        (i % 2 ? a : b).services.chatSources.follow(url, `telegram:-${i + 1}`, 'test', now, 2),
      ),
    );
    const records = [...(await a.services.catalog.chatSources()).values()];
    expect(records).toHaveLength(1);
    expect(new Set(records[0]!.chats)).toEqual(
      new Set(Array.from({ length: 10 }, (_, i) => `telegram:-${i + 1}`)),
    );
    // One chat adds five addresses at once on both instances: the quota of 2 holds.
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        (i % 2 ? a : b).services.chatSources.follow(`${url}?n=${i}`, 'discord:77', 'test', now, 2),
      ),
    );
    expect(results.filter((result) => result.kind === 'followed')).toHaveLength(2);
    expect(results.filter((result) => result.kind === 'quota')).toHaveLength(3);

    const sent: string[] = [];
    const notifier = (name: string): Notifier => ({
      platform: 'telegram',
      async toChat(chatId, message) {
        sent.push(`${name}→${chatId}: ${renderPlainText(message).slice(0, 40)}`);
      },
      async toOperators() {
        return 0;
      },
    });
    a.services.notices.use(notifier('a'));
    b.services.notices.use(notifier('b'));
    site.route('/dock.xml', (_req, res) => res.writeHead(500).end());
    const source = records[0]!;
    // Both instances poll it (forced) over and over, at the same time.
    for (let round = 0; round < 4; round++) {
      await Promise.all([
        a.services.poller.pollSource(source, true),
        b.services.poller.pollSource(source, true),
      ]);
    }
    expect(sent).toHaveLength(10);
    expect(new Set(sent.map((line) => line.split(':')[0]!.slice(2)))).toHaveLength(10);
  });
});
