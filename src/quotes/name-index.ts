/**
 * Every name an article mentions, gathered in one pass before quotations are read, so that a bare
 * surname resolves to the fullest form even when the full name comes later ("Raab" → "Dominic
 * Raab"), honorifics give away a person's gender ("Ms. May"), and sentence openers can be told
 * apart from names (a word the article also writes in lowercase is not a name).
 */
import { COMMON_STARTERS } from './lexicon.js';
import { isOrgName, nameRuns, stripTitles } from './noun-phrases.js';
import type { Token } from './sentence-tokens.js';

/** What pronouns say about a person. */
export type Gender = 'male' | 'female';

const HONORIFIC_GENDER: ReadonlyMap<string, Gender> = new Map([
  ['mr.', 'male'],
  ['mr', 'male'],
  ['sir', 'male'],
  ['ms.', 'female'],
  ['ms', 'female'],
  ['mrs.', 'female'],
  ['mrs', 'female'],
  ['miss', 'female'],
  ['dame', 'female'],
]);

/** A name word without a possessive ending or an abbreviation's period. */
export function nameText(token: Token): string {
  return token.base;
}

/** Names, organisations and everyday words of one article. */
export class NameIndex {
  private readonly bySurname = new Map<string, string>();
  private readonly byGiven = new Map<string, string>();
  private readonly orgs: string[] = [];
  private readonly lowercaseWords = new Set<string>();
  private readonly honorifics = new Map<string, Gender>();

  constructor(paragraphs: readonly (readonly Token[])[]) {
    for (const tokens of paragraphs) {
      for (let i = 0; i < tokens.length; i++) {
        const token = tokens[i]!;
        if (token.kind !== 'word') continue;
        if (!token.cap && token.text[0] !== token.text[0]!.toUpperCase())
          this.lowercaseWords.add(token.lower);
        const gender = HONORIFIC_GENDER.get(token.lower);
        const next = tokens[i + 1];
        if (gender !== undefined && next?.kind === 'word') this.honorifics.set(next.key, gender);
      }
      for (const run of nameRuns(tokens)) this.add(run);
    }
  }

  private add(run: readonly Token[]): void {
    const name = stripTitles(run);
    if (name.length === 0) return;
    const full = name.map(nameText).join(' ');
    if (isOrgName(name)) {
      this.orgs.push(full);
      return;
    }
    if (name.length < 2) return;
    const last = name[name.length - 1]!.key;
    const first = name[0]!.key;
    if (!this.bySurname.has(last)) this.bySurname.set(last, full);
    if (!this.byGiven.has(first)) this.byGiven.set(first, full);
  }

  /**
   * True for a word the article also writes in lowercase, or an everyday sentence opener, unless
   * it is part of a full name in the article ("May" stays a name next to "Theresa May").
   */
  isCommonWord(lower: string): boolean {
    if (this.bySurname.has(lower) || this.byGiven.has(lower)) return false;
    return this.lowercaseWords.has(lower) || COMMON_STARTERS.has(lower);
  }

  /** The fullest form of a person's name in the article ("Raab" → "Dominic Raab"). */
  fullName(name: string): string {
    const parts = name.split(' ');
    const last = parts[parts.length - 1]!.toLowerCase();
    const full = this.bySurname.get(last) ?? (parts.length === 1 ? this.byGiven.get(last) : undefined);
    if (full === undefined) return name;
    if (parts.length === 1 || (full.endsWith(name) && full.length > name.length)) return full;
    return name;
  }

  /** The gender an honorific gave the person ("Ms. May" → female), if any. */
  honorificGender(fullName: string): Gender | undefined {
    const parts = fullName.toLowerCase().split(' ');
    return this.honorifics.get(parts[parts.length - 1]!);
  }

  /** The latest organisation whose name ends with a description's head ("the commission"). */
  orgEndingWith(head: string): string | null {
    for (let i = this.orgs.length - 1; i >= Math.max(0, this.orgs.length - 50); i--) {
      const org = this.orgs[i]!;
      if (org.toLowerCase().endsWith(' ' + head)) return org;
    }
    return null;
  }
}
