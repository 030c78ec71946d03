import { defineCommand } from '../src/chat/command-definition.js';
import { paragraph, reply } from '../src/chat/reply.js';
import { chatAddress } from '../src/delivery/chat-address.js';
import { noSubscriptionsHere, notSubscribed, subscriptionReply } from '../src/delivery/subscription-reply.js';
import { LANGUAGES } from '../src/i18n/languages.js';

/**
 * /settings [language <code>]: this chat's subscription, or a change of the chat's language (its
 * replies, and the words of its digest).
 */
export const settingsCommand = defineCommand({
  name: 'settings',
  description: 'This chat’s subscription; /settings language <code> changes the chat’s language',
  access: 'chat-admin',
  anyoneMayView: true,
  options: {
    setting: { type: 'string', description: 'what to change', choices: ['language'] },
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
    // The interface's languages, and languages the config gives the digest's words in.
    const languages = [...new Set<string>([...LANGUAGES, ...Object.keys(services.config.digest.languages)])];
    const chosen = options.value?.toLowerCase();
    if (!chosen || !languages.includes(chosen)) {
      return reply.text(t('settings-language-choose', { languages: languages.join(', ') }));
    }
    await services.languages.set(caller, chosen);
    // From here on the chat is answered in the language it chose.
    const now = services.i18n.translator(chosen);
    const updated = address && (await services.subscriptions.update(address, { language: chosen }));
    return updated
      ? subscriptionReply(updated, services.clock(), now('settings-language-set'), now, chosen)
      : reply.text(`${now('settings-language-set')} ${now('settings-language-here', { language: chosen })}`);
  },
});
