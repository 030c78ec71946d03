/**
 * Which earlier articles hold each sketch value (article-features.ts), for finding copies of a text
 * as articles are placed (story-clustering.ts). A day holds about 16 values per article, most of
 * them unique: kept in flat typed arrays (a hash table from value to a linked list of entries)
 * rather than a map of small arrays, it takes a tenth of the memory and none of the garbage
 * collector's time.
 */
import { IntIds } from './int-lists.js';

export class CopyIndex {
  private readonly valueIds = new IntIds(1 << 14);
  /** Per value id: its newest entry + 1 (0: none), and how many entries it has. */
  private heads = new Int32Array(1 << 14);
  private sizes = new Int32Array(1 << 14);
  /** Per entry: the article number, and the entry listed before it + 1 (0: none). */
  private articles = new Int32Array(1 << 16);
  private links = new Int32Array(1 << 16);
  private entries = 0;

  /** `limit`: a value held by more articles than this is boilerplate, and is not looked at. */
  constructor(private readonly limit: number) {}

  /** Lists article `number` under `value` (a value past the limit keeps only its count). */
  add(value: number, number: number): void {
    const id = this.valueIds.idOf(value);
    if (id >= this.heads.length) {
      this.heads = grown(this.heads);
      this.sizes = grown(this.sizes);
    }
    if (this.sizes[id]! > this.limit) return;
    this.sizes[id]!++;
    if (this.entries === this.articles.length) {
      this.articles = grown(this.articles);
      this.links = grown(this.links);
    }
    this.articles[this.entries] = number;
    this.links[this.entries] = this.heads[id]!;
    this.heads[id] = ++this.entries;
  }

  /**
   * The first entry of `value`'s list, newest first, then {@link next}; 0 when it has none or is
   * past the limit. {@link article} gives an entry's article number.
   */
  first(value: number): number {
    const id = this.valueIds.find(value);
    if (id < 0) return 0;
    return this.sizes[id]! > this.limit ? 0 : this.heads[id]!;
  }

  next(entry: number): number {
    return this.links[entry - 1]!;
  }

  article(entry: number): number {
    return this.articles[entry - 1]!;
  }
}

function grown(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}
