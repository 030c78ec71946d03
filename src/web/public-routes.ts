/**
 * The public archive's routes: each page, and its twin under /api/ returning the same view as JSON.
 */
import type { Hono } from 'hono';
import { localDay } from '../delivery/delivery-schedule.js';
import { dayAddress } from './archive.js';
import { clip } from './html.js';
import {
  dayPage,
  daysPage,
  notFoundPage,
  searchPage,
  speakerPage,
  speakersPage,
  storyPage,
  unknownSpeakerPage,
} from './public-pages.js';
import { speakerKeyFromPath } from './paths.js';
import {
  BAD_PAGE,
  jsonError,
  pageNumber,
  sendPage,
  type WebContext,
  type WebEnv,
  type WebParts,
} from './web-context.js';

const PAST_DAYS_LISTED = 14;
const NO_STORY =
  'No such story here: the story may have grown since this address was made (today’s digest has it as it stands now), or the address is not one of ours.';

export function publicRoutes(app: Hono<WebEnv>, parts: WebParts): void {
  const { archive } = parts;
  const badPage = (c: WebContext) =>
    sendPage(
      c,
      parts,
      { title: 'Bad page number' },
      notFoundPage(`The ${BAD_PAGE}.`, null, 'Bad page number'),
      400,
    );

  app.get('/', async (c) => {
    const view = await archive.today();
    return sendPage(c, parts, { title: 'Today', section: 'today' }, dayPage(view));
  });

  app.get('/days', (c) => {
    const date = c.req.query('date');
    // The date field's form: a day's own address is the one to keep and share.
    if (date) return c.redirect(`/days/${encodeURIComponent(date)}`, 303);
    const today = localDay(parts.services.clock(), parts.config.digest.timeZone);
    return sendPage(
      c,
      parts,
      { title: 'Past days', section: 'days' },
      daysPage(archive.pastDays(PAST_DAYS_LISTED), today),
    );
  });

  app.get('/days/:date', async (c) => {
    const view = await archive.day(c.req.param('date'));
    if (!view) {
      return sendPage(
        c,
        parts,
        { title: 'No such day', section: 'days' },
        notFoundPage(
          'That is not a day with a digest yet: give a date such as 2026-01-31, today or earlier.',
        ),
        404,
      );
    }
    if (view.isToday) return c.redirect(dayAddress(view), 302);
    return sendPage(c, parts, { title: view.date, section: 'days' }, dayPage(view));
  });

  app.get('/stories/:id', async (c) => {
    const view = await archive.story(c.req.param('id'), c.req.query('until') ?? '');
    if (!view) return sendPage(c, parts, { title: 'No such story' }, notFoundPage(NO_STORY), 404);
    return sendPage(c, parts, { title: view.headline.slice(0, 120) }, storyPage(view));
  });

  app.get('/articles/:id', async (c) => {
    const path = await archive.storyOfArticle(c.req.param('id'));
    if (!path)
      return sendPage(
        c,
        parts,
        { title: 'No such article' },
        notFoundPage('No such article in the store.'),
        404,
      );
    return c.redirect(path, 302);
  });

  app.get('/speakers', async (c) => {
    const page = pageNumber(c);
    if (page === null) return badPage(c);
    const view = await archive.speakers(c.req.query('letters') ?? '', page);
    return sendPage(c, parts, { title: 'Speakers', section: 'speakers' }, speakersPage(view));
  });

  app.get('/speakers/:key', async (c) => {
    const page = pageNumber(c);
    if (page === null) return badPage(c);
    const key = speakerKeyFromPath(c.req.param('key'));
    const view = await archive.speaker(key, page);
    if (!view)
      return sendPage(
        c,
        parts,
        { title: 'Unknown speaker', section: 'speakers' },
        unknownSpeakerPage(key),
        404,
      );
    const path = new URL(c.req.url).pathname;
    return sendPage(
      c,
      parts,
      { title: page > 1 ? `${view.speaker.name}, page ${page}` : view.speaker.name, section: 'speakers' },
      speakerPage(view, path),
    );
  });

  app.get('/search', async (c) => {
    const page = pageNumber(c);
    if (page === null) return badPage(c);
    const name = c.req.query('name') ?? '';
    const words = c.req.query('words') ?? '';
    const view = name.trim() || words.trim() ? await archive.search(name, words, page) : null;
    const title =
      view?.kind === 'found'
        ? `Quotes by ${view.speakers.map((s) => s.name).join(', ')}`
        : view?.kind === 'words'
          ? `Quotes with “${clip(words.trim(), 60)}”`
          : 'Search';
    return sendPage(c, parts, { title, section: 'search', searched: { name, words } }, searchPage(view));
  });

  // The same data for scripts.
  app.get('/api/digest', async (c) => c.json(await archive.today()));

  app.get('/api/days', (c) =>
    c.json({
      today: localDay(parts.services.clock(), parts.config.digest.timeZone),
      days: archive.pastDays(PAST_DAYS_LISTED).map((day) => ({ day, api: `/api/days/${day}` })),
    }),
  );

  app.get('/api/days/:date', async (c) => {
    const view = await archive.day(c.req.param('date'));
    return view
      ? c.json(view)
      : jsonError(c, 404, 'no digest for that day: give a date such as 2026-01-31, today or earlier');
  });

  app.get('/api/stories/:id', async (c) => {
    const view = await archive.story(c.req.param('id'), c.req.query('until') ?? '');
    return view ? c.json(view) : jsonError(c, 404, NO_STORY);
  });

  app.get('/api/articles/:id', async (c) => {
    const path = await archive.storyOfArticle(c.req.param('id'));
    return path
      ? c.json({ story: path, api: `/api${path}` })
      : jsonError(c, 404, 'no such article in the store');
  });

  app.get('/api/speakers', async (c) => {
    const page = pageNumber(c);
    if (page === null) return jsonError(c, 400, BAD_PAGE);
    return c.json(await archive.speakers(c.req.query('letters') ?? '', page));
  });

  app.get('/api/speakers/:key', async (c) => {
    const page = pageNumber(c);
    if (page === null) return jsonError(c, 400, BAD_PAGE);
    const view = await archive.speaker(speakerKeyFromPath(c.req.param('key')), page);
    return view
      ? c.json(view)
      : jsonError(c, 404, 'nobody is known under that name: try /api/search?name=...');
  });

  app.get('/api/search', async (c) => {
    const page = pageNumber(c);
    if (page === null) return jsonError(c, 400, BAD_PAGE);
    const name = c.req.query('name') ?? '';
    const words = c.req.query('words') ?? '';
    if (!name.trim() && !words.trim()) {
      return jsonError(c, 400, 'give name= (who said it), words= (words in the quote), or both');
    }
    return c.json(await archive.search(name, words, page));
  });
}
