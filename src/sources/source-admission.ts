import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Clock } from '../kernel/clock.js';
import { describeError } from '../kernel/describe-error.js';
import { checkUrl, type AddressPolicy } from './address-policy.js';
import type { Poller, PollOutcome } from './poller.js';
import type { ChatSources } from './chat-sources.js';
import { isGlobal, type SourceCatalog, type SourceRecord } from './source-catalog.js';
import type { SourceReader } from './source-reader.js';
import type { Translate } from '../i18n/translations.js';
import { asOneOffRead, problem, problemOf, type SourceProblem } from './source-problem.js';

export type AdmissionResult =
  /**
   * `poll` is null when chats already shared the source, so nothing new was fetched. `foundOn`: the
   * web page given, when what was added is the feed it links to.
   */
  | { kind: 'added'; source: SourceRecord; poll: PollOutcome | null; foundOn?: string }
  /** The location is a config source an operator had removed: it is back. */
  | { kind: 'restored'; source: SourceRecord; poll: PollOutcome }
  /**
   * `reason` is English, as the log, the CLI and the web console show it. `known`: it is read already
   * (for this chat, or for every chat). A chat words the reason in its language from `say` (the
   * refusals Quotewire itself decides) or `problem` (a fetch's error, the address policy): see
   * refusalReason in src/i18n/problem-text.ts.
   */
  | {
      kind: 'refused';
      reason: string;
      known?: boolean;
      say?: (t: Translate) => string;
      problem?: SourceProblem;
    };

/** Who is adding: chat operators give URLs; the operator at the terminal may also give local paths. */
export interface Adder {
  id: string;
  mayAddLocalFiles: boolean;
}

/** Longer locations are refused: no real feed needs one, and each would be echoed by /sources. */
const MAX_LOCATION_CHARS = 2_048;

/**
 * Adding a source at run time: a URL must be http(s), must not point at this machine, a private
 * network or a metadata service (unless the config allows it), and must actually serve a feed or an
 * article. Host names are checked again on every connection by the fetcher, so a DNS answer that
 * changes after this check cannot get through either. Local files and folders are for the operator
 * at the terminal only: on a chat platform, a path would let a chat read the server's disk.
 */
export class SourceAdmission {
  constructor(
    private readonly deps: {
      catalog: SourceCatalog;
      chatSources: ChatSources;
      reader: SourceReader;
      poller: Poller;
      policy: AddressPolicy;
      clock: Clock;
    },
  ) {}

  /**
   * Adds a source for every chat. A web page without an article that links to its feed (a site's
   * home page) gives that feed, as feed readers do; `foundOn` is that page, on the second call.
   */
  async add(location: string, adder: Adder, foundOn?: string): Promise<AdmissionResult> {
    if (location.length > MAX_LOCATION_CHARS) {
      return {
        kind: 'refused',
        reason: `that address is ${location.length.toLocaleString('en')} characters long; a source's address may have at most ${MAX_LOCATION_CHARS.toLocaleString('en')}`,
        say: (t) => t('admission-too-long', { length: location.length, max: MAX_LOCATION_CHARS }),
      };
    }
    const target = this.locate(location.trim(), adder);
    if ('refused' in target) return { kind: 'refused', reason: target.refused, problem: target.problem };
    const hidden = (await this.deps.catalog.hidden()).find((source) => source.url === target.location);
    if (hidden) {
      const source = await this.deps.catalog.restore(hidden.id);
      if (source) return { kind: 'restored', source, poll: await this.deps.poller.pollSource(source, true) };
    }
    const existing = (await this.deps.catalog.list()).find((source) => source.url === target.location);
    if (existing && isGlobal(existing))
      return {
        kind: 'refused',
        reason: `already a source, as ${existing.id}`,
        known: true,
        say: (t) => t('admission-already-source', { id: existing.id }),
      };
    // A chat source is read already: adding it for every chat keeps its id (see SourceCatalog.add).
    if (!existing) {
      try {
        await this.deps.reader.read(target.location);
      } catch (error) {
        const feed = foundOn ? null : linkedFeed(error);
        return feed ? this.add(feed, adder, target.location) : readRefusal(error);
      }
    }
    const source = await this.deps.catalog.add(target.location, adder.id, this.deps.clock());
    const poll = existing ? null : await this.deps.poller.pollSource(source, true);
    return { kind: 'added', source, poll, ...(foundOn ? { foundOn } : {}) };
  }

  /**
   * Adds a URL to one chat's own sources, within `limit` per chat. The same checks as {@link add}
   * (never a local file); an address other chats follow already is shared, not fetched again.
   */
  async addForChat(
    location: string,
    chat: string,
    adderId: string,
    limit: number,
    foundOn?: string,
  ): Promise<AdmissionResult> {
    if (limit <= 0) {
      return {
        kind: 'refused',
        reason:
          "this bot's operator has not allowed chats to add their own sources (chatSources.maxPerChat is 0)",
        say: (t) => t('admission-chat-sources-off'),
      };
    }
    if (location.length > MAX_LOCATION_CHARS)
      return this.add(location, { id: adderId, mayAddLocalFiles: false });
    const target = this.locate(location.trim(), { id: adderId, mayAddLocalFiles: false });
    if ('refused' in target) return { kind: 'refused', reason: target.refused, problem: target.problem };
    const known = await this.deps.chatSources.known(target.location);
    if (!known) {
      try {
        await this.deps.reader.read(target.location);
      } catch (error) {
        const feed = foundOn ? null : linkedFeed(error);
        return feed ? this.addForChat(feed, chat, adderId, limit, target.location) : readRefusal(error);
      }
    }
    const result = await this.deps.chatSources.follow(
      target.location,
      chat,
      adderId,
      this.deps.clock(),
      limit,
    );
    switch (result.kind) {
      case 'global':
        return {
          kind: 'refused',
          reason: `already read for every chat, as ${result.source.id}`,
          known: true,
          say: (t) => t('admission-already-global', { id: result.source.id }),
        };
      case 'already':
        return {
          kind: 'refused',
          reason: `already one of this chat's sources, as ${result.source.id}`,
          known: true,
          say: (t) => t('admission-already-chat', { id: result.source.id }),
        };
      case 'quota':
        return {
          kind: 'refused',
          reason: `this chat has ${result.limit} source(s), as many as this bot allows; /source remove <id> one first`,
          say: (t) => t('admission-quota', { limit: result.limit }),
        };
      case 'followed':
        return {
          kind: 'added',
          source: result.source,
          poll: result.shared ? null : await this.deps.poller.pollSource(result.source, true),
          ...(foundOn ? { foundOn } : {}),
        };
    }
  }

  /** The location as the catalog keeps it (a URL, or an absolute path), or why it is refused. */
  private locate(
    location: string,
    adder: Adder,
  ): { location: string } | { refused: string; problem: SourceProblem } {
    const isFileUrl = /^file:/i.test(location);
    const looksLikePath = !isFileUrl && !/^[a-z][a-z0-9+.-]*:/i.test(location);
    if (isFileUrl || looksLikePath) {
      if (!adder.mayAddLocalFiles) {
        return {
          refused: `local files and folders can only be added at the terminal or in the config file; here, give a full address such as https://example.com/feed.xml`,
          problem: problem('local-files-here', {}),
        };
      }
      let path: string;
      try {
        path = isFileUrl ? fileURLToPath(location) : location;
      } catch {
        return {
          refused: `"${location}" is not a file URL; give a path such as /srv/news or file:///srv/news`,
          problem: problem('not-file-url', { location }),
        };
      }
      // A relative path is taken from the folder Quotewire was started in, as a shell would.
      path = resolve(path);
      if (!existsSync(path))
        return { refused: `no file or folder at ${path}`, problem: problem('no-file', { path }) };
      return { location: path };
    }
    let url: URL;
    try {
      url = new URL(location);
    } catch {
      return {
        refused: `"${location}" is not a URL; give a full address such as https://example.com/feed.xml`,
        problem: problem('not-url', { location }),
      };
    }
    const refused = checkUrl(url, this.deps.policy);
    return refused ? { refused: refused.message, problem: refused.problem } : { location: url.href };
  }
}

/** The feed a web page without an article links to, when that is why it could not be read. */
function linkedFeed(error: unknown): string | null {
  const found = problemOf(error);
  if (found?.code === 'page-links-feed' || found?.code === 'html-feed-link') return found.args.feed;
  return null;
}

/** A location that could not be read, refused with the reader's reason (and its problem, if any). */
function readRefusal(error: unknown): AdmissionResult {
  const found = problemOf(error);
  // The source is not added, so nothing will try it again: the reason must not promise it.
  const reason = asOneOffRead(describeError(error));
  return found ? { kind: 'refused', reason, problem: found } : { kind: 'refused', reason };
}
