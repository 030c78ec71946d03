import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseOpml } from '../../src/sources/opml.js';
import { runCli } from '../helpers/run-cli.js';
import { startTestHttpServer, type TestHttpServer } from '../helpers/test-http-server.js';

const FEED = (name: string) => `<?xml version="1.0"?><rss version="2.0"><channel><title>${name}</title>
<item><title>${name} votes on a new park</title><link>http://127.0.0.1/${name}</link><guid>${name}-1</guid>
<description>The council of ${name} voted on Thursday to turn the old rail yard into a park, the mayor said.</description></item>
</channel></rss>`;

describe('quotewire sources import / export', () => {
  let site: TestHttpServer;
  let folder: string;
  let config: string;
  beforeAll(async () => {
    site = await startTestHttpServer({
      '/a.xml': (_req, res) => res.end(FEED('Ashford')),
      '/b.xml': (_req, res) => res.end(FEED('Brookley')),
    });
    folder = mkdtempSync(join(tmpdir(), 'qw-opml-'));
    config = join(folder, 'quotewire.yaml');
    writeFileSync(
      config,
      `sources: []\npolling: { allowLoopback: true, completeTeasers: false }\nstore: { url: sqlite://./store.sqlite }\n`,
    );
  });
  afterAll(async () => {
    await site?.close();
  });

  it('imports an OPML file for every chat, reports each feed, and exports OPML 2.0 back', async () => {
    const file = join(folder, 'feeds.opml');
    writeFileSync(
      file,
      `<?xml version="1.0"?><opml version="1.0"><head><title>Mine</title></head><body><outline text="News">
<outline type="rss" text="A" xmlUrl="${site.url('/a.xml')}"/><outline type="rss" text="B" xmlUrl="${site.url('/b.xml')}"/>
<outline type="rss" text="Gone" xmlUrl="${site.url('/gone.xml')}"/></outline></body></opml>`,
    );
    const imported = await runCli(['sources', 'import', file, '--config', config]);
    expect(imported.stdout).toMatch(/^Imported "Mine": 2 added, 0 skipped, 1 refused, of 3 feed\(s\)\./);
    expect(imported.stdout).toMatch(/gone\.xml: .*404/);
    expect(imported.code).toBe(1);

    const again = await runCli(['sources', 'import', file, '--config', config, '--json']);
    const report = JSON.parse(again.stdout) as { skipped: { url: string; reason: string }[] };
    expect(report.skipped.map((entry) => entry.reason)).toEqual([
      'already a source, as 127-0-0-1-a',
      'already a source, as 127-0-0-1-b',
    ]);

    const exported = await runCli(['sources', 'export', '--config', config]);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<opml version="2\.0">/);
    expect(parseOpml(exported.stdout).feeds.map((feed) => [feed.title, feed.xmlUrl])).toEqual([
      ['Ashford', site.url('/a.xml')],
      ['Brookley', site.url('/b.xml')],
    ]);
  });

  it('says plainly what is wrong with the command or the file', async () => {
    const usage = await runCli(['sources', 'frobnicate', '--config', config]);
    expect(usage.stderr).toBe(
      'quotewire: sources takes import <file.opml> or export, not "frobnicate" (run quotewire sources --help)\n',
    );
    expect(usage.code).toBe(2);
    expect((await runCli(['sources', 'import', '--config', config])).stderr).toMatch(
      /^quotewire: sources import needs an OPML file, such as quotewire sources import feeds\.opml/,
    );
    const notOpml = join(folder, 'list.csv');
    writeFileSync(notOpml, 'name,url\n');
    const wrong = await runCli(['sources', 'import', notOpml, '--config', config]);
    expect(wrong.stderr).toBe(
      `quotewire: ${notOpml}: the file is not well-formed XML, so not OPML; export your feeds from your reader again\n`,
    );
    expect(wrong.code).toBe(1);
    const missing = await runCli(['sources', 'import', join(folder, 'nope.opml'), '--config', config]);
    expect(missing.stderr).toBe(
      `quotewire: cannot read ${join(folder, 'nope.opml')}: no such file; check the path\n`,
    );
    expect(missing.code).toBe(1);
    const aFolder = await runCli(['sources', 'import', folder, '--config', config]);
    expect(aFolder.stderr).toBe(
      `quotewire: cannot read ${folder}: it is a folder; give the .opml file your feed reader exported\n`,
    );
    expect(aFolder.code).toBe(1);
  });
});
