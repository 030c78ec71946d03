import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Clock } from '../kernel/clock.js';
import { describeError } from '../kernel/describe-error.js';
import { checkUrl, type AddressPolicy } from './address-policy.js';
import type { Poller, PollOutcome } from './poller.js';
import type { SourceCatalog, SourceRecord } from './source-catalog.js';
import type { SourceReader } from './source-reader.js';

export type AdmissionResult =
  | { kind: 'added'; source: SourceRecord; poll: PollOutcome }
  /** The location is a config source an operator had removed: it is back. */
  | { kind: 'restored'; source: SourceRecord; poll: PollOutcome }
  | { kind: 'refused'; reason: string };

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
      reader: SourceReader;
      poller: Poller;
      policy: AddressPolicy;
      clock: Clock;
    },
  ) {}

  async add(location: string, adder: Adder): Promise<AdmissionResult> {
    if (location.length > MAX_LOCATION_CHARS) {
      return {
        kind: 'refused',
        reason: `that address is ${location.length.toLocaleString('en')} characters long; a source's address may have at most ${MAX_LOCATION_CHARS.toLocaleString('en')}`,
      };
    }
    const target = this.locate(location.trim(), adder);
    if ('refused' in target) return { kind: 'refused', reason: target.refused };
    const hidden = (await this.deps.catalog.hidden()).find((source) => source.url === target.location);
    if (hidden) {
      const source = await this.deps.catalog.restore(hidden.id);
      if (source) return { kind: 'restored', source, poll: await this.deps.poller.pollSource(source, true) };
    }
    const existing = (await this.deps.catalog.list()).find((source) => source.url === target.location);
    if (existing) return { kind: 'refused', reason: `already a source, as ${existing.id}` };
    try {
      await this.deps.reader.read(target.location);
    } catch (error) {
      return { kind: 'refused', reason: describeError(error) };
    }
    const source = await this.deps.catalog.add(target.location, adder.id, this.deps.clock());
    const poll = await this.deps.poller.pollSource(source, true);
    return { kind: 'added', source, poll };
  }

  /** The location as the catalog keeps it (a URL, or an absolute path), or why it is refused. */
  private locate(location: string, adder: Adder): { location: string } | { refused: string } {
    const isFileUrl = /^file:/i.test(location);
    const looksLikePath = !isFileUrl && !/^[a-z][a-z0-9+.-]*:/i.test(location);
    if (isFileUrl || looksLikePath) {
      if (!adder.mayAddLocalFiles) {
        return {
          refused: `local files and folders can only be added at the terminal or in the config file; here, give a full address such as https://example.com/feed.xml`,
        };
      }
      let path: string;
      try {
        path = isFileUrl ? fileURLToPath(location) : location;
      } catch {
        return {
          refused: `"${location}" is not a file URL; give a path such as /srv/news or file:///srv/news`,
        };
      }
      // A relative path is taken from the folder Quotewire was started in, as a shell would.
      path = resolve(path);
      if (!existsSync(path)) return { refused: `no file or folder at ${path}` };
      return { location: path };
    }
    let url: URL;
    try {
      url = new URL(location);
    } catch {
      return {
        refused: `"${location}" is not a URL; give a full address such as https://example.com/feed.xml`,
      };
    }
    const problem = checkUrl(url, this.deps.policy);
    return problem ? { refused: problem.message } : { location: url.href };
  }
}
