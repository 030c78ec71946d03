import { defineCommand } from '../src/chat/command-definition.js';
import { reply } from '../src/chat/reply.js';
import { chatAddress } from '../src/delivery/chat-address.js';
import {
  NO_SUBSCRIPTIONS_HERE,
  NOT_SUBSCRIBED,
  subscriptionReply,
} from '../src/delivery/subscription-reply.js';

/** /settings [language <code>]: this chat's subscription, or a change of the digest's language. */
export const settingsCommand = defineCommand({
  name: 'settings',
  description: 'This chat’s subscription; /settings language <code> changes the digest’s language',
  access: 'chat-admin',
  anyoneMayView: true,
  options: {
    setting: { type: 'string', description: 'what to change', choices: ['language'] },
    value: { type: 'string', description: 'the new value' },
  },
  async run({ options, services, caller }) {
    const address = chatAddress(caller);
    if (!address) return NO_SUBSCRIPTIONS_HERE;
    const current = await services.subscriptions.get(address);
    if (!current) return NOT_SUBSCRIBED;
    if (!options.setting) return subscriptionReply(current, services.clock(), 'This chat’s daily digest:');
    const languages = ['en', ...Object.keys(services.config.digest.languages)];
    const language = options.value?.toLowerCase();
    if (!language || !languages.includes(language)) {
      return reply.text(`Choose a language the bot has words for: ${[...new Set(languages)].join(', ')}.`);
    }
    const updated = await services.subscriptions.update(address, { language });
    return updated ? subscriptionReply(updated, services.clock(), 'Language set.') : NOT_SUBSCRIBED;
  },
});
