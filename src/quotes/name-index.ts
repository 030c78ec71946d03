/**
 * Every name an article mentions, gathered in one pass before quotations are read, so that a bare
 * surname resolves to the fullest form even when the full name comes later ("Raab" → "Dominic
 * Raab"), honorifics give away a person's gender ("Ms. May"), and sentence openers can be told
 * apart from names (a word the article also writes in lowercase is not a name). When two people
 * share a surname ("Sarah Robertson", "John Robertson"), the bare surname stays ambiguous unless a
 * gender tells them apart.
 */
import { COMMON_STARTERS } from './lexicon.js';
import type { NameKnowledge } from './name-knowledge.js';
import { isOrgName, nameRuns, stripTitles } from './noun-phrases.js';
import type { Token } from './sentence-tokens.js';

/** What pronouns say about a person. */
export type Gender = 'male' | 'female';

const HONORIFIC_GENDER: ReadonlyMap<string, Gender> = new Map([
  ['mr.', 'male'],
  ['mr', 'male'],
  ['sir', 'male'],
  ['lord', 'male'],
  ['ms.', 'female'],
  ['ms', 'female'],
  ['mrs.', 'female'],
  ['mrs', 'female'],
  ['miss', 'female'],
  ['dame', 'female'],
  ['lady', 'female'],
]);
/** Most full names kept per surname: more is a list of results, not people to tell apart. */
const MAX_PER_SURNAME = 4;

/** A name word without a possessive ending or an abbreviation's period. */
export function nameText(token: Token): string {
  return token.base;
}

/** Names, organisations and everyday words of one article. */
export class NameIndex {
  private readonly bySurname = new Map<string, string[]>();
  /** Full names made only of words that could be everyday ones ("Tiger Woods"), by surname. */
  private readonly weakBySurname = new Map<string, string[]>();
  private readonly byGiven = new Map<string, string[]>();
  private readonly orgs: string[] = [];
  private readonly lowercaseWords = new Set<string>();
  private readonly honorifics = new Map<string, Gender | 'unknown'>();
  /** Gendered pronouns counted for each person in sentences about them. */
  private readonly genderVotes = new Map<string, number>();
  /** Capitalised words the article writes alone, outside any longer name: "Michael said". */
  private readonly loneWords = new Set<string>();
  private readonly fullNamesSeen = new Set<string>();

  constructor(
    paragraphs: readonly (readonly Token[])[],
    private readonly knowledge: NameKnowledge,
  ) {
    for (const tokens of paragraphs) {
      for (let i = 0; i < tokens.length; i++) {
        const token = tokens[i]!;
        if (token.kind !== 'word') continue;
        if (!token.cap) this.lowercaseWords.add(token.lower);
        const gender = HONORIFIC_GENDER.get(token.lower);
        const next = tokens[i + 1];
        if (gender !== undefined && next?.kind === 'word' && next.cap) {
          // "Mrs Sarah Robertson": the honorific tells the full name's gender.
          const after = tokens[i + 2];
          // Two honorifics for one surname ("Mr Robertson", "Miss Robertson") tell nothing.
          const known = this.honorifics.get(next.key);
          this.honorifics.set(next.key, known === undefined || known === gender ? gender : 'unknown');
          if (after?.kind === 'word' && after.cap) this.honorifics.set(`${next.key} ${after.key}`, gender);
        }
      }
      for (const run of nameRuns(tokens)) this.add(run);
    }
  }

  private add(run: readonly Token[]): void {
    let name = stripTitles(run);
    // "Englishman Ian Poulter": an everyday word run into the front of a name.
    while (
      name.length > 2 &&
      this.knowledge.isCommonWord(name[0]!.key) &&
      this.knowledge.givenName(name[0]!.key) === undefined &&
      this.knowledge.givenName(name[1]!.key) !== undefined
    ) {
      name = name.slice(1);
    }
    if (name.length === 0) return;
    const full = name.map(nameText).join(' ');
    if (isOrgName(name, this.knowledge)) {
      this.orgs.push(full);
      return;
    }
    if (name.length < 2) {
      if (name.length === run.length) this.loneWords.add(name[0]!.key);
      return;
    }
    const shape = this.shapeOf(name);
    if (shape === 'none') return;
    if (shape === 'weak') {
      push(this.weakBySurname, name[name.length - 1]!.key, full);
      return;
    }
    this.fullNamesSeen.add(full);
    push(this.bySurname, name[name.length - 1]!.key, full);
    push(this.byGiven, name[0]!.key, full);
  }

  /**
   * How much a run of capitalised words looks like a person's full name: 'strong' with a given
   * name first ("Tony Parks") or with no everyday word in it ("Bav Shergill"); 'weak' when every
   * word could also be an everyday one ("Tiger Woods", "Christmas Day"), which only counts when
   * the surname is used on its own as someone who speaks; 'none' with a verb or preposition in
   * it ("Article Continued Below"), a place word first ("Lake Cowichan") or only places ("East
   * Grinstead"). A place word last ("Villa Park") is weak: "Woods" is a surname too.
   */
  private shapeOf(name: readonly Token[]): 'strong' | 'weak' | 'none' {
    const { knowledge } = this;
    const first = name[0]!;
    const last = name[name.length - 1]!;
    if (knowledge.givenName(first.key) !== undefined || /^\p{Lu}\.?$/u.test(first.text)) return 'strong';
    if (name.some((token) => knowledge.isFunctionWord(token.key))) return 'none';
    if (name.slice(0, -1).some((token) => knowledge.isPlaceWord(token.key))) return 'none';
    if (name.every((token) => knowledge.isPlace(token.key))) return 'none';
    const everyday = (token: Token) =>
      knowledge.isCommonWord(token.key) || knowledge.isPlace(token.key) || knowledge.isPlaceWord(token.key);
    if (everyday(last) || (first.initial === true && everyday(first))) return 'weak';
    return 'strong';
  }

  /**
   * True for a word the article also writes in lowercase, or an everyday sentence opener, unless
   * it is part of a full name in the article ("May" stays a name next to "Theresa May").
   */
  isCommonWord(lower: string): boolean {
    if (this.bySurname.has(lower) || this.byGiven.has(lower)) return false;
    return this.lowercaseWords.has(lower) || COMMON_STARTERS.has(lower);
  }

  /** True when the article writes this word in lowercase somewhere. */
  writesInLowercase(lower: string): boolean {
    return this.lowercaseWords.has(lower);
  }

  /**
   * The full names the article gives for a shorter one: for a surname ("Raab"), every full name
   * ending with it; for a lone given name ("Alexis"), every full name starting with it; for a
   * longer name, the full names ending with it ("Jong-un Kim" never, "Kim Jong-un" for itself).
   */
  fullNames(name: string): readonly string[] {
    const parts = name.split(' ');
    const last = parts[parts.length - 1]!.toLowerCase();
    const bySurname = (this.bySurname.get(last) ?? []).filter(
      (full) =>
        full.length > name.length && full.endsWith(name) && full[full.length - name.length - 1] === ' ',
    );
    if (bySurname.length > 0 || parts.length > 1) return bySurname;
    const weak = this.weakBySurname.get(last) ?? [];
    if (weak.length > 0) return weak;
    // A lone given name ("Alexis posted") stands for the full name it starts; a lone place or
    // team word ("Dundee") does not stand for "Dundee United".
    if (this.knowledge.givenName(last) === undefined) return [];
    return this.byGiven.get(last) ?? [];
  }

  /**
   * The fullest form of a person's name in the article ("Raab" → "Dominic Raab"), or the name
   * itself when the article gives no fuller one. `gender` picks among several ("Mr Robertson").
   */
  fullName(name: string, gender?: Gender): string {
    const found = this.fullNames(name);
    // "Mr Robertson" is not Summer Robertson, even when she is the only Robertson named in full:
    // with an honorific, the full name's gender must be known to agree.
    if (found.length === 1)
      return gender === undefined || this.genderOf(found[0]!) === gender ? found[0]! : name;
    if (found.length > 1 && gender !== undefined) {
      const fitting = found.filter((full) => {
        const known = this.genderOf(full);
        return known === undefined || known === gender;
      });
      if (fitting.length === 1) return fitting[0]!;
    }
    return name;
  }

  /** True when a full name is one of the doubtful ones ("Tiger Woods"), see {@link fullNames}. */
  isWeak(fullName: string): boolean {
    const parts = fullName.split(' ');
    return this.weakBySurname.get(parts[parts.length - 1]!.toLowerCase())?.includes(fullName) === true;
  }

  /** True when the article names a person this way mid-sentence somewhere. */
  isFullName(name: string): boolean {
    return this.fullNamesSeen.has(name);
  }

  /** True when the article also calls the person by their given name alone ("Michael said"). */
  calledByGivenName(fullName: string): boolean {
    const first = fullName.split(' ')[0]!.toLowerCase();
    return this.loneWords.has(first) && !this.bySurname.has(first);
  }

  /** True when a short name could stand for more than one full name in the article. */
  isAmbiguous(name: string): boolean {
    return this.fullNames(name).length > 1;
  }

  /** The gender an honorific or the given name tells for a full name, if either does. */
  genderOf(fullName: string): Gender | undefined {
    const parts = fullName.toLowerCase().split(' ');
    const titled = HONORIFIC_GENDER.get(parts[0]!);
    if (titled !== undefined && parts.length > 1) return titled;
    if (parts.length >= 2) {
      const honorific = this.honorifics.get(parts.slice(-2).join(' '));
      if (honorific !== undefined && honorific !== 'unknown') return honorific;
      const given = this.knowledge.givenName(parts[0]!);
      if (given === 'male' || given === 'female') return given;
    }
    const votes = this.genderVotes.get(fullName) ?? 0;
    if (votes !== 0) return votes > 0 ? 'male' : 'female';
    // "Mr Robertson" tells the gender of a lone surname, not of "Summer Robertson".
    const honorific = parts.length === 1 ? this.honorifics.get(parts[0]!) : undefined;
    return honorific === 'unknown' ? undefined : honorific;
  }

  /** Counts a gendered pronoun for a person (positive male, negative female). */
  vote(fullName: string, delta: number): void {
    this.genderVotes.set(fullName, (this.genderVotes.get(fullName) ?? 0) + delta);
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

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else if (!list.includes(value) && list.length < MAX_PER_SURNAME) {
    // "Mike Pompeo" and "Mike R. Pompeo" are one person: keep the longer spelling only.
    const shorter = list.findIndex((known) => sameWithMore(value, known));
    if (shorter !== -1) list[shorter] = value;
    else if (!list.some((known) => sameWithMore(known, value))) list.push(value);
  }
}

/** True when `longer` has the first and last word of `shorter` with more in between. */
function sameWithMore(longer: string, shorter: string): boolean {
  const a = longer.split(' ');
  const b = shorter.split(' ');
  return a.length > b.length && a[0] === b[0] && a[a.length - 1] === b[b.length - 1];
}
