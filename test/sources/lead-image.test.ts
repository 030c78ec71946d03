import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../../src/app/container.js';
import { startTestApp } from '../helpers/test-app.js';
import { startTestHttpServer, type TestHttpServer } from '../helpers/test-http-server.js';
import { safeImageUrl } from '../../src/articles/image-url.js';
import { parseFeed } from '../../src/sources/feed-parser.js';
import { extractPage } from '../../src/sources/page-extractor.js';

const BODY = `<p>${'The council voted on the new bridge after a long debate about its cost. '.repeat(6)}</p>`;

describe('the lead image of an article', () => {
  it('comes from Media RSS, preferring the largest image rendition, then thumbnails and enclosures', () => {
    const feed = parseFeed(
      `<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Wire</title>
      <link>https://wire.example/</link>
      <item><title>Media</title><link>https://wire.example/1</link>
        <media:content url="https://wire.example/clip.mp4" type="video/mp4"/>
        <media:content url="/img/small.jpg" medium="image" width="320"/>
        <media:content url="/img/large.jpg" medium="image" width="1280"/></item>
      <item><title>Thumbnail in a group</title><link>https://wire.example/2</link>
        <media:group><media:thumbnail url="https://cdn.example/t.png"/></media:group></item>
      <item><title>Enclosures</title><link>https://wire.example/3</link>
        <enclosure url="https://wire.example/a.mp3" type="audio/mpeg" length="1"/>
        <enclosure url="https://wire.example/e.webp" type="image/webp" length="1"/></item>
      <item><title>Hostile</title><link>https://wire.example/4</link>
        <media:content url="javascript:alert(1)" medium="image"/>
        <media:thumbnail url="data:image/png;base64,AAAA"/>
        <enclosure url="http://127.0.0.1/x.jpg" type="image/jpeg"/></item>
      <item><title>None</title><link>https://wire.example/5</link></item>
      </channel></rss>`,
      'https://wire.example/feed.xml',
    );
    expect(feed.items.map((item) => item.image)).toEqual([
      'https://wire.example/img/large.jpg',
      'https://cdn.example/t.png',
      'https://wire.example/e.webp',
      null,
      null,
    ]);
  });

  it('comes from Atom enclosure links and JSON Feed images', () => {
    const atom = parseFeed(
      `<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><id>x</id>
      <entry><id>1</id><title>One</title><link href="https://a.example/1"/>
      <link rel="enclosure" type="image/jpeg" href="https://a.example/1.jpg"/></entry></feed>`,
      'https://a.example/feed',
    );
    expect(atom.items[0]!.image).toBe('https://a.example/1.jpg');
    const json = parseFeed(
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'J',
        items: [
          { id: '1', url: 'https://j.example/1', image: 'pics/1.png' },
          {
            id: '2',
            url: 'https://j.example/2',
            attachments: [{ url: 'https://j.example/2.gif', mime_type: 'image/gif' }],
          },
          { id: '3', url: 'https://j.example/3', image: 42 },
        ],
      }),
      'https://j.example/feed.json',
    );
    expect(json.items.map((item) => item.image)).toEqual([
      'https://j.example/pics/1.png',
      'https://j.example/2.gif',
      null,
    ]);
  });

  it('comes from a page’s og:image or twitter:image, resolved against the page', () => {
    const page = (head: string) =>
      extractPage(
        `<html><head><title>T</title>${head}</head><body><article>${BODY}</article></body></html>`,
        'https://n.example/a/b',
      );
    expect(page('<meta property="og:image" content="/i/lead.jpg">').image).toBe(
      'https://n.example/i/lead.jpg',
    );
    expect(page('<meta name="twitter:image" content="https://cdn.example/t.jpg">').image).toBe(
      'https://cdn.example/t.jpg',
    );
    expect(page('<meta property="og:image" content="javascript:alert(1)">').image).toBeNull();
    expect(page('').image).toBeNull();
  });

  it('refuses every address a platform should not be handed', () => {
    for (const bad of [
      'javascript:alert(1)',
      'data:image/png;base64,AAAA',
      'file:///etc/passwd',
      'ftp://x.example/a.jpg',
      'https://user:pw@x.example/a.jpg',
      'http://localhost/a.jpg',
      'http://10.0.0.1/a.jpg',
      'http://[::1]/a.jpg',
      'https://x.example/a b.jpg',
      `https://x.example/${'a'.repeat(2100)}.jpg`,
      '',
      42,
    ]) {
      expect(safeImageUrl(bad), String(bad).slice(0, 40)).toBeNull();
    }
    expect(safeImageUrl('HTTPS://X.example/a.jpg')).toBe('https://x.example/a.jpg');
  });
});

describe('the lead image from the feed to the digest', () => {
  let server: TestHttpServer;
  let app: App;
  afterEach(async () => {
    await app?.close();
    await server?.close();
  });

  it('is stored with the article and shown with its story; a teaser takes the page’s og:image', async () => {
    server = await startTestHttpServer({
      '/feed.xml': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.end(`<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Wire</title>
          <item><title>Council approves the bridge</title><link>${server.url('/a/1')}</link>
            <description>${BODY.replace(/</g, '&lt;')}</description>
            <media:content url="https://cdn.example/bridge.jpg" medium="image"/></item>
          <item><title>Harbour dredging starts</title><link>${server.url('/a/2')}</link>
            <description>Short teaser.</description></item>
          </channel></rss>`);
      },
      '/a/2': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(
          `<html><head><title>Harbour</title><meta property="og:image" content="https://cdn.example/harbour.jpg"></head>` +
            `<body><article><p>${'Dredgers arrived at the harbour mouth on Tuesday morning, and fishermen watched them from the pier. '.repeat(6)}</p></article></body></html>`,
        );
      },
    });
    ({ app } = await startTestApp(
      `sources:\n  - { id: wire, url: "${server.url('/feed.xml')}" }\npolling: { allowLoopback: true }`,
    ));
    await app.services.poller.pollAll();
    const articles = await app.services.articles.seenSince(new Date(0), new Date(Date.now() + 60_000));
    expect(Object.fromEntries(articles.map((article) => [article.title, article.image]))).toEqual({
      'Council approves the bridge': 'https://cdn.example/bridge.jpg',
      'Harbour dredging starts': 'https://cdn.example/harbour.jpg',
    });
    const digest = await app.services.digests.build(new Date(Date.now() + 1_000));
    expect(digest.stories.map((story) => story.image).sort()).toEqual([
      'https://cdn.example/bridge.jpg',
      'https://cdn.example/harbour.jpg',
    ]);
  });
});
