/**
 * What the extractor knows while it reads an article front to back: the people lately in subject
 * position or credited with a quotation (for "he said", with their gender as pronouns and
 * honorifics reveal it), the organisation and group last in subject position (for "it said",
 * "they said"), and which person holds which role (for "the minister said").
 */
import { ORG_WORDS, PERSON_ROLES, REPORTING_VERBS, TITLE_WORDS } from './lexicon.js';
import { NameIndex, nameText, type Gender } from './name-index.js';
import { isNameWord, isOrgName, isPossessive, nameRuns, stripTitles, type Mention } from './noun-phrases.js';
import type { Token } from './sentence-tokens.js';

/** How many recent people a pronoun may reach back over. */
const PRONOUN_REACH = 6;
const MALE_WORDS = new Set(['he', 'his', 'him', 'himself']);
const FEMALE_WORDS = new Set(['she', 'her', 'hers', 'herself']);

/** Salience and name knowledge for one article. */
export class SpeakerContext {
  readonly names: NameIndex;
  private readonly roles = new Map<string, string>();
  private readonly recentPeople: string[] = [];
  /** Pronoun votes per person: positive leans male, negative female. */
  private readonly genderVotes = new Map<string, number>();
  private lastOrg: string | null = null;
  private lastGroup: string | null = null;

  constructor(paragraphs: readonly (readonly Token[])[]) {
    this.names = new NameIndex(paragraphs);
  }

  /** The person most recently in subject position or credited with a quotation. */
  get salientPerson(): string | null {
    return this.recentPeople[this.recentPeople.length - 1] ?? null;
  }

  /** Notes the roles named next to a person ("Foreign Minister Dominic Raab", "Raab, the minister"). */
  noteRoles(tokens: readonly Token[]): void {
    for (const run of nameRuns(tokens)) {
      const name = stripTitles(run);
      if (name.length === 0 || name.length === run.length || isOrgName(name)) continue;
      const full = this.names.fullName(name.map(nameText).join(' '));
      for (const token of run.slice(0, run.length - name.length)) {
        if (TITLE_WORDS.has(token.lower) || PERSON_ROLES.has(token.lower)) this.roles.set(token.lower, full);
      }
    }
    // Appositives: "Name, the company's spokesperson, said".
    for (let i = 0; i + 2 < tokens.length; i++) {
      if (tokens[i + 1]!.text !== ',' || tokens[i]!.kind !== 'word' || isPossessive(tokens[i]!)) continue;
      const runs = nameRuns(tokens, Math.max(0, i - 4), i + 1);
      const run = runs[runs.length - 1];
      if (run === undefined || run[run.length - 1] !== tokens[i]) continue;
      const name = stripTitles(run);
      if (name.length === 0 || isOrgName(name)) continue;
      const full = this.names.fullName(name.map(nameText).join(' '));
      for (let k = i + 2; k < Math.min(tokens.length, i + 12); k++) {
        const token = tokens[k]!;
        if (token.kind !== 'word') break;
        if (PERSON_ROLES.has(token.lower) || TITLE_WORDS.has(token.lower)) this.roles.set(token.lower, full);
      }
    }
  }

  /**
   * Counts the gendered pronouns of a sentence whose subject is `person`, up to the next other
   * name: past it, a pronoun may as well stand for that one ("…noted that Putin's stance … his").
   */
  noteGender(person: string, tokens: readonly Token[]): void {
    const own = new Set(person.toLowerCase().split(' '));
    let votes = this.genderVotes.get(person) ?? 0;
    let seen = false;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      const isOwn = token.cap && own.has(token.key);
      // "…, he said." credits a speaker, who need not be the sentence's subject.
      const credits = tokens[i + 1] !== undefined && REPORTING_VERBS.has(tokens[i + 1]!.lower);
      if (isOwn) seen = true;
      else if (seen && isNameWord(token)) break;
      else if (credits) continue;
      else if (MALE_WORDS.has(token.lower)) votes++;
      else if (FEMALE_WORDS.has(token.lower)) votes--;
    }
    this.genderVotes.set(person, votes);
  }

  private gender(person: string): Gender | undefined {
    const honorific = this.names.honorificGender(person);
    if (honorific !== undefined) return honorific;
    const votes = this.genderVotes.get(person) ?? 0;
    return votes > 0 ? 'male' : votes < 0 ? 'female' : undefined;
  }

  /** Turns a mention into a speaker name, resolving pronouns and descriptions. */
  resolve(mention: Mention | null): string | null {
    if (mention === null) return null;
    switch (mention.kind) {
      case 'person':
        return this.names.fullName(mention.name);
      case 'org':
        return mention.name;
      case 'pronoun':
        if (mention.pronoun === 'it') return this.lastOrg;
        if (mention.pronoun === 'they') return this.lastGroup ?? this.lastOrg;
        return this.personFor(mention.pronoun === 'she' ? 'female' : 'male');
      case 'description':
        if (mention.refers === 'person')
          return this.roles.get(mention.head) ?? this.salientPerson ?? mention.text;
        if (mention.refers === 'org' && ORG_WORDS.has(mention.head)) {
          return this.names.orgEndingWith(mention.head) ?? mention.text;
        }
        return mention.text;
    }
  }

  /** The most recent person a pronoun of this gender can stand for. */
  private personFor(gender: Gender): string | null {
    const people = this.recentPeople;
    for (let i = people.length - 1; i >= Math.max(0, people.length - PRONOUN_REACH); i--) {
      const known = this.gender(people[i]!);
      if (known === undefined || known === gender) return people[i]!;
    }
    return this.salientPerson;
  }

  /** Records a resolved subject or speaker as the most salient one of its kind. */
  notice(mention: Mention | null, resolved: string | null): void {
    if (mention === null || resolved === null) return;
    const kind = mention.kind === 'description' ? mention.refers : mention.kind;
    if (
      kind === 'person' ||
      (kind === 'pronoun' && mention.kind === 'pronoun' && ['he', 'she'].includes(mention.pronoun))
    ) {
      const at = this.recentPeople.lastIndexOf(resolved);
      if (at !== -1) this.recentPeople.splice(at, 1);
      this.recentPeople.push(resolved);
      if (this.recentPeople.length > 4 * PRONOUN_REACH) this.recentPeople.splice(0, PRONOUN_REACH);
    } else if (kind === 'org') {
      this.lastOrg = resolved;
    } else if (kind === 'group') {
      this.lastGroup = resolved;
    }
  }
}
