/**
 * Why a source could not be read or added, as data rather than words. The errors of src/sources keep
 * their English message for logs, the CLI and the web console, and carry one of these beside it; a
 * chat words it in its own language (src/i18n/problem-text.ts, catalogue keys `problem-<code>`), so
 * nothing below the chat edge knows about languages. Plain data: it is stored in a source's status
 * and crosses the feed worker's thread boundary.
 */

/** The arguments of a problem that needs none. */
export type NoArgs = Record<never, never>;

/** The arguments each problem carries, by code; the catalogues' `problem-<code>` use the same names. */
export interface ProblemArgs {
  'redirect-loop': { url: string; next: string };
  'too-many-redirects': { url: string; max: number; last: string };
  timeout: { url: string; seconds: string };
  'bad-url': { text: string };
  'bad-redirect': { url: string; location: string };
  /** `unpacked`: 'yes' when the body grew too large only once decompressed. */
  'too-large': { url: string; size: string; unpacked: 'yes' | 'no' };
  /** `broken`: 'yes' for a body that would not unpack, 'no' for an encoding Quotewire lacks. */
  'bad-encoding': { url: string; encoding: string; broken: 'yes' | 'no' };
  /** `advice` picks the sentence after the status; `seconds` is for `rate-limited-wait` only. */
  'http-status': { url: string; status: number; advice: HttpAdvice; seconds: string };
  network: { host: string; cause: NetworkCause };
  tls: { host: string; code: string };
  'fetch-failed': { url: string; detail: string };
  'not-http': { url: string };
  /** An address whose scheme is a typo of http or https: `suggestion` is the address with it fixed. */
  'scheme-typo': { url: string; suggestion: string };
  /** `via`: 'host' when a host name resolved to the address, 'url' when the URL named it. */
  'forbidden-address': { subject: string; via: 'host' | 'url'; range: string; address: string };
  'local-files-here': NoArgs;
  'not-file-url': { location: string };
  'no-file': { path: string };
  'not-url': { location: string };
  'path-missing': { path: string };
  'path-unreadable': { path: string; code: string };
  'file-too-large': { path: string; max: number };
  'binary-file': { name: string };
  'no-text': { name: string };
  'not-feed-or-page': { url: string; type: string };
  'page-links-feed': { url: string; feed: string };
  'feed-huge': { mb: number };
  'html-no-feed': NoArgs;
  /** `more`: how many other feed links the page has besides `feed`. */
  'html-feed-link': { feed: string; more: number };
  'empty-response': NoArgs;
  'bad-json': NoArgs;
  'json-not-feed': NoArgs;
  'opml-not-feed': NoArgs;
  'other-xml': { root: string };
  'plain-text': NoArgs;
  'xml-broken': { line: number; detail: string };
  'too-deep': { max: number };
  'no-article': { url: string };
  /** A source that was a feed answered with a web page (maintenance, a bot check): passing. */
  'feed-served-page': { url: string };
  /** `what` names the limit the page exceeds; `amount` is how far it goes. */
  'page-too-complex': { url: string; what: 'size' | 'elements' | 'depth'; amount: string };
}

export type ProblemCode = keyof ProblemArgs;

export type HttpAdvice =
  'rate-limited' | 'rate-limited-wait' | 'gone' | 'no-access' | 'server' | 'redirect' | 'other';

export type NetworkCause = 'refused' | 'no-host' | 'dns' | 'dropped' | 'connect-timeout' | 'unreachable';

/** One problem: its code and that code's arguments. */
export type SourceProblem = { [K in ProblemCode]: { code: K; args: ProblemArgs[K] } }[ProblemCode];

/** Builds a problem with arguments checked against its code. */
export function problem<K extends ProblemCode>(code: K, args: ProblemArgs[K]): SourceProblem {
  return { code, args } as SourceProblem;
}

/**
 * How the English sentence of a passing problem (a timeout, a server error) ends: true of a source
 * that is polled, whose next tries back off. A one-off read (adding a source) is not tried again:
 * {@link asOneOffRead} words it for that. Chats get the same choice as `$then` (problem-text.ts).
 */
export const WILL_RETRY = ', Quotewire will retry with backoff';

/** A fetch error's English sentence for a read that nothing will repeat: "…; try again later". */
export function asOneOffRead(sentence: string): string {
  return sentence.replace(WILL_RETRY, '; try again later');
}

/** An error of src/sources with an English message and the problem it stands for. */
export class SourceError extends Error {
  override readonly name: string = 'SourceError';

  constructor(
    message: string,
    readonly problem: SourceProblem,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** The problem an error carries, if it is one of ours (a SourceError or an error with `problem`). */
export function problemOf(error: unknown): SourceProblem | null {
  const found = (error as { problem?: unknown } | null)?.problem;
  return found && typeof found === 'object' && typeof (found as SourceProblem).code === 'string'
    ? (found as SourceProblem)
    : null;
}
