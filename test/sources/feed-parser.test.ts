import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeBody } from '../../src/sources/decode-body.js';
import { parseFeedDate } from '../../src/sources/feed-date.js';
import { FeedParseError, parseFeed, type ParsedFeed } from '../../src/sources/feed-parser.js';

const FEED_URL = 'https://news.example/feeds/main.xml';

/** Parses and fails the test with the refusal message if the feed is refused. */
function parse(text: string, feedUrl = FEED_URL): ParsedFeed {
  return parseFeed(text, feedUrl);
}

function refusal(text: string, feedUrl = FEED_URL): FeedParseError {
  try {
    parseFeed(text, feedUrl);
  } catch (error) {
    if (error instanceof FeedParseError) return error;
    throw error;
  }
  throw new Error('expected the feed to be refused');
}

const RSS2 = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>Example News</title>
    <link>https://news.example/</link>
    <description>All the news</description>
    <item>
      <title>Minister resigns</title>
      <link>https://news.example/2024/minister-resigns</link>
      <guid isPermaLink="false">story-1</guid>
      <pubDate>Tue, 05 Mar 2024 14:30:00 +0100</pubDate>
      <dc:creator>Jane Reporter</dc:creator>
      <category>Politics</category>
      <category>Politics</category>
      <category>Europe</category>
      <description>&lt;p&gt;The minister &lt;b&gt;resigned&lt;/b&gt; today.&lt;/p&gt;</description>
      <content:encoded><![CDATA[<p>Full story: the minister <a href="/people/minister">resigned</a>.</p>]]></content:encoded>
    </item>
    <item>
      <title>Second story</title>
      <guid>https://news.example/2024/second</guid>
      <author>desk@news.example (News Desk)</author>
      <pubDate>Wed, 06 Mar 2024 09:00:00 GMT</pubDate>
    </item>
  </channel>
</rss>`;

describe('parseFeed: RSS 2.0', () => {
  const feed = parse(RSS2);
  const [first, second] = feed.items;

  it('reads the channel', () => {
    expect(feed).toMatchObject({ format: 'rss', title: 'Example News', link: 'https://news.example/' });
    expect(feed.items).toHaveLength(2);
  });

  it('reads every item field', () => {
    expect(first).toEqual({
      guid: 'story-1',
      link: 'https://news.example/2024/minister-resigns',
      title: 'Minister resigns',
      published: '2024-03-05T13:30:00.000Z',
      author: 'Jane Reporter',
      contentHtml:
        '<p>Full story: the minister <a href="https://news.example/people/minister">resigned</a>.</p>',
      summaryHtml: '<p>The minister <b>resigned</b> today.</p>',
      contentText: null,
      categories: ['Politics', 'Europe'],
      image: null,
    });
  });

  it('uses a permalink guid as the link and the name from an RSS author', () => {
    expect(second?.link).toBe('https://news.example/2024/second');
    expect(second?.author).toBe('News Desk');
    expect(second?.published).toBe('2024-03-06T09:00:00.000Z');
  });

  it('does not make a link of a guid that is not a whole address', () => {
    const feed = parse(`<rss version="2.0"><channel><title>G</title><link>https://news.example/</link>
<item><title>Numbered</title><guid>1001</guid></item>
<item><title>Slug</title><guid>story-2</guid></item>
<item><title>Address</title><guid>https://news.example/2024/third</guid></item>
<item><title>Path</title><guid>/2024/fourth</guid></item></channel></rss>`);
    expect(feed.items.map((entry) => entry.link)).toEqual([
      null,
      null,
      'https://news.example/2024/third',
      'https://news.example/2024/fourth',
    ]);
    expect(feed.items.map((entry) => entry.guid)).toEqual([
      '1001',
      'story-2',
      'https://news.example/2024/third',
      '/2024/fourth',
    ]);
  });

  it("reads a podcast episode's itunes:summary when it has no description", () => {
    const feed =
      parse(`<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel><title>P</title>
<item><title>Ep 14</title><itunes:summary>Host Kay Cast on the budget &amp; more.</itunes:summary><enclosure url="https://news.example/ep14.mp3" type="audio/mpeg"/></item></channel></rss>`);
    expect(feed.items[0]?.summaryHtml).toBe('Host Kay Cast on the budget &amp; more.');
  });

  it('keeps duplicate guids (de-duplication happens later)', () => {
    const item = '<item><title>Same</title><guid>dup-1</guid></item>';
    const dupes = parse(`<rss version="2.0"><channel><title>D</title>${item}${item}</channel></rss>`);
    expect(dupes.items.map((entry) => entry.guid)).toEqual(['dup-1', 'dup-1']);
  });

  it('ignores items illegally nested inside other items', () => {
    const nested = parse(
      '<rss version="2.0"><channel><title>N</title><item><title>Outer</title><item/></item><item><title>Next</title></item></channel></rss>',
    );
    expect(nested.items.map((entry) => entry.title)).toEqual(['Outer', 'Next']);
  });

  it('reads RSS 0.91 with a Netscape DOCTYPE', () => {
    const old = parse(`<?xml version="1.0"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91"><channel><title>Old&nbsp;School</title><link>http://old.example/</link>
<item><title>Caf&eacute; opens</title><link>http://old.example/cafe</link></item></channel></rss>`);
    // Titles are one line of ordinary spaces; the no-break space is normalised too.
    expect(old.title).toBe('Old School');
    expect(old.items[0]).toMatchObject({ title: 'Café opens', link: 'http://old.example/cafe' });
  });
});

describe('parseFeed: RSS 1.0 / RDF', () => {
  const rdf = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
  <channel rdf:about="https://rdf.example/">
    <title>RDF Site</title>
    <link>https://rdf.example/</link>
    <items><rdf:Seq><rdf:li rdf:resource="https://rdf.example/a"/></rdf:Seq></items>
  </channel>
  <item rdf:about="https://rdf.example/a">
    <title>Story A</title>
    <link>https://rdf.example/a</link>
    <description>Summary of A</description>
    <dc:date>2023-08-24T09:29:07+00:00</dc:date>
    <dc:creator>Ann</dc:creator>
    <dc:subject>Science</dc:subject>
  </item>
</rdf:RDF>`;

  it('reads items that sit beside the channel', () => {
    const feed = parse(rdf);
    expect(feed).toMatchObject({ format: 'rdf', title: 'RDF Site', link: 'https://rdf.example/' });
    expect(feed.items).toEqual([
      {
        guid: 'https://rdf.example/a',
        link: 'https://rdf.example/a',
        title: 'Story A',
        published: '2023-08-24T09:29:07.000Z',
        author: 'Ann',
        contentHtml: null,
        summaryHtml: 'Summary of A',
        contentText: null,
        categories: ['Science'],
        image: null,
      },
    ]);
  });
});

describe('parseFeed: Atom', () => {
  const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example/">
  <title type="text">A &amp; B Blog</title>
  <link rel="self" href="/atom.xml"/>
  <link rel="alternate" type="text/html" href="/"/>
  <author><name>Feed Author</name></author>
  <updated>2024-01-02T00:00:00Z</updated>
  <id>urn:uuid:feed</id>
  <entry xml:base="posts/">
    <title type="html">&lt;em&gt;Hello&lt;/em&gt; world</title>
    <link rel="edit" href="/edit/1"/>
    <link rel="alternate" type="text/html" href="hello"/>
    <id>tag:blog.example,2024:1</id>
    <published>2024-01-01T10:00:00+02:00</published>
    <updated>2024-01-02T10:00:00Z</updated>
    <category term="tech" label="Technology"/>
    <summary type="text">Plain &lt;summary&gt;</summary>
    <content type="xhtml" xml:base="/media/">
      <div xmlns="http://www.w3.org/1999/xhtml"><p>Look: <img src="pic.png"/> and <a href="/about">about</a></p></div>
    </content>
  </entry>
  <entry>
    <title>Text content</title>
    <id>tag:blog.example,2024:2</id>
    <author><name>Guest</name></author>
    <updated>2024-01-03T00:00:00Z</updated>
    <content type="text">Just text &amp; more</content>
  </entry>
</feed>`;
  const feed = parse(atom);
  const [first, second] = feed.items;

  it('reads the feed', () => {
    expect(feed).toMatchObject({ format: 'atom', title: 'A & B Blog', link: 'https://blog.example/' });
  });

  it('resolves links against nested xml:base and prefers the alternate link', () => {
    expect(first?.link).toBe('https://blog.example/posts/hello');
  });

  it('reads text constructs by type', () => {
    expect(first?.title).toBe('Hello world');
    expect(first?.summaryHtml).toBe('Plain &lt;summary&gt;');
    expect(first?.contentHtml).toBe(
      '<p>Look: <img src="https://blog.example/media/pic.png"> and <a href="https://blog.example/about">about</a></p>',
    );
    expect(second?.contentText).toBe('Just text & more');
    expect(second?.contentHtml).toBeNull();
  });

  it('prefers published over updated and inherits the feed author', () => {
    expect(first?.published).toBe('2024-01-01T08:00:00.000Z');
    expect(first?.author).toBe('Feed Author');
    expect(second?.author).toBe('Guest');
    expect(second?.published).toBe('2024-01-03T00:00:00.000Z');
    expect(first?.categories).toEqual(['Technology']);
  });

  it('reads Atom under a non-default prefix, and entries under yet another', () => {
    const prefixed = parse(`<a:feed xmlns:a="http://www.w3.org/2005/Atom"><a:title>Prefixed</a:title>
      <p0:entry xmlns:p0="http://www.w3.org/2005/Atom"><p0:title>Entry</p0:title>
      <p0:link href="https://p.example/1"/><p0:id>1</p0:id></p0:entry></a:feed>`);
    expect(prefixed.title).toBe('Prefixed');
    expect(prefixed.items[0]).toMatchObject({ title: 'Entry', link: 'https://p.example/1', guid: '1' });
  });

  it('renders only real XHTML elements of xhtml content', () => {
    const mixed = parse(`<feed xmlns="http://www.w3.org/2005/Atom" xmlns:h="http://www.w3.org/1999/xhtml">
      <title>X</title><entry><title>E</title><content type="xhtml"><h:div xmlns="urn:not-html">
      <h:b>bold</h:b> <ul><li>not a list</li></ul></h:div></content></entry></feed>`);
    const html = mixed.items[0]?.contentHtml ?? '';
    expect(html).toContain('<b>bold</b>');
    expect(html).not.toContain('<ul>');
    expect(html).toContain('not a list');
  });

  it('falls back to a Media RSS description (video feeds carry nothing else)', () => {
    const video = parse(
      `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/">
      <title>Channel</title><entry><title>Clip</title><link rel="alternate" href="https://v.example/1"/>
      <media:group><media:description>Watch <this></media:description></media:group></entry></feed>`.replace(
        '<this>',
        '&lt;this&gt;',
      ),
    );
    expect(video.items[0]?.summaryHtml).toBe('Watch &lt;this&gt;');
  });

  it('reads Atom 0.3', () => {
    const old = parse(`<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Old Atom</title>
      <link rel="alternate" type="text/html" href="http://old.example/"/>
      <entry><title>Entry</title><link rel="alternate" type="text/html" href="http://old.example/1"/>
      <issued>2005-10-13T18:30:02Z</issued><modified>2005-10-14T18:30:02Z</modified>
      <content type="text/html" mode="escaped">&lt;p&gt;Hi&lt;/p&gt;</content></entry></feed>`);
    expect(old).toMatchObject({ format: 'atom', title: 'Old Atom', link: 'http://old.example/' });
    expect(old.items[0]).toMatchObject({
      link: 'http://old.example/1',
      published: '2005-10-13T18:30:02.000Z',
      contentHtml: '<p>Hi</p>',
    });
  });
});

describe('parseFeed: JSON Feed', () => {
  const json = JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'JSON News',
    home_page_url: 'https://json.example/',
    feed_url: 'https://json.example/feed.json',
    authors: [{ name: 'Feed Writer' }],
    items: [
      {
        id: 1,
        url: '/posts/1',
        title: 'First',
        content_html: '<p>Hi <img src="pic.png"></p>',
        summary: 'A <summary>',
        date_published: '2020-08-07T11:44:36-05:00',
        tags: ['a', 'b', 7],
      },
      { id: 'two', content_text: 'Only text here. It has no title.', date_modified: 'not a date' },
      'not an item',
    ],
  });

  it('reads the feed and its items', () => {
    const feed = parse(json);
    expect(feed).toMatchObject({ format: 'json-feed', title: 'JSON News', link: 'https://json.example/' });
    expect(feed.items).toHaveLength(2);
    expect(feed.items[0]).toEqual({
      guid: '1',
      link: 'https://json.example/posts/1',
      title: 'First',
      published: '2020-08-07T16:44:36.000Z',
      author: 'Feed Writer',
      contentHtml: '<p>Hi <img src="https://json.example/posts/pic.png"></p>',
      summaryHtml: 'A &lt;summary&gt;',
      contentText: null,
      categories: ['a', 'b'],
      image: null,
    });
    expect(feed.items[1]).toMatchObject({
      guid: 'two',
      link: null,
      title: 'Only text here. It has no title.',
      published: null,
      contentText: 'Only text here. It has no title.',
    });
  });

  it('resolves relative URLs against the fetch URL when the feed gives no absolute base', () => {
    const relative = JSON.stringify({
      version: 'https://jsonfeed.org/version/1',
      title: 'R',
      home_page_url: '/',
      items: [{ id: 'x', url: '/2020/post.html' }],
    });
    expect(parse(relative).items[0]?.link).toBe('https://news.example/2020/post.html');
  });
});

describe('parseFeed: relative links', () => {
  it('resolves against the channel link when there is no xml:base', () => {
    const feed = parse(`<rss version="2.0"><channel><title>R</title><link>https://site.example/blog/</link>
      <item><title>T</title><link>posts/1</link><description><![CDATA[<a href="x">x</a> <img srcset="a.png 1x, /b.png 2x"> <a href="#c">c</a>]]></description></item>
      </channel></rss>`);
    expect(feed.items[0]?.link).toBe('https://site.example/blog/posts/1');
    expect(feed.items[0]?.summaryHtml).toBe(
      '<a href="https://site.example/blog/x">x</a> <img srcset="https://site.example/blog/a.png 1x, https://site.example/b.png 2x"> <a href="#c">c</a>',
    );
  });

  it('prefers xml:base on the item over the channel link', () => {
    const feed = parse(`<rss version="2.0"><channel><title>R</title><link>https://site.example/</link>
      <item xml:base="https://cdn.example/first/"><title>T</title><link>post</link></item></channel></rss>`);
    expect(feed.items[0]?.link).toBe('https://cdn.example/first/post');
  });

  it('resolves a relative channel link against an absolute self link, then the fetch URL', () => {
    const withSelf =
      parse(`<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>R</title>
      <link>/news</link><atom:link rel="self" href="https://real.example/news/rss"/>
      <item><title>T</title><link>/news/1</link></item></channel></rss>`);
    expect(withSelf.link).toBe('https://real.example/news');
    expect(withSelf.items[0]?.link).toBe('https://real.example/news/1');
    const without = parse(`<rss version="2.0"><channel><title>R</title><link>/news</link>
      <item><title>T</title><link>/news/1</link></item></channel></rss>`);
    expect(without.items[0]?.link).toBe('https://news.example/news/1');
  });

  it('treats an empty or fragment-only xml:base as no base at all', () => {
    for (const base of ['', '#top']) {
      const feed = parse(`<feed xmlns="http://www.w3.org/2005/Atom" xml:base="${base}"><title>F</title>
        <link rel="alternate" href="https://home.example/"/><entry><title>E</title><link href="/e/1"/></entry></feed>`);
      expect(feed.items[0]?.link).toBe('https://home.example/e/1');
    }
  });

  it('keeps only web links: a tag: URI is an id, not a link', () => {
    const feed = parse(`<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title>
      <entry><title>E</title><link href="tag:x.example,2024:1"/><id>tag:x.example,2024:1</id></entry></feed>`);
    expect(feed.items[0]).toMatchObject({ link: null, guid: 'tag:x.example,2024:1' });
  });
});

describe('parseFeed: missing fields', () => {
  it('derives a title from the body, and tolerates no link and no date', () => {
    const feed = parse(`<rss version="2.0"><channel><title>M</title>
      <item><description>&lt;p&gt;A body without a title. And more.&lt;/p&gt;</description></item>
      <item><title></title><link>https://m.example/only-link</link></item>
      <item/></channel></rss>`);
    expect(feed.items.map((item) => item.title)).toEqual([
      'A body without a title. And more.',
      'https://m.example/only-link',
      '(untitled)',
    ]);
    expect(feed.items[0]).toMatchObject({ link: null, published: null, guid: null, author: null });
  });

  it('cuts a long derived title at a sentence or word boundary', () => {
    const words = 'word '.repeat(60);
    const feed = parse(
      `<rss version="2.0"><channel><title>M</title><item><description>${words}</description></item></channel></rss>`,
    );
    const title = feed.items[0]?.title ?? '';
    expect(title.length).toBeLessThanOrEqual(101);
    expect(title.endsWith('word…')).toBe(true);
  });

  it('names a feed without a title after its host', () => {
    expect(
      parse('<rss version="2.0"><channel><link>https://untitled.example/</link></channel></rss>').title,
    ).toBe('untitled.example');
  });

  it('reads an unparseable date as null, not as a wrong date', () => {
    const feed = parse(
      '<rss version="2.0"><channel><title>D</title><item><title>T</title><pubDate>sometime soon</pubDate></item></channel></rss>',
    );
    expect(feed.items[0]?.published).toBeNull();
  });
});

describe('parseFeed: leniency', () => {
  it('repairs an unescaped & in an otherwise valid feed', () => {
    const feed = parse(`<rss version="2.0"><channel><title>Tom & Jerry</title>
      <item><title>Q&A</title><link>https://amp.example/?a=1&b=2</link></item></channel></rss>`);
    expect(feed.title).toBe('Tom & Jerry');
    expect(feed.items[0]).toMatchObject({ title: 'Q&A', link: 'https://amp.example/?a=1&b=2' });
  });

  it('decodes HTML entities no DTD declared, and titles escaped twice', () => {
    const feed = parse(
      '<rss version="2.0"><channel><title>It&rsquo;s&nbsp;news</title><item><title>Don&amp;#8217;t panic</title></item></channel></rss>',
    );
    expect(feed.title).toBe('It\u2019s news');
    expect(feed.items[0]?.title).toBe('Don\u2019t panic');
  });

  it('repairs unclosed <br> and <img> in descriptions, and junk after the document', () => {
    const feed = parse(`<rss version="2.0"><channel><title>B</title><link>https://b.example/</link>
      <item><title>T</title><description>one<br>two<img src="/i.png"></description></item></channel></rss>
      <script>tracker()</script>`);
    expect(feed.items[0]?.summaryHtml).toBe('one<br>two<img src="https://b.example/i.png">');
  });

  it('reads raw, broken HTML pasted into a description as the HTML it was meant to be', () => {
    const feed = parse(`<rss version="2.0"><channel><title>P</title>
      <item><title>A <i>slanted</i> view</title><description><p>Unclosed paragraph <b>bold</i> & more</description></item>
      <item><title>Next</title><description><![CDATA[<details><summary>S</summary></details>]]></description></item>
      </channel></rss>`);
    expect(feed.items[0]?.summaryHtml).toBe('<p>Unclosed paragraph <b>bold</i> & more');
    expect(feed.items[0]?.title).toBe('A <i>slanted</i> view');
    expect(feed.items[1]?.summaryHtml).toBe('<details><summary>S</summary></details>');
  });

  it('accepts whitespace before the XML declaration', () => {
    expect(
      parse('\n\n  <?xml version="1.0"?><rss version="2.0"><channel><title>W</title></channel></rss>').title,
    ).toBe('W');
  });

  it('reads RSS, CDATA and all, served as latin-1 inside gzip', () => {
    const xml =
      '<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>Ça va</title><item><title><![CDATA[Élysée & co]]></title></item></channel></rss>';
    const feed = parse(decodeBody(gzipSync(Buffer.from(xml, 'latin1'))));
    expect(feed.title).toBe('Ça va');
    expect(feed.items[0]?.title).toBe('Élysée & co');
  });
});

describe('parseFeed: hostile input', () => {
  it('passes a hostile title through as plain data, minus control characters', () => {
    const feed = parse(`<rss version="2.0"><channel><title>H</title><item>
      <title>&lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;bold&lt;/b&gt;\u0001\u0007 end</title>
      <link>javascript:alert(1)</link></item></channel></rss>`);
    expect(feed.items[0]?.title).toBe('<script>alert(1)</script> <b>bold</b> end');
    expect(feed.items[0]?.link).toBeNull();
  });

  it('does not expand DTD entities (billion laughs)', () => {
    const levels = Array.from({ length: 9 }, (_, level) => {
      const inner = level === 0 ? 'lol' : `&lol${level - 1};`.repeat(10);
      return `<!ENTITY lol${level} "${inner}">`;
    }).join('');
    const bomb = `<?xml version="1.0"?><!DOCTYPE rss [${levels}]><rss version="2.0"><channel><title>&lol8;</title>
      <item><title>a &lol8; b</title></item></channel></rss>`;
    const feed = parse(bomb);
    expect(feed.title.length).toBeLessThan(100);
    expect(feed.items[0]?.title.length).toBeLessThan(100);
  });

  it('refuses absurdly deep nesting without overflowing the stack', () => {
    const deep = `<rss version="2.0"><channel><title>D</title><item><description>${'<div>'.repeat(20000)}${'</div>'.repeat(20000)}</description></item></channel></rss>`;
    expect(refusal(deep).message).toMatch(/nests elements more than \d+ levels deep/);
  });

  // Whether the work stays linear is measured in linear-time.test.ts, by work per byte at three
  // sizes: a wall-clock limit here failed on a loaded machine without saying anything about growth.
  it('repairs a title of 200,000 bare ampersands', () => {
    const amps = `<rss version="2.0"><channel><title>${'& '.repeat(200000)}</title></channel></rss>`;
    expect(parse(amps).title.startsWith('& & &')).toBe(true);
  });

  it('reads prototype-polluting names as inert data', () => {
    const feed = parse(
      '<rss version="2.0"><channel><title>P</title><item><__proto__><x>1</x></__proto__><constructor __proto__="1"/>' +
        '<title hasOwnProperty="y">&constructor; &toString;</title></item></channel></rss>',
    );
    expect(feed.items[0]?.title).toBe('&constructor; &toString;');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

describe('parseFeed: refusals', () => {
  it('refuses an HTML page and points at the feed it advertises', () => {
    const page = `<!DOCTYPE html><html><head><title>Site</title><base href="https://site.example/sub/">
      <link rel="stylesheet" href="/s.css">
      <link rel="alternate" type="application/rss+xml" title="RSS" href="feed.xml">
      <link rel="alternate" type="application/atom+xml" href="https://site.example/atom.xml">
      </head><body><p>Hello</p></body></html>`;
    const error = refusal(page, 'https://site.example/');
    expect(error.message).toBe(
      'this is an HTML page, not a feed; it links to a feed at https://site.example/sub/feed.xml (and 1 more): add that instead',
    );
    expect(error.feedLinks).toEqual(['https://site.example/sub/feed.xml', 'https://site.example/atom.xml']);
  });

  it('refuses an HTML page that advertises no feed', () => {
    const error = refusal(
      '<!DOCTYPE html><html><head><meta charset="UTF-8"><title>x</title></head><body></body></html>',
    );
    expect(error.message).toMatch(/^this is an HTML page, not a feed/);
    expect(error.feedLinks).toEqual([]);
  });

  it('refuses XML broken beyond repair, naming the line', () => {
    const broken =
      '<?xml version="1.0"?>\n<rss version="2.0">\n<channel>\n<title>T</tilte>\n</channel>\n</rss>';
    const error = refusal(broken);
    expect(error.message).toBe(
      'the feed is not well-formed XML (line 4): </tilte> closes <title>, which was opened on line 4; ask the publisher or try again later',
    );
  });

  it('refuses a truncated feed, pointing at where it stops', () => {
    const cut =
      '<?xml version="1.0"?>\n<rss version="2.0">\n<channel>\n<title>T</title>\n<item><title>A</title>';
    expect(refusal(cut).message).toMatch(
      /^the feed is not well-formed XML \(line 5\): .*cut off; ask the publisher/,
    );
  });

  it('refuses garbage, empty bodies, other JSON and other XML with one clear sentence', () => {
    const cases: Array<[string, RegExp]> = [
      ['', /^the response is empty/],
      ['\u0000\u0001 binary \uFFFD', /^this is plain text, not a feed/],
      ['{"hello": "world"}', /^this is JSON but not a JSON Feed/],
      ['{"version": "https://jsonfeed.org/version/1", ', /^the feed is not valid JSON/],
      [
        '<?xml version="1.0"?><opml version="2.0"><head/><body/></opml>',
        /^this is an OPML subscription list/,
      ],
      [
        '<svg xmlns="http://www.w3.org/2000/svg"/>',
        /^this is XML with a <svg> root, not an RSS, Atom or JSON feed/,
      ],
    ];
    for (const [text, expected] of cases) {
      const error = refusal(text);
      expect(error.message).toMatch(expected);
      expect(error.message).not.toMatch(/\n|\bat \w+ \(|Error:/);
    }
  });
});

describe('parseFeedDate', () => {
  it.each([
    ['Wed, 17 Jan 2018 15:50:00 EST', '2018-01-17T20:50:00.000Z'],
    ['Sun, 10 Dec 17 13:01:36 -0800', '2017-12-10T21:01:36.000Z'],
    ['17 Jan 2018 15:50 GMT', '2018-01-17T15:50:00.000Z'],
    ['Wednesday, 17 January 2018 15:50:00 +0000', '2018-01-17T15:50:00.000Z'],
    ['Wed, 17 Jan 2018 15:50:00 GMT+0100', '2018-01-17T14:50:00.000Z'],
    ['Wed, 17 Jan 2018 15:50:00', '2018-01-17T15:50:00.000Z'],
    ['2006-01-18T12:26:54+01:00', '2006-01-18T11:26:54.000Z'],
    ['2012-08-04T01:29:34.677Z', '2012-08-04T01:29:34.000Z'],
    ['2014-07-14 00:00:00 -0700', '2014-07-14T07:00:00.000Z'],
    ['2023-01-03', '2023-01-03T00:00:00.000Z'],
    ['January 5, 2024 3:04 PM PST', '2024-01-05T23:04:00.000Z'],
    ['Sat Jan 13 2018 08:00:00 GMT+0000 (Coordinated Universal Time)', '2018-01-13T08:00:00.000Z'],
  ])('reads %s', (text, iso) => {
    expect(parseFeedDate(text)).toBe(iso);
  });

  it.each([
    '',
    'yesterday',
    '31 Feb 2020 10:00:00 GMT',
    '2020-13-01',
    'Wed, 17 Jan 2018 25:99:00 GMT',
    '12345',
  ])('rejects %j', (text) => {
    expect(parseFeedDate(text)).toBeNull();
  });
});
