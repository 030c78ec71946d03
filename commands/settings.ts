import { defineCommand } from '../src/chat/command-definition.js';
import { reply } from '../src/chat/reply.js';
import { chatAddress } from '../src/delivery/chat-address.js';
import { parseQuietHours, parseSwitch } from '../src/delivery/settings-values.js';
import type { SubscriptionChanges } from '../src/delivery/subscription-store.js';
import {
  NO_SUBSCRIPTIONS_HERE,
  NOT_SUBSCRIBED,
  subscriptionReply,
} from '../src/delivery/subscription-reply.js';

/**
/**
 * /settings [language <code> | images on|off | quiet <HH:MM-HH:MM|off> | silent on|off]: this
 * chat's subscription, or a change of the digest's language, whether it shows story images, the
 * quiet hours of instant posts, or whether deliveries arrive without a notification sound.
 */
export const settingsCommand = defineCommand({
  name: 'settings',
  description: 'This chat’s settings; change language, images on|off, quiet 22:00-07:00|off, silent on|off',
  access: 'chat-admin',
  anyoneMayView: true,
  options: {
    setting: {
      type: 'string',
      description: 'what to change',
      choices: ['language', 'images', 'quiet', 'silent'],
    },
    value: { type: 'string', description: 'the new value' },
  },
  async run({ options, services, caller }) {
    const address = chatAddress(caller);
    if (!address) return NO_SUBSCRIPTIONS_HERE;
    const current = await services.subscriptions.get(address);
    if (!current) return NOT_SUBSCRIBED;
    const now = services.clock();
    const bounds = services.config.instant;
    if (!options.setting) return subscriptionReply(current, now, 'This chat’s settings:', bounds);
    let changes: SubscriptionChanges;
    let lead: string;
    if (options.setting === 'images') {
      const images = parseSwitch(options.value ?? '');
      if (images === null) {
        return reply.text('Say /settings images on (a picture with the top story) or /settings images off.');
      }
      changes = { images };
      lead = images ? 'Images on.' : 'Images off.';
    } else if (options.setting === 'quiet') {
      const quiet = parseQuietHours(options.value ?? '');
      if (quiet === undefined) {
        return reply.text(
          'Give quiet hours as from-to on a 24-hour clock, e.g. /settings quiet 22:00-07:00, or /settings quiet off.',
        );
      }
      changes = { quietHours: quiet };
      lead = quiet
        ? `Quiet hours set: no instant posts from ${quiet.from} to ${quiet.to} (${current.timeZone}); what comes meanwhile is posted when they end.`
        : 'Quiet hours off.';
    } else if (options.setting === 'silent') {
      const silent = parseSwitch(options.value ?? '');
      if (silent === null) return reply.text('Use /settings silent on, or /settings silent off.');
      changes = { silent };
      lead = silent
        ? 'Silent delivery on: digests and posts arrive without a notification sound.'
        : 'Silent delivery off: deliveries notify as usual.';
    } else {
      const languages = ['en', ...Object.keys(services.config.digest.languages)];
      const language = options.value?.toLowerCase();
      if (!language || !languages.includes(language)) {
        return reply.text(`Choose a language the bot has words for: ${[...new Set(languages)].join(', ')}.`);
      }
      changes = { language };
      lead = 'Language set.';
    }
    const updated = await services.subscriptions.update(address, changes);
    return updated ? subscriptionReply(updated, now, lead, bounds) : NOT_SUBSCRIBED;
  },
});
