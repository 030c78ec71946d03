/**
 * Finds the attribution of a quotation inside its sentence: the reporting verb and the phrase
 * naming the speaker, in the word orders news copy uses ("…,” said X", "…,” X said", "X, the
 * minister, said: “…”", "according to X"). Works on tokens of one sentence, where the quotation
 * itself is a single token, and never looks further than a fixed window so the cost stays linear.
 */
import {
  INTRO_WORDS,
  OBJECT_VERBS,
  PERSON_ROLES,
  PRONOUNS,
  REPORTING_VERBS,
  TITLE_WORDS,
  VERB_MODIFIERS,
} from './lexicon.js';
import { classifyPhrase, isNameWord, type Mention } from './noun-phrases.js';
import type { Token } from './sentence-tokens.js';

/** Who is credited with a quotation, as found in its sentence. */
export interface Attribution {
  mention: Mention | null;
  /** The reporting verb as written, or "according to". */
  verb: string | null;
  /** True for the verb-first order ("said Pompeo"), which English uses only for direct speech. */
  inverted: boolean;
}

const WINDOW = 30;
const NOUN_MARKERS = new Set(
  'the a an its his her their our my your this these those some many several few no any each every one two three four five six seven eight nine ten'.split(
    ' ',
  ),
);
const NP_STOP = new Set([
  'who',
  'which',
  'whose',
  'while',
  'when',
  'during',
  'after',
  'before',
  'in',
  'on',
  'at',
  'as',
  'because',
  'from',
  'of',
  'to',
  'about',
  'with',
  'by',
  'and',
  'but',
  'that',
  'this',
  'last',
  'earlier',
  'told',
  'outside',
  'inside',
  'following',
  'told',
]);
const COORDINATORS = new Set(['and', 'but', 'or', 'then']);
const COPULAS = new Set(['is', 'was', 'are', 'were', 'has', 'had', 'have', 'will', 'would']);
/** Words tying a person to where they work or come from: "X of Ladbrokes", "X from the farm". */
const AFFILIATIONS = new Set(['of', 'from', 'at', 'with']);
const NP_DETERMINERS = new Set([
  'the',
  'a',
  'an',
  'his',
  'her',
  'their',
  'its',
  'our',
  'this',
  'these',
  'those',
  'your',
  'my',
]);

/**
 * True for a reporting verb; "according" counts when "to" follows. Many of these words are nouns
 * too ("seven state titles", "the reports"), so one after a determiner or a number is not a verb.
 */
export function isReportingVerb(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i]!;
  if (token.kind !== 'word') return false;
  if (token.lower === 'according') return tokens[i + 1]?.lower === 'to';
  if (!REPORTING_VERBS.has(token.lower)) return false;
  // "Secretary of State Mike Pompeo": a capital mid-sentence makes a name of "State", "Post", "Call".
  if (token.cap && token.initial !== true) return false;
  const prev = tokens[i - 1];
  return prev === undefined || !(NOUN_MARKERS.has(prev.lower) || /^\d/.test(prev.text));
}

function verbText(tokens: readonly Token[], i: number): string {
  return tokens[i]!.lower === 'according' ? 'according to' : tokens[i]!.lower;
}

/** Reads the noun phrase that starts at `from`, stopping at punctuation or where a name ends. */
function phraseAfter(tokens: readonly Token[], from: number): Token[] {
  const phrase: Token[] = [];
  let sawName = false;
  for (let i = from; i < tokens.length && phrase.length < 12; i++) {
    const token = tokens[i]!;
    if (token.kind !== 'word') {
      if (token.kind === 'quote' && sawName) continue; // a nickname inside a name
      break;
    }
    const name = isNameWord(token) || TITLE_WORDS.has(token.lower);
    if (!name && sawName) break;
    if (!name && NP_STOP.has(token.lower) && phrase.length > 0 && (sawName || token.lower !== 'and')) break;
    phrase.push(token);
    sawName ||= isNameWord(token);
  }
  return phrase;
}

/**
 * Attribution after a quotation: `from` is the first token after the quote token, `to` the
 * sentence's end. Returns null when no reporting verb follows closely.
 */
export function attributionAfter(
  tokens: readonly Token[],
  from: number,
  skippable: (token: Token) => boolean,
): Attribution | null {
  const window: Token[] = [];
  for (let i = from; i < tokens.length && window.length < WINDOW; i++) {
    const token = tokens[i]!;
    if (token.kind === 'quote') {
      if (skippable(token)) continue;
      break;
    }
    if (window.length === 0 && token.kind === 'punct' && ',:—–-'.includes(token.text)) continue;
    if (token.kind === 'punct' && '.!?;'.includes(token.text)) break;
    window.push(token);
  }
  if (window.length === 0) return null;
  if (isReportingVerb(window, 0)) {
    const skip = window[0]!.lower === 'according' ? 2 : 1;
    const phrase = phraseAfter(window, skip);
    let mention = classifyPhrase(phrase);
    // "said Myer Chief Merchandise & Marketing Officer and Deputy CEO, Daniel Bracken": a long
    // title first, the name after its comma.
    if (mention?.kind !== 'pronoun' && (mention?.kind !== 'person' || !mention.name.includes(' ')))
      mention = trailingName(window, skip) ?? mention;
    return { mention, verb: verbText(window, 0), inverted: skip === 1 };
  }
  for (let v = 1; v < Math.min(window.length, 24); v++) {
    if (!isReportingVerb(window, v)) continue;
    if (window[v]!.lower === 'according') {
      return { mention: classifyPhrase(phraseAfter(window, v + 2)), verb: 'according to', inverted: false };
    }
    let end = v;
    while (end > 0 && isModifier(window[end - 1]!)) end--;
    const segments = splitAtCommas(window.slice(0, end));
    const first = segments[0] ?? [];
    const pick = startsPhrase(first) ? first : (segments[segments.length - 1] ?? []);
    if (pick.length === 0 || pick.length > 8 || !startsPhrase(pick)) return null;
    return { mention: classifyPhrase(pick), verb: verbText(window, v), inverted: false };
  }
  return null;
}

/** The name that ends an attribution after its last comma: "…, Deputy CEO, Daniel Bracken". */
function trailingName(window: readonly Token[], from: number): Mention | null {
  let comma = -1;
  for (let i = window.length - 1; i >= from; i--) {
    if (window[i]!.text === ',') {
      comma = i;
      break;
    }
  }
  if (comma === -1) return null;
  const rest = window.slice(comma + 1);
  if (rest.length === 0 || rest.length > 5 || !rest.every((token) => token.kind === 'word' && token.cap))
    return null;
  const mention = classifyPhrase(rest);
  return mention?.kind === 'person' && mention.name.includes(' ') ? mention : null;
}

function splitAtCommas(tokens: readonly Token[]): Token[][] {
  const segments: Token[][] = [[]];
  for (const token of tokens) {
    if (token.kind === 'punct' && (token.text === ',' || token.text === '—' || token.text === '('))
      segments.push([]);
    else if (token.kind === 'word') segments[segments.length - 1]!.push(token);
  }
  return segments.filter((segment) => segment.length > 0);
}

/** True when a segment opens like a noun phrase: a name, a pronoun or a determiner. */
function startsPhrase(segment: readonly Token[]): boolean {
  const first = segment[0];
  if (first === undefined) return false;
  if (COORDINATORS.has(first.lower) || NP_STOP.has(first.lower)) return false;
  return (
    isNameWord(first) ||
    NP_DETERMINERS.has(first.lower) ||
    PRONOUNS.has(first.lower) ||
    TITLE_WORDS.has(first.lower) ||
    isNounLike(first) ||
    /\p{Lu}/u.test(first.text[0]!) ||
    (segment.length <= 3 &&
      segment.every((token) => /^\p{Ll}+$/u.test(token.text) && !token.lower.endsWith('ing'))) ||
    // "passenger Kurt Foster said": a role in lowercase before the name.
    (segment.length <= 5 && isNameWord(segment[segment.length - 1]!) && /^\p{Ll}+$/u.test(first.text))
  );
}

/**
 * The subject of a sentence: its first noun phrase after any introductory phrase ("On Tuesday,",
 * "However,"). Only as good as a heuristic can be, but news sentences mostly open with their subject.
 */
export function sentenceSubject(tokens: readonly Token[], end = tokens.length): Mention | null {
  let i = 0;
  for (let guard = 0; guard < 3; guard++) {
    const first = tokens[i];
    if (first === undefined || i >= end) return null;
    if (first.kind === 'quote') return null;
    if (first.kind === 'punct' && '—–-(•*'.includes(first.text)) {
      i++;
      continue;
    }
    const intro = INTRO_WORDS.has(first.lower) || /^\d/.test(first.text) || first.common === true;
    if (!intro && !(i > 0 && /^\p{Lu}[\p{L}.]*\.$/u.test(first.text) && tokens[i + 1]?.text === ',')) break;
    let comma = i;
    while (comma < Math.min(end, i + 30) && tokens[comma]!.text !== ',') comma++;
    if (comma < Math.min(end, i + 30)) {
      i = comma + 1;
      continue;
    }
    // No comma after the opening phrase ("In a statement Dundee vowed…", "However Tevez has…"):
    // the subject is the first name close after it.
    let name = i + 1;
    while (name < Math.min(end, i + 6) && tokens[name]!.kind === 'word' && !isNameWord(tokens[name]!)) name++;
    if (name >= Math.min(end, i + 6) || !isNameWord(tokens[name]!)) return null;
    i = name;
    break;
  }
  const phrase: Token[] = [];
  let sawName = false;
  for (; i < end && phrase.length < 8; i++) {
    const token = tokens[i]!;
    if (token.kind !== 'word') {
      if (token.kind === 'quote' && sawName) continue;
      break;
    }
    if (isReportingVerb(tokens, i) || isModifier(token) || OBJECT_VERBS.has(token.lower)) break;
    const name = isNameWord(token);
    if (!name && sawName) break;
    // After a determiner, a description runs on over its adjectives and nouns: "The bank's governor".
    const described =
      NP_DETERMINERS.has(phrase[0]?.lower ?? '') &&
      phrase.length < 5 &&
      /^\p{Ll}/u.test(token.text) &&
      !NP_STOP.has(token.lower) &&
      !COPULAS.has(token.lower);
    if (!name && phrase.length > 0 && !isNounLike(token) && !described) break;
    phrase.push(token);
    sawName ||= name;
  }
  // "Mark Duffy/The Associated Press" is a photo credit, not a sentence; "Open this photo" is a
  // command: a name is not followed by a determiner.
  if (tokens[i]?.text === '/') return null;
  if (phrase.length === 1 && NP_DETERMINERS.has(tokens[i]?.lower ?? '')) return null;
  const mention = classifyPhrase(phrase);
  if (mention?.kind !== 'description') return mention;
  // "The Secretary of State, Mike Pompeo, said": past the description's complement, its name.
  let comma = i;
  while (comma < Math.min(end, i + 6) && tokens[comma]!.kind === 'word' && !isReportingVerb(tokens, comma))
    comma++;
  if (tokens[comma]?.text === ',') return appositiveName(tokens, comma, end) ?? mention;
  return mention;
}

/**
 * The person a "who" stands for: the nearest person named before it, past any appositive ("David
 * Coleman, professor of demography at Oxford University, who said").
 */
function antecedent(tokens: readonly Token[], who: number): Mention | null {
  for (let k = who - 1; k >= Math.max(0, who - 20); k--) {
    if (!isNameWord(tokens[k]!)) continue;
    let first = k;
    while (
      first > 0 &&
      k - first < 5 &&
      (isNameWord(tokens[first - 1]!) || TITLE_WORDS.has(tokens[first - 1]!.lower))
    )
      first--;
    const mention = classifyPhrase(tokens.slice(first, k + 1));
    if (mention?.kind === 'person') return mention;
    k = first;
  }
  return null;
}

/**
 * The name set off by commas after a description: "His solicitor, Liam O'Donnell, told…",
 * "the bank's governor, Thomas Brandt, said".
 */
function appositiveName(tokens: readonly Token[], comma: number, end: number): Mention | null {
  let k = comma + 1;
  const run: Token[] = [];
  while (
    k < end &&
    run.length < 6 &&
    tokens[k]!.kind === 'word' &&
    (isNameWord(tokens[k]!) || (run.length > 0 && /^\p{Ll}/u.test(tokens[k]!.text) === false))
  ) {
    run.push(tokens[k]!);
    k++;
  }
  if (run.length === 0 || tokens[k]?.text !== ',') return null;
  const mention = classifyPhrase(run);
  return mention?.kind === 'person' || mention?.kind === 'org' ? mention : null;
}

/** An auxiliary or adverb between subject and verb; capitalised, "May" is a name. */
function isModifier(token: Token): boolean {
  return VERB_MODIFIERS.has(token.text);
}

function isPossessiveWord(token: Token): boolean {
  return /['’]s$/u.test(token.text);
}

function isNounLike(token: Token): boolean {
  return (
    NP_DETERMINERS.has(token.lower) ||
    TITLE_WORDS.has(token.lower) ||
    PERSON_ROLES.has(token.lower) ||
    /[\d-]/.test(token.text)
  );
}

/**
 * Attribution before a quotation at token `q`: the nearest reporting verb before it and that
 * verb's subject. `near` limits how far back the verb may be (in tokens).
 */
export function attributionBefore(tokens: readonly Token[], q: number, near: number): Attribution | null {
  for (let v = q - 1; v >= 0 && q - v <= near; v--) {
    const token = tokens[v]!;
    if (!isReportingVerb(tokens, v) && !OBJECT_VERBS.has(token.lower)) continue;
    if (token.lower === 'according') {
      return { mention: classifyPhrase(phraseAfter(tokens, v + 2)), verb: 'according to', inverted: false };
    }
    return { mention: subjectOf(tokens, v), verb: verbText(tokens, v), inverted: false };
  }
  return null;
}

/** The subject of the verb at `v`: the phrase just before it, or the sentence's subject. */
export function subjectOf(tokens: readonly Token[], v: number): Mention | null {
  let end = v;
  while (end > 0 && isModifier(tokens[end - 1]!)) end--;
  const before = tokens[end - 1];
  const participle = tokens[v]!.lower.endsWith('ing');
  if (before === undefined) return participle ? null : sentenceSubject(tokens, v);
  // "…, telling Sky Sport Italia: “…”", "by saying", "his problems saying": a participle's speaker
  // is the sentence's subject, unless a name stands right before it ("with Smith saying").
  if (before.kind === 'punct' || (participle && !isNameWord(before))) return sentenceSubject(tokens, v);
  if (before.lower === 'who') return antecedent(tokens, end - 1);
  if (COORDINATORS.has(before.lower) || before.kind === 'quote') {
    for (let u = end - 2; u >= Math.max(0, end - 40); u--) {
      if (isReportingVerb(tokens, u)) return subjectOf(tokens, u);
    }
    return sentenceSubject(tokens, v);
  }
  // The subject ends at the verb; walk back over its head noun and any names, titles and
  // determiners before it ("Crown prosecutor Michael Pilon", "the 26-year-old right wing").
  let start = end;
  while (start > 0 && end - start < 8) {
    const token = tokens[start - 1]!;
    if (token.kind !== 'word' || COORDINATORS.has(token.lower) || token.lower === 'that') break;
    if (start < end && !isNameWord(token) && !isNounLike(token) && !isPossessiveWord(token)) break;
    start--;
  }
  // "A council spokesman said", "one local resident told": back over the description's
  // modifiers to its determiner.
  for (let k = start - 1; k >= Math.max(0, start - 4); k--) {
    const token = tokens[k]!;
    if (token.kind === 'word' && (NP_DETERMINERS.has(token.lower) || token.lower === 'one')) {
      start = k;
      break;
    }
    if (
      token.kind !== 'word' ||
      !/^\p{Ll}/u.test(token.text) ||
      NP_STOP.has(token.lower) ||
      COPULAS.has(token.lower)
    )
      break;
  }
  const mention = classifyPhrase(tokens.slice(start, end));
  if (mention === null || (mention.kind === 'description' && mention.refers === 'group' && end - start > 3)) {
    return sentenceSubject(tokens, v);
  }
  // "David Williams of Ladbrokes said", "Jean Morris from the farm said": the person, not the
  // firm or place they speak for.
  let link = start - 1;
  while (
    link > 0 &&
    start - link < 4 &&
    !AFFILIATIONS.has(tokens[link]!.lower) &&
    tokens[link]!.kind === 'word' &&
    !isNameWord(tokens[link]!)
  )
    link--;
  if (AFFILIATIONS.has(tokens[link]?.lower ?? '') && link >= 1 && isNameWord(tokens[link - 1]!)) {
    let first = link - 1;
    while (first > 0 && link - 1 - first < 4 && isNameWord(tokens[first - 1]!)) first--;
    const owner = classifyPhrase(tokens.slice(first, link));
    if (owner?.kind === 'person') return owner;
  }
  return mention;
}
