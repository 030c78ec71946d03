/**
 * The word-filtered searches of the last few `/quotes <name> <words>` pages, kept so that the next
 * page (`/more`, or its button) continues the search where the previous page stopped rather than
 * searching every earlier page's quotes again. A search is found again only by the same words over
 * the same spellings with the same quotes per month, so quotes filed since start a new search.
 */
import type { FilteredScan, VariantMonths } from './quote-pages.js';

/** Searches kept: a few chats paging at once. */
const MAX_SCANS = 8;
/** A search older than this starts again: someone paging reads a page in seconds, not minutes. */
const SCAN_TTL_MS = 10 * 60_000;

export class ScanCache {
  private readonly scans = new Map<string, { scan: FilteredScan; at: number }>();

  /** @param now Monotonic milliseconds. */
  constructor(private readonly now: () => number) {}

  /** The identity of a search: its words, and every spelling searched with its counts per month. */
  static keyOf(terms: readonly string[], variants: readonly VariantMonths[]): string {
    const spellings = variants.map(
      ({ key, months }) => `${key}:${months.map(([m, n]) => `${m}=${n}`).join(',')}`,
    );
    return `${terms.join(' ')}\n${spellings.join('\n')}`;
  }

  /** The search kept under `key`, if still fresh. */
  find(key: string): FilteredScan | undefined {
    const kept = this.scans.get(key);
    if (!kept) return undefined;
    if (this.now() - kept.at > SCAN_TTL_MS) {
      this.scans.delete(key);
      return undefined;
    }
    return kept.scan;
  }

  /** Keeps a search as the most recent, forgetting the oldest beyond {@link MAX_SCANS}. */
  keep(key: string, scan: FilteredScan): void {
    this.scans.delete(key);
    this.scans.set(key, { scan, at: this.now() });
    for (const oldest of this.scans.keys()) {
      if (this.scans.size <= MAX_SCANS) break;
      this.scans.delete(oldest);
    }
  }
}
