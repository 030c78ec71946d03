/**
 * Fetches feeds and pages the way a well-behaved feed reader does: conditional GET so unchanged feeds
 * cost one small 304, compressed transfer, an honest User-Agent, a hard time limit and a size cap, and
 * redirects followed by hand so that every hop is checked against the {@link AddressPolicy}.
 *
 * The address check runs inside the connection's DNS lookup, on the very address the socket is about
 * to use. Checking a host name up front and connecting afterwards would let a DNS server answer
 * "public" to the check and "127.0.0.1" to the connection (DNS rebinding).
 */
import type { LookupAddress, LookupOptions } from 'node:dns';
import { lookup as dnsLookup } from 'node:dns/promises';
import { STATUS_CODES } from 'node:http';
import { isIP, type LookupFunction } from 'node:net';
import { promisify } from 'node:util';
import * as zlib from 'node:zlib';
import type { Agent, request } from 'undici';
import {
  type AddressPolicy,
  type AddressRefusal,
  checkAddress,
  checkUrl,
  describeRefusal,
  displayUrl,
  refusalProblem,
} from './address-policy.js';
import {
  WILL_RETRY,
  problem,
  type HttpAdvice,
  type NetworkCause,
  type SourceProblem,
} from './source-problem.js';

/** What went wrong with a fetch; callers decide from this whether to back off, retry or tell the user. */
export type FetchErrorKind =
  | 'timeout'
  | 'too-large'
  | 'too-many-redirects'
  | 'redirect-loop'
  | 'http-status'
  | 'network'
  | 'forbidden-address'
  | 'bad-url';

/**
 * A failed fetch. `message` is one sentence a user can act on and never contains the credentials of
 * a URL, so it can go straight into a log or a chat reply.
 */
export class FetchError extends Error {
  override readonly name = 'FetchError';
  readonly kind: FetchErrorKind;
  /** The HTTP status, for `http-status`. */
  readonly status?: number;
  /** How long the server asked us to wait (Retry-After on 429 or 503), for the backoff. */
  readonly retryAfterMs?: number;
  /** The same as data, for a chat to word in its language (see source-problem.ts). */
  readonly problem?: SourceProblem;

  constructor(
    kind: FetchErrorKind,
    message: string,
    details: { status?: number; retryAfterMs?: number; cause?: unknown; problem?: SourceProblem } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.kind = kind;
    if (details.problem !== undefined) this.problem = details.problem;
    if (details.status !== undefined) this.status = details.status;
    if (details.retryAfterMs !== undefined) this.retryAfterMs = details.retryAfterMs;
  }
}

/** A fetched body, or confirmation that the copy from the last fetch is still current. */
export type FetchResult =
  | {
      kind: 'ok';
      /** The final URL after redirects, without credentials: the base for the document's relative links. */
      url: string;
      status: number;
      /** Decompressed from Content-Encoding, otherwise untouched: charset decoding happens elsewhere. */
      body: Buffer;
      contentType: string | null;
      etag: string | null;
      lastModified: string | null;
    }
  | { kind: 'not-modified'; url: string };

/** Validators remembered from the previous fetch of the same URL. */
export interface ConditionalHeaders {
  etag?: string | null;
  lastModified?: string | null;
}

/** Resolves a host name to all its addresses; node's dns.lookup by default, a fake in tests. */
export type HostResolver = (hostname: string) => Promise<readonly LookupAddress[]>;

/** Settings for {@link createHttpFetcher}; the config supplies them from `polling.*`. */
export interface HttpFetcherOptions {
  /** Limit for the whole fetch: connecting, every redirect, headers and body. */
  timeoutMs: number;
  /** Largest body accepted, both as sent and after decompression. */
  maxBytes: number;
  maxRedirects: number;
  userAgent: string;
  addressPolicy: AddressPolicy;
  lookup?: HostResolver;
  /** Clock for Retry-After dates; Date.now by default. */
  now?: () => number;
}

/** An HTTP client for sources; {@link HttpFetcher.close} releases its pooled connections. */
export interface HttpFetcher {
  /**
   * GETs `url`, following redirects. Resolves with the body or `not-modified`; rejects only with
   * {@link FetchError}.
   */
  fetch(url: string, conditional?: ConditionalHeaders): Promise<FetchResult>;
  close(): Promise<void>;
}

// Feeds first, then pages (a source URL may be a site's home page that links to its feed).
const ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json;q=0.95, application/xml;q=0.9, ' +
  'text/xml;q=0.9, application/json;q=0.8, text/html;q=0.7, application/xhtml+xml;q=0.7, */*;q=0.5';
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** Raised inside the socket's DNS lookup; {@link FetchError} is made from it once undici passes it up. */
class ForbiddenAddressError extends Error {
  constructor(
    readonly host: string,
    readonly refusal: AddressRefusal,
  ) {
    super(`${host} resolves to a forbidden address`);
  }
}

/**
 * Creates the fetcher that sources use. One instance per process: it owns a connection pool.
 *
 * @example
 * const fetcher = createHttpFetcher({ timeoutMs: 15_000, maxBytes: 10_000_000, maxRedirects: 5,
 *   userAgent: 'Quotewire/0.1', addressPolicy: { allowLoopback: false, allowPrivate: false } });
 * const result = await fetcher.fetch('https://example.com/feed.xml', { etag: previous.etag });
 */
export function createHttpFetcher(options: HttpFetcherOptions): HttpFetcher {
  const resolve = options.lookup ?? ((hostname: string) => dnsLookup(hostname, { all: true }));
  const now = options.now ?? Date.now;
  // undici is loaded with the first fetch: a start that reads only local files never needs it.
  let client: Promise<{ agent: Agent; request: typeof request }> | null = null;
  const connect = () =>
    (client ??= import('undici').then(({ Agent, request }) => ({
      request,
      agent: new Agent({
        connect: { lookup: guardedLookup(resolve, options.addressPolicy), timeout: options.timeoutMs },
        // Our own AbortSignal enforces the overall limit; these only stop undici's longer defaults.
        headersTimeout: options.timeoutMs,
        bodyTimeout: options.timeoutMs,
      }),
    })));

  async function fetchUrl(input: string, conditional: ConditionalHeaders = {}): Promise<FetchResult> {
    const start = parseUrl(input);
    let url = start;
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, options.timeoutMs);
    const visited = new Set<string>();
    try {
      for (let redirects = 0; ; redirects++) {
        visited.add(url.href);
        const refused = checkUrl(url, options.addressPolicy);
        if (refused) throw new FetchError(refused.kind, refused.message, { problem: refused.problem });

        const response = await sendRequest(url, conditional, controller.signal);
        const location = REDIRECT_STATUSES.has(response.statusCode)
          ? headerValue(response.headers, 'location')
          : null;
        if (location !== null) {
          await discard(response.body);
          const next = resolveLocation(url, location);
          if (visited.has(next.href)) {
            throw new FetchError(
              'redirect-loop',
              `${displayUrl(url)} redirects back to ${displayUrl(next)}, a loop; the site is misconfigured, so open it in a browser to find the feed's real address`,
              { problem: problem('redirect-loop', { url: displayUrl(url), next: displayUrl(next) }) },
            );
          }
          if (redirects >= options.maxRedirects) {
            throw new FetchError(
              'too-many-redirects',
              `${displayUrl(start)} redirected more than ${options.maxRedirects} times (last to ${displayUrl(next)}); use the final address directly or raise polling.maxRedirects in the config`,
              {
                problem: problem('too-many-redirects', {
                  url: displayUrl(start),
                  max: options.maxRedirects,
                  last: displayUrl(next),
                }),
              },
            );
          }
          url = next;
          continue;
        }
        if (response.statusCode === 304) {
          await discard(response.body);
          return { kind: 'not-modified', url: displayUrl(url) };
        }
        if (response.statusCode < 200 || response.statusCode >= 300) {
          await discard(response.body);
          throw statusError(url, response.statusCode, response.headers, now());
        }
        const body = await readBody(url, response, options.maxBytes);
        return {
          kind: 'ok',
          url: displayUrl(url),
          status: response.statusCode,
          body,
          contentType: headerValue(response.headers, 'content-type'),
          etag: headerValue(response.headers, 'etag'),
          lastModified: headerValue(response.headers, 'last-modified'),
        };
      }
    } catch (error) {
      if (timedOut) {
        throw new FetchError(
          'timeout',
          `${displayUrl(url)} timed out after ${formatSeconds(options.timeoutMs)}; the site may be slow or down${WILL_RETRY}`,
          {
            cause: error,
            problem: problem('timeout', { url: displayUrl(url), seconds: formatSeconds(options.timeoutMs) }),
          },
        );
      }
      throw toFetchError(error, url);
    } finally {
      clearTimeout(timer);
    }
  }

  async function sendRequest(url: URL, conditional: ConditionalHeaders, signal: AbortSignal) {
    const headers: Record<string, string> = {
      'user-agent': options.userAgent,
      accept: ACCEPT,
      'accept-encoding': 'gzip, deflate, br',
    };
    if (conditional.etag) headers['if-none-match'] = conditional.etag;
    if (conditional.lastModified) headers['if-modified-since'] = conditional.lastModified;
    // Credentials written into a URL act like a browser's: Basic auth for that URL only, so a
    // redirect to another host never receives them.
    if (url.username !== '' || url.password !== '') {
      const user = decodeURIComponent(url.username);
      const password = decodeURIComponent(url.password);
      headers.authorization = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
    }
    const { agent, request } = await connect();
    return request(displayUrl(url), { method: 'GET', headers, signal, dispatcher: agent });
  }

  return {
    fetch: fetchUrl,
    close: async () => {
      if (client) await (await client).agent.close();
    },
  };
}

type UndiciResponse = Awaited<ReturnType<typeof request>>;
type ResponseHeaders = UndiciResponse['headers'];

function parseUrl(input: string): URL {
  try {
    return new URL(input);
  } catch {
    throw new FetchError(
      'bad-url',
      `"${redactText(input)}" is not a valid URL; write it in full, such as https://example.com/feed.xml`,
      { problem: problem('bad-url', { text: redactText(input) }) },
    );
  }
}

function resolveLocation(from: URL, location: string): URL {
  try {
    return new URL(location, from);
  } catch {
    throw new FetchError(
      'bad-url',
      `${displayUrl(from)} redirected to "${redactText(location)}", which is not a valid URL; the site is misconfigured`,
      { problem: problem('bad-redirect', { url: displayUrl(from), location: redactText(location) }) },
    );
  }
}

/** Wraps the resolver as a socket `lookup` that refuses addresses the policy forbids. */
function guardedLookup(resolve: HostResolver, policy: AddressPolicy): LookupFunction {
  return (hostname: string, lookupOptions: LookupOptions, callback) => {
    resolve(hostname).then(
      (found) => {
        const wanted = lookupOptions.family === 4 || lookupOptions.family === 6 ? lookupOptions.family : 0;
        const addresses = found.filter((a) => isIP(a.address) !== 0 && (wanted === 0 || a.family === wanted));
        const first = addresses[0];
        if (first === undefined) {
          const error: NodeJS.ErrnoException = new Error(`getaddrinfo ENOTFOUND ${hostname}`);
          error.code = 'ENOTFOUND';
          callback(error, '', 0);
          return;
        }
        // Refuse if any address is forbidden: a name that mixes public and private answers is
        // either misconfigured or an attempt to win a race between the two.
        for (const candidate of addresses) {
          const refusal = checkAddress(candidate.address, policy);
          if (refusal) {
            callback(new ForbiddenAddressError(hostname, refusal), '', 0);
            return;
          }
        }
        if (lookupOptions.all) callback(null, addresses.slice());
        else callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };
}

async function readBody(url: URL, response: UndiciResponse, maxBytes: number): Promise<Buffer> {
  const tooLarge = (): FetchError =>
    new FetchError(
      'too-large',
      `${displayUrl(url)} sent more than ${formatBytes(maxBytes)}; raise polling.maxBytes in the config if this source really is that big`,
      {
        problem: problem('too-large', { url: displayUrl(url), size: formatBytes(maxBytes), unpacked: 'no' }),
      },
    );
  const declared = Number(headerValue(response.headers, 'content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    response.body.destroy();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let total = 0;
  // Leaving the loop early destroys the stream, which makes undici drop the connection.
  for await (const chunk of response.body as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > maxBytes) throw tooLarge();
    chunks.push(chunk);
  }
  return decodeContent(url, Buffer.concat(chunks, total), response.headers, maxBytes);
}

const gunzip = promisify(zlib.gunzip);
const inflate = promisify(zlib.inflate);
const inflateRaw = promisify(zlib.inflateRaw);
const brotliDecompress = promisify(zlib.brotliDecompress);

/** Undoes Content-Encoding, refusing output above maxBytes so a small gzip bomb cannot fill memory. */
async function decodeContent(
  url: URL,
  raw: Buffer,
  headers: ResponseHeaders,
  maxBytes: number,
): Promise<Buffer> {
  const encodings = (headerValue(headers, 'content-encoding') ?? '')
    .split(',')
    .map((e) => e.trim().toLowerCase())
    .filter((e) => e !== '' && e !== 'identity');
  let body = raw;
  // Codings are listed in the order they were applied, so undo them from the last.
  for (const encoding of encodings.reverse()) {
    if (body.length === 0) break;
    // Sync flush tolerates a stream cut short, as browsers do; many servers end gzip sloppily.
    const zlibOptions = { maxOutputLength: maxBytes, finishFlush: zlib.constants.Z_SYNC_FLUSH };
    try {
      if (encoding === 'gzip' || encoding === 'x-gzip') body = await gunzip(body, zlibOptions);
      else if (encoding === 'deflate') {
        // "deflate" should be zlib-wrapped, but some servers send raw deflate.
        body = hasZlibHeader(body) ? await inflate(body, zlibOptions) : await inflateRaw(body, zlibOptions);
      } else if (encoding === 'br') {
        body = await brotliDecompress(body, {
          maxOutputLength: maxBytes,
          finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH,
        });
      } else {
        throw new FetchError(
          'network',
          `${displayUrl(url)} answered with an unsupported Content-Encoding (${encoding}); the site is sending something Quotewire cannot read`,
          { problem: problem('bad-encoding', { url: displayUrl(url), encoding, broken: 'no' }) },
        );
      }
    } catch (error) {
      if (error instanceof FetchError) throw error;
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
        throw new FetchError(
          'too-large',
          `${displayUrl(url)} unpacks to more than ${formatBytes(maxBytes)}; raise polling.maxBytes in the config if this source really is that big`,
          {
            cause: error,
            problem: problem('too-large', {
              url: displayUrl(url),
              size: formatBytes(maxBytes),
              unpacked: 'yes',
            }),
          },
        );
      }
      throw new FetchError(
        'network',
        `${displayUrl(url)} sent a broken ${encoding} body that could not be unpacked; the site may be misconfigured${WILL_RETRY}`,
        { cause: error, problem: problem('bad-encoding', { url: displayUrl(url), encoding, broken: 'yes' }) },
      );
    }
  }
  return body;
}

function hasZlibHeader(data: Buffer): boolean {
  const [first = 0, second = 0] = data;
  return (first & 0x0f) === 8 && ((first << 8) | second) % 31 === 0;
}

/** Reads and drops a body we do not need, so the connection can be reused; failures do not matter. */
async function discard(body: UndiciResponse['body']): Promise<void> {
  try {
    await body.dump({ limit: 64 * 1024 });
  } catch {
    body.destroy();
  }
}

function statusError(url: URL, status: number, headers: ResponseHeaders, nowMs: number): FetchError {
  const answered = `${displayUrl(url)} answered ${status} ${STATUS_CODES[status] ?? 'Unknown Status'}`;
  const retryAfterMs =
    status === 429 || status === 503
      ? parseRetryAfter(headerValue(headers, 'retry-after'), nowMs)
      : undefined;
  const kind: HttpAdvice =
    status === 429
      ? retryAfterMs === undefined
        ? 'rate-limited'
        : 'rate-limited-wait'
      : status === 404 || status === 410
        ? 'gone'
        : status === 401 || status === 403
          ? 'no-access'
          : status >= 500
            ? 'server'
            : status >= 300 && status < 400
              ? 'redirect'
              : 'other';
  // A date-form Retry-After, measured against our clock, lands between whole seconds ("3599.5 s").
  const seconds = retryAfterMs === undefined ? '' : formatSeconds(Math.ceil(retryAfterMs / 1000) * 1000);
  const advice: Record<HttpAdvice, string> = {
    'rate-limited': `the site is rate-limiting requests${WILL_RETRY}`,
    'rate-limited-wait': `the site is rate-limiting requests and asks to wait ${seconds}${WILL_RETRY}`,
    gone: 'the feed may have moved or been removed; check the address in a browser',
    'no-access': 'the site refuses access; check the address or whether it needs a login',
    server: `the site may be down${WILL_RETRY}`,
    redirect: 'the site redirected without saying where to; check the address in a browser',
    other: 'check the address in a browser',
  };
  return new FetchError('http-status', `${answered}; ${advice[kind]}`, {
    status,
    retryAfterMs,
    problem: problem('http-status', { url: displayUrl(url), status, advice: kind, seconds }),
  });
}

/** Retry-After is either delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/** Maps whatever undici or the socket threw into a FetchError that names the problem. */
function toFetchError(error: unknown, url: URL): FetchError {
  if (error instanceof FetchError) return error;
  const forbidden = findCause(error, (e) => e instanceof ForbiddenAddressError);
  if (forbidden instanceof ForbiddenAddressError) {
    return new FetchError('forbidden-address', describeRefusal(forbidden.host, forbidden.refusal, true), {
      cause: error,
      problem: refusalProblem(forbidden.host, forbidden.refusal, true),
    });
  }
  const code = findCause(error, (e) => typeof (e as NodeJS.ErrnoException).code === 'string') as
    NodeJS.ErrnoException | undefined;
  const host = url.host;
  const causes: Record<string, NetworkCause> = {
    ECONNREFUSED: 'refused',
    ENOTFOUND: 'no-host',
    EAI_AGAIN: 'dns',
    ECONNRESET: 'dropped',
    UND_ERR_SOCKET: 'dropped',
    ETIMEDOUT: 'connect-timeout',
    UND_ERR_CONNECT_TIMEOUT: 'connect-timeout',
    EHOSTUNREACH: 'unreachable',
    ENETUNREACH: 'unreachable',
  };
  const sentences: Record<NetworkCause, string> = {
    refused: `could not connect to ${host} (connection refused); check the address, or whether the site is up`,
    'no-host': `could not find ${url.hostname} (no such host name); check the address for typos`,
    dns: `could not look up ${url.hostname} (DNS did not answer); check the network${WILL_RETRY}`,
    dropped: `${host} dropped the connection; the site may be overloaded${WILL_RETRY}`,
    'connect-timeout': `could not connect to ${host} in time; the site may be down${WILL_RETRY}`,
    unreachable: `${host} is unreachable from this machine; check the network`,
  };
  const cause = code?.code === undefined ? undefined : causes[code.code];
  if (cause !== undefined) {
    // Name lookups are about the host name alone; connections name the port too, when there is one.
    const named = cause === 'no-host' || cause === 'dns' ? url.hostname : host;
    return new FetchError('network', sentences[cause], {
      cause: error,
      problem: problem('network', { host: named, cause }),
    });
  }
  if (
    code?.code?.includes('CERT') ||
    code?.code?.startsWith('ERR_TLS') ||
    code?.code?.startsWith('ERR_SSL')
  ) {
    return new FetchError(
      'network',
      `${host} presented a TLS certificate that could not be verified (${code.code}); the site's HTTPS setup is broken`,
      { cause: error, problem: problem('tls', { host, code: code.code }) },
    );
  }
  const detail = code?.code ?? (error instanceof Error ? error.message : String(error));
  return new FetchError(
    'network',
    `could not fetch ${displayUrl(url)} (${redactText(detail)})${WILL_RETRY}`,
    { cause: error, problem: problem('fetch-failed', { url: displayUrl(url), detail: redactText(detail) }) },
  );
}

/** Searches an error, its causes and the members of AggregateErrors (Happy Eyeballs) for a match. */
function findCause(error: unknown, match: (e: unknown) => boolean, depth = 0): unknown {
  if (error === null || typeof error !== 'object' || depth > 8) return undefined;
  if (match(error)) return error;
  if (error instanceof AggregateError) {
    for (const inner of error.errors) {
      const found = findCause(inner, match, depth + 1);
      if (found !== undefined) return found;
    }
  }
  return findCause((error as { cause?: unknown }).cause, match, depth + 1);
}

function headerValue(headers: ResponseHeaders, name: string): string | null {
  const value = headers[name];
  if (Array.isArray(value)) return value[0] ?? null;
  return value ?? null;
}

/** Removes `user:password@` from text that may hold a URL we could not parse. */
function redactText(text: string): string {
  return text.replace(/\/\/[^/?#\s@]*@/g, '//');
}

function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1_000_000) return `${(bytes / 1_000_000).toFixed(1).replace(/\.0$/, '')} MB`;
  if (bytes >= 1_000) return `${(bytes / 1_000).toFixed(1).replace(/\.0$/, '')} kB`;
  return `${bytes} bytes`;
}
