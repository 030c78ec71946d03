/**
 * Quotes filed by speaker spelling and day, in an append-friendly layout:
 * - `speaker-quotes` holds the quotes themselves in parts of at most {@link PART_SIZE}, keyed
 *   `<spelling>|<day>|<part>`; a new quote rewrites only the last part of its day;
 * - `speaker-days` holds, per spelling, how many quotes each day has (which also says how many
 *   parts there are), so a page can skip whole days and load only the parts it shows.
 * Each quote keeps what a page shows (text, article title, source, link, date), so showing a page
 * needs no article at all.
 */
import type { Collection, Store } from '../store/store.js';
import { getManyInChunks } from './get-many.js';

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

/** Quotes per day on which a spelling was quoted, oldest day first. */
export type DayCounts = [day: string, count: number][];

/** Quotes per stored part: a part is rewritten when a quote is added to it, so it stays small. */
export const PART_SIZE = 200;
/** A quote of 10,000 words is kept in its article; the index keeps its start. */
export const MAX_STORED_QUOTE_CHARS = 1_000;

/** One stored part: the quotes of one spelling on one day. */
export interface PartAddress {
  variant: string;
  day: string;
  part: number;
}

export function partKey({ variant, day, part }: PartAddress): string {
  return `${variant}|${day}|${part}`;
}

export class QuoteBuckets {
  private readonly parts: Collection<QuoteRef[]>;
  private readonly days: Collection<DayCounts>;

  constructor(store: Store) {
    this.parts = store.collection<QuoteRef[]>('speaker-quotes');
    this.days = store.collection<DayCounts>('speaker-days');
  }

  /**
   * Files new quotes. Each (spelling, day) reads and rewrites only its last part; a quote already
   * in that part (the same article and position) is not filed twice.
   */
  async append(refsByVariant: ReadonlyMap<string, readonly QuoteRef[]>): Promise<void> {
    const variants = [...refsByVariant.keys()];
    const directories = await getManyInChunks(this.days, variants);
    const plans: { variant: string; day: string; known: number; refs: QuoteRef[] }[] = [];
    variants.forEach((variant, i) => {
      const counts = new Map(directories[i] ?? []);
      const byDay = new Map<string, QuoteRef[]>();
      for (const ref of refsByVariant.get(variant)!) {
        const day = ref.at.slice(0, 10);
        const list = byDay.get(day);
        if (list) list.push(ref);
        else byDay.set(day, [ref]);
      }
      for (const [day, refs] of byDay) plans.push({ variant, day, known: counts.get(day) ?? 0, refs });
    });
    const openParts = plans.map((plan) =>
      plan.known % PART_SIZE === 0
        ? null
        : partKey({ variant: plan.variant, day: plan.day, part: Math.floor(plan.known / PART_SIZE) }),
    );
    const readKeys = openParts.filter((key): key is string => key !== null);
    const read = new Map(readKeys.map((key, i) => [key, i]));
    const contents = await getManyInChunks(this.parts, readKeys);
    const partWrites: { key: string; value: QuoteRef[] }[] = [];
    const added = new Map<string, Map<string, number>>();
    plans.forEach((plan, i) => {
      const openKey = openParts[i] ?? null;
      const open = openKey === null ? [] : (contents[read.get(openKey)!] ?? []);
      const filed = new Set(open.map((ref) => `${ref.articleId}#${ref.index}`));
      const fresh = plan.refs.filter((ref) => !filed.has(`${ref.articleId}#${ref.index}`));
      if (fresh.length === 0) return;
      let part = Math.floor(plan.known / PART_SIZE);
      let current = open;
      for (const ref of fresh) {
        if (current.length === PART_SIZE) {
          partWrites.push({
            key: partKey({ variant: plan.variant, day: plan.day, part }),
            value: current,
          });
          part++;
          current = [];
        }
        current.push(ref);
      }
      partWrites.push({
        key: partKey({ variant: plan.variant, day: plan.day, part }),
        value: current,
      });
      let perDay = added.get(plan.variant);
      if (!perDay) added.set(plan.variant, (perDay = new Map()));
      perDay.set(plan.day, plan.known + fresh.length);
    });
    // Parts first: a crash before the day counts are written leaves parts no count points at,
    // which the next batch overwrites, never a count that points at missing quotes.
    await this.parts.setMany(partWrites);
    const dayWrites: { key: string; value: DayCounts }[] = [];
    variants.forEach((variant, i) => {
      const changed = added.get(variant);
      if (!changed) return;
      const counts = new Map(directories[i] ?? []);
      for (const [day, count] of changed) counts.set(day, count);
      const sorted = [...counts].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      dayWrites.push({ key: variant, value: sorted });
    });
    await this.days.setMany(dayWrites);
  }

  /** Day counts of each spelling, in the order asked. */
  async directories(variants: readonly string[]): Promise<DayCounts[]> {
    return (await getManyInChunks(this.days, variants)).map((counts) => counts ?? []);
  }

  /** The quotes of the given parts, concatenated in the order asked. */
  async load(addresses: readonly PartAddress[]): Promise<FiledQuote[]> {
    const parts = await getManyInChunks(this.parts, addresses.map(partKey));
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
