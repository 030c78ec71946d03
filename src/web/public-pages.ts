/**
 * The public pages' content: a day's digest, a story, the speakers, a speaker's quotes and search
 * results, each from its view (archive-views.ts). Every text from an article goes through html``,
 * which escapes it; links go through link(), which makes links only to http(s) and to our pages.
 */
import { clip, html, link, type Html } from './html.js';
import { pager, time } from './layout.js';
import type {
  DayView,
  SearchView,
  SpeakersView,
  SpeakerView,
  StoryView,
  WebQuote,
  WebQuoteHit,
  WebStory,
} from './archive-views.js';
import { dayPath, searchPath } from './paths.js';

const HEADLINE_CHARS = 300;
const QUOTE_CHARS = 2_000;
const TITLE_CHARS = 300;
const SOURCE_CHARS = 100;

export function dayPage(view: DayView): Html {
  const title = view.isToday ? `Today’s digest, ${view.date}` : `Digest of ${view.date}`;
  const stories = storySections(view.stories, true);
  return html`<h1>${title}</h1>
    <p class="meta">
      ${view.stats.stories} ${plural(view.stats.stories, 'story', 'stories')} from ${view.stats.articles}
      ${plural(view.stats.articles, 'article', 'articles')} first seen in the ${view.windowHours} hours to
      ${time(view.until)}${view.stories.length < view.stats.stories ? html`; the top ${view.stories.length} below` : ''}.
    </p>
    ${
      view.quoteOfTheDay
        ? html`<section aria-labelledby="qotd">
            <h2 id="qotd">Quote of the day</h2>
            ${quoteBlock(view.quoteOfTheDay)}
          </section>`
        : ''
    }
    ${
      view.stories.length === 0
        ? html`<p>No stories in this window. Sources are polled on their schedule.</p>`
        : html`<h2>Stories</h2>
            ${stories}`
    }
    <nav class="pager" aria-label="Days">
      <a href="${dayPath(view.previous)}" rel="prev">← ${view.previous}</a>
      ${view.next ? html`<a href="${dayPath(view.next)}" rel="next">${view.next} →</a>` : ''}
      <a href="/days">All past days</a>
    </nav>`;
}

/** A digest's stories, numbered; with `linked`, each headline leads to the story's page. */
export function storySections(stories: readonly WebStory[], linked: boolean): Html[] {
  return stories.map((story, index) => storySection(story, index + 1, linked));
}

function storySection(story: WebStory, number: number, linked: boolean): Html {
  const headline = clip(story.headline, HEADLINE_CHARS);
  return html`<article class="story" aria-labelledby="story-${story.id}">
    <h3 id="story-${story.id}">
      ${number}. ${linked ? html`<a href="${story.path}">${headline}</a>` : headline}
    </h3>
    ${story.summary.length ? html`<p>${story.summary.join(' ')}</p>` : ''} ${story.quotes.map(quoteBlock)}
    <p class="meta">
      ${story.sources} ${plural(story.sources, 'source', 'sources')}, ${story.articles}
      ${plural(story.articles, 'article', 'articles')}, latest ${time(story.updated)}: ${sourceLinks(story)}
    </p>
  </article>`;
}

function sourceLinks(story: WebStory): Html[] {
  return story.links.map(
    (source, i) =>
      html`${i > 0 ? ' · ' : ''}${link(source.url, clip(source.source || source.title, SOURCE_CHARS))}`,
  );
}

function quoteBlock(quote: WebQuote): Html {
  return html`<blockquote>
    <p>“${quoted(quote.text)}”</p>
    <footer>
      — ${link(quote.speakerPath, quote.speaker)}, ${link(quote.url, clip(quote.source, SOURCE_CHARS))}
    </footer>
  </blockquote>`;
}

export function daysPage(days: readonly string[], today: string): Html {
  return html`<h1>Past days</h1>
    <p>Each day’s digest as it stood at the end of that day. <a href="/">Today’s digest (${today})</a>.</p>
    <ul>
      ${days.map((day) => html`<li><a href="${dayPath(day)}">${day}</a></li>`)}
    </ul>
    <form action="/days" method="get" class="stack">
      <label for="day">Another day</label>
      <input id="day" name="date" type="date" required max="${today}" />
      <button type="submit">Show that day</button>
    </form>`;
}

export function storyPage(view: StoryView): Html {
  return html`<h1>${clip(view.headline, HEADLINE_CHARS)}</h1>
    <p class="meta">
      ${view.sources} ${plural(view.sources, 'source', 'sources')}, ${view.reports.length}
      ${plural(view.reports.length, 'article', 'articles')}; latest ${time(view.updated)}. From the digest of
      <a href="${dayPath(view.date)}">${view.date}</a>.
    </p>
    <section aria-labelledby="summary">
      <h2 id="summary">Summary</h2>
      ${view.summary.length ? view.summary.map((sentence) => html`<p>${sentence}</p>`) : html`<p class="muted">No summary.</p>`}
    </section>
    ${
      view.quotes.length
        ? html`<section aria-labelledby="key-quotes">
            <h2 id="key-quotes">Key quotes</h2>
            ${view.quotes.map(quoteBlock)}
          </section>`
        : ''
    }
    ${
      view.speakers.length
        ? html`<section aria-labelledby="who">
            <h2 id="who">Who is quoted</h2>
            <ul>
              ${view.speakers.map((speaker) => html`<li>${link(speaker.path, speaker.name)}</li>`)}
            </ul>
          </section>`
        : ''
    }
    <section aria-labelledby="reports">
      <h2 id="reports">Every article (${view.reports.length})</h2>
      <ul>
        ${view.reports.map(
          (report) =>
            html`<li>
              ${link(report.url, clip(report.title || '(untitled)', TITLE_CHARS))}
              <span class="meta"
                >—
                ${clip(report.source, SOURCE_CHARS)}${report.byline ? `, ${clip(report.byline, SOURCE_CHARS)}` : ''},
                ${time(report.published ?? report.seenAt)}</span
              >
            </li>`,
        )}
      </ul>
    </section>`;
}

export function speakersPage(view: SpeakersView): Html {
  const list = view.speakers.map(
    (speaker) =>
      html`<li>
        ${link(speaker.path, speaker.name)}
        <span class="meta"
          >${quoteCount(speaker.count)}${speaker.kind === 'organisation' ? ', organisation' : ''}</span
        >
      </li>`,
  );
  return html`<h1>${view.letters ? `Speakers matching “${view.letters}”` : 'Everyone quoted'}</h1>
    <form action="/speakers" method="get" class="stack">
      <label for="letters">Names with a word starting with</label>
      <input id="letters" name="letters" type="search" value="${view.letters}" autocomplete="off" />
      <button type="submit">Filter</button>
    </form>
    ${
      view.mostQuoted.speakers.length
        ? html`<section aria-labelledby="most">
            <h2 id="most">Most quoted on ${view.mostQuoted.day ?? ''}</h2>
            <ol>
              ${view.mostQuoted.speakers.map(
                ({ speaker, count }) =>
                  html`<li>
                    ${link(speaker.path, speaker.name)} <span class="meta">${quoteCount(count)}</span>
                  </li>`,
              )}
            </ol>
          </section>`
        : ''
    }
    <h2>${view.total} ${plural(view.total, 'speaker', 'speakers')}, most quoted first</h2>
    ${
      list.length
        ? html`<ul>
            ${list}
          </ul>`
        : html`<p>Nobody yet.</p>`
    }
    ${pager({
      label: 'Pages of speakers',
      page: view.page,
      hasMore: view.page < view.pages,
      pages: view.pages,
      at: (page) =>
        `/speakers?${new URLSearchParams({ ...(view.letters ? { letters: view.letters } : {}), page: String(page) }).toString()}`,
    })}`;
}

export function speakerPage(view: SpeakerView, path: string): Html {
  const { speaker } = view;
  const aliases = speaker.aliases.length ? html`; also written ${speaker.aliases.join(', ')}` : '';
  return html`<h1>${speaker.name}</h1>
    <p class="meta">${quoteCount(speaker.count)}, the latest ${time(speaker.lastAt, false)}${aliases}.</p>
    ${
      view.others.length
        ? html`<p>
            This name also finds
            ${view.others.map((other, i) => html`${i > 0 ? ', ' : ''}${link(other.path, other.name)}`)}; their
            quotes are listed too.
          </p>`
        : ''
    }
    <h2>Quotes, newest first</h2>
    ${quoteList(view.quotes)}
    ${pager({
      label: 'Pages of quotes',
      page: view.page,
      hasMore: view.hasMore,
      pages: view.pages,
      at: (page) => `${path}?page=${page}`,
    })}`;
}

export function searchPage(view: SearchView | null): Html {
  const intro = html`<h1>Search quotes</h1>`;
  if (view === null || view.kind === 'empty') {
    return html`${intro}
      <p>
        Type who said it (a surname or a full name; a typo or two is forgiven), words the quote must contain
        (“in double quotes” for a phrase), or both, in the form above. With a name, the words may also be in
        the quote’s article.
      </p>
      <p><a href="/speakers">Everyone quoted</a> is listed too.</p>`;
  }
  if (view.kind === 'words') return wordsResults(view);
  if (view.kind === 'unknown') {
    return html`${intro}
      <p>Nobody called “${clip(view.name, 80)}” has been quoted yet.</p>
      ${
        view.suggestions.length
          ? html`<p>Closest:</p>
              <ul>
                ${view.suggestions.map((speaker) => html`<li>${link(speaker.path, speaker.name)}</li>`)}
              </ul>`
          : html`<p><a href="/speakers">Everyone quoted</a></p>`
      }`;
  }
  const who = view.speakers.map(
    (speaker, i) => html`${i > 0 ? ', ' : ''}${link(speaker.path, speaker.name)}`,
  );
  const filter = view.appliedWords.length
    ? html` with ${view.appliedWords.map((word) => `“${word}”`).join(' ')}`
    : '';
  const range =
    view.quotes.length === 0
      ? ''
      : html` (${(view.page - 1) * view.pageSize + 1}–${(view.page - 1) * view.pageSize + view.quotes.length}${view.total === null ? '' : html` of ${view.total}`})`;
  return html`${intro}
    <h2>Quotes by ${who}${filter}${range}</h2>
    ${view.corrected ? html`<p>Nobody is called “${clip(view.name, 80)}”; showing the closest spelling, “${view.corrected}”.</p>` : ''}
    ${view.searchedOnly !== null ? html`<p class="meta">Searched the newest ${view.searchedOnly.toLocaleString('en')} quotes; a full name or other words narrow it down.</p>` : ''}
    ${view.quotes.length ? quoteList(view.quotes) : html`<p>No quotes${filter}.</p>`}
    ${pager({
      label: 'Pages of results',
      page: view.page,
      hasMore: view.hasMore,
      pages: view.total === null ? null : Math.max(1, Math.ceil(view.total / view.pageSize)),
      at: (page) => searchPath(view.name, view.words, page),
    })}`;
}

/** Quotes by anyone with the words of a words-only search. */
function wordsResults(view: Extract<SearchView, { kind: 'words' }>): Html {
  const intro = html`<h1>Search quotes</h1>`;
  const ignored = view.ignored.length
    ? html`<p class="meta">
        Too common to search: ${view.ignored.map((word, i) => html`${i > 0 ? ', ' : ''}“${clip(word, 40)}”`)}.
      </p>`
    : '';
  if (view.appliedWords.length === 0) {
    return html`${intro}${ignored}
      <p>Nothing left to search for: add a less common word, or who said it.</p>`;
  }
  const searched = [
    ...view.phrases.map((phrase) => `“${phrase}”`),
    ...view.appliedWords
      .filter((word) => !view.phrases.some((phrase) => phrase.split(' ').includes(word)))
      .map((word) => `“${word}”`),
  ].join(' ');
  const range =
    view.quotes.length === 0
      ? ''
      : html` (${(view.page - 1) * view.pageSize + 1}–${(view.page - 1) * view.pageSize + view.quotes.length}${view.total === null ? '' : html` of ${view.total}`})`;
  return html`${intro}
    <h2>Quotes with ${searched}${range}</h2>
    ${ignored}
    ${view.searchedSince !== null ? html`<p class="meta">Searched quotes since ${view.searchedSince} only; another word, a phrase or who said it narrows it down.</p>` : ''}
    ${view.quotes.length ? quoteList(view.quotes) : html`<p>No quotes with ${searched}.</p>`}
    ${pager({
      label: 'Pages of results',
      page: view.page,
      hasMore: view.hasMore,
      pages: view.total === null ? null : Math.max(1, Math.ceil(view.total / view.pageSize)),
      at: (page) => searchPath('', view.words, page),
    })}`;
}

function quoteList(quotes: readonly WebQuoteHit[]): Html {
  return html`<ul class="quotes">
    ${quotes.map(
      (hit) =>
        html`<li>
          <blockquote>
            <p>“${quoted(hit.text)}”</p>
            <footer>
              —
              ${link(hit.speakerPath, hit.speaker)}${hit.spokenAs !== hit.speaker ? html` (as “${hit.spokenAs}”)` : ''},
              ${time(hit.date, false)}
            </footer>
          </blockquote>
          <p class="meta">
            In
            <a href="${hit.storyPath}">${clip(hit.article.title || '(untitled)', TITLE_CHARS)}</a>
            (${hit.article.url ? link(hit.article.url, clip(hit.article.source, SOURCE_CHARS)) : clip(hit.article.source, SOURCE_CHARS)})
          </p>
        </li>`,
    )}
  </ul>`;
}

/** The page for an address that names nothing. */
export function notFoundPage(what: string, suggestion: Html | null = null, heading = 'Not found'): Html {
  return html`<h1>${heading}</h1>
    <p>${what}</p>
    ${suggestion ?? html`<p><a href="/">Today’s digest</a></p>`}`;
}

export function unknownSpeakerPage(key: string): Html {
  return notFoundPage(
    `Nobody is known as “${clip(key, 80)}”.`,
    html`<p>
      <a href="${searchPath(key, '')}">Search for “${clip(key, 80)}”</a> or see
      <a href="/speakers">everyone quoted</a>.
    </p>`,
  );
}

/** A quotation as a page shows it: the comma that led into "…, she said" belongs to the sentence. */
function quoted(text: string): string {
  return clip(text.trim().replace(/\s*[,;:]$/, ''), QUOTE_CHARS);
}

function quoteCount(count: number): string {
  return `${count.toLocaleString('en')} ${plural(count, 'quote', 'quotes')}`;
}

function plural(count: number, one: string, many: string): string {
  return count === 1 ? one : many;
}
