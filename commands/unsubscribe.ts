import { defineCommand } from '../src/chat/command-definition.js';
import { reply } from '../src/chat/reply.js';
import { chatAddress } from '../src/delivery/chat-address.js';
import { NO_SUBSCRIPTIONS_HERE } from '../src/delivery/subscription-reply.js';

/** /unsubscribe: no more daily digests in this chat (or forum topic). */
export const unsubscribeCommand = defineCommand({
  name: 'unsubscribe',
  description: 'Stop the daily digest here',
  access: 'chat-admin',
  options: {},
  async run({ services, caller }) {
    const address = chatAddress(caller);
    if (!address) return NO_SUBSCRIPTIONS_HERE;
    const removed = await services.subscriptions.unsubscribe(address);
    return reply.text(
      removed
        ? 'Unsubscribed: no more daily digests here. /subscribe brings them back.'
        : 'This chat was not subscribed. /subscribe starts the daily digest.',
    );
  },
});
