import { defineCommand } from '../src/chat/command-definition.js';
import { paragraph, reply } from '../src/chat/reply.js';
import { chatAddress } from '../src/delivery/chat-address.js';
import { noSubscriptionsHere, notSubscribed, subscriptionReply } from '../src/delivery/subscription-reply.js';
import { LANGUAGES } from '../src/i18n/languages.js';

/**
 * /settings [language <code> | images on|off]: this chat's subscription, or a change of the chat's
 * language (its replies, and the words of its digest) or of whether its digest shows story images.
 */
export const settingsCommand = defineCommand({
  name: 'settings',
  description: 'This chat’s subscription; change the chat’s language or images: /settings language|images',
  access: 'chat-admin',
  anyoneMayView: true,
  options: {
    setting: { type: 'string', description: 'what to change', choices: ['language', 'images'] },
    value: { type: 'string', description: 'the new value' },
  },
  async run({ options, services, caller, t, language }) {
    const address = chatAddress(caller);
    if (!options.setting) {
      const here = paragraph(t('settings-language-here', { language }));
      if (!address) return reply.of(...noSubscriptionsHere(t).blocks, here);
      const current = await services.subscriptions.get(address);
      if (!current) return reply.of(...notSubscribed(t).blocks, here);
      return subscriptionReply(current, services.clock(), t('settings-lead'), t, language);
    }
    const value = options.value?.toLowerCase();
    if (options.setting === 'images') {
      if (value !== 'on' && value !== 'off') return reply.text(t('settings-images-choose'));
      if (!address) return noSubscriptionsHere(t);
      const updated = await services.subscriptions.update(address, { images: value === 'on' });
      return updated
        ? subscriptionReply(
            updated,
            services.clock(),
            value === 'on' ? t('settings-images-on') : t('settings-images-off'),
            t,
            language,
          )
        : notSubscribed(t);
    }
    // The interface's languages, and languages the config gives the digest's words in.
    const languages = [...new Set<string>([...LANGUAGES, ...Object.keys(services.config.digest.languages)])];
    if (!value || !languages.includes(value)) {
      return reply.text(t('settings-language-choose', { languages: languages.join(', ') }));
    }
    await services.languages.set(caller, value);
    // From here on the chat is answered in the language it chose.
    const now = services.i18n.translator(value);
    const updated = address && (await services.subscriptions.update(address, { language: value }));
    return updated
      ? subscriptionReply(updated, services.clock(), now('settings-language-set'), now, value)
      : reply.text(`${now('settings-language-set')} ${now('settings-language-here', { language: value })}`);
  },
});
