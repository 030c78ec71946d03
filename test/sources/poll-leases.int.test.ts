import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app/container.js';
import { createMemoryLogger } from '../../src/kernel/logger.js';
import { PollLeases } from '../../src/sources/poll-leases.js';
import { startTestHttpServer, type TestHttpServer } from '../helpers/test-http-server.js';
import { startTestApp } from '../helpers/test-app.js';

const FEED = (n: number) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire ${n}</title><item><title>Story ${n}</title><link>http://example.com/${n}</link><guid>g${n}</guid><description>The council met on Monday to discuss the harbour works, which will take two years to finish.</description></item></channel></rss>`;

let server: TestHttpServer | undefined;
const apps: App[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
  await server?.close();
});

describe('polls shared by several instances on one store', () => {
  it('polls each source once per slot, however many instances tick', async () => {
    server = await startTestHttpServer(
      Object.fromEntries(
        [1, 2, 3, 4].map((n) => [
          `/feed${n}.xml`,
          (_req: unknown, res: { end(body: string): void }) => res.end(FEED(n)),
        ]),
      ),
    );
    const sources = [1, 2, 3, 4]
      .map((n) => `  - { id: f${n}, url: "${server!.url(`/feed${n}.xml`)}" }`)
      .join('\n');
    const first = await startTestApp(`sources:\n${sources}\npolling: { allowLoopback: true }`);
    apps.push(first.app);
    // Three instances: three apps on the same config and store file.
    for (let i = 0; i < 2; i++) apps.push(await createApp(first.config, { logger: createMemoryLogger() }));
    const slot = '2026-11-30T09:15';
    const rounds = await Promise.all(apps.map((app) => app.services.poller.pollAll({ slot })));
    const polled = rounds.flat().filter((outcome) => outcome.result !== 'elsewhere');
    expect(polled.map((outcome) => outcome.sourceId).sort()).toEqual(['f1', 'f2', 'f3', 'f4']);
    expect(server.requests).toHaveLength(4);
    // The next slot is polled again (once).
    await Promise.all(apps.map((app) => app.services.poller.pollAll({ slot: '2026-11-30T09:30' })));
    expect(server.requests).toHaveLength(8);
  });

  it('hands the poll of an instance that died to another once its lease lapses', async () => {
    server = await startTestHttpServer({ '/feed.xml': (_req, res) => res.end(FEED(1)) });
    const { app, config } = await startTestApp(
      `sources:\n  - { id: wire, url: "${server.url('/feed.xml')}" }\npolling: { allowLoopback: true }`,
    );
    apps.push(app);
    // An instance claims the slot, then dies before polling: its lease is all that is left. Two
    // seconds, so that a busy machine still makes the checks below inside it.
    const dead = new PollLeases(app.store, 'dead-instance', 2000);
    expect(await dead.claim('wire', '2026-11-30T09:15', new Date())).toBe(true);
    expect(await app.services.poller.pollAll({ slot: '2026-11-30T09:15' })).toEqual([
      { sourceId: 'wire', result: 'elsewhere', newArticles: 0 },
    ]);
    expect(await app.services.poller.takeOverAbandoned()).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const other = await createApp(config, { logger: createMemoryLogger() });
    apps.push(other);
    expect(await other.services.poller.takeOverAbandoned()).toEqual([
      { sourceId: 'wire', result: 'new', newArticles: 1 },
    ]);
    // Done now: nobody takes it over again.
    expect(await app.services.poller.takeOverAbandoned()).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it('starts no more polls of a round once stopping, and leaves their slot to the next start', async () => {
    const feeds = [1, 2, 3, 4, 5, 6];
    server = await startTestHttpServer(
      Object.fromEntries(
        feeds.map((n) => [
          `/feed${n}.xml`,
          async (_req: unknown, res: { end(body: string): void }) => {
            await new Promise((resolve) => setTimeout(resolve, 300));
            res.end(FEED(n));
          },
        ]),
      ),
    );
    const sources = feeds.map((n) => `  - { id: f${n}, url: "${server!.url(`/feed${n}.xml`)}" }`).join('\n');
    const { app, config } = await startTestApp(`sources:\n${sources}\npolling: { allowLoopback: true }`);
    apps.push(app);
    const slot = '2026-11-30T09:15';
    const round = app.services.poller.pollAll({ slot });
    await expect.poll(() => server!.requests.length).toBeGreaterThan(0);
    // SIGTERM: the polls in flight finish, the rest of the round is not started.
    app.services.poller.stop();
    const outcomes = await round;
    const polled = outcomes.filter((outcome) => outcome.result === 'new').map((outcome) => outcome.sourceId);
    expect(polled.length).toBeGreaterThan(0);
    expect(polled.length).toBeLessThan(feeds.length);
    expect(server.requests).toHaveLength(polled.length);
    // The next start, in the same minute, polls the others at once instead of waiting for a lease.
    const next = await createApp(config, { logger: createMemoryLogger() });
    apps.push(next);
    const rest = await next.services.poller.pollAll({ slot });
    expect(rest.filter((outcome) => outcome.result === 'new')).toHaveLength(feeds.length - polled.length);
  });
});
