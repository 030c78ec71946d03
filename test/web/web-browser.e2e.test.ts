import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleMessage, Page } from 'playwright-core';
import { findChromium, launchBrowser, NO_BROWSER, type Browser } from '../helpers/browser.js';
import { startTestHttpServer, type TestHttpServer } from '../helpers/test-http-server.js';
import { startWebTestServer, WEB_TOKEN, type WebTestServer } from '../helpers/web-test-server.js';

/**
 * The web page in a real browser (Debian's Chromium, headless): the pages on the bundled sample,
 * searching a speaker, following a link to a story, logging in as the operator and adding a source
 * served on 127.0.0.1, by keyboard and on a phone-sized screen, with no error in the browser's
 * console (a Content-Security-Policy violation would be one).
 */
const chromiumPath = findChromium();
if (!chromiumPath) console.warn(NO_BROWSER);

const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Wire</title>
<item><title>Ferry resumes service to the islands</title><link>http://127.0.0.1/ferry</link><guid>ferry-1</guid>
<description>The ferry to the islands resumed service on Monday after repairs to its engine were finished ahead of schedule. “We are glad to sail again,” said Ola Berg, the captain, in a statement to passengers.</description></item>
</channel></rss>`;

describe.skipIf(!chromiumPath)('the web page in Chromium', () => {
  let server: WebTestServer;
  let feed: TestHttpServer;
  let browser: Browser;
  const problems: string[] = [];

  beforeAll(async () => {
    feed = await startTestHttpServer({
      '/feed.xml': (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(FEED),
    });
    server = await startWebTestServer({ yaml: 'polling:\n  allowLoopback: true\n' });
    browser = await launchBrowser(chromiumPath!);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await feed?.close();
  });

  /** A page whose console errors and uncaught exceptions are collected in `problems`. */
  async function open(path: string, viewport?: { width: number; height: number }): Promise<Page> {
    const page = await browser.context.newPage();
    if (viewport) await page.setViewportSize(viewport);
    page.on('console', (message: ConsoleMessage) => {
      if (message.type() === 'error') problems.push(`${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.message}`));
    await page.goto(`${server.web.url}${path}`);
    return page;
  }

  it('shows today’s digest, searches a speaker and follows a link to a story', async () => {
    const page = await open('/');
    await expect.poll(() => page.locator('h1').textContent()).toMatch(/^Today’s digest, \d{4}-\d{2}-\d{2}$/);
    expect(await page.locator('article.story h3').first().textContent()).toContain('Mike Pompeo');

    await page.getByLabel('Who said it').fill('pompei');
    await page.getByLabel('Who said it').press('Enter');
    await page.waitForURL(/\/search\?name=pompei/);
    expect(await page.locator('main h2').first().textContent()).toContain('Quotes by Mike Pompeo');

    await page.locator('ul.quotes p.meta a').first().click();
    await page.waitForURL(/\/stories\/[0-9a-f]{16}\?until=/);
    expect(await page.locator('h2').allTextContents()).toEqual(
      expect.arrayContaining(['Summary', 'Key quotes', 'Who is quoted', 'Every article (1)']),
    );

    await page.getByRole('link', { name: 'Mike Pompeo' }).first().click();
    await page.waitForURL(/\/speakers\/mike\+pompeo$/);
    expect(await page.locator('h1').textContent()).toBe('Mike Pompeo');

    // Words alone: quotes by anyone that contain them.
    await page.getByLabel('Words').fill('Huawei');
    await page.getByLabel('Words').press('Enter');
    await page.waitForURL(/\/search\?name=&words=Huawei/);
    expect(await page.locator('main h2').first().textContent()).toMatch(/^Quotes with “huawei” \(1–\d+/);
    expect(await page.locator('ul.quotes blockquote').count()).toBeGreaterThan(0);
    await page.close();
    expect(problems.join('\n')).toBe('');
  });

  it('works by keyboard: the first Tab reaches the skip link, which leads to the content', async () => {
    const page = await open('/speakers');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    // Every form field has a label.
    const unlabelled = await page.evaluate(
      () =>
        Array.from(document.querySelectorAll('input:not([type=hidden])')).filter(
          (input) => !document.querySelector(`label[for="${input.id}"]`),
        ).length,
    );
    expect(unlabelled).toBe(0);
    await page.close();
    expect(problems.join('\n')).toBe('');
  });

  it('fits a phone’s screen without sideways scrolling', async () => {
    const page = await open('/', { width: 375, height: 740 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.close();
    const speaker = await open('/speakers/mike+pompeo', { width: 375, height: 740 });
    expect(await speaker.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await speaker.close();
    expect(problems.join('\n')).toBe('');
  });

  it('logs the operator in and adds a source', async () => {
    const page = await open('/console');
    await page.waitForURL(/\/console\/login$/);
    await page.getByLabel('Operator token').fill(WEB_TOKEN);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(/\/console$/);
    expect(await page.locator('h1').textContent()).toBe('Operator console');

    await page.getByRole('link', { name: 'Sources' }).click();
    await page.waitForURL(/\/console\/sources$/);
    await page.getByLabel('Add a feed or page').fill(feed.url('/feed.xml'));
    await page.getByRole('button', { name: 'Add source' }).click();
    await page.waitForURL(/\/console\/sources$/);
    expect(await page.locator('[role=status]').textContent()).toMatch(
      /^Added 127-0-0-1[\w-]*feed \(http:\/\/127\.0\.0\.1:\d+\/feed\.xml\): 1 article\(s\) stored so far\.$/,
    );
    expect(await page.locator('tbody th').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('/feed.xml')]),
    );
    expect((await server.app.services.catalog.list()).map((source) => source.url)).toContain(
      feed.url('/feed.xml'),
    );

    // The new article is on the public pages at once.
    await page.goto(`${server.web.url}/speakers/ola+berg`);
    expect(await page.locator('h1').textContent()).toBe('Ola Berg');
    await page.close();
    expect(problems.join('\n')).toBe('');
  });
});
