import type { Clock } from '../kernel/clock.js';
import { checkUrl, type AddressPolicy } from './address-policy.js';
import { describeError } from '../kernel/describe-error.js';
import type { Poller, PollOutcome } from './poller.js';
import type { SourceCatalog, SourceRecord } from './source-catalog.js';
import type { SourceReader } from './source-reader.js';

export type AdmissionResult =
  { kind: 'added'; source: SourceRecord; poll: PollOutcome } | { kind: 'refused'; reason: string };

/**
 * Adding a source at run time: the URL must be http(s), must not point at this machine, a private
 * network or a metadata service (unless the config allows it), and must actually serve a feed or an
 * article. Host names are checked again on every connection by the fetcher, so a DNS answer that
 * changes after this check cannot get through either.
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

  async add(location: string, addedBy: string): Promise<AdmissionResult> {
    let url: URL;
    try {
      url = new URL(location);
    } catch {
      return {
        kind: 'refused',
        reason: `"${location}" is not a URL; give a full address such as https://example.com/feed.xml`,
      };
    }
    const problem = checkUrl(url, this.deps.policy);
    if (problem) return { kind: 'refused', reason: problem.message };
    const existing = (await this.deps.catalog.list()).find((source) => source.url === url.href);
    if (existing) return { kind: 'refused', reason: `already a source, as ${existing.id}` };
    try {
      await this.deps.reader.read(url.href);
    } catch (error) {
      return { kind: 'refused', reason: describeError(error) };
    }
    const source = await this.deps.catalog.add(url.href, addedBy, this.deps.clock());
    const poll = await this.deps.poller.pollSource(source, true);
    return { kind: 'added', source, poll };
  }
}
