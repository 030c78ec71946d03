import { defineCommand } from '../src/chat/command-definition.js';
import { list, paragraph, reply } from '../src/chat/reply.js';
import { chatSubscription } from '../src/delivery/chat-subscription.js';

/** /following: the people whose new quotes come to this chat. */
export const followingCommand = defineCommand({
  name: 'following',
  description: 'The people whose new quotes come here',
  options: {},
  async run({ services, caller, t }) {
    const found = await chatSubscription(services.subscriptions, caller, t);
    if ('refusal' in found) return found.refusal;
    const { current } = found;
    const follows = current.follows ?? [];
    if (follows.length === 0) {
      return reply.text(t('following-nobody'));
    }
    return reply.of(
      paragraph(t('following-title')),
      list(
        follows.map((followed) => [
          { text: followed.name, bold: true },
          ` (${t('following-since', { date: followed.since.slice(0, 10) })})`,
        ]),
        t,
      ),
      paragraph(t('following-hint')),
    );
  },
});
