/**
 * The speaker registry in memory: every way a speaker has been written, grouped into people and
 * organisations, with a word index and a typo index for finding them by name. It is a cache built
 * from the `speakers` collection (see speaker-registry.ts), never the record itself.
 *
 * Grouping rules, decided on the registry as a whole so that the order articles arrive in does
 * not matter:
 * - a person written a shorter way joins the fuller name when exactly one fuller name fits:
 *   "Pompeo" and "Mike Pompeo" are one person while no other Pompeo is known; once "Susan Pompeo"
 *   is, a bare "Pompeo" stands alone again, because it could be either;
 * - different first names never join ("Mike Pompeo" and "Susan Pompeo" stay two people);
 * - organisations join nothing and nothing joins them.
 */
import { isShorterFormOf, type SpeakerKind } from './speaker-name.js';
import { TypoIndex } from './typo-index.js';

/** How one way of writing a speaker is stored, under its folded key ("mike pompeo"). */
export interface SpeakerRecord {
  /** The spelling shown, accents and capitals kept: "José Pérez". */
  name: string;
  kind: SpeakerKind;
  /** Quotes credited to exactly this spelling. */
  count: number;
  /** Date of the earliest and latest of those quotes (ISO). */
  firstAt: string;
  lastAt: string;
  /** Those quotes per month (YYYY-MM), oldest first: a page of quotes reads only the months it shows. */
  months: [month: string, count: number][];
}

/** A person or an organisation: one or more spellings that the registry counts as one speaker. */
export interface Speaker {
  /** Key of the fullest spelling, which names the speaker. */
  key: string;
  name: string;
  kind: SpeakerKind;
  /** Quotes over every spelling. */
  count: number;
  lastAt: string;
  /** Keys of every spelling, the naming one first. */
  variants: string[];
  /** The other spellings it is quoted under ("Pompeo"). */
  aliases: string[];
}

/** The speakers a name query finds. */
export type NameMatch =
  /** `corrected` is the spelling used instead of the query's when it had typos. */
  | { kind: 'found'; speakers: Speaker[]; corrected: string | null }
  | { kind: 'unknown'; suggestions: Speaker[] };

/**
 * The known words near each query word, shared by the several matches one query makes (the name
 * alone, then with the words after it): the same words are not looked up again.
 */
export type NearWordsMemo = Map<string, ReadonlyMap<string, number>>;

/** "jean-luc picard" → "jean-luc", "jean", "luc", "picard". */
function nameParts(key: string): string[] {
  return key.split(' ').flatMap((token) => [token, ...(token.includes('-') ? token.split('-') : [])]);
}

/** Typos tolerated in one query word: none in one- or two-letter words, one up to four letters, else two. */
function typoLimit(word: string): number {
  return word.length <= 2 ? 0 : word.length <= 4 ? 1 : 2;
}

export class SpeakerIndex {
  private readonly records = new Map<string, SpeakerRecord>();
  private readonly bySurname = new Map<string, Set<string>>();
  private readonly byWord = new Map<string, Set<string>>();
  private readonly typos = new TypoIndex();
  private readonly canonical = new Map<string, string>();
  /** Each spelling's words, and the parts of its hyphenated ones, as the match compares them. */
  private readonly partsOf = new Map<string, string[]>();
  private readonly dirtySurnames = new Set<string>();
  private groups: Map<string, Speaker> | null = null;
  private ranked: Speaker[] | null = null;
  private sortedWords: string[] | null = null;

  /** Spellings known. */
  get size(): number {
    return this.records.size;
  }

  record(key: string): SpeakerRecord | undefined {
    return this.records.get(key);
  }

  /** Adds or replaces one spelling's record. */
  put(key: string, record: SpeakerRecord): void {
    const previous = this.records.get(key);
    this.records.set(key, record);
    this.ranked = null;
    this.groups = null;
    const tokens = key.split(' ');
    if (previous) {
      // Written as an organisation since: it leaves the people it may have joined.
      if (previous.kind === 'person' && record.kind === 'organisation') {
        this.canonical.set(key, key);
        this.dirtySurnames.add(tokens[tokens.length - 1]!);
      }
      return;
    }
    for (const token of tokens) {
      for (const word of new Set([token, ...token.split('-')])) {
        if (!word) continue;
        let keys = this.byWord.get(word);
        if (!keys) this.byWord.set(word, (keys = new Set()));
        keys.add(key);
        this.typos.add(word);
      }
    }
    this.partsOf.set(key, nameParts(key));
    this.sortedWords = null;
    if (record.kind === 'person') {
      const surname = tokens[tokens.length - 1]!;
      let keys = this.bySurname.get(surname);
      if (!keys) this.bySurname.set(surname, (keys = new Set()));
      keys.add(key);
      this.dirtySurnames.add(surname);
    } else {
      this.canonical.set(key, key);
    }
  }

  /** The speaker a spelling belongs to. */
  speakerOf(key: string): Speaker | undefined {
    const root = this.rootOf(key);
    return root === undefined ? undefined : this.allGroups().get(root);
  }

  /** Every speaker, most quoted first. */
  ranking(): Speaker[] {
    this.ranked ??= [...this.allGroups().values()].sort(
      (a, b) => b.count - a.count || a.name.localeCompare(b.name),
    );
    return this.ranked;
  }

  /**
   * The speakers whose names contain every query word (any order, case and accents ignored, an
   * initial matching a name), or failing that, those within one or two typos per word; when the
   * typos could be corrected several ways, or not at all, the closest known speakers instead
   * (unless `suggest` is false: looking for them costs more than the match).
   */
  match(
    queryTokens: readonly string[],
    options: { suggest?: boolean; memo?: NearWordsMemo } = {},
  ): NameMatch {
    const words = queryTokens.filter(Boolean).slice(0, 8);
    if (words.length === 0) return { kind: 'unknown', suggestions: [] };
    const near = words.map((word) => this.nearMap(word, options.memo));
    const anchor = words.reduce((best, word, i) => (word.length > words[best]!.length ? i : best), 0);
    const scored = new Map<string, { cost: number; spelled: string }>();
    let cheapest = Number.POSITIVE_INFINITY;
    for (const [candidate, distance] of near[anchor]!) {
      // Candidates come nearest first, and a spelling first reached through one costs at least its
      // distance (a nearer word of it would have been a candidate before): none past the cheapest can win.
      if (distance > cheapest) break;
      for (const key of this.byWord.get(candidate) ?? []) {
        if (scored.has(key)) continue;
        const score = this.score(words, near, key, cheapest);
        if (!score) continue;
        scored.set(key, score);
        if (score.cost < cheapest) cheapest = score.cost;
      }
    }
    if (scored.size === 0) {
      return { kind: 'unknown', suggestions: options.suggest === false ? [] : this.suggest(words) };
    }
    const best = Math.min(...[...scored.values()].map((score) => score.cost));
    const winners = [...scored].filter(([, score]) => score.cost === best);
    const spellings = new Set(winners.map(([, score]) => score.spelled));
    const speakers = this.speakersOf(winners.map(([key]) => key));
    if (best > 0 && spellings.size > 1) return { kind: 'unknown', suggestions: speakers.slice(0, 5) };
    return { kind: 'found', speakers, corrected: best > 0 ? [...spellings][0]! : null };
  }

  /** True when some person is known under this surname (folded), as opposed to a first name only. */
  isSurname(token: string): boolean {
    return (this.bySurname.get(token)?.size ?? 0) > 0;
  }

  /** Speakers whose name has a word starting with `prefix` (folded), most quoted first. */
  withWordPrefix(prefix: string): Speaker[] {
    const keys = new Set<string>();
    for (const word of this.wordsStartingWith(prefix, 500)) {
      for (const key of this.byWord.get(word) ?? []) keys.add(key);
    }
    return this.speakersOf([...keys]);
  }

  /** Known words near a query word, nearest first, with their distance; looked up once per memo. */
  private nearMap(word: string, memo: NearWordsMemo | undefined): ReadonlyMap<string, number> {
    const known = memo?.get(word);
    if (known) return known;
    const near = new Map(this.nearWords(word).map((n) => [n.word, n.distance]));
    memo?.set(word, near);
    return near;
  }

  private nearWords(word: string): { word: string; distance: number }[] {
    if (word.length === 1)
      return this.wordsStartingWith(word, 200).map((found) => ({ word: found, distance: 0 }));
    return this.typos.near(word, typoLimit(word));
  }

  /**
   * Total typos of a spelling against the query, or null when some query word is not in it or the
   * total exceeds `bound` (such a spelling cannot be the closest).
   */
  private score(
    words: readonly string[],
    near: readonly ReadonlyMap<string, number>[],
    key: string,
    bound: number,
  ): { cost: number; spelled: string } | null {
    const parts = this.partsOf.get(key) ?? nameParts(key);
    let cost = 0;
    const spelled: string[] = [];
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!;
      const distances = near[i]!;
      let bestToken: string | null = null;
      let bestDistance = Number.POSITIVE_INFINITY;
      for (const part of parts) {
        const distance = distances.get(part) ?? (word.length === 1 && part.startsWith(word) ? 0 : undefined);
        if (distance !== undefined && distance < bestDistance) {
          bestDistance = distance;
          bestToken = part;
        }
      }
      if (bestToken === null) return null;
      cost += bestDistance;
      if (cost > bound) return null;
      spelled.push(bestToken);
    }
    return { cost, spelled: spelled.join(' ') };
  }

  /** The closest speakers to a query that matched nobody: by words within two typos or sharing a prefix. */
  private suggest(words: readonly string[]): Speaker[] {
    const ranked = new Map<string, number>();
    for (const word of words) {
      if (word.length < 3) continue;
      const candidates = [
        ...this.typos.near(word, 2),
        // Names the query starts ("pomp" for "pompeo") or that start the query ("raabs").
        ...this.wordsStartingWith(word.slice(0, Math.max(3, word.length - 2)), 50).map((found) => ({
          word: found,
          distance: 2.5,
        })),
        ...Array.from({ length: Math.max(0, Math.min(word.length, 40) - 3) }, (_, i) => word.slice(0, 3 + i))
          .filter((start) => this.byWord.has(start))
          .map((start) => ({ word: start, distance: 3 })),
      ];
      for (const { word: found, distance } of candidates) {
        for (const key of this.byWord.get(found) ?? []) {
          const root = this.rootOf(key)!;
          ranked.set(root, Math.min(ranked.get(root) ?? Number.POSITIVE_INFINITY, distance));
        }
      }
    }
    const groups = this.allGroups();
    return [...ranked]
      .map(([root, distance]) => ({ speaker: groups.get(root)!, distance }))
      .sort((a, b) => a.distance - b.distance || b.speaker.count - a.speaker.count)
      .slice(0, 5)
      .map(({ speaker }) => speaker);
  }

  private speakersOf(keys: readonly string[]): Speaker[] {
    const groups = this.allGroups();
    const roots = new Set(keys.map((key) => this.rootOf(key)!));
    return [...roots]
      .map((root) => groups.get(root)!)
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  }

  private wordsStartingWith(prefix: string, max: number): string[] {
    this.sortedWords ??= [...this.byWord.keys()].sort();
    const words = this.sortedWords;
    let low = 0;
    let high = words.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (words[mid]! < prefix) low = mid + 1;
      else high = mid;
    }
    const found: string[] = [];
    for (let i = low; i < words.length && found.length < max && words[i]!.startsWith(prefix); i++) {
      found.push(words[i]!);
    }
    return found;
  }

  private rootOf(key: string): string | undefined {
    if (!this.records.has(key)) return undefined;
    this.settle();
    return this.canonical.get(key) ?? key;
  }

  /** Recomputes which spelling each person's spellings join, for the surnames that changed. */
  private settle(): void {
    if (this.dirtySurnames.size === 0) return;
    for (const surname of this.dirtySurnames) {
      // A spelling first seen as a person may have turned out an organisation: it joins nothing.
      const keys = [...(this.bySurname.get(surname) ?? [])]
        .filter((key) => this.records.get(key)?.kind === 'person')
        .map((key) => ({ key, tokens: key.split(' ') }));
      // Fullest first (most words, then most letters: "Mike" before "M."), so that a fuller
      // name's own grouping is known before shorter ones join it.
      keys.sort((a, b) => b.tokens.length - a.tokens.length || b.key.length - a.key.length);
      for (const { key, tokens } of keys) {
        const roots = new Set<string>();
        for (const other of keys) {
          if (other.key !== key && isShorterFormOf(tokens, other.tokens)) {
            roots.add(this.canonical.get(other.key) ?? other.key);
          }
        }
        this.canonical.set(key, roots.size === 1 ? [...roots][0]! : key);
      }
    }
    this.dirtySurnames.clear();
    this.groups = null;
    this.ranked = null;
  }

  private allGroups(): Map<string, Speaker> {
    this.settle();
    if (this.groups) return this.groups;
    const groups = new Map<string, Speaker>();
    for (const [key, record] of this.records) {
      const root = this.canonical.get(key) ?? key;
      const rootRecord = this.records.get(root)!;
      let group = groups.get(root);
      if (!group) {
        group = {
          key: root,
          name: rootRecord.name,
          kind: rootRecord.kind,
          count: 0,
          lastAt: '',
          variants: [root],
          aliases: [],
        };
        groups.set(root, group);
      }
      group.count += record.count;
      if (record.lastAt > group.lastAt) group.lastAt = record.lastAt;
      if (key !== root) {
        group.variants.push(key);
        group.aliases.push(record.name);
      }
    }
    this.groups = groups;
    return groups;
  }
}
