import { defineCommand } from '../src/chat/command-definition.js';
import { digestReply } from '../src/digest/digest-reply.js';
import { ArticleWords, storyFilter } from '../src/delivery/chat-filters.js';
import { callerSubscription } from '../src/delivery/chat-subscription.js';
import { chatKey } from '../src/sources/source-catalog.js';

/** /digest [topic]: today's digest, built now, with the chat's filters (the terminal's at the terminal). */
export const digestCommand = defineCommand({
  name: 'digest',
  description: "Today's digest now, optionally for one topic",
  slow: true,
  options: {
    topic: { type: 'string', description: 'only stories about this topic', rest: true },
  },
  async run({ options, services, caller, t }) {
    // A chat's own sources are in its digest; other chats' are not.
    const audience = caller.platform === 'terminal' ? null : chatKey(caller.platform, caller.chatId);
    // One read of the chat's record for both its filters and its image setting.
    const subscription = await callerSubscription(services.subscriptions, caller);
    const accept = storyFilter(subscription?.filters, new ArticleWords());
    const digest = await services.digests.build(services.clock(), {
      topic: options.topic ?? null,
      audience,
      accept,
    });
    // The top story's image, as in the scheduled digest, unless this chat (or topic) turned images off.
    return digestReply(digest, t, { images: subscription?.images !== false });
  },
});
