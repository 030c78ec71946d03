import { defineCommand } from '../src/chat/command-definition.js';
import { readTopics } from '../src/delivery/subscription.js';
import { chatAddress } from '../src/delivery/chat-address.js';
import {
  noSubscriptionsHere,
  subscriptionReply,
  withTopicsLeftOut,
} from '../src/delivery/subscription-reply.js';

/** /subscribe [topics...]: the digest in this chat (or forum topic) every day. */
export const subscribeCommand = defineCommand({
  name: 'subscribe',
  description: 'Get the digest here every day, optionally only for some topics',
  access: 'chat-admin',
  slow: true,
  options: {
    topics: { type: 'string', description: 'topic words, e.g. climate energy', rest: true },
  },
  async run({ options, services, caller, t, language }) {
    const address = chatAddress(caller);
    if (!address) return noSubscriptionsHere(t);
    const { topics, leftOut } = options.topics
      ? readTopics(options.topics)
      : { topics: undefined, leftOut: [] };
    const existing = await services.subscriptions.get(address);
    const { subscription, created } = await services.subscriptions.subscribe(
      address,
      // A new subscription's digest comes in the chat's language.
      { ...(topics ? { topics } : {}), ...(existing ? {} : { language }) },
    );
    const lead = created ? t('subscribe-created') : t('subscribe-updated');
    const answer = await subscriptionReply(services, subscription, services.clock(), lead, t, language);
    return withTopicsLeftOut(answer, leftOut, t);
  },
});
