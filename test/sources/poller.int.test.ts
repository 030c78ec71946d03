import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../../src/app/container.js';
import { startTestHttpServer, type TestHttpServer } from '../helpers/test-http-server.js';
import { startTestApp } from '../helpers/test-app.js';

let server: TestHttpServer;
let app: App;
afterEach(async () => {
  await app?.close();
  await server?.close();
});

function rss(items: { title: string; link: string; body: string }[]): string {
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Test Wire</title><link>http://example.com/</link>${items
    .map(
      (item) =>
        `<item><title>${item.title}</title><link>${item.link}</link><guid>${item.link}</guid><pubDate>Fri, 27 Nov 2026 08:00:00 GMT</pubDate><description><![CDATA[${item.body}]]></description></item>`,
    )
    .join('')}</channel></rss>`;
}

const LONG_BODY =
  '<p>The harbour board approved the dredging plan on Thursday after a long debate about its cost and its effect on the bay.</p>' +
  '<p>"This is the most important decision the board has taken in a decade," said Harbour Master Petra Lindqvist.</p>' +
  '<p>Lindqvist said work would start in the spring and last two years, and that the board would publish monthly reports on the state of the water.</p>';

describe('Poller against a local HTTP server', () => {
  it('stores new feed items with their quotes, then uses a conditional GET', async () => {
    server = await startTestHttpServer({
      '/feed.xml': (req, res) => {
        if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304).end();
        res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' });
        res.end(rss([{ title: 'Board approves dredging', link: server.url('/a/1'), body: LONG_BODY }]));
      },
    });
    ({ app } = await startTestApp(
      `sources:\n  - { id: wire, url: "${server.url('/feed.xml')}" }\npolling: { allowLoopback: true }`,
    ));
    const { poller, articles, statuses, quotes } = app.services;

    expect(await poller.pollAll({ force: true })).toEqual([
      { sourceId: 'wire', result: 'new', newArticles: 1 },
    ]);
    const status = await statuses.get('wire');
    expect(status).toMatchObject({ kind: 'feed', title: 'Test Wire', lastError: null, articlesStored: 1 });
    const recent = await articles.seenSince(new Date(0), new Date(Date.now() + 1000));
    expect(recent[0]).toMatchObject({
      title: 'Board approves dredging',
      source: 'Test Wire',
      sourceId: 'wire',
    });
    expect(recent[0]!.text).toContain('most important decision');

    const found = await quotes.search('lindqvist');
    expect(found.kind).toBe('found');

    expect(await poller.pollAll({ force: true })).toEqual([
      { sourceId: 'wire', result: 'unchanged', newArticles: 0 },
    ]);
    expect(server.requests.at(-1)?.headers['if-none-match']).toBe('"v1"');
  });

  it('stores two feeds\' different stories that share a guid such as "1001"', async () => {
    const numbered = (title: string, body: string) =>
      `<?xml version="1.0"?><rss version="2.0"><channel><title>${title}</title><item><title>${title}</title><guid>1001</guid><description><![CDATA[${body}]]></description></item></channel></rss>`;
    server = await startTestHttpServer({
      '/harbour.xml': (_req, res) => res.end(numbered('Harbour board approves dredging', LONG_BODY)),
      '/school.xml': (_req, res) =>
        res.end(
          numbered(
            'School board approves a library',
            '<p>"Every child in this district deserves a modern library close to home," said Lena Board, the chair.</p>',
          ),
        ),
    });
    ({ app } = await startTestApp(
      `sources:\n  - { id: harbour, url: "${server.url('/harbour.xml')}" }\n  - { id: school, url: "${server.url('/school.xml')}" }\npolling: { allowLoopback: true }`,
    ));
    const outcomes = await app.services.poller.pollAll({ force: true });
    expect(outcomes).toEqual(
      expect.arrayContaining([
        { sourceId: 'harbour', result: 'new', newArticles: 1 },
        { sourceId: 'school', result: 'new', newArticles: 1 },
      ]),
    );
    expect((await app.services.quotes.search('lena board')).kind).toBe('found');
  });

  it('keeps polling the other sources when one fails, and backs the failing one off', async () => {
    server = await startTestHttpServer({
      '/good.xml': (_req, res) =>
        res.end(rss([{ title: 'Good news', link: server.url('/a/good'), body: LONG_BODY }])),
      '/broken.xml': (_req, res) => res.writeHead(500, { 'content-type': 'text/plain' }).end('oops'),
    });
    ({ app } = await startTestApp(
      `sources:\n  - { id: broken, url: "${server.url('/broken.xml')}" }\n  - { id: good, url: "${server.url('/good.xml')}" }\npolling: { allowLoopback: true }`,
    ));
    const { poller, statuses } = app.services;
    const outcomes = await poller.pollAll({ slot: '2026-11-30T09:00' });
    expect(outcomes.find((o) => o.sourceId === 'good')).toMatchObject({ result: 'new', newArticles: 1 });
    expect(outcomes.find((o) => o.sourceId === 'broken')).toMatchObject({ result: 'failed' });
    const broken = await statuses.get('broken');
    expect(broken.lastError).toMatch(/500/);
    expect(broken.consecutiveFailures).toBe(1);
    expect(Date.parse(broken.nextAttemptAt!)).toBeGreaterThan(Date.now());

    const requestsBefore = server.requests.filter((r) => r.url === '/broken.xml').length;
    const again = await poller.pollAll({ slot: '2026-11-30T09:15' });
    expect(again.find((o) => o.sourceId === 'broken')).toMatchObject({ result: 'waiting' });
    expect(server.requests.filter((r) => r.url === '/broken.xml').length).toBe(requestsBefore);
  });

  it('gives the outcomes in the order of the sources, whichever poll ends first', async () => {
    server = await startTestHttpServer({
      // The first source answers last: its outcome still comes first.
      '/slow.xml': async (_req, res) => {
        await new Promise((resolve) => setTimeout(resolve, 300));
        res.end(rss([{ title: 'Slow news', link: server.url('/a/slow'), body: LONG_BODY }]));
      },
      '/fast.xml': (_req, res) => res.end(rss([])),
      '/faster.xml': (_req, res) => res.writeHead(500).end('oops'),
    });
    ({ app } = await startTestApp(
      `sources:\n  - { id: slow, url: "${server.url('/slow.xml')}" }\n  - { id: fast, url: "${server.url('/fast.xml')}" }\n  - { id: faster, url: "${server.url('/faster.xml')}" }\npolling: { allowLoopback: true }`,
    ));
    const outcomes = await app.services.poller.pollAll({ force: true });
    expect(outcomes.map((outcome) => [outcome.sourceId, outcome.result])).toEqual([
      ['slow', 'new'],
      ['fast', 'unchanged'],
      ['faster', 'failed'],
    ]);
  });

  it('refuses a web page where a feed was (a maintenance page), stores nothing of it, and recovers', async () => {
    let maintenance = false;
    server = await startTestHttpServer({
      '/feed.xml': (_req, res) => {
        if (!maintenance)
          return void res.end(rss([{ title: 'Harbour', link: server.url('/a/1'), body: LONG_BODY }]));
        // A page with enough text to pass for an article.
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(
          `<html><head><title>Down for maintenance</title></head><body><article><h1>We'll be back soon</h1>${LONG_BODY}</article></body></html>`,
        );
      },
    });
    ({ app } = await startTestApp(
      `sources:\n  - { id: wire, url: "${server.url('/feed.xml')}" }\npolling: { allowLoopback: true, completeTeasers: false }`,
    ));
    const { poller, statuses, articles } = app.services;
    expect(await poller.pollAll({ force: true })).toMatchObject([{ result: 'new', newArticles: 1 }]);
    maintenance = true;
    const [outcome] = await poller.pollAll({ force: true });
    expect(outcome).toMatchObject({ result: 'failed' });
    expect(outcome!.error).toBe(
      `${server.url('/feed.xml')} answered with a web page instead of its feed (a maintenance or bot-check page?), Quotewire will retry with backoff`,
    );
    expect(await statuses.get('wire')).toMatchObject({
      kind: 'feed',
      lastProblem: { code: 'feed-served-page' },
    });
    const stored = await articles.seenSince(new Date(0), new Date(Date.now() + 1000));
    expect(stored.map((article) => article.title)).toEqual(['Harbour']);
    maintenance = false;
    expect(await poller.pollAll({ force: true })).toMatchObject([{ result: 'unchanged' }]);
  });

  it('reports a source that disappears and keeps its articles', async () => {
    let gone = false;
    server = await startTestHttpServer({
      '/feed.xml': (_req, res) => {
        if (gone) return void res.writeHead(404).end('gone');
        res.end(rss([{ title: 'Still here', link: server.url('/a/2'), body: LONG_BODY }]));
      },
    });
    ({ app } = await startTestApp(
      `sources:\n  - { id: wire, url: "${server.url('/feed.xml')}" }\npolling: { allowLoopback: true }`,
    ));
    await app.services.poller.pollAll({ force: true });
    gone = true;
    const [outcome] = await app.services.poller.pollAll({ force: true });
    expect(outcome).toMatchObject({ result: 'failed', error: expect.stringMatching(/404/) });
    const stored = await app.services.articles.seenSince(new Date(0), new Date(Date.now() + 1000));
    expect(stored.map((a) => a.title)).toEqual(['Still here']);
  });

  it('completes teaser items from the linked page and drops the same story seen in two feeds', async () => {
    const page = `<!doctype html><html><head><title>Dredging plan approved</title></head><body><nav>Home | World</nav><article><h1>Dredging plan approved</h1>${LONG_BODY}<p>The vote was seven to two, with two members absent.</p></article><footer>Comments (3)</footer></body></html>`;
    server = await startTestHttpServer({
      '/teasers.xml': (_req, res) =>
        res.end(
          rss([{ title: 'Dredging plan approved', link: server.url('/story'), body: 'The board voted.' }]),
        ),
      '/mirror.xml': (_req, res) =>
        res.end(
          rss([
            {
              title: 'Dredging plan approved',
              link: server.url('/story?utm_source=rss'),
              body: 'The board voted.',
            },
          ]),
        ),
      '/story': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(page),
    });
    ({ app } = await startTestApp(
      `sources:\n  - { id: teasers, url: "${server.url('/teasers.xml')}" }\n  - { id: mirror, url: "${server.url('/mirror.xml')}" }\npolling: { allowLoopback: true, teaserMaxWords: 20 }`,
    ));
    const outcomes = await app.services.poller.pollAll({ force: true });
    expect(outcomes.reduce((sum, o) => sum + o.newArticles, 0)).toBe(1);
    const [article] = await app.services.articles.seenSince(new Date(0), new Date(Date.now() + 1000));
    expect(article!.text).toContain('seven to two');
    expect(article!.text).not.toContain('Comments (3)');
  });
});

describe('Poller schedules', () => {
  it('polls only the sources on the schedule that fired, and joins a poll already running', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    server = await startTestHttpServer({
      '/fast.xml': (_req, res) =>
        res.end(rss([{ title: 'Fast', link: server.url('/a/f'), body: LONG_BODY }])),
      '/slow.xml': async (_req, res) => {
        await gate;
        res.end(rss([{ title: 'Slow', link: server.url('/a/s'), body: LONG_BODY }]));
      },
    });
    ({ app } = await startTestApp(
      `sources:\n  - { id: fast, url: "${server.url('/fast.xml')}" }\n  - { id: slow, url: "${server.url('/slow.xml')}", schedule: "0 * * * *" }\npolling: { allowLoopback: true, schedule: "*/5 * * * *" }`,
    ));
    const { poller, catalog } = app.services;
    expect((await poller.pollAll({ schedule: '*/5 * * * *' })).map((o) => o.sourceId)).toEqual(['fast']);

    const slow = (await catalog.get('slow'))!;
    const first = poller.pollSource(slow, true);
    const second = poller.pollSource(slow, true);
    expect(second).toBe(first);
    release();
    expect(await first).toMatchObject({ sourceId: 'slow', result: 'new', newArticles: 1 });
    expect(server.requests.filter((r) => r.url === '/slow.xml')).toHaveLength(1);
  });
});
