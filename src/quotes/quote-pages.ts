/**
 * One page of a speaker's quotes, newest first, read from the day-filed index: the day counts say
 * which days a page covers, so only those days' parts are loaded. With a word filter the count of
 * matches is not known in advance, so days are read newest first in growing batches until the page
 * and one quote beyond it (to know whether there is more) are found.
 */
import type { DayCounts, FiledQuote, PartAddress, QuoteBuckets } from './quote-buckets.js';
import { PART_SIZE } from './quote-buckets.js';
import type { QuoteFilter } from './quote-filter.js';

export interface PageRequest {
  offset: number;
  limit: number;
  filter?: QuoteFilter;
}

export interface QuotePage {
  refs: FiledQuote[];
  /** Quotes in all pages; null with a word filter when not every day was read. */
  total: number | null;
  hasMore: boolean;
  /**
   * With a word filter, the number of quotes searched when the search stopped at
   * {@link FILTER_SCAN_LIMIT} before reaching the oldest; null when nothing was left unsearched.
   */
  searchedOnly: number | null;
}

interface Day {
  day: string;
  count: number;
  parts: PartAddress[];
}

/** Quotes read at least per batch when filtering, so that a rare word does not mean many small reads. */
const MIN_FILTER_BATCH = 64;
const MAX_FILTER_BATCH = 2_000;
/**
 * Most quotes a filtered page looks through, newest first. A word that none of a prolific
 * speaker's quotes has would otherwise mean reading all of them; past this, the answer says how
 * far it searched, which keeps every answer fast.
 */
export const FILTER_SCAN_LIMIT = 3_000;
/** Quotes checked against the words at a time, at first. */
const MIN_WINDOW = 8;

/** A page of the quotes filed under any of `variants`, newest first. */
export async function readQuotePage(
  buckets: QuoteBuckets,
  variants: readonly string[],
  request: PageRequest,
): Promise<QuotePage> {
  const days = daysNewestFirst(variants, await buckets.directories(variants));
  const total = days.reduce((sum, day) => sum + day.count, 0);
  if (request.filter && request.filter.terms.length > 0)
    return filteredPage(buckets, days, request, request.filter);
  let skipped = 0;
  let first = 0;
  while (first < days.length && skipped + days[first]!.count <= request.offset)
    skipped += days[first++]!.count;
  const chosen: Day[] = [];
  let covered = skipped;
  for (let i = first; i < days.length && covered < request.offset + request.limit; i++) {
    chosen.push(days[i]!);
    covered += days[i]!.count;
  }
  const refs = newestFirst(await buckets.load(chosen.flatMap((day) => day.parts)));
  const start = request.offset - skipped;
  return {
    refs: refs.slice(start, start + request.limit),
    total,
    hasMore: request.offset + request.limit < total,
    searchedOnly: null,
  };
}

async function filteredPage(
  buckets: QuoteBuckets,
  days: readonly Day[],
  request: PageRequest,
  filter: QuoteFilter,
): Promise<QuotePage> {
  const wanted = request.offset + request.limit + 1;
  const matches: FiledQuote[] = [];
  let next = 0;
  let batch = MIN_FILTER_BATCH;
  let windowSize = MIN_WINDOW;
  let scanned = 0;
  while (next < days.length && matches.length < wanted && scanned < FILTER_SCAN_LIMIT) {
    const chosen: Day[] = [];
    let size = 0;
    const room = Math.min(batch, FILTER_SCAN_LIMIT - scanned);
    while (next < days.length && (size < room || chosen.length === 0)) {
      chosen.push(days[next]!);
      size += days[next++]!.count;
    }
    scanned += size;
    const refs = newestFirst(await buckets.load(chosen.flatMap((day) => day.parts)));
    // Check a few more than still needed at a time, so that a page loads few articles; while
    // nothing matches, check twice as many each time, so that a rare word means few reads.
    for (let i = 0; i < refs.length && matches.length < wanted;) {
      const window = refs.slice(i, i + Math.max(windowSize, (wanted - matches.length) * 2));
      const selected = await filter.select(window);
      matches.push(...selected);
      i += window.length;
      windowSize = selected.length ? MIN_WINDOW : Math.min(windowSize * 2, MAX_FILTER_BATCH);
    }
    batch = Math.min(batch * 2, MAX_FILTER_BATCH);
  }
  const complete = next >= days.length && matches.length < wanted;
  return {
    refs: matches.slice(request.offset, request.offset + request.limit),
    total: complete ? matches.length : null,
    hasMore: matches.length > request.offset + request.limit,
    searchedOnly: next < days.length && matches.length < wanted ? scanned : null,
  };
}

/** Every (spelling, day) merged into days, newest first, with the parts each day is stored in. */
function daysNewestFirst(variants: readonly string[], directories: readonly DayCounts[]): Day[] {
  const byDay = new Map<string, Day>();
  directories.forEach((counts, i) => {
    const variant = variants[i]!;
    for (const [day, count] of counts) {
      let entry = byDay.get(day);
      if (!entry) byDay.set(day, (entry = { day, count: 0, parts: [] }));
      entry.count += count;
      for (let part = 0; part * PART_SIZE < count; part++) entry.parts.push({ variant, day, part });
    }
  });
  return [...byDay.values()].sort((a, b) => (a.day < b.day ? 1 : a.day > b.day ? -1 : 0));
}

/** Newest first; the quotes of one article in the order they appear in it. */
function newestFirst(refs: FiledQuote[]): FiledQuote[] {
  return refs.sort(
    (a, b) =>
      (a.at < b.at ? 1 : a.at > b.at ? -1 : 0) ||
      (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : 0) ||
      a.index - b.index,
  );
}
