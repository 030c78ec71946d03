import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from '../helpers/run-cli.js';
import { startTestHttpServer, type TestHttpServer } from '../helpers/test-http-server.js';

/**
 * `quotewire extract` with inputs that are not articles: each is a failed input, named on stderr,
 * that makes the exit code 1, while the good inputs beside it are still printed.
 */
const MOVED =
  '<html><head><title>Document Moved</title></head>\n<body><h1>Object Moved</h1>This document may be found <a HREF="https://news.example.org/feed/">here</a></body></html>\n';
const ARTICLE =
  'Harbour reopens after storm\n\n"We are open again for business," said harbour master Lee Park on Tuesday.\n\nRepairs took three weeks.\n';

const folder = mkdtempSync(join(tmpdir(), 'qw-extract-inputs-'));
const file = (name: string, content: string | Buffer) => {
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
};

describe('quotewire extract: inputs that fail', () => {
  it('exits 1 for a folder holding an empty file, naming it, and still prints the others', async () => {
    const notes = join(folder, 'notes');
    mkdirSync(notes);
    writeFileSync(join(notes, 'empty.txt'), '');
    copyFileSync(join(REPO_ROOT, 'samples/pompeo-huawei-2020-02-01.txt'), join(notes, 'pompeo.txt'));
    const result = await runCli(['extract', notes, '--json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^quotewire: .*notes: empty\.txt: empty\.txt has no text to read/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(result.stdout).articles).toHaveLength(1);
  });

  it('exits 1 for a folder with nothing it reads, saying so, and prints nothing', async () => {
    const pictures = join(folder, 'pictures');
    mkdirSync(pictures);
    writeFileSync(join(pictures, 'photo.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
    const result = await runCli(['extract', pictures]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^quotewire: .*pictures: none of its 1 file\(s\) is one Quotewire reads; put \.txt/,
    );
    expect(result.stdout).toBe('');
  });

  it('refuses binary files as not text documents, whatever their name', async () => {
    const nul = file('nul.txt', Buffer.from('abc\u0000\u0000\u0000def hello world this is it', 'latin1'));
    const noise = file('noise.txt', randomBytes(2 * 1024 * 1024));
    const pdf = file(
      'report.md',
      Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'), randomBytes(4096)]),
    );
    const result = await runCli(['extract', nul, noise, pdf, '--json']);
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(3);
    for (const [line, name] of lines.map(
      (text, i) => [text, ['nul.txt', 'noise.txt', 'report.md'][i]!] as const,
    )) {
      expect(line).toContain(`${name} is not a text document (it holds binary data`);
    }
    expect(JSON.parse(result.stdout).articles).toEqual([]);
  });

  it('still reads text with a stray control character, and UTF-16 text', async () => {
    const stray = file('stray.txt', ARTICLE.replace('Repairs', 'Repairs\u0007'));
    const utf16 = file(
      'utf16.txt',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ARTICLE, 'utf16le')]),
    );
    const result = await runCli(['extract', stray, utf16, '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const { articles } = JSON.parse(result.stdout);
    expect(articles.map((article: { title: string }) => article.title)).toEqual([
      'Harbour reopens after storm',
      'Harbour reopens after storm',
    ]);
  });

  it('refuses a "Document Moved" page saved as a feed instead of printing it as an article', async () => {
    const feed = file('feed.xml', MOVED);
    const json = file('feed.json', '{"status": "moved"}');
    const result = await runCli(['extract', feed, json]);
    expect(result.code).toBe(1);
    expect(result.stdout.trim()).toBe('');
    expect(result.stderr).toContain('feed.xml: this is an HTML page, not a feed');
    expect(result.stderr).toContain('feed.json: this is JSON but not a JSON Feed');
  });

  describe('over HTTP', () => {
    let server: TestHttpServer;
    let config: string;
    beforeAll(async () => {
      server = await startTestHttpServer({
        '/feed': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(MOVED),
        '/rss.xml': (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(MOVED),
        '/quiet.xml': (_req, res) =>
          res
            .writeHead(200, { 'content-type': 'application/rss+xml' })
            .end(
              '<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet Wire</title></channel></rss>',
            ),
      });
      config = file('loopback.yaml', 'polling:\n  allowLoopback: true\n');
    });
    afterAll(() => server.close());

    it('reports a "Document Moved" page given as a feed URL as a failed input, once named', async () => {
      const result = await runCli([
        'extract',
        server.url('/feed'),
        server.url('/rss.xml'),
        '--config',
        config,
      ]);
      expect(result.code).toBe(1);
      expect(result.stdout.trim()).toBe('');
      const lines = result.stderr.trim().split('\n');
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(
        new RegExp(`^quotewire: ${server.url('/feed')}: no article text found on this page`),
      );
      expect(lines[1]).toMatch(/rss\.xml: no article text found/);
    });

    it('says so when a feed is fine but has no items yet, and counts it as read', async () => {
      const result = await runCli(['extract', server.url('/quiet.xml'), '--config', config]);
      expect(result.code).toBe(0);
      expect(result.stdout).toBe('');
      expect(result.stderr.trim()).toBe(
        `quotewire: ${server.url('/quiet.xml')}: the feed "Quiet Wire" has no items yet`,
      );
    });
  });
});
