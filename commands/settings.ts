import { defineCommand } from '../src/chat/command-definition.js';
import { paragraph, reply } from '../src/chat/reply.js';
import { chatAddress } from '../src/delivery/chat-address.js';
import { parseQuietHours, parseSwitch } from '../src/delivery/settings-values.js';
import type { SubscriptionChanges } from '../src/delivery/subscription-store.js';
import { noSubscriptionsHere, notSubscribed, subscriptionReply } from '../src/delivery/subscription-reply.js';
import { LANGUAGES } from '../src/i18n/languages.js';

/**
 * /settings [language <code> | images on|off | quiet <HH:MM-HH:MM|off> | silent on|off]: this
 * chat's subscription, or a change of the chat's language (its replies, and the words of its
 * digest), whether its digest shows story images, the quiet hours of instant posts, or whether
 * deliveries arrive without a notification sound.
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
  async run({ options, services, caller, t, language }) {
    const address = chatAddress(caller);
    const now = services.clock();
    if (!options.setting) {
      const here = paragraph(t('settings-language-here', { language }));
      if (!address) return reply.of(...noSubscriptionsHere(t).blocks, here);
      const current = await services.subscriptions.get(address);
      if (!current) return reply.of(...notSubscribed(t).blocks, here);
      return subscriptionReply(services, current, now, t('settings-lead'), t, language);
    }
    if (options.setting === 'language') {
      // The interface's languages, and languages the config gives the digest's words in.
      const languages = [
        ...new Set<string>([...LANGUAGES, ...Object.keys(services.config.digest.languages)]),
      ];
      const chosen = options.value?.toLowerCase();
      if (!chosen || !languages.includes(chosen)) {
        return reply.text(t('settings-language-choose', { languages: languages.join(', ') }));
      }
      await services.languages.set(caller, chosen);
      // From here on the chat is answered in the language it chose.
      const said = services.i18n.translator(chosen);
      const updated = address && (await services.subscriptions.update(address, { language: chosen }));
      return updated
        ? await subscriptionReply(services, updated, now, said('settings-language-set'), said, chosen)
        : reply.text(
            `${said('settings-language-set')} ${said('settings-language-here', { language: chosen })}`,
          );
    }
    if (!address) return noSubscriptionsHere(t);
    const current = await services.subscriptions.get(address);
    if (!current) return notSubscribed(t);
    let changes: SubscriptionChanges;
    let lead: string;
    if (options.setting === 'images') {
      const images = parseSwitch(options.value ?? '');
      if (images === null) return reply.text(t('settings-images-choose'));
      changes = { images };
      lead = images ? t('settings-images-on') : t('settings-images-off');
    } else if (options.setting === 'quiet') {
      const quiet = parseQuietHours(options.value ?? '');
      if (quiet === undefined) return reply.text(t('settings-quiet-choose'));
      changes = { quietHours: quiet };
      lead = quiet
        ? t('settings-quiet-set', { from: quiet.from, to: quiet.to, zone: current.timeZone })
        : t('settings-quiet-off');
    } else {
      const silent = parseSwitch(options.value ?? '');
      if (silent === null) return reply.text(t('settings-silent-choose'));
      changes = { silent };
      lead = silent ? t('settings-silent-on') : t('settings-silent-off');
    }
    const updated = await services.subscriptions.update(address, changes);
    return updated ? await subscriptionReply(services, updated, now, lead, t, language) : notSubscribed(t);
  },
});
