/**
 * The frame of every page: one column that reads on a phone, a skip link, a labelled navigation
 * and search, and the stylesheet. No script anywhere: links and forms work by keyboard as they are.
 */
import { html, type Html, type Interpolation } from './html.js';

export interface PageOptions {
  title: string;
  /** Which navigation entry is current (aria-current). */
  section?: 'today' | 'days' | 'speakers' | 'search' | 'console';
  /** Show the public navigation (off when the public pages are). */
  publicPages: boolean;
  /** The console's own navigation, for a logged-in operator: the CSRF token of the logout form. */
  console?: { csrf: string; operator: string } | null;
  /** A line at the top of the content, such as what a change did. */
  notice?: { text: string; kind: 'ok' | 'error' } | null;
  /** What the search form shows filled in. */
  searched?: { name: string; words: string };
}

export function page(options: PageOptions, body: Interpolation): Html {
  const current = (section: PageOptions['section']) =>
    options.section === section ? html` aria-current="page"` : '';
  const searched = options.searched ?? { name: '', words: '' };
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="same-origin" />
        <title>${options.title} · Quotewire</title>
        <link rel="stylesheet" href="/static/quotewire.css" />
        <link rel="icon" href="/static/icon.svg" type="image/svg+xml" />
      </head>
      <body>
        <a class="skip" href="#main">Skip to content</a>
        <header class="site">
          <p class="brand"><a href="${options.publicPages ? '/' : '/console'}">Quotewire</a></p>
          <nav aria-label="Main">
            <ul>
              ${
                options.publicPages
                  ? html`<li><a href="/" ${current('today')}>Today</a></li>
                      <li><a href="/days" ${current('days')}>Past days</a></li>
                      <li><a href="/speakers" ${current('speakers')}>Speakers</a></li>
                      <li><a href="/search" ${current('search')}>Search</a></li>`
                  : ''
              }
              <li><a href="/console" ${current('console')}>Console</a></li>
            </ul>
          </nav>
          ${
            options.publicPages
              ? html`<form class="search" role="search" action="/search" method="get">
                  <label for="search-name">Who said it <span class="hint">(optional)</span></label>
                  <input
                    id="search-name"
                    name="name"
                    type="search"
                    autocomplete="off"
                    value="${searched.name}"
                    placeholder="a surname or full name"
                  />
                  <label for="search-words">Words <span class="hint">(optional)</span></label>
                  <input
                    id="search-words"
                    name="words"
                    type="search"
                    autocomplete="off"
                    value="${searched.words}"
                    placeholder="words in the quote, “a phrase”"
                  />
                  <button type="submit">Search</button>
                </form>`
              : ''
          }
        </header>
        <main id="main" tabindex="-1">
          ${options.notice ? html`<p class="notice ${options.notice.kind}" role="status">${options.notice.text}</p>` : ''}
          ${body}
        </main>
        <footer class="site">
          ${
            options.console
              ? html`<form action="/console/logout" method="post" class="inline">
                  <input type="hidden" name="csrf" value="${options.console.csrf}" />
                  <span>Operator: ${options.console.operator}</span>
                  <button type="submit" class="link">Log out</button>
                </form>`
              : ''
          }
          <p>Quotewire: the news, and who said what. <a href="/api/">JSON API</a></p>
        </footer>
      </body>
    </html> `;
}

/** A date and time for people, in UTC, marked up so a browser or a script can read it exactly. */
export function time(iso: string | null | undefined, withTime = true): Html {
  if (!iso) return html`<span class="muted">never</span>`;
  const shown =
    withTime && iso.length > 10 ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : iso.slice(0, 10);
  return html`<time datetime="${iso}">${shown}</time>`;
}

/** Previous / next links of a paged list, as a labelled navigation. */
export function pager(options: {
  label: string;
  page: number;
  hasMore: boolean;
  pages: number | null;
  at: (page: number) => string;
}): Html {
  if (options.page <= 1 && !options.hasMore) return html``;
  const of = options.pages === null ? '' : ` of ${options.pages}`;
  return html`<nav class="pager" aria-label="${options.label}">
    ${options.page > 1 ? html`<a href="${options.at(options.page - 1)}" rel="prev">← Newer</a>` : ''}
    <span>Page ${options.page}${of}</span>
    ${options.hasMore ? html`<a href="${options.at(options.page + 1)}" rel="next">Older →</a>` : ''}
  </nav>`;
}

/** The site's icon: a quotation mark. */
export const ICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0b57a4"/><text x="16" y="27" font-size="28" font-family="Georgia,serif" text-anchor="middle" fill="#fff">&#8220;</text></svg>`;

/** The stylesheet, served at /static/quotewire.css (the pages allow no inline style). */
export const STYLESHEET = `
:root { color-scheme: light dark; --fg: #1b1b1f; --bg: #fdfdfb; --muted: #5c5c66; --line: #d9d9de;
  --accent: #0b57a4; --ok: #1d6b33; --bad: #a3231a; --quote: #f1f1ec; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #ececf0; --bg: #16161a; --muted: #a9a9b4; --line: #3a3a44; --accent: #8ab8f0;
    --ok: #7fcf94; --bad: #ff9a90; --quote: #23232a; }
}
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 46rem; padding: 0 1rem 2rem; font: 1.05rem/1.55 system-ui, sans-serif;
  color: var(--fg); background: var(--bg); overflow-wrap: anywhere; }
a { color: var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible, main:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: var(--bg); padding: .5rem; z-index: 1; }
header.site { border-bottom: 1px solid var(--line); padding: .75rem 0; }
.brand { margin: 0; font-weight: 700; font-size: 1.3rem; }
.brand a { color: var(--fg); text-decoration: none; }
nav ul { list-style: none; margin: .25rem 0; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem 1rem; }
nav a[aria-current="page"] { font-weight: 700; text-decoration-thickness: 3px; }
form.search { display: grid; grid-template-columns: 1fr; gap: .25rem; margin-top: .5rem; }
@media (min-width: 36rem) { form.search { grid-template-columns: auto 1fr; align-items: center; }
  form.search button { grid-column: 2; justify-self: start; } }
label { font-weight: 600; }
.hint, .muted { color: var(--muted); font-weight: 400; }
input, button, select { font: inherit; padding: .4rem .5rem; border: 1px solid var(--muted); border-radius: 4px;
  background: var(--bg); color: var(--fg); max-width: 100%; }
button { white-space: nowrap; cursor: pointer; background: var(--accent); color: var(--bg); border-color: var(--accent); }
button.secondary { background: var(--bg); color: var(--accent); }
button.link { background: none; border: none; color: var(--accent); text-decoration: underline; padding: 0; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 1.25rem 0 .5rem; }
h2 { font-size: 1.25rem; line-height: 1.3; margin: 1.5rem 0 .4rem; }
h3 { font-size: 1.05rem; margin: 1rem 0 .3rem; }
article.story { border-top: 1px solid var(--line); padding-top: .25rem; }
blockquote { margin: .6rem 0; padding: .5rem .75rem; background: var(--quote); border-left: 4px solid var(--accent); }
blockquote p { margin: 0 0 .25rem; }
blockquote footer { color: var(--muted); font-size: .95rem; }
ul.quotes { list-style: none; padding: 0; }
ul.quotes > li { margin-bottom: 1rem; }
.meta { color: var(--muted); font-size: .95rem; }
.pager { display: flex; gap: 1rem; align-items: center; margin: 1rem 0; }
.notice { padding: .5rem .75rem; border-radius: 4px; border: 1px solid; }
.notice.ok { color: var(--ok); } .notice.error { color: var(--bad); }
.state-ok { color: var(--ok); } .state-failing, .state-bad { color: var(--bad); }
table { border-collapse: collapse; width: 100%; font-size: .95rem; }
th, td { text-align: left; vertical-align: top; padding: .35rem .4rem; border-bottom: 1px solid var(--line); }
.table-wrap { overflow-x: auto; }
form.inline { display: inline; }
form.stack { display: grid; gap: .35rem; max-width: 30rem; }
footer.site { border-top: 1px solid var(--line); margin-top: 2rem; color: var(--muted); font-size: .95rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
`;
