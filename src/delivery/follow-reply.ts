/**
 * Finding the person `/follow` and `/unfollow` name, with the same fuzzy matching as `/quotes`
 * (typos, titles, a surname alone), and the replies when the name is unknown or ambiguous.
 */
import { reply, type Reply } from '../chat/reply.js';
import { echo } from '../chat/display-limits.js';
import type { QuoteIndex, Speaker } from '../quotes/quote-index.js';
import type { Translate } from '../i18n/translations.js';

/** Speakers a chat may follow at once. */
export const MAX_FOLLOWS = 20;

/** The one speaker `name` means, or the reply that says why there is none. */
export async function findSpeaker(
  quotes: Pick<QuoteIndex, 'search'>,
  name: string,
  command: 'follow' | 'unfollow',
  t: Translate,
): Promise<{ speaker: Speaker; corrected: string | null } | { reply: Reply }> {
  const result = await quotes.search(name, { limit: 1 });
  const asked = echo(name);
  if (result.kind === 'empty') {
    return {
      reply: reply.text(t('follow-type-a-name', { command })),
    };
  }
  if (result.kind === 'unknown') {
    const names = result.suggestions.map((speaker) => speaker.name);
    return {
      reply: reply.text(
        names.length
          ? t('follow-nobody-closest', { command, name: asked, names: names.join(', '), first: names[0]! })
          : t('quotes-nobody', { name: asked }),
      ),
    };
  }
  if (result.words.length > 0) {
    return {
      reply: reply.text(
        t('follow-name-only', {
          command,
          words: echo(result.words.join(' ')),
          name: result.speakers[0]!.name,
        }),
      ),
    };
  }
  if (result.speakers.length > 1) {
    const choices = result.speakers.slice(0, 5).map((speaker) => `/${command} "${speaker.name}"`);
    return {
      reply: reply.text(
        t('follow-which-one', {
          name: asked,
          count: result.speakers.length,
          choices: `${choices.join(', ')}${result.speakers.length > 5 ? ', …' : ''}`,
        }),
      ),
    };
  }
  return { speaker: result.speakers[0]!, corrected: result.corrected };
}
