/**
 * A real HTTP server for tests, on 127.0.0.1 and a port the OS picks, that records every request and
 * connection it sees. Tests start one per case (or per file), add route handlers, point the code under
 * test at `server.url(path)`, and assert on `server.requests` afterwards.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Answers one request. The return value is ignored (so `(req, res) => res.end('x')` works), except
 * that a returned promise is awaited; anything thrown or rejected becomes a 500.
 */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => unknown;

/** A request as the server received it; the body is recorded for methods that send one. */
export interface RecordedRequest {
  method: string;
  /** Path and query, as sent. */
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A running test server; always `close()` it (an afterEach is the usual place). */
export interface TestHttpServer {
  /** e.g. `http://127.0.0.1:54321`, without a trailing slash. */
  readonly origin: string;
  readonly port: number;
  /** Every request received, in arrival order, including those no route matched. */
  readonly requests: RecordedRequest[];
  /** How many TCP connections were accepted, to prove that a client never even connected. */
  readonly connectionCount: number;
  /** An absolute URL on this server, e.g. `url('/feed.xml')`. */
  url(path: string): string;
  /** Adds or replaces the handler for a path (matched without the query string). */
  route(path: string, handler: RouteHandler): void;
  /** Drops open (keep-alive or stalled) connections, then stops listening. */
  close(): Promise<void>;
}

/** Options for {@link startTestHttpServer}. */
export interface TestHttpServerOptions {
  /** Interface to listen on; 127.0.0.1 unless a test needs another. */
  host?: string;
  /** Answers paths that have no route; a plain 404 by default. */
  fallback?: RouteHandler;
}

/**
 * Starts a server with the given routes (path → handler; the query string is ignored when matching).
 *
 * @example
 * const server = await startTestHttpServer({ '/feed.xml': (_req, res) => res.end('<rss/>') });
 * await fetch(server.url('/feed.xml'));
 * expect(server.requests[0]?.headers['user-agent']).toBe('Quotewire-test');
 * await server.close();
 */
export async function startTestHttpServer(
  routes: Record<string, RouteHandler> = {},
  options: TestHttpServerOptions = {},
): Promise<TestHttpServer> {
  const handlers = new Map(Object.entries(routes));
  const requests: RecordedRequest[] = [];
  let connectionCount = 0;
  const fallback: RouteHandler =
    options.fallback ??
    ((_req, res) => {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    });

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      headers: req.headers,
      body: Buffer.alloc(0),
    };
    // Record before the body arrives, so a test can see requests whose handler never finishes.
    requests.push(record);
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      record.body = Buffer.concat(chunks);
    });
    const path = new URL(record.url, 'http://test.invalid').pathname;
    const handler = handlers.get(path) ?? fallback;
    Promise.resolve()
      .then(() => handler(req, res))
      .catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(String(error));
      });
  });
  server.on('connection', () => {
    connectionCount++;
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  return {
    origin,
    port,
    requests,
    get connectionCount() {
      return connectionCount;
    },
    url: (path) => `${origin}${path.startsWith('/') ? path : `/${path}`}`,
    route: (path, handler) => {
      handlers.set(path, handler);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Without this, a keep-alive client or a handler that never answers keeps close() waiting.
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/**
 * A port on 127.0.0.1 that nothing listens on (it was just released), for connection-refused tests.
 * Another process could take it in between, which is unlikely enough for tests.
 */
export async function findClosedPort(): Promise<number> {
  const server = await startTestHttpServer();
  const { port } = server;
  await server.close();
  return port;
}
