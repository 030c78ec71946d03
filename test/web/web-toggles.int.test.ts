import { afterEach, describe, expect, it } from 'vitest';
import { StoreError } from '../../src/store/store.js';
import { startWebTestServer, WEB_TOKEN, type WebTestServer } from '../helpers/web-test-server.js';

/** What the config's switches turn off, and what /readyz says about platforms that are not up. */
let server: WebTestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('the web settings at work', () => {
  it('without the public pages: the archive and its JSON are gone, the console stays', async () => {
    server = await startWebTestServer({ web: ['publicPages: false'] });
    const origin = server.web.url;
    const home = await fetch(`${origin}/`, { redirect: 'manual' });
    expect(home.status).toBe(302);
    expect(home.headers.get('location')).toBe('/console');
    for (const path of [
      '/speakers/mike+pompeo',
      '/search?name=pompeo',
      '/days',
      '/api/digest',
      '/api/search?name=x',
    ]) {
      expect((await fetch(`${origin}${path}`)).status, path).toBe(404);
    }
    expect((await fetch(`${origin}/console/login`)).status).toBe(200);
    const index = (await (await fetch(`${origin}/api/`)).json()) as { endpoints: Record<string, string> };
    expect(Object.keys(index.endpoints)).toContain('GET /api/console/sources');
    expect(Object.keys(index.endpoints)).not.toContain('GET /api/digest');
  });

  it('without the console: no login, no /api/console, and /weblogin says it is off', async () => {
    server = await startWebTestServer({ web: ['console: false'] });
    const origin = server.web.url;
    expect((await fetch(`${origin}/console`)).status).toBe(404);
    expect((await fetch(`${origin}/console/login`)).status).toBe(404);
    expect((await fetch(`${origin}/api/console/sources`)).status).toBe(404);
    expect((await fetch(`${origin}/`)).status).toBe(200);
    const link = await server.app.services.web.loginLink('terminal');
    expect(link).toEqual({ refused: 'console-off' });
  });

  it('makes an address that tried ten wrong tokens wait, even with the right one', async () => {
    server = await startWebTestServer();
    const api = (token: string) =>
      fetch(`${server!.web.url}/api/console`, { headers: { authorization: `Bearer ${token}` } });
    for (let i = 0; i < 10; i++) expect((await api(`wrong-${i}`)).status).toBe(401);
    const waiting = await api(WEB_TOKEN);
    expect(waiting.status).toBe(429);
    expect(await waiting.json()).toEqual({
      error: 'too many failed logins from this address: wait a quarter of an hour',
    });
    expect(server.logger.lines.join('\n')).not.toContain(WEB_TOKEN);
  });

  it('is not ready while a platform with a token is not connected', async () => {
    server = await startWebTestServer({ env: { TELEGRAM_BOT_TOKEN: '123:abc' } });
    const ready = await fetch(`${server.web.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({
      ready: false,
      checks: {
        store: { ok: true, state: 'up', detail: null },
        telegram: { ok: false, state: 'not started', detail: null },
      },
    });
    server.app.health.report('telegram', 'up');
    expect((await fetch(`${server.web.url}/readyz`)).status).toBe(200);
    // The store stops answering (as Redis does when it goes away): not ready, and why.
    const store = server.app.store;
    const ping = store.ping;
    store.ping = () => Promise.reject(new StoreError('Redis is unreachable: connection refused'));
    const down = await fetch(`${server.web.url}/readyz`);
    expect(down.status).toBe(503);
    expect(((await down.json()) as { checks: { store: unknown } }).checks.store).toEqual({
      ok: false,
      state: 'down',
      detail: 'Redis is unreachable: connection refused',
    });
    store.ping = ping;
  });
});
