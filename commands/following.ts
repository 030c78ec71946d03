import { defineCommand } from '../src/chat/command-definition.js';
import { list, paragraph, reply } from '../src/chat/reply.js';
import { chatAddress } from '../src/delivery/chat-address.js';
import { NO_SUBSCRIPTIONS_HERE, NOT_SUBSCRIBED } from '../src/delivery/subscription-reply.js';

/** /following: the people whose new quotes come to this chat. */
export const followingCommand = defineCommand({
  name: 'following',
  description: 'The people whose new quotes come here',
  options: {},
  async run({ services, caller }) {
    const address = chatAddress(caller);
    if (!address) return NO_SUBSCRIPTIONS_HERE;
    const current = await services.subscriptions.get(address);
    if (!current) return NOT_SUBSCRIBED;
    const follows = current.follows ?? [];
    if (follows.length === 0) {
      return reply.text('This chat follows nobody. /follow <name> gets each new quote by a person here.');
    }
    return reply.of(
      paragraph('This chat follows:'),
      list(
        follows.map((followed) => [
          { text: followed.name, bold: true },
          ` (since ${followed.since.slice(0, 10)})`,
        ]),
      ),
      paragraph('/unfollow <name> stops one.'),
    );
  },
});
