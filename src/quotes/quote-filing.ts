/**
 * Turns a batch of stored articles into what the quote index files: each attributed quote under
 * its speaker's spelling (a surname resolved by its article where the article allows), how each
 * spelling is written, and each article's word filter. Pure: the store is written by
 * quote-index.ts.
 */
import type { StoredArticle } from '../articles/stored-article.js';
import { ArticleNames } from './article-names.js';
import { SPEAKER_THRESHOLD } from './quote.js';
import { MAX_STORED_QUOTE_CHARS, quoteFingerprint, type QuoteRef } from './quote-buckets.js';
import { buildTermFilter } from './search-terms.js';
import { parseSpeakerName, stripControls, SURNAME_PARTICLES, type SpeakerName } from './speaker-name.js';
import type { SpeakerTally } from './speaker-registry.js';

/** What one batch of articles adds to the index. */
export interface FilingBatch {
  refsByVariant: Map<string, QuoteRef[]>;
  /** Per spelling: how it is written and the span of its new quotes; counts come from filing. */
  names: Map<string, Omit<SpeakerTally, 'months'>>;
  termFilters: { key: string; value: string }[];
}

/** Files the attributed quotes of `articles`; quotes without a speaker are left out. */
export function fileQuotes(articles: readonly StoredArticle[]): FilingBatch {
  const batch: FilingBatch = { refsByVariant: new Map(), names: new Map(), termFilters: [] };
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
    const seen = article.seenAt.slice(0, 10);
    article.quotes.forEach((quote, index) => {
      // A quote whose speaker is uncertain is never filed under anyone.
      if (quote.confidence !== undefined && quote.confidence < SPEAKER_THRESHOLD) return;
      const parsed = quote.speaker ? parse(quote.speaker) : null;
      if (!parsed) return;
      const name = isSurnameOnly(parsed) ? (names.fullNameFor(parsed) ?? parsed) : parsed;
      const ref: QuoteRef = {
        articleId: article.id,
        index,
        text: clip(quote.text, MAX_STORED_QUOTE_CHARS),
        speaker: clip(name === parsed ? parsed.display : stripControls(quote.speaker!).trim(), 200),
        at,
        seen,
        title: clip(article.title, 300),
        source: clip(article.source, 120),
        url: article.url.length <= 2_048 ? article.url : '',
      };
      if (quote.verb) ref.verb = clip(quote.verb, 40);
      if (quote.text.length > MAX_STORED_QUOTE_CHARS) ref.fingerprint = quoteFingerprint(quote.text);
      if (undated) ref.undated = true;
      push(batch.refsByVariant, name.key, ref);
      note(batch.names, name, at);
      filed++;
    });
    if (filed > 0) {
      batch.termFilters.push({
        key: article.id,
        value: buildTermFilter(`${article.title}\n${article.text}`),
      });
    }
  }
  return batch;
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

function note(names: FilingBatch['names'], name: SpeakerName, at: string): void {
  const entry = names.get(name.key);
  if (!entry) {
    names.set(name.key, { name: name.display, kind: name.kind, firstAt: at, lastAt: at });
    return;
  }
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
