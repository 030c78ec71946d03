/**
 * The operator console's routes: login (the token, or a one-time link the bot sent), logout, and
 * the pages behind them, with their JSON twins under /api/console/. A page needs a session cookie;
 * the API takes the cookie or `Authorization: Bearer <QUOTEWIRE_WEB_TOKEN>`. Every change needs,
 * besides, a CSRF token made from the session (a form field, or the X-CSRF-Token header), and a
 * request from this site (Origin / Sec-Fetch-Site), except with the bearer token, which a browser
 * never sends by itself.
 */
import type { Hono, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { CookieOptions } from 'hono/utils/cookie';
import { randomBytes } from 'node:crypto';
import { describeError } from '../kernel/describe-error.js';
import { html } from './html.js';
import {
  linkLoginPage,
  loginPage,
  overviewPage,
  previewPage,
  sourcesPage,
  subscriptionsPage,
} from './console-pages.js';
import type { ChangeResult } from './console-data.js';
import { storySections, notFoundPage } from './public-pages.js';
import type { Session } from './session.js';
import { jsonError, sendPage, type WebContext, type WebEnv, type WebParts } from './web-context.js';

/** Failed logins allowed per client address in a window, before it must wait. */
const MAX_FAILED_LOGINS = 10;
const FAILED_LOGIN_WINDOW_MS = 15 * 60_000;
const MAX_TRACKED_ADDRESSES = 10_000;
const LOGIN_NONCE_SECONDS = 3_600;
const FLASH_CHARS = 600;
/** The operator a token login is recorded as (in "added by"). */
const TOKEN_OPERATOR = 'web';

export function consoleRoutes(app: Hono<WebEnv>, parts: WebParts): void {
  const { sessions, config, logins, consoleData, cookies } = parts;
  const token = config.secrets.webToken;
  const failures = new Map<string, { count: number; until: number }>();
  const now = () => parts.services.clock().getTime();
  const cookieOptions = (maxAge: number): CookieOptions => ({
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    maxAge,
    ...(cookies.secure ? { secure: true, prefix: 'host' as const } : {}),
  });
  // Over HTTPS the names get the __Host- prefix: such a cookie cannot be set by another host.
  const readCookie = (c: WebContext, name: string) => getCookie(c, name, cookies.secure ? 'host' : undefined);
  const writeCookie = (c: WebContext, name: string, value: string, maxAge: number) =>
    setCookie(c, name, value, cookieOptions(maxAge));
  const clearCookie = (c: WebContext, name: string) =>
    deleteCookie(c, name, { path: '/', ...(cookies.secure ? { secure: true, prefix: 'host' } : {}) });

  // The session, for every route: the console's own, and the public pages' logout link.
  app.use('*', async (c, next) => {
    const session = sessions.verify(readCookie(c, cookies.session));
    c.set('session', session);
    c.set('csrf', session ? sessions.csrf(session.sid) : null);
    await next();
  });

  const clientOf = (c: WebContext) => c.env?.incoming?.socket?.remoteAddress ?? 'unknown';
  const throttled = (c: WebContext) => {
    const entry = failures.get(clientOf(c));
    return entry !== undefined && entry.count >= MAX_FAILED_LOGINS && entry.until > now();
  };
  const failed = (c: WebContext) => {
    // Forget the addresses whose wait is over, so that many of them cannot fill the memory.
    if (failures.size > MAX_TRACKED_ADDRESSES) {
      for (const [address, entry] of failures) if (entry.until <= now()) failures.delete(address);
    }
    const client = clientOf(c);
    const entry = failures.get(client);
    if (!entry || entry.until <= now())
      failures.set(client, { count: 1, until: now() + FAILED_LOGIN_WINDOW_MS });
    else entry.count++;
  };

  /** A login form's CSRF token, bound to a nonce cookie: a login cannot be forced from another site. */
  const loginCsrf = (c: WebContext): string => {
    let nonce = readCookie(c, cookies.login);
    if (!nonce || !/^[A-Za-z0-9_-]{22}$/.test(nonce)) {
      nonce = randomBytes(16).toString('base64url');
      writeCookie(c, cookies.login, nonce, LOGIN_NONCE_SECONDS);
    }
    return sessions.csrf(`login|${nonce}`);
  };
  const loginCsrfOk = (c: WebContext, given: unknown) => {
    const nonce = readCookie(c, cookies.login);
    return Boolean(nonce) && sessions.checkCsrf(`login|${nonce}`, given);
  };
  const startSession = (c: WebContext, operator: string, withToken: boolean) => {
    const { value } = sessions.issue(operator, withToken);
    writeCookie(c, cookies.session, value, Math.round(config.web.sessionHours * 3600));
    clearCookie(c, cookies.login);
  };

  const flash = (c: WebContext, result: ChangeResult) =>
    writeCookie(
      c,
      cookies.flash,
      sessions.sign(JSON.stringify({ text: result.message.slice(0, FLASH_CHARS), ok: result.ok })),
      60,
    );
  const takeFlash = (c: WebContext): { text: string; kind: 'ok' | 'error' } | null => {
    const value = readCookie(c, cookies.flash);
    if (!value) return null;
    clearCookie(c, cookies.flash);
    const text = sessions.unsign(value);
    if (!text) return null;
    try {
      const parsed = JSON.parse(text) as { text: string; ok: boolean };
      return { text: String(parsed.text), kind: parsed.ok ? 'ok' : 'error' };
    } catch {
      return null;
    }
  };

  /** Pages: a session, else the login page. */
  const requirePage: MiddlewareHandler<WebEnv> = async (c, next) => {
    if (!c.get('session')) return c.redirect('/console/login', 303);
    c.header('Cache-Control', 'no-store');
    await next();
  };
  /** Page forms: the session's CSRF token, from this site. */
  const requireForm: MiddlewareHandler<WebEnv> = async (c, next) => {
    const session = c.get('session');
    if (!session) return c.redirect('/console/login', 303);
    const form = await c.req.parseBody();
    if (!sameSite(c, parts) || !sessions.checkCsrf(session.sid, form.csrf)) {
      return sendPage(c, parts, { title: 'Refused' }, refusedPage(), 403);
    }
    await next();
  };
  /** The API: the bearer token, or a session (and for a change, its CSRF token in X-CSRF-Token). */
  const requireApi: MiddlewareHandler<WebEnv> = async (c, next) => {
    c.header('Cache-Control', 'no-store');
    const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    if (bearer !== undefined) {
      if (throttled(c))
        return jsonError(c, 429, 'too many failed logins from this address: wait a quarter of an hour');
      if (!sessions.checkToken(token, bearer)) {
        failed(c);
        return jsonError(c, 401, 'that bearer token is not QUOTEWIRE_WEB_TOKEN');
      }
      c.set('session', { operator: TOKEN_OPERATOR, sid: 'bearer', expiresAt: Number.MAX_SAFE_INTEGER });
      c.set('csrf', null);
      return next();
    }
    const session = c.get('session');
    if (!session)
      return jsonError(
        c,
        401,
        'log in: send Authorization: Bearer <QUOTEWIRE_WEB_TOKEN>, or the console session cookie',
      );
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      if (!sameSite(c, parts) || !sessions.checkCsrf(session.sid, c.req.header('x-csrf-token'))) {
        return jsonError(
          c,
          403,
          'a change with the session cookie needs its CSRF token in the X-CSRF-Token header',
        );
      }
    }
    return next();
  };
  /** Who made a change, as "added by" records it: `web`, or the chat operator a link was sent to. */
  const by = (session: Session | null) =>
    !session || session.operator === TOKEN_OPERATOR ? TOKEN_OPERATOR : `${session.operator} (web)`;

  app.get('/console/login', (c) => {
    if (c.get('session')) return c.redirect('/console', 303);
    c.header('Cache-Control', 'no-store');
    return sendPage(
      c,
      parts,
      { title: 'Log in', section: 'console' },
      loginPage({ csrf: loginCsrf(c), hasToken: token !== null, failed: false }),
    );
  });

  app.post('/console/login', async (c) => {
    c.header('Cache-Control', 'no-store');
    const form = await c.req.parseBody();
    if (!sameSite(c, parts) || !loginCsrfOk(c, form.csrf)) {
      return sendPage(c, parts, { title: 'Refused', section: 'console' }, refusedPage(), 403);
    }
    if (throttled(c)) {
      return sendPage(
        c,
        parts,
        { title: 'Wait', section: 'console' },
        html`<h1>Too many tries</h1>
          <p>Too many wrong tokens from this address: wait a quarter of an hour.</p>`,
        429,
      );
    }
    if (!sessions.checkToken(token, form.token)) {
      failed(c);
      parts.logger.warn('web: a console login with a wrong token was refused');
      return sendPage(
        c,
        parts,
        { title: 'Log in', section: 'console' },
        loginPage({ csrf: loginCsrf(c), hasToken: token !== null, failed: true }),
        401,
      );
    }
    startSession(c, TOKEN_OPERATOR, true);
    parts.logger.info('web: an operator logged in to the console with the token');
    return c.redirect('/console', 303);
  });

  // A link from the bot: a page that asks to confirm, so that a chat's link preview (which fetches
  // the address) cannot use the link up before the operator does.
  app.get('/console/login/:secret', async (c) => {
    c.header('Cache-Control', 'no-store');
    const secret = c.req.param('secret');
    const valid = await logins.isValid(secret);
    return sendPage(
      c,
      parts,
      { title: 'Log in', section: 'console' },
      linkLoginPage({ csrf: loginCsrf(c), secret, valid }),
      valid ? 200 : 404,
    );
  });

  app.post('/console/login/:secret', async (c) => {
    c.header('Cache-Control', 'no-store');
    const form = await c.req.parseBody();
    if (!sameSite(c, parts) || !loginCsrfOk(c, form.csrf)) {
      return sendPage(c, parts, { title: 'Refused', section: 'console' }, refusedPage(), 403);
    }
    const operator = await logins.redeem(c.req.param('secret'));
    if (!operator) {
      return sendPage(
        c,
        parts,
        { title: 'Log in', section: 'console' },
        linkLoginPage({ csrf: '', secret: '', valid: false }),
        404,
      );
    }
    startSession(c, operator, false);
    parts.logger.info(`web: ${operator} logged in to the console with a one-time link`);
    return c.redirect('/console', 303);
  });

  app.post('/console/logout', requireForm, (c) => {
    clearCookie(c, cookies.session);
    return c.redirect(config.web.publicPages ? '/' : '/console/login', 303);
  });

  app.get('/console', requirePage, async (c) => {
    const [overview, llm] = await Promise.all([consoleData.overview(), consoleData.llm()]);
    return sendPage(
      c,
      parts,
      { title: 'Console', section: 'console', notice: takeFlash(c) },
      overviewPage(overview, llm),
    );
  });

  app.get('/console/sources', requirePage, async (c) => {
    const csrf = c.get('csrf')!;
    return sendPage(
      c,
      parts,
      { title: 'Sources', section: 'console', notice: takeFlash(c) },
      sourcesPage(await consoleData.sources(), csrf),
    );
  });

  app.post('/console/sources', requireForm, async (c) => {
    const form = await c.req.parseBody();
    const location = typeof form.location === 'string' ? form.location.trim() : '';
    const result = location
      ? await consoleData.addSource(location, by(c.get('session')))
      : {
          ok: false,
          message: 'Not added: give the address of a feed or a page, such as https://example.com/feed.xml',
        };
    parts.logger.info(`web: ${c.get('session')!.operator}: ${result.message}`);
    flash(c, result);
    return c.redirect('/console/sources', 303);
  });

  app.post('/console/sources/:id/remove', requireForm, async (c) => {
    const result = await consoleData.removeSource(c.req.param('id'), by(c.get('session')));
    flash(c, result);
    return c.redirect('/console/sources', 303);
  });

  app.post('/console/sources/:id/restore', requireForm, async (c) => {
    const result = await consoleData.restoreSource(c.req.param('id'));
    flash(c, result);
    return c.redirect('/console/sources', 303);
  });

  app.get('/console/subscriptions', requirePage, async (c) =>
    sendPage(
      c,
      parts,
      { title: 'Subscriptions', section: 'console' },
      subscriptionsPage(await consoleData.subscriptions()),
    ),
  );

  app.get('/console/subscriptions/:id/preview', requirePage, async (c) => {
    const preview = await consoleData.preview(c.req.param('id'));
    if (!preview) {
      return sendPage(
        c,
        parts,
        { title: 'No such chat', section: 'console' },
        notFoundPage(
          'No subscription has that id.',
          html`<p><a href="/console/subscriptions">All subscriptions</a></p>`,
        ),
        404,
      );
    }
    return sendPage(
      c,
      parts,
      { title: `Preview for ${preview.subscription.id}`, section: 'console' },
      previewPage(preview, html`${storySections(preview.stories, config.web.publicPages)}`),
    );
  });

  // Also matches /api/console itself.
  app.use('/api/console/*', requireApi);
  app.get('/api/console', async (c) => c.json(await consoleData.overview()));
  app.get('/api/console/sources', async (c) => c.json(await consoleData.sources()));
  app.post('/api/console/sources', async (c) => {
    let location: unknown;
    try {
      location = ((await c.req.json()) as { location?: unknown }).location;
    } catch (error) {
      return jsonError(
        c,
        400,
        `send JSON such as {"location": "https://example.com/feed.xml"} (${describeError(error)})`,
      );
    }
    if (typeof location !== 'string' || !location.trim()) {
      return jsonError(c, 400, 'send JSON such as {"location": "https://example.com/feed.xml"}');
    }
    const result = await consoleData.addSource(location.trim(), by(c.get('session')));
    return c.json(result, result.ok ? 200 : 400);
  });
  app.post('/api/console/sources/:id/remove', async (c) => {
    const result = await consoleData.removeSource(c.req.param('id'), by(c.get('session')));
    return c.json(result, result.ok ? 200 : 404);
  });
  app.post('/api/console/sources/:id/restore', async (c) => {
    const result = await consoleData.restoreSource(c.req.param('id'));
    return c.json(result, result.ok ? 200 : 404);
  });
  app.get('/api/console/subscriptions', async (c) =>
    c.json({ subscriptions: await consoleData.subscriptions() }),
  );
  app.get('/api/console/subscriptions/:id/preview', async (c) => {
    const preview = await consoleData.preview(c.req.param('id'));
    return preview
      ? c.json(preview)
      : jsonError(c, 404, 'no subscription has that id: see /api/console/subscriptions');
  });
  app.get('/api/console/llm', async (c) => c.json(await consoleData.llm()));
}

/**
 * Whether a change comes from a page of this site: browsers say where a request comes from
 * (Sec-Fetch-Site, Origin); a request without either (a script) has the CSRF token to show instead.
 */
function sameSite(c: WebContext, parts: WebParts): boolean {
  const site = c.req.header('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') return false;
  const origin = c.req.header('origin');
  if (!origin) return true;
  const own = new URL(c.req.url).origin;
  const published = parts.config.web.publicUrl ? new URL(parts.config.web.publicUrl).origin : null;
  return origin === own || origin === published;
}

function refusedPage() {
  return html`<h1>Refused</h1>
    <p>
      That change did not come with this page’s security token (it may be from another site, or the page was
      open too long). Go back, reload the page and try again.
    </p>
    <p><a href="/console">Console</a></p>`;
}
