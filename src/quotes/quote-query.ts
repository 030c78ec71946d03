/**
 * Reads a `/quotes <name> [words]` line into the speakers to search and the words to filter by.
 * Chat platforms hand the command its first word as the name and the rest as words, so the name
 * may be a title ("/quotes Secretary Pompeo", "/quotes mr pompeo") or a first name whose surname,
 * perhaps misspelt, comes next ("/quotes mike pompei").
 */
import type { NameMatch, NearWordsMemo, SpeakerIndex } from './speaker-index.js';
import { isTitleWord, parseSpeakerName, stripControls, type SpeakerName } from './speaker-name.js';

/** Words of a `/quotes` line that may complete the name: `/quotes mike pompeo huawei`. */
const MAX_NAME_COMPLETION = 3;
/** Title words looked at before the name: "Secretary of State", "Prime Minister". */
const MAX_TITLE_WORDS = 4;
/** Words that tie a title to what it is of: "Secretary of State", "Minister for Health". */
const TITLE_LINKS = new Set(['of', 'for']);

/**
 * The name to search for and the filter words, from a `/quotes` line: titles and honorifics in
 * front are skipped, and the name is completed by up to three of the following words when the
 * longer name is a speaker's ("mike" + "pompeo"). When the name alone is a known surname, only an
 * exact completion counts, so that in `/quotes quist data` "data" stays a filter word even if a
 * Dara Quist is known; otherwise ("mike pompei", "dominik rab") a completion with typos counts.
 */
export function resolveQuery(
  index: SpeakerIndex,
  name: string,
  words: string | undefined,
): { match: NameMatch; name: string; words: string } | null {
  const line = [...stripControls(name).split(/\s+/), ...stripControls(words ?? '').split(/\s+/)].filter(
    Boolean,
  );
  const start = titleEnd(line);
  const [first, ...rest] = line.slice(start);
  // The name is matched alone and with each completion: each word's near spellings are found once.
  const memo: NearWordsMemo = new Map();
  if (first === undefined) {
    // Only a title ("/quotes president"): search it as a name all the same.
    return line.length ? resolveName(index, line[line.length - 1]!, [], memo) : null;
  }
  return resolveName(index, first, rest, memo);
}

function resolveName(
  index: SpeakerIndex,
  name: string,
  rest: readonly string[],
  memo: NearWordsMemo,
): { match: NameMatch; name: string; words: string } | null {
  const parsed = parseSpeakerName(name);
  if (!parsed) return rest.length ? resolveName(index, rest[0]!, rest.slice(1), memo) : null;
  const alone = index.match(parsed.tokens, { memo });
  // A known surname alone is a complete answer; a first name alone ("mike") rarely is.
  const exactAlone =
    alone.kind === 'found' && alone.corrected === null && index.isSurname(parsed.tokens.at(-1)!);
  for (let take = Math.min(MAX_NAME_COMPLETION, rest.length); take > 0; take--) {
    const longer = parseSpeakerName([name, ...rest.slice(0, take)].join(' '));
    if (!longer || longer.tokens.length <= parsed.tokens.length) continue;
    const match = index.match(longer.tokens, { suggest: false, memo });
    if (match.kind === 'found' && (match.corrected === null || !exactAlone)) {
      return { match, name: [name, ...rest.slice(0, take)].join(' '), words: rest.slice(take).join(' ') };
    }
  }
  const fullName = unknownFullName(index, parsed, alone, rest[0], memo);
  if (fullName) return { match: fullName, name: `${name} ${rest[0]}`, words: rest.slice(1).join(' ') };
  return { match: alone, name, words: rest.join(' ') };
}

/**
 * A first name followed by a known surname ("/quotes Søren Alvarez") names a person, even one
 * nobody has quoted: when no speaker has that name, the answer is that person's closest known
 * namesakes, not every Søren's quotes filtered by the word "alvarez". (That reading was also the
 * slowest query there is: a popular first name's thousands of quotes searched for a word they
 * almost never hold.) Null when the line is not such a name.
 */
function unknownFullName(
  index: SpeakerIndex,
  first: SpeakerName,
  alone: NameMatch,
  next: string | undefined,
  memo: NearWordsMemo,
): NameMatch | null {
  if (alone.kind !== 'found' || next === undefined || index.isSurname(first.tokens.at(-1)!)) return null;
  const surname = parseSpeakerName(next);
  if (!surname || surname.tokens.length !== 1 || !index.isSurname(surname.tokens[0]!)) return null;
  const match = index.match([...first.tokens, ...surname.tokens], { memo });
  return match.kind === 'unknown' ? match : { kind: 'unknown', suggestions: match.speakers.slice(0, 5) };
}

/**
 * How many words at the front of a line are a title or an honorific ("Secretary of State",
 * "mr", "Dr."), always leaving at least one word.
 */
function titleEnd(line: readonly string[]): number {
  let at = 0;
  while (at < line.length - 1 && at < MAX_TITLE_WORDS) {
    if (isTitleWord(line[at]!)) {
      at++;
    } else if (at > 0 && TITLE_LINKS.has(line[at]!.toLowerCase()) && at + 2 < line.length) {
      at += 2;
    } else {
      break;
    }
  }
  return at;
}
