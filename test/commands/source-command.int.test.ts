import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../../src/app/container.js';
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

const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>Local Wire</title>
<item><title>Ferry resumes service</title><link>http://127.0.0.1/ferry</link><guid>ferry-1</guid>
<description>The ferry to the islands resumed service on Monday after repairs to its engine were finished ahead of schedule, the operator said in a statement.</description></item>
</channel></rss>`;

async function say(line: string, caller = operator): Promise<string> {
  const answer = await runCommandLine(line, caller, app.services);
  return answer ? renderPlainText(answer) : '';
}

describe('/source add and /source remove', () => {
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
    expect(await say('/source add file:///etc/passwd')).toMatch(/^Not added: .*not an http or https address/);
    expect(await say('/source add not-a-url')).toMatch(/^Not added: "not-a-url" is not a URL/);
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
    expect(sources).toContain('127-0-0-1-feed "Local Wire"');
    expect(sources).toMatch(/ok, last fetch .*, 1 article\(s\) stored/);

    expect(await say('/source remove 127-0-0-1-feed', visitor)).toBe(
      "/source is for the bot's operators only.",
    );
    expect(await say('/source remove 127-0-0-1-feed')).toBe(
      'Removed 127-0-0-1-feed. Its articles stay in the store.',
    );
    expect(await say('/source remove 127-0-0-1-feed')).toBe(
      'No source "127-0-0-1-feed". /sources lists the ids.',
    );
    expect(await app.services.catalog.list()).toEqual([]);
  });

  it('reports a broken config source, and hides it when removed', async () => {
    ({ app } = await startTestApp('sources:\n  - { id: local, url: ./nothing-here.txt }'));
    expect(await say('/sources')).toMatch(/local .*not fetched yet/);
    await app.services.poller.pollAll({ force: true });
    expect(await say('/sources')).toMatch(/local .*failing \(1x\): .*does not exist/);
    expect(await say('/source remove local')).toMatch(/^Removed local/);
    expect(await say('/sources')).toContain('No sources yet');
  });
});
