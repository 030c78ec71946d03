/**
 * The word index over quote texts, for searching by words alone (no speaker): which quotes contain
 * a word, by day, across every speaker. Two collections, both written only with atomic operations
 * (set members added, counts incremented), so instances filing quotes at once never conflict over
 * the index, and a batch's postings commit in the batch's own transaction or not at all:
 * - `word-quotes`: per word and day (`<word>|<YYYY-MM-DD>`), a set of postings, one per quote that
 *   contains the word; a posting is the quote's time of day and where it is filed
 *   (`HHMMSS<spelling>|<part>|<slot>` of `speaker-quotes`), so showing a hit reads its part only;
 * - `word-days`: per word, how many quotes of each day contain it, so that a search reads only the
 *   days where every word occurs, newest first, and knows the number of hits of a single word.
 * Size is bounded: function words are not indexed, nor words past the 100th distinct one of a quote
 * (see word-terms.ts), and a posting is about 25 bytes.
 */
import type { CounterCollection, Collection, SetCollection, Store, Transaction } from '../store/store.js';
import {
  partKey,
  type FiledQuote,
  type PartAddress,
  type PlacedQuote,
  type QuoteRef,
} from './quote-buckets.js';
import { searchTerms } from './search-terms.js';
import { containsPhrase, quoteWordTerms, type WordQuery } from './word-terms.js';

/** Indexed words of a quote already computed (by the analysis worker), by `<articleId>#<index>`. */
export type BuiltWordTerms = ReadonlyMap<string, readonly string[]>;

/** One page of a words-only search. */
export interface WordPage {
  refs: FiledQuote[];
  /** Hits over all pages; null when not every day was searched or phrases make it unknown up front. */
  total: number | null;
  hasMore: boolean;
  /**
   * When the search stopped at its scan limit ({@link WORD_SCAN_LIMIT} postings) before the oldest day: the oldest
   * day searched (YYYY-MM-DD). Null when nothing was left unsearched.
   */
  searchedSince: string | null;
}

/**
 * Most postings a search with several words (or a phrase) reads. Two common words that are rarely
 * in one quote would otherwise mean reading both words' whole history; past this, the answer says
 * how far back it searched, which keeps every answer fast.
 */
export const WORD_SCAN_LIMIT = 20_000;
/** Postings of the rarest word read at least per round of days. */
const MIN_ROUND = 200;
/** Days read at most per round. */
const MAX_ROUND_DAYS = 31;
/** Candidates loaded at a time to check a phrase. */
const PHRASE_WINDOW = 40;

interface Posting {
  /** The posting as stored: sorts by time of day. */
  member: string;
  day: string;
  address: PartAddress;
  slot: number;
}

export class WordIndex {
  private readonly days: CounterCollection;
  private readonly postings: SetCollection;
  private readonly parts: Collection<QuoteRef[]>;

  constructor(
    store: Store,
    private readonly scanLimit = WORD_SCAN_LIMIT,
  ) {
    this.days = store.counters('word-days');
    this.postings = store.sets('word-quotes');
    this.parts = store.collection<QuoteRef[]>('speaker-quotes');
  }

  /**
   * Within a transaction: files newly placed quotes under their words. Writes only set additions
   * and increments (no reads), so it adds nothing another writer can conflict with; the quotes'
   * places come from the transaction's own reads of their parts, so they are the committed ones.
   */
  stage(tx: Transaction, placed: readonly PlacedQuote[], built?: BuiltWordTerms): void {
    const members = new Map<string, string[]>();
    const counts = new Map<string, Record<string, number>>();
    for (const quote of placed) {
      const { ref, day } = quote;
      const terms = built?.get(`${ref.articleId}#${ref.index}`) ?? quoteWordTerms(ref.text);
      const member = postingOf(quote);
      for (const term of terms) {
        const key = `${term}|${day}`;
        const list = members.get(key);
        if (list) list.push(member);
        else members.set(key, [member]);
        let byDay = counts.get(term);
        if (!byDay) counts.set(term, (byDay = {}));
        byDay[day] = (byDay[day] ?? 0) + 1;
      }
    }
    for (const [key, list] of members) tx.addMembers('word-quotes', key, list);
    for (const [term, byDay] of counts) tx.increment('word-days', term, byDay);
  }

  /**
   * The quotes holding every word of `query` (and each of its phrases), newest first, a page at a
   * time. A single word is counted exactly and its page read directly; several words read the days
   * where all of them occur, newest first, until the page (and one beyond it) is found.
   */
  async search(query: WordQuery, request: { offset: number; limit: number }): Promise<WordPage> {
    const none: WordPage = { refs: [], total: 0, hasMore: false, searchedSince: null };
    if (query.terms.length === 0) return none;
    const tallies = await this.days.getMany(query.terms);
    // The rarest word first: its days bound the days searched, its postings the work.
    const order = query.terms
      .map((term, i) => ({ term, tally: tallies[i]!, total: sum(tallies[i]!) }))
      .sort((a, b) => a.total - b.total);
    const rarest = order[0]!;
    const days = Object.keys(rarest.tally)
      .filter((day) => order.every(({ tally }) => (tally[day] ?? 0) > 0))
      .sort()
      .reverse();
    if (days.length === 0) return none;
    if (order.length === 1 && query.phrases.length === 0) {
      return this.singleWordPage(rarest.term, days, rarest.tally, request);
    }
    const cost = (day: string) => order.reduce((count, { tally }) => count + tally[day]!, 0);
    return this.scan(
      order.map(({ term }) => term),
      days,
      { rarest: (day) => rarest.tally[day]!, cost },
      query.phrases,
      request,
    );
  }

  /** One word: whole days before the page are counted, not read. */
  private async singleWordPage(
    term: string,
    days: readonly string[],
    tally: Readonly<Record<string, number>>,
    { offset, limit }: { offset: number; limit: number },
  ): Promise<WordPage> {
    const total = days.reduce((count, day) => count + tally[day]!, 0);
    let skipped = 0;
    let index = 0;
    while (index < days.length && skipped + tally[days[index]!]! <= offset) skipped += tally[days[index++]!]!;
    const chosen: string[] = [];
    for (let size = 0; index < days.length && size < offset - skipped + limit; index++) {
      chosen.push(days[index]!);
      size += tally[days[index]!]!;
    }
    const postings = (await this.read(term, chosen)).flat();
    const page = postings.slice(offset - skipped, offset - skipped + limit);
    return {
      refs: await this.resolve(page),
      total,
      hasMore: offset + limit < total,
      searchedSince: null,
    };
  }

  /** Several words, or phrases: days where all words occur, newest first, in growing rounds. */
  private async scan(
    terms: readonly string[],
    days: readonly string[],
    sizes: { rarest: (day: string) => number; cost: (day: string) => number },
    phrases: readonly string[][],
    { offset, limit }: { offset: number; limit: number },
  ): Promise<WordPage> {
    const wanted = offset + limit + 1;
    const matches: FiledQuote[] = [];
    /** Postings matching every word, not yet resolved (without phrases, resolved at the end). */
    const pending: Posting[] = [];
    let scanned = 0;
    let index = 0;
    const found = () => matches.length + pending.length;
    while (index < days.length && found() < wanted && scanned < this.scanLimit) {
      // Enough days to fill the page twice over with the rarest word alone, within the scan limit.
      const round: string[] = [];
      let size = 0;
      let cost = 0;
      const enough = Math.max(MIN_ROUND, (wanted - found()) * 2);
      while (
        index < days.length &&
        (round.length === 0 ||
          (round.length < MAX_ROUND_DAYS && size < enough && cost < this.scanLimit - scanned))
      ) {
        size += sizes.rarest(days[index]!);
        cost += sizes.cost(days[index]!);
        round.push(days[index++]!);
      }
      const perTerm = await Promise.all(terms.map((term) => this.read(term, round)));
      for (let d = 0; d < round.length; d++) {
        scanned += perTerm.reduce((count, lists) => count + lists[d]!.length, 0);
        const others = perTerm.slice(1).map((lists) => new Set(lists[d]!.map((posting) => posting.member)));
        const both = perTerm[0]![d]!.filter((posting) => others.every((set) => set.has(posting.member)));
        if (phrases.length === 0) pending.push(...both);
        else await this.checkPhrases(both, phrases, matches, wanted);
        if (found() >= wanted) break;
      }
    }
    const searchedAll = index >= days.length;
    const page =
      phrases.length === 0
        ? await this.resolve(pending.slice(offset, offset + limit))
        : matches.slice(offset, offset + limit);
    return {
      refs: page,
      total: searchedAll && found() < wanted ? found() : null,
      hasMore: found() > offset + limit,
      searchedSince: !searchedAll && found() < wanted ? days[index - 1]! : null,
    };
  }

  /** Loads candidates a few at a time and keeps those that hold every phrase, until `wanted`. */
  private async checkPhrases(
    candidates: readonly Posting[],
    phrases: readonly string[][],
    matches: FiledQuote[],
    wanted: number,
  ): Promise<void> {
    for (let i = 0; i < candidates.length && matches.length < wanted; i += PHRASE_WINDOW) {
      for (const ref of await this.resolve(candidates.slice(i, i + PHRASE_WINDOW))) {
        const words = searchTerms(ref.text);
        if (phrases.every((phrase) => containsPhrase(words, phrase))) matches.push(ref);
      }
    }
  }

  /** A word's postings on each of `days`, each day's newest first. */
  private async read(term: string, days: readonly string[]): Promise<Posting[][]> {
    const lists = await Promise.all(days.map((day) => this.postings.members(`${term}|${day}`)));
    return lists.map((members, i) =>
      members
        .sort()
        .reverse()
        .map((member) => parsePosting(member, days[i]!))
        .filter((posting): posting is Posting => posting !== null),
    );
  }

  /** The quotes the postings point to, in the same order (a posting whose part lacks it is dropped). */
  private async resolve(postings: readonly Posting[]): Promise<FiledQuote[]> {
    const keys = [...new Set(postings.map((posting) => partKey(posting.address)))];
    const parts = await this.parts.getMany(keys);
    const byKey = new Map(keys.map((key, i) => [key, parts[i] ?? []]));
    return postings.flatMap((posting) => {
      const ref = byKey.get(partKey(posting.address))![posting.slot];
      return ref ? [{ ...ref, variant: posting.address.variant }] : [];
    });
  }
}

/** `HHMMSS<spelling>|<part>|<slot>`: sorts newest first within a day when reversed. */
function postingOf({ ref, variant, part, slot }: PlacedQuote): string {
  return `${ref.at.slice(11, 13)}${ref.at.slice(14, 16)}${ref.at.slice(17, 19)}${variant}|${part}|${slot}`;
}

function parsePosting(member: string, day: string): Posting | null {
  const slotAt = member.lastIndexOf('|');
  const partAt = member.lastIndexOf('|', slotAt - 1);
  if (partAt < 6) return null;
  const part = Number(member.slice(partAt + 1, slotAt));
  const slot = Number(member.slice(slotAt + 1));
  if (!Number.isInteger(part) || !Number.isInteger(slot)) return null;
  return { member, day, address: { variant: member.slice(6, partAt), day, part }, slot };
}

function sum(tally: Readonly<Record<string, number>>): number {
  let total = 0;
  for (const count of Object.values(tally)) total += count;
  return total;
}
