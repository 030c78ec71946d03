/**
 * Finds the name words within one or two typos of a query word without comparing it against every
 * known word: each word is filed under the forms it takes with up to two letters deleted (the
 * "symmetric delete" method of SymSpell), so a lookup generates the query's own deletions, looks
 * them up, and checks only the few words that share one with the real edit distance.
 */
import { editDistance } from '../text/similarity.js';

/** Words longer than this are filed and looked up whole only: no name is that long. */
const MAX_FUZZY_LENGTH = 24;
/** The most typos ever tolerated. */
const MAX_DISTANCE = 2;

/** A known word near the query word. */
export interface NearWord {
  word: string;
  distance: number;
}

export class TypoIndex {
  private readonly byDeletion = new Map<string, string[]>();
  private readonly words = new Set<string>();

  /** Files a word; adding the same word twice does nothing. */
  add(word: string): void {
    if (this.words.has(word)) return;
    this.words.add(word);
    for (const form of deletions(word, word.length > MAX_FUZZY_LENGTH ? 0 : MAX_DISTANCE)) {
      const list = this.byDeletion.get(form);
      if (list) list.push(word);
      else this.byDeletion.set(form, [word]);
    }
  }

  has(word: string): boolean {
    return this.words.has(word);
  }

  /**
   * Known words within `maxDistance` edits of `query` (swaps of adjacent letters count as one),
   * nearest first, the word itself included at distance 0.
   */
  near(query: string, maxDistance: number): NearWord[] {
    const limit = Math.min(maxDistance, MAX_DISTANCE, query.length > MAX_FUZZY_LENGTH ? 0 : MAX_DISTANCE);
    const found = new Map<string, number>();
    for (const form of deletions(query, limit)) {
      for (const word of this.byDeletion.get(form) ?? []) {
        if (found.has(word)) continue;
        const distance = editDistance(query, word, limit);
        found.set(word, distance);
      }
    }
    return [...found]
      .filter(([, distance]) => distance <= limit)
      .map(([word, distance]) => ({ word, distance }))
      .sort((a, b) => a.distance - b.distance || a.word.localeCompare(b.word));
  }
}

/** The word and every form of it with up to `depth` characters deleted. */
function deletions(word: string, depth: number): Set<string> {
  const forms = new Set([word]);
  let frontier = [word];
  for (let level = 0; level < depth; level++) {
    const next: string[] = [];
    for (const form of frontier) {
      // One-letter words are not worth shortening to nothing.
      if (form.length <= 1) continue;
      for (let i = 0; i < form.length; i++) {
        const shorter = form.slice(0, i) + form.slice(i + 1);
        if (!forms.has(shorter)) {
          forms.add(shorter);
          next.push(shorter);
        }
      }
    }
    frontier = next;
  }
  return forms;
}
