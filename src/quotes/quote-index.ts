/**
 * Who said what, across the whole store: the speaker registry (people and organisations, however
 * each article wrote their names) and every attributed quote filed by speaker and day, so that
 * `/quotes pompeo` reads one page of quotes instead of scanning articles.
 *
 * Everything lives in store collections, written in one batch per ingested batch of articles:
 * `speakers` (the registry), `speaker-days` and `speaker-quotes` (the quotes, see
 * quote-buckets.ts), `quote-days` (per day, how often each speaker was quoted, for `/quotes` alone)
 * `article-terms` (a word filter per article, for `/quotes <name> <words>`), and the word index
 * (`word-days`, `word-quotes`: see word-index.ts) for searching by words alone. Memory holds only
 * the registry's cache.
 */
import type { ArticleRepository } from '../articles/article-repository.js';
import type { StoredArticle } from '../articles/stored-article.js';
import type { Collection, CounterCollection, Store, Transaction } from '../store/store.js';
import { fingerprintOf, QuoteBuckets, type FiledQuote } from './quote-buckets.js';
import { QuoteFilter } from './quote-filter.js';
import { fileQuotes } from './quote-filing.js';
import { FilteredScan, readQuotePage, type QuotePage, type VariantMonths } from './quote-pages.js';
import { resolveQuery } from './quote-query.js';
import { ScanCache } from './scan-cache.js';
import { filterTerms } from './search-terms.js';
import type { Speaker } from './speaker-index.js';
import { parseSpeakerName } from './speaker-name.js';
import { SpeakerRegistry, type RegistryUpdate, type SpeakerTally } from './speaker-registry.js';
import { WordIndex, type BuiltWordTerms } from './word-index.js';
import { parseWordQuery } from './word-terms.js';

export type { Speaker } from './speaker-index.js';

/** One quote as `/quotes` shows it and `quotewire quotes --json` prints it. */
export interface QuoteHit {
  /** The speaker's name in the registry ("Mike Pompeo"). */
  speaker: string;
  /** The name as the article wrote it ("Pompeo"). */
  spokenAs: string;
  text: string;
  verb: string | null;
  /** The article's publication time, or when it was first seen (ISO). */
  date: string;
  article: { id: string; title: string; source: string; url: string; published: string | null };
}

export type QuoteSearch =
  | {
      kind: 'found';
      /** The name searched for, as typed (with any words that completed it). */
      name: string;
      /** The speakers the name matched, most quoted first. */
      speakers: Speaker[];
      /** The spelling searched for instead of the name typed, when it had typos. */
      corrected: string | null;
      /** The filter words that were applied (after any that completed the name). */
      words: string[];
      hits: QuoteHit[];
      /** Quotes over all pages; null when a word filter makes it unknown. */
      total: number | null;
      hasMore: boolean;
      /** With words: how many of the newest quotes were searched, when not all of them were. */
      searchedOnly: number | null;
    }
  /** Nobody by that name: the closest known speakers, maybe none. */
  | { kind: 'unknown'; suggestions: Speaker[] }
  /** The name has nothing to search for (only punctuation, say). */
  | { kind: 'empty' };

/** Quotes found by words alone, from every speaker. */
export interface WordSearch {
  /** The words looked up (folded), each of which every hit contains. */
  words: string[];
  /** Phrases (folded words) every hit contains as written. */
  phrases: string[][];
  /** Words typed but not searched: too common ("the", "of") or a single letter. */
  ignored: string[];
  hits: QuoteHit[];
  /** Hits over all pages; null when unknown (several words, and not every day was searched). */
  total: number | null;
  hasMore: boolean;
  /** When the search stopped before the oldest quotes: the oldest day searched (YYYY-MM-DD). */
  searchedSince: string | null;
}

/** How often each spelling was quoted on one day, by spelling key. */
type DayTally = Record<string, number>;

export interface MostQuoted {
  /** The day counted (YYYY-MM-DD, UTC): today, else the latest of the last week with quotes. */
  day: string | null;
  speakers: { speaker: Speaker; count: number }[];
  total: number;
}

/** Days `/quotes` alone looks back when nobody was quoted today. */
const MOST_QUOTED_LOOKBACK_DAYS = 7;

/**
 * The quote index behind `/quotes`, `/speakers` and `quotewire quotes`: finds speakers by name
 * (case, accents, typos and name completion handled by the in-memory speaker registry) and reads
 * their quotes a page at a time from the store, newest first, optionally filtered by words.
 * Ingest files each batch's quotes with {@link QuoteIndex.stage} inside the batch's own store
 * transaction; the registry is brought up to date with {@link QuoteIndex.applyCommitted} once it
 * commits, and refreshed from the store every few seconds so that other instances' quotes appear.
 *
 * @example
 * const found = await quotes.search('pompeo', { words: 'huawei', limit: 10 });
 * if (found.kind === 'found') for (const hit of found.hits) console.log(hit.speaker, hit.text);
 */
export class QuoteIndex {
  private readonly registry: SpeakerRegistry;
  private readonly buckets: QuoteBuckets;
  private readonly dayTallies: CounterCollection;
  private readonly termFilters: Collection<string>;
  private readonly words: WordIndex;
  private readonly scans: ScanCache;

  /**
   * @param options.refreshMs How long the speaker registry is trusted before checking the store
   *   for other instances' speakers.
   * @param options.now Monotonic milliseconds (replaceable in tests): how old a kept search is.
   */
  constructor(
    private readonly store: Store,
    private readonly articles: ArticleRepository,
    options: {
      refreshMs?: number;
      /** Most postings a words-only search reads (see WORD_SCAN_LIMIT); smaller in tests. */
      wordScanLimit?: number;
      now?: () => number;
    } = {},
  ) {
    this.registry = new SpeakerRegistry(store, options);
    this.scans = new ScanCache(options.now ?? (() => performance.now()));
    this.buckets = new QuoteBuckets(store);
    this.dayTallies = store.counters('quote-days');
    this.termFilters = store.collection<string>('article-terms');
    this.words = new WordIndex(store, options.wordScanLimit);
  }

  /**
   * Files the attributed quotes of stored articles in a transaction of its own. Ingest files them
   * in the same transaction as the articles instead: see {@link stage}.
   */
  async add(articles: readonly StoredArticle[]): Promise<void> {
    await this.applyCommitted(await this.store.transact((tx) => this.stage(tx, articles)));
  }

  /**
   * Quotes by the speakers matching `name`, newest first, a page at a time; `words` must each
   * appear in the quote, its article's title or its text. Leading words that complete the name
   * ("mike" + "pompeo") count as part of it.
   */
  async search(
    name: string,
    options: { words?: string; offset?: number; limit?: number } = {},
  ): Promise<QuoteSearch> {
    const index = await this.registry.current();
    const query = resolveQuery(index, name, options.words);
    if (!query) return { kind: 'empty' };
    if (query.match.kind === 'unknown') return { kind: 'unknown', suggestions: query.match.suggestions };
    const { speakers, corrected } = query.match;
    const terms = filterTerms(query.words);
    const nameOf = new Map(speakers.flatMap((speaker) => speaker.variants.map((key) => [key, speaker.name])));
    const variants = [...nameOf.keys()].map((key) => ({ key, months: index.record(key)?.months ?? [] }));
    const offset = Math.max(0, options.offset ?? 0);
    const limit = Math.max(1, options.limit ?? 10);
    const page = terms.length
      ? await this.filteredPage(terms, variants, offset, limit)
      : await readQuotePage(this.buckets, variants, { offset, limit });
    return {
      kind: 'found',
      name: query.name,
      speakers,
      corrected,
      words: terms,
      hits: onePerQuote(page.refs).map((ref) => toHit(ref, nameOf)),
      total: page.total,
      hasMore: page.hasMore,
      searchedOnly: page.searchedOnly,
    };
  }

  /**
   * Quotes by anyone that contain every word of `text` (case and accents ignored, whole words,
   * plurals folded), newest first, a page at a time; words in double quotes must stand together as
   * a phrase. Function words ("the", "of") are not searched, as they are not indexed.
   */
  async searchWords(text: string, options: { offset?: number; limit?: number } = {}): Promise<WordSearch> {
    const query = parseWordQuery(text);
    const [index, page] = await Promise.all([
      this.registry.current(),
      this.words.search(query, {
        offset: Math.max(0, options.offset ?? 0),
        limit: Math.max(1, options.limit ?? 10),
      }),
    ]);
    const nameOf = new Map<string, string>();
    for (const ref of page.refs) {
      const speaker = index.speakerOf(ref.variant);
      if (speaker) nameOf.set(ref.variant, speaker.name);
    }
    return {
      words: query.terms,
      phrases: query.phrases,
      ignored: query.ignored,
      hits: onePerQuote(page.refs).map((ref) => toHit(ref, nameOf)),
      total: page.total,
      hasMore: page.hasMore,
      searchedSince: page.searchedSince,
    };
  }

  /**
   * A page of quotes with words: a next page continues the search its previous page made (kept a
   * few minutes), a first page always searches anew.
   */
  private async filteredPage(
    terms: readonly string[],
    variants: readonly VariantMonths[],
    offset: number,
    limit: number,
  ): Promise<QuotePage> {
    const key = ScanCache.keyOf(terms, variants);
    const scan =
      (offset > 0 ? this.scans.find(key) : undefined) ??
      new FilteredScan(this.buckets, variants, new QuoteFilter(terms, this.termFilters, this.articles));
    const page = await scan.page(offset, limit);
    // Only a page with more after it is continued.
    if (page.hasMore) this.scans.keep(key, scan);
    return page;
  }

  /**
   * The registry key of the speaker each name (as an article wrote it) belongs to, for the names
   * the registry knows: "Pompeo" and "Mike Pompeo" give the same key (instant posts for /follow).
   */
  async speakerKeys(names: Iterable<string>): Promise<Map<string, string>> {
    const index = await this.registry.current();
    const keys = new Map<string, string>();
    for (const name of names) {
      const parsed = parseSpeakerName(name);
      const speaker = parsed ? index.speakerOf(parsed.key) : undefined;
      if (speaker) keys.set(name, speaker.key);
    }
    return keys;
  }

  /** Known speakers, most quoted first; with `prefix`, those with a name word starting with it. */
  async speakers(options: { offset?: number; limit?: number; prefix?: string } = {}): Promise<{
    speakers: Speaker[];
    total: number;
  }> {
    const index = await this.registry.current();
    const prefix = options.prefix ? parseSpeakerName(options.prefix)?.tokens[0] : undefined;
    const all = options.prefix ? (prefix ? index.withWordPrefix(prefix) : []) : index.ranking();
    const offset = Math.max(0, options.offset ?? 0);
    return { speakers: all.slice(offset, offset + (options.limit ?? 20)), total: all.length };
  }

  /** The most quoted speakers of `now`'s UTC day, or of the latest day of the past week with quotes. */
  async mostQuoted(now: Date, options: { offset?: number; limit?: number } = {}): Promise<MostQuoted> {
    const days = Array.from({ length: MOST_QUOTED_LOOKBACK_DAYS }, (_, back) =>
      new Date(now.getTime() - back * 86_400_000).toISOString().slice(0, 10),
    );
    const index = await this.registry.current();
    // Today first: a day's tally has a row per spelling quoted (hundreds on a busy day), and the
    // past week is read only when nobody has been quoted yet today.
    const today = await this.dayTallies.get(days[0]!);
    const tallies = hasCounts(today) ? [today] : [today, ...(await this.dayTallies.getMany(days.slice(1)))];
    const found = tallies.findIndex(hasCounts);
    if (found < 0) return { day: null, speakers: [], total: 0 };
    const bySpeaker = new Map<string, { speaker: Speaker; count: number }>();
    for (const [key, count] of Object.entries(tallies[found]!)) {
      const speaker = index.speakerOf(key);
      if (!speaker) continue;
      const entry = bySpeaker.get(speaker.key) ?? { speaker, count: 0 };
      entry.count += count;
      bySpeaker.set(speaker.key, entry);
    }
    const ranked = [...bySpeaker.values()].sort(
      (a, b) => b.count - a.count || a.speaker.name.localeCompare(b.speaker.name),
    );
    const offset = Math.max(0, options.offset ?? 0);
    return {
      day: days[found]!,
      speakers: ranked.slice(offset, offset + (options.limit ?? 10)),
      total: ranked.length,
    };
  }

  /**
   * Within a transaction: files the attributed quotes of newly stored articles (a few reads and
   * writes per collection, whatever the number of articles). `builtFilters` holds word filters
   * already built by ingest's analysis workers, by article id, and `builtTerms` each quote's indexed
   * words, by `<articleId>#<index>`. Returns what {@link applyCommitted} needs once the transaction
   * is committed.
   */
  async stage(
    tx: Transaction,
    articles: readonly StoredArticle[],
    builtFilters?: ReadonlyMap<string, string>,
    builtTerms?: BuiltWordTerms,
  ): Promise<RegistryUpdate | null> {
    const { refsByVariant, names, termFilters } = fileQuotes(articles, builtFilters);
    if (refsByVariant.size === 0) return null;
    // Counts come from what was actually filed, so an article given twice is not counted twice.
    const { counts: filed, added, placed } = await this.buckets.append(tx, refsByVariant);
    this.words.stage(tx, placed, builtTerms);
    for (const { key, value } of termFilters) tx.set('article-terms', key, value);
    const tallies = new Map<string, SpeakerTally>();
    for (const [variant, days] of filed) {
      const months = new Map<string, number>();
      for (const [day, count] of days)
        months.set(day.slice(0, 7), (months.get(day.slice(0, 7)) ?? 0) + count);
      tallies.set(variant, { ...names.get(variant)!, months });
    }
    // `/quotes` alone counts by the day each article was first seen, like the digest.
    const byDay = new Map<string, DayTally>();
    for (const [variant, refs] of added) {
      for (const ref of refs) {
        const day = ref.seen ?? ref.at.slice(0, 10);
        const tally = byDay.get(day) ?? {};
        tally[variant] = (tally[variant] ?? 0) + 1;
        byDay.set(day, tally);
      }
    }
    for (const [day, tally] of byDay) tx.increment('quote-days', day, tally);
    return this.registry.stageTally(tx, tallies);
  }

  /** Brings the in-memory speaker registry up to a committed {@link stage}. */
  applyCommitted(update: RegistryUpdate | null): Promise<void> {
    return this.registry.applyCommitted(update);
  }
}

function hasCounts(tally: DayTally | undefined): tally is DayTally {
  return tally !== undefined && Object.keys(tally).length > 0;
}

/**
 * Each quote once: copies of a story filed on different days, or under two spellings of the
 * speaker ("Pompeo", "Mike Pompeo"), show the newest copy only.
 */
function onePerQuote(refs: readonly FiledQuote[]): FiledQuote[] {
  const seen = new Set<string>();
  return refs.filter((ref) => {
    const key = fingerprintOf(ref);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function toHit(ref: FiledQuote, nameOf: ReadonlyMap<string, string>): QuoteHit {
  return {
    speaker: nameOf.get(ref.variant) ?? ref.speaker,
    spokenAs: ref.speaker,
    text: ref.text,
    verb: ref.verb ?? null,
    date: ref.at,
    article: {
      id: ref.articleId,
      title: ref.title,
      source: ref.source,
      url: ref.url,
      published: ref.undated ? null : ref.at,
    },
  };
}
