import { defineCommand } from '../src/chat/command-definition.js';
import { reply } from '../src/chat/reply.js';
import { normalizeTopics } from '../src/delivery/subscription.js';
import { chatAddress } from '../src/delivery/chat-address.js';
import { NO_SUBSCRIPTIONS_HERE, NOT_SUBSCRIBED } from '../src/delivery/subscription-reply.js';

/** /topics [words... | all]: shows this chat's topics, or sets them ("all" for all the news). */
export const topicsCommand = defineCommand({
  name: 'topics',
  description: 'Show the topics of this chat’s digest, or set them ("all" for everything)',
  access: 'chat-admin',
  anyoneMayView: true,
  options: {
    topics: { type: 'string', description: 'topic words, or "all"', rest: true },
  },
  async run({ options, services, caller }) {
    const address = chatAddress(caller);
    if (!address) return NO_SUBSCRIPTIONS_HERE;
    const current = await services.subscriptions.get(address);
    if (!current) return NOT_SUBSCRIBED;
    if (!options.topics) {
      return reply.text(
        current.topics.length
          ? `Topics: ${current.topics.join(', ')}. Change them with /topics <words>, or /topics all.`
          : 'Topics: all the news. Narrow it with /topics <words>, e.g. /topics climate energy.',
      );
    }
    const topics = options.topics.trim().toLowerCase() === 'all' ? [] : normalizeTopics([options.topics]);
    await services.subscriptions.update(address, { topics });
    return reply.text(topics.length ? `Topics set: ${topics.join(', ')}.` : 'Topics cleared: all the news.');
  },
});
