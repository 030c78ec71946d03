/**
 * Who said what, across the whole store: the speaker registry (people and organisations, however
 * each article wrote their names) and every attributed quote filed by speaker and day, so that
 * `/quotes pompeo` reads one page of quotes instead of scanning articles.
 *
 * Everything lives in store collections, written in one batch per ingested batch of articles:
 * `speakers` (the registry), `speaker-days` and `speaker-quotes` (the quotes, see
 * quote-buckets.ts), `quote-days` (per day, how often each speaker was quoted, for `/quotes` alone)
 * and `article-terms` (a word filter per article, for `/quotes <name> <words>`). Memory holds only
 * the registry's cache.
 */
import type { ArticleRepository } from '../articles/article-repository.js';
import type { StoredArticle } from '../articles/stored-article.js';
import type { Collection, Store } from '../store/store.js';
import { ArticleNames } from './article-names.js';
import { MAX_STORED_QUOTE_CHARS, QuoteBuckets, type FiledQuote, type QuoteRef } from './quote-buckets.js';
import { QuoteFilter } from './quote-filter.js';
import { readQuotePage } from './quote-pages.js';
import { buildTermFilter, filterTerms } from './search-terms.js';
import type { NameMatch, Speaker, SpeakerIndex } from './speaker-index.js';
import { parseSpeakerName, stripControls, SURNAME_PARTICLES, type SpeakerName } from './speaker-name.js';
import { getManyInChunks } from './get-many.js';
import { SpeakerRegistry, type SpeakerTally } from './speaker-registry.js';

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

/** How often each speaker was quoted on one day, by spelling key. */
type DayTally = Record<string, number>;

export interface MostQuoted {
  /** The day counted (YYYY-MM-DD, UTC): today, else the latest of the last week with quotes. */
  day: string | null;
  speakers: { speaker: Speaker; count: number }[];
  total: number;
}

/** Days `/quotes` alone looks back when nobody was quoted today. */
const MOST_QUOTED_LOOKBACK_DAYS = 7;
/** Words of a `/quotes` line that may complete the name: `/quotes mike pompeo huawei`. */
const MAX_NAME_COMPLETION = 3;

export class QuoteIndex {
  private readonly registry: SpeakerRegistry;
  private readonly buckets: QuoteBuckets;
  private readonly dayTallies: Collection<DayTally>;
  private readonly termFilters: Collection<string>;
  private lock: Promise<unknown> = Promise.resolve();

  constructor(
    store: Store,
    private readonly articles: ArticleRepository,
    options: { refreshMs?: number } = {},
  ) {
    this.registry = new SpeakerRegistry(store, options);
    this.buckets = new QuoteBuckets(store);
    this.dayTallies = store.collection<DayTally>('quote-days');
    this.termFilters = store.collection<string>('article-terms');
  }

  /**
   * Files the attributed quotes of newly stored articles (one batch: a few reads and writes per
   * collection, whatever the number of articles). Batches are applied one at a time.
   */
  add(articles: readonly StoredArticle[]): Promise<void> {
    const update = this.lock.then(() => this.addUnlocked(articles));
    this.lock = update.catch(() => undefined);
    return update;
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
    const page = await readQuotePage(this.buckets, [...nameOf.keys()], {
      offset: Math.max(0, options.offset ?? 0),
      limit: Math.max(1, options.limit ?? 10),
      filter: terms.length ? new QuoteFilter(terms, this.termFilters, this.articles) : undefined,
    });
    return {
      kind: 'found',
      speakers,
      corrected,
      words: terms,
      hits: page.refs.map((ref) => toHit(ref, nameOf)),
      total: page.total,
      hasMore: page.hasMore,
      searchedOnly: page.searchedOnly,
    };
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
    const [index, tallies] = await Promise.all([this.registry.current(), this.dayTallies.getMany(days)]);
    const found = tallies.findIndex((tally) => tally && Object.keys(tally).length > 0);
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

  private async addUnlocked(articles: readonly StoredArticle[]): Promise<void> {
    const refsByVariant = new Map<string, QuoteRef[]>();
    const tallies = new Map<string, SpeakerTally>();
    const byDay = new Map<string, DayTally>();
    const termFilters: { key: string; value: string }[] = [];
    // A batch names the same few speakers again and again.
    const parsedNames = new Map<string, SpeakerName | null>();
    const parse = (raw: string) => {
      let parsed = parsedNames.get(raw);
      if (parsed === undefined) parsedNames.set(raw, (parsed = parseSpeakerName(raw)));
      return parsed;
    };
    for (const article of articles) {
      const { at, undated } = articleDate(article);
      const names = new ArticleNames(`${article.title}\n\n${article.text}`);
      let filed = 0;
      article.quotes.forEach((quote, index) => {
        const parsed = quote.speaker ? parse(quote.speaker) : null;
        if (!parsed) return;
        const name = isSurnameOnly(parsed) ? (names.fullNameFor(parsed) ?? parsed) : parsed;
        const ref: QuoteRef = {
          articleId: article.id,
          index,
          text: clip(quote.text, MAX_STORED_QUOTE_CHARS),
          speaker: clip(name === parsed ? parsed.display : stripControls(quote.speaker!).trim(), 200),
          at,
          title: clip(article.title, 300),
          source: clip(article.source, 120),
          url: article.url.length <= 2_048 ? article.url : '',
        };
        if (quote.verb) ref.verb = clip(quote.verb, 40);
        if (undated) ref.undated = true;
        push(refsByVariant, name.key, ref);
        tally(tallies, name, at);
        const day = at.slice(0, 10);
        const counts = byDay.get(day) ?? {};
        counts[name.key] = (counts[name.key] ?? 0) + 1;
        byDay.set(day, counts);
        filed++;
      });
      if (filed > 0)
        termFilters.push({ key: article.id, value: buildTermFilter(`${article.title}\n${article.text}`) });
    }
    if (refsByVariant.size === 0) return;
    await this.buckets.append(refsByVariant);
    await this.termFilters.setMany(termFilters);
    await this.addDayTallies(byDay);
    // The registry last: a speaker is findable only once their quotes are filed.
    await this.registry.tally(tallies);
  }

  private async addDayTallies(byDay: ReadonlyMap<string, DayTally>): Promise<void> {
    const days = [...byDay.keys()];
    const stored = await getManyInChunks(this.dayTallies, days);
    await this.dayTallies.setMany(
      days.map((day, i) => {
        const merged: DayTally = { ...(stored[i] ?? {}) };
        for (const [key, count] of Object.entries(byDay.get(day)!)) merged[key] = (merged[key] ?? 0) + count;
        return { key: day, value: merged };
      }),
    );
  }
}

/**
 * The name to search for and the filter words, from a `/quotes` line: the name, completed by up to
 * three of the following words when the longer name is a speaker's ("mike" + "pompeo"). When the
 * name alone is a known spelling, only an exact completion counts, so that in `/quotes quist data`
 * "data" stays a filter word even if a Dara Quist is known; otherwise ("dominik rab") typos count.
 */
function resolveQuery(
  index: SpeakerIndex,
  name: string,
  words: string | undefined,
): { match: NameMatch; words: string } | null {
  const rest = stripControls(words ?? '')
    .split(/\s+/)
    .filter(Boolean);
  const parsed = parseSpeakerName(name);
  if (!parsed) return rest.length ? resolveQuery(index, rest[0]!, rest.slice(1).join(' ')) : null;
  const alone = index.match(parsed.tokens);
  const exactAlone = alone.kind === 'found' && alone.corrected === null;
  for (let take = Math.min(MAX_NAME_COMPLETION, rest.length); take > 0; take--) {
    const longer = parseSpeakerName([name, ...rest.slice(0, take)].join(' '));
    if (!longer || longer.tokens.length <= parsed.tokens.length) continue;
    const match = index.match(longer.tokens);
    if (match.kind === 'found' && (match.corrected === null || !exactAlone)) {
      return { match, words: rest.slice(take).join(' ') };
    }
  }
  return { match: alone, words: rest.join(' ') };
}

/** A person named by surname only ("Pompeo", "von der Leyen"). */
function isSurnameOnly(name: SpeakerName): boolean {
  return name.kind === 'person' && name.tokens.slice(0, -1).every((token) => SURNAME_PARTICLES.has(token));
}

/**
 * The date a quote is filed under: the article's publication time, unless it has none or claims
 * to be from more than a day after the article was first seen; then when it was seen.
 */
function articleDate(article: StoredArticle): { at: string; undated: boolean } {
  const published = article.published ? Date.parse(article.published) : Number.NaN;
  if (!Number.isNaN(published) && published - Date.parse(article.seenAt) < 86_400_000) {
    return { at: new Date(published).toISOString(), undated: false };
  }
  return { at: article.seenAt, undated: true };
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

function tally(tallies: Map<string, SpeakerTally>, name: SpeakerName, at: string): void {
  const entry = tallies.get(name.key);
  if (!entry) {
    tallies.set(name.key, { name: name.display, kind: name.kind, count: 1, firstAt: at, lastAt: at });
    return;
  }
  entry.count++;
  if (at < entry.firstAt) entry.firstAt = at;
  if (at > entry.lastAt) entry.lastAt = at;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
