/**
 * Quotes filed by speaker spelling and day, in an append-friendly layout:
 * - `speaker-quotes` holds the quotes themselves in parts of at most {@link PART_SIZE}, keyed
 *   `<spelling>|<day>|<part>`; a new quote rewrites only the last part of its day;
 * - `speaker-days` holds, per spelling and month (`<spelling>|<YYYY-MM>`), how many quotes each
 *   day has (which also says how many parts it has), so a page skips whole days and loads only
 *   the parts it shows; the registry keeps the counts per month, so a page loads only the months
 *   it needs. Nothing is ever rewritten whole: at most a day's last part and a month's counts.
 * Each quote keeps what a page shows (text, article title, source, link, date), so showing a page
 * needs no article at all.
 */
import type { Collection, Store, Transaction } from '../store/store.js';

/** One quote, filed under its speaker's spelling. */
export interface QuoteRef {
  articleId: string;
  /** Position of the quote in its article's `quotes`. */
  index: number;
  /** The quoted words (very long quotes are cut, see {@link MAX_STORED_QUOTE_CHARS}). */
  text: string;
  /** The speaker as the article names them. */
  speaker: string;
  verb?: string;
  /** The article's publication time, or when it was first seen if it has none (ISO). */
  at: string;
  /** The day the article was first seen (YYYY-MM-DD), which `/quotes` alone counts by, as the digest does. */
  seen?: string;
  /** {@link quoteFingerprint} of the whole quote, when `text` had to be cut. */
  fingerprint?: string;
  /** True when `at` is when the article was seen, not a publication time. */
  undated?: true;
  title: string;
  source: string;
  url: string;
}

/** A quote as read back, with the spelling it is filed under. */
export interface FiledQuote extends QuoteRef {
  variant: string;
}

/** Quotes per day (YYYY-MM-DD) or month (YYYY-MM), oldest first. */
export type DayCounts = [day: string, count: number][];

/** Quotes newly filed by one batch: per spelling, per day. */
export type FiledCounts = Map<string, Map<string, number>>;

/** A newly filed quote and where it now lies: slot `slot` of its part (parts only grow at the end). */
export interface PlacedQuote extends PartAddress {
  slot: number;
  ref: QuoteRef;
}

/**
 * Quotes per stored part. A batch rewrites the last part of each (spelling, day) it adds to, so a
 * small part keeps ingest cheap (about 25 quotes, 10 KB, per speaker and batch) while a busy day
 * still takes only a few parts to read.
 */
export const PART_SIZE = 50;
/** A quote of 10,000 words is kept in its article; the index keeps its start. */
export const MAX_STORED_QUOTE_CHARS = 1_000;

/** One stored part: the quotes of one spelling on one day. */
export interface PartAddress {
  variant: string;
  day: string;
  part: number;
}

/**
 * A short fingerprint of a quote's words, without case, punctuation or spacing: copies of one
 * quote in two copies of a story compare equal. FNV-1a over the folded words, twice with
 * different seeds, so that two different quotes of one speaker on one day practically never meet.
 */
export function quoteFingerprint(text: string): string {
  // Plain ASCII (most quotes) folds the same without the slower Unicode classes.
  const folded = text
    .toLowerCase()
    .replace(NON_ASCII.test(text) ? /[^\p{L}\p{N}]+/gu : /[^a-z0-9]+/g, ' ')
    .trim();
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ folded.length;
  for (let i = 0; i < folded.length; i++) {
    const code = folded.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x5bd1e995);
  }
  return (a >>> 0).toString(36) + (b >>> 0).toString(36);
}

const NON_ASCII = /[^\u0000-\u007f]/;

/** The fingerprint of a filed quote: of its whole words when they were cut to be stored. */
export function fingerprintOf(ref: QuoteRef): string {
  return ref.fingerprint ?? quoteFingerprint(ref.text);
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function partKey({ variant, day, part }: PartAddress): string {
  return `${variant}|${day}|${part}`;
}

/** One spelling's quotes in one month (YYYY-MM). */
export interface MonthAddress {
  variant: string;
  month: string;
}

function monthKey({ variant, month }: MonthAddress): string {
  return `${variant}|${month}`;
}

/** Quote texts whose fingerprints are remembered between batches (stored quotes are cut at 1,000 characters: 4 MB at most). */
const FINGERPRINTS_KEPT = 4_096;

export class QuoteBuckets {
  private readonly parts: Collection<QuoteRef[]>;
  private readonly days: Collection<DayCounts>;
  /**
   * Fingerprints by quote text: each batch compares its quotes with every quote already in the
   * open part of each speaker's day, the same few hundred texts batch after batch.
   */
  private readonly fingerprints = new Map<string, string>();

  constructor(store: Store) {
    this.parts = store.collection<QuoteRef[]>('speaker-quotes');
    this.days = store.collection<DayCounts>('speaker-days');
  }

  /**
   * Within a transaction: files new quotes and returns how many were new, per spelling and day,
   * and the new quotes themselves, by spelling and with the part and slot each was put in. Each (spelling, day) reads and rewrites only its last part; a
   * quote already in that part (the same article and position, or the same words from another copy
   * of the story) is not filed twice. Every part written is read through the transaction first, even
   * a new one, so two writers filing under the same speaker and day at once never overwrite each
   * other: the second runs again on the first one's result.
   */
  async append(
    tx: Transaction,
    refsByVariant: ReadonlyMap<string, readonly QuoteRef[]>,
  ): Promise<{ counts: FiledCounts; added: Map<string, QuoteRef[]>; placed: PlacedQuote[] }> {
    const plans: { variant: string; day: string; known: number; refs: QuoteRef[] }[] = [];
    const months = new Map<string, MonthAddress>();
    for (const [variant, refs] of refsByVariant) {
      for (const ref of refs) {
        const address = { variant, month: ref.at.slice(0, 7) };
        months.set(monthKey(address), address);
      }
    }
    const monthKeys = [...months.keys()];
    const directories = new Map(
      (await tx.getMany<DayCounts>('speaker-days', monthKeys)).map((counts, i) => [
        monthKeys[i]!,
        new Map(counts ?? []),
      ]),
    );
    for (const [variant, refs] of refsByVariant) {
      const byDay = new Map<string, QuoteRef[]>();
      for (const ref of refs) {
        const day = ref.at.slice(0, 10);
        const list = byDay.get(day);
        if (list) list.push(ref);
        else byDay.set(day, [ref]);
      }
      for (const [day, dayRefs] of byDay) {
        const known = directories.get(monthKey({ variant, month: day.slice(0, 7) }))!.get(day) ?? 0;
        plans.push({ variant, day, known, refs: dayRefs });
      }
    }
    const openParts = plans.map((plan) =>
      partKey({ variant: plan.variant, day: plan.day, part: Math.floor(plan.known / PART_SIZE) }),
    );
    const contents = await tx.getMany<QuoteRef[]>('speaker-quotes', openParts);
    const filed: FiledCounts = new Map();
    const added = new Map<string, QuoteRef[]>();
    const placed: PlacedQuote[] = [];
    plans.forEach((plan, i) => {
      const open = contents[i] ?? [];
      const already = new Set(open.map((ref) => `${ref.articleId}#${ref.index}`));
      // Two copies of one story (a wire story in two feeds) carry the same quote on the same day:
      // it is filed once.
      const texts = new Set(open.map((ref) => this.fingerprintOf(ref)));
      const fresh = plan.refs.filter((ref) => {
        const text = this.fingerprintOf(ref);
        if (already.has(`${ref.articleId}#${ref.index}`) || texts.has(text)) return false;
        texts.add(text);
        return true;
      });
      if (fresh.length === 0) return;
      for (const ref of fresh) push(added, plan.variant, ref);
      let part = Math.floor(plan.known / PART_SIZE);
      let current = open;
      for (const ref of fresh) {
        if (current.length === PART_SIZE) {
          tx.set('speaker-quotes', partKey({ variant: plan.variant, day: plan.day, part }), current);
          part++;
          current = [];
        }
        current.push(ref);
        placed.push({ variant: plan.variant, day: plan.day, part, slot: current.length - 1, ref });
      }
      tx.set('speaker-quotes', partKey({ variant: plan.variant, day: plan.day, part }), current);
      directories
        .get(monthKey({ variant: plan.variant, month: plan.day.slice(0, 7) }))!
        .set(plan.day, plan.known + fresh.length);
      let perDay = filed.get(plan.variant);
      if (!perDay) filed.set(plan.variant, (perDay = new Map()));
      perDay.set(plan.day, fresh.length);
    });
    for (const key of monthKeys) {
      tx.set(
        'speaker-days',
        key,
        [...directories.get(key)!].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)),
      );
    }
    return { counts: filed, added, placed };
  }

  /** {@link fingerprintOf}, remembered for the texts seen lately. */
  private fingerprintOf(ref: QuoteRef): string {
    // The stored fingerprint wins, as in fingerprintOf (of the whole words of a cut quote).
    if (ref.fingerprint !== undefined) return ref.fingerprint;
    let known = this.fingerprints.get(ref.text);
    if (known === undefined) {
      if (this.fingerprints.size >= FINGERPRINTS_KEPT) this.fingerprints.clear();
      this.fingerprints.set(ref.text, (known = quoteFingerprint(ref.text)));
    }
    return known;
  }

  /** Quotes per day of each (spelling, month), in the order asked. */
  async monthDirectories(addresses: readonly MonthAddress[]): Promise<DayCounts[]> {
    return (await this.days.getMany(addresses.map(monthKey))).map((counts) => counts ?? []);
  }

  /** The quotes of the given parts, concatenated in the order asked. */
  async load(addresses: readonly PartAddress[]): Promise<FiledQuote[]> {
    const parts = await this.parts.getMany(addresses.map(partKey));
    const quotes: FiledQuote[] = [];
    parts.forEach((refs, i) => {
      const variant = addresses[i]!.variant;
      for (const ref of (refs ?? []) as FiledQuote[]) {
        ref.variant = variant;
        quotes.push(ref);
      }
    });
    return quotes;
  }
}
