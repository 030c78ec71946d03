import { defineCommand } from '../src/chat/command-definition.js';
import { normalizeTopics } from '../src/delivery/subscription.js';
import { chatAddress } from '../src/delivery/chat-address.js';
import { NO_SUBSCRIPTIONS_HERE, subscriptionReply } from '../src/delivery/subscription-reply.js';

/** /subscribe [topics...]: the digest in this chat (or forum topic) every day. */
export const subscribeCommand = defineCommand({
  name: 'subscribe',
  description: 'Get the digest here every day, optionally only for some topics',
  access: 'chat-admin',
  slow: true,
  options: {
    topics: { type: 'string', description: 'topic words, e.g. climate energy', rest: true },
  },
  async run({ options, services, caller }) {
    const address = chatAddress(caller);
    if (!address) return NO_SUBSCRIPTIONS_HERE;
    const topics = options.topics ? normalizeTopics([options.topics]) : undefined;
    const { subscription, created } = await services.subscriptions.subscribe(
      address,
      topics ? { topics } : {},
    );
    const lead = created ? 'Subscribed: the digest will come here every day.' : 'Subscription updated.';
    return subscriptionReply(subscription, services.clock(), lead, services.config.instant);
  },
});
