import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app/container.js';
import { runCommandLine } from '../../src/chat/command-runner.js';
import { renderPlainText } from '../../src/chat/render-text.js';
import type { Caller } from '../../src/chat/command-definition.js';
import { startTestHttpServer, type TestHttpServer } from '../helpers/test-http-server.js';
import { startTestApp } from '../helpers/test-app.js';

let server: TestHttpServer | undefined;
let app: App;
afterEach(async () => {
  await app?.close();
  await server?.close();
  server = undefined;
});

const operator: Caller = { platform: 'terminal', chatId: 't', userId: 'op', isOperator: true };
const visitor: Caller = { platform: 'terminal', chatId: 't', userId: 'v', isOperator: false };
const chatOperator: Caller = { platform: 'telegram', chatId: '5', userId: '42', isOperator: true };
const chatVisitor: Caller = { platform: 'telegram', chatId: '5', userId: '77', isOperator: false };

const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>Local Wire</title>
<item><title>Ferry resumes service</title><link>http://127.0.0.1/ferry</link><guid>ferry-1</guid>
<description>The ferry to the islands resumed service on Monday after repairs to its engine were finished ahead of schedule, the operator said in a statement.</description></item>
</channel></rss>`;

async function say(line: string, caller = operator): Promise<string> {
  const answer = await runCommandLine(line, caller, app.services);
  return answer ? renderPlainText(answer) : '';
}

describe('/source add, remove and restore', () => {
  it('refuses loopback and metadata addresses unless the config allows loopback', async () => {
    server = await startTestHttpServer({ '/feed.xml': (_req, res) => res.end(FEED) });
    ({ app } = await startTestApp('sources: []'));
    expect(await say(`/source add ${server!.url('/feed.xml')}`)).toMatch(
      /^Not added: refused: .* points to a loopback address \(127\.0\.0\.1\); set polling\.allowLoopback/,
    );
    expect(await say('/source add http://169.254.169.254/latest/meta-data/')).toMatch(
      /^Not added: refused: .*metadata/,
    );
    expect(await say('/source add http://[::1]:9/feed')).toMatch(/^Not added: refused/);
    expect(await say('/source add file:///etc/passwd', chatOperator)).toMatch(
      /^Not added: local files and folders can only be added at the terminal or in the config file/,
    );
    expect(await say('/source add /etc', chatOperator)).toMatch(/^Not added: local files and folders/);
    expect(await say('/source add gopher://example.com/feed')).toMatch(/not an http or https address/);
    expect(await say(`/source add https://example.com/${'a'.repeat(100_000)}`)).toMatch(
      /^Not added: that address is 100,020 characters long; a source's address may have at most 2,048$/,
    );
    expect(server!.requests).toHaveLength(0);
    expect(await app.services.catalog.list()).toEqual([]);
  });

  it('adds a working feed when loopback is allowed, stores its items, then removes it', async () => {
    server = await startTestHttpServer({
      '/feed.xml': (_req, res) => res.end(FEED),
      '/page.html': (_req, res) =>
        res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>nav</body></html>'),
    });
    ({ app } = await startTestApp('sources: []\npolling: { allowLoopback: true, completeTeasers: false }'));
    expect(await say(`/source add ${server!.url('/feed.xml')}`)).toMatch(
      /^Added 127-0-0-1-feed \(http:\/\/127\.0\.0\.1:\d+\/feed\.xml\): 1 article\(s\) stored so far\.$/,
    );
    expect(await say(`/source add ${server!.url('/feed.xml')}`)).toBe(
      'Not added: already a source, as 127-0-0-1-feed',
    );
    expect(await say(`/source add ${server!.url('/missing.xml')}`)).toMatch(/^Not added: .*404/);
    const sources = await say('/sources');
    expect(sources).toMatch(/127-0-0-1-feed \(added by terminal:op \d{4}-\d\d-\d\d\) "Local Wire"/);
    expect(sources).toMatch(/ok, last fetch .*, 1 article\(s\) stored/);

    expect(await say('/source remove 127-0-0-1-feed', visitor)).toBe(
      "127-0-0-1-feed is read for every chat; only the bot's operators can remove it.",
    );
    expect(await say('/source remove 127-0-0-1-feed', chatVisitor)).toBe(
      "127-0-0-1-feed is read for every chat; only the bot's operators can remove it.",
    );
    expect(await say(`/source add ${server!.url('/other.xml')} global`, chatVisitor)).toBe(
      "/source add … global changes what every chat reads, so it is for the bot's operators only; /source add <url> adds a source for this chat. Your telegram user id is 77: an operator can add it to telegram.operators in the config.",
    );
    expect(await say('/source remove 127-0-0-1-feed')).toBe(
      'Removed 127-0-0-1-feed. Its articles stay in the store.',
    );
    expect(await say('/source remove 127-0-0-1-feed')).toBe(
      'No source "127-0-0-1-feed". /sources lists the ids.',
    );
    expect(await app.services.catalog.list()).toEqual([]);
  });

  it('given a home page that links its feed, adds the feed and says so', async () => {
    server = await startTestHttpServer({
      '/': (_req, res) =>
        res
          .writeHead(200, { 'content-type': 'text/html' })
          .end(
            '<html><head><title>Local Wire</title><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body><nav>Home</nav></body></html>',
          ),
      '/feed.xml': (_req, res) => res.end(FEED),
    });
    ({ app } = await startTestApp('sources: []\npolling: { allowLoopback: true, completeTeasers: false }'));
    const home = server!.url('/');
    const feed = server!.url('/feed.xml');
    expect(await say(`/source add ${home}`)).toBe(
      `${home} is a web page without an article; it links to its feed, and that is what was added.\n\nAdded 127-0-0-1-feed (${feed}): 1 article(s) stored so far.`,
    );
    expect((await app.services.catalog.list()).map((source) => source.url)).toEqual([feed]);
    // The page again: it is the feed already read, by its id.
    expect(await say(`/source add ${home}`)).toBe('Not added: already a source, as 127-0-0-1-feed');
    // A chat's own source takes the feed the same way.
    await say('/source remove 127-0-0-1-feed');
    expect(await say(`/source add ${home}`, chatOperator)).toMatch(
      new RegExp(
        `^${home.replace(/[.?]/g, '\\$&')} is a web page without an article; .*\\n\\nAdded 127-0-0-1-feed \\(${feed.replace(/[.?]/g, '\\$&')}\\) for this chat`,
      ),
    );
  });

  it('reports a broken config source, and hides it when removed', async () => {
    ({ app } = await startTestApp('sources:\n  - { id: local, url: ./nothing-here.txt }'));
    expect(await say('/sources')).toMatch(/local \(config file\) .*not fetched yet/);
    await app.services.poller.pollAll({ force: true });
    expect(await say('/sources')).toMatch(/local .*failing \(1x\): .*does not exist/);
    expect(await say('/source remove local')).toMatch(/^Removed local, a source of the config file/);
    expect(await say('/sources')).toContain('No sources for every chat yet');
  });

  it('keeps a removed config source off across a restart until restored, by id or by its location', async () => {
    const setup = await startTestApp('sources:\n  - { id: notes, url: ./notes.txt }');
    app = setup.app;
    writeFileSync(join(setup.folder, 'notes.txt'), 'The council met on Monday to discuss the new harbour.');
    expect(await say('/source remove notes', chatOperator)).toMatch(/until \/source restore notes/);
    await app.close();
    // A restart: a new app on the same config and store.
    app = await createApp(setup.config, { logger: setup.logger });
    expect(await app.services.catalog.list()).toEqual([]);
    const listing = await say('/sources');
    expect(listing).toMatch(/Removed from the config's list \(1\)/);
    expect(listing).toMatch(/notes removed \d{4}-\d\d-\d\d by telegram:42: \/source restore notes/);
    expect(await say('/source restore nope')).toMatch(
      /"nope" is not a removed config source\. Removed ones: notes\./,
    );
    expect(await say('/source restore notes')).toMatch(
      /^Restored notes \(.*notes\.txt\): 1 new article\(s\)\.$/,
    );
    expect((await app.services.catalog.list()).map((source) => source.id)).toEqual(['notes']);
    await say('/source remove notes');
    expect(await say(`/source add ${join(setup.folder, 'notes.txt')}`)).toMatch(
      /^Restored the config source notes/,
    );
    expect((await app.services.catalog.list()).map((source) => source.origin)).toEqual(['config']);
  });

  it('lets the operator at the terminal add local files and folders', async () => {
    const setup = await startTestApp('sources: []');
    app = setup.app;
    const folder = join(setup.folder, 'wire');
    mkdirSync(folder);
    writeFileSync(join(folder, 'a.txt'), 'The minister opened the new bridge on Tuesday, officials said.');
    writeFileSync(join(setup.folder, 'b.md'), '# Ferry back\n\nThe ferry resumed service on Monday.');
    expect(await say(`/source add ${folder}`)).toMatch(
      /^Added wire \(.*wire\): 1 article\(s\) stored so far\.$/,
    );
    expect(await say(`/source add ${pathToFileURL(join(setup.folder, 'b.md')).href}`)).toMatch(/^Added b /);
    expect(await say(`/source add ${join(setup.folder, 'missing')}`)).toMatch(
      /^Not added: no file or folder at /,
    );
    const listing = await say('/sources');
    expect(listing).toMatch(/wire \(added by terminal:op \d{4}-\d\d-\d\d\)/);
  });
});
