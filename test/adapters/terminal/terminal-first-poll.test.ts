import { PassThrough, Readable, Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runTerminalChat } from '../../../src/adapters/terminal/terminal-chat.js';
import type { App } from '../../../src/app/container.js';
import { startTestApp } from '../../helpers/test-app.js';
import { startTestHttpServer, type TestHttpServer } from '../../helpers/test-http-server.js';

/** A feed that answers slowly, as a real one far away does, with one article quoting one person. */
const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour News</title>
<item><title>Ferry service resumes</title><link>https://harbour.example/ferry</link>
<pubDate>${new Date().toUTCString()}</pubDate>
<description>The ferry between the islands sailed again on Monday after a week of storms. "We are glad to be back on the water and we thank every passenger for their patience," said Ilse Vantongeren, the ferry company's director.</description>
</item></channel></rss>`;

function collector() {
  let written = '';
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      written += chunk.toString();
      done();
    },
  });
  return { output, text: () => written };
}

describe('the terminal chat and the first poll of network sources', () => {
  let server: TestHttpServer;
  let app: App;

  beforeEach(async () => {
    server = await startTestHttpServer();
    server.route('/feed.xml', async (_req, res) => {
      await sleep(300);
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(FEED);
    });
    ({ app } = await startTestApp(
      `sources:\n  - { id: harbour, url: "${server.url('/feed.xml')}" }\npolling: { allowLoopback: true, completeTeasers: false }`,
    ));
  });
  afterEach(async () => {
    await app.close();
    await server.close();
  });

  it('waits for it before answering piped input, so a script gets answers from the polled feed', async () => {
    const { output, text } = collector();
    await runTerminalChat({
      services: app.services,
      input: Readable.from(['/quotes vantongeren\n']),
      output,
      interactive: false,
      firstPoll: app.services.poller.pollAll(),
    });
    expect(text()).toContain('Ferry service resumes');
    expect(text()).toContain('— Ilse Vantongeren');
    expect(text()).not.toContain('No new stories');
  });

  it('greets a person at once and says when the poll has brought articles', async () => {
    const { output, text } = collector();
    const input = new PassThrough();
    const firstPoll = app.services.poller.pollAll();
    const chat = runTerminalChat({ services: app.services, input, output, interactive: true, firstPoll });
    await sleep(50);
    // The welcome and digest came from the empty store, before the feed answered.
    expect(text()).toContain('No new stories');
    await firstPoll;
    await sleep(50);
    input.end('/digest\n');
    await chat;
    expect(text()).toContain('The first poll brought 1 new article(s) from 1 source(s): /digest shows them.');
    expect(text().split('The first poll brought')[1]).toContain('Ferry service resumes');
  });
});
