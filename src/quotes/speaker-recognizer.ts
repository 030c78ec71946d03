/**
 * Decides whether a name the attribution points at can speak, and how sure that is: a person
 * ("Tony Parks", "Bav Shergill", "Raab" when the article names Dominic Raab), an organisation
 * ("BC Hydro", "Dundee FC", "NATO"), or nobody: an everyday word that opened a sentence ("Being",
 * "Mostly"), a place ("Toronto"), a label in capitals ("EXPERT VERDICT"), page furniture.
 *
 * News introduces people by their full name, so a name of one word is trusted only when the
 * article also gives it in full, or when it is a known organisation; everything else about who
 * may speak comes from the packaged name knowledge (given names, everyday words, places).
 */
import { MEDIA_WORDS, ORG_WORDS } from './lexicon.js';
import type { NameIndex } from './name-index.js';
import type { NameKnowledge } from './name-knowledge.js';

/** A speaker the recognizer accepts, with how sure it is (0 to 1). */
export interface Recognized {
  kind: 'person' | 'organisation';
  name: string;
  strength: number;
}

/** How sure a name of each shape is a speaker. */
const STRENGTH = {
  /** A known given name then a surname: "Tony Parks", "J. P. McManus". */
  givenAndSurname: 0.95,
  /** A surname the article also gives in full. */
  resolvedSurname: 0.92,
  /** Two or more capitalised words that are neither everyday words nor places: "Bav Shergill". */
  nameShaped: 0.85,
  /** An organisation: a known one, an organisation word, an acronym. */
  organisation: 0.85,
  /** "the Harbour Authority": capitalised words after "the". */
  namedBody: 0.75,
  /** One word the article never gives in full, opening its sentence: maybe no name at all. */
  loneWord: 0.5,
  /**
   * The same mid-sentence ("…,” said Pompeo), where its capital marks a name; but as often a team,
   * a town or a firm ("Dundee said") as a person, so still short of the threshold.
   */
  loneWordInSentence: 0.55,
  /** A surname several people in the article share, all but one called by given name elsewhere. */
  sharedSurnameRecent: 0.8,
  /** A surname several people share, taken for the first one the article names. */
  sharedSurnameFirst: 0.7,
  /** A newspaper or broadcaster: more often the reporter of a quotation than its speaker. */
  media: 0.45,
  /** Two words whose first is an everyday word ("Big Ben"), possibly a name all the same. */
  doubtful: 0.4,
  /** Capitalised words ending in an everyday word, with no given name: "Dens Park", "Tiger Woods". */
  commonTail: 0.5,
  /** A lone surname speaking whose full name is made of everyday words ("Woods" for "Tiger Woods"). */
  weakResolved: 0.7,
  /** A surname after Mr, Mrs or Ms, or after a title ("Premier Ford"), that the article names no further. */
  honorificSurname: 0.75,
  /** A known given name on its own, which the article uses as the person's name. */
  givenNameOnly: 0.65,
} as const;

/** Recognizes speakers within one article. */
export class SpeakerRecognizer {
  private readonly people = new Map<string, Recognized | null>();

  constructor(
    private readonly knowledge: NameKnowledge,
    private readonly names: NameIndex,
  ) {}

  /**
   * A person's name as the attribution gives it (titles already removed), resolved to the
   * fullest form in the article; null when it names nobody who can speak.
   */
  person(name: string, gender?: 'male' | 'female', initial = true, titled = false): Recognized | null {
    // The same few names come back sentence after sentence.
    const key = `${gender ?? ''}|${initial ? 1 : 0}${titled ? 1 : 0}|${name}`;
    let found = this.people.get(key);
    if (found === undefined)
      this.people.set(key, (found = this.recognizePerson(name, gender, initial, titled)));
    return found;
  }

  private recognizePerson(
    name: string,
    gender: 'male' | 'female' | undefined,
    initial: boolean,
    titled: boolean,
  ): Recognized | null {
    let words = name.split(' ').filter(Boolean);
    if (words.length === 0 || words.some((word) => this.isLabel(word))) return null;
    words = withoutLeadingWords(words, (word) => this.isNotNameWord(word), this.knowledge);
    if (words.length === 1) return this.oneWord(words[0]!, gender, initial, titled);
    const full = this.names.fullName(words.join(' '), gender);
    if (full !== words.join(' ')) words = full.split(' ');
    return this.fullName(words, initial);
  }

  /** An organisation's name as written ("BC Hydro", "the Harbour Authority"). */
  organisation(name: string): Recognized | null {
    const words = name.split(' ').filter(Boolean);
    const bare = words[0]?.toLowerCase() === 'the' ? words.slice(1) : words;
    if (bare.length === 0) return null;
    const key = bare.map(lower).join(' ');
    if (bare.length === 1 && this.isLabel(bare[0]!)) return null;
    if (bare.every((word) => this.knowledge.isPlace(lower(word)))) return null;
    if (bare.some((word) => MEDIA_WORDS.has(lower(word))))
      return { kind: 'organisation', name, strength: STRENGTH.media };
    if (bare.some((word) => this.isLabel(word))) return null;
    const known =
      this.knowledge.isOrganisation(key) ||
      bare.some((word) => ORG_WORDS.has(lower(word)) || this.knowledge.isOrganisationWord(lower(word))) ||
      bare.some((word) => /^\p{Lu}{2,6}$/u.test(word.replace(/[.&]/g, '')));
    if (known) return { kind: 'organisation', name, strength: STRENGTH.organisation };
    // "the Harbour Authority" is known by its word; a body of everyday words is a sentence opener.
    if (bare.every((word) => this.isNotNameWord(word))) return null;
    return { kind: 'organisation', name, strength: STRENGTH.namedBody };
  }

  private oneWord(
    word: string,
    gender?: 'male' | 'female',
    initial = true,
    titled = false,
  ): Recognized | null {
    const key = lower(word);
    const full = this.names.fullName(word, gender);
    if (full !== word && this.names.isWeak(full)) {
      // "Woods said" where the article wrote "Tiger Woods": the lone surname speaking vouches for it.
      return this.knowledge.isFunctionWord(key)
        ? null
        : { kind: 'person', name: full, strength: STRENGTH.weakResolved };
    }
    if (full !== word) {
      const recognized = this.fullName(full.split(' '));
      if (recognized === null || recognized.strength < STRENGTH.nameShaped) return recognized;
      return { ...recognized, strength: Math.max(recognized.strength, STRENGTH.resolvedSurname) };
    }
    if (this.knowledge.isOrganisation(key))
      return { kind: 'organisation', name: word, strength: STRENGTH.organisation };
    if (/^\p{Lu}{2,6}$/u.test(word.replace(/[.&]/g, ''))) return this.organisation(word);
    if (this.names.isAmbiguous(word)) return this.sharedSurname(word, gender);
    // "Mr Robertson", "Premier Ford", "Coach Brown": an honorific or a title makes a person of a
    // lone surname, even one that is also an everyday word; an honorific also keeps telling the
    // person's gender when "Miss Robertson" is someone else.
    const honoured = gender !== undefined || titled;
    if (honoured && !this.knowledge.isFunctionWord(key) && !this.knowledge.isPlace(key)) {
      const name = gender === undefined ? word : `${gender === 'male' ? 'Mr' : 'Ms'} ${word}`;
      return { kind: 'person', name, strength: STRENGTH.honorificSurname };
    }
    if (this.isNotNameWord(word)) return null;
    // "Kim told CTV News": a person the article calls by given name only (a child, a partner).
    if (this.knowledge.givenName(key) !== undefined && !this.knowledge.isCommonWord(key))
      return { kind: 'person', name: word, strength: STRENGTH.givenNameOnly };
    return {
      kind: 'person',
      name: word,
      strength: initial ? STRENGTH.loneWord : STRENGTH.loneWordInSentence,
    };
  }

  /**
   * A surname several people in the article share: the one last spoken of, else the first named
   * (news names the main person first and their relatives by given name afterwards).
   */
  private sharedSurname(word: string, gender?: 'male' | 'female'): Recognized | null {
    const all = this.names
      .fullNames(word)
      .filter((full) => gender === undefined || (this.names.genderOf(full) ?? gender) === gender);
    // Whom the article also calls by given name alone ("Michael said") is not the one the bare
    // surname stands for.
    const surnamed = all.filter((full) => !this.names.calledByGivenName(full));
    const candidates = surnamed.length > 0 ? surnamed : all;
    const chosen = candidates[0];
    if (chosen === undefined) return null;
    const recognized = this.fullName(chosen.split(' '));
    if (recognized === null) return null;
    const strength = candidates.length === 1 ? STRENGTH.sharedSurnameRecent : STRENGTH.sharedSurnameFirst;
    return { ...recognized, strength: Math.min(recognized.strength, strength) };
  }

  /** A name of two or more words; `initial` when it opened its sentence, where capitals prove nothing. */
  private fullName(words: readonly string[], initial = true): Recognized | null {
    if (words.some((word) => this.isLabel(word))) return null;
    const keys = words.map(lower);
    if (keys.every((key) => this.knowledge.isPlace(key)) || this.knowledge.isPlace(keys.join(' ')))
      return null;
    const first = words[0]!;
    const given = /^\p{Lu}\.?$/u.test(first) || this.knowledge.givenName(keys[0]!) !== undefined;
    const name = words.join(' ');
    if (given) return { kind: 'person', name, strength: STRENGTH.givenAndSurname };
    // "Got Me Fired", "Article Continued Below": a verb or preposition in it makes it a title or
    // a line of page furniture; "Lake Cowichan", "Villa Park": a place.
    // "Lake Cowichan", "Villa Park Ramsey": a place word anywhere but last makes a place (or a
    // caption run into a name).
    if (
      keys.some((key) => this.knowledge.isFunctionWord(key)) ||
      keys.slice(0, -1).some((key) => this.knowledge.isPlaceWord(key))
    )
      return null;
    // A known name word first ("Lee Park", "Ferguson Hill") outweighs a place word last.
    if (this.knowledge.isSurname(keys[0]!)) return { kind: 'person', name, strength: STRENGTH.nameShaped };
    if (this.knowledge.isPlaceWord(keys[keys.length - 1]!))
      return { kind: 'person', name, strength: STRENGTH.commonTail };
    // "Carnival Cruise Lines", "Virgin Atlantic Airways": a plural everyday noun ends a company's
    // name, never a person's.
    const lastKey = keys[keys.length - 1]!;
    if (
      words.length >= 3 &&
      lastKey.endsWith('s') &&
      this.knowledge.isCommonWord(lastKey) &&
      this.knowledge.isCommonWord(lastKey.slice(0, -1))
    )
      return { kind: 'organisation', name, strength: STRENGTH.namedBody };
    // Mid-sentence, capitals mark a name even on everyday words ("said Tiger Woods"); at a
    // sentence's start they may be any words ("Big Ben", "Article Continued Below").
    const last = words[words.length - 1]!;
    if (initial && this.isNotNameWord(first) && this.isNotNameWord(last) && !this.names.isFullName(name)) {
      return { kind: 'person', name, strength: STRENGTH.doubtful };
    }
    // "Dens Park", "Dark Blues", "Christmas Day": without a given name, an everyday word at the end
    // names a place, a team or a day more often than a person.
    if (this.isEverydayWord(last)) return { kind: 'person', name, strength: STRENGTH.commonTail };
    return { kind: 'person', name, strength: STRENGTH.nameShaped };
  }

  /** An everyday word or a place, unless the article uses it as part of someone's name. */
  isNotNameWord(word: string): boolean {
    const key = lower(word);
    if (this.knowledge.givenName(key) !== undefined && !this.names.writesInLowercase(key)) return false;
    if (this.names.fullNames(word).length > 0) return false;
    return (
      this.knowledge.isCommonWord(key) || this.knowledge.isPlace(key) || this.names.writesInLowercase(key)
    );
  }

  /** An everyday word or a place by the packaged knowledge or the article's own lowercase use. */
  private isEverydayWord(word: string): boolean {
    const key = lower(word);
    if (this.knowledge.givenName(key) !== undefined) return false;
    return (
      this.knowledge.isCommonWord(key) || this.knowledge.isPlace(key) || this.names.writesInLowercase(key)
    );
  }

  /** A word in capitals that is an everyday word: a label ("EXPERT VERDICT:", "CLAIMS"), not a name. */
  private isLabel(word: string): boolean {
    // Most words fail at the second letter, before any string is built.
    if (word.length < 4 || word[1] === word[1]!.toLowerCase()) return false;
    if (word !== word.toUpperCase() || !/\p{Lu}/u.test(word)) return false;
    return this.knowledge.isCommonWord(lower(word).replace(/['’]s$/u, ''));
  }
}

/**
 * Drops everyday words and places run into the front of a name before a given name: "Englishman
 * Ian Poulter", "Organizer Dwayne Croteau", "Colorado John Sims".
 */
export function withoutLeadingWords(
  words: readonly string[],
  notName: (word: string) => boolean,
  knowledge: NameKnowledge,
): string[] {
  let from = 0;
  while (words.length - from > 2 && notName(words[from]!) && knowledge.givenName(lower(words[from + 1]!)))
    from++;
  return words.slice(from);
}

function lower(word: string): string {
  return word.toLowerCase();
}
