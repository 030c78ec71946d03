import { networkInterfaces } from 'node:os';
import type { ServerResponse } from 'node:http';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { type AddressPolicy, classifyAddress } from '../../src/sources/address-policy.js';
import {
  type FetchErrorKind,
  type HttpFetcher,
  type HttpFetcherOptions,
  type HostResolver,
  FetchError,
  createHttpFetcher,
} from '../../src/sources/http-fetcher.js';
import { type TestHttpServer, findClosedPort, startTestHttpServer } from '../helpers/test-http-server.js';

const USER_AGENT = 'QuotewireTest/1.0 (+https://example.test/bot)';
const loopbackAllowed: AddressPolicy = { allowLoopback: true, allowPrivate: false };
const strict: AddressPolicy = { allowLoopback: false, allowPrivate: false };

const fetchers: HttpFetcher[] = [];
const servers: TestHttpServer[] = [];

afterEach(async () => {
  await Promise.all(fetchers.splice(0).map((f) => f.close()));
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

function makeFetcher(overrides: Partial<HttpFetcherOptions> = {}): HttpFetcher {
  const fetcher = createHttpFetcher({
    timeoutMs: 5_000,
    maxBytes: 1_000_000,
    maxRedirects: 3,
    userAgent: USER_AGENT,
    addressPolicy: loopbackAllowed,
    ...overrides,
  });
  fetchers.push(fetcher);
  return fetcher;
}

async function serve(...args: Parameters<typeof startTestHttpServer>): Promise<TestHttpServer> {
  const server = await startTestHttpServer(...args);
  servers.push(server);
  return server;
}

async function expectFetchError(promise: Promise<unknown>, kind: FetchErrorKind): Promise<FetchError> {
  const error = await promise.then(
    () => {
      throw new Error(`expected a ${kind} FetchError, but the fetch succeeded`);
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FetchError);
  const fetchError = error as FetchError;
  expect(fetchError.kind, fetchError.message).toBe(kind);
  return fetchError;
}

/** Resolves every host name to the given addresses, as a DNS server under an attacker's control could. */
function resolveTo(...addresses: string[]): HostResolver {
  return async () => addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
}

/**
 * Writes 64 kB chunks until the client goes away (or an upper bound, so a broken client cannot hang
 * the test), and resolves with whether the response was cut off before it finished.
 */
function streamForever(res: ServerResponse, headers: Record<string, string | number>): Promise<boolean> {
  res.writeHead(200, { 'content-type': 'application/rss+xml', ...headers });
  const chunk = Buffer.alloc(64 * 1024, 'a');
  let sent = 0;
  const write = (): void => {
    while (!res.destroyed && sent < 200 * 1024 * 1024) {
      sent += chunk.length;
      if (!res.write(chunk)) {
        res.once('drain', write);
        return;
      }
    }
    if (!res.destroyed) res.end();
  };
  write();
  return new Promise((resolve) => res.on('close', () => resolve(!res.writableFinished)));
}

describe('createHttpFetcher: normal fetching', () => {
  it('returns the body and validators, then sends them back and reports not-modified on 304', async () => {
    const etag = '"v1-abc"';
    const lastModified = 'Wed, 01 Jan 2025 10:00:00 GMT';
    const server = await serve({
      '/feed.xml': (req, res) => {
        if (req.headers['if-none-match'] === etag) {
          res.writeHead(304, { etag }).end();
          return;
        }
        res
          .writeHead(200, {
            'content-type': 'application/rss+xml; charset=utf-8',
            etag,
            'last-modified': lastModified,
          })
          .end('<rss version="2.0"/>');
      },
    });
    const fetcher = makeFetcher();

    const first = await fetcher.fetch(server.url('/feed.xml'));
    expect(first).toEqual({
      kind: 'ok',
      url: server.url('/feed.xml'),
      status: 200,
      body: Buffer.from('<rss version="2.0"/>'),
      contentType: 'application/rss+xml; charset=utf-8',
      etag,
      lastModified,
    });
    const firstHeaders = server.requests[0]?.headers;
    expect(firstHeaders?.['user-agent']).toBe(USER_AGENT);
    expect(firstHeaders?.accept).toMatch(/application\/rss\+xml.*application\/atom\+xml.*text\/html/);
    expect(firstHeaders?.['accept-encoding']).toMatch(/gzip/);
    expect(firstHeaders?.['if-none-match']).toBeUndefined();
    expect(firstHeaders?.['if-modified-since']).toBeUndefined();

    const second = await fetcher.fetch(server.url('/feed.xml'), { etag, lastModified });
    expect(second).toEqual({ kind: 'not-modified', url: server.url('/feed.xml') });
    const secondHeaders = server.requests[1]?.headers;
    expect(secondHeaders?.['if-none-match']).toBe(etag);
    expect(secondHeaders?.['if-modified-since']).toBe(lastModified);
    expect(secondHeaders?.['user-agent']).toBe(USER_AGENT);
  });

  it('sends no conditional headers for null validators', async () => {
    const server = await serve({ '/': (_req, res) => res.end('hi') });
    await makeFetcher().fetch(server.url('/'), { etag: null, lastModified: null });
    expect(server.requests[0]?.headers['if-none-match']).toBeUndefined();
    expect(server.requests[0]?.headers['if-modified-since']).toBeUndefined();
  });

  it('connects to a host name through the injected resolver when the policy allows the address', async () => {
    const server = await serve({ '/feed': (_req, res) => res.end('ok') });
    const fetcher = makeFetcher({ lookup: resolveTo('127.0.0.1') });
    const result = await fetcher.fetch(`http://feeds.example.test:${server.port}/feed`);
    expect(result.kind).toBe('ok');
    expect(server.requests[0]?.headers.host).toBe(`feeds.example.test:${server.port}`);
  });

  it('returns the bytes untouched whatever the charset says', async () => {
    const latin1 = Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x80, 0xff]); // "café" in Latin-1 and junk
    const server = await serve({
      '/wrong': (_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(latin1),
      '/missing': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(latin1),
      '/none': (_req, res) => {
        res.removeHeader('content-type');
        res.end(latin1);
      },
    });
    const fetcher = makeFetcher();
    for (const path of ['/wrong', '/missing', '/none']) {
      const result = await fetcher.fetch(server.url(path));
      expect(result.kind === 'ok' && result.body.equals(latin1), path).toBe(true);
    }
    const none = await fetcher.fetch(server.url('/none'));
    expect(none.kind === 'ok' && none.contentType).toBeNull();
  });

  it('sends the credentials in a URL as Basic auth and keeps them out of the result', async () => {
    const server = await serve({ '/private.xml': (_req, res) => res.end('<feed/>') });
    const url = `http://alice:s3cret@127.0.0.1:${server.port}/private.xml`;
    const result = await makeFetcher().fetch(url);
    expect(server.requests[0]?.headers.authorization).toBe(
      `Basic ${Buffer.from('alice:s3cret').toString('base64')}`,
    );
    expect(result.url).toBe(server.url('/private.xml'));
  });
});

describe('createHttpFetcher: compression', () => {
  const text = '<rss><channel><title>Compressed news</title></channel></rss>'.repeat(50);

  it.each([
    ['gzip', gzipSync],
    ['x-gzip', gzipSync],
    ['deflate', deflateSync],
    ['deflate', deflateRawSync], // what some servers send under the name "deflate"
    ['br', brotliCompressSync],
  ] as const)('decodes Content-Encoding %s', async (encoding, compress) => {
    const server = await serve({
      '/feed': (_req, res) => res.writeHead(200, { 'content-encoding': encoding }).end(compress(text)),
    });
    const result = await makeFetcher().fetch(server.url('/feed'));
    expect(result.kind === 'ok' && result.body.toString()).toBe(text);
  });

  it('refuses a gzip bomb that is small on the wire but huge unpacked', async () => {
    const bomb = gzipSync(Buffer.alloc(20 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(100_000);
    const server = await serve({
      '/bomb': (_req, res) => res.writeHead(200, { 'content-encoding': 'gzip' }).end(bomb),
    });
    const error = await expectFetchError(
      makeFetcher({ maxBytes: 1_000_000 }).fetch(server.url('/bomb')),
      'too-large',
    );
    expect(error.message).toContain('unpacks to more than 1 MB');
  });

  it('reports a body that is not what its Content-Encoding claims', async () => {
    const server = await serve({
      '/broken': (_req, res) => res.writeHead(200, { 'content-encoding': 'gzip' }).end('not gzip at all'),
    });
    const error = await expectFetchError(makeFetcher().fetch(server.url('/broken')), 'network');
    expect(error.message).toContain('broken gzip body');
  });
});

describe('createHttpFetcher: limits', () => {
  it('times out when the server never answers', async () => {
    const server = await serve({ '/slow': () => undefined });
    const started = Date.now();
    const error = await expectFetchError(
      makeFetcher({ timeoutMs: 300 }).fetch(server.url('/slow')),
      'timeout',
    );
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(error.message).toBe(
      `${server.url('/slow')} timed out after 0.3 s; the site may be slow or down, Quotewire will retry with backoff`,
    );
  });

  it('times out when the body trickles in too slowly, even though bytes keep arriving', async () => {
    const server = await serve({
      '/drip': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        const timer = setInterval(() => res.write('<'), 50);
        res.on('close', () => clearInterval(timer));
      },
    });
    const started = Date.now();
    await expectFetchError(makeFetcher({ timeoutMs: 300 }).fetch(server.url('/drip')), 'timeout');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('refuses a body whose Content-Length is over the cap, and drops the connection', async () => {
    let cutOff: Promise<boolean> = Promise.resolve(false);
    const server = await serve({
      '/huge': (_req, res) => {
        cutOff = streamForever(res, { 'content-length': 200 * 1024 * 1024 });
      },
    });
    const error = await expectFetchError(
      makeFetcher({ maxBytes: 100_000 }).fetch(server.url('/huge')),
      'too-large',
    );
    expect(error.message).toContain('sent more than 100 kB');
    expect(await cutOff).toBe(true);
  });

  it('refuses a chunked body once it passes the cap while streaming, and drops the connection', async () => {
    let cutOff: Promise<boolean> = Promise.resolve(false);
    const server = await serve({
      '/endless': (_req, res) => {
        cutOff = streamForever(res, {});
      },
    });
    await expectFetchError(makeFetcher({ maxBytes: 100_000 }).fetch(server.url('/endless')), 'too-large');
    expect(server.requests[0]?.headers['content-length']).toBeUndefined();
    expect(await cutOff).toBe(true);
  });

  it('accepts a body of exactly maxBytes', async () => {
    const server = await serve({ '/exact': (_req, res) => res.end(Buffer.alloc(1_000, 'x')) });
    const result = await makeFetcher({ maxBytes: 1_000 }).fetch(server.url('/exact'));
    expect(result.kind === 'ok' && result.body.length).toBe(1_000);
  });
});

describe('createHttpFetcher: redirects', () => {
  it('follows a chain of redirects within the cap, resolving relative Locations', async () => {
    const server = await serve({
      '/old': (_req, res) => res.writeHead(301, { location: '/moved/start' }).end(),
      '/moved/start': (_req, res) => res.writeHead(302, { location: 'next?x=1' }).end(),
      '/moved/next': (req, res) =>
        res.writeHead(307, { location: `http://${req.headers.host}/final.xml` }).end(),
      '/final.xml': (_req, res) => res.writeHead(200, { etag: '"final"' }).end('<rss/>'),
    });
    const result = await makeFetcher({ maxRedirects: 3 }).fetch(server.url('/old'));
    expect(result).toMatchObject({ kind: 'ok', url: server.url('/final.xml'), etag: '"final"' });
    expect(server.requests.map((r) => r.url)).toEqual([
      '/old',
      '/moved/start',
      '/moved/next?x=1',
      '/final.xml',
    ]);
    expect(server.requests.every((r) => r.headers['user-agent'] === USER_AGENT)).toBe(true);
  });

  it('reports not-modified with the final URL after a redirect', async () => {
    const server = await serve({
      '/old': (_req, res) => res.writeHead(308, { location: '/new' }).end(),
      '/new': (req, res) => res.writeHead(req.headers['if-none-match'] === '"e"' ? 304 : 200).end(),
    });
    const result = await makeFetcher().fetch(server.url('/old'), { etag: '"e"' });
    expect(result).toEqual({ kind: 'not-modified', url: server.url('/new') });
  });

  it('detects a redirect loop', async () => {
    const server = await serve({
      '/a': (_req, res) => res.writeHead(302, { location: '/b' }).end(),
      '/b': (_req, res) => res.writeHead(302, { location: '/a' }).end(),
    });
    const error = await expectFetchError(
      makeFetcher({ maxRedirects: 10 }).fetch(server.url('/a')),
      'redirect-loop',
    );
    expect(error.message).toContain(`${server.url('/b')} redirects back to ${server.url('/a')}`);
    expect(server.requests).toHaveLength(2);
  });

  it('gives up after maxRedirects hops', async () => {
    const server = await serve(
      {},
      {
        fallback: (req, res) => {
          const n = Number(req.url?.slice(1));
          res.writeHead(302, { location: `/${n + 1}` }).end();
        },
      },
    );
    const error = await expectFetchError(
      makeFetcher({ maxRedirects: 3 }).fetch(server.url('/0')),
      'too-many-redirects',
    );
    expect(server.requests.map((r) => r.url)).toEqual(['/0', '/1', '/2', '/3']);
    expect(error.message).toContain(
      `${server.url('/0')} redirected more than 3 times (last to ${server.url('/4')})`,
    );
    expect(error.message).toContain('polling.maxRedirects');
  });

  it('does not follow redirects at all with maxRedirects 0', async () => {
    const server = await serve({ '/a': (_req, res) => res.writeHead(301, { location: '/b' }).end() });
    await expectFetchError(makeFetcher({ maxRedirects: 0 }).fetch(server.url('/a')), 'too-many-redirects');
    expect(server.requests).toHaveLength(1);
  });

  it('refuses a redirect to a non-http scheme', async () => {
    const server = await serve({
      '/a': (_req, res) => res.writeHead(302, { location: 'file:///etc/passwd' }).end(),
    });
    await expectFetchError(makeFetcher().fetch(server.url('/a')), 'bad-url');
  });
});

describe('createHttpFetcher: errors', () => {
  it('reports 500 as http-status with a message that says what will happen', async () => {
    const server = await serve({ '/feed': (_req, res) => res.writeHead(500).end('oops') });
    const error = await expectFetchError(makeFetcher().fetch(server.url('/feed')), 'http-status');
    expect(error.status).toBe(500);
    expect(error.retryAfterMs).toBeUndefined();
    expect(error.message).toBe(
      `${server.url('/feed')} answered 500 Internal Server Error; the site may be down, Quotewire will retry with backoff`,
    );
  });

  it('reports 404 as http-status with advice to check the address', async () => {
    const server = await serve();
    const error = await expectFetchError(makeFetcher().fetch(server.url('/gone')), 'http-status');
    expect(error.status).toBe(404);
    expect(error.message).toMatch(/answered 404 Not Found; .*check the address/);
  });

  it('passes on Retry-After in seconds from a 429', async () => {
    const server = await serve({
      '/feed': (_req, res) => res.writeHead(429, { 'retry-after': '120' }).end(),
    });
    const error = await expectFetchError(makeFetcher().fetch(server.url('/feed')), 'http-status');
    expect(error.status).toBe(429);
    expect(error.retryAfterMs).toBe(120_000);
    expect(error.message).toContain('wait 120 s');
  });

  it('says a date-form Retry-After in whole seconds', async () => {
    const now = Date.parse('2025-01-01T10:00:00.500Z');
    const server = await serve({
      '/feed': (_req, res) => res.writeHead(429, { 'retry-after': 'Wed, 01 Jan 2025 11:00:00 GMT' }).end(),
    });
    const error = await expectFetchError(
      makeFetcher({ now: () => now }).fetch(server.url('/feed')),
      'http-status',
    );
    expect(error.retryAfterMs).toBe(3_599_500);
    expect(error.message).toContain('asks to wait 3600 s,');
  });

  it('passes on Retry-After as an HTTP date from a 503, measured with the injected clock', async () => {
    const now = Date.parse('2025-01-01T10:00:00Z');
    const server = await serve({
      '/feed': (_req, res) => res.writeHead(503, { 'retry-after': 'Wed, 01 Jan 2025 10:05:00 GMT' }).end(),
    });
    const error = await expectFetchError(
      makeFetcher({ now: () => now }).fetch(server.url('/feed')),
      'http-status',
    );
    expect(error.retryAfterMs).toBe(5 * 60_000);
  });

  it('reports a closed port as a network error', async () => {
    const port = await findClosedPort();
    const error = await expectFetchError(makeFetcher().fetch(`http://127.0.0.1:${port}/feed`), 'network');
    expect(error.message).toContain('connection refused');
  });

  it('reports an unknown host name as a network error', async () => {
    const error = await expectFetchError(
      makeFetcher({ lookup: resolveTo() }).fetch('http://nowhere.example.test/feed'),
      'network',
    );
    expect(error.message).toContain('no such host name');
  });

  it.each(['not a url', 'example.com/feed', 'ftp://example.com/feed', 'file:///etc/passwd'])(
    'rejects %s as a bad URL',
    async (url) => {
      await expectFetchError(makeFetcher().fetch(url), 'bad-url');
    },
  );

  it('never puts the credentials of a URL into an error message', async () => {
    const server = await serve({ '/feed': (_req, res) => res.writeHead(500).end() });
    const withCredentials = `http://alice:s3cret@127.0.0.1:${server.port}/feed`;
    const messages = [
      (await expectFetchError(makeFetcher().fetch(withCredentials), 'http-status')).message,
      (
        await expectFetchError(
          makeFetcher({ addressPolicy: strict }).fetch(withCredentials),
          'forbidden-address',
        )
      ).message,
      (await expectFetchError(makeFetcher().fetch('http://alice:s3cret@exa mple.com/'), 'bad-url')).message,
    ];
    for (const message of messages) {
      expect(message).not.toContain('s3cret');
      expect(message).not.toContain('alice');
    }
  });
});

describe('createHttpFetcher: refusing internal addresses', () => {
  let target: TestHttpServer;

  async function expectRefusedWithoutContact(fetcher: HttpFetcher, url: string): Promise<FetchError> {
    const error = await expectFetchError(fetcher.fetch(url), 'forbidden-address');
    expect(target.requests).toHaveLength(0);
    expect(target.connectionCount).toBe(0);
    return error;
  }

  it.each([
    ['127.0.0.1', (port: number) => `http://127.0.0.1:${port}/`],
    ['localhost', (port: number) => `http://localhost:${port}/`],
    ['[::1]', (port: number) => `http://[::1]:${port}/`],
    ['[::ffff:127.0.0.1]', (port: number) => `http://[::ffff:127.0.0.1]:${port}/`],
    ['2130706433 (decimal)', (port: number) => `http://2130706433:${port}/`],
    ['0x7f.1 (hex)', (port: number) => `http://0x7f.1:${port}/`],
    ['0177.0.0.1 (octal)', (port: number) => `http://0177.0.0.1:${port}/`],
  ])('refuses %s when loopback is not allowed, before contacting the server', async (_name, makeUrl) => {
    target = await serve({ '/': (_req, res) => res.end('secret admin page') });
    const error = await expectRefusedWithoutContact(
      makeFetcher({ addressPolicy: strict }),
      makeUrl(target.port),
    );
    expect(error.message).toMatch(
      /^refused: .* a loopback address \((127\.0\.0\.1|::1|::ffff:7f00:1)\); set polling\.allowLoopback/,
    );
  });

  it('refuses a host name that resolves to a private address', async () => {
    target = await serve();
    const fetcher = makeFetcher({ addressPolicy: strict, lookup: resolveTo('10.0.0.1') });
    const error = await expectRefusedWithoutContact(fetcher, 'http://example.internal/feed');
    expect(error.message).toBe(
      'refused: example.internal resolves to a private address (10.0.0.1); set polling.allowPrivateAddresses in the config to allow it',
    );
  });

  it('refuses a host name that resolves to a metadata address even when private addresses are allowed', async () => {
    target = await serve();
    const fetcher = makeFetcher({
      addressPolicy: { allowLoopback: true, allowPrivate: true },
      lookup: resolveTo('169.254.169.254'),
    });
    const error = await expectRefusedWithoutContact(
      fetcher,
      'http://metadata.google.internal/computeMetadata/v1/',
    );
    expect(error.message).toContain('cloud metadata address (169.254.169.254)');
  });

  it('refuses a host name if any of its addresses is forbidden', async () => {
    target = await serve({ '/': (_req, res) => res.end('x') });
    const fetcher = makeFetcher({
      addressPolicy: loopbackAllowed,
      lookup: resolveTo('127.0.0.1', '10.0.0.1'),
    });
    await expectRefusedWithoutContact(fetcher, `http://mixed.example.test:${target.port}/`);
  });

  it('checks the address at every connection, so a name that changes its answer is caught', async () => {
    target = await serve({ '/': (_req, res) => res.writeHead(200, { connection: 'close' }).end('public') });
    // Answers with an allowed address first, then an internal one: DNS rebinding.
    let calls = 0;
    const rebinding: HostResolver = async () => [
      calls++ === 0 ? { address: '127.0.0.1', family: 4 } : { address: '10.0.0.1', family: 4 },
    ];
    const fetcher = makeFetcher({ addressPolicy: loopbackAllowed, lookup: rebinding });
    const url = `http://rebind.example.test:${target.port}/`;
    expect((await fetcher.fetch(url)).kind).toBe('ok');
    const error = await expectFetchError(fetcher.fetch(url), 'forbidden-address');
    expect(error.message).toContain('private address (10.0.0.1)');
    expect(target.requests).toHaveLength(1);
  });

  it('re-checks every redirect hop: a redirect to an internal host name or a metadata IP is refused', async () => {
    const internal = await serve();
    target = internal;
    const entry = await serve({
      '/to-name': (_req, res) =>
        res.writeHead(302, { location: `http://internal.example.test:${internal.port}/` }).end(),
      '/to-metadata': (_req, res) =>
        res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end(),
    });
    const lookup: HostResolver = async (host) => [
      { address: host === 'internal.example.test' ? '10.0.0.1' : '127.0.0.1', family: 4 },
    ];
    const fetcher = makeFetcher({ addressPolicy: loopbackAllowed, lookup });
    const byName = await expectRefusedWithoutContact(fetcher, entry.url('/to-name'));
    expect(byName.message).toContain('internal.example.test resolves to a private address (10.0.0.1)');
    const byIp = await expectRefusedWithoutContact(fetcher, entry.url('/to-metadata'));
    expect(byIp.message).toContain(
      'http://169.254.169.254/latest/meta-data/ points to a cloud metadata address',
    );
    expect(entry.requests).toHaveLength(2);
  });

  // A "public" server needs an address on this machine that is not loopback; CI machines usually
  // have one (a private or public interface address), so this runs there and is skipped elsewhere.
  const outward = Object.values(networkInterfaces())
    .flat()
    .find(
      (i) => i !== undefined && !i.internal && ['private', 'public'].includes(classifyAddress(i.address)),
    );

  it.skipIf(outward === undefined)(
    'refuses a redirect from an allowed server to a loopback URL without contacting the loopback server',
    async () => {
      const entryAddress = outward?.address ?? '';
      target = await serve({ '/': (_req, res) => res.end('secret admin page') });
      const entry = await serve(
        {
          '/feed': (_req, res) => res.writeHead(302, { location: `http://127.0.0.1:${target.port}/` }).end(),
          '/feed-by-name': (_req, res) =>
            res.writeHead(302, { location: `http://localhost:${target.port}/` }).end(),
        },
        { host: entryAddress },
      );
      const lookup: HostResolver = async (host) =>
        host === 'news.example.com'
          ? [{ address: entryAddress, family: entryAddress.includes(':') ? 6 : 4 }]
          : [{ address: '127.0.0.1', family: 4 }];
      const fetcher = makeFetcher({ addressPolicy: { allowLoopback: false, allowPrivate: true }, lookup });

      await expectRefusedWithoutContact(fetcher, `http://news.example.com:${entry.port}/feed`);
      const byName = await expectRefusedWithoutContact(
        fetcher,
        `http://news.example.com:${entry.port}/feed-by-name`,
      );
      expect(byName.message).toContain('localhost resolves to a loopback address (127.0.0.1)');
      expect(entry.requests.map((r) => r.url)).toEqual(['/feed', '/feed-by-name']);
    },
  );
});
