import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommandLine } from '../../src/chat/command-runner.js';
import type { Caller } from '../../src/chat/command-definition.js';
import { renderPlainText } from '../../src/chat/render-text.js';
import { DeliveryLedger } from '../../src/delivery/delivery-ledger.js';
import { TokenBudget } from '../../src/summaries/token-budget.js';
import { startTestHttpServer, type TestHttpServer } from '../helpers/test-http-server.js';
import {
  CookieClient,
  csrfOf,
  startWebTestServer,
  WEB_TOKEN,
  type WebTestServer,
} from '../helpers/web-test-server.js';

/**
 * The web page's routes over real HTTP, on a real app: the bundled sample, plus an article written
 * to attack the page (script in its title and in a quote, a direction override), plus a feed on a
 * local test server for the console to add.
 */
const HOSTILE = [
  'Harbour vote: <script>alert(1)</script> & \u202evote decided',
  'The harbour board met on Thursday evening to decide whether the old ferry terminal should close for the winter months, after a long debate among the members of the board and the public.',
  '"<img src=x onerror=alert(2)> The terminal will stay open for every boat this winter," said Jane Doe, the harbour master, after the vote was counted in the town hall.',
].join('\n\n');

const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>Local Wire</title>
<item><title>Ferry resumes service</title><link>http://127.0.0.1/ferry</link><guid>ferry-1</guid>
<description>The ferry to the islands resumed service on Monday after repairs to its engine were finished ahead of schedule, “We are glad to sail again,” said Ola Berg, the captain, in a statement.</description></item>
</channel></rss>`;

let server: WebTestServer;
let feed: TestHttpServer;
let origin: string;

beforeAll(async () => {
  feed = await startTestHttpServer({
    '/feed.xml': (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(FEED),
    '/broken.xml': (_req, res) => res.writeHead(500).end('down'),
  });
  const hostile = join(await import('node:os').then((os) => os.tmpdir()), `qw-hostile-${process.pid}.txt`);
  writeFileSync(hostile, HOSTILE);
  server = await startWebTestServer({
    sources: [`  - { id: hostile, url: ${JSON.stringify(hostile)} }`],
    yaml: 'polling:\n  allowLoopback: true\n',
  });
  origin = server.web.url;
});

afterAll(async () => {
  await server?.close();
  await feed?.close();
});

async function get(path: string): Promise<{ status: number; body: string; response: Response }> {
  const response = await fetch(`${origin}${path}`, { redirect: 'manual' });
  return { status: response.status, body: await response.text(), response };
}

/** A page's words, without tags and with whitespace as a browser shows it. */
function textOf(page: string): string {
  return page
    .replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Every href on a page that leads to one of our own pages. */
function localLinks(page: string): string[] {
  return [...page.matchAll(/href="(\/[^"]*)"/g)].map((match) => match[1]!.replace(/&amp;/g, '&'));
}

describe('public pages', () => {
  it('show today’s digest with the sample’s story, escaped and without script', async () => {
    const { status, body, response } = await get('/');
    expect(status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(body).toContain('<html lang="en">');
    expect(body).toContain('Mike Pompeo');
    expect(body).toContain('Harbour vote: &lt;script&gt;alert(1)&lt;/script&gt; &amp; vote decided');
    expect(body).toContain('“&lt;img src=x onerror=alert(2)&gt; The terminal will stay open');
    expect(body).not.toMatch(/<script|<img/i);
    expect(body).not.toContain('\u202e');
    // A local file's path is the server's business: no file:// link and no path on a public page.
    expect(body).not.toContain('file://');
    expect(body).not.toContain(server.folder);
  });

  it('lead from a headline to its story page, with every article, summary and key quotes', async () => {
    const home = (await get('/')).body;
    const storyLinks = localLinks(home).filter((path) => path.startsWith('/stories/'));
    expect(storyLinks.length).toBe(2);
    const pompeo = storyLinks.find((path) =>
      home.includes(`href="${path.replace(/&/g, '&amp;')}">US Secretary`),
    );
    const story = await get(pompeo!);
    expect(story.status).toBe(200);
    expect(story.body).toContain('<h2 id="summary">Summary</h2>');
    expect(story.body).toContain('<h2 id="key-quotes">Key quotes</h2>');
    expect(story.body).toMatch(/Every article \(1\)/);
    expect(story.body).toContain('href="/speakers/dominic+raab"');
    // The same story as JSON, for scripts.
    const api = (await (await fetch(`${origin}/api${pompeo!}`)).json()) as {
      headline: string;
      reports: unknown[];
    };
    expect(story.body).toContain(api.headline.slice(0, 40));
    expect(api.reports).toHaveLength(1);
  });

  it('refuse a story address that is not one of ours', async () => {
    expect((await get('/stories/0123456789abcdef?until=2020-01-01T00:00:00.000Z')).status).toBe(404);
    expect((await get('/stories/0123456789abcdef?until=yesterday')).status).toBe(404);
    expect((await get('/stories/<script>?until=2099-01-01T00:00:00.000Z')).status).toBe(404);
    expect((await get('/api/stories/x')).body).toMatch(/^\{"error":"No such story here/);
  });

  it('send an article’s address on to its story', async () => {
    const speaker = (await (await fetch(`${origin}/api/speakers/jane+doe`)).json()) as {
      quotes: { storyPath: string; text: string }[];
    };
    expect(speaker.quotes[0]!.text).toContain('<img src=x onerror=alert(2)>');
    const redirect = await get(speaker.quotes[0]!.storyPath);
    expect(redirect.status).toBe(302);
    const story = await get(redirect.response.headers.get('location')!);
    expect(story.status).toBe(200);
    expect(story.body).toContain('&lt;img src=x onerror=alert(2)&gt; The terminal will stay open');
    expect(story.body).not.toMatch(/<img|<script/i);
  });

  it('show a speaker’s quotes newest first, a page at a time, with the JSON twin', async () => {
    const page = await get('/speakers/mike+pompeo');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<h1>Mike Pompeo</h1>');
    const api = (await (await fetch(`${origin}/api/speakers/mike+pompeo`)).json()) as {
      quotes: { text: string; article: { url: string | null } }[];
      total: number;
      pageSize: number;
    };
    expect(api.total).toBeGreaterThanOrEqual(5);
    expect(api.quotes[0]!.article.url).toBeNull();
    for (const quote of api.quotes.slice(0, 3)) expect(page.body).toContain(quote.text.slice(0, 30));
    const badPage = await get('/speakers/mike+pompeo?page=0');
    expect(badPage.status).toBe(400);
    expect(badPage.body).toContain('<h1>Bad page number</h1>');
    expect(badPage.body).not.toContain('Not found');
    expect((await get('/speakers/mike+pompeo?page=abc')).status).toBe(400);
    expect((await get('/speakers/nobody+known')).status).toBe(404);
    expect((await get('/speakers/%3Cscript%3E')).body).toContain('&lt;script&gt;');
  });

  it('list everyone quoted, most quoted first, and those whose name starts with some letters', async () => {
    const all = await get('/speakers');
    expect(all.status).toBe(200);
    expect(textOf(all.body)).toMatch(/\d+ speakers, most quoted first/);
    expect(all.body).toContain('href="/speakers/mike+pompeo"');
    const some = await get('/speakers?letters=pom');
    expect(some.body).toContain('href="/speakers/mike+pompeo"');
    expect(some.body).not.toContain('href="/speakers/jane+doe"');
    const api = (await (await fetch(`${origin}/api/speakers?letters=do`)).json()) as {
      speakers: { name: string; path: string }[];
      total: number;
    };
    expect(api.speakers.map((speaker) => speaker.name)).toContain('Jane Doe');
    expect((await get('/api/speakers?page=9999')).status).toBe(400);
  });

  it('search by a name with typos and by words, as /quotes does', async () => {
    const page = await get('/search?name=pompei&words=huawei');
    expect(page.status).toBe(200);
    expect(page.body).toContain('showing the closest spelling, “pompeo”');
    expect(page.body).toContain('value="pompei"');
    const api = (await (await fetch(`${origin}/api/search?name=pompei&words=huawei`)).json()) as {
      kind: string;
      corrected: string;
      appliedWords: string[];
    };
    expect(api).toMatchObject({ kind: 'found', corrected: 'pompeo', appliedWords: ['huawei'] });
    const none = await get('/search?name=zzqqxx');
    expect(none.body).toContain('Nobody called “zzqqxx” has been quoted yet');
    const hostile = await get(`/search?name=${encodeURIComponent('"><script>alert(3)</script>')}`);
    expect(hostile.body).not.toContain('<script>alert(3)');
    expect((await get('/api/search')).status).toBe(400);
    const unknownWords = (await (await fetch(`${origin}/api/search?name=pompeo&words=zzqqxx`)).json()) as {
      kind: string;
      quotes: unknown[];
    };
    expect(unknownWords).toMatchObject({ kind: 'found', quotes: [] });
  });

  it('search by words alone: quotes by anyone, escaped, with phrases in double quotes', async () => {
    // The hostile article's quote (an <img> in it), found by its words without a name.
    const page = await get('/search?words=TERMINAL+winter');
    expect(page.status).toBe(200);
    expect(page.body).toContain('value="TERMINAL winter"');
    expect(textOf(page.body)).toContain('Quotes with “terminal” “winter” (1–1 of 1)');
    expect(textOf(page.body)).toContain('The terminal will stay open for every boat this winter');
    expect(page.body).toContain('href="/speakers/jane+doe"');
    expect(page.body).not.toMatch(/<img|<script/i);
    expect(page.body).toContain('&lt;img src=x onerror=alert(2)&gt;');
    const phrase = await get(`/search?words=${encodeURIComponent('"every boat"')}`);
    expect(textOf(phrase.body)).toContain('Quotes with “every boat” (1–1 of 1)');
    const reversed = await get(`/search?words=${encodeURIComponent('"boat every"')}`);
    expect(textOf(reversed.body)).toContain('No quotes with “boat every”');
    const api = (await (await fetch(`${origin}/api/search?words=terminal`)).json()) as {
      kind: string;
      appliedWords: string[];
      total: number;
      quotes: { speaker: string; text: string; storyPath: string }[];
    };
    expect(api).toMatchObject({ kind: 'words', appliedWords: ['terminal'], total: 1 });
    expect(api.quotes[0]).toMatchObject({ speaker: 'Jane Doe' });
    expect(api.quotes[0]!.text).toContain('<img src=x onerror=alert(2)>');
    // Quotes from the bundled sample too, whoever said them.
    const huawei = (await (await fetch(`${origin}/api/search?words=huawei`)).json()) as {
      quotes: { speaker: string }[];
    };
    expect(huawei.quotes.length).toBeGreaterThan(0);
    expect(huawei.quotes.every((hit) => hit.speaker.length > 0)).toBe(true);
    const common = await get('/search?words=the+of');
    expect(textOf(common.body)).toContain('Too common to search: “the”, “of”');
    expect(textOf(common.body)).toContain('Nothing left to search for');
    const hostile = await get(`/search?words=${encodeURIComponent('"><script>alert(4)</script>')}`);
    expect(hostile.status).toBe(200);
    expect(hostile.body).not.toContain('<script>alert(4)');
    expect((await get('/api/search?words=%20')).status).toBe(400);
  });

  it('list past days, and refuse a day to come', async () => {
    expect((await get('/days')).body).toMatch(/<a href="\/days\/\d{4}-\d{2}-\d{2}">/);
    const days = JSON.parse((await get('/api/days')).body) as {
      today: string;
      days: { day: string; api: string }[];
    };
    expect(days.days[0]!.day < days.today).toBe(true);
    expect((await get(days.days[0]!.api)).status).toBe(200);
    expect((await get('/days?date=2020-02-01')).response.headers.get('location')).toBe('/days/2020-02-01');
    expect((await get('/days/2020-02-01')).status).toBe(200);
    expect((await get('/days/2999-01-01')).status).toBe(404);
    expect((await get('/days/2020-02-30')).status).toBe(404);
    const api = (await (await fetch(`${origin}/api/digest`)).json()) as {
      isToday: boolean;
      stories: unknown[];
    };
    expect(api.isToday).toBe(true);
    expect(api.stories).toHaveLength(2);
  });
});

describe('machine endpoints', () => {
  it('answer /livez and /readyz', async () => {
    expect(await (await fetch(`${origin}/livez`)).json()).toEqual({ live: true });
    const ready = await fetch(`${origin}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      ready: true,
      checks: { store: { ok: true, state: 'up', detail: null } },
    });
  });

  it('serve Prometheus metrics without chat ids or URLs as label values', async () => {
    await server.app.services.poller.pollSource({
      id: 'broken',
      url: feed.url('/broken.xml'),
      schedule: null,
      completeTeasers: null,
      origin: 'added',
      addedBy: null,
      addedAt: null,
    });
    const response = await fetch(`${origin}/metrics`);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toMatch(/^quotewire_polls_total\{result="new"\} 2$/m);
    expect(text).toMatch(/^quotewire_fetch_errors_total\{kind="http-status"\} 1$/m);
    expect(text).toMatch(/^quotewire_articles_stored_total 2$/m);
    expect(text).toMatch(/^quotewire_quotes_extracted_total \d+$/m);
    // Every value of a closed list is there from the start, at 0 until it happens.
    expect(text).toMatch(/^quotewire_fetch_errors_total\{kind="timeout"\} 0$/m);
    expect(text).toMatch(/^quotewire_deliveries_total\{result="sent"\} 0$/m);
    expect(text).toMatch(/^quotewire_rate_limited_total\{platform="discord"\} 0$/m);
    expect(text).toMatch(/^quotewire_llm_tokens_total\{kind="prompt"\} 0$/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);
    for (const [, labels] of text.matchAll(/^\w+\{([^}]*)\}/gm)) {
      expect(labels).not.toMatch(/https?:|127\.0\.0\.1|telegram:|\/tmp/);
    }
  });
});

describe('the operator console', () => {
  const visitor = () => new CookieClient(origin);

  async function loggedIn(): Promise<{ client: CookieClient; csrf: string }> {
    const client = visitor();
    const form = await (await client.fetch('/console/login')).text();
    const response = await client.post('/console/login', { csrf: csrfOf(form), token: WEB_TOKEN });
    expect(response.status).toBe(303);
    const console = await client.fetch('/console');
    expect(console.status).toBe(200);
    return { client, csrf: csrfOf(await console.text()) };
  }

  it('sends visitors to the login page, and scripts get 401', async () => {
    const page = await visitor().fetch('/console/sources');
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/console/login');
    const api = await fetch(`${origin}/api/console/sources`);
    expect(api.status).toBe(401);
    expect(await api.json()).toEqual({ error: expect.stringContaining('Authorization: Bearer') });
    expect(
      (await fetch(`${origin}/api/console`, { headers: { authorization: 'Bearer wrong' } })).status,
    ).toBe(401);
  });

  it('refuses a wrong token, and a login form posted without its CSRF token', async () => {
    const client = visitor();
    const form = await (await client.fetch('/console/login')).text();
    const wrong = await client.post('/console/login', { csrf: csrfOf(form), token: 'not-the-token' });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('That token is not the console’s');
    const forged = await visitor().post('/console/login', { csrf: csrfOf(form), token: WEB_TOKEN });
    expect(forged.status).toBe(403);
    expect(forged.headers.getSetCookie().join()).not.toContain('qw_session');
  });

  it('shows sources, and adds one with the chat’s checks only with the session’s CSRF token', async () => {
    const { client, csrf } = await loggedIn();
    const url = feed.url('/feed.xml');
    // Without the token, from another site, or with another session's token: refused, nothing added.
    expect((await client.post('/console/sources', { location: url })).status).toBe(403);
    expect((await client.post('/console/sources', { location: url, csrf: 'x' })).status).toBe(403);
    expect(
      (await client.post('/console/sources', { location: url, csrf }, { origin: 'https://evil.example' }))
        .status,
    ).toBe(403);
    expect(
      (await client.post('/console/sources', { location: url, csrf }, { 'sec-fetch-site': 'cross-site' }))
        .status,
    ).toBe(403);
    const other = await loggedIn();
    expect((await client.post('/console/sources', { location: url, csrf: other.csrf })).status).toBe(403);
    expect((await server.app.services.catalog.list()).map((source) => source.id)).toEqual([
      'sample',
      'hostile',
    ]);

    // A server path is refused as it is in a chat: only the terminal may add local files.
    expect((await client.post('/console/sources', { location: '/etc', csrf })).status).toBe(303);
    expect(await (await client.fetch('/console/sources')).text()).toContain(
      'Not added: local files and folders can only be added at the terminal or in the config file',
    );

    const added = await client.post('/console/sources', { location: url, csrf });
    expect(added.status).toBe(303);
    const page = await (await client.fetch('/console/sources')).text();
    expect(page).toMatch(
      /Added 127-0-0-1[\w-]*feed \(http:\/\/127\.0\.0\.1:\d+\/feed\.xml\): 1 article\(s\) stored so far\./,
    );
    expect(page).toContain('added by web');
    // A local source's path is shown, not linked (as a path of this site it would lead nowhere).
    expect(page).toContain('qw-hostile-');
    expect(page).not.toMatch(/href="\/(tmp|work|var|private)/);
    const ids = (await server.app.services.catalog.list()).map((source) => source.id);
    expect(ids).toHaveLength(3);

    // Remove a config source, then restore it.
    expect((await client.post('/console/sources/sample/remove', { csrf })).status).toBe(303);
    expect(await (await client.fetch('/console/sources')).text()).toContain(
      'Removed sample, a source of the config file',
    );
    expect((await server.app.services.catalog.hidden()).map((source) => source.id)).toEqual(['sample']);
    expect((await client.post('/console/sources/sample/restore', { csrf })).status).toBe(303);
    expect(await server.app.services.catalog.hidden()).toEqual([]);
  });

  it('serves the same through the API with the bearer token, or the session and X-CSRF-Token', async () => {
    const bearer = { authorization: `Bearer ${WEB_TOKEN}`, 'content-type': 'application/json' };
    const list = (await (await fetch(`${origin}/api/console/sources`, { headers: bearer })).json()) as {
      sources: { id: string; state: string; status: { articlesStored: number } }[];
    };
    expect(list.sources.find((source) => source.id === 'sample')).toMatchObject({ state: 'ok' });
    const refused = await fetch(`${origin}/api/console/sources`, {
      method: 'POST',
      headers: bearer,
      body: JSON.stringify({ location: 'http://169.254.169.254/latest/meta-data/' }),
    });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Not added: refused: .*metadata/),
    });
    const { client, csrf } = await loggedIn();
    const withoutCsrf = await client.fetch('/api/console/sources/hostile/remove', { method: 'POST' });
    expect(withoutCsrf.status).toBe(403);
    const removed = await client.fetch('/api/console/sources/hostile/remove', {
      method: 'POST',
      headers: { 'x-csrf-token': csrf },
    });
    expect(await removed.json()).toMatchObject({ ok: true, sourceId: 'hostile' });
    await client.fetch('/api/console/sources/hostile/restore', {
      method: 'POST',
      headers: { 'x-csrf-token': csrf },
    });
  });

  it('shows subscriptions with their next and last delivery, and a chat’s next digest', async () => {
    const { subscription } = await server.app.services.subscriptions.subscribe(
      { platform: 'telegram', chatId: '-100123', threadId: null },
      { topics: ['huawei'], deliveryTime: '07:30', timeZone: 'Europe/London' },
    );
    const today = new Date().toISOString().slice(0, 10);
    // Two attempts today, the second after one message went out: as the delivery service records them.
    const ledger = new DeliveryLedger(server.app.store, { leaseMs: 120_000, maxAttemptsPerDay: 5 });
    const first = (await ledger.claim(subscription.id, today, 'test', new Date(), 'digest-1'))!;
    await ledger.finish(first, 'failed', new Date(), 'Telegram answered 502 <Bad Gateway>');
    const second = (await ledger.claim(subscription.id, today, 'test', new Date(), 'digest-1'))!;
    await ledger.progress(second, 1, new Date());
    await ledger.finish(second, 'failed', new Date(), 'Telegram answered 502 <Bad Gateway>');
    const { client } = await loggedIn();
    const page = await (await client.fetch('/console/subscriptions')).text();
    const text = textOf(page);
    expect(text).toContain('telegram:-100123');
    expect(text).toContain('topics: huawei');
    expect(text).toContain('07:30 Europe/London');
    expect(text).toMatch(/failed for \d{4}-\d{2}-\d{2}, 2 attempt\(s\), 1 message\(s\), by instance test;/);
    expect(page).toContain('Telegram answered 502 &lt;Bad Gateway&gt;');
    const preview = await client.fetch(
      `/console/subscriptions/${encodeURIComponent(subscription.id)}/preview`,
    );
    expect(preview.status).toBe(200);
    expect(await preview.text()).toMatch(/Next digest of telegram:-100123[\s\S]*Huawei/);
    const api = (await (
      await fetch(`${origin}/api/console/subscriptions`, {
        headers: { authorization: `Bearer ${WEB_TOKEN}` },
      })
    ).json()) as { subscriptions: { id: string; nextDelivery: string; lastDelivery: { state: string } }[] };
    expect(api.subscriptions[0]).toMatchObject({
      id: 'telegram:-100123',
      lastDelivery: { state: 'failed', owner: 'test', leaseUntil: null },
    });
    expect(Date.parse(api.subscriptions[0]!.nextDelivery)).toBeGreaterThan(Date.now());
    // A delivery in progress shows who holds its claim, and until when (another instance resumes it then).
    expect(await ledger.claim(subscription.id, today, 'other-instance', new Date(), 'digest-1')).toBeTruthy();
    const sending = textOf(await (await client.fetch('/console/subscriptions')).text());
    expect(sending).toMatch(
      /sending for \d{4}-\d{2}-\d{2}, 3 attempt\(s\), 1 message\(s\), by instance other-instance, its claim until \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC;/,
    );
  });

  it('shows the LLM token budget and cache counts, and never a secret', async () => {
    const budget = new TokenBudget(server.app.store, () => new Date(), 1000);
    await budget.settle((await budget.reserve(200))!, 120, 30);
    const { client } = await loggedIn();
    const page = await (await client.fetch('/console')).text();
    expect(page).toContain('<dd>150 of 200,000</dd>');
    expect(page).toContain('Cached summaries');
    for (const path of ['/console', '/console/sources', '/console/subscriptions', '/console/login', '/']) {
      const text = await (await client.fetch(path)).text();
      expect(text).not.toContain(WEB_TOKEN);
    }
    const llm = await (
      await fetch(`${origin}/api/console/llm`, { headers: { authorization: `Bearer ${WEB_TOKEN}` } })
    ).json();
    expect(llm).toMatchObject({ engine: 'offline', budget: { usedToday: 150, dailyLimit: 200000 } });
  });

  it('rejects a forged or tampered session cookie', async () => {
    const { client } = await loggedIn();
    const cookie = client.cookies.get('qw_session')!;
    const [body, signature] = cookie.split('.');
    const forged = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(body!, 'base64url').toString()),
        expiresAt: Date.now() + 1e12,
      }),
    ).toString('base64url');
    client.cookies.set('qw_session', `${forged}.${signature}`);
    expect((await client.fetch('/console')).status).toBe(303);
  });

  it('logs an operator in with a one-time link from /weblogin, once', async () => {
    const say = async (caller: Caller) =>
      renderPlainText((await runCommandLine('/weblogin', caller, server.app.services))!);
    const group: Caller = {
      platform: 'telegram',
      chatId: '-5',
      userId: '42',
      isOperator: true,
      chatType: 'group',
    };
    expect(await say(group)).toContain('only in a private chat');
    const stranger: Caller = {
      platform: 'telegram',
      chatId: '77',
      userId: '77',
      isOperator: false,
      chatType: 'private',
    };
    expect(await say(stranger)).toContain("/weblogin is for the bot's operators only");
    const operator: Caller = {
      platform: 'telegram',
      chatId: '42',
      userId: '42',
      isOperator: true,
      chatType: 'private',
    };
    const answer = await say(operator);
    const link = /(http:\/\/\S+\/console\/login\/[\w-]+)/.exec(answer)![1]!;
    expect(link.startsWith(origin)).toBe(true);
    const path = link.slice(origin.length);

    const client = visitor();
    // Opening the link (as a chat's link preview would) does not use it up.
    const confirm = await client.fetch(path);
    expect(confirm.status).toBe(200);
    expect((await client.fetch(path)).status).toBe(200);
    const form = await confirm.text();
    expect((await visitor().post(path, { csrf: csrfOf(form) })).status).toBe(403);
    const used = await client.post(path, { csrf: csrfOf(form) });
    expect(used.status).toBe(303);
    const console = await client.fetch('/console');
    expect(console.status).toBe(200);
    expect(await console.text()).toContain('Operator: telegram:42');
    expect(server.logger.lines.join('\n')).toContain(
      'telegram:42 logged in to the console with a one-time link',
    );

    const again = visitor();
    const second = await again.fetch(path);
    expect(second.status).toBe(404);
    expect(await second.text()).toContain('This link does not work any more');
  });

  it('logs out', async () => {
    const { client, csrf } = await loggedIn();
    expect((await client.post('/console/logout', { csrf })).status).toBe(303);
    expect(client.cookies.has('qw_session')).toBe(false);
    expect((await client.fetch('/console')).status).toBe(303);
  });
});
