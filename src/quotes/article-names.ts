/**
 * Resolves a speaker the extractor could only name by surname ("Pompeo said") from the rest of
 * its article, title included (the extractor reads only the text): when every place the article
 * writes that surname after given names names the same person ("Mike Pompeo"), the quote is that
 * person's. Two different given names, or none, leave the surname as it is.
 */
import { COMMON_STARTERS, INTRO_WORDS, NOT_NAMES, ORG_WORDS, TITLE_WORDS } from './lexicon.js';
import {
  foldWord,
  isShorterFormOf,
  parseSpeakerName,
  SURNAME_PARTICLES,
  type SpeakerName,
} from './speaker-name.js';

/** Given names and initials looked at before a surname: "George H. W. Bush". */
const MAX_GIVEN_WORDS = 3;

interface Word {
  text: string;
  folded: string;
  /** Only spaces separate it from the word before: no punctuation, no quote mark, no line break. */
  joined: boolean;
  /** It ends with a period that is not an initial's, so a sentence ends after it. */
  endsSentence: boolean;
}

/** The words of an article, read once and shared by all the surnames of its quotes. */
export class ArticleNames {
  private words: Word[] | null = null;

  constructor(private readonly text: string) {}

  /**
   * The one fuller name of the person `surname` stands for in this article, or null when the
   * article gives none or more than one.
   */
  fullNameFor(surname: SpeakerName): SpeakerName | null {
    const words = (this.words ??= readWords(this.text));
    const found = new Map<string, SpeakerName>();
    const last = surname.tokens[surname.tokens.length - 1]!;
    for (let i = 0; i < words.length; i++) {
      if (words[i]!.folded !== last) continue;
      const start = givenNamesStart(words, i);
      if (start === i) continue;
      const name = parseSpeakerName(
        words
          .slice(start, i + 1)
          .map((word) => word.text)
          .join(' '),
      );
      if (name && name.kind === 'person' && isShorterFormOf(surname.tokens, name.tokens))
        found.set(name.key, name);
    }
    // "Mike Pompeo" and "Mike R. Pompeo" are one person: keep the names no other found name contains.
    const fullest = [...found.values()].filter(
      (name) =>
        ![...found.values()].some((other) => other !== name && isShorterFormOf(name.tokens, other.tokens)),
    );
    return fullest.length === 1 ? fullest[0]! : null;
  }
}

/** Where the given names (and particles) before the surname at `at` begin; `at` when there are none. */
function givenNamesStart(words: readonly Word[], at: number): number {
  let start = at;
  // Particles belong to the surname: "Ursula von der Leyen".
  while (start > 0 && words[start]!.joined && SURNAME_PARTICLES.has(words[start - 1]!.text)) start--;
  let given = 0;
  while (
    start > 0 &&
    given < MAX_GIVEN_WORDS &&
    words[start]!.joined &&
    isGivenName(words[start - 1]!.text)
  ) {
    start--;
    given++;
  }
  return given === 0 ? at : start;
}

/** A capitalised word that is not a title, a sentence opener or an organisation word; or an initial. */
function isGivenName(text: string): boolean {
  if (/^\p{Lu}\.$/u.test(text)) return true;
  if (!/^\p{Lu}[\p{L}\p{M}'’-]*$/u.test(text)) return false;
  const lower = text.toLowerCase();
  return ![NOT_NAMES, COMMON_STARTERS, INTRO_WORDS, TITLE_WORDS, ORG_WORDS].some((list) => list.has(lower));
}

function readWords(text: string): Word[] {
  const words: Word[] = [];
  let previousEnd = 0;
  for (const match of text.matchAll(/[\p{L}\p{M}][\p{L}\p{M}'’.-]*/gu)) {
    const raw = match[0];
    const initial = /^\p{Lu}\.$/u.test(raw);
    const endsSentence = raw.endsWith('.') && !initial;
    const bare = endsSentence ? raw.replace(/\.+$/, '') : raw;
    const previous = words[words.length - 1];
    words.push({
      text: bare,
      folded: foldWord(bare.replace(/['’]s$/i, '')),
      joined: /^[ \t]+$/.test(text.slice(previousEnd, match.index)) && !previous?.endsSentence,
      endsSentence,
    });
    previousEnd = match.index + raw.length;
  }
  return words;
}
