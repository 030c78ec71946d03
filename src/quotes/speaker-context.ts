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
  /** For a credit passed on from another quotation: the confidence of the attribution it came from. */
  source?: number;
}

/** No speaker at all. */
export const NOBODY: Credit = { speaker: null, confidence: 0, kind: 'none' };

/** Below this, a reading is too unsure to become what later pronouns stand for. */
const NOTICE_CONFIDENCE = 0.6;
/** How many sentences the person in focus stays the first choice for a pronoun. */
const FOCUS_SENTENCES = 3;
/** How many sentences the person last quoted stays a candidate for a pronoun. */
const SPEAKER_SENTENCES = 8;
/** How many recent people a pronoun may reach back over. */
const PRONOUN_REACH = 6;
const MALE_WORDS = new Set(['he', 'his', 'him', 'himself']);
const FEMALE_WORDS = new Set(['she', 'her', 'hers', 'herself']);
/** Written words an organisation issues: "the statement said". */
export const DOCUMENT_HEADS: ReadonlySet<string> = new Set([
  'statement',
  'letter',
  'release',
  'notice',
  'email',
  'message',
  'post',
  'tweet',
]);
const CAPITALISED = /^\p{Lu}/u;
/** Heads of descriptions that stand for a sports team: "the club said". */
const TEAM_HEADS = new Set(['club', 'team', 'side']);
const INDEFINITE_ARTICLES: ReadonlySet<string> = new Set(['a', 'an']);
/** Determiners that may open a sentence with a capital: "The team's director" is no named body. */
const NAMED_DETERMINERS: ReadonlySet<string> = new Set(['the', 'this', 'that', 'these', 'those']);
const INDEFINITE = new Set(['a', 'an', 'one', 'another', 'some', 'two', 'three', 'several', 'many']);
const POSSESSIVE_DETERMINERS = new Set(['his', 'her', 'their', 'its', 'our', 'my', 'your']);

/** How sure each way of reaching a speaker is. */
const CONFIDENCE = {
  /** A pronoun for the person in focus (subject or speaker of this or the last sentence), gender agreeing. */
  pronounFocusKnown: 0.88,
  /** The same, the person's gender unknown. */
  pronounFocusUnknown: 0.78,
  /** A pronoun for the person last quoted, gender agreeing, when the focus does not fit. */
  pronounSpeakerKnown: 0.8,
  /** The same, the person's gender unknown and nobody else lately named having it. */
  pronounSpeakerUnknown: 0.7,
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
  /** "the statement said" for the organisation last named, further back than the last sentence. */
  document: 0.55,
  /** The same for the organisation in subject position in this sentence or the last. */
  recentDocument: 0.7,
  /** "it said", "the statement said" for the organisation quoted lately: kept of its confidence. */
  quotedOrganisationPronoun: 0.9,
  /** "the company" for the organisation the article names. */
  organisationDescription: 0.75,
  /** "the ministry" when no organisation has been in the news yet: a body the article leaves unnamed. */
  unnamedBody: 0.65,
  /**
   * "Hartmann Racing spokesman": a role named by the body it serves, which the article ties to
   * no person: the description is the speaker. ("Smith's lawyer" may be named elsewhere: no.)
   */
  namedRole: 0.65,
  /** "the minister" with no minister named: most likely someone named whom we could not tie. */
  definite: 0.45,
} as const;

/** Salience and name knowledge for one article. */
export class SpeakerContext {
  readonly names: NameIndex;
  readonly recognizer: SpeakerRecognizer;
  private readonly roles = new Map<string, string>();
  private readonly recentPeople: string[] = [];
  /** The organisation last in subject position or credited, and how many sentences ago. */
  private lastOrg: Credit | null = null;
  private orgAge = 0;
  /** The organisation last credited with a quotation, and how many sentences ago. */
  private quotedOrg: Credit | null = null;
  private quotedOrgAge = 0;
  /** The sports team last in subject position or credited: whom "the club" stands for. */
  private lastTeam: Credit | null = null;
  private lastGroup: string | null = null;
  private groupAge = 0;
  /** The person last in subject position or credited, and how many sentences ago. */
  private focus: string | null = null;
  private focusAge = 0;
  /** The person last credited with a quotation, and how many sentences ago. */
  private speaker: string | null = null;
  private speakerAge = 0;
  /** True when someone other than that person has been named since their quotation. */
  private namedSinceQuoted = false;

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
    this.speakerAge++;
    this.orgAge++;
    this.quotedOrgAge++;
    this.groupAge++;
  }

  /** The person most recently in subject position or credited with a quotation. */
  get salientPerson(): string | null {
    return this.recentPeople[this.recentPeople.length - 1] ?? null;
  }

  /** The person credited with a quotation in the last few sentences, if any. */
  get lastQuoted(): string | null {
    return this.speakerAge <= SPEAKER_SENTENCES ? this.speaker : null;
  }

  /** The person last quoted, when nobody else has been named since. */
  get soleVoice(): string | null {
    return this.namedSinceQuoted ? null : this.lastQuoted;
  }

  /** True when the article has spoken of one person only so far: they are whom a quotation is by. */
  get onlyOnePerson(): boolean {
    return this.recentPeople.length === 1;
  }

  /** Notes the roles named next to a person ("Foreign Minister Dominic Raab", "Raab, the minister"). */
  noteRoles(tokens: readonly Token[], runs: readonly (readonly Token[])[] = nameRuns(tokens)): void {
    // Where each run starts, found in one pass: a long run-together sentence holds many names.
    const index = new Map<Token, number>();
    if (runs.length > 0) tokens.forEach((token, i) => index.set(token, i));
    for (const run of runs) {
      const name = stripTitles(run, this.names.isGivenName);
      if (name.length === 0 || isOrgName(name, this.knowledge)) continue;
      // Most runs are a name alone, with no role before it.
      const at = index.get(run[0]!)!;
      const prev = tokens[at - 1];
      if (name.length === run.length && !(prev !== undefined && !prev.cap && this.isRole(prev))) continue;
      const full = this.names.fullName(name.map(nameText).join(' '));
      for (const token of run.slice(0, run.length - name.length)) {
        if (TITLE_WORDS.has(token.lower) || PERSON_ROLES.has(token.lower)) this.roles.set(token.lower, full);
      }
      // "consultant dermatologist Bav Shergill": lowercase role words just before the name.
      for (let k = at - 1; k >= Math.max(0, at - 3); k--) {
        const token = tokens[k]!;
        // "…director told Mr Weber": a verb between ends the role words.
        if (token.kind !== 'word' || token.cap || REPORTING_VERBS.has(token.lower)) break;
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
      const name = stripTitles(run, this.names.isGivenName);
      if (name.length === 0 || isOrgName(name, this.knowledge)) continue;
      const full = this.names.fullName(name.map(nameText).join(' '));
      // "Yuni, a resident of Lampung, was…": a single name set beside a person's role is a person.
      if (name.length === 1 && full === nameText(name[0]!) && INDEFINITE_ARTICLES.has(tokens[i + 2]!.lower)) {
        const role = tokens.slice(i + 3, i + 6).some((token) => this.isRole(token));
        if (role) this.recognizer.vouch(full);
      }
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

  private isRole(token: Token): boolean {
    return token.kind === 'word' && (PERSON_ROLES.has(token.lower) || this.knowledge.isRoleNoun(token.lower));
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
      // "…, he said." credits a speaker, who need not be the sentence's subject; "She added…"
      // opening the sentence is the subject.
      const next = tokens[i + 1];
      const credits = i > 0 && next !== undefined && REPORTING_VERBS.has(next.lower);
      if (!credits) votes += male ? 1 : -1;
      // Past a pronoun as past the name, the next name may be whom further pronouns stand for
      // ("She added that the farm hopes to keep Ben … he will…").
      seen = true;
    }
    if (votes !== 0) this.names.vote(person, votes);
  }

  private gender(person: string): Gender | undefined {
    return this.names.genderOf(person);
  }

  /**
   * Turns a mention into a speaker, resolving names, pronouns and descriptions. `quoting` when
   * the mention credits a quotation ("“…,” he said"), where a pronoun most likely stands for the
   * person quoting on; a sentence's subject ("He said the PM…") may as well be someone just named.
   */
  resolve(mention: Mention | null, quoting = false): Credit {
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
          // "they" is a group or an organisation, whichever the article spoke of last.
          const org = this.organisationCredit();
          if (this.lastGroup !== null && (org.speaker === null || this.groupAge <= this.orgAge))
            return { speaker: this.lastGroup, confidence: CONFIDENCE.group, kind: 'group' };
          return org;
        }
        return this.personFor(mention.pronoun === 'she' ? 'female' : 'male', quoting);
      case 'description': {
        const named = this.titledSurname(mention);
        return named === null ? this.describe(mention) : this.resolve(named);
      }
    }
  }

  /**
   * "Judge Philip Head", read as titles only: a title word closing a run after a given name is
   * the person's surname.
   */
  private titledSurname(mention: Extract<Mention, { kind: 'description' }>): Mention | null {
    if (!TITLE_WORDS.has(mention.head)) return null;
    const words = mention.text.split(' ');
    const n = words.length;
    if (n < 2 || !CAPITALISED.test(words[n - 1]!) || !CAPITALISED.test(words[n - 2]!)) return null;
    if (!this.names.isGivenName(words[n - 2]!.toLowerCase())) return null;
    let from = n - 2;
    while (from > 0 && CAPITALISED.test(words[from - 1]!) && !TITLE_WORDS.has(words[from - 1]!.toLowerCase()))
      from--;
    return { kind: 'person', name: words.slice(from).join(' '), initial: false, titled: from > 0 };
  }

  /**
   * The organisation "it" or "they" stands for: the one quoting on, unless another took the
   * subject since; else the one last in subject position.
   */
  private organisationCredit(): Credit {
    const quoted = this.recentlyQuotedOrg();
    const org = this.lastOrg;
    const named =
      org === null ? NOBODY : { ...org, confidence: org.confidence * CONFIDENCE.organisationPronoun };
    if (quoted === null) return named;
    const newer = org !== null && org.speaker !== quoted.speaker && this.orgAge < this.quotedOrgAge;
    if (newer && this.orgAge <= 1) return named;
    const quoting = { ...quoted, confidence: quoted.confidence * CONFIDENCE.quotedOrganisationPronoun };
    // The same organisation both ways: as sure as the surer reading.
    return named.speaker === quoting.speaker && named.confidence > quoting.confidence ? named : quoting;
  }

  private recentlyQuotedOrg(): Credit | null {
    return this.quotedOrgAge <= SPEAKER_SENTENCES ? this.quotedOrg : null;
  }

  /**
   * "the statement said", "the letter reads": the organisation quoting on, or the one just in
   * subject position; only likely when it was further back. "Her statement" is hers.
   */
  private document(first: string): Credit {
    if (first === 'his' || first === 'her') return this.personFor(first === 'his' ? 'male' : 'female');
    if (first === 'their') return this.resolve({ kind: 'pronoun', pronoun: 'they' });
    const quoted = this.recentlyQuotedOrg();
    if (quoted !== null)
      return { ...quoted, confidence: quoted.confidence * CONFIDENCE.quotedOrganisationPronoun };
    const org = this.lastOrg;
    if (org === null) return NOBODY;
    const sure = this.orgAge <= 1 ? CONFIDENCE.recentDocument : CONFIDENCE.document;
    return { ...org, confidence: Math.min(org.confidence, sure) };
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
    if (DOCUMENT_HEADS.has(mention.head) && !INDEFINITE.has(first)) return this.document(first);
    if (mention.refers === 'unknown') {
      // A head noun the word lists lack: a role noun speaks as a person, a plural noun as a group;
      // anything else ("which", "Even", "the details") is no speaker.
      const head = mention.head;
      if (/^\p{Ll}/u.test(head) && this.knowledge.isRoleNoun(head))
        return this.describe({ ...mention, refers: 'person' });
      const singular = head.endsWith('s') ? head.slice(0, -1) : '';
      if (singular.length > 2 && this.knowledge.isRoleNoun(singular))
        return this.describe({ ...mention, refers: 'group' });
      // "One major donor, who declined to be named, told…": someone the article will not name,
      // whatever the noun; but "the details" is no speaker.
      if (
        INDEFINITE.has(first) &&
        head !== first &&
        /^\p{Ll}+$/u.test(head) &&
        !this.knowledge.isFunctionWord(head)
      )
        return this.described(mention.text, first);
      return NOBODY;
    }
    if (mention.refers === 'person') return this.described(mention.text, first);
    if (mention.refers === 'org') {
      const org =
        (ORG_WORDS.has(mention.head) ? this.names.orgEndingWith(mention.head) : null) ??
        (TEAM_HEADS.has(mention.head) ? this.lastTeam?.speaker : null) ??
        this.lastOrg?.speaker ??
        null;
      if (org !== null && !INDEFINITE.has(first))
        return { speaker: org, confidence: CONFIDENCE.organisationDescription, kind: 'organisation' };
      // "“…,” the ministry said in a statement", no body in the news yet: the article names none
      // it could stand for, so the description is the speaker.
      if (first === 'the' && this.lastOrg === null)
        return { speaker: mention.text, confidence: CONFIDENCE.unnamedBody, kind: 'description' };
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
        : CAPITALISED.test(text) && text.includes(' ') && !NAMED_DETERMINERS.has(first)
          ? CONFIDENCE.namedRole
          : CONFIDENCE.definite;
    return { speaker: text, confidence, kind: 'description' };
  }

  /**
   * The person a pronoun of this gender stands for, and how sure that is: the person in focus
   * (subject or speaker of one of the last few sentences) when the gender fits, else the person
   * last mentioned whose gender fits, less sure when another one fits too.
   */
  private personFor(gender: Gender, quoting = true): Credit {
    const focus = this.focus;
    if (focus !== null && this.focusAge <= FOCUS_SENTENCES) {
      const known = this.gender(focus);
      if (known === gender)
        return { speaker: focus, confidence: CONFIDENCE.pronounFocusKnown, kind: 'person' };
      if (known === undefined)
        return { speaker: focus, confidence: CONFIDENCE.pronounFocusUnknown, kind: 'person' };
    }
    // "“…,” he said" after a run of quotations: the person quoting on, rather than someone
    // merely named in between (a caption, a list of team-mates).
    const speaker = this.speaker;
    if (quoting && speaker !== null && this.speakerAge <= SPEAKER_SENTENCES) {
      const known = this.gender(speaker);
      if (known === gender) return { speaker, confidence: CONFIDENCE.pronounSpeakerKnown, kind: 'person' };
      if (known === undefined && !this.rivalOf(speaker, gender))
        return { speaker, confidence: CONFIDENCE.pronounSpeakerUnknown, kind: 'person' };
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

  /** True when someone else named lately has the gender a pronoun asks for. */
  private rivalOf(person: string, gender: Gender): boolean {
    const people = this.recentPeople;
    for (let i = people.length - 1; i >= Math.max(0, people.length - 3); i--) {
      if (people[i] !== person && this.gender(people[i]!) === gender) return true;
    }
    return false;
  }

  /**
   * Records the speaker credited with a quotation: the person quoting on stays whom "he said"
   * stands for over the sentences of their quotations.
   */
  quoted(credit: Credit): void {
    if (credit.speaker === null || credit.confidence < NOTICE_CONFIDENCE) return;
    if (credit.kind === 'person') {
      this.speaker = credit.speaker;
      this.speakerAge = 0;
      this.namedSinceQuoted = false;
    } else if (credit.kind === 'organisation') {
      this.quotedOrg = credit;
      this.quotedOrgAge = 0;
    }
    this.notice(credit);
  }

  /**
   * Records a person named anywhere in a sentence ("…designed by artist Giles Walker"): a later
   * pronoun may stand for them, but they do not take the focus from the sentence's subject.
   */
  mention(person: string): void {
    if (person !== this.speaker) this.namedSinceQuoted = true;
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
      // Named again through "it" or a run of its quotations, it is no less sure than when named.
      if (this.lastOrg?.speaker !== resolved || this.lastOrg.confidence < credit.confidence)
        this.lastOrg = credit;
      this.orgAge = 0;
      if (this.knowledge.isSportsTeam(resolved.toLowerCase().replace(/^the /, ''))) this.lastTeam = credit;
    } else if (credit.kind === 'group') {
      this.lastGroup = resolved;
      this.groupAge = 0;
    }
  }
}
