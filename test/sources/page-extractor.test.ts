import { describe, expect, it } from 'vitest';
import {
  extractPage,
  normalizeDate,
  PageExtractionError,
  readPageMetadata,
} from '../../src/sources/page-extractor.js';

const URL = 'https://news.example.com/world/2024/05/harbour-story.html';

const PARAGRAPHS = [
  'The harbour authority said on Tuesday that the new breakwater would be finished before the autumn storms, ending two years of delays that had left fishing crews exposed to rough seas.',
  '"We have learned from every winter we lost," the authority\'s chair, Maria Lindqvist, told reporters at the quay. "This time the stone is already on site and the crews are ready."',
  'Local fishermen, who had campaigned for the project since 2019, welcomed the news but warned that the budget had grown by a third since the first plans were drawn up.',
  'The regional council will vote next month on a supplementary grant to cover the difference, and officials expect the measure to pass with support from all the main parties.',
];

/** A news page with everything around the article that a reader does not want. */
function articlePage(head = '', articleExtra = ''): string {
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>Breakwater to be finished before autumn | Coastal News</title>
  <meta property="og:site_name" content="Coastal News">
  ${head}
</head>
<body>
  <header class="site-header"><nav class="main-nav"><ul>
    <li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li>
    <li><a href="/weather">Weather forecast menu item</a></li>
  </ul></nav></header>
  <div class="ad-banner advertisement">BUY CHEAP FERRY TICKETS NOW advertisement</div>
  <main>
    <article class="story">
      <h1>Breakwater to be finished before autumn</h1>
      ${articleExtra}
      ${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n      ')}
      <p>Read the <a href="/reports/breakwater.pdf">full report</a> and see the <img src="images/map.png" alt="map"> map.</p>
    </article>
    <aside class="sidebar"><h3>Most read</h3><ul>
      <li><a href="/a">Sidebar story about celebrity gossip one</a></li>
      <li><a href="/b">Sidebar story about celebrity gossip two</a></li>
    </ul></aside>
    <section id="comments" class="comments">
      <h3>Comments</h3>
      <div class="comment">Commenter says this is a waste of taxpayer money!!!</div>
    </section>
  </main>
  <footer class="site-footer">Copyright Coastal News footer text. <a href="/privacy">Privacy</a></footer>
</body>
</html>`;
}

describe('extractPage', () => {
  it('returns only the article text, without navigation, ads, sidebar or comments', () => {
    const page = extractPage(articlePage(), URL);
    for (const paragraph of PARAGRAPHS) expect(page.text).toContain(paragraph);
    expect(page.text.split('\n\n')).toContain(PARAGRAPHS[1]);
    for (const junk of ['Weather forecast', 'FERRY', 'celebrity gossip', 'Commenter', 'footer text']) {
      expect(page.text).not.toContain(junk);
    }
    expect(page.text).not.toMatch(/\n{3,}|^\s|\s$/);
    expect(page.title).toBe('Breakwater to be finished before autumn');
    expect(page.siteName).toBe('Coastal News');
    expect(page.lang).toBe('en-GB');
  });

  it('makes relative links and image sources in the article HTML absolute', () => {
    const page = extractPage(articlePage(), URL);
    expect(page.html).toContain('href="https://news.example.com/reports/breakwater.pdf"');
    expect(page.html).toContain('src="https://news.example.com/world/2024/05/images/map.png"');
  });

  it('resolves relative links against <base href>', () => {
    const page = extractPage(articlePage('<base href="/static/">'), URL);
    expect(page.html).toContain('src="https://news.example.com/static/images/map.png"');
  });

  it('reads author and publication time from JSON-LD', () => {
    const jsonLd = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', name: 'Coastal News' },
        {
          '@type': 'NewsArticle',
          headline: 'Breakwater to be finished before autumn',
          datePublished: '2024-05-14T09:30:00+0200',
          author: [
            { '@type': 'Person', name: 'Anna Berg' },
            { '@type': 'Person', name: 'Tom Hale' },
          ],
        },
      ],
    };
    const page = extractPage(
      articlePage(`<script type="application/ld+json">${JSON.stringify(jsonLd)}</script>`),
      URL,
    );
    expect(page.byline).toBe('Anna Berg, Tom Hale');
    expect(page.published).toBe('2024-05-14T07:30:00.000Z');
  });

  it('falls back to <meta name="author"> and <time datetime> when nothing else says', () => {
    const page = extractPage(
      articlePage(
        '<meta name="author" content="By  Anna   Berg">',
        '<time datetime="2024-05-14T08:00:00Z">14 May</time>',
      ),
      URL,
    );
    expect(page.byline).toBe('Anna Berg');
    expect(page.published).toBe('2024-05-14T08:00:00.000Z');
  });

  it('uses og:title and article:published_time', () => {
    const page = extractPage(
      articlePage(
        '<meta property="og:title" content="Breakwater: finished by autumn &amp; on budget?">' +
          '<meta property="article:published_time" content="2024-05-14">',
      ),
      URL,
    );
    expect(page.title).toBe('Breakwater: finished by autumn & on budget?');
    expect(page.published).toBe('2024-05-14');
  });

  it('handles pages that leave out <html>, <head> and <body>', () => {
    const html = `<title>Harbour news</title><meta name="author" content="Anna Berg">
      <div id="content">${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</div>`;
    const page = extractPage(html, URL);
    expect(page.title).toBe('Harbour news');
    expect(page.byline).toBe('Anna Berg');
    expect(page.text).toContain(PARAGRAPHS[3]);
  });

  it('extracts non-English articles', () => {
    const czech =
      'Přístavní správa v úterý oznámila, že nový vlnolam bude dokončen před podzimními bouřemi. ' +
      'Rybáři, kteří o projekt usilovali od roku 2019, zprávu přivítali, ale upozornili na rostoucí rozpočet. ';
    const html = `<html lang="cs"><head><title>Vlnolam bude hotový před podzimem</title></head><body>
      <nav><a href="/">Domů</a> <a href="/svet">Svět</a></nav>
      <article><p>${czech}</p><p>${czech}</p><p>${czech}</p></article></body></html>`;
    const page = extractPage(html, URL);
    expect(page.lang).toBe('cs');
    expect(page.title).toBe('Vlnolam bude hotový před podzimem');
    expect(page.text).toContain('Přístavní správa v úterý oznámila');
    expect(page.text).not.toContain('Domů');
  });

  it('throws a PageExtractionError that says what to do when there is no article', () => {
    const shell =
      '<!doctype html><html><head><title>App</title></head><body><div id="root"></div><script>boot()</script></body></html>';
    const links = `<html><body><h1>Latest</h1><ul>${Array.from(
      { length: 40 },
      (_, i) => `<li><a href="/story/${i}">Headline number ${i} about something that happened today</a></li>`,
    ).join('')}</ul></body></html>`;
    for (const html of [shell, links, '', 'just some words']) {
      let error: unknown;
      try {
        extractPage(html, URL);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(PageExtractionError);
      expect((error as PageExtractionError).reason).toBe('no-article');
      expect((error as Error).message).toMatch(/no article text found.*JavaScript.*RSS feed/);
    }
  });

  it('strips markup that leaked into the title', () => {
    const page = extractPage(
      articlePage().replace(/<title>.*<\/title>/, '<title>Breakwater <b>done</b> soon</title>'),
      URL,
    );
    expect(page.title).toBe('Breakwater done soon');
  });

  it('refuses absurdly nested or huge pages quickly instead of hanging', () => {
    const started = Date.now();
    const deep = `<html><body>${'<div>'.repeat(5_000)}<p>${PARAGRAPHS.join(' ')}</p></body></html>`;
    expect(() => extractPage(deep, URL)).toThrow(/nests its markup 5002 levels deep/);
    const unclosed = `<html><body><p>${'<b>'.repeat(20_000)}${PARAGRAPHS.join(' ')}</p></body></html>`;
    expect(() => extractPage(unclosed, URL)).toThrow(PageExtractionError);
    const huge = `<html><body><p>${'word '.repeat(2_000_000)}</p></body></html>`;
    expect(() => extractPage(huge, URL)).toThrow(/million characters long/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('still extracts pages with some unclosed inline tags', () => {
    const page = extractPage(articlePage('', '<b>'.repeat(100)), URL);
    expect(page.text).toContain(PARAGRAPHS[0]);
  });
});

describe('readPageMetadata', () => {
  it('reads title, author, date and site name without an article', () => {
    const meta = readPageMetadata(
      '<html lang="de"><head><title>Kurz</title><meta name="author" content="Eva Roth">' +
        '<meta property="og:site_name" content="Blatt"></head><body><p>Kurz.</p>' +
        '<time datetime="2023-01-02T03:04:05+01:00">2. Januar</time></body></html>',
      URL,
    );
    expect(meta).toEqual({
      title: 'Kurz',
      byline: 'Eva Roth',
      published: '2023-01-02T02:04:05.000Z',
      siteName: 'Blatt',
      lang: 'de',
      // No og:image on the page.
      image: null,
    });
  });
});

describe('normalizeDate', () => {
  it('turns timestamps into UTC ISO 8601, keeps bare dates and drops nonsense', () => {
    expect(normalizeDate('2021-11-01T10:52:50+0100')).toBe('2021-11-01T09:52:50.000Z');
    expect(normalizeDate('Mon, 01 Nov 2021 10:52:50 GMT')).toBe('2021-11-01T10:52:50.000Z');
    expect(normalizeDate('2020-02-01')).toBe('2020-02-01');
    expect(normalizeDate('yesterday')).toBeNull();
    expect(normalizeDate('2020-13-45')).toBeNull();
    expect(normalizeDate(null)).toBeNull();
  });
});
