import { defineCommand } from '../src/chat/command-definition.js';
import { list, paragraph, reply, type Span } from '../src/chat/reply.js';
import { chatPreferences } from '../src/delivery/chat-subscription.js';
import type { FollowedSpeaker } from '../src/delivery/subscription.js';
import type { Services } from '../src/chat/services.js';
import type { Translate } from '../src/i18n/translations.js';

/**
 * /following: the people whose new quotes come to this chat. At the terminal, where nothing is posted
 * between commands, each one's newest quote comes with the list.
 */
export const followingCommand = defineCommand({
  name: 'following',
  description: 'The people whose new quotes come here',
  slow: true,
  options: {},
  async run({ services, caller, t }) {
    const found = await chatPreferences(services.subscriptions, caller, t);
    if ('refusal' in found) return found.refusal;
    const follows = found.current.follows ?? [];
    if (follows.length === 0) {
      return reply.text(t('following-nobody'));
    }
    const terminal = caller.platform === 'terminal';
    const items: (Span | string)[][] = [];
    for (const followed of follows) {
      const since = ` (${t('following-since', { date: followed.since.slice(0, 10) })})`;
      const newest = terminal ? await newestQuote(followed, services, t) : [];
      items.push([{ text: followed.name, bold: true }, since, ...newest]);
    }
    return reply.of(paragraph(t('following-title')), list(items, t), paragraph(t('following-hint')));
  },
});

/** The newest quote by a followed person, as the spans after its name. */
async function newestQuote(
  followed: FollowedSpeaker,
  services: Services,
  t: Translate,
): Promise<(Span | string)[]> {
  const result = await services.quotes.search(followed.name, { limit: 1 });
  const hit = result.kind === 'found' ? result.hits[0] : undefined;
  if (!hit) return [`: ${t('following-no-quote-yet')}`];
  return [
    `: “${hit.text}” (${hit.date.slice(0, 10)}) — `,
    { text: hit.article.title || hit.article.url, link: hit.article.url },
  ];
}
