import type { ArticleRepository } from '../articles/article-repository.js';
import type { StoredArticle } from '../articles/stored-article.js';
import type { Store } from '../store/store.js';
import { closestMatches } from '../text/similarity.js';
import { speakerKey } from './speaker-name.js';

/** Points at one quote: the article and the quote's position in its `quotes` list. */
export interface QuoteRef {
  articleId: string;
  index: number;
  /** Sort key: the article's publication time, or when it was first seen. */
  at: string;
}

export interface SpeakerEntry {
  name: string;
  count: number;
  lastQuotedAt: string;
}

export interface QuoteHit {
  speaker: string;
  text: string;
  article: StoredArticle;
}

export type QuoteSearch =
  | { kind: 'found'; speakers: string[]; hits: QuoteHit[]; total: number }
  | { kind: 'unknown'; suggestions: string[] };

/**
 * Quotes indexed by speaker in the store, so `/quotes pompeo` reads one list instead of scanning
 * every article.
 */
export class QuoteIndex {
  private readonly speakers;
  private readonly refs;
  private lock: Promise<unknown> = Promise.resolve();

  constructor(
    store: Store,
    private readonly articles: ArticleRepository,
  ) {
    this.speakers = store.collection<SpeakerEntry>('speakers');
    this.refs = store.collection<QuoteRef[]>('speaker-quotes');
  }

  /** Adds the quotes of newly stored articles. */
  async add(articles: readonly StoredArticle[]): Promise<void> {
    const bySpeaker = new Map<string, { name: string; refs: QuoteRef[] }>();
    for (const article of articles) {
      const at = article.published ?? article.seenAt;
      article.quotes.forEach((quote, index) => {
        if (!quote.speaker) return;
        const key = speakerKey(quote.speaker);
        if (!key) return;
        const entry = bySpeaker.get(key) ?? { name: quote.speaker, refs: [] };
        entry.refs.push({ articleId: article.id, index, at });
        bySpeaker.set(key, entry);
      });
    }
    if (bySpeaker.size === 0) return;
    const update = this.lock.then(async () => {
      const keys = [...bySpeaker.keys()];
      const [speakers, refLists] = await Promise.all([this.speakers.getMany(keys), this.refs.getMany(keys)]);
      const speakerWrites: { key: string; value: SpeakerEntry }[] = [];
      const refWrites: { key: string; value: QuoteRef[] }[] = [];
      keys.forEach((key, i) => {
        const added = bySpeaker.get(key)!;
        const known = new Set((refLists[i] ?? []).map((ref) => `${ref.articleId}#${ref.index}`));
        const fresh = added.refs.filter((ref) => !known.has(`${ref.articleId}#${ref.index}`));
        const refs = [...(refLists[i] ?? []), ...fresh];
        const previous = speakers[i];
        const latest = refs.reduce((max, ref) => (ref.at > max ? ref.at : max), previous?.lastQuotedAt ?? '');
        // Keep the longest spelling seen: "Mike Pompeo" rather than "Pompeo".
        const name = previous && previous.name.length >= added.name.length ? previous.name : added.name;
        speakerWrites.push({ key, value: { name, count: refs.length, lastQuotedAt: latest } });
        refWrites.push({ key, value: refs });
      });
      await this.refs.setMany(refWrites);
      await this.speakers.setMany(speakerWrites);
    });
    this.lock = update.catch(() => undefined);
    await update;
  }

  /** All known speakers, most quoted first. */
  async listSpeakers(): Promise<SpeakerEntry[]> {
    const all: SpeakerEntry[] = [];
    for await (const [, entry] of this.speakers.entries()) all.push(entry);
    return all.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  }

  /**
   * Quotes by the speakers whose name matches `name` (every word of it, case- and accent-insensitive),
   * newest first; `words` filters on the quote, title or article text.
   */
  async search(
    name: string,
    options: { words?: string; offset?: number; limit?: number } = {},
  ): Promise<QuoteSearch> {
    const wanted = speakerKey(name).split(' ').filter(Boolean);
    const speakers = await this.listSpeakers();
    const matching = speakers.filter((speaker) => {
      const words = speakerKey(speaker.name).split(' ');
      return wanted.length > 0 && wanted.every((word) => words.includes(word));
    });
    if (matching.length === 0) {
      const names = speakers.map((speaker) => speaker.name);
      const byWord = new Map<string, string>();
      for (const speaker of names)
        for (const word of speakerKey(speaker).split(' ')) byWord.set(word, speaker);
      const near = closestMatches(wanted.join(' '), [...byWord.keys()], 5).map((word) => byWord.get(word)!);
      return { kind: 'unknown', suggestions: [...new Set(near)] };
    }
    const refLists = await this.refs.getMany(matching.map((speaker) => speakerKey(speaker.name)));
    const refs = refLists.flatMap((list) => list ?? []).sort((a, b) => b.at.localeCompare(a.at));
    const filter = speakerKey(options.words ?? '')
      .split(' ')
      .filter(Boolean);
    const articles = new Map(
      (await this.articles.getMany([...new Set(refs.map((ref) => ref.articleId))])).map((a) => [a.id, a]),
    );
    const hits: QuoteHit[] = [];
    for (const ref of refs) {
      const article = articles.get(ref.articleId);
      const quote = article?.quotes[ref.index];
      if (!article || !quote?.speaker) continue;
      if (filter.length) {
        const haystack = speakerKey(`${quote.text} ${article.title} ${article.text}`);
        if (!filter.every((word) => haystack.includes(word))) continue;
      }
      hits.push({ speaker: quote.speaker, text: quote.text, article });
    }
    const offset = options.offset ?? 0;
    return {
      kind: 'found',
      speakers: matching.map((speaker) => speaker.name),
      hits: hits.slice(offset, offset + (options.limit ?? 10)),
      total: hits.length,
    };
  }
}
