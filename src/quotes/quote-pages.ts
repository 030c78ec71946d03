/**
 * One page of a speaker's quotes, newest first, read from the day-filed index. The registry's
 * counts per month say which months a page covers; those months' day counts say which days; only
 * those days' parts are loaded. With a word filter the number of matches is not known in advance,
 * so days are read newest first in growing batches until the page and one quote beyond it (to
 * know whether there is more) are found, or {@link FILTER_SCAN_LIMIT} quotes were searched.
 */
import type { FiledQuote, PartAddress, QuoteBuckets } from './quote-buckets.js';
import { PART_SIZE } from './quote-buckets.js';
import type { QuoteFilter } from './quote-filter.js';

/** One spelling to read, with its quotes per month (from the registry), oldest month first. */
export interface VariantMonths {
  key: string;
  months: readonly (readonly [month: string, count: number])[];
}

export interface PageRequest {
  offset: number;
  limit: number;
  filter?: QuoteFilter;
}

export interface QuotePage {
  refs: FiledQuote[];
  /** Quotes in all pages; null with a word filter when not every quote was searched. */
  total: number | null;
  hasMore: boolean;
  /**
   * With a word filter, the number of quotes searched when the search stopped at
   * {@link FILTER_SCAN_LIMIT} before reaching the oldest; null when nothing was left unsearched.
   */
  searchedOnly: number | null;
}

/** Quotes of one period (a month or a day) over all the spellings read. */
interface Period {
  key: string;
  count: number;
  variants: { variant: string; count: number }[];
}

/**
 * Most quotes a filtered page looks through, newest first. A word that none of a prolific
 * speaker's quotes has would otherwise mean reading all of them; past this, the answer says how
 * far it searched, which keeps every answer fast.
 */
export const FILTER_SCAN_LIMIT = 3_000;
/** Quotes read at least per batch when filtering, so that a rare word does not mean many small reads. */
const MIN_FILTER_BATCH = 64;
const MAX_FILTER_BATCH = 1_000;
/** Quotes checked against the words at a time, at first. */
const MIN_WINDOW = 8;

/** A page of the quotes filed under any of `variants`, newest first. */
export async function readQuotePage(
  buckets: QuoteBuckets,
  variants: readonly VariantMonths[],
  request: PageRequest,
): Promise<QuotePage> {
  if (request.filter && request.filter.terms.length > 0) {
    return new FilteredScan(buckets, variants, request.filter).page(request.offset, request.limit);
  }
  const { months, total } = monthsOf(variants);
  const days = new DayReader(buckets, months);
  // Whole months, then whole days, before the page are counted, not read.
  const skippedMonths = days.skipMonths(request.offset);
  const { refs, skipped } = await days.read(
    request.offset - skippedMonths + request.limit,
    request.offset - skippedMonths,
  );
  const start = request.offset - skippedMonths - skipped;
  return {
    refs: sortQuotes(refs).slice(start, start + request.limit),
    total,
    hasMore: request.offset + request.limit < total,
    searchedOnly: null,
  };
}

function monthsOf(variants: readonly VariantMonths[]): { months: Period[]; total: number } {
  const months = newestFirst(
    variants.flatMap(({ key, months: counts }) =>
      counts.map(([month, count]) => ({ variant: key, key: month, count })),
    ),
  );
  return { months, total: months.reduce((sum, month) => sum + month.count, 0) };
}

/**
 * A word-filtered search through the quotes of `variants`, newest first, that can be continued:
 * the next page (`/more`) picks up where the previous one stopped instead of searching the first
 * pages' quotes again. Its answers are those of a new search, because the quotes are read and
 * checked in the same order and batches whatever page is asked: the matches found so far are
 * always the first matches of the whole sequence. Pages are answered one at a time.
 */
export class FilteredScan {
  private readonly days: DayReader;
  private readonly matches: FiledQuote[] = [];
  /** The quotes read by the last batch, sorted; those from `pendingAt` on are not checked yet. */
  private pending: FiledQuote[] = [];
  private pendingAt = 0;
  private batch = MIN_FILTER_BATCH;
  private windowSize = MIN_WINDOW;
  private scanned = 0;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    buckets: QuoteBuckets,
    variants: readonly VariantMonths[],
    private readonly filter: QuoteFilter,
  ) {
    this.days = new DayReader(buckets, monthsOf(variants).months);
  }

  /** The quotes `offset` to `offset + limit - 1` that pass the filter. */
  page(offset: number, limit: number): Promise<QuotePage> {
    const answer = this.queue.then(() => this.answer(offset, limit));
    this.queue = answer.catch(() => undefined);
    return answer;
  }

  private async answer(offset: number, limit: number): Promise<QuotePage> {
    const wanted = offset + limit + 1;
    const { days, matches } = this;
    while (matches.length < wanted) {
      if (this.pendingAt >= this.pending.length) {
        if (days.done || this.scanned >= FILTER_SCAN_LIMIT) break;
        this.pending = sortQuotes(
          (await days.read(Math.min(this.batch, FILTER_SCAN_LIMIT - this.scanned))).refs,
        );
        this.pendingAt = 0;
        this.scanned += this.pending.length;
        this.batch = Math.min(this.batch * 2, MAX_FILTER_BATCH);
        continue;
      }
      // Check a few more than still needed at a time, so that a page loads few articles; while
      // nothing matches, check twice as many each time, so that a rare word means few reads.
      const window = this.pending.slice(
        this.pendingAt,
        this.pendingAt + Math.max(this.windowSize, (wanted - matches.length) * 2),
      );
      const selected = await this.filter.select(window);
      for (const ref of selected) matches.push(ref);
      this.pendingAt += window.length;
      this.windowSize = selected.length ? MIN_WINDOW : Math.min(this.windowSize * 2, MAX_FILTER_BATCH);
    }
    const searchedAll = days.done && matches.length < wanted;
    return {
      refs: matches.slice(offset, offset + limit),
      total: searchedAll ? matches.length : null,
      hasMore: matches.length > offset + limit,
      searchedOnly: !days.done && matches.length < wanted ? this.scanned : null,
    };
  }
}

/**
 * Reads whole days, newest first, loading each month's day counts only when reading reaches it.
 */
class DayReader {
  private monthIndex = 0;
  private days: Period[] = [];
  private dayIndex = 0;

  constructor(
    private readonly buckets: QuoteBuckets,
    private readonly months: readonly Period[],
  ) {}

  get done(): boolean {
    return this.dayIndex >= this.days.length && this.monthIndex >= this.months.length;
  }

  /** Passes over the newest whole months holding at most `count` quotes; returns how many they hold. */
  skipMonths(count: number): number {
    let skipped = 0;
    while (this.monthIndex < this.months.length && skipped + this.months[this.monthIndex]!.count <= count) {
      skipped += this.months[this.monthIndex++]!.count;
    }
    return skipped;
  }

  /**
   * The quotes of the next whole days, at least `count` of them (fewer at the end), after passing
   * over whole days that hold at most `skip` quotes (returned as `skipped`, their quotes unread).
   */
  async read(count: number, skip = 0): Promise<{ refs: FiledQuote[]; skipped: number }> {
    const chosen: Period[] = [];
    let size = 0;
    let skipped = 0;
    while (size < count - skipped && !this.done) {
      if (this.dayIndex >= this.days.length) await this.loadMonths(count - skipped - size);
      while (this.dayIndex < this.days.length && size < count - skipped) {
        const day = this.days[this.dayIndex++]!;
        if (chosen.length === 0 && skipped + day.count <= skip) skipped += day.count;
        else {
          chosen.push(day);
          size += day.count;
        }
      }
    }
    const parts: PartAddress[] = chosen.flatMap((day) =>
      day.variants.flatMap(({ variant, count: dayCount }) =>
        Array.from({ length: Math.ceil(dayCount / PART_SIZE) }, (_, part) => ({
          variant,
          day: day.key,
          part,
        })),
      ),
    );
    return { refs: await this.buckets.load(parts), skipped };
  }

  /** Loads the day counts of the next months holding at least `count` quotes. */
  private async loadMonths(count: number): Promise<void> {
    const chosen: Period[] = [];
    let size = 0;
    while (this.monthIndex < this.months.length && (size < count || chosen.length === 0)) {
      const month = this.months[this.monthIndex++]!;
      chosen.push(month);
      size += month.count;
    }
    const addresses = chosen.flatMap((month) =>
      month.variants.map(({ variant }) => ({ variant, month: month.key })),
    );
    const directories = await this.buckets.monthDirectories(addresses);
    this.days = newestFirst(
      directories.flatMap((counts, i) =>
        counts.map(([day, dayCount]) => ({ variant: addresses[i]!.variant, key: day, count: dayCount })),
      ),
    );
    this.dayIndex = 0;
  }
}

/** Counts per (spelling, period) merged into periods, newest first. */
function newestFirst(entries: readonly { variant: string; key: string; count: number }[]): Period[] {
  const byKey = new Map<string, Period>();
  for (const { variant, key, count } of entries) {
    if (count <= 0) continue;
    let period = byKey.get(key);
    if (!period) byKey.set(key, (period = { key, count: 0, variants: [] }));
    period.count += count;
    period.variants.push({ variant, count });
  }
  return [...byKey.values()].sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : 0));
}

/** Newest first; the quotes of one article in the order they appear in it. */
function sortQuotes(refs: FiledQuote[]): FiledQuote[] {
  return refs.sort(
    (a, b) =>
      (a.at < b.at ? 1 : a.at > b.at ? -1 : 0) ||
      (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : 0) ||
      a.index - b.index,
  );
}
