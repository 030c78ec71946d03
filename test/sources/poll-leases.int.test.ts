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
});
