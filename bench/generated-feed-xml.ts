/**
 * Large synthetic feeds for the parsing benchmark: RSS 2.0 and Atom 1.0 documents whose items look like
 * what news sites publish (escaped HTML descriptions, CDATA bodies with links and images, named and
 * numeric entities, categories, authors). Invented text; deterministic for a given item count.
 */
import { generateArticle, seeded } from './generated-news.js';

const ORIGIN = 'https://bench.example';
const SECTIONS = ['World', 'Politics', 'Business', 'Science', 'Culture', 'Sport'];
const AUTHORS = ['Ada Marlow', 'Bruno Quist', 'Chiara Okafor', 'Dmitri Lindqvist', 'Elena Haddad'];

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

interface BenchItem {
  n: number;
  title: string;
  html: string;
  lead: string;
  date: Date;
  author: string;
  sections: string[];
}

function item(n: number): BenchItem {
  const random = seeded(n * 104_729 + 3);
  const article = generateArticle(n, 5);
  const paragraphs = article.text.split('\n\n');
  const html = paragraphs
    .map((paragraph, p) =>
      p === 1
        ? `<p>${paragraph} <a href="/related/${n}">Read more</a> &mdash; <em>analysis</em></p>` +
          `<figure><img src="/img/${n}.jpg" alt="Photo &amp; caption"><figcaption>Caf&eacute; &copy; Bench</figcaption></figure>`
        : `<p>${paragraph}</p>`,
    )
    .join('\n');
  const first = Math.floor(random() * SECTIONS.length);
  return {
    n,
    // Curly quotes as numeric references and an ampersand: what CMS titles look like once escaped.
    title: `${article.title} &#8216;as it happened&#8217; (#${n})`,
    html,
    lead: `${paragraphs[0] ?? ''} It&rsquo;s &ldquo;still developing&rdquo; &hellip;`,
    date: new Date(Date.UTC(2026, 10, 27, 0, 0, 0) - n * 37_000),
    author: AUTHORS[n % AUTHORS.length]!,
    sections: [SECTIONS[first]!, SECTIONS[(first + 1 + (n % 3)) % SECTIONS.length]!],
  };
}

/** An RSS 2.0 feed of `count` items with content:encoded bodies in CDATA and escaped-HTML descriptions. */
export function generateRssFeed(count: number): string {
  const parts: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"' +
      ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">\n<channel>\n' +
      `<title>Bench News &amp; Views</title>\n<link>${ORIGIN}/</link>\n<description>Everything, always</description>\n` +
      `<atom:link rel="self" href="${ORIGIN}/rss.xml" type="application/rss+xml"/>\n<language>en-gb</language>\n`,
  ];
  for (let n = 0; n < count; n++) {
    const it = item(n);
    parts.push(
      `<item>\n<title>${it.title}</title>\n<link>${ORIGIN}/${it.sections[0]!.toLowerCase()}/${n}?ref=rss&amp;utm_source=feed</link>\n` +
        `<guid isPermaLink="false">bench-${n}</guid>\n<pubDate>${it.date.toUTCString()}</pubDate>\n` +
        `<dc:creator>${it.author}</dc:creator>\n` +
        it.sections.map((section) => `<category>${section}</category>\n`).join('') +
        `<description>${escapeXml(`<p>${it.lead}</p>`)}</description>\n` +
        `<content:encoded><![CDATA[${it.html}]]></content:encoded>\n</item>\n`,
    );
  }
  parts.push('</channel>\n</rss>\n');
  return parts.join('');
}

/** An Atom 1.0 feed of `count` entries with escaped-HTML summaries and CDATA `type="html"` content. */
export function generateAtomFeed(count: number): string {
  const parts: string[] = [
    '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">\n' +
      `<title type="text">Bench News &amp; Views</title>\n<id>tag:bench.example,2026:feed</id>\n` +
      `<link rel="alternate" type="text/html" href="${ORIGIN}/"/>\n<link rel="self" href="${ORIGIN}/atom.xml"/>\n` +
      `<updated>2026-11-27T00:00:00Z</updated>\n<author><name>Bench Desk</name></author>\n`,
  ];
  for (let n = 0; n < count; n++) {
    const it = item(n);
    parts.push(
      `<entry>\n<title type="html">${it.title.replace(/&/g, '&amp;')}</title>\n` +
        `<link rel="alternate" type="text/html" href="${ORIGIN}/${it.sections[0]!.toLowerCase()}/${n}"/>\n` +
        `<id>tag:bench.example,2026:${n}</id>\n<published>${it.date.toISOString()}</published>\n` +
        `<updated>${it.date.toISOString()}</updated>\n<author><name>${it.author}</name></author>\n` +
        it.sections
          .map((section) => `<category term="${section.toLowerCase()}" label="${section}"/>\n`)
          .join('') +
        `<summary type="html">${escapeXml(`<p>${it.lead}</p>`)}</summary>\n` +
        `<content type="html"><![CDATA[${it.html}]]></content>\n</entry>\n`,
    );
  }
  parts.push('</feed>\n');
  return parts.join('');
}
