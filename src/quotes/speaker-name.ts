/**
 * Speaker names as the registry compares them: folded to a case- and accent-free key, with titles,
 * honorifics and suffixes taken off, and told apart as people or organisations.
 */
import { ORG_WORDS, TITLE_WORDS } from './lexicon.js';

/** Whether a speaker is a person (who may be named several ways) or an organisation (named one way). */
export type SpeakerKind = 'person' | 'organisation';

/** A speaker's name, parsed. */
export interface SpeakerName {
  /** The folded name words joined by single spaces: "Secretary Mike Pompeo" → "mike pompeo". */
  key: string;
  /** The folded words; hyphenated names stay one word ("jean-luc"). */
  tokens: string[];
  /** The name as it should be shown: titles and a leading "the" removed, spacing cleaned. */
  display: string;
  kind: SpeakerKind;
}

/** Longest name looked at: anything longer is not a name, and the cap bounds the work per query. */
export const MAX_NAME_CHARS = 200;
/** Most words a name keeps. */
const MAX_NAME_WORDS = 8;

/** Lowercase particles that belong to a surname: "von der Leyen", "de Blasio", "bin Salman". */
export const SURNAME_PARTICLES: ReadonlySet<string> = new Set(
  'von van der den de del della di da du la le los las dos das bin ibn al el ter ten st'.split(' '),
);
const SUFFIXES: ReadonlySet<string> = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);
/** Words after a title that are part of it: "Secretary of State", "Minister for Health". */
const TITLE_LINKS: ReadonlySet<string> = new Set(['of', 'for']);

/** Letters that Unicode decomposition does not reduce to a plain Latin letter. */
export const EXTRA_FOLDS: Readonly<Record<string, string>> = {
  ł: 'l',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

/**
 * Removes terminal escape sequences, C0/C1 controls and bidirectional overrides, which have no
 * place in a name or a query.
 */
export function stripControls(text: string): string {
  return text
    .replace(/\u001b\[[0-9;?]*[ -/]*[@-~]/g, ' ')
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, ' ');
}

/**
 * One word folded for comparison: lowercase, accents and apostrophes removed, hyphens kept inside.
 *
 * @example
 * foldWord("O'Brien-Łukasz"); // "obrien-lukasz"
 */
export function foldWord(word: string): string {
  // The common case, a plain ASCII word, needs no Unicode normalisation.
  if (/^[A-Za-z0-9]+$/.test(word)) return word.toLowerCase();
  return word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[łøæœßđðþı]/g, (letter) => EXTRA_FOLDS[letter] ?? letter)
    .replace(/['’`]/g, '')
    .replace(/[^\p{L}\p{N}-]+/gu, '')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * Case- and accent-insensitive form of a name for comparing names loosely: "José  Pérez" → "jose
 * perez", "O'Brien" → "o brien". The registry's keys come from {@link parseSpeakerName} instead.
 */
export function speakerKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Parses a speaker as the extractor (or a user) wrote it. Returns null when nothing name-like is
 * left, such as for "***" or a lone title.
 *
 * @example
 * parseSpeakerName('Secretary of State Mike Pompeo'); // { key: 'mike pompeo', display: 'Mike Pompeo', kind: 'person', … }
 * parseSpeakerName('the Harbour Authority'); // { key: 'harbour authority', kind: 'organisation', … }
 */
export function parseSpeakerName(raw: string): SpeakerName | null {
  let words = splitWords(raw.slice(0, MAX_NAME_CHARS)).slice(0, MAX_NAME_WORDS * 2);
  if (words[0]?.toLowerCase() === 'the' && words.length > 1) words = words.slice(1);
  const kind: SpeakerKind = words.some(isOrganisationWord) ? 'organisation' : 'person';
  if (kind === 'person') words = withoutTitles(words);
  words = words.map((word) => word.replace(/['’]s$/i, '')).slice(0, MAX_NAME_WORDS);
  const pairs = words.map((word) => ({ word, token: foldWord(word) })).filter((pair) => pair.token !== '');
  const tokens = pairs.map((pair) => pair.token);
  if (kind === 'person') {
    while (tokens.length > 1 && SUFFIXES.has(tokens[tokens.length - 1]!)) tokens.pop();
  }
  if (tokens.length === 0) return null;
  return { key: tokens.join(' '), tokens, display: pairs.map((pair) => pair.word).join(' '), kind };
}

/**
 * True when `short` can be another way of writing the person `long`: the surname alone ("Pompeo"),
 * the surname with its particles ("von der Leyen"), the family names without the given names
 * ("López Obrador"), or the same first and last name with fewer middle names or initials
 * ("George Bush" within "George W. Bush", "M. Pompeo" within "Mike Pompeo"). Different first names
 * never match, so "Susan Pompeo" is not "Mike Pompeo".
 */
export function isShorterFormOf(short: readonly string[], long: readonly string[]): boolean {
  if (short.length === 0 || short.length > long.length) return false;
  if (short[short.length - 1] !== long[long.length - 1]) return false;
  if (short.length < long.length && isTail(short, long)) {
    return short.length === 1 || SURNAME_PARTICLES.has(short[0]!) || long.length - short.length >= 2;
  }
  if (short.length < 2 || short.every((token, i) => token === long[i])) return false;
  // The short form's given names must start the long form's, in the same places ("John F." within
  // "John Fitzgerald Kennedy"), so that "George W. Bush" is not "George H. W. Bush".
  return short.slice(0, -1).every((token, i) => sameGivenName(token, long[i]!));
}

function isTail(short: readonly string[], long: readonly string[]): boolean {
  const offset = long.length - short.length;
  return short.every((token, i) => token === long[offset + i]);
}

/** A given name of a short form matches the long form's when equal or its initial ("w" for "walker"). */
function sameGivenName(short: string, long: string): boolean {
  return short === long || (short.length === 1 && long.startsWith(short));
}

function splitWords(text: string): string[] {
  return stripControls(text)
    .split(/[\s,;:!?()[\]{}<>"“”«»„|/\\*_~^=+]+/u)
    .map((word) => word.replace(/^[.'’-]+|[-]+$/g, ''))
    .filter((word) => /[\p{L}\p{N}]/u.test(word));
}

/** True for a title or honorific written in any case, with or without its period ("Sen.", "mr"). */
export function isTitleWord(word: string): boolean {
  const lower = word.toLowerCase();
  return TITLE_WORDS.has(lower) || TITLE_WORDS.has(lower.replace(/\.$/, ''));
}

function isOrganisationWord(word: string): boolean {
  const lower = word.toLowerCase().replace(/\.$/, '');
  if (ORG_WORDS.has(lower) || ORG_WORDS.has(`${lower}.`)) return true;
  // An acronym such as NATO or BBC, but not a regnal number such as VIII.
  const letters = word.replace(/[.&]/g, '');
  return /^\p{Lu}{2,}$/u.test(letters) && !/^[IVX]+$/.test(letters);
}

/** Drops leading titles ("Secretary of State", "Dr."), always keeping at least one word. */
function withoutTitles(words: string[]): string[] {
  let start = 0;
  while (start < words.length - 1) {
    if (isTitleWord(words[start]!)) {
      start++;
      // "Secretary of State Mike Pompeo": the link word and the word after it are part of the title.
      if (TITLE_LINKS.has(words[start]?.toLowerCase() ?? '') && start + 2 < words.length) start += 2;
      continue;
    }
    break;
  }
  return words.slice(start);
}
