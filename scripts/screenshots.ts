/**
 * `npm run screenshots`: pictures of the web page's main pages for the README, in
 * docs/screenshots/. Runs Quotewire on the bundled sample plus a few short articles written for
 * this script, with the web page on a free port, and photographs it in headless Chromium (Debian's
 * package, as the browser tests use).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createApp } from '../src/app/container.js';
import { loadConfig } from '../src/config/load-config.js';
import { createMemoryLogger } from '../src/kernel/logger.js';
import { startWebServer } from '../src/web/web-server.js';
import { findChromium, launchBrowser, NO_BROWSER } from '../test/helpers/browser.js';
import { REPO_ROOT } from '../test/helpers/run-cli.js';

/** Invented news, so that the pictures show more than one story. */
const ARTICLES: Record<string, string> = {
  'harbour-vote.txt': `Harbour board keeps the ferry terminal open all winter

The harbour board of Port Elden voted on Thursday to keep the old ferry terminal open through the winter, after a long evening of debate in the town hall.

"The terminal will stay open for every boat this winter," said Jane Doe, the harbour master, after the vote was counted.

"Our families depend on the ferry when the roads close," said Tom Reed, who speaks for the island council.`,
  'harbour-reaction.txt': `Island families welcome the harbour board's winter decision

Families on the islands welcomed the decision of the Port Elden harbour board to keep the ferry terminal open in winter.

"We were afraid we would be cut off for months," said Tom Reed of the island council. "This vote means the children can still get to school."

Jane Doe, the harbour master, said the board would review the timetable in spring.`,
  'library-hours.txt': `City library extends its opening hours for students

The city library will stay open until ten at night during the exam weeks, the library service announced on Monday.

"Students told us they need a quiet place to work in the evening," said Amira Haddad, the head librarian. "We listened."`,
};

const chromium = findChromium();
if (!chromium) {
  console.error(NO_BROWSER.replace('browser tests skipped', 'cannot make screenshots'));
  process.exit(1);
}

const folder = mkdtempSync(join(tmpdir(), 'qw-screenshots-'));
const news = join(folder, 'news');
mkdirSync(news);
for (const [name, text] of Object.entries(ARTICLES)) writeFileSync(join(news, name), text);
const file = join(folder, 'quotewire.yaml');
writeFileSync(
  file,
  [
    'sources:',
    `  - { id: sample-pompeo, url: ${JSON.stringify(join(REPO_ROOT, 'samples', 'pompeo-huawei-2020-02-01.txt'))} }`,
    `  - { id: local-news, url: ${JSON.stringify(news)} }`,
    'store: { url: "sqlite://./store.sqlite" }',
    'web: { enabled: true, port: 0 }',
  ].join('\n'),
);
const token = randomBytes(24).toString('base64url');
const config = loadConfig({ file, env: { QUOTEWIRE_WEB_TOKEN: token } });
const logger = createMemoryLogger();
const app = await createApp(config, { logger });
await app.services.poller.pollAll({ force: true });
await app.services.subscriptions.subscribe(
  { platform: 'telegram', chatId: '-1001234567890', threadId: null },
  { topics: ['harbour'], deliveryTime: '07:30', timeZone: 'Europe/London' },
);
const web = await startWebServer({
  config,
  services: app.services,
  store: app.store,
  health: app.health,
  registry: app.metricsRegistry!,
  logins: app.webLogins,
  logger,
});
const out = join(REPO_ROOT, 'docs', 'screenshots');
mkdirSync(out, { recursive: true });
const browser = await launchBrowser(chromium, { width: 900, height: 1100 });
try {
  const page = await browser.context.newPage();
  const shoot = async (path: string, name: string, fullPage = false) => {
    await page.goto(`${web.url}${path}`);
    await page.screenshot({ path: join(out, `${name}.png`), fullPage });
    console.log(`docs/screenshots/${name}.png  ${path}`);
  };
  await shoot('/', 'today');
  const story = await page.locator('article.story h3 a').first().getAttribute('href');
  await shoot(story!, 'story');
  await shoot('/speakers/mike+pompeo', 'speaker');
  await shoot('/search?name=doe&words=winter', 'search');
  await page.goto(`${web.url}/console/login`);
  await page.getByLabel('Operator token').fill(token);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL(/\/console$/);
  await shoot('/console/sources', 'console-sources');
  await shoot('/console/subscriptions', 'console-subscriptions');
  await page.setViewportSize({ width: 390, height: 844 });
  await shoot('/', 'phone-today');
} finally {
  await browser.close();
  await web.close();
  await app.close();
  rmSync(folder, { recursive: true, force: true });
}
