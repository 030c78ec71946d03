/**
 * The `[words]` of `/quotes <name> [words]`: a quote passes when every word is in the quote, its
 * article's title or its article's text. The quote and title are in the index; for the text, the
 * article's term filter rules out most articles, and only articles it cannot rule out are loaded.
 */
import type { ArticleRepository } from '../articles/article-repository.js';
import type { Collection } from '../store/store.js';
import type { QuoteRef } from './quote-buckets.js';
import { searchTerms, TermFilter } from './search-terms.js';

export class QuoteFilter {
  /** Term filters fetched so far (null: none stored), per article. */
  private readonly filters = new Map<string, TermFilter | null>();
  /** Words of articles loaded so far (null: the article is gone), per article. */
  private readonly texts = new Map<string, Set<string> | null>();
  /** Words of the titles seen so far, by title: an article's quotes share its title. */
  private readonly titles = new Map<string, Set<string>>();

  /**
   * @param terms The folded words to look for (see `filterTerms`).
   * @param termFilters The `article-terms` collection: a Bloom filter of each article's words.
   */
  constructor(
    readonly terms: readonly string[],
    private readonly termFilters: Collection<string>,
    private readonly articles: ArticleRepository,
  ) {}

  /** The quotes that pass, in the order given. */
  async select<Q extends QuoteRef>(refs: readonly Q[]): Promise<Q[]> {
    // The article's filter first: it rules out most quotes for a rarer word without reading anything else.
    const unfetched = [...new Set(refs.map((ref) => ref.articleId).filter((id) => !this.filters.has(id)))];
    const fetched = await this.termFilters.getMany(unfetched);
    unfetched.forEach((id, i) => {
      const encoded = fetched[i];
      this.filters.set(id, encoded === undefined ? null : new TermFilter(encoded));
    });
    const maybe = refs.filter((ref) => {
      const filter = this.filters.get(ref.articleId);
      return !filter || this.terms.every((term) => filter.mayContain(term));
    });
    // Then the quote and title, which are at hand; only what they lack needs the article's text.
    const missing = maybe.map((ref) => {
      const quoteTerms = searchTerms(ref.text);
      const titleTerms = this.titleTerms(ref);
      return this.terms.filter((term) => !titleTerms.has(term) && !quoteTerms.includes(term));
    });
    const toLoad = [
      ...new Set(
        maybe
          .filter((ref, i) => missing[i]!.length > 0 && !this.texts.has(ref.articleId))
          .map((ref) => ref.articleId),
      ),
    ];
    const loaded = await this.articles.getMany(toLoad);
    for (const id of toLoad) this.texts.set(id, null);
    for (const article of loaded) {
      this.texts.set(article.id, new Set(searchTerms(`${article.title}\n${article.text}`)));
    }
    return maybe.filter((ref, i) => {
      const lacking = missing[i]!;
      if (lacking.length === 0) return true;
      const words = this.texts.get(ref.articleId);
      return words ? lacking.every((term) => words.has(term)) : false;
    });
  }

  /**
   * The words of a quote's article title. Searching the quote and the title apart finds the same
   * words as searching them joined by a space: no word spans the space.
   */
  private titleTerms(ref: QuoteRef): Set<string> {
    let terms = this.titles.get(ref.title);
    if (!terms) this.titles.set(ref.title, (terms = new Set(searchTerms(ref.title))));
    return terms;
  }
}
