/**
 * The web page's Hono application: machine endpoints, the public archive and the operator console
 * (each can be turned off in the config), with the headers every answer carries. Built from the
 * running bot's own parts, so it reads the same store and changes sources through the same checks.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { describeError } from '../kernel/describe-error.js';
import { Archive } from './archive.js';
import { ConsoleData } from './console-data.js';
import { consoleRoutes } from './console-routes.js';
import { html } from './html.js';
import { ICON, STYLESHEET } from './layout.js';
import { machineRoutes } from './machine-routes.js';
import { notFoundPage } from './public-pages.js';
import { publicRoutes } from './public-routes.js';
import { jsonError, sendPage, type WebDeps, type WebEnv, type WebParts } from './web-context.js';

/** No form or API call needs more: a source address is at most 2,048 characters. */
const MAX_BODY_BYTES = 16 * 1024;

/**
 * What a browser may do with our pages: styles from us, forms to us, nothing else (no script at
 * all, no frames), so that even a bug in escaping could not run code.
 */
const CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

export function createWebApp(deps: WebDeps): Hono<WebEnv> {
  const { config } = deps;
  const secure = config.web.publicUrl?.startsWith('https:') ?? false;
  const parts: WebParts = {
    ...deps,
    archive: new Archive({
      articles: deps.services.articles,
      quotes: deps.services.quotes,
      store: deps.store,
      config,
      clock: deps.services.clock,
      logger: deps.logger,
      stories: deps.services.stories ?? undefined,
    }),
    consoleData: new ConsoleData({ services: deps.services, store: deps.store, health: deps.health }),
    cookies: { secure, session: 'qw_session', login: 'qw_login', flash: 'qw_flash' },
  };
  const app = new Hono<WebEnv>();

  app.use('*', async (c, next) => {
    c.set('session', null);
    c.set('csrf', null);
    await next();
    c.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    c.header('X-Content-Type-Options', 'nosniff');
    // Not no-referrer: with it, browsers send "Origin: null" on our own forms, and the CSRF check needs it.
    c.header('Referrer-Policy', 'same-origin');
    c.header('X-Frame-Options', 'DENY');
    if (secure) c.header('Strict-Transport-Security', 'max-age=31536000');
  });
  app.use(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => c.text('That request is too large.', 413),
    }),
  );

  machineRoutes(app, parts);
  app.get('/static/quotewire.css', (c) => {
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(STYLESHEET, 200, { 'Content-Type': 'text/css; charset=utf-8' });
  });
  app.get('/static/icon.svg', (c) => {
    c.header('Cache-Control', 'public, max-age=86400');
    return c.body(ICON, 200, { 'Content-Type': 'image/svg+xml' });
  });
  // Browsers ask for it whatever the page says.
  app.get('/favicon.ico', (c) => c.redirect('/static/icon.svg', 301));
  app.get('/api', (c) => c.redirect('/api/', 301));
  app.get('/api/', (c) => c.json(apiIndex(parts)));
  if (config.web.console) consoleRoutes(app, parts);
  if (config.web.publicPages) publicRoutes(app, parts);
  else if (config.web.console) app.get('/', (c) => c.redirect('/console', 302));

  app.notFound((c) => {
    if (c.req.path.startsWith('/api/')) return jsonError(c, 404, 'no such endpoint: see /api/');
    return sendPage(
      c,
      parts,
      { title: 'Not found' },
      notFoundPage('There is no page at this address.', config.web.publicPages ? null : html``),
      404,
    );
  });
  app.onError((error, c) => {
    deps.logger.error(`web: ${c.req.method} ${c.req.path} failed: ${describeError(error)}`);
    if (c.req.path.startsWith('/api/'))
      return jsonError(c, 500, 'something went wrong on our side; the log says what');
    return sendPage(
      c,
      parts,
      { title: 'Error' },
      html`<h1>Something went wrong</h1>
        <p>That page could not be made; the bot’s log says why. Try again in a moment.</p>`,
      500,
    );
  });
  return app;
}

/** What /api/ lists: every endpoint that is on, with what it returns. */
function apiIndex(parts: WebParts): { endpoints: Record<string, string> } {
  const endpoints: Record<string, string> = {
    'GET /livez': 'the process answers',
    'GET /readyz': 'the store answers and each chat platform with a token is connected (503 otherwise)',
    'GET /metrics': 'Prometheus text format',
  };
  if (parts.config.web.publicPages) {
    Object.assign(endpoints, {
      'GET /api/digest': 'today’s digest, as the home page',
      'GET /api/days': 'the past days listed on /days',
      'GET /api/days/{YYYY-MM-DD}': 'a past day’s digest',
      'GET /api/stories/{id}?until={ISO}': 'a story, as its page (the address comes from a digest)',
      'GET /api/articles/{id}': 'the address of the story an article belongs to',
      'GET /api/speakers?letters=&page=': 'everyone quoted, most quoted first',
      'GET /api/speakers/{key}?page=': 'a speaker’s quotes, newest first',
      'GET /api/search?name=&words=&page=':
        'quotes by the speakers a name finds, as /quotes, narrowed by words; or, with words alone, quotes by anyone that contain them',
    });
  }
  if (parts.config.web.console) {
    Object.assign(endpoints, {
      'GET /api/console': 'operators: health and counts (Authorization: Bearer <QUOTEWIRE_WEB_TOKEN>)',
      'GET /api/console/sources': 'operators: every source with its status',
      'POST /api/console/sources': 'operators: add a source, {"location": "https://…"}',
      'POST /api/console/sources/{id}/remove': 'operators: stop reading a source',
      'POST /api/console/sources/{id}/restore': 'operators: read a removed config source again',
      'GET /api/console/subscriptions': 'operators: subscriptions with their next and last delivery',
      'GET /api/console/subscriptions/{id}/preview': 'operators: a chat’s next digest',
      'GET /api/console/llm': 'operators: the LLM’s token budget and cache',
    });
  }
  return { endpoints };
}
