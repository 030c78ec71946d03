/**
 * Importing an OPML file: each feed goes through the same checks as `/source add` (the address
 * policy, a fetch to see that it is a feed, the chat's quota), a few at a time: a file of hundreds of
 * feeds (a reader's whole export, with its slow and dead ones) does not wait on each in turn, and
 * still cannot fetch a thousand addresses at once. The report says what was added, skipped
 * (already read) or refused and why, in the file's order. Exporting lists sources as OPML 2.0.
 */
import { heading, list, paragraph, reply, type Reply, type Span } from '../chat/reply.js';
import { mapConcurrently } from '../kernel/map-concurrently.js';
import { MAX_OPML_FEEDS, parseOpml, writeOpml, OpmlError } from './opml.js';
import type { AdmissionResult } from './source-admission.js';
import { problemText, refusalReason } from '../i18n/problem-text.js';
import type { Translate } from '../i18n/translations.js';
import type { SourceRecord } from './source-catalog.js';
import type { SourceStatusStore } from './source-status.js';

/** What an import did, feed by feed. */
export interface ImportReport {
  title: string | null;
  added: { id: string; url: string }[];
  skipped: ImportProblem[];
  refused: ImportProblem[];
  /** The file held more than MAX_OPML_FEEDS feeds; the rest were not read. */
  truncated: boolean;
}

/** A feed not added, and why (`say`: the reason in a chat's language, where Quotewire has it). */
export interface ImportProblem {
  url: string;
  reason: string;
  say?: (t: Translate) => string;
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
  // The same address written twice (or two ways, "HTTP://Example.com/feed" and
  // "http://example.com/feed") is added once: added at once, both would pass the check for it.
  const seen = new Set<string>();
  const results = await mapConcurrently(document.feeds, IMPORT_CONCURRENCY, async (feed) => {
    const address = sameAddress(feed.xmlUrl);
    if (seen.has(address)) return 'twice' as const;
    seen.add(address);
    return add(feed.xmlUrl);
  });
  document.feeds.forEach((feed, index) => {
    const result = results[index]!;
    if (result === 'twice') {
      report.skipped.push({
        url: feed.xmlUrl,
        reason: 'listed twice in the file',
        say: (t) => t('import-listed-twice'),
      });
    } else if (result.kind !== 'refused') report.added.push({ id: result.source.id, url: result.source.url });
    else (result.known ? report.skipped : report.refused).push({ url: feed.xmlUrl, ...reasonOf(result) });
  });
  return report;
}

/** Feeds of one file checked and added at once (each is fetched, and an added one polled). */
const IMPORT_CONCURRENCY = 4;

/** An address as the admission compares it: parsed and written back, when it parses. */
function sameAddress(address: string): string {
  try {
    return new URL(address.trim()).href;
  } catch {
    return address;
  }
}

/**
 * A refusal's reason, without `say` when it has none. The report is also printed as JSON by the CLI,
 * which shows the English `reason`: a function stays out of it, where a problem's data would not.
 */
function reasonOf(result: Extract<AdmissionResult, { kind: 'refused' }>): Omit<ImportProblem, 'url'> {
  const { problem } = result;
  // A refused feed is not added: nothing will read it again.
  const say = result.say ?? (problem ? (t: Translate) => problemText(problem, t, 'one-off') : undefined);
  return say ? { reason: result.reason, say } : { reason: result.reason };
}

/** The report as a chat reply, in the chat's language: counts first, then each feed with its reason. */
export function importReply(report: ImportReport, t: Translate): Reply {
  const counts = {
    added: report.added.length,
    skipped: report.skipped.length,
    refused: report.refused.length,
    total: report.added.length + report.skipped.length + report.refused.length,
  };
  const summary = report.title
    ? t('import-summary-titled', { ...counts, title: report.title })
    : t('import-summary', counts);
  const blocks = [
    paragraph(report.truncated ? `${summary} ${t('import-truncated', { max: MAX_OPML_FEEDS })}` : summary),
  ];
  const item = (url: string, rest: string): Span[] => [{ text: url, code: true }, { text: rest }];
  const why = (problem: ImportProblem) => item(problem.url, `: ${refusalReason(problem, t)}`);
  if (report.added.length) {
    blocks.push(
      heading(t('import-added')),
      list(
        report.added.map(({ id, url }) => item(url, ` ${t('import-added-as', { id })}`)),
        t,
      ),
    );
  }
  if (report.skipped.length) blocks.push(heading(t('import-skipped')), list(report.skipped.map(why), t));
  if (report.refused.length) blocks.push(heading(t('import-refused')), list(report.refused.map(why), t));
  return reply.of(...blocks);
}

/** The reply to a file that is not OPML, or that cannot be read. */
export function notOpmlReply(error: unknown, t: Translate): Reply {
  return reply.text(
    t('import-nothing', {
      reason: error instanceof OpmlError ? error.describe(t) : t('import-unreadable'),
    }),
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
