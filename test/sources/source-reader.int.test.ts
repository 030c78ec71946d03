import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpFetcher } from '../../src/sources/http-fetcher.js';
import { SourceReader } from '../../src/sources/source-reader.js';
import { startTestHttpServer, type TestHttpServer } from '../helpers/test-http-server.js';

let server: TestHttpServer | undefined;
const fetcher = createHttpFetcher({
  timeoutMs: 2000,
  maxBytes: 200_000,
  maxRedirects: 3,
  userAgent: 'Quotewire-test',
  addressPolicy: { allowLoopback: true, allowPrivate: false },
});
const reader = new SourceReader(fetcher.fetch, { maxItemsPerFeed: 50, maxFileBytes: 200_000 });
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const latin1Feed = iconv.encode(
  '<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>Café Presse</title>' +
    '<item><title>Élection à Genève</title><link>/a/1</link><description>Les électeurs ont voté.</description></item></channel></rss>',
  'latin1',
);

describe('SourceReader over HTTP', () => {
  it('reads a feed declared as ISO-8859-1 in its XML, with a relative link, behind a wrong content type', async () => {
    server = await startTestHttpServer({
      '/feed': (_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end(latin1Feed),
    });
    const reading = await reader.read(server.url('/feed'));
    expect(reading).toMatchObject({ kind: 'feed', title: 'Café Presse' });
    expect(reading.drafts[0]).toMatchObject({
      title: 'Élection à Genève',
      url: server.url('/a/1'),
      text: 'Les électeurs ont voté.',
    });
  });

  it('reads a gzip file served as such, and a gzip-encoded response', async () => {
    server = await startTestHttpServer({
      '/feed.xml.gz': (_req, res) =>
        res.writeHead(200, { 'content-type': 'application/gzip' }).end(gzipSync(latin1Feed)),
      '/encoded': (_req, res) =>
        res
          .writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' })
          .end(gzipSync(latin1Feed)),
    });
    expect((await reader.read(server.url('/feed.xml.gz'))).drafts).toHaveLength(1);
    expect((await reader.read(server.url('/encoded'))).drafts).toHaveLength(1);
  });

  it('refuses an HTML page without an article, a redirect loop, a huge body and a slow server clearly', async () => {
    server = await startTestHttpServer({
      '/home': (_req, res) =>
        res
          .writeHead(200, { 'content-type': 'text/html' })
          .end(
            '<html><head><link rel="alternate" type="application/rss+xml" href="/rss"></head><body><a href="/x">x</a></body></html>',
          ),
      '/loop': (_req, res) => res.writeHead(302, { location: '/loop2' }).end(),
      '/loop2': (_req, res) => res.writeHead(302, { location: '/loop' }).end(),
      '/huge': (_req, res) =>
        res.writeHead(200, { 'content-type': 'application/rss+xml' }).end('x'.repeat(300_000)),
      '/slow': () => undefined,
    });
    await expect(reader.read(server.url('/home'))).rejects.toThrow(
      `is a web page without an article, but it links to a feed at ${server.url('/rss')}: add that instead`,
    );
    await expect(reader.read(server.url('/loop'))).rejects.toThrow(/redirect/i);
    await expect(reader.read(server.url('/huge'))).rejects.toThrow(/sent more than/i);
    await expect(reader.read(server.url('/slow'))).rejects.toThrow(/timed out/i);
  });

  it('says what is wrong with an empty body, cut-off JSON or XML that is not a feed, not just its type', async () => {
    const send = (type: string, body: string) => (_req: unknown, res: import('node:http').ServerResponse) =>
      res.writeHead(200, { 'content-type': type }).end(body);
    server = await startTestHttpServer({
      '/empty': send('application/rss+xml', ''),
      '/cut': send(
        'application/feed+json',
        '{"version":"https://jsonfeed.org/version/1.1","items":[{"id":1,',
      ),
      '/sitemap': send('application/xml', '<?xml version="1.0"?><urlset><url/></urlset>'),
      '/note': send('text/plain', 'A plain note, not a feed.'),
    });
    await expect(reader.read(server.url('/empty'))).rejects.toThrow('the response is empty');
    await expect(reader.read(server.url('/cut'))).rejects.toThrow('the feed is not valid JSON');
    await expect(reader.read(server.url('/sitemap'))).rejects.toThrow('this is XML with a <urlset> root');
    await expect(reader.read(server.url('/note'))).rejects.toThrow(
      'serves text/plain that is neither a feed nor a web page',
    );
  });
});

describe('SourceReader on local files', () => {
  it('reads a folder of text, Markdown, HTML and feed files by content, skipping data files', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'qw-folder-'));
    mkdirSync(join(folder, 'more'));
    writeFileSync(
      join(folder, 'note.txt'),
      'date 2024-05-06 politics\n\nThe mayor said the budget would pass. It did.',
    );
    writeFileSync(
      join(folder, 'post.md'),
      '# Harbour news\n\nThe *new* pier opened on [Friday](http://example.com).',
    );
    writeFileSync(
      join(folder, 'page.txt'),
      '<!doctype html><html><head><title>Disguised</title></head><body><p>An HTML page named .txt.</p></body></html>',
    );
    writeFileSync(join(folder, 'more', 'feed.xml'), latin1Feed);
    writeFileSync(join(folder, 'gold.json'), '{"not": "a feed"}');
    writeFileSync(join(folder, 'picture.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    const reading = await reader.read(folder);
    expect(reading.kind).toBe('folder');
    expect(reading.problems).toEqual([]);
    const titles = reading.drafts.map((draft) => draft.title).sort();
    expect(titles).toEqual(
      ['Disguised', 'Harbour news', 'The mayor said the budget would pass.', 'Élection à Genève'].sort(),
    );
    const note = reading.drafts.find((draft) => draft.title.startsWith('The mayor'))!;
    expect(note.published).toMatch(/^2024-05-06/);
    expect(note.categories).toEqual(['politics']);
    expect(reading.drafts.find((draft) => draft.title === 'Harbour news')!.text).toBe(
      'The new pier opened on Friday.',
    );
  });

  it('says clearly that a path does not exist', async () => {
    // Where it looked, whichever folder a relative path was taken from (the config file's, the CLI's).
    await expect(reader.read('/nonexistent/quotewire/source')).rejects.toThrow(
      '/nonexistent/quotewire/source does not exist; check the path (was the file moved or renamed?)',
    );
  });
});

describe('SourceReader on folders of links and folders with nothing to read', () => {
  it('follows links to files and folders kept elsewhere, once each, and names a broken link', async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'qw-elsewhere-'));
    mkdirSync(join(elsewhere, 'archive'));
    writeFileSync(
      join(elsewhere, 'rain.txt'),
      'Rain expected\n\nThe forecaster said rain would come on Sunday.',
    );
    writeFileSync(
      join(elsewhere, 'archive', 'pier.md'),
      '# Pier reopens\n\nThe pier opened again on Friday.',
    );
    const folder = mkdtempSync(join(tmpdir(), 'qw-links-'));
    symlinkSync(join(elsewhere, 'rain.txt'), join(folder, 'rain.txt'));
    symlinkSync(join(elsewhere, 'archive'), join(folder, 'archive'));
    // A link back up the tree must not read the same files again.
    symlinkSync(folder, join(folder, 'archive-loop'));
    symlinkSync(join(elsewhere, 'gone.txt'), join(folder, 'gone.txt'));
    const reading = await reader.read(folder);
    expect(reading.drafts.map((draft) => draft.title).sort()).toEqual(['Pier reopens', 'Rain expected']);
    expect(reading.problems).toEqual(['gone.txt: a link to a file that does not exist']);
  });

  it('says so when a folder has no file it reads, instead of a silent 0 articles', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'qw-empty-'));
    expect((await reader.read(empty)).problems).toEqual([
      'the folder has no files; put .txt, .md, .html or feed (.xml, .rss, .atom, .rdf, .json) files in it',
    ]);
    const pictures = mkdtempSync(join(tmpdir(), 'qw-pictures-'));
    writeFileSync(join(pictures, 'photo.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
    expect((await reader.read(pictures)).problems).toEqual([
      'none of its 1 file(s) is one Quotewire reads; put .txt, .md, .html or feed (.xml, .rss, .atom, .rdf, .json) files in it',
    ]);
  });
});

describe('SourceReader on a folder with more files than it reads', () => {
  it('reads the first ones and says how many were left out, instead of looking fully read', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'qw-many-'));
    for (let i = 1; i <= 5; i++) {
      writeFileSync(join(folder, `note-${i}.txt`), `Note number ${i} is here. It has two sentences.`);
    }
    const small = new SourceReader(fetcher.fetch, {
      maxItemsPerFeed: 50,
      maxFileBytes: 200_000,
      maxFolderFiles: 3,
    });
    const reading = await small.read(folder);
    expect(reading.drafts).toHaveLength(3);
    expect(reading.problems).toEqual([
      'only the first 3 of 5 files are read; split the folder into several sources',
    ]);
  });
});
