/**
 * What every route of the web page shares: its dependencies, the request's session, and the small
 * helpers for answers (a page, a JSON error, a page number from the query).
 */
import type { HttpBindings } from '@hono/node-server';
import type { Context } from 'hono';
import type { Registry } from 'prom-client';
import type { Services } from '../chat/services.js';
import type { AppConfig } from '../config/load-config.js';
import type { HealthMonitor } from '../health/health-monitor.js';
import type { Logger } from '../kernel/logger.js';
import type { Store } from '../store/store.js';
import type { Archive } from './archive.js';
import type { ConsoleData } from './console-data.js';
import type { Html, Interpolation } from './html.js';
import { page, type PageOptions } from './layout.js';
import type { LoginLinks } from './login-links.js';
import type { Session, SessionSigner } from './session.js';
import { MAX_PAGE } from './archive.js';

/** The parts the web page is built from, by the composition root. */
export interface WebDeps {
  config: AppConfig;
  services: Services;
  store: Store;
  health: HealthMonitor;
  /** What /metrics serves. */
  registry: Registry;
  logins: LoginLinks;
  sessions: SessionSigner;
  logger: Logger;
}

/** The request's environment in Hono: Node's request, and the session found for it. */
export type WebEnv = {
  Bindings: HttpBindings;
  Variables: { session: Session | null; csrf: string | null };
};

export type WebContext = Context<WebEnv>;

/** Everything the route modules need, built once. */
export interface WebParts extends WebDeps {
  archive: Archive;
  consoleData: ConsoleData;
  cookies: CookieNames;
}

export interface CookieNames {
  /** Only over HTTPS (`__Host-` names and the Secure flag), when web.publicUrl is https. */
  secure: boolean;
  session: string;
  login: string;
  flash: string;
}

/** A whole page, with the console's logout form when an operator is logged in. */
export function sendPage(
  c: WebContext,
  parts: WebParts,
  options: Omit<PageOptions, 'publicPages' | 'console'>,
  body: Interpolation,
  status: 200 | 400 | 401 | 403 | 404 | 429 | 500 | 503 = 200,
): Response {
  const session = c.get('session');
  const csrf = c.get('csrf');
  const html: Html = page(
    {
      ...options,
      publicPages: parts.config.web.publicPages,
      console: session && csrf ? { csrf, operator: session.operator } : null,
    },
    body,
  );
  return c.html(html.text, status);
}

/** A JSON error for scripts: `{"error": "what is wrong and what to do"}`. */
export function jsonError(
  c: WebContext,
  status: 400 | 401 | 403 | 404 | 429 | 500 | 503,
  message: string,
): Response {
  return c.json({ error: message }, status);
}

/** The page number in `?page=`: 1 when absent, null when it is not one from 1 to MAX_PAGE. */
export function pageNumber(c: WebContext): number | null {
  const text = c.req.query('page');
  if (text === undefined || text === '') return 1;
  if (!/^\d{1,4}$/.test(text)) return null;
  const page = Number(text);
  return page >= 1 && page <= MAX_PAGE ? page : null;
}

export const BAD_PAGE = `page must be a whole number from 1 to ${MAX_PAGE}`;
