import { defineCommand } from '../src/chat/command-definition.js';
import { reply } from '../src/chat/reply.js';
import { normalizeTopics } from '../src/delivery/subscription.js';
import { chatAddress } from '../src/delivery/chat-address.js';
import { noSubscriptionsHere, notSubscribed } from '../src/delivery/subscription-reply.js';

/** /topics [words... | all]: shows this chat's topics, or sets them ("all" for all the news). */
export const topicsCommand = defineCommand({
  name: 'topics',
  description: 'Show the topics of this chat’s digest, or set them ("all" for everything)',
  access: 'chat-admin',
  anyoneMayView: true,
  options: {
    topics: { type: 'string', description: 'topic words, or "all"', rest: true },
  },
  async run({ options, services, caller, t }) {
    const address = chatAddress(caller);
    if (!address) return noSubscriptionsHere(t);
    const current = await services.subscriptions.get(address);
    if (!current) return notSubscribed(t);
    if (!options.topics) {
      return reply.text(
        current.topics.length ? t('topics-current', { topics: current.topics.join(', ') }) : t('topics-all'),
      );
    }
    const topics = options.topics.trim().toLowerCase() === 'all' ? [] : normalizeTopics([options.topics]);
    await services.subscriptions.update(address, { topics });
    return reply.text(topics.length ? t('topics-set', { topics: topics.join(', ') }) : t('topics-cleared'));
  },
});
