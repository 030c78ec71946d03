/**
 * Reads who a short run of tokens names: a person, an organisation, a pronoun or a description
 * ("the minister"). Names are found as runs of capitalised words, because English news copy
 * capitalises names and titles reliably, and titles are peeled off the front of a run.
 */
import { NOT_NAMES, ORG_WORDS, PERSON_ROLES, PRONOUNS, TITLE_WORDS } from './lexicon.js';
import type { Token } from './sentence-tokens.js';

/** Who a noun phrase refers to, before pronouns and descriptions are resolved. */
export type Mention =
  | { kind: 'person'; name: string }
  | { kind: 'org'; name: string }
  | { kind: 'pronoun'; pronoun: string }
  | { kind: 'description'; head: string; text: string; refers: 'person' | 'org' | 'group' };

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
  return /['’]s$/u.test(token.text) || /s['’]$/u.test(token.text);
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
    const joins =
      run.length > 0 &&
      PARTICLES.has(token.lower) &&
      !isPossessive(run[run.length - 1]!) &&
      particleJoins(tokens, i, to);
    if (isNameWord(token) || (run.length > 0 && token.kind === 'word' && token.cap) || joins) {
      if (run.length > 0 && isPossessive(run[run.length - 1]!)) {
        runs.push(run);
        run = [];
      }
      run.push(token);
    } else if (run.length > 0) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length > 0) runs.push(run);
  return runs;
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

/** True when a name reads as an organisation: an organisation word or an acronym. */
export function isOrgName(run: readonly Token[]): boolean {
  return run.some(
    (token) => ORG_WORDS.has(bare(token)) || /^\p{Lu}{2,}$/u.test(token.text.replace(/[.&]/g, '')),
  );
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
    return { kind: 'person', name: runText(name) };
  }
  if (words.length > 8) return null;
  return description(words, bare(last));
}

function description(words: readonly Token[], head: string): Mention {
  const text = words.map((token) => token.text).join(' ');
  const refers = PERSON_ROLES.has(head) ? 'person' : ORG_HEADS.has(head) ? 'org' : 'group';
  return { kind: 'description', head, text, refers };
}
