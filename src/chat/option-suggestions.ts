import type { Services } from './services.js';
import type { SuggestionSource } from './command-definition.js';

/** Speakers read from the registry before filtering by every typed word (the registry matches one). */
const CANDIDATES = 200;

/**
 * Values to offer while a user types an option (Discord's autocomplete), from the source the
 * option names. For speakers: the most quoted first; with text typed, those whose name has a word
 * starting with each typed word ("mi po" finds Mike Pompeo). Never throws: a suggestion list that
 * fails is simply empty.
 */
export async function suggestOptionValues(
  source: SuggestionSource,
  typed: string,
  services: Pick<Services, 'quotes'>,
  limit = 25,
): Promise<string[]> {
  switch (source) {
    case 'speakers':
      return suggestSpeakers(typed, services, limit).catch(() => []);
  }
}

async function suggestSpeakers(
  typed: string,
  services: Pick<Services, 'quotes'>,
  limit: number,
): Promise<string[]> {
  const words = typed
    .toLowerCase()
    .split(/[\s"“”]+/)
    .filter(Boolean);
  if (words.length === 0) {
    return (await services.quotes.speakers({ limit })).speakers.map((speaker) => speaker.name);
  }
  const { speakers } = await services.quotes.speakers({ prefix: words[0], limit: CANDIDATES });
  return speakers
    .map((speaker) => speaker.name)
    .filter((name) => {
      const nameWords = fold(name).split(/[\s-]+/);
      return words.every((word) => nameWords.some((nameWord) => nameWord.startsWith(fold(word))));
    })
    .slice(0, limit);
}

/** Lowercase without accents, so "bjo" finds Björn. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
