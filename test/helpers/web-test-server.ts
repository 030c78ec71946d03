/**
 * A running Quotewire with its web page on 127.0.0.1 (a free port), on a config written for the test:
 * the bundled sample plus whatever the test adds, the real store, pipeline and web server. Also a
 * small cookie-keeping client, since Node's fetch keeps no cookies.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type App } from '../../src/app/container.js';
import { loadConfig, type AppConfig } from '../../src/config/load-config.js';
import { createMemoryLogger } from '../../src/kernel/logger.js';
import { startWebServer, type WebServer } from '../../src/web/web-server.js';
import { REPO_ROOT } from './run-cli.js';

export const SAMPLE = join(REPO_ROOT, 'samples', 'pompeo-huawei-2020-02-01.txt');
export const WEB_TOKEN = 'test-token-0123456789abcdefghij';

export interface WebTestServer {
  app: App;
  config: AppConfig;
  web: WebServer;
  logger: ReturnType<typeof createMemoryLogger>;
  folder: string;
  close(): Promise<void>;
}

/**
 * @param yaml - config lines besides the sources, store and web sections
 * @param options.sources - extra source lines (YAML list items), after the sample
 * @param options.web - extra keys of the web section
 */
export async function startWebTestServer(
  options: {
    yaml?: string;
    sources?: string[];
    web?: string[];
    env?: Record<string, string>;
    now?: () => Date;
  } = {},
): Promise<WebTestServer> {
  const folder = mkdtempSync(join(tmpdir(), 'qw-web-'));
  const file = join(folder, 'quotewire.yaml');
  const sources = [`  - { id: sample, url: ${JSON.stringify(SAMPLE)} }`, ...(options.sources ?? [])];
  writeFileSync(
    file,
    [
      'sources:',
      ...sources,
      'store:',
      '  url: sqlite://./store.sqlite',
      'web:',
      '  enabled: true',
      '  port: 0',
      ...(options.web ?? []).map((line) => `  ${line}`),
      options.yaml ?? '',
    ].join('\n'),
  );
  const config = loadConfig({ file, env: { QUOTEWIRE_WEB_TOKEN: WEB_TOKEN, ...options.env } });
  const logger = createMemoryLogger();
  const app = await createApp(config, { logger, clock: options.now });
  await app.services.poller.pollAll({ force: true });
  const web = await startWebServer({
    config,
    services: app.services,
    store: app.store,
    health: app.health,
    registry: app.metricsRegistry!,
    logins: app.webLogins,
    logger,
  });
  return {
    app,
    config,
    web,
    logger,
    folder,
    close: async () => {
      await web.close();
      await app.close();
    },
  };
}

/** A browser's cookie jar, enough for our own cookies (one path, no domains). */
export class CookieClient {
  readonly cookies = new Map<string, string>();

  constructor(private readonly origin: string) {}

  /** A request with the jar's cookies; redirects are not followed, so each step can be seen. */
  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) {
      headers.set('cookie', [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    }
    const response = await fetch(`${this.origin}${path}`, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  /** A form post, as a browser on our own page sends it. */
  post(
    path: string,
    fields: Record<string, string>,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    return this.fetch(path, {
      method: 'POST',
      body: new URLSearchParams(fields),
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: this.origin, ...headers },
    });
  }
}

/** The value of a page's hidden CSRF field. */
export function csrfOf(page: string): string {
  const match = /name="csrf" value="([^"]+)"/.exec(page);
  if (!match) throw new Error('the page has no CSRF field');
  return match[1]!;
}
