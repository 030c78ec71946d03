/**
 * Importing an OPML file: each feed goes through the same checks as `/source add` (the address
 * policy, a fetch to see that it is a feed, the chat's quota), one at a time so one file cannot fetch
 * a thousand addresses at once; the report says what was added, skipped (already read) or refused
 * and why. Exporting lists sources as OPML 2.0.
 */
import { heading, list, paragraph, reply, type Reply, type Span } from '../chat/reply.js';
import { MAX_OPML_FEEDS, parseOpml, writeOpml, OpmlError } from './opml.js';
import type { AdmissionResult } from './source-admission.js';
import type { SourceRecord } from './source-catalog.js';
import type { SourceStatusStore } from './source-status.js';

/** What an import did, feed by feed. */
export interface ImportReport {
  title: string | null;
  added: { id: string; url: string }[];
  skipped: { url: string; reason: string }[];
  refused: { url: string; reason: string }[];
  /** The file held more than MAX_OPML_FEEDS feeds; the rest were not read. */
  truncated: boolean;
}

/**
 * Imports the feeds of an OPML text with `add` (a chat's or the global admission).
 * @throws OpmlError when the text is not OPML.
 */
export async function importOpml(
  text: string,
  add: (url: string) => Promise<AdmissionResult>,
): Promise<ImportReport> {
  const document = parseOpml(text);
  const report: ImportReport = {
    title: document.title,
    added: [],
    skipped: [],
    refused: [],
    truncated: document.feeds.length >= MAX_OPML_FEEDS,
  };
  const seen = new Set<string>();
  for (const feed of document.feeds) {
    if (seen.has(feed.xmlUrl)) {
      report.skipped.push({ url: feed.xmlUrl, reason: 'listed twice in the file' });
      continue;
    }
    seen.add(feed.xmlUrl);
    const result = await add(feed.xmlUrl);
    if (result.kind !== 'refused') report.added.push({ id: result.source.id, url: result.source.url });
    else if (result.known) report.skipped.push({ url: feed.xmlUrl, reason: result.reason });
    else report.refused.push({ url: feed.xmlUrl, reason: result.reason });
  }
  return report;
}

/** The report as a chat reply: counts first, then each feed with its reason. */
export function importReply(report: ImportReport): Reply {
  const total = report.added.length + report.skipped.length + report.refused.length;
  const blocks = [
    paragraph(
      `Imported ${report.title ? `"${report.title}": ` : ''}${report.added.length} added, ${report.skipped.length} skipped, ${report.refused.length} refused, of ${total} feed(s).` +
        (report.truncated ? ` Only the first ${MAX_OPML_FEEDS} feeds of the file were read.` : ''),
    ),
  ];
  const item = (url: string, rest: string): Span[] => [{ text: url, code: true }, { text: rest }];
  if (report.added.length) {
    blocks.push(heading('Added'), list(report.added.map(({ id, url }) => item(url, ` as ${id}`))));
  }
  if (report.skipped.length) {
    blocks.push(heading('Skipped'), list(report.skipped.map(({ url, reason }) => item(url, `: ${reason}`))));
  }
  if (report.refused.length) {
    blocks.push(heading('Refused'), list(report.refused.map(({ url, reason }) => item(url, `: ${reason}`))));
  }
  return reply.of(...blocks);
}

/** The reply to a file that is not OPML, or that cannot be read. */
export function notOpmlReply(error: unknown): Reply {
  return reply.text(
    error instanceof OpmlError
      ? `Nothing imported: ${error.message}.`
      : 'Nothing imported: the file could not be read.',
  );
}

/** Sources as an OPML 2.0 document; local files and folders are left out (no reader could use them). */
export async function exportOpml(
  title: string,
  sources: readonly SourceRecord[],
  statuses: SourceStatusStore,
  now: Date,
): Promise<string> {
  const feeds = [];
  for (const source of sources) {
    if (!/^https?:/i.test(source.url)) continue;
    const status = await statuses.get(source.id);
    feeds.push({ xmlUrl: source.url, title: status.title ?? source.id, htmlUrl: null });
  }
  return writeOpml(title, feeds, now);
}
