/**
 * What the extractor knows while it reads an article front to back: the people lately in subject
 * position or credited with a quotation (for "he said", with their gender as given names,
 * honorifics and pronouns reveal it), the organisation and group last in subject position (for
 * "it said", "they said"), and which person holds which role (for "the minister said").
 *
 * Every answer is a {@link Credit}: a speaker and how sure the reading is. A description the
 * article never ties to a name stays that description ("a spokesperson"), and one that most
 * likely stands for someone named but could not be tied to them ("the minister") is given with
 * low confidence, never silently replaced by whoever was mentioned last.
 */
import { ORG_WORDS, PERSON_ROLES, REPORTING_VERBS, TITLE_WORDS } from './lexicon.js';
import { NameIndex, nameText, type Gender } from './name-index.js';
import type { NameKnowledge } from './name-knowledge.js';
import { isNameWord, isOrgName, isPossessive, nameRuns, stripTitles, type Mention } from './noun-phrases.js';
import type { Token } from './sentence-tokens.js';
import { SpeakerRecognizer } from './speaker-recognizer.js';

/** A speaker for a quotation and how sure the extractor is of it (0 to 1). */
export interface Credit {
  speaker: string | null;
  confidence: number;
  /** What the speaker is: pronouns can stand for people and organisations, descriptions for neither. */
  kind: 'person' | 'organisation' | 'group' | 'description' | 'none';
}

/** No speaker at all. */
export const NOBODY: Credit = { speaker: null, confidence: 0, kind: 'none' };

/** Below this, a reading is too unsure to become what later pronouns stand for. */
const NOTICE_CONFIDENCE = 0.6;
/** How many sentences the person in focus stays the first choice for a pronoun. */
const FOCUS_SENTENCES = 3;
/** How many recent people a pronoun may reach back over. */
const PRONOUN_REACH = 6;
const MALE_WORDS = new Set(['he', 'his', 'him', 'himself']);
const FEMALE_WORDS = new Set(['she', 'her', 'hers', 'herself']);
/** Written words an organisation issues: "the statement said". */
const DOCUMENT_HEADS = new Set([
  'statement',
  'letter',
  'release',
  'notice',
  'email',
  'message',
  'post',
  'tweet',
]);
const INDEFINITE = new Set(['a', 'an', 'one', 'another', 'some', 'two', 'three', 'several', 'many']);
const POSSESSIVE_DETERMINERS = new Set(['his', 'her', 'their', 'its', 'our', 'my', 'your']);

/** How sure each way of reaching a speaker is. */
const CONFIDENCE = {
  /** A pronoun for the person in focus (subject or speaker of this or the last sentence), gender agreeing. */
  pronounFocusKnown: 0.88,
  /** The same, the person's gender unknown. */
  pronounFocusUnknown: 0.78,
  /** A pronoun for a person further back whose gender is known and agrees. */
  pronounKnownGender: 0.75,
  /** A pronoun for a person further back whose gender is unknown. */
  pronounUnknownGender: 0.58,
  /** Taken off when another person the pronoun could stand for was mentioned just before. */
  pronounRival: 0.2,
  /** "it"/"they" for the organisation last in subject position: kept of that organisation's confidence. */
  organisationPronoun: 0.78,
  /** "the minister" for the person the article gave that role. */
  role: 0.85,
  /** "a spokesperson", "one witness": the article names nobody, so the description is the speaker. */
  indefinite: 0.8,
  /** "police", "South Korean officials": a group as the speaker. */
  group: 0.7,
  /** "his lawyer": someone the article may name elsewhere. */
  possessive: 0.55,
  /** "the statement said" for the organisation last named. */
  document: 0.55,
  /** "the company" for the organisation the article names. */
  organisationDescription: 0.75,
  /** "the minister" with no minister named: most likely someone named whom we could not tie. */
  definite: 0.45,
} as const;

/** Salience and name knowledge for one article. */
export class SpeakerContext {
  readonly names: NameIndex;
  readonly recognizer: SpeakerRecognizer;
  private readonly roles = new Map<string, string>();
  private readonly recentPeople: string[] = [];
  private lastOrg: Credit | null = null;
  private lastGroup: string | null = null;
  /** The person last in subject position or credited, and how many sentences ago. */
  private focus: string | null = null;
  private focusAge = 0;

  constructor(
    paragraphs: readonly (readonly Token[])[],
    private readonly knowledge: NameKnowledge,
  ) {
    this.names = new NameIndex(paragraphs, knowledge);
    this.recognizer = new SpeakerRecognizer(knowledge, this.names);
  }

  /** Marks the end of a sentence: the person in focus grows older. */
  endSentence(): void {
    this.focusAge++;
  }

  /** The person most recently in subject position or credited with a quotation. */
  get salientPerson(): string | null {
    return this.recentPeople[this.recentPeople.length - 1] ?? null;
  }

  /** True when the article has spoken of one person only so far: they are whom a quotation is by. */
  get onlyOnePerson(): boolean {
    return this.recentPeople.length === 1;
  }

  /** Notes the roles named next to a person ("Foreign Minister Dominic Raab", "Raab, the minister"). */
  noteRoles(tokens: readonly Token[], runs: readonly (readonly Token[])[] = nameRuns(tokens)): void {
    for (const run of runs) {
      const name = stripTitles(run);
      if (name.length === 0 || name.length === run.length || isOrgName(name, this.knowledge)) continue;
      const full = this.names.fullName(name.map(nameText).join(' '));
      for (const token of run.slice(0, run.length - name.length)) {
        if (TITLE_WORDS.has(token.lower) || PERSON_ROLES.has(token.lower)) this.roles.set(token.lower, full);
      }
      // "consultant dermatologist Bav Shergill": lowercase role words just before the name.
      const at = tokens.indexOf(run[0]!);
      for (let k = at - 1; k >= Math.max(0, at - 3); k--) {
        const token = tokens[k]!;
        if (token.kind !== 'word' || token.cap) break;
        if (PERSON_ROLES.has(token.lower) || this.knowledge.isRoleNoun(token.lower))
          this.roles.set(token.lower, full);
      }
    }
    // Appositives: "Name, the company's spokesperson, said".
    for (let i = 0; i + 2 < tokens.length; i++) {
      if (tokens[i + 1]!.text !== ',' || tokens[i]!.kind !== 'word' || isPossessive(tokens[i]!)) continue;
      const runs = nameRuns(tokens, Math.max(0, i - 4), i + 1);
      const run = runs[runs.length - 1];
      if (run === undefined || run[run.length - 1] !== tokens[i]) continue;
      const name = stripTitles(run);
      if (name.length === 0 || isOrgName(name, this.knowledge)) continue;
      const full = this.names.fullName(name.map(nameText).join(' '));
      for (let k = i + 2; k < Math.min(tokens.length, i + 12); k++) {
        const token = tokens[k]!;
        if (token.kind !== 'word') break;
        if (
          PERSON_ROLES.has(token.lower) ||
          TITLE_WORDS.has(token.lower) ||
          this.knowledge.isRoleNoun(token.lower)
        )
          this.roles.set(token.lower, full);
      }
    }
  }

  /**
   * Counts the gendered pronouns of a sentence whose subject is `person`, up to the next other
   * name: past it, a pronoun may as well stand for that one ("…noted that Putin's stance … his").
   */
  noteGender(person: string, tokens: readonly Token[]): void {
    // Most sentences have no gendered pronoun at all: nothing to count, nothing to build.
    if (!tokens.some((token) => MALE_WORDS.has(token.lower) || FEMALE_WORDS.has(token.lower))) return;
    const own = new Set(person.toLowerCase().split(' '));
    let votes = 0;
    let seen = false;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (token.cap && own.has(token.key)) {
        seen = true;
        continue;
      }
      if (seen && isNameWord(token)) break;
      const male = MALE_WORDS.has(token.lower);
      if (!male && !FEMALE_WORDS.has(token.lower)) continue;
      // "…, he said." credits a speaker, who need not be the sentence's subject.
      const next = tokens[i + 1];
      if (next !== undefined && REPORTING_VERBS.has(next.lower)) continue;
      votes += male ? 1 : -1;
    }
    if (votes !== 0) this.names.vote(person, votes);
  }

  private gender(person: string): Gender | undefined {
    return this.names.genderOf(person);
  }

  /** Turns a mention into a speaker, resolving names, pronouns and descriptions. */
  resolve(mention: Mention | null): Credit {
    if (mention === null) return NOBODY;
    switch (mention.kind) {
      case 'person': {
        const found = this.recognizer.person(
          mention.name,
          mention.gender,
          mention.initial !== false,
          mention.titled === true,
        );
        return found === null
          ? NOBODY
          : { speaker: found.name, confidence: found.strength, kind: found.kind };
      }
      case 'org': {
        const found = this.recognizer.organisation(mention.name);
        return found === null
          ? NOBODY
          : { speaker: found.name, confidence: found.strength, kind: found.kind };
      }
      case 'pronoun':
        if (mention.pronoun === 'it') return this.organisationCredit();
        if (mention.pronoun === 'they') {
          if (this.lastGroup !== null)
            return { speaker: this.lastGroup, confidence: CONFIDENCE.group, kind: 'group' };
          return this.organisationCredit();
        }
        return this.personFor(mention.pronoun === 'she' ? 'female' : 'male');
      case 'description':
        return this.describe(mention);
    }
  }

  private organisationCredit(): Credit {
    const org = this.lastOrg;
    return org === null ? NOBODY : { ...org, confidence: org.confidence * CONFIDENCE.organisationPronoun };
  }

  private describe(mention: Extract<Mention, { kind: 'description' }>): Credit {
    const first = mention.text.split(' ')[0]!.toLowerCase();
    const named = this.roles.get(mention.head);
    if (
      named !== undefined &&
      !INDEFINITE.has(first) &&
      mention.refers !== 'org' &&
      mention.refers !== 'group'
    )
      return { speaker: named, confidence: CONFIDENCE.role, kind: 'person' };
    if (DOCUMENT_HEADS.has(mention.head) && !INDEFINITE.has(first)) {
      // "the statement said", "the letter reads": most likely the organisation last named, but
      // only likely: the article seldom says whose letter it is in the same sentence.
      return this.lastOrg === null
        ? NOBODY
        : { ...this.lastOrg, confidence: Math.min(this.lastOrg.confidence, CONFIDENCE.document) };
    }
    if (mention.refers === 'unknown') {
      // A head noun the word lists lack: a role noun speaks as a person, a plural noun as a group;
      // anything else ("which", "Even", "the details") is no speaker.
      const head = mention.head;
      if (/^\p{Ll}/u.test(head) && this.knowledge.isRoleNoun(head))
        return this.describe({ ...mention, refers: 'person' });
      const singular = head.endsWith('s') ? head.slice(0, -1) : '';
      if (singular.length > 2 && this.knowledge.isRoleNoun(singular))
        return this.describe({ ...mention, refers: 'group' });
      return NOBODY;
    }
    if (mention.refers === 'person') return this.described(mention.text, first);
    if (mention.refers === 'org') {
      const org =
        (ORG_WORDS.has(mention.head) ? this.names.orgEndingWith(mention.head) : null) ??
        this.lastOrg?.speaker ??
        null;
      if (org !== null && !INDEFINITE.has(first))
        return { speaker: org, confidence: CONFIDENCE.organisationDescription, kind: 'organisation' };
      return this.described(mention.text, first);
    }
    return { speaker: mention.text, confidence: CONFIDENCE.group, kind: 'group' };
  }

  /** A description kept as the speaker, as sure as its determiner makes it that nobody is named. */
  private described(text: string, first: string): Credit {
    const confidence = INDEFINITE.has(first)
      ? CONFIDENCE.indefinite
      : POSSESSIVE_DETERMINERS.has(first) || /['’]s\b/u.test(text)
        ? CONFIDENCE.possessive
        : CONFIDENCE.definite;
    return { speaker: text, confidence, kind: 'description' };
  }

  /**
   * The person a pronoun of this gender stands for, and how sure that is: the person in focus
   * (subject or speaker of one of the last few sentences) when the gender fits, else the person
   * last mentioned whose gender fits, less sure when another one fits too.
   */
  private personFor(gender: Gender): Credit {
    const focus = this.focus;
    if (focus !== null && this.focusAge <= FOCUS_SENTENCES) {
      const known = this.gender(focus);
      if (known === gender)
        return { speaker: focus, confidence: CONFIDENCE.pronounFocusKnown, kind: 'person' };
      if (known === undefined)
        return { speaker: focus, confidence: CONFIDENCE.pronounFocusUnknown, kind: 'person' };
    }
    const people = this.recentPeople;
    let found: string | null = null;
    let confidence = 0;
    for (let i = people.length - 1; i >= Math.max(0, people.length - PRONOUN_REACH); i--) {
      const known = this.gender(people[i]!);
      if (known !== undefined && known !== gender) continue;
      if (found === null) {
        found = people[i]!;
        confidence = known === gender ? CONFIDENCE.pronounKnownGender : CONFIDENCE.pronounUnknownGender;
      } else {
        // Someone else of that gender was in the news just before: "he" may be either.
        if (i >= people.length - 3) confidence -= CONFIDENCE.pronounRival;
        break;
      }
    }
    return found === null ? NOBODY : { speaker: found, confidence, kind: 'person' };
  }

  /**
   * Records a person named anywhere in a sentence ("…designed by artist Giles Walker"): a later
   * pronoun may stand for them, but they do not take the focus from the sentence's subject.
   */
  mention(person: string): void {
    const at = this.recentPeople.lastIndexOf(person);
    if (at !== -1) this.recentPeople.splice(at, 1);
    this.recentPeople.push(person);
    if (this.recentPeople.length > 4 * PRONOUN_REACH) this.recentPeople.splice(0, PRONOUN_REACH);
  }

  /** Records a resolved subject or speaker as the most salient one of its kind. */
  notice(credit: Credit): void {
    const resolved = credit.speaker;
    if (resolved === null || credit.confidence < NOTICE_CONFIDENCE) return;
    if (credit.kind === 'person') {
      this.focus = resolved;
      this.focusAge = 0;
      this.mention(resolved);
    } else if (credit.kind === 'organisation') {
      this.lastOrg = credit;
    } else if (credit.kind === 'group') {
      this.lastGroup = resolved;
    }
  }
}
