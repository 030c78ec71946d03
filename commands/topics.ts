import { defineCommand } from '../src/chat/command-definition.js';
import { reply } from '../src/chat/reply.js';
import { readTopics } from '../src/delivery/subscription.js';
import { withTopicsLeftOut } from '../src/delivery/subscription-reply.js';
import { chatSubscription } from '../src/delivery/chat-subscription.js';

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
    const found = await chatSubscription(services.subscriptions, caller, t);
    if ('refusal' in found) return found.refusal;
    const { address, current } = found;
    if (!options.topics) {
      return reply.text(
        current.topics.length ? t('topics-current', { topics: current.topics.join(', ') }) : t('topics-all'),
      );
    }
    const { topics, leftOut } =
      options.topics.trim().toLowerCase() === 'all'
        ? { topics: [], leftOut: [] }
        : readTopics(options.topics);
    await services.subscriptions.update(address, { topics });
    const said = reply.text(
      topics.length ? t('topics-set', { topics: topics.join(', ') }) : t('topics-cleared'),
    );
    return withTopicsLeftOut(said, leftOut, t);
  },
});
