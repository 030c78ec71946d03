import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeXml, OpmlError, parseOpml, writeOpml } from '../../src/sources/opml.js';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures/opml', name), 'utf8');

describe('reading OPML', () => {
  it('reads a Feedly export: OPML 1.0, feeds inside categories, entities in titles and URLs', () => {
    const document = parseOpml(fixture('feedly.opml'));
    expect(document.title).toBe('Jamie subscriptions in feedly Cloud');
    expect(document.feeds).toEqual([
      {
        xmlUrl: 'https://notes.example.org/feed.xml',
        title: 'Lighthouse Notes',
        htmlUrl: 'https://notes.example.org',
        category: 'Tech',
      },
      {
        xmlUrl: 'https://qa.example.net/rss?format=xml&lang=en',
        title: 'Q&A Weekly',
        htmlUrl: 'https://qa.example.net/',
        category: 'Tech',
      },
      {
        xmlUrl: 'https://harbour.example.com/world/rss',
        title: 'Harbour Gazette',
        htmlUrl: 'https://harbour.example.com',
        category: 'World',
      },
    ]);
  });

  it('reads a Miniflux export: feeds with no type attribute, escaped markup in titles', () => {
    const { feeds } = parseOpml(fixture('miniflux.opml'));
    expect(feeds.map((feed) => [feed.title, feed.xmlUrl, feed.category])).toEqual([
      ['Orchard Weekly', 'https://orchard.example.com/atom.xml', 'All'],
      ['City <Hall> Bulletin', 'https://city.example.com/bulletin.rss', 'Local'],
    ]);
  });

  it('reads a FreshRSS export: its own namespace, type atom, categories nested twice', () => {
    const { feeds } = parseOpml(fixture('freshrss.opml'));
    expect(feeds.map((feed) => [feed.title, feed.xmlUrl, feed.htmlUrl, feed.category])).toEqual([
      ['Valley Radio', 'https://radio.example.org/news.rss', 'https://radio.example.org/', 'Uncategorized'],
      ['Deep Sea Log', 'https://sea.example.org/feed/', 'https://sea.example.org/', 'Science & Nature'],
      ['Fern Society', 'https://ferns.example.org/atom', null, 'Science & Nature / Nested'],
    ]);
  });

  it('says plainly when a file is not OPML', () => {
    expect(() => parseOpml('<rss version="2.0"><channel/></rss>')).toThrow(
      'the file is <rss> XML, not OPML; export your feeds as OPML from your reader',
    );
    expect(() => parseOpml('name,url\nA,https://a.example/feed')).toThrow(OpmlError);
    expect(() => parseOpml('<opml version="2.0"><head/></opml>')).toThrow(/no <body>/);
    expect(parseOpml('<opml version="2.0"><body/></opml>').feeds).toEqual([]);
  });

  it('does not expand DTD entities (no billion laughs)', () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>
<opml version="2.0"><body><outline text="&b;" xmlUrl="https://x.example/feed"/></body></opml>`;
    const title = parseOpml(bomb).feeds[0]?.title ?? '';
    expect(title.length).toBeLessThan(20);
  });
});

describe('writing OPML', () => {
  it('writes OPML 2.0 with every attribute escaped, which reads back to the same feeds', () => {
    const feeds = [
      {
        xmlUrl: 'https://a.example/feed?x=1&y="2"',
        title: "Tom & Jerry <News> 'daily'",
        htmlUrl: 'https://a.example/',
      },
      { xmlUrl: 'https://b.example/rss', title: null, htmlUrl: null },
      { xmlUrl: 'https://c.example/rss', title: 'Line\nbreak\u0001', htmlUrl: null },
    ];
    const text = writeOpml('Quotewire & friends', feeds, new Date('2026-11-30T12:00:00Z'));
    expect(text).toMatch(
      /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<opml version="2\.0">\n {2}<head>\n {4}<title>Quotewire &amp; friends<\/title>/,
    );
    expect(text).toContain('<dateCreated>Mon, 30 Nov 2026 12:00:00 GMT</dateCreated>');
    expect(text).toContain(
      '<outline type="rss" text="Tom &amp; Jerry &lt;News&gt; &apos;daily&apos;" title="Tom &amp; Jerry &lt;News&gt; &apos;daily&apos;" xmlUrl="https://a.example/feed?x=1&amp;y=&quot;2&quot;" htmlUrl="https://a.example/"/>',
    );
    const back = parseOpml(text);
    expect(back.title).toBe('Quotewire & friends');
    expect(back.feeds).toEqual([
      {
        xmlUrl: 'https://a.example/feed?x=1&y="2"',
        title: "Tom & Jerry <News> 'daily'",
        htmlUrl: 'https://a.example/',
        category: null,
      },
      // A feed with no title is named by its address, as readers expect a text attribute.
      { xmlUrl: 'https://b.example/rss', title: 'https://b.example/rss', htmlUrl: null, category: null },
      { xmlUrl: 'https://c.example/rss', title: 'Line\nbreak', htmlUrl: null, category: null },
    ]);
  });

  it('round-trips each reader’s export through Quotewire’s writer', () => {
    for (const name of ['feedly.opml', 'miniflux.opml', 'freshrss.opml']) {
      const feeds = parseOpml(fixture(name)).feeds;
      const again = parseOpml(writeOpml('t', feeds, new Date())).feeds;
      expect(again.map(({ xmlUrl, title, htmlUrl }) => ({ xmlUrl, title, htmlUrl }))).toEqual(
        feeds.map(({ xmlUrl, title, htmlUrl }) => ({ xmlUrl, title, htmlUrl })),
      );
    }
  });

  it('escapes the five XML characters and drops those XML cannot hold', () => {
    expect(escapeXml(`<a href="x">&'</a>\u0000\u001b`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;',
    );
  });
});
