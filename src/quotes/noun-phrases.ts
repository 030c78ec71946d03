/**
 * Reads who a short run of tokens names: a person, an organisation, a pronoun or a description
 * ("the minister"). Names are found as runs of capitalised words, because English news copy
 * capitalises names and titles reliably, and titles are peeled off the front of a run.
 */
import { NOT_NAMES, ORG_WORDS, PERSON_ROLES, PRONOUNS, TITLE_WORDS } from './lexicon.js';
import type { NameKnowledge } from './name-knowledge.js';
import type { Token } from './sentence-tokens.js';

/** Who a noun phrase refers to, before pronouns and descriptions are resolved. */
export type Mention =
  /**
   * `gender` when an honorific tells it ("Mr Robertson"); `initial` when the name opens its
   * sentence, where its capitals prove nothing.
   */
  | { kind: 'person'; name: string; gender?: 'male' | 'female'; initial?: boolean; titled?: boolean }
  | { kind: 'org'; name: string }
  | { kind: 'pronoun'; pronoun: string }
  /** `refers` 'unknown' when the head noun is not a known role or body; name knowledge may tell. */
  | { kind: 'description'; head: string; text: string; refers: 'person' | 'org' | 'group' | 'unknown' };

const PARTICLES = new Set([
  'van',
  'der',
  'den',
  'de',
  'la',
  'le',
  'du',
  'da',
  'von',
  'bin',
  'al',
  'el',
  'di',
  'of',
]);
/** Particles that link a title or an institution to what it is of or for, never two names. */
const LINK_PARTICLES = new Set(['of', 'for']);
const DETERMINERS = new Set([
  'the',
  'a',
  'an',
  'his',
  'her',
  'their',
  'its',
  'our',
  'this',
  'that',
  'another',
]);
const ORG_HEADS = new Set(
  'company utility agency department ministry firm government organization organisation group board commission team club bank league school union university city province council police service party office diocese study report committee'.split(
    ' ',
  ),
);

/** True for a possessive word ("Vancouver's", "Hawes’"). */
export function isPossessive(token: Token): boolean {
  const text = token.text;
  const n = text.length;
  if (n < 2) return false;
  const last = text[n - 1]!;
  const before = text[n - 2]!;
  return (
    (last === 's' && (before === "'" || before === '’')) || (before === 's' && (last === "'" || last === '’'))
  );
}

function bare(token: Token): string {
  return token.key;
}

/** True when a token can be part of a name: a capitalised word that is not a common word. */
export function isNameWord(token: Token): boolean {
  return token.kind === 'word' && token.common !== true && token.cap && !NOT_NAMES.has(bare(token));
}

/** Splits tokens into runs of name words; particles ("van der", "of") may join two runs. */
export function nameRuns(tokens: readonly Token[], from = 0, to = tokens.length): Token[][] {
  const runs: Token[][] = [];
  let run: Token[] = [];
  for (let i = from; i < to; i++) {
    const token = tokens[i]!;
    // Most tokens are lowercase words outside any name: settled by the first test.
    const capital = token.cap && token.kind === 'word' && !NOT_NAMES.has(token.key);
    // A capitalised everyday word may open no name ("Rather"), but may go on one.
    const nameWord = capital && (token.common !== true || run.length > 0);
    if (!nameWord && !(run.length > 0 && joinsRun(tokens, i, to, run[run.length - 1]!))) {
      if (run.length > 0) {
        runs.push(run);
        run = [];
      }
      continue;
    }
    if (run.length > 0 && isPossessive(run[run.length - 1]!)) {
      runs.push(run);
      run = [];
    }
    run.push(token);
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/** True when the particle at `i` joins the run ending with `last` to the name after it. */
function joinsRun(tokens: readonly Token[], i: number, to: number, last: Token): boolean {
  const token = tokens[i]!;
  return (
    PARTICLES.has(token.lower) &&
    !isPossessive(last) &&
    // "Secretary of State", "Bank of Canada", but "David Williams of Ladbrokes" is two names.
    (!LINK_PARTICLES.has(token.lower) || TITLE_WORDS.has(last.key) || ORG_WORDS.has(last.key)) &&
    particleJoins(tokens, i, to)
  );
}

/** True when the particles starting at `i` lead to a name word ("van der Pluijm"). */
function particleJoins(tokens: readonly Token[], i: number, to: number): boolean {
  let k = i;
  while (k < to && k < i + 3 && PARTICLES.has(tokens[k]!.lower)) k++;
  return k < to && isNameWord(tokens[k]!);
}

/** Drops titles from the front of a name run ("Secretary of State Mike Pompeo" → "Mike Pompeo"). */
export function stripTitles(run: readonly Token[]): Token[] {
  let from = 0;
  for (let i = 0; i < run.length; i++) {
    if (TITLE_WORDS.has(run[i]!.lower) || TITLE_WORDS.has(bare(run[i]!))) {
      from = i + 1;
      // "Secretary of State", "Minister of Finance": the "of" phrase belongs to the title.
      if (run[from]?.lower === 'of' && from + 1 < run.length) from += 2;
    }
  }
  while (from < run.length && (PARTICLES.has(run[from]!.lower) || NOT_NAMES.has(bare(run[from]!)))) from++;
  return run.slice(from);
}

function runText(run: readonly Token[]): string {
  return run.map((token) => token.base).join(' ');
}

/**
 * True when a name reads as an organisation: an organisation word ("Council", "FC"), an acronym
 * ("NATO", "BC Hydro"), or, with name knowledge, a known organisation or sports team.
 */
export function isOrgName(run: readonly Token[], knowledge?: NameKnowledge): boolean {
  if (knowledge?.isOrganisation(run.map((token) => token.key).join(' '))) return true;
  return run.some(
    (token) =>
      ORG_WORDS.has(bare(token)) ||
      (run.length > 1 && knowledge?.isOrganisationWord(bare(token)) === true && token !== run[0]) ||
      isAcronym(token),
  );
}

/** An acronym such as NATO or BBC: two to six capitals, not a regnal number ("VIII"). */
export function isAcronym(token: Token): boolean {
  if (!token.cap || token.kind !== 'word') return false;
  let letters = 0;
  let roman = true;
  for (const ch of token.text) {
    if (ch === '.' || ch === '&') continue;
    if (ch === ch.toLowerCase()) return false;
    letters++;
    roman &&= ch === 'I' || ch === 'V' || ch === 'X';
  }
  return letters >= 2 && letters <= 6 && !roman;
}

/**
 * Classifies a noun phrase. The last name run that is not a possessive owner is the head
 * ("Vancouver's Bo Horvat" → Bo Horvat); without one, the phrase is a pronoun or a description.
 */
export function classifyPhrase(tokens: readonly Token[]): Mention | null {
  const words = tokens.filter((token) => token.kind === 'word');
  if (words.length === 0) return null;
  if (words.length === 1 && PRONOUNS.has(words[0]!.lower))
    return { kind: 'pronoun', pronoun: words[0]!.lower };
  const runs = nameRuns(words).filter((run) => !isPossessive(run[run.length - 1]!));
  const last = words[words.length - 1]!;
  const run = runs[runs.length - 1];
  if (run !== undefined && run[run.length - 1] === last) {
    const name = stripTitles(run);
    const first = words.indexOf(run[0]!);
    const determiner = first > 0 && DETERMINERS.has(words[first - 1]!.lower);
    if (name.length === 0 || (determiner && PERSON_ROLES.has(bare(last)))) {
      return description(words, bare(last));
    }
    if (determiner || isOrgName(name)) {
      return { kind: 'org', name: (determiner ? words[first - 1]!.text + ' ' : '') + runText(name) };
    }
    // "Mr Robertson": the honorific may stand in the run or, not being a name word, just before it.
    const gender = honorificGender([
      ...words.slice(Math.max(0, first - 1), first),
      ...run.slice(0, run.indexOf(name[0]!)),
    ]);
    const mention: Mention = { kind: 'person', name: runText(name), initial: run[0]!.initial === true };
    if (gender !== undefined) mention.gender = gender;
    // "Premier Ford", "Secretary Pompeo": a title makes a person of a lone surname.
    if (name.length < run.length) mention.titled = true;
    return mention;
  }
  if (words.length > 8) return null;
  return description(words, bare(last));
}

const MALE_HONORIFICS = new Set(['mr', 'sir', 'lord']);
const FEMALE_HONORIFICS = new Set(['mrs', 'ms', 'miss', 'dame', 'lady']);

/** The gender an honorific among the title words tells ("Mr", "Mrs"), if any. */
function honorificGender(titles: readonly Token[]): 'male' | 'female' | undefined {
  for (const token of titles) {
    if (MALE_HONORIFICS.has(token.key)) return 'male';
    if (FEMALE_HONORIFICS.has(token.key)) return 'female';
  }
  return undefined;
}

/** Nouns for groups of people that speak together ("police said", "protesters chanted"). */
const GROUP_HEADS = new Set(
  'police officials authorities protesters demonstrators residents officers investigators witnesses organizers organisers prosecutors lawyers researchers scientists experts analysts critics supporters fans parents families students teachers workers staff doctors nurses sources leaders members'.split(
    ' ',
  ),
);

function description(words: readonly Token[], head: string): Mention {
  const text = words.map((token) => token.text).join(' ');
  const refers = PERSON_ROLES.has(head)
    ? 'person'
    : ORG_HEADS.has(head)
      ? 'org'
      : GROUP_HEADS.has(head)
        ? 'group'
        : 'unknown';
  return { kind: 'description', head, text, refers };
}
