import { defineCommand } from '../src/chat/command-definition.js';
import { reply } from '../src/chat/reply.js';
import { chatAddress } from '../src/delivery/chat-address.js';
import { noSubscriptionsHere } from '../src/delivery/subscription-reply.js';

/** /unsubscribe: no more daily digests in this chat (or forum topic). */
export const unsubscribeCommand = defineCommand({
  name: 'unsubscribe',
  description: 'Stop the daily digest here',
  access: 'chat-admin',
  options: {},
  async run({ services, caller, t }) {
    const address = chatAddress(caller);
    if (!address) return noSubscriptionsHere(t);
    const removed = await services.subscriptions.unsubscribe(address);
    return reply.text(removed ? t('unsubscribe-done') : t('unsubscribe-not-subscribed'));
  },
});
