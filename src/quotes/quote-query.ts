/**
 * Reads a `/quotes <name> [words]` line into the speakers to search and the words to filter by.
 */
import type { NameMatch, SpeakerIndex } from './speaker-index.js';
import { parseSpeakerName, stripControls } from './speaker-name.js';

/** Words of a `/quotes` line that may complete the name: `/quotes mike pompeo huawei`. */
const MAX_NAME_COMPLETION = 3;

/**
 * The name to search for and the filter words, from a `/quotes` line: the name, completed by up to
 * three of the following words when the longer name is a speaker's ("mike" + "pompeo"). When the
 * name alone is a known spelling, only an exact completion counts, so that in `/quotes quist data`
 * "data" stays a filter word even if a Dara Quist is known; otherwise ("dominik rab") typos count.
 */
export function resolveQuery(
  index: SpeakerIndex,
  name: string,
  words: string | undefined,
): { match: NameMatch; name: string; words: string } | null {
  const rest = stripControls(words ?? '')
    .split(/\s+/)
    .filter(Boolean);
  const parsed = parseSpeakerName(name);
  if (!parsed) return rest.length ? resolveQuery(index, rest[0]!, rest.slice(1).join(' ')) : null;
  const alone = index.match(parsed.tokens);
  const exactAlone = alone.kind === 'found' && alone.corrected === null;
  for (let take = Math.min(MAX_NAME_COMPLETION, rest.length); take > 0; take--) {
    const longer = parseSpeakerName([name, ...rest.slice(0, take)].join(' '));
    if (!longer || longer.tokens.length <= parsed.tokens.length) continue;
    const match = index.match(longer.tokens, { suggest: false });
    if (match.kind === 'found' && (match.corrected === null || !exactAlone)) {
      return { match, name: [name, ...rest.slice(0, take)].join(' '), words: rest.slice(take).join(' ') };
    }
  }
  return { match: alone, name, words: rest.join(' ') };
}
