import { defineCommand } from '../src/chat/command-definition.js';
import { reply } from '../src/chat/reply.js';
import { chatAddress } from '../src/delivery/chat-address.js';
import {
  NO_SUBSCRIPTIONS_HERE,
  NOT_SUBSCRIBED,
  subscriptionReply,
} from '../src/delivery/subscription-reply.js';

/**
 * /settings [language <code> | images on|off]: this chat's subscription, or a change of the
 * digest's language or of whether it shows story images.
 */
export const settingsCommand = defineCommand({
  name: 'settings',
  description: 'This chat’s subscription; change it with /settings language <code> or images on|off',
  access: 'chat-admin',
  anyoneMayView: true,
  options: {
    setting: { type: 'string', description: 'what to change', choices: ['language', 'images'] },
    value: { type: 'string', description: 'the new value' },
  },
  async run({ options, services, caller }) {
    const address = chatAddress(caller);
    if (!address) return NO_SUBSCRIPTIONS_HERE;
    const current = await services.subscriptions.get(address);
    if (!current) return NOT_SUBSCRIBED;
    if (!options.setting) return subscriptionReply(current, services.clock(), 'This chat’s daily digest:');
    const value = options.value?.toLowerCase();
    if (options.setting === 'images') {
      if (value !== 'on' && value !== 'off') {
        return reply.text('Say /settings images on (a picture with the top story) or /settings images off.');
      }
      const updated = await services.subscriptions.update(address, { images: value === 'on' });
      return updated
        ? subscriptionReply(updated, services.clock(), value === 'on' ? 'Images on.' : 'Images off.')
        : NOT_SUBSCRIBED;
    }
    const languages = ['en', ...Object.keys(services.config.digest.languages)];
    if (!value || !languages.includes(value)) {
      return reply.text(`Choose a language the bot has words for: ${[...new Set(languages)].join(', ')}.`);
    }
    const updated = await services.subscriptions.update(address, { language: value });
    return updated ? subscriptionReply(updated, services.clock(), 'Language set.') : NOT_SUBSCRIBED;
  },
});
